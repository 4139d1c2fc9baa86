package pay_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

const papayAppID = "wxcbda96de0b165486"

func newPAPayClient(t *testing.T) (*fakepay.Server, *pay.Client, *xmlRecorder) {
	srv := newServer(t, fakepay.ModePublicKey)
	rec := &xmlRecorder{next: srv.Client().Transport}
	return srv, newClient(t, srv, pay.VerifyPublicKey, pay.WithHTTPClient(&http.Client{Transport: rec})), rec
}

func TestPAPayEntrustWebURL(t *testing.T) {
	srv, c, _ := newPAPayClient(t)
	req := &pay.PAPayEntrustRequest{AppID: papayAppID, PlanID: "12535", ContractCode: "100000", RequestSerial: 1000,
		ContractDisplayAccount: "微信代扣", NotifyURL: "https://example.com/papay/notify", ReturnWeb: true}
	raw, err := c.PAPayEntrustWebURL(req)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Path != "/papay/entrustweb" || !strings.HasPrefix(raw, srv.URL+"/papay/entrustweb?") {
		t.Fatalf("url %s: %v", raw, err)
	}
	// The notify_url value is encoded in the query, signed as is.
	if !strings.Contains(u.RawQuery, "notify_url=https%3A%2F%2Fexample.com%2Fpapay%2Fnotify") {
		t.Fatalf("query %s", u.RawQuery)
	}
	p := map[string]string{}
	for k, v := range u.Query() {
		p[k] = v[0]
	}
	want := map[string]string{"appid": papayAppID, "mch_id": srv.Opts.MchID, "plan_id": "12535", "contract_code": "100000",
		"request_serial": "1000", "contract_display_account": "微信代扣", "notify_url": "https://example.com/papay/notify",
		"version": "1.0", "return_web": "1"}
	for k, v := range want {
		if p[k] != v {
			t.Fatalf("%s = %q, want %q (%v)", k, p[k], v, p)
		}
	}
	if sign, _ := pay.V2Sign(p, srv.Opts.APIv2Key, pay.SignTypeMD5); sign != p["sign"] || len(p["timestamp"]) != 10 || len(p) != 11 {
		t.Fatalf("sign %s, want %s; %v", p["sign"], sign, p)
	}
	for _, bad := range []func(r *pay.PAPayEntrustRequest){
		func(r *pay.PAPayEntrustRequest) { r.PlanID = "" },
		func(r *pay.PAPayEntrustRequest) { r.ContractCode = "a-b" },
		func(r *pay.PAPayEntrustRequest) { r.RequestSerial = 0 },
		func(r *pay.PAPayEntrustRequest) { r.NotifyURL = "https://example.com/n?a=1" },
		func(r *pay.PAPayEntrustRequest) { r.NotifyURL = "example.com/n" },
	} {
		r := *req
		bad(&r)
		var ae *wechat.ArgumentError
		if _, err := c.PAPayEntrustWebURL(&r); !errors.As(err, &ae) {
			t.Fatalf("%+v: want ArgumentError, got %v", r, err)
		}
	}
}

