package suite_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

// TestListActivatedAccountsPages activates 1001 accounts, more than one
// page of list_actived_account (limit 1000), and reads them back.
func TestListActivatedAccountsPages(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	lic := newProvider(t, srv).License
	corp := corps[0]
	const n = 1001
	id, err := lic.CreateNewOrder(ctx, suite.NewOrder{CorpID: corp, BuyerUserID: "boss",
		AccountCount: suite.AccountCount{BaseCount: n}, AccountDuration: suite.AccountDuration{Months: 2}})
	if err != nil {
		t.Fatal(err)
	}
	srv.PayLicenseOrder(id)
	start := srv.Now().Unix()
	var acts []suite.Activation
	for a, err := range lic.ListOrderAccounts(ctx, id) {
		if err != nil {
			t.Fatal(err)
		}
		acts = append(acts, suite.Activation{ActiveCode: a.ActiveCode, UserID: fmt.Sprintf("u%04d", len(acts))})
	}
	if len(acts) != n {
		t.Fatalf("%d codes, want %d", len(acts), n)
	}
	if res, err := lic.BatchActiveAccount(ctx, corp, acts[:1000]); err != nil || len(res) != 1000 || res[999].Errcode != 0 {
		t.Fatalf("batch activation: %v", err)
	}
	if err := lic.ActiveAccount(ctx, corp, acts[1000].ActiveCode, acts[1000].UserID); err != nil {
		t.Fatal(err)
	}

	before := srv.Count("POST " + fakewechat.WeComPrefix + "/cgi-bin/license/list_actived_account")
	end := srv.Now().Unix()
	seen := map[string]bool{}
	for a, err := range lic.ListActivatedAccounts(ctx, corp) {
		if err != nil {
			t.Fatal(err)
		}
		if a.Type != suite.AccountBase || a.ActiveTime < start || a.ActiveTime > end || a.ExpireTime != a.ActiveTime+62*86400 || seen[a.UserID] {
			t.Fatalf("account %+v (activated between %d and %d)", a, start, end)
		}
		seen[a.UserID] = true
	}
	if len(seen) != n || !seen["u0000"] || !seen["u1000"] {
		t.Fatalf("%d accounts listed, want %d", len(seen), n)
	}
	if calls := srv.Count("POST "+fakewechat.WeComPrefix+"/cgi-bin/license/list_actived_account") - before; calls != 2 {
		t.Errorf("%d list_actived_account calls, want 2 pages", calls)
	}
	// Another corp has none.
	for a, err := range lic.ListActivatedAccounts(ctx, corps[1]) {
		t.Fatalf("corp B: %+v, %v", a, err)
	}
	var arg *suite.InvalidArgumentError
	for _, err := range lic.ListActivatedAccounts(ctx, "") {
		if !errors.As(err, &arg) {
			t.Fatalf("empty corpid: %v", err)
		}
	}
	// A suite_access_token in provider_access_token is refused (40082).
	s := installed(t, srv)
	var api *wechat.APIError
	err = s.Core().Do(ctx, wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/license/list_actived_account", TokenParam: "provider_access_token"},
		nil, map[string]any{"corpid": corp}, nil)
	if !errors.As(err, &api) || api.Code != fakewechat.CodeSuiteTokenInvalid {
		t.Fatalf("suite token on a license endpoint: %v", err)
	}
}
