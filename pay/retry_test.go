package pay_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestRetryOnlyWhenNeverSent(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	var dials atomic.Int32
	tr := srv.Client().Transport.(*http.Transport).Clone()
	base := &net.Dialer{}
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if dials.Add(1) == 1 {
			return nil, errors.New("connection refused (simulated)")
		}
		return base.DialContext(ctx, network, addr)
	}
	var logs bytes.Buffer
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithHTTPClient(&http.Client{Transport: tr}),
		pay.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	if _, err := c.PrepayNative(ctx(t), &pay.PrepayRequest{AppID: "wx1", Description: "d", OutTradeNo: "RT1", NotifyURL: "https://e/n", Amount: pay.Amount{Total: 1}}); err != nil {
		t.Fatalf("dial failure should be retried: %v", err)
	}
	if n := srv.RequestCount("/v3/pay/transactions/native"); n != 1 {
		t.Fatalf("server saw %d requests", n)
	}
	if !strings.Contains(logs.String(), "retrying") || strings.Contains(logs.String(), "signature=") || strings.Contains(logs.String(), "PRIVATE") {
		t.Fatalf("unexpected logs: %s", logs.String())
	}

	// A POST that reached the server and lost its answer is never retried.
	var hits atomic.Int32
	drop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer drop.Close()
	c2, _ := pay.New(testConfig(srv, pay.VerifyPublicKey), pay.WithBaseURL(drop.URL))
	_, err := c2.RefundByOutTradeNo(ctx(t), "x", "y", 1, 1, "", "")
	if err == nil || hits.Load() != 1 {
		t.Fatalf("lost answer: err=%v hits=%d (must be exactly 1)", err, hits.Load())
	}
}
