package component_test

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/fakewechat"
)

func TestCreatePreAuthCode(t *testing.T) {
	srv, c, _ := newReady(t)
	code, err := c.CreatePreAuthCode(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if code.PreAuthCode == "" || code.ExpiresIn != 1800 {
		t.Errorf("code %+v", code)
	}
	q, body := last(t, srv, "POST /cgi-bin/component/api_create_preauthcode")
	if q.Get("component_access_token") == "" || q.Has("access_token") {
		t.Errorf("query %v, want component_access_token only", q)
	}
	if body["component_appid"] != fakewechat.DefaultComponentAppID || len(body) != 1 {
		t.Errorf("body %v", body)
	}
}

func TestAuthorizationURL(t *testing.T) {
	const redirect = "https://example.com/cb?a=1&b=x y"
	pc, err := component.AuthorizationURL("wxcomp", "preauthcode@@@A+B/C=", redirect, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wxcomp" +
		"&pre_auth_code=preauthcode%40%40%40A%2BB%2FC%3D&redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fa%3D1%26b%3Dx+y"
	if pc != want {
		t.Errorf("PC URL\n got %s\nwant %s", pc, want)
	}
	mobile, err := component.AuthorizationURL("wxcomp", "code", redirect, true,
		&component.AuthURLOptions{AuthType: component.AuthTypeMiniProgram, BizAppID: "wxbiz", CategoryIDList: []int{17, 18}})
	if err != nil {
		t.Fatal(err)
	}
	want = "https://open.weixin.qq.com/wxaopen/safe/bindcomponent?action=bindcomponent&auth_type=2&biz_appid=wxbiz" +
		"&category_id_list=17%7C18&component_appid=wxcomp&no_scan=1&pre_auth_code=code" +
		"&redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fa%3D1%26b%3Dx+y#wechat_redirect"
	if mobile != want {
		t.Errorf("mobile URL\n got %s\nwant %s", mobile, want)
	}
	// The redirect survives a round trip through the page's query parser.
	u, err := url.Parse(mobile)
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Query().Get("redirect_uri"); got != redirect || u.Fragment != "wechat_redirect" {
		t.Errorf("redirect_uri %q fragment %q", got, u.Fragment)
	}
	for _, tc := range []struct {
		appid, code, redirect string
		opt                   *component.AuthURLOptions
		arg                   string
	}{
		{"", "c", redirect, nil, "component_appid"},
		{"wx", "", redirect, nil, "pre_auth_code"},
		{"wx", "c", "/relative", nil, "redirect_uri"},
		{"wx", "c", "ftp://example.com/", nil, "redirect_uri"},
		{"wx", "c", "https://example.com/%zz", nil, "redirect_uri"},
		{"wx", "c", redirect, &component.AuthURLOptions{AuthType: -1}, "auth_type"},
	} {
		_, err := component.AuthorizationURL(tc.appid, tc.code, tc.redirect, false, tc.opt)
		wantArg(t, err, tc.arg)
	}
}

func TestNewAuthorizationURL(t *testing.T) {
	srv, c, _ := newReady(t)
	ctx := context.Background()
	s, err := c.NewAuthorizationURL(ctx, "https://example.com/cb", false, &component.AuthURLOptions{AuthType: component.AuthTypeBoth})
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Host != "mp.weixin.qq.com" || q.Get("component_appid") != fakewechat.DefaultComponentAppID ||
		q.Get("pre_auth_code") == "" || q.Get("auth_type") != "3" {
		t.Errorf("URL %s", s)
	}
	// The administrator opens the page and authorizes: the code from the
	// redirect is exchanged. A pre-auth code serves once.
	code := srv.AuthorizeWithPreAuthCode(q.Get("pre_auth_code"), authorizerAppID)
	if code == "" || srv.AuthorizeWithPreAuthCode(q.Get("pre_auth_code"), authorizerAppID) != "" {
		t.Fatal("pre-auth code not accepted exactly once")
	}
	if info, err := c.AuthorizeFromCode(ctx, code); err != nil || info.AuthorizerAppID != authorizerAppID {
		t.Fatalf("AuthorizeFromCode %+v, %v", info, err)
	}
	n := srv.Count("POST /cgi-bin/component/api_create_preauthcode")
	_, err = c.NewAuthorizationURL(ctx, "not a url", true, nil)
	wantArg(t, err, "redirect_uri")
	if srv.Count("POST /cgi-bin/component/api_create_preauthcode") != n {
		t.Error("a pre-auth code was created for an invalid redirect")
	}
}

func TestQueryAuth(t *testing.T) {
	srv, c, store := newReady(t)
	ctx := context.Background()
	code := srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID, 1, 15, 24)
	info, err := c.QueryAuth(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if info.AuthorizerAppID != authorizerAppID || info.AccessToken == "" || info.ExpiresIn != 7200 || info.RefreshToken == "" {
		t.Errorf("info %+v", info)
	}
	if ids := info.FuncIDs(); !slices.Equal(ids, []int{1, 15, 24}) {
		t.Errorf("func ids %v", ids)
	}
	q, body := last(t, srv, "POST /cgi-bin/component/api_query_auth")
	if q.Get("component_access_token") == "" || body["component_appid"] != fakewechat.DefaultComponentAppID || body["authorization_code"] != code {
		t.Errorf("query %v body %v", q, body)
	}
	// QueryAuth alone stores nothing.
	if got := storedToken(t, store, wechat.StoreKey(authorizerAppID, wechat.KeyAuthorizerRefreshToken)); got != "" {
		t.Errorf("QueryAuth stored a refresh token")
	}
	// Codes are single use, and expire.
	_, err = c.QueryAuth(ctx, code)
	wantCode(t, err, 61009)
	code = srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID)
	srv.Advance(time.Hour + time.Second)
	_, err = c.QueryAuth(ctx, code)
	wantCode(t, err, 61010)
	_, err = c.QueryAuth(ctx, "")
	wantArg(t, err, "authorization_code")
}

func TestAuthorizeFromCode(t *testing.T) {
	srv, c, store, info := authorized(t)
	ctx := context.Background()
	if got := storedToken(t, store, wechat.StoreKey(authorizerAppID, wechat.KeyAuthorizerRefreshToken)); got != info.RefreshToken {
		t.Errorf("stored refresh token %q, want %q", got, info.RefreshToken)
	}
	if got := storedToken(t, store, wechat.StoreKey(authorizerAppID, wechat.KeyAccessToken)); got != info.AccessToken {
		t.Errorf("stored access token %q, want %q", got, info.AccessToken)
	}
	// The token source serves it without refreshing.
	tok, err := c.Authorizer(authorizerAppID).Token(ctx)
	if err != nil || tok != info.AccessToken {
		t.Fatalf("Authorizer token %q, %v", tok, err)
	}
	if n := srv.Count("POST /cgi-bin/component/api_authorizer_token"); n != 0 {
		t.Errorf("%d refreshes", n)
	}
	_, err = c.AuthorizeFromCode(ctx, "queryauthcode@@@unknown")
	wantCode(t, err, 61009)
}

func TestAuthorizePending(t *testing.T) {
	srv, c, store := newReady(t)
	ctx := context.Background()
	_, err := c.AuthorizePending(ctx, authorizerAppID)
	if err != component.ErrNoPendingAuthorization {
		t.Fatalf("err = %v", err)
	}
	wantArg(t, func() error { _, err := c.AuthorizePending(ctx, ""); return err }(), "authorizer_appid")
	// What callback.Component stores on an authorized notification.
	key := wechat.StoreKey(authorizerAppID, "authorization_code")
	storeJSON(t, store, key, wechat.Token{Value: srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID),
		ExpiresAt: time.Now().Add(time.Hour)})
	info, err := c.AuthorizePending(ctx, authorizerAppID)
	if err != nil {
		t.Fatal(err)
	}
	if info.AuthorizerAppID != authorizerAppID {
		t.Errorf("info %+v", info)
	}
	if storedToken(t, store, key) != "" {
		t.Error("used code not deleted")
	}
	if storedToken(t, store, wechat.StoreKey(authorizerAppID, wechat.KeyAuthorizerRefreshToken)) == "" {
		t.Error("refresh token not stored")
	}
}

