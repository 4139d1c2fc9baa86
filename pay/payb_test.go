package pay_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// notified starts a NotifyHandler whose OnOther keeps the last
// notification, and returns its URL and a getter.
func notified(t *testing.T, c *pay.Client) (string, func() *pay.Notification) {
	t.Helper()
	var last *pay.Notification
	hs := httptest.NewServer(&pay.NotifyHandler{Client: c, OnOther: func(_ context.Context, n *pay.Notification) error {
		last = n
		return nil
	}})
	t.Cleanup(hs.Close)
	return hs.URL, func() *pay.Notification { return last }
}

func send(t *testing.T, srv *fakepay.Server, url, event string, res any) {
	t.Helper()
	status, body, err := srv.SendNotification(ctx(t), nil, url, event, res, fakepay.KeyDefault)
	if err != nil || status != http.StatusNoContent {
		t.Fatalf("notification %s: %d %s %v", event, status, body, err)
	}
}

func wantArg(t *testing.T, err error) {
	t.Helper()
	var ae *wechat.ArgumentError
	if !errors.As(err, &ae) {
		t.Fatalf("want *wechat.ArgumentError, got %T %v", err, err)
	}
}

func collect[T any](t *testing.T, seq func(func(T, error) bool)) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// onlyReader hides io.Seeker.
type onlyReader struct{ io.Reader }

func TestMediaUploads(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			img := bytes.Repeat([]byte("PNG&"), 3000)
			up, err := c.Media.UploadImage(ctx(t), "a.png", bytes.NewReader(img))
			if err != nil {
				t.Fatal(err)
			}
			if got, ok := srv.Media(up.MediaID); !ok || !bytes.Equal(got, img) {
				t.Fatalf("media %q not stored as sent", up.MediaID)
			}
			// A reader that cannot seek is buffered, within the limit.
			up2, err := c.Media.UploadImage(ctx(t), "b.JPG", onlyReader{bytes.NewReader(img[:100])})
			if err != nil || up2.MediaID == "" {
				t.Fatal(up2, err)
			}
			v, err := c.Media.UploadVideo(ctx(t), "v.mp4", bytes.NewReader([]byte("video")))
			if err != nil || v.MediaID == "" {
				t.Fatal(v, err)
			}
			mk, err := c.Media.UploadMarketingImage(ctx(t), "m.bmp", bytes.NewReader([]byte("bmp")))
			if err != nil || !strings.HasPrefix(mk.MediaURL, "https://") {
				t.Fatal(mk, err)
			}
			ci, err := c.Complaints.UploadImage(ctx(t), "c.png", bytes.NewReader([]byte("c")))
			if err != nil || ci.MediaID == "" {
				t.Fatal(ci, err)
			}
			name := filepath.Join(t.TempDir(), "f.jpeg")
			if err := os.WriteFile(name, img, 0o600); err != nil {
				t.Fatal(err)
			}
			if up3, err := c.Media.UploadImageFile(ctx(t), name); err != nil || strings.TrimSuffix(up3.MediaID, ".jpeg") != strings.TrimSuffix(up.MediaID, ".png") {
				t.Fatal(up3, err)
			}
		})
	}
}

func TestMediaUploadRejects(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	_, err := c.Media.UploadImage(ctx(t), "a.gif", bytes.NewReader([]byte("x")))
	wantArg(t, err)
	_, err = c.Media.UploadVideo(ctx(t), "a.mp4", bytes.NewReader(nil))
	wantArg(t, err)
	_, err = c.Media.UploadMarketingImage(ctx(t), "a.png", onlyReader{bytes.NewReader(make([]byte, 2<<20+1))})
	wantArg(t, err)
	if n := srv.RequestCount("/v3/merchant/media/upload") + srv.RequestCount("/v3/merchant/media/video_upload") +
		srv.RequestCount("/v3/marketing/favor/media/image-upload"); n != 0 {
		t.Fatalf("%d requests sent for rejected arguments", n)
	}
	// A tampered answer is rejected.
	srv.SetHook(func(r *http.Request, h http.Header, body []byte) []byte {
		return bytes.Replace(body, []byte(`"media_id":"`), []byte(`"media_id":"X`), 1)
	})
	_, err = c.Media.UploadImage(ctx(t), "a.png", bytes.NewReader([]byte("x")))
	var ve *pay.ResponseVerificationError
	if !errors.As(err, &ve) || !errors.Is(err, pay.ErrBadSignature) {
		t.Fatalf("want bad signature, got %v", err)
	}
}

