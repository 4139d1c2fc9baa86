package oa_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestEInvoiceAuthorization(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	sp := fakewechat.InvoiceSPAppID("wxplatform")
	now := srv.Now().Unix()
	req := &oa.InvoiceAuthRequest{SPAppID: sp, OrderID: "O-1", Money: 1200, Timestamp: now, Source: "web",
		RedirectURL: "https://example.com/done", Type: oa.InvoiceAuthTitle}
	page, err := c.EInvoice.AuthURL(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	ticket, _ := c.CardTicket(ctx)
	body := bodyD(t, srv, "POST /card/invoice/getauthurl")
	if body["ticket"] != ticket || body["s_pappid"] != sp || body["order_id"] != "O-1" || body["money"] != 1200.0 ||
		body["timestamp"] != float64(now) || body["source"] != "web" || body["type"] != 1.0 || body["redirect_url"] != "https://example.com/done" {
		t.Errorf("getauthurl body %v", body)
	}
	if req.Ticket != "" {
		t.Error("AuthURL changed the caller's request")
	}
	u, err := url.Parse(page.AuthURL)
	if err != nil || u.Query().Get("order_id") != "O-1" || page.AppID != "" {
		t.Errorf("page = %+v", page)
	}
	wxa := *req
	wxa.Source = "wxa"
	if page, err := c.EInvoice.AuthURL(ctx, &wxa); err != nil || page.AppID == "" {
		t.Errorf("wxa page = %+v, %v", page, err)
	}
	stale := *req
	stale.Ticket = "old-ticket"
	_, err = c.EInvoice.AuthURL(ctx, &stale)
	apiCodeA(t, err, 72031)
	for _, tc := range []struct {
		mod func(r *oa.InvoiceAuthRequest)
		arg string
	}{
		{func(r *oa.InvoiceAuthRequest) { r.SPAppID = "" }, "s_pappid"},
		{func(r *oa.InvoiceAuthRequest) { r.OrderID = "" }, "order_id"},
		{func(r *oa.InvoiceAuthRequest) { r.Source = "fax" }, "source"},
		{func(r *oa.InvoiceAuthRequest) { r.Type = 3 }, "type"},
	} {
		r := *req
		tc.mod(&r)
		_, err := c.EInvoice.AuthURL(ctx, &r)
		argErrA(t, srv, "POST /none", err, tc.arg)
	}
	_, err = c.EInvoice.AuthURL(ctx, nil)
	argErrA(t, srv, "POST /none", err, "request")

	data, err := c.EInvoice.AuthData(ctx, sp, "O-1")
	if err != nil || data.InvoiceStatus != "never auth" || data.UserAuthInfo != nil {
		t.Errorf("before authorization = %+v, %v", data, err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/invoice/getauthdata")); got != `{"order_id":"O-1","s_pappid":"`+sp+`"}` {
		t.Errorf("getauthdata body %s", got)
	}
	if err := srv.AuthorizeInvoice(fakewechat.DefaultAppID, "O-1", "oBuyer", "某某科技有限公司", "91440300MA5XXXXXXX"); err != nil {
		t.Fatal(err)
	}
	data, err = c.EInvoice.AuthData(ctx, sp, "O-1")
	if err != nil || data.InvoiceStatus != "auth success" || data.AuthTime < now || data.AuthTime > time.Now().Unix()+1 || data.UserAuthInfo.BizField == nil ||
		data.UserAuthInfo.BizField.TaxNo != "91440300MA5XXXXXXX" || data.UserAuthInfo.UserField != nil {
		t.Errorf("after authorization = %+v, %v", data, err)
	}
	_, err = c.EInvoice.AuthData(ctx, "", "O-1")
	argErrA(t, srv, "POST /none", err, "s_pappid")

	// Reject another order.
	req2 := *req
	req2.OrderID = "O-2"
	if _, err := c.EInvoice.AuthURL(ctx, &req2); err != nil {
		t.Fatal(err)
	}
	if err := c.EInvoice.RejectInsert(ctx, sp, "O-2", "金额有误", "https://example.com/help"); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/invoice/rejectinsert")); got != `{"order_id":"O-2","reason":"金额有误","s_pappid":"`+sp+`","url":"https://example.com/help"}` {
		t.Errorf("rejectinsert body %s", got)
	}
	_, err = c.EInvoice.AuthData(ctx, sp, "O-2")
	apiCodeA(t, err, 72035)
	apiCodeA(t, c.EInvoice.RejectInsert(ctx, sp, "O-404", "x", ""), 72038)
	argErrA(t, srv, "POST /none", c.EInvoice.RejectInsert(ctx, sp, "O-2", "", ""), "reason")
	argErrA(t, srv, "POST /none", c.EInvoice.RejectInsert(ctx, sp, "", "r", ""), "order_id")
}

func TestEInvoiceBizAttr(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	checkAction := func(action string) {
		t.Helper()
		rr, ok := srv.LastRequest("POST /card/invoice/setbizattr")
		if !ok || rr.Query.Get("action") != action {
			t.Errorf("action = %q, want %q", rr.Query.Get("action"), action)
		}
	}

	empty, err := c.EInvoice.AuthField(ctx)
	if err != nil || empty.UserField.ShowTitle != 0 {
		t.Errorf("AuthField before set = %+v, %v", empty, err)
	}
	checkAction("get_auth_field")
	if got := string(lastBodyD(t, srv)); got != `{}` {
		t.Errorf("get body %s", got)
	}
	f := &oa.InvoiceAuthField{
		UserField: oa.InvoiceUserField{ShowTitle: 1, ShowPhone: 1, RequirePhone: 1,
			CustomField: []oa.InvoiceFieldSpec{{Key: "工号", IsRequire: 1, Notice: "填写工号"}}},
		BizField: oa.InvoiceBizField{ShowTitle: 1, ShowTaxNo: 1, RequireTaxNo: 1},
	}
	if err := c.EInvoice.SetAuthField(ctx, f); err != nil {
		t.Fatal(err)
	}
	checkAction("set_auth_field")
	body := bodyD(t, srv, "POST /card/invoice/setbizattr")
	af := body["auth_field"].(map[string]any)
	if jsonA(t, af["user_field"]) != `{"custom_field":[{"is_require":1,"key":"工号","notice":"填写工号"}],"require_email":0,"require_phone":1,"show_email":0,"show_phone":1,"show_title":1}` {
		t.Errorf("user_field %s", jsonA(t, af["user_field"]))
	}
	got, err := c.EInvoice.AuthField(ctx)
	if err != nil || jsonA(t, got) != jsonA(t, f) {
		t.Errorf("AuthField = %s, %v", jsonA(t, got), err)
	}
	argErrA(t, srv, "POST /none", c.EInvoice.SetAuthField(ctx, nil), "auth_field")

	if err := c.EInvoice.SetPayMch(ctx, oa.InvoicePayMch{MchID: "1234567890", SPAppID: "sp"}); err != nil {
		t.Fatal(err)
	}
	checkAction("set_pay_mch")
	if got := string(lastBodyD(t, srv)); got != `{"paymch_info":{"mchid":"1234567890","s_pappid":"sp"}}` {
		t.Errorf("set_pay_mch body %s", got)
	}
	pm, err := c.EInvoice.PayMch(ctx)
	if err != nil || *pm != (oa.InvoicePayMch{MchID: "1234567890", SPAppID: "sp"}) {
		t.Errorf("PayMch = %+v, %v", pm, err)
	}
	checkAction("get_pay_mch")
	argErrA(t, srv, "POST /none", c.EInvoice.SetPayMch(ctx, oa.InvoicePayMch{SPAppID: "sp"}), "mchid")
	argErrA(t, srv, "POST /none", c.EInvoice.SetPayMch(ctx, oa.InvoicePayMch{MchID: "1"}), "s_pappid")

	if err := c.EInvoice.SetContact(ctx, oa.InvoiceContact{TimeOut: 7200, Phone: "020-12345678"}); err != nil {
		t.Fatal(err)
	}
	checkAction("set_contact")
	if got := string(lastBodyD(t, srv)); got != `{"contact":{"time_out":7200,"phone":"020-12345678"}}` {
		t.Errorf("set_contact body %s", got)
	}
	ct, err := c.EInvoice.Contact(ctx)
	if err != nil || *ct != (oa.InvoiceContact{TimeOut: 7200, Phone: "020-12345678"}) {
		t.Errorf("Contact = %+v, %v", ct, err)
	}
	checkAction("get_contact")
	argErrA(t, srv, "POST /none", c.EInvoice.SetContact(ctx, oa.InvoiceContact{TimeOut: 1}), "contact.phone")
	argErrA(t, srv, "POST /none", c.EInvoice.SetContact(ctx, oa.InvoiceContact{Phone: "1"}), "contact.time_out")

	if err := srv.Inject(fakewechat.Fault{Path: "POST /card/invoice/setbizattr", Errcode: 72015, Times: 1}); err != nil {
		t.Fatal(err)
	}
	_, err = c.EInvoice.Contact(ctx)
	apiCodeA(t, err, 72015)
}

func lastBodyD(t testing.TB, srv *fakewechat.Server) []byte {
	t.Helper()
	rr, ok := srv.LastRequest("POST /card/invoice/setbizattr")
	if !ok {
		t.Fatal("no setbizattr request")
	}
	return rr.Body
}
