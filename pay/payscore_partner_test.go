package pay_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// bodyRecorder keeps the request bodies a client sends.
type bodyRecorder struct {
	next   http.RoundTripper
	mu     sync.Mutex
	bodies map[string]string // by path
}

func (r *bodyRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		b, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(b))
		r.mu.Lock()
		r.bodies[req.URL.Path] = string(b)
		r.mu.Unlock()
	}
	return r.next.RoundTrip(req)
}

func partnerOrderRequest(no string) *pay.PartnerCreateServiceOrderRequest {
	return &pay.PartnerCreateServiceOrderRequest{
		CreateServiceOrderRequest: pay.CreateServiceOrderRequest{
			OutOrderNo: no, AppID: "wxsp", ServiceID: "500001", ServiceIntroduction: "充电宝租借",
			TimeRange: pay.ServiceTimeRange{StartTime: "OnAccept"}, RiskFund: pay.RiskFund{Name: "DEPOSIT", Amount: 9900},
			NotifyURL: "https://e.example/ps",
		},
		SubMchID: "1900000109", SubAppID: "wxsub",
	}
}

func TestPartnerPayScoreServiceOrder(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			rec := &bodyRecorder{next: srv.Client().Transport, bodies: map[string]string{}}
			c := newClient(t, srv, m.client, pay.WithHTTPClient(&http.Client{Transport: rec}))
			ps := c.PartnerPayScore
			req := partnerOrderRequest("PSO1")
			o, err := ps.CreateServiceOrder(ctx(t), req)
			if err != nil || o.State != pay.ServiceOrderCreated || o.Package == "" || o.SubMchID != "1900000109" ||
				o.SubAppID != "wxsub" || o.MchID != srv.Opts.MchID || o.AppID != "wxsp" || o.OrderID == "" {
				t.Fatal(o, err)
			}
			if again, err := ps.CreateServiceOrder(ctx(t), req); err != nil || again.OrderID != o.OrderID {
				t.Fatalf("create retry: %v %v", again, err)
			}
			other := partnerOrderRequest("PSO1")
			other.ServiceIntroduction = "另一个服务"
			_, err = ps.CreateServiceOrder(ctx(t), other)
			wantPayError(t, err, 400, "INVALID_REQUEST")
			// The same out_order_no under another sub-merchant is another order.
			sub2 := partnerOrderRequest("PSO1")
			sub2.SubMchID = "1900000110"
			if o2, err := ps.CreateServiceOrder(ctx(t), sub2); err != nil || o2.OrderID == o.OrderID {
				t.Fatal(o2, err)
			}

			done := &pay.PartnerCompleteServiceOrderRequest{
				CompleteServiceOrderRequest: pay.CompleteServiceOrderRequest{AppID: "ignored", ServiceID: "500001",
					PostPayments:  []pay.PostPayment{{Name: "租借", Amount: 500, Count: 1}},
					PostDiscounts: []pay.PostDiscount{{Name: "新用户", Amount: 100, Count: 1}}, TotalAmount: 400},
				SubMchID: "1900000109",
			}
			_, err = ps.CompleteServiceOrder(ctx(t), "PSO1", done)
			wantPayError(t, err, 400, "INVALID_REQUEST") // not confirmed yet
			url, last := notified(t, c)
			res, ok := srv.ConfirmPartnerServiceOrder("1900000109", "PSO1", "openid1")
			if !ok {
				t.Fatal("confirm")
			}
			send(t, srv, url, pay.EventPayScoreUserConfirm, res)
			if n, err := last().PartnerServiceOrder(); err != nil || n.State != pay.ServiceOrderDoing || n.OpenID != "openid1" || n.SubMchID != "1900000109" {
				t.Fatal(n, err)
			}
			wrong := *done
			wrong.TotalAmount = 500
			_, err = ps.CompleteServiceOrder(ctx(t), "PSO1", &wrong)
			wantPayError(t, err, 400, "PARAM_ERROR")
			o, err = ps.CompleteServiceOrder(ctx(t), "PSO1", done)
			if err != nil || o.State != pay.ServiceOrderDone || o.TotalAmount != 400 || o.Collection.State != "USER_PAYING" ||
				o.Collection.PayingAmount != 400 || len(o.PostDiscounts) != 1 {
				t.Fatal(o, err)
			}
			body := rec.bodies["/v3/payscore/partner/serviceorder/PSO1/complete"]
			if strings.Contains(body, "appid") || !strings.Contains(body, `"sub_mchid":"1900000109"`) {
				t.Fatalf("complete body %s", body)
			}
			o, err = ps.ModifyServiceOrder(ctx(t), "PSO1", &pay.PartnerModifyServiceOrderRequest{
				ModifyServiceOrderRequest: pay.ModifyServiceOrderRequest{
					PostPayments: []pay.PostPayment{{Name: "租借", Amount: 300, Count: 1}}, TotalAmount: 300, Reason: "优惠"},
				SubMchID: "1900000109"})
			if err != nil || o.TotalAmount != 300 || o.Collection.PayingAmount != 300 {
				t.Fatal(o, err)
			}
			if body := rec.bodies["/v3/payscore/partner/serviceorder/PSO1/modify"]; strings.Contains(body, "appid") || strings.Contains(body, "service_id") {
				t.Fatalf("modify body %s", body)
			}
			if err := ps.PayServiceOrder(ctx(t), "1900000109", "500001", "PSO1"); err != nil {
				t.Fatal(err)
			}
			o, err = ps.SyncServiceOrder(ctx(t), "1900000109", "500001", "PSO1", "20260101120000")
			if err != nil || o.Collection.State != "USER_PAID" || o.Collection.PaidAmount != 300 {
				t.Fatal(o, err)
			}
			err = ps.PayServiceOrder(ctx(t), "1900000109", "", "PSO1")
			wantPayError(t, err, 400, "INVALID_REQUEST") // paid already
			_, err = ps.CancelServiceOrder(ctx(t), "1900000109", "500001", "PSO1", "用户取消")
			wantPayError(t, err, 400, "INVALID_REQUEST")
			got, err := ps.GetServiceOrder(ctx(t), "1900000109", "500001", "PSO1", "")
			if err != nil || got.State != pay.ServiceOrderDone || got.TotalAmount != 300 || got.SubMchID != "1900000109" {
				t.Fatal(got, err)
			}
			if got, err := ps.GetServiceOrder(ctx(t), "1900000110", "", "PSO1", ""); err != nil || got.State != pay.ServiceOrderCreated {
				t.Fatal(got, err)
			}
			_, err = ps.GetServiceOrder(ctx(t), "1900000111", "", "PSO1", "")
			wantPayError(t, err, 404, "ORDER_NOT_EXIST")
			_, err = ps.GetServiceOrder(ctx(t), "1900000109", "", "", "")
			wantArg(t, err)

			// Without confirmation (the user under the sub-merchant's app), then canceled.
			nc := partnerOrderRequest("PSO2")
			f := false
			nc.NeedUserConfirm, nc.SubOpenID = &f, "subopenid1"
			if o, err := ps.CreateServiceOrder(ctx(t), nc); err != nil || o.State != pay.ServiceOrderDoing || o.SubOpenID != "subopenid1" {
				t.Fatal(o, err)
			}
			if cn, err := ps.CancelServiceOrder(ctx(t), "1900000109", "", "PSO2", "用户取消"); err != nil || cn.OutOrderNo != "PSO2" || cn.SubMchID != "1900000109" || cn.OrderID == "" {
				t.Fatal(cn, err)
			}
			if got, err := ps.GetServiceOrder(ctx(t), "1900000109", "", "PSO2", ""); err != nil || got.State != pay.ServiceOrderRevoked {
				t.Fatal(got, err)
			}
			bad := partnerOrderRequest("PSO3")
			bad.NeedUserConfirm = &f // neither openid nor sub_openid
			_, err = ps.CreateServiceOrder(ctx(t), bad)
			wantPayError(t, err, 400, "PARAM_ERROR")
		})
	}
}