func TestComplaintLifecycle(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			url, last := notified(t, c)
			res := srv.AddComplaint(fakepay.ComplaintSeed{OutTradeNo: "T1", TransactionID: "4200001", Amount: 300,
				Detail: "重复扣费 & 未发货", PayerPhone: "13800000000", Images: [][]byte{[]byte("IMG1"), []byte("IMG2")}})
			send(t, srv, url, pay.EventComplaintCreate, res)
			cn, err := last().Complaint()
			if err != nil || cn.ActionType != "CREATE_COMPLAINT" || cn.Amount != 300 {
				t.Fatalf("notification %+v %v", cn, err)
			}
			refundID := srv.AddComplaint(fakepay.ComplaintSeed{OutTradeNo: "T2", Amount: 100, ProblemType: "REFUND", RefundAmount: 100})["complaint_id"].(string)
			srv.AddComplaint(fakepay.ComplaintSeed{OutTradeNo: "T3", Amount: 1})

			all := collect(t, c.Complaints.List(ctx(t), &pay.ComplaintListRequest{BeginDate: "2026-01-01", EndDate: "2026-01-20", PageSize: 1}))
			if len(all) != 3 || all[0].ComplaintID != cn.ComplaintID {
				t.Fatalf("listed %d complaints", len(all))
			}
			cp, err := c.Complaints.Get(ctx(t), cn.ComplaintID)
			if err != nil || cp.ComplaintState != pay.ComplaintPending || cp.ComplaintOrderInfo[0].Amount != 300 {
				t.Fatal(cp, err)
			}
			if phone, err := c.DecryptSensitive(cp.PayerPhone); err != nil || phone != "13800000000" {
				t.Fatal(phone, err)
			}
			var img bytes.Buffer
			if n, err := c.Complaints.DownloadImage(ctx(t), cp.ComplaintMediaList[0].MediaURL[1], &img); err != nil || n != 4 || img.String() != "IMG2" {
				t.Fatal(n, err, img.String())
			}
			_, err = c.Complaints.DownloadImage(ctx(t), srv.URL+"/v3/merchant-service/images/nope", io.Discard)
			wantPayError(t, err, 404, "RESOURCE_NOT_EXISTS")
			_, err = c.Complaints.DownloadImage(ctx(t), "https://evil.example/v3/merchant-service/images/x", io.Discard)
			if err == nil {
				t.Fatal("download from another host accepted")
			}

			err = c.Complaints.Complete(ctx(t), cn.ComplaintID, "")
			wantPayError(t, err, 400, "INVALID_REQUEST")
			if err := c.Complaints.Respond(ctx(t), cn.ComplaintID, &pay.ComplaintResponse{ResponseContent: "已退款 <请查收>"}); err != nil {
				t.Fatal(err)
			}
			if srv.ComplaintState(cn.ComplaintID) != "PROCESSING" {
				t.Fatal("not processing after reply")
			}
			hist := collect(t, c.Complaints.NegotiationHistory(ctx(t), cn.ComplaintID, 1))
			if len(hist) != 2 || hist[1].OperateType != "MERCHANT_RESPONSE" || hist[1].OperateDetails != "已退款 <请查收>" {
				t.Fatalf("history %+v", hist)
			}
			if err := c.Complaints.Complete(ctx(t), cn.ComplaintID, ""); err != nil {
				t.Fatal(err)
			}
			if srv.ComplaintState(cn.ComplaintID) != "PROCESSED" {
				t.Fatal("not processed")
			}
			err = c.Complaints.Respond(ctx(t), cn.ComplaintID, &pay.ComplaintResponse{ResponseContent: "again"})
			wantPayError(t, err, 400, "INVALID_REQUEST")

			err = c.Complaints.UpdateRefundProgress(ctx(t), refundID, &pay.RefundProgress{Action: pay.RefundReject})
			wantArg(t, err)
			if err := c.Complaints.UpdateRefundProgress(ctx(t), refundID, &pay.RefundProgress{Action: pay.RefundReject, RejectReason: "已发货"}); err != nil {
				t.Fatal(err)
			}
			if srv.ComplaintState(refundID) != "PROCESSED" {
				t.Fatal("refund rejection did not close the complaint")
			}
			_, err = c.Complaints.Get(ctx(t), "nope")
			wantPayError(t, err, 404, "RESOURCE_NOT_EXISTS")

			_, err = c.Complaints.NotificationURL(ctx(t))
			wantPayError(t, err, 404, "RESOURCE_NOT_EXISTS")
			if u, err := c.Complaints.CreateNotificationURL(ctx(t), "https://e.example/complaints?a=1&b=2"); err != nil || u.URL != "https://e.example/complaints?a=1&b=2" {
				t.Fatal(u, err)
			}
			if u, err := c.Complaints.UpdateNotificationURL(ctx(t), "https://e.example/c2"); err != nil || u.MchID != srv.Opts.MchID {
				t.Fatal(u, err)
			}
			if u, err := c.Complaints.NotificationURL(ctx(t)); err != nil || u.URL != "https://e.example/c2" {
				t.Fatal(u, err)
			}
			if err := c.Complaints.DeleteNotificationURL(ctx(t)); err != nil {
				t.Fatal(err)
			}
			_, err = c.Complaints.NotificationURL(ctx(t))
			wantPayError(t, err, 404, "RESOURCE_NOT_EXISTS")
		})
	}
}

func TestComplaintArguments(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	for v, err := range c.Complaints.List(ctx(t), &pay.ComplaintListRequest{BeginDate: "2026-01-01"}) {
		_ = v
		wantArg(t, err)
	}
	_, err := c.Complaints.Get(ctx(t), "")
	wantArg(t, err)
	wantArg(t, c.Complaints.Respond(ctx(t), "1", &pay.ComplaintResponse{}))
	wantArg(t, c.Complaints.UpdateRefundProgress(ctx(t), "1", &pay.RefundProgress{Action: "MAYBE"}))
	// The fake checks the span like WeChat Pay.
	for _, err := range c.Complaints.List(ctx(t), &pay.ComplaintListRequest{BeginDate: "2026-01-01", EndDate: "2026-03-01"}) {
		wantPayError(t, err, 400, "PARAM_ERROR")
	}
}
