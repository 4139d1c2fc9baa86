package oa_test

import (
	"context"
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestUserBlacklist(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 30)
	srv.SetUserPageSize(fakewechat.DefaultAppID, 7)

	p, err := c.UserBlacklist.List(ctx, "")
	if err != nil || p.Total != 0 || p.Count != 0 || len(p.OpenIDs()) != 0 || p.NextOpenID != "" {
		t.Fatalf("empty blacklist = %+v, %v", p, err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/members/getblacklist"); jsonA(t, body) != `{"begin_openid":""}` {
		t.Errorf("getblacklist body %s", jsonA(t, body))
	}

	if err := c.UserBlacklist.Block(ctx, ids[:20]); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/members/batchblacklist"); len(body["openid_list"].([]any)) != 20 {
		t.Errorf("batchblacklist body %v", body)
	}
	if err := c.UserBlacklist.Block(ctx, ids[20:25]); err != nil {
		t.Fatal(err)
	}
	argErrA(t, srv, "POST /cgi-bin/none", c.UserBlacklist.Block(ctx, ids[:21]), "openid_list")
	argErrA(t, srv, "POST /cgi-bin/none", c.UserBlacklist.Unblock(ctx, nil), "openid_list")
	apiCodeA(t, c.UserBlacklist.Block(ctx, []string{"nobody"}), 40003)

	p, err = c.UserBlacklist.List(ctx, ids[6])
	if err != nil || p.Total != 25 || !slices.Equal(p.OpenIDs(), ids[7:14]) || p.NextOpenID != ids[13] {
		t.Errorf("page from %s = %+v, %v", ids[6], p, err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/members/getblacklist"); body["begin_openid"] != ids[6] {
		t.Errorf("begin_openid = %v", body["begin_openid"])
	}
	_, err = c.UserBlacklist.List(ctx, "nobody")
	apiCodeA(t, err, 40003)

	all, err := collectA(c.UserBlacklist.All(ctx), 0)
	if err != nil || !slices.Equal(all, ids[:25]) {
		t.Errorf("All = %v, %v", all, err)
	}

	if err := c.UserBlacklist.Unblock(ctx, ids[5:10]); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/members/batchunblacklist"); len(body["openid_list"].([]any)) != 5 {
		t.Errorf("batchunblacklist body %v", body)
	}
	all, err = collectA(c.UserBlacklist.All(ctx), 0)
	if want := append(slices.Clone(ids[:5]), ids[10:25]...); err != nil || !slices.Equal(all, want) {
		t.Errorf("All after unblock = %v, %v", all, err)
	}
	first, err := collectA(c.UserBlacklist.All(ctx), 3)
	if err != nil || !slices.Equal(first, ids[:3]) {
		t.Errorf("first 3 = %v, %v", first, err)
	}
	// Blacklisted users remain followers.
	if p, err := c.User.List(ctx, ""); err != nil || p.Total != 30 {
		t.Errorf("followers = %+v, %v", p, err)
	}
}
