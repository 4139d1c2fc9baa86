package pay_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func post(t *testing.T, url string, h http.Header, body []byte) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header = h.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}

func wantFail(t *testing.T, status int, body string, wantStatus int) {
	t.Helper()
	if status != wantStatus {
		t.Fatalf("status %d, want %d (%s)", status, wantStatus, body)
	}
	var m struct{ Code, Message string }
	if err := json.Unmarshal([]byte(body), &m); err != nil || m.Code != "FAIL" || m.Message == "" {
		t.Fatalf("failure answer must be {\"code\":\"FAIL\",\"message\":...}, got %q", body)
	}
}

func TestNotifyHandler(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			if _, err := c.PrepayNative(ctx(t), &pay.PrepayRequest{AppID: "wx1", Description: "d", OutTradeNo: "N1", NotifyURL: "https://e/n", Amount: pay.Amount{Total: 88}}); err != nil {
				t.Fatal(err)
			}
			resource, _ := srv.PayOrder("N1")

			var calls, refundCalls atomic.Int32
			var fail atomic.Bool
			var got *pay.Transaction
			h := &pay.NotifyHandler{
				Client: c,
				OnTransaction: func(_ context.Context, n *pay.Notification, tx *pay.Transaction) error {
					calls.Add(1)
					if fail.Load() {
						return errors.New("database down")
					}
					if n.EventType != pay.EventTransactionSuccess {
						t.Errorf("event type %s", n.EventType)
					}
					got = tx
					return nil
				},
				OnRefund: func(_ context.Context, n *pay.Notification, r *pay.RefundNotification) error {
					refundCalls.Add(1)
					if n.EventType != pay.EventRefundAbnormal || r.RefundStatus != pay.RefundStatusAbnormal || r.Amount.Refund != 88 {
						t.Errorf("refund notification %s %+v", n.EventType, r)
					}
					return nil
				},
			}
			hs := httptest.NewServer(h)
			defer hs.Close()

			keys := []fakepay.Key{fakepay.KeyDefault}
			if m.server == fakepay.ModeBoth {
				keys = []fakepay.Key{fakepay.KeyCertificate, fakepay.KeyPublicKey} // both accepted in transition
			}
			for _, key := range keys {
				hdr, body, err := srv.BuildNotification(pay.EventTransactionSuccess, resource, key)
				if err != nil {
					t.Fatal(err)
				}
				calls.Store(0)
				fail.Store(true)
				status, answer := post(t, hs.URL, hdr, body)
				wantFail(t, status, answer, http.StatusInternalServerError)
				fail.Store(false)
				if status, answer := post(t, hs.URL, hdr, body); status != http.StatusNoContent {
					t.Fatalf("retry after failure: %d %s", status, answer)
				}
				if status, _ := post(t, hs.URL, hdr, body); status != http.StatusNoContent {
					t.Fatalf("duplicate: %d", status)
				}
				if calls.Load() != 2 {
					t.Fatalf("handler calls = %d, want 2 (failed, then succeeded; duplicate skipped)", calls.Load())
				}
				if got == nil || got.OutTradeNo != "N1" || got.TradeState != pay.TradeStateSuccess || got.Amount.Total != 88 {
					t.Fatalf("decoded transaction %+v", got)
				}
			}

			// Refund notification through the real sending path.
			if _, err := c.RefundByOutTradeNo(ctx(t), "N1", "NR1", 88, 88, "", ""); err != nil {
				t.Fatal(err)
			}
			rres, _ := srv.SetRefundStatus("NR1", "ABNORMAL")
			status, _, err := srv.SendNotification(ctx(t), nil, hs.URL, pay.EventRefundAbnormal, rres, fakepay.KeyDefault)
			if err != nil || status != http.StatusNoContent || refundCalls.Load() != 1 {
				t.Fatalf("refund notification: %d %v calls=%d", status, err, refundCalls.Load())
			}
		})
	}
}