func TestPartnerPayScoreArguments(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	ps := newClient(t, srv, pay.VerifyCertificates).PartnerPayScore
	noSub := partnerOrderRequest("X")
	noSub.SubMchID = ""
	_, err := ps.CreateServiceOrder(ctx(t), noSub)
	wantArg(t, err)
	_, err = ps.CreateServiceOrder(ctx(t), nil)
	wantArg(t, err)
	subOpen := partnerOrderRequest("X")
	subOpen.SubAppID, subOpen.SubOpenID = "", "o"
	_, err = ps.CreateServiceOrder(ctx(t), subOpen)
	wantArg(t, err)
	_, err = ps.CompleteServiceOrder(ctx(t), "X", &pay.PartnerCompleteServiceOrderRequest{SubMchID: "1", CompleteServiceOrderRequest: pay.CompleteServiceOrderRequest{ServiceID: "s"}})
	wantArg(t, err)
	_, err = ps.ModifyServiceOrder(ctx(t), "X", &pay.PartnerModifyServiceOrderRequest{SubMchID: "1"})
	wantArg(t, err)
	_, err = ps.CancelServiceOrder(ctx(t), "", "", "X", "r")
	wantArg(t, err)
	wantArg(t, ps.PayServiceOrder(ctx(t), "1", "", ""))
	_, err = ps.SyncServiceOrder(ctx(t), "1", "s", "X", "")
	wantArg(t, err)
	_, err = ps.ApplyPermissions(ctx(t), &pay.ApplyPermissionsRequest{ServiceID: "s", AppID: "a", SubMchID: "1", AuthorizationCode: strings.Repeat("c", 33)})
	wantArg(t, err)
	_, err = ps.PermissionsByOpenID(ctx(t), &pay.PartnerPayScoreUser{ServiceID: "s", AppID: "a", SubMchID: "1", OpenID: "o", SubOpenID: "p", SubAppID: "b"})
	wantArg(t, err)
	wantArg(t, ps.TerminateByOpenID(ctx(t), &pay.PartnerPayScoreUser{ServiceID: "s", AppID: "a", SubMchID: "1", SubOpenID: "p"}, "r"))
	wantArg(t, ps.TerminateByCode(ctx(t), "1", "s", "c", ""))
}

