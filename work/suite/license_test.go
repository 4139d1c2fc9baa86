package suite_test

import (
	"context"
	"errors"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func TestLicenseFlow(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	p := newProvider(t, srv)
	lic := p.License
	corp := corps[0]

	var ae *wechat.ArgumentError
	if _, err := lic.CreateNewOrder(ctx, suite.NewOrder{CorpID: corp, BuyerUserID: "boss", AccountCount: suite.AccountCount{BaseCount: 1},
		AccountDuration: suite.AccountDuration{Days: 30}}); !errors.As(err, &ae) {
		t.Fatalf("30 days: %v, want an argument error", err)
	}
	id, err := lic.CreateNewOrder(ctx, suite.NewOrder{CorpID: corp, BuyerUserID: "boss",
		AccountCount: suite.AccountCount{BaseCount: 2, ExternalContactCount: 1}, AccountDuration: suite.AccountDuration{Months: 1}})
	if err != nil {
		t.Fatal(err)
	}
	o, err := lic.GetOrder(ctx, id)
	if err != nil || o.OrderStatus != 0 || o.AccountCount.BaseCount != 2 || o.CorpID != corp {
		t.Fatalf("order %+v, %v", o, err)
	}
	var api *wechat.APIError
	for _, err := range lic.ListOrderAccounts(ctx, id) {
		if !errors.As(err, &api) {
			t.Fatalf("accounts of an unpaid order: %v", err)
		}
	}
	if !srv.PayLicenseOrder(id) {
		t.Fatal("pay")
	}
	var codes []string
	for a, err := range lic.ListOrderAccounts(ctx, id) {
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, a.ActiveCode)
	}
	if len(codes) != 3 {
		t.Fatalf("codes %v", codes)
	}
	if err := lic.ActiveAccount(ctx, corp, codes[0], "zhangsan"); err != nil {
		t.Fatal(err)
	}
	if err := lic.ActiveAccount(ctx, corp, codes[0], "lisi"); !errors.As(err, &api) || api.Code != fakewechat.CodeLicenseCodeUsed {
		t.Fatalf("second activation: %v", err)
	}
	if err := lic.ActiveAccount(ctx, corps[1], codes[1], "lisi"); !errors.As(err, &api) || api.Code != fakewechat.CodeLicenseCodeBad {
		t.Fatalf("code of another corp: %v", err)
	}
	res, err := lic.BatchActiveAccount(ctx, corp, []suite.Activation{{ActiveCode: codes[1], UserID: "lisi"}, {ActiveCode: "nope", UserID: "x"}})
	if err != nil || len(res) != 2 || res[0].Errcode != 0 || res[1].Errcode == 0 {
		t.Fatalf("batch %+v, %v", res, err)
	}
	info, err := lic.ActiveInfoByCode(ctx, corp, codes[0])
	if err != nil || info.Status != 2 || info.UserID != "zhangsan" || info.ExpireTime-info.ActiveTime != 31*86400 {
		t.Fatalf("info %+v, %v", info, err)
	}
	n := 0
	for a, err := range lic.ListActivatedAccounts(ctx, corp) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		_ = a
	}
	if n != 2 {
		t.Errorf("%d activated accounts, want 2", n)
	}
	tr, err := lic.BatchTransferLicense(ctx, corp, []suite.Transfer{{HandoverUserID: "zhangsan", TakeoverUserID: "wangwu"}})
	if err != nil || tr[0].Errcode != 0 {
		t.Fatalf("transfer %+v, %v", tr, err)
	}
	u, err := lic.ActiveInfoByUser(ctx, corp, "wangwu")
	if err != nil || u.ActiveStatus != 1 || len(u.ActiveInfoList) != 1 {
		t.Fatalf("by user %+v, %v", u, err)
	}
	bi, err := lic.BatchActiveInfoByCode(ctx, corp, []string{codes[2], "nope"})
	if err != nil || len(bi.ActiveInfoList) != 1 || bi.ActiveInfoList[0].Status != 1 || len(bi.InvalidActiveCodeList) != 1 {
		t.Fatalf("batch info %+v, %v", bi, err)
	}
	// Orders: a second, cancelled.
	id2, err := lic.CreateNewOrder(ctx, suite.NewOrder{CorpID: corp, BuyerUserID: "boss", AccountCount: suite.AccountCount{BaseCount: 1}, AccountDuration: suite.AccountDuration{Months: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if err := lic.CancelOrder(ctx, corp, id); err == nil {
		t.Fatal("cancelled a paid order")
	}
	if err := lic.CancelOrder(ctx, corp, id2); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for o, err := range lic.ListOrders(ctx, corp, 0, 0) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, o.OrderID)
	}
	if len(ids) != 2 {
		t.Errorf("orders %v", ids)
	}
	if err := lic.SetAutoActive(ctx, corp, true); err != nil {
		t.Fatal(err)
	}
	if on, err := lic.AutoActive(ctx, corp); err != nil || !on {
		t.Fatalf("auto active %v, %v", on, err)
	}
	if n := srv.Count("POST " + fakewechat.WeComPrefix + "/cgi-bin/service/get_provider_token"); n != 1 {
		t.Errorf("get_provider_token called %d times, want 1", n)
	}
}