func TestNotifyHandlerRejects(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	var calls atomic.Int32
	h := &pay.NotifyHandler{Client: c, MaxBodySize: 4096,
		OnOther: func(context.Context, *pay.Notification) error { calls.Add(1); return nil }}
	hs := httptest.NewServer(h)
	defer hs.Close()
	hdr, body, _ := srv.BuildNotification("TRANSACTION.SUCCESS", map[string]any{"out_trade_no": "x"}, fakepay.KeyDefault)

	t.Run("tampered body", func(t *testing.T) {
		status, answer := post(t, hs.URL, hdr, bytes.Replace(body, []byte(`"summary":"`), []byte(`"summary":"X`), 1))
		wantFail(t, status, answer, http.StatusUnauthorized)
	})
	t.Run("bad GCM tag", func(t *testing.T) {
		var env map[string]any
		_ = json.Unmarshal(body, &env)
		res := env["resource"].(map[string]any)
		ct, _ := base64.StdEncoding.DecodeString(res["ciphertext"].(string))
		ct[len(ct)-1] ^= 1 // flips a tag bit
		res["ciphertext"] = base64.StdEncoding.EncodeToString(ct)
		b, _ := json.Marshal(env)
		status, answer := post(t, hs.URL, srv.SignBody(b, fakepay.KeyDefault), b)
		wantFail(t, status, answer, http.StatusBadRequest)
		if _, err := c.ParseNotification(ctx(t), srv.SignBody(b, fakepay.KeyDefault), b); !errors.Is(err, pay.ErrDecrypt) {
			t.Fatalf("want ErrDecrypt, got %v", err)
		}
	})
	t.Run("stale timestamp", func(t *testing.T) {
		srv.SetClock(func() time.Time { return time.Now().Add(-6 * time.Minute) })
		defer srv.SetClock(time.Now)
		h2, b2, _ := srv.BuildNotification("TRANSACTION.SUCCESS", map[string]any{}, fakepay.KeyDefault)
		status, answer := post(t, hs.URL, h2, b2)
		wantFail(t, status, answer, http.StatusUnauthorized)
		if _, err := c.ParseNotification(ctx(t), h2, b2); !errors.Is(err, pay.ErrStaleTimestamp) {
			t.Fatalf("want ErrStaleTimestamp, got %v", err)
		}
	})
	t.Run("unknown certificate", func(t *testing.T) {
		h2, b2, _ := srv.BuildNotification("TRANSACTION.SUCCESS", map[string]any{}, fakepay.KeyCertificate)
		status, answer := post(t, hs.URL, h2, b2)
		wantFail(t, status, answer, http.StatusUnauthorized)
		if _, err := c.ParseNotification(ctx(t), h2, b2); !errors.Is(err, pay.ErrUnknownSerial) {
			t.Fatalf("want ErrUnknownSerial, got %v", err)
		}
	})
	t.Run("too large", func(t *testing.T) {
		big := bytes.Repeat([]byte("x"), 5000)
		status, answer := post(t, hs.URL, srv.SignBody(big, fakepay.KeyDefault), big)
		wantFail(t, status, answer, http.StatusRequestEntityTooLarge)
	})
	t.Run("method", func(t *testing.T) {
		resp, err := http.Get(hs.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Fatalf("GET: %d", resp.StatusCode)
		}
	})
	t.Run("missing headers", func(t *testing.T) {
		status, answer := post(t, hs.URL, http.Header{"Content-Type": {"application/json"}}, body)
		wantFail(t, status, answer, http.StatusUnauthorized)
	})
	if calls.Load() != 0 {
		t.Fatalf("handler called %d times for rejected notifications", calls.Load())
	}
	status, _ := post(t, hs.URL, hdr, body)
	if status != http.StatusNoContent || calls.Load() != 1 {
		t.Fatalf("valid notification: %d calls=%d", status, calls.Load())
	}
}