func TestPAPayContractAndDeductionFlow(t *testing.T) {
	srv, c, rec := newPAPayClient(t)
	cx := ctx(t)
	id := srv.SignPAPayContract(fakepay.PAPayContractSigning{AppID: papayAppID, PlanID: "12535", ContractCode: "100000",
		RequestSerial: 1000, ContractDisplayAccount: "微信代扣", OpenID: "onqOjjmM1tad-3ROpncN-yUfa6uI"})
	n, err := c.ParsePAPayContractNotification(mustBody(srv.PAPayContractNotification(id)))
	if err != nil || n.ChangeType != "ADD" || n.ContractID != id || n.OpenID != "onqOjjmM1tad-3ROpncN-yUfa6uI" || n.ContractCode != "100000" ||
		n.PlanID != "12535" || n.RequestSerial != 1000 || n.MchID != srv.Opts.MchID {
		t.Fatalf("signing notification: %+v %v", n, err)
	}

	k, err := c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, ContractID: id})
	if err != nil || k.ContractID != id || k.ContractState != "0" || k.OpenID != "onqOjjmM1tad-3ROpncN-yUfa6uI" || k.ContractDisplayAccount != "微信代扣" {
		t.Fatalf("QueryPAPayContract: %+v %v", k, err)
	}
	raw := string(rec.last)
	if !strings.HasPrefix(raw, "<xml><appid><![CDATA["+papayAppID+"]]></appid><contract_id><![CDATA["+id+"]]></contract_id><mch_id><![CDATA["+srv.Opts.MchID+"]]></mch_id><sign><![CDATA[") ||
		!strings.HasSuffix(raw, "]]></sign><version><![CDATA[1.0]]></version></xml>") || strings.Contains(raw, "nonce_str") {
		t.Fatalf("querycontract body %s", raw)
	}
	byCode, err := c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, PlanID: "12535", ContractCode: "100000"})
	if err != nil || byCode.ContractID != id {
		t.Fatalf("by plan and code: %+v %v", byCode, err)
	}
	if s := rec.sent(t); s["contract_id"] != "" || s["plan_id"] != "12535" {
		t.Fatalf("sent %v", s)
	}
	_, err = c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: "wx0000000000000000", ContractID: id})
	wantV2Code(t, err, "CONTRACT_NOT_EXIST")

	// A deduction under the live contract is accepted, then paid.
	apply := &pay.PAPayApplyRequest{AppID: papayAppID, Body: "水电代扣", Attach: "自定义参数&1", OutTradeNo: "1217752501201407033233368018",
		TotalFee: 888, SpbillCreateIP: "8.8.8.8", NotifyURL: "https://example.com/papay/pay", ContractID: id}
	ar, err := c.PAPayApply(cx, apply)
	if err != nil || ar.AppID != papayAppID || ar.Raw["result_code"] != "SUCCESS" {
		t.Fatalf("PAPayApply: %+v %v", ar, err)
	}
	if s := rec.sent(t); s["trade_type"] != "PAP" || s["contract_id"] != id || s["attach"] != "自定义参数&1" || s["total_fee"] != "888" {
		t.Fatalf("sent %v", s)
	}
	if ar, err = c.PAPayApply(cx, apply); err != nil || ar.Raw["result_code"] != "SUCCESS" {
		t.Fatalf("retry: %+v %v", ar, err)
	}
	other := *apply
	other.TotalFee = 1
	_, err = c.PAPayApply(cx, &other)
	wantV2Code(t, err, "OUT_TRADE_NO_USED")

	o, err := c.QueryPAPayOrder(cx, &pay.V2OrderQuery{AppID: papayAppID, OutTradeNo: apply.OutTradeNo})
	if err != nil || o.TradeState != pay.V2TradeStateNotPay || o.ContractID != id || o.TotalFee != 888 || o.TradeType != "PAP" {
		t.Fatalf("QueryPAPayOrder NOTPAY: %+v %v", o, err)
	}
	if _, _, ok := srv.PAPayDeductNotification(apply.OutTradeNo); ok {
		t.Fatal("notification of an unpaid deduction")
	}
	if _, ok := srv.PayOrder(apply.OutTradeNo); !ok {
		t.Fatal("PayOrder")
	}
	o, err = c.QueryPAPayOrder(cx, &pay.V2OrderQuery{AppID: papayAppID, OutTradeNo: apply.OutTradeNo, SignType: pay.SignTypeHMACSHA256})
	if err != nil || o.TradeState != pay.V2TradeStateSuccess || o.TransactionID == "" || o.OpenID != "onqOjjmM1tad-3ROpncN-yUfa6uI" {
		t.Fatalf("QueryPAPayOrder SUCCESS: %+v %v", o, err)
	}
	body, notifyURL, ok := srv.PAPayDeductNotification(apply.OutTradeNo)
	if !ok || notifyURL != apply.NotifyURL {
		t.Fatalf("deduct notification %v %s", ok, notifyURL)
	}
	d, err := c.ParsePAPayDeductNotification(body)
	if err != nil || d.ContractID != id || d.TotalFee != 888 || d.TransactionID != o.TransactionID || d.Attach != "自定义参数&1" {
		t.Fatalf("ParsePAPayDeductNotification: %+v %v", d, err)
	}
	_, err = c.PAPayApply(cx, apply)
	wantV2Code(t, err, "ORDERPAID")

	// Termination: the contract is queried as terminated, deductions fail.
	del, err := c.DeletePAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, ContractID: id, Remark: "签约信息有误"})
	if err != nil || del.ContractState != "1" || del.ContractTerminationMode != "3" {
		t.Fatalf("DeletePAPayContract: %+v %v", del, err)
	}
	if s := rec.sent(t); s["contract_termination_remark"] != "签约信息有误" || s["version"] != "1.0" {
		t.Fatalf("sent %v", s)
	}
	k, err = c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, ContractID: id})
	if err != nil || k.ContractState != "1" || k.Raw["contract_terminated_time"] == "" {
		t.Fatalf("terminated contract: %+v %v", k, err)
	}
	n, err = c.ParsePAPayContractNotification(mustBody(srv.PAPayContractNotification(id)))
	if err != nil || n.ChangeType != "DELETE" || n.ContractTerminationMode != "3" {
		t.Fatalf("termination notification: %+v %v", n, err)
	}
	apply.OutTradeNo = "1217752501201407033233368019"
	_, err = c.PAPayApply(cx, apply)
	wantV2Code(t, err, "CONTRACT_NOT_EXIST")
	_, err = c.DeletePAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, ContractID: id})
	wantV2Code(t, err, "CONTRACT_NOT_EXIST")

	// A JSAPI order is no deduction.
	if _, err := c.UnifiedOrder(cx, jsapiOrder("20150806125346")); err != nil {
		t.Fatal(err)
	}
	_, err = c.QueryPAPayOrder(cx, &pay.V2OrderQuery{AppID: v2AppID, OutTradeNo: "20150806125346"})
	wantV2Code(t, err, "ORDERNOTEXIST")
	srv.PayOrder("20150806125346")
	pb, _, _ := srv.V2PayNotification("20150806125346")
	if _, err := c.ParsePAPayDeductNotification(pb); !errors.Is(err, pay.ErrV2Notification) {
		t.Fatalf("pay notification as deduction: %v", err)
	}
	if _, err := c.ParsePAPayContractNotification(pb); !errors.Is(err, pay.ErrV2Notification) {
		t.Fatalf("pay notification as contract: %v", err)
	}
	tampered := strings.Replace(string(body), "888", "1", 1)
	if _, err := c.ParsePAPayDeductNotification([]byte(tampered)); !errors.Is(err, pay.ErrV2Notification) {
		t.Fatalf("tampered: %v", err)
	}
}

