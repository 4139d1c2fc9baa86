package main

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Timeouts of the servers run by `wechat hub` and `wechat mock`, so that a
// slow or idle client cannot hold a connection forever. The write timeout
// leaves room for a token refresh (hub) or an injected latency (mock).
const (
	serverReadHeaderTimeout = 10 * time.Second
	serverReadTimeout       = time.Minute // covers a 32 MiB upload to the mock
	serverWriteTimeout      = 2 * time.Minute
	serverIdleTimeout       = 2 * time.Minute
)

// newHTTPServer returns a server for h with the CLI's timeouts; its own
// errors (TLS handshakes, bad requests) go to logger.
func newHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: serverReadHeaderTimeout,
		ReadTimeout:       serverReadTimeout,
		WriteTimeout:      serverWriteTimeout,
		IdleTimeout:       serverIdleTimeout,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// serveUntil serves hs on ln (with TLS when cert is not nil) until ctx is
// done, then shuts down gracefully.
func serveUntil(ctx context.Context, hs *http.Server, ln net.Listener, cert *tls.Certificate) error {
	if cert != nil {
		hs.TLSConfig = &tls.Config{Certificates: []tls.Certificate{*cert}, MinVersion: tls.VersionTLS12}
		ln = tls.NewListener(ln, hs.TLSConfig)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		hs.Close()
	}
	return nil
}
