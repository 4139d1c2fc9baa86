package pay_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// upstream answers every request with status and body (or fails the
// connection when status is 0), counting them.
type upstream struct {
	status int
	body   string
	n      atomic.Int32
}

func (u *upstream) RoundTrip(r *http.Request) (*http.Response, error) {
	u.n.Add(1)
	if r.Body != nil {
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	if u.status == 0 {
		return nil, errors.New("connection reset by peer")
	}
	return &http.Response{StatusCode: u.status, Body: io.NopCloser(strings.NewReader(u.body)), Header: http.Header{}, Request: r}, nil
}

// TestV2UpstreamFaults: a v2 call whose answer is not a 200 XML document
// (a gateway error, a dropped connection, a truncated or foreign body)
// fails with an error naming the path, sends exactly one request (a v2
// POST is never retried) and never shows the v2 key.
func TestV2UpstreamFaults(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	for _, tc := range []struct {
		name   string
		status int
		body   string
		expect string
	}{
		{"gateway error", 502, "<html>bad gateway</html>", "HTTP 502"},
		{"dropped connection", 0, "", "connection reset"},
		{"truncated answer", 200, "<xml><return_code><![CDATA[SUCC", "malformed v2 XML"},
		{"not xml", 200, `{"code":"SYSTEM_ERROR"}`, "malformed v2 XML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			up := &upstream{status: tc.status, body: tc.body}
			c := newClient(t, srv, pay.VerifyPublicKey, pay.WithHTTPClient(&http.Client{Transport: up}))
			_, err := c.QueryV2Order(ctx(t), &pay.V2OrderQuery{AppID: "wxd678efh567hg6787", OutTradeNo: "20150806125346"})
			var ve *pay.V2Error
			if err == nil || errors.As(err, &ve) || !strings.Contains(err.Error(), tc.expect) {
				t.Fatalf("err = %v", err)
			}
			if !strings.HasPrefix(err.Error(), "pay: POST /pay/orderquery: ") || strings.Count(err.Error(), "pay:") != 1 {
				t.Errorf("error does not name the call once: %v", err)
			}
			if strings.Contains(err.Error(), srv.Opts.APIv2Key) {
				t.Errorf("error shows the v2 key: %v", err)
			}
			if n := up.n.Load(); n != 1 {
				t.Errorf("%d requests, want 1 (never retried)", n)
			}
		})
	}
}

// TestV2BillDownloadUpstreamFault: a bill download answered with a gateway
// error writes nothing and sends one request.
func TestV2BillDownloadUpstreamFault(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	up := &upstream{status: 502, body: "bad gateway"}
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithHTTPClient(&http.Client{Transport: up}))
	var out strings.Builder
	n, err := c.DownloadV2Bill(ctx(t), &pay.V2BillRequest{AppID: "wxd678efh567hg6787", BillDate: "20140603", BillType: "ALL"}, &out)
	if err == nil || !strings.Contains(err.Error(), "POST /pay/downloadbill: HTTP 502") || n != 0 || out.Len() != 0 || up.n.Load() != 1 {
		t.Fatalf("n=%d out=%q err=%v requests=%d", n, out.String(), err, up.n.Load())
	}
}
