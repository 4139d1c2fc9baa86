package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/weixin-go/wechat/hub"
)

func init() {
	register("hub", "serve the configured app's tokens to hub clients: wechat hub --addr A --hub-secret S", runHub)
}

func runHub(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveHub(ctx, args, stdout, stderr)
}

// serveHub refreshes the app's tokens in the background and serves them
// until ctx is done. It prints the hub's base URL on stdout once listening.
func serveHub(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wechat hub", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var app appFlags
	app.register(fs)
	addr := fs.String("addr", "127.0.0.1:9090", "listen address")
	secret := fs.String("hub-secret", os.Getenv("WECHAT_HUB_SECRET"), "bearer secret hub clients must send, 16+ bytes (env WECHAT_HUB_SECRET)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	c, err := app.client()
	if err != nil {
		fmt.Fprintln(stderr, "wechat hub:", err)
		return 1
	}
	defer c.Close()
	h, err := hub.NewServer(*secret)
	if err != nil {
		fmt.Fprintln(stderr, "wechat hub:", err)
		return 2
	}
	h.RegisterClient(c)
	c.StartRefresher(ctx, true)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "wechat hub:", err)
		return 1
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	fmt.Fprintf(stdout, "http://%s\n", ln.Addr())
	fmt.Fprintf(stderr, "wechat hub: serving tokens of %s; stop with Ctrl-C\n", c.AppID())
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		hs.Close()
	}
	return 0
}
