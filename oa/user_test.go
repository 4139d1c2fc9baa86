package oa_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestUserInfoAndRemark(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 2)
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "oTest_gone_follower_00000001", UnionID: "uoTest_gone_follower_00000001", Unsubscribed: true},
		fakewechat.Follower{OpenID: ids[1], QRScene: 98765, QRSceneStr: "s", SubscribeScene: "ADD_SCENE_QR_CODE"})

	u, err := c.User.Info(ctx, ids[0], "")
	if err != nil {
		t.Fatal(err)
	}
	rr, _ := reqA(t, srv, "GET /cgi-bin/user/info")
	if rr.Query.Get("openid") != ids[0] || rr.Query.Has("lang") {
		t.Errorf("query = %v", rr.Query)
	}
	if u.Subscribe != 1 || u.OpenID != ids[0] || u.UnionID != "u"+ids[0] || u.Language != "zh_CN" || u.SubscribeTime == 0 {
		t.Errorf("info = %+v", u)
	}
	if u, err = c.User.Info(ctx, ids[1], oa.LangEn); err != nil || u.Language != "en" || u.QRScene != 98765 || u.QRSceneStr != "s" {
		t.Errorf("info en = %+v, %v", u, err)
	}
	if rr, _ := reqA(t, srv, "GET /cgi-bin/user/info"); rr.Query.Get("lang") != "en" {
		t.Errorf("lang not sent: %v", rr.Query)
	}
	if u, err = c.User.Info(ctx, "oTest_gone_follower_00000001", ""); err != nil || u.Subscribe != 0 || u.UnionID != "uoTest_gone_follower_00000001" {
		t.Errorf("unsubscribed = %+v, %v", u, err)
	}
	_, err = c.User.Info(ctx, "nobody", "")
	apiCodeA(t, err, 40003)
	_, err = c.User.Info(ctx, "", "")
	argErrA(t, srv, "GET /cgi-bin/none", err, "openid")

	if err := c.User.UpdateRemark(ctx, ids[0], "老客户"); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/user/info/updateremark"); body["openid"] != ids[0] || body["remark"] != "老客户" {
		t.Errorf("updateremark body %v", body)
	}
	if u, _ = c.User.Info(ctx, ids[0], ""); u.Remark != "老客户" {
		t.Errorf("remark = %q", u.Remark)
	}
	apiCodeA(t, c.User.UpdateRemark(ctx, "nobody", "x"), 40003)
	argErrA(t, srv, "POST /cgi-bin/none", c.User.UpdateRemark(ctx, ids[0], strings.Repeat("长", 31)), "remark")
}

func TestUserBatchInfo(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 3)
	want := []string{ids[2], ids[0]}
	us, err := c.User.BatchInfo(ctx, want, oa.LangZhTW)
	if err != nil {
		t.Fatal(err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/user/info/batchget")
	if got := jsonA(t, body); got != `{"user_list":[{"lang":"zh_TW","openid":"`+ids[2]+`"},{"lang":"zh_TW","openid":"`+ids[0]+`"}]}` {
		t.Errorf("body = %s", got)
	}
	if len(us) != 2 || us[0].OpenID != ids[2] || us[1].OpenID != ids[0] || us[0].Language != "zh_TW" {
		t.Errorf("users = %+v", us)
	}
	_, err = c.User.BatchInfo(ctx, []string{ids[0], "nobody"}, "")
	apiCodeA(t, err, 40003)
	_, err = c.User.BatchInfo(ctx, make([]string, 101), "")
	argErrA(t, srv, "POST /cgi-bin/none", err, "user_list")
	_, err = c.User.BatchInfo(ctx, nil, "")
	argErrA(t, srv, "POST /cgi-bin/none", err, "user_list")
}

func TestUserListAndAll(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 7)
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "oTest_gone_follower_00000001", Unsubscribed: true})
	srv.SetUserPageSize(fakewechat.DefaultAppID, 3)

	p, err := c.User.List(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if rr, _ := reqA(t, srv, "GET /cgi-bin/user/get"); rr.Query.Has("next_openid") {
		t.Errorf("first page sent next_openid: %v", rr.Query)
	}
	if p.Total != 7 || p.Count != 3 || !slices.Equal(p.OpenIDs(), ids[:3]) || p.NextOpenID != ids[2] {
		t.Errorf("page 1 = %+v", p)
	}
	if p, err = c.User.List(ctx, p.NextOpenID); err != nil || !slices.Equal(p.OpenIDs(), ids[3:6]) {
		t.Errorf("page 2 = %+v, %v", p, err)
	}
	if rr, _ := reqA(t, srv, "GET /cgi-bin/user/get"); rr.Query.Get("next_openid") != ids[2] {
		t.Errorf("query = %v", rr.Query)
	}
	_, err = c.User.List(ctx, "nobody")
	apiCodeA(t, err, 40003)

	before := srv.Count("GET /cgi-bin/user/get")
	all, err := collectA(c.User.All(ctx), 0)
	if err != nil || !slices.Equal(all, ids) {
		t.Fatalf("All = %v, %v", all, err)
	}
	// Pages of 3, 3 and 1, then an empty page ends the list.
	if n := srv.Count("GET /cgi-bin/user/get") - before; n != 4 {
		t.Errorf("All made %d requests, want 4", n)
	}

	before = srv.Count("GET /cgi-bin/user/get")
	some, err := collectA(c.User.All(ctx), 4)
	if err != nil || !slices.Equal(some, ids[:4]) {
		t.Errorf("first 4 = %v, %v", some, err)
	}
	if n := srv.Count("GET /cgi-bin/user/get") - before; n != 2 {
		t.Errorf("stopping early made %d requests, want 2", n)
	}

	// An error on the second page ends the iteration with that error.
	if err := srv.Inject(fakewechat.Fault{Path: "GET /cgi-bin/user/get", Errcode: 45009, Times: 1}); err != nil {
		t.Fatal(err)
	}
	got, err := collectA(c.User.All(ctx), 0)
	if err == nil || len(got) != 0 {
		t.Fatalf("with fault: %v, %v", got, err)
	}
	apiCodeA(t, err, 45009)
}

func TestUserAllEmpty(t *testing.T) {
	_, c := newAClient(t)
	for id, err := range c.User.All(context.Background()) {
		t.Fatalf("got %q, %v from an account without followers", id, err)
	}
}

func TestUserCanceledContext(t *testing.T) {
	_, c := newAClient(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := collectA(c.User.All(ctx), 0)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