func TestGetAuthorizerInfo(t *testing.T) {
	srv, c, _, _ := authorized(t)
	ctx := context.Background()
	d, err := c.GetAuthorizerInfo(ctx, authorizerAppID)
	if err != nil {
		t.Fatal(err)
	}
	ai := d.AuthorizerInfo
	if ai.NickName != "Authorizer "+authorizerAppID || ai.ServiceTypeInfo.ID != 2 || ai.VerifyTypeInfo.ID != 0 ||
		len(ai.UserName) != 15 || ai.BusinessInfo.OpenPay != 1 || ai.AccountStatus != 1 || ai.IsMiniProgram() {
		t.Errorf("authorizer info %+v", ai)
	}
	rt, _ := srv.AuthorizerRefreshToken(fakewechat.DefaultComponentAppID, authorizerAppID)
	if d.AuthorizationInfo.AuthorizerAppID != authorizerAppID || d.AuthorizationInfo.RefreshToken != rt ||
		!slices.Equal(d.AuthorizationInfo.FuncIDs(), fakewechat.DefaultComponentFuncIDs) {
		t.Errorf("authorization info %+v", d.AuthorizationInfo)
	}
	_, body := last(t, srv, "POST /cgi-bin/component/api_get_authorizer_info")
	if body["component_appid"] != fakewechat.DefaultComponentAppID || body["authorizer_appid"] != authorizerAppID {
		t.Errorf("body %v", body)
	}
	_, err = c.GetAuthorizerInfo(ctx, "wxnotauthorized000")
	wantCode(t, err, 61003)
	_, err = c.GetAuthorizerInfo(ctx, "")
	wantArg(t, err, "authorizer_appid")
}