func mustBody(b []byte, ok bool) []byte {
	if !ok {
		panic("no notification")
	}
	return b
}

func TestPAPayArgumentErrors(t *testing.T) {
	_, c, rec := newPAPayClient(t)
	cx := ctx(t)
	calls := map[string]func() error{
		"query nil": func() error { _, err := c.QueryPAPayContract(cx, nil); return err },
		"query no contract": func() error {
			_, err := c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, PlanID: "1"})
			return err
		},
		"delete no appid": func() error {
			_, err := c.DeletePAPayContract(cx, &pay.PAPayContractQuery{ContractID: "1"})
			return err
		},
		"delete long remark": func() error {
			_, err := c.DeletePAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, ContractID: "1", Remark: strings.Repeat("a", 513)})
			return err
		},
		"apply nil": func() error { _, err := c.PAPayApply(cx, nil); return err },
		"apply no contract": func() error {
			_, err := c.PAPayApply(cx, &pay.PAPayApplyRequest{AppID: papayAppID, Body: "b", OutTradeNo: "1", TotalFee: 1, SpbillCreateIP: "1.1.1.1", NotifyURL: "https://e.com"})
			return err
		},
		"apply zero fee": func() error {
			_, err := c.PAPayApply(cx, &pay.PAPayApplyRequest{AppID: papayAppID, Body: "b", OutTradeNo: "1", SpbillCreateIP: "1.1.1.1", NotifyURL: "https://e.com", ContractID: "1"})
			return err
		},
		"order no ids": func() error { _, err := c.QueryPAPayOrder(cx, &pay.V2OrderQuery{AppID: papayAppID}); return err },
		"entrust nil":  func() error { _, err := c.PAPayEntrustWebURL(nil); return err },
	}
	for name, call := range calls {
		var ae *wechat.ArgumentError
		if err := call(); !errors.As(err, &ae) {
			t.Errorf("%s: want ArgumentError, got %v", name, err)
		}
	}
	if rec.last != nil {
		t.Fatalf("sent %s", rec.last)
	}
}

func FuzzParsePAPayNotifications(f *testing.F) {
	srv := fakepay.New(fakepay.Options{})
	defer srv.Close()
	c, err := pay.New(testConfig(srv, pay.VerifyPublicKey), pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		f.Fatal(err)
	}
	id := srv.SignPAPayContract(fakepay.PAPayContractSigning{AppID: papayAppID, PlanID: "1", ContractCode: "c1", RequestSerial: 1, OpenID: "o1"})
	body, _ := srv.PAPayContractNotification(id)
	f.Add(body)
	f.Add([]byte("<xml><return_code>SUCCESS</return_code><contract_id>1</contract_id><sign>x</sign></xml>"))
	f.Add([]byte("<xml><a><b></b></a></xml>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := c.ParsePAPayContractNotification(b)
		if err == nil && (n.ContractID == "" || n.Raw["sign"] == "") {
			t.Fatalf("accepted %q", b)
		}
		d, err := c.ParsePAPayDeductNotification(b)
		if err == nil && d.ContractID == "" {
			t.Fatalf("accepted %q", b)
		}
	})
}

