package pay_test

import (
	"net/http"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestPAPayNotify(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			rec := &bodyRecorder{next: srv.Client().Transport, bodies: map[string]string{}}
			c := newClient(t, srv, m.client, pay.WithHTTPClient(&http.Client{Transport: rec}))
			cx := ctx(t)
			req := &pay.PAPayNotifyRequest{AppID: "wxd678efh567hg6787",
				DeductDuration:  pay.PAPayDeductDuration{Count: 1, Unit: "DAY"},
				EstimatedAmount: pay.PAPayEstimatedAmount{Amount: 1, Currency: "CNY"}}
			if err := c.PAPay.Notify(cx, "123124412412423431", req); err != nil {
				t.Fatal(err)
			}
			want := `{"mchid":"` + srv.Opts.MchID + `","appid":"wxd678efh567hg6787","deduct_duration":{"count":1,"unit":"DAY"},"estimated_amount":{"amount":1,"currency":"CNY"}}`
			if got := rec.bodies["/v3/papay/contracts/123124412412423431/notify"]; got != want {
				t.Fatalf("body\n got %s\nwant %s", got, want)
			}
			if req.MchID != "" {
				t.Fatal("Notify changed the caller's request")
			}
			ns := srv.PAPayNotices("123124412412423431")
			if len(ns) != 1 || ns[0].MchID != srv.Opts.MchID || ns[0].Count != 1 || ns[0].Amount != 1 || ns[0].Partner {
				t.Fatalf("%+v", ns)
			}

			preq := &pay.PartnerPAPayNotifyRequest{SpAppID: "wxsp", SubMchID: fakepay.DefaultSubMchID, SubAppID: "wxsub",
				DeductDuration:  pay.PAPayDeductDuration{Count: 7, Unit: "DAY"},
				EstimatedAmount: pay.PAPayEstimatedAmount{Amount: 3000, Currency: "CNY"}}
			if err := c.PAPay.PartnerNotify(cx, "C2", preq); err != nil {
				t.Fatal(err)
			}
			if ns := srv.PAPayNotices("C2"); len(ns) != 1 || ns[0].SubMchID != fakepay.DefaultSubMchID || !ns[0].Partner || ns[0].Count != 7 {
				t.Fatalf("%+v", ns)
			}

			// The fake checks the documented rules.
			other := *req
			other.MchID = "1900009999"
			wantPayError(t, c.PAPay.Notify(cx, "C3", &other), http.StatusBadRequest, "MCH_NOT_EXISTS")
			week := *req
			week.DeductDuration.Unit = "WEEK"
			wantPayError(t, c.PAPay.Notify(cx, "C3", &week), http.StatusBadRequest, "PARAM_ERROR")
			usd := *req
			usd.EstimatedAmount.Currency = "USD"
			wantPayError(t, c.PAPay.Notify(cx, "C3", &usd), http.StatusBadRequest, "PARAM_ERROR")
			stranger := *preq
			stranger.SubMchID = "1900009999"
			wantPayError(t, c.PAPay.PartnerNotify(cx, "C3", &stranger), http.StatusBadRequest, "INVALID_REQUEST")
			if ns := srv.PAPayNotices("C3"); len(ns) != 0 {
				t.Fatalf("refused notices kept: %+v", ns)
			}

			// Argument errors never reach the server.
			noCount := *req
			noCount.DeductDuration.Count = 0
			for _, err := range []error{
				c.PAPay.Notify(cx, "", req),
				c.PAPay.Notify(cx, "C4", nil),
				c.PAPay.Notify(cx, "C4", &noCount),
				c.PAPay.Notify(cx, "C4", &pay.PAPayNotifyRequest{DeductDuration: req.DeductDuration, EstimatedAmount: req.EstimatedAmount}),
				c.PAPay.PartnerNotify(cx, "C4", &pay.PartnerPAPayNotifyRequest{SpAppID: "wxsp", DeductDuration: req.DeductDuration, EstimatedAmount: req.EstimatedAmount}),
				c.PAPay.PartnerNotify(cx, "C4", nil),
			} {
				wantArg(t, err)
			}
			if n := srv.RequestCount("/v3/papay/contracts/C4/notify") + srv.RequestCount("/v3/partner-papay/contracts/C4/notify"); n != 0 {
				t.Fatalf("%d argument errors reached the server", n)
			}
		})
	}
}
