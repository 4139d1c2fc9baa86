package component_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestOpenAccounts(t *testing.T) {
	srv, c, _, info := authorized(t)
	ctx := context.Background()
	open, err := c.CreateOpenAccount(ctx, authorizerAppID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(open, "wxopen") {
		t.Errorf("open appid %q", open)
	}
	q, body := last(t, srv, "POST /cgi-bin/open/create")
	if q.Get("access_token") != info.AccessToken || q.Has("component_access_token") {
		t.Errorf("open/create must carry the authorizer's access_token, query %v", q)
	}
	if body["appid"] != authorizerAppID || len(body) != 1 {
		t.Errorf("create body %v", body)
	}
	if got, err := c.GetOpenAccount(ctx, authorizerAppID); err != nil || got != open {
		t.Fatalf("GetOpenAccount %q, %v", got, err)
	}
	_, err = c.CreateOpenAccount(ctx, authorizerAppID)
	wantCode(t, err, 89000)

	// A second authorizer binds to the same open account.
	const second = "wxb1c2d3e4f5a6b7c8"
	if _, err := c.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, second)); err != nil {
		t.Fatal(err)
	}
	if err := c.BindOpenAccount(ctx, second, open); err != nil {
		t.Fatal(err)
	}
	_, body = last(t, srv, "POST /cgi-bin/open/bind")
	if body["appid"] != second || body["open_appid"] != open {
		t.Errorf("bind body %v", body)
	}
	wantCode(t, c.BindOpenAccount(ctx, second, open), 89000)
	if got, _ := c.GetOpenAccount(ctx, second); got != open {
		t.Errorf("second bound to %q", got)
	}
	if err := c.UnbindOpenAccount(ctx, second, open); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetOpenAccount(ctx, second)
	wantCode(t, err, 89002)
	wantCode(t, c.UnbindOpenAccount(ctx, second, open), 40013)
	wantCode(t, c.BindOpenAccount(ctx, second, "wxopenunknown"), 40013)

	wantArg(t, c.BindOpenAccount(ctx, second, ""), "open_appid")
	wantArg(t, c.UnbindOpenAccount(ctx, "", open), "appid")
	_, err = c.GetOpenAccount(ctx, "")
	wantArg(t, err, "appid")
}

func TestOpenAccountBindLimit(t *testing.T) {
	srv, c, _, _ := authorized(t)
	ctx := context.Background()
	open, err := c.CreateOpenAccount(ctx, authorizerAppID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		id := fmt.Sprintf("wxbinder%010d", i)
		if _, err := c.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, id)); err != nil {
			t.Fatal(err)
		}
		err := c.BindOpenAccount(ctx, id, open)
		if i < 4 && err != nil {
			t.Fatalf("bind %d: %v", i, err)
		}
		if i == 4 {
			wantCode(t, err, 89004) // an unverified account created by API binds 5 at most
		}
	}
}

func TestOpenAccountNeedsPermission(t *testing.T) {
	srv, c, _ := newReady(t)
	ctx := context.Background()
	// Authorized without the open account management permission set (24).
	if _, err := c.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID, 1, 2)); err != nil {
		t.Fatal(err)
	}
	_, err := c.CreateOpenAccount(ctx, authorizerAppID)
	wantCode(t, err, 48001)
}