func TestAuthorizerOptions(t *testing.T) {
	srv, c, _, _ := authorized(t)
	ctx := context.Background()
	v, err := c.GetAuthorizerOption(ctx, authorizerAppID, component.OptionVoiceRecognize)
	if err != nil || v != "0" {
		t.Fatalf("option %q, %v", v, err)
	}
	if err := c.SetAuthorizerOption(ctx, authorizerAppID, component.OptionVoiceRecognize, "1"); err != nil {
		t.Fatal(err)
	}
	_, body := last(t, srv, "POST /cgi-bin/component/api_set_authorizer_option")
	if body["option_name"] != "voice_recognize" || body["option_value"] != "1" || body["authorizer_appid"] != authorizerAppID ||
		body["component_appid"] != fakewechat.DefaultComponentAppID {
		t.Errorf("set body %v", body)
	}
	if v, err = c.GetAuthorizerOption(ctx, authorizerAppID, component.OptionVoiceRecognize); err != nil || v != "1" {
		t.Fatalf("after set %q, %v", v, err)
	}
	_, body = last(t, srv, "POST /cgi-bin/component/api_get_authorizer_option")
	if _, ok := body["option_value"]; ok {
		t.Errorf("get body carries option_value: %v", body)
	}
	wantCode(t, c.SetAuthorizerOption(ctx, authorizerAppID, component.OptionLocationReport, "7"), 40097)
	_, err = c.GetAuthorizerOption(ctx, authorizerAppID, "nonsense")
	wantCode(t, err, 40097)
	wantArg(t, c.SetAuthorizerOption(ctx, authorizerAppID, "", "1"), "option_name")
	wantArg(t, c.SetAuthorizerOption(ctx, authorizerAppID, component.OptionLocationReport, ""), "option_value")
	_, err = c.GetAuthorizerOption(ctx, "", component.OptionLocationReport)
	wantArg(t, err, "authorizer_appid")
}

func TestListAuthorizers(t *testing.T) {
	srv, c, _ := newReady(t)
	ctx := context.Background()
	var ids []string
	for i := range 7 {
		id := fmt.Sprintf("wxauthorizer%06d", i)
		ids = append(ids, id)
		srv.Authorize(fakewechat.DefaultComponentAppID, id)
		srv.Advance(time.Second) // distinct auth times, in order
	}
	page, err := c.ListAuthorizers(ctx, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if page.TotalCount != 7 || len(page.List) != 3 || page.List[0].AuthorizerAppID != ids[2] ||
		page.List[0].RefreshToken == "" || page.List[0].AuthTime == 0 {
		t.Errorf("page %+v", page)
	}
	_, body := last(t, srv, "POST /cgi-bin/component/api_get_authorizer_list")
	if body["offset"] != 2.0 || body["count"] != 3.0 || body["component_appid"] != fakewechat.DefaultComponentAppID {
		t.Errorf("body %v", body)
	}

	before := srv.Count("POST /cgi-bin/component/api_get_authorizer_list")
	var got []string
	for it, err := range c.Authorizers(ctx, 3) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it.AuthorizerAppID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("iterated %v, want %v", got, ids)
	}
	if n := srv.Count("POST /cgi-bin/component/api_get_authorizer_list") - before; n != 3 {
		t.Errorf("%d pages fetched, want 3", n)
	}
	// Stopping early fetches no further page.
	before += 3
	got = got[:0]
	for it, err := range c.Authorizers(ctx, 3) {
		if err != nil {
			t.Fatal(err)
		}
		if got = append(got, it.AuthorizerAppID); len(got) == 4 {
			break
		}
	}
	if n := srv.Count("POST /cgi-bin/component/api_get_authorizer_list") - before; n != 2 || !slices.Equal(got, ids[:4]) {
		t.Errorf("early stop: %d pages, items %v", n, got)
	}
	// An out-of-range page size falls back to the maximum: one page.
	before += 2
	n := 0
	for _, err := range c.Authorizers(ctx, 0) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if _, body := last(t, srv, "POST /cgi-bin/component/api_get_authorizer_list"); n != 7 || body["count"] != 500.0 {
		t.Errorf("%d items, count %v", n, body["count"])
	}
	if p := srv.Count("POST /cgi-bin/component/api_get_authorizer_list") - before; p != 1 {
		t.Errorf("maximum page size: %d pages, want 1", p)
	}
	_, err = c.ListAuthorizers(ctx, 0, 501)
	wantArg(t, err, "count")
	_, err = c.ListAuthorizers(ctx, -1, 10)
	wantArg(t, err, "offset")
}

func TestAuthorizersIteratorError(t *testing.T) {
	_, c, _ := newComp(t) // no ticket: the first page fails
	n := 0
	for _, err := range c.Authorizers(context.Background(), 10) {
		n++
		if err == nil {
			t.Fatal("want an error")
		}
	}
	if n != 1 {
		t.Errorf("%d yields, want 1", n)
	}
}