func TestPAPayMiniProgramExtraData(t *testing.T) {
	srv, c, _ := newPAPayClient(t)
	req := &pay.PAPayEntrustRequest{AppID: "wx426a3015555a46be", PlanID: "106", ContractCode: "122", RequestSerial: 123,
		ContractDisplayAccount: "张三", NotifyURL: "https://www.qq.com/test/papay"}
	d, err := c.PAPayMiniProgramExtraData(req)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"appid": "wx426a3015555a46be", "contract_code": "122", "contract_display_account": "张三",
		"mch_id": srv.Opts.MchID, "notify_url": "https://www.qq.com/test/papay", "plan_id": "106", "request_serial": "123"}
	for k, v := range want {
		if d[k] != v {
			t.Fatalf("%s = %q, want %q", k, d[k], v)
		}
	}
	if sign, _ := pay.V2Sign(d, srv.Opts.APIv2Key, pay.SignTypeMD5); sign != d["sign"] || len(d) != 9 || d["version"] != "" {
		t.Fatalf("extraData %v, sign %s", d, sign)
	}
	req.ReturnWeb = true
	var ae *wechat.ArgumentError
	if _, err := c.PAPayMiniProgramExtraData(req); !errors.As(err, &ae) {
		t.Fatalf("ReturnWeb: %v", err)
	}
	if _, err := c.PAPayMiniProgramExtraData(nil); !errors.As(err, &ae) {
		t.Fatalf("nil: %v", err)
	}
}

func TestPAPayServiceProvider(t *testing.T) {
	srv, c, rec := newPAPayClient(t)
	cx := ctx(t)
	id := srv.SignPAPayContract(fakepay.PAPayContractSigning{SubMchID: fakepay.DefaultSubMchID, AppID: papayAppID, PlanID: "12535",
		ContractCode: "sp100000", RequestSerial: 1, OpenID: "o1"})
	k, err := c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, SubMchID: fakepay.DefaultSubMchID, SubAppID: "wxcbda96de0b165489", ContractID: id})
	if err != nil || k.ContractID != id || k.Raw["sub_mch_id"] != fakepay.DefaultSubMchID {
		t.Fatalf("partner querycontract: %+v %v", k, err)
	}
	if s := rec.sent(t); s["sub_mch_id"] != fakepay.DefaultSubMchID || s["sub_appid"] != "wxcbda96de0b165489" || s["version"] != "1.0" || srv.RequestCount("/papay/partner/querycontract") != 1 {
		t.Fatalf("sent %v", s)
	}
	// The merchant API does not see the sub-merchant's contract.
	_, err = c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, ContractID: id})
	wantV2Code(t, err, "CONTRACT_NOT_EXIST")
	_, err = c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, SubMchID: "1234567890", ContractID: id})
	wantV2Code(t, err, "NOAUTH")

	d, err := c.PAPayMiniProgramExtraData(&pay.PAPayEntrustRequest{AppID: papayAppID, SubMchID: fakepay.DefaultSubMchID, PlanID: "12535",
		ContractCode: "sp100001", RequestSerial: 2, ContractDisplayAccount: "张三", NotifyURL: "https://example.com/n"})
	if sign, _ := pay.V2Sign(d, srv.Opts.APIv2Key, pay.SignTypeMD5); err != nil || d["sub_mch_id"] != fakepay.DefaultSubMchID || sign != d["sign"] {
		t.Fatalf("partner extraData %v %v", d, err)
	}
	var ae *wechat.ArgumentError
	if _, err := c.DeletePAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, SubMchID: fakepay.DefaultSubMchID, ContractID: id}); !errors.As(err, &ae) {
		t.Fatalf("partner delete: %v", err)
	}
	if _, err := c.QueryPAPayContract(cx, &pay.PAPayContractQuery{AppID: papayAppID, SubAppID: "wx1", ContractID: id}); !errors.As(err, &ae) {
		t.Fatalf("SubAppID alone: %v", err)
	}
	if _, err := c.PAPayEntrustWebURL(&pay.PAPayEntrustRequest{AppID: papayAppID, SubMchID: "1", PlanID: "1", ContractCode: "1",
		RequestSerial: 1, ContractDisplayAccount: "a", NotifyURL: "https://e.com/n"}); !errors.As(err, &ae) {
		t.Fatalf("partner entrustweb: %v", err)
	}
}