func TestNotifyHandlerConcurrentRetry(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	release := make(chan struct{})
	var calls atomic.Int32
	h := &pay.NotifyHandler{Client: c, OnTransaction: func(context.Context, *pay.Notification, *pay.Transaction) error {
		calls.Add(1)
		<-release
		return nil
	}}
	hs := httptest.NewServer(h)
	defer hs.Close()
	hdr, body, _ := srv.BuildNotification(pay.EventTransactionSuccess, map[string]any{"out_trade_no": "C1"}, fakepay.KeyDefault)
	first := make(chan int, 1)
	go func() { s, _ := post(t, hs.URL, hdr, body); first <- s }()
	for calls.Load() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	// A retry while the first delivery is still being handled must not run
	// the handler twice, and must not be acknowledged yet.
	status, answer := post(t, hs.URL, hdr, body)
	wantFail(t, status, answer, http.StatusServiceUnavailable)
	close(release)
	if s := <-first; s != http.StatusNoContent {
		t.Fatalf("first delivery: %d", s)
	}
	if calls.Load() != 1 {
		t.Fatalf("calls = %d", calls.Load())
	}
}

func TestNotifyCombineAndPanic(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	var combined *pay.CombineTransaction
	h := &pay.NotifyHandler{Client: c,
		OnTransaction: func(context.Context, *pay.Notification, *pay.Transaction) error { panic("boom") },
		OnCombineTransaction: func(_ context.Context, _ *pay.Notification, t *pay.CombineTransaction) error {
			combined = t
			return nil
		}}
	hs := httptest.NewServer(h)
	defer hs.Close()
	res := map[string]any{"combine_appid": "wx1", "combine_mchid": srv.Opts.MchID, "combine_out_trade_no": "C9",
		"sub_orders": []map[string]any{{"mchid": srv.Opts.MchID, "out_trade_no": "S9", "trade_state": "SUCCESS", "amount": map[string]any{"total_amount": 5}}}}
	status, _, err := srv.SendNotification(ctx(t), nil, hs.URL, pay.EventTransactionSuccess, res, fakepay.KeyDefault)
	if err != nil || status != http.StatusNoContent || combined == nil || combined.SubOrders[0].Amount.TotalAmount != 5 {
		t.Fatalf("combine notification: %d %v %+v", status, err, combined)
	}
	status, answer, _ := srv.SendNotification(ctx(t), nil, hs.URL, pay.EventTransactionSuccess, map[string]any{"out_trade_no": "P"}, fakepay.KeyDefault)
	wantFail(t, status, string(answer), http.StatusInternalServerError)
}

// FuzzParseNotification signs arbitrary bodies with the test platform key so
// that the envelope parser and the decryption path, not just the signature
// check, see the fuzzed input.
func FuzzParseNotification(f *testing.F) {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	c, err := pay.New(testConfig(srv, pay.VerifyPublicKey), pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		f.Fatal(err)
	}
	_, valid, _ := srv.BuildNotification(pay.EventTransactionSuccess, map[string]any{"out_trade_no": "F1", "amount": map[string]any{"total": 1}}, fakepay.KeyDefault)
	f.Add(valid, "")
	f.Add([]byte(`{}`), "")
	f.Add([]byte(`{"id":"1","event_type":"REFUND.SUCCESS","resource":{"algorithm":"AEAD_AES_256_GCM","nonce":"123456789012","ciphertext":"AAAA","associated_data":"refund"}}`), "")
	f.Add([]byte(`{"id":"1","event_type":"X","resource":{"algorithm":"AEAD_AES_256_GCM","nonce":"short","ciphertext":"****"}}`), "")
	f.Add(valid, "1")
	f.Add([]byte("null"), strconv.Itoa(1<<30))
	f.Fuzz(func(t *testing.T, body []byte, tsOverride string) {
		h := srv.SignBody(body, fakepay.KeyDefault)
		if tsOverride != "" {
			h.Set("Wechatpay-Timestamp", tsOverride)
		}
		n, err := c.ParseNotification(context.Background(), h, body)
		if err != nil {
			if n != nil {
				t.Fatal("notification returned with an error")
			}
			if strings.Contains(err.Error(), fakepay.DefaultAPIv3Key) {
				t.Fatal("error leaks the API v3 key")
			}
			return
		}
		if n.ID == "" || n.EventType == "" {
			t.Fatalf("accepted notification without id/event_type: %+v", n)
		}
		_, _ = n.Transaction()
		_, _ = n.Refund()
	})
}