func TestProviderEndpoints(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	p := newProvider(t, srv)
	a, err := p.OpenCorpID(ctx, corps[0])
	if err != nil || a == "" {
		t.Fatalf("open corpid %q, %v", a, err)
	}
	if b, _ := p.OpenCorpID(ctx, corps[0]); b != a {
		t.Errorf("open corpid not stable: %q %q", a, b)
	}
	u, err := p.CustomizedAuthURL(ctx, "s", "tpl1")
	if err != nil || u.QRCodeURL == "" {
		t.Fatalf("customized auth url %+v, %v", u, err)
	}
	// A provider token is not a suite token.
	s := newSuite(t, srv, wechat.NewMemoryStore())
	tok, _ := p.ProviderAccessToken(ctx)
	if err := s.SuiteTokenSource().Set(ctx, wechat.Token{Value: tok}); err != nil {
		t.Fatal(err)
	}
	// 40082: the token is dropped, and a new one needs a ticket.
	if _, err := s.PreAuthCode(ctx); !errors.Is(err, suite.ErrNoSuiteTicket) {
		t.Fatalf("pre auth code with a provider token: %v", err)
	}
	if n := srv.Count("GET " + fakewechat.WeComPrefix + "/cgi-bin/service/get_pre_auth_code"); n != 1 {
		t.Errorf("get_pre_auth_code called %d times, want 1", n)
	}
}

func TestSuiteInstallFlow(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := newSuite(t, srv, wechat.NewMemoryStore())
	pushTicket(t, srv, s.Handler(nil))
	pre, err := s.PreAuthCode(ctx)
	if err != nil || pre.PreAuthCode == "" || pre.ExpiresIn != 1200 {
		t.Fatalf("pre auth code %+v, %v", pre, err)
	}
	if err := s.SetSessionInfo(ctx, pre.PreAuthCode, suite.SessionInfo{AuthType: 1}); err != nil {
		t.Fatal(err)
	}
	var api *wechat.APIError
	if err := s.SetSessionInfo(ctx, "unknown", suite.SessionInfo{}); !errors.As(err, &api) || api.Code != fakewechat.CodePreAuthCodeInvalid {
		t.Fatalf("unknown pre auth code: %v", err)
	}
	q, err := s.AppQRCodeURL(ctx, suite.AppQRCodeRequest{State: "x"})
	if err != nil || q == "" {
		t.Fatalf("qrcode %q, %v", q, err)
	}
	install(t, srv, s.Handler(nil), corps[0])
	st, err := s.StoredCorp(ctx, corps[0])
	if err != nil || st.AgentID != 0 {
		t.Fatalf("stored %+v, %v", st, err)
	}
	info, err := s.AuthInfo(ctx, corps[0], st.PermanentCode)
	if err != nil || info.AuthInfo.Agent[0].AgentID != srv.SuiteAgentID(fakewechat.DefaultSuiteID, corps[0]) {
		t.Fatalf("auth info %+v, %v", info, err)
	}
	if _, err := s.AuthInfo(ctx, corps[0], "wrong"); !errors.As(err, &api) || api.Code != fakewechat.CodePermanentCodeBad {
		t.Fatalf("wrong permanent code: %v", err)
	}
	// The corp's JS-SDK ticket comes through the suite's corp token.
	ac, err := s.AgentClient(ctx, corps[0])
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := ac.JSSDKConfig(ctx, "https://example.com/page?x=1", "selectExternalContact")
	if err != nil || cfg.AppID != corps[0] || cfg.Signature == "" {
		t.Fatalf("jssdk %+v, %v", cfg, err)
	}
	if _, err := s.AgentClient(ctx, corps[1]); !errors.Is(err, suite.ErrNotAuthorized) {
		t.Fatalf("corp never installed: %v", err)
	}
}

func TestLicenseRenewAndShare(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	lic := newProvider(t, srv).License
	corp := corps[0]
	id, err := lic.CreateNewOrder(ctx, suite.NewOrder{CorpID: corp, BuyerUserID: "boss",
		AccountCount: suite.AccountCount{BaseCount: 3}, AccountDuration: suite.AccountDuration{Months: 1}})
	if err != nil || !srv.PayLicenseOrder(id) {
		t.Fatalf("order %v", err)
	}
	var codes []string
	for a, err := range lic.ListOrderAccounts(ctx, id) {
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, a.ActiveCode)
	}
	if err := lic.ActiveAccount(ctx, corp, codes[0], "zhangsan"); err != nil {
		t.Fatal(err)
	}
	job, err := lic.CreateRenewOrderJob(ctx, corp, "", []suite.RenewAccount{{UserID: "zhangsan", Type: suite.AccountBase}, {UserID: "nobody", Type: suite.AccountBase}})
	if err != nil || job.JobID == "" || len(job.InvalidAccountList) != 1 || job.InvalidAccountList[0].UserID != "nobody" {
		t.Fatalf("renew job %+v, %v", job, err)
	}
	oid, err := lic.SubmitOrderJob(ctx, job.JobID, "boss", suite.AccountDuration{Months: 12})
	if err != nil {
		t.Fatal(err)
	}
	o, err := lic.GetOrder(ctx, oid)
	if err != nil || o.OrderType != 2 || o.AccountCount.BaseCount != 1 {
		t.Fatalf("renewal order %+v, %v", o, err)
	}
	if _, err := lic.SubmitOrderJob(ctx, job.JobID, "boss", suite.AccountDuration{Months: 12}); err == nil {
		t.Fatal("job submitted twice")
	}
	res, err := lic.BatchShareActiveCode(ctx, corp, corps[1], []string{codes[1], codes[0]})
	if err != nil || len(res) != 2 || res[0].Errcode != 0 || res[1].Errcode != fakewechat.CodeLicenseCodeUsed {
		t.Fatalf("share %+v, %v", res, err)
	}
	if err := lic.ActiveAccount(ctx, corps[1], codes[1], "lisi"); err != nil {
		t.Fatalf("shared code in the other corp: %v", err)
	}
}