func TestPartnerPayScorePermissions(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			ps := c.PartnerPayScore
			apply := &pay.ApplyPermissionsRequest{ServiceID: "500001", AppID: "wxsp", SubMchID: "1900000109",
				AuthorizationCode: "AUTH1", NotifyURL: "https://e.example/p"}
			tok, err := ps.ApplyPermissions(ctx(t), apply)
			if err != nil || tok.ApplyPermissionsToken == "" {
				t.Fatal(tok, err)
			}
			if again, err := ps.ApplyPermissions(ctx(t), apply); err != nil || again.ApplyPermissionsToken != tok.ApplyPermissionsToken {
				t.Fatal(again, err)
			}
			p, err := ps.PermissionsByCode(ctx(t), "1900000109", "500001", "AUTH1")
			if err != nil || p.AuthorizationState != "UNBINDUSER" || p.AuthorizationCode != "AUTH1" || p.NotifyURL != "https://e.example/p" || p.OpenID != "" {
				t.Fatal(p, err)
			}
			user := &pay.PartnerPayScoreUser{ServiceID: "500001", AppID: "wxsp", SubMchID: "1900000109", OpenID: "openid1"}
			_, err = ps.PermissionsByOpenID(ctx(t), user)
			wantPayError(t, err, 404, "ORDER_NOT_EXIST")
			err = ps.TerminateByCode(ctx(t), "1900000109", "500001", "AUTH1", "解约")
			wantPayError(t, err, 400, "INVALID_ORDER_STATE") // not authorized yet

			url, last := notified(t, c)
			res, ok := srv.AuthorizePartnerPermissions("1900000109", "AUTH1", "openid1")
			if !ok {
				t.Fatal("authorize")
			}
			send(t, srv, url, pay.EventPayScoreUserOpenService, res)
			if n, err := last().Permissions(); err != nil || n.OpenID != "openid1" || n.UserServiceStatus != "USER_OPEN_SERVICE" || n.AuthorizationCode != "AUTH1" {
				t.Fatal(n, err)
			}
			p, err = ps.PermissionsByOpenID(ctx(t), user)
			if err != nil || p.AuthorizationState != "AVAILABLE" || p.OpenID != "openid1" || p.AuthorizationSuccessTime == "" {
				t.Fatal(p, err)
			}
			if err := ps.TerminateByOpenID(ctx(t), user, "解约"); err != nil {
				t.Fatal(err)
			}
			p, err = ps.PermissionsByCode(ctx(t), "1900000109", "500001", "AUTH1")
			if err != nil || p.AuthorizationState != "UNAVAILABLE" || p.CancelAuthorizationTime == "" {
				t.Fatal(p, err)
			}
			err = ps.TerminateByOpenID(ctx(t), user, "解约")
			wantPayError(t, err, 400, "INVALID_ORDER_STATE")
			_, err = ps.PermissionsByCode(ctx(t), "1900000110", "500001", "AUTH1")
			wantPayError(t, err, 404, "ORDER_NOT_EXIST")

			// A user of the sub-merchant's app, ended by code.
			sub := &pay.ApplyPermissionsRequest{ServiceID: "500001", AppID: "wxsp", SubMchID: "1900000109", SubAppID: "wxsub", AuthorizationCode: "AUTH2"}
			if _, err := ps.ApplyPermissions(ctx(t), sub); err != nil {
				t.Fatal(err)
			}
			conflict := *sub
			conflict.SubMchID = "1900000110"
			_, err = ps.ApplyPermissions(ctx(t), &conflict)
			wantPayError(t, err, 400, "INVALID_REQUEST")
			if _, ok := srv.AuthorizePartnerPermissions("1900000109", "AUTH2", "subopenid1"); !ok {
				t.Fatal("authorize")
			}
			subUser := &pay.PartnerPayScoreUser{ServiceID: "500001", AppID: "wxsp", SubMchID: "1900000109", SubAppID: "wxsub", SubOpenID: "subopenid1"}
			if p, err := ps.PermissionsByOpenID(ctx(t), subUser); err != nil || p.AuthorizationState != "AVAILABLE" || p.AuthorizationCode != "AUTH2" {
				t.Fatal(p, err)
			}
			if err := ps.TerminateByCode(ctx(t), "1900000109", "500001", "AUTH2", "解约"); err != nil {
				t.Fatal(err)
			}
			if p, err := ps.PermissionsByOpenID(ctx(t), subUser); err != nil || p.AuthorizationState != "UNAVAILABLE" {
				t.Fatal(p, err)
			}
		})
	}
}
