package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/weixin-go/wechat/hub"
)

func init() {
	register("hub", "serve the configured app's tokens to hub clients: wechat hub --addr A --hub-secret S [--tls-cert F --tls-key F]", runHub)
}

func runHub(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveHub(ctx, args, stdout, stderr)
}

// serveHub refreshes the app's tokens in the background and serves them
// until ctx is done. It prints the hub's base URL on stdout once listening;
// rejected requests and failed refreshes are logged on stderr.
func serveHub(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("hub [--addr 127.0.0.1:9090] [--hub-secret S] [--tls-cert FILE --tls-key FILE] [app flags]",
		"Serves the configured app's access token to hub clients (hub.NewSource) that send\n\"Authorization: Bearer <hub secret>\", refreshing it in the background.\nServe TLS (--tls-cert, --tls-key) whenever clients are not on this machine.",
		stdout, stderr)
	var app appFlags
	app.register(fs.FlagSet)
	addr := fs.String("addr", "127.0.0.1:9090", "listen address")
	var secret string
	secretVar(fs.FlagSet, &secret, "hub-secret", "WECHAT_HUB_SECRET", "bearer `secret` hub clients must send, 16+ bytes")
	certFile := fs.String("tls-cert", "", "PEM certificate (chain) file: serve HTTPS")
	keyFile := fs.String("tls-key", "", "PEM private key file of --tls-cert")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return fs.usageError("unexpected argument %q", pos[0])
	}
	if (*certFile == "") != (*keyFile == "") {
		return fs.usageError("--tls-cert and --tls-key go together")
	}
	secrets := append(app.secrets(), secret)
	fail := func(err error, code int) int {
		fmt.Fprintln(stderr, failure("wechat hub", err, app.tokenURL(), 30*time.Second, secrets...))
		return code
	}
	var cert *tls.Certificate
	if *certFile != "" {
		c, err := tls.LoadX509KeyPair(*certFile, *keyFile)
		if err != nil {
			return fail(fmt.Errorf("loading --tls-cert %s and --tls-key %s: %w", *certFile, *keyFile, err), 2)
		}
		cert = &c
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	c, err := app.client(sctx)
	cancel()
	if err != nil {
		return fail(err, 1)
	}
	defer c.Close()
	// The springboard's environments live in the token store too, so that
	// they survive restarts and hubs sharing a Redis store agree.
	h, err := hub.NewServer(secret, hub.WithLogger(logger), hub.WithEnvStore(c.Store()))
	if err != nil {
		return fail(err, 2)
	}
	h.RegisterClient(c)
	c.StartRefresher(ctx, true)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(err, 1)
	}
	scheme := "http"
	if cert != nil {
		scheme = "https"
	}
	fmt.Fprintf(stdout, "%s://%s\n", scheme, ln.Addr())
	fmt.Fprintf(stderr, "wechat hub: serving tokens of %s on %s://%s; stop with Ctrl-C\n", c.AppID(), scheme, ln.Addr())
	if cert == nil {
		if ip, ok := ln.Addr().(*net.TCPAddr); ok && !ip.IP.IsLoopback() {
			fmt.Fprintln(stderr, "wechat hub: warning: serving plain HTTP on a non-loopback address sends the hub secret and tokens in clear; use --tls-cert and --tls-key")
		}
	}
	if err := serveUntil(ctx, newHTTPServer(h, logger), ln, cert); err != nil {
		return fail(err, 1)
	}
	return 0
}
