package oa_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestUserTagLifecycle(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 5)

	tag, err := c.UserTag.Create(ctx, "广东")
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/create"); jsonA(t, body) != `{"tag":{"name":"广东"}}` {
		t.Errorf("create body = %s", jsonA(t, body))
	}
	if tag.ID < 100 || tag.Name != "广东" {
		t.Errorf("tag = %+v", tag)
	}
	_, err = c.UserTag.Create(ctx, "广东")
	apiCodeA(t, err, 45157)
	_, err = c.UserTag.Create(ctx, strings.Repeat("x", 31))
	argErrA(t, srv, "POST /cgi-bin/none", err, "tag.name")

	if err := c.UserTag.Tag(ctx, tag.ID, ids[1:4]); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/members/batchtagging"); jsonA(t, body) != fmt.Sprintf(`{"openid_list":["%s","%s","%s"],"tagid":%d}`, ids[1], ids[2], ids[3], tag.ID) {
		t.Errorf("batchtagging body = %s", jsonA(t, body))
	}
	tags, err := c.UserTag.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) != 2 || tags[0].ID != oa.StarTagID || tags[1] != (oa.Tag{ID: tag.ID, Name: "广东", Count: 3}) {
		t.Errorf("tags = %+v", tags)
	}
	if rr, _ := reqA(t, srv, "/cgi-bin/tags/get"); rr.Method != "GET" {
		t.Error(rr.Method)
	}

	got, err := c.UserTag.UserTags(ctx, ids[2])
	if err != nil || !slices.Equal(got, []int{tag.ID}) {
		t.Errorf("UserTags = %v, %v", got, err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/getidlist"); body["openid"] != ids[2] {
		t.Errorf("getidlist body %v", body)
	}
	if u, _ := c.User.Info(ctx, ids[2], ""); !slices.Equal(u.TagIDList, []int{tag.ID}) {
		t.Errorf("user info tags = %v", u.TagIDList)
	}

	if err := c.UserTag.Update(ctx, tag.ID, "广州"); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/update"); jsonA(t, body) != fmt.Sprintf(`{"tag":{"id":%d,"name":"广州"}}`, tag.ID) {
		t.Errorf("update body = %s", jsonA(t, body))
	}
	apiCodeA(t, c.UserTag.Update(ctx, oa.StarTagID, "x"), 45058)
	apiCodeA(t, c.UserTag.Update(ctx, 9999, "x"), 45159)

	if err := c.UserTag.Untag(ctx, tag.ID, ids[1:2]); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/members/batchuntagging"); body["tagid"] != float64(tag.ID) {
		t.Errorf("batchuntagging body %v", body)
	}
	page, err := c.UserTag.Users(ctx, tag.ID, "")
	if err != nil || !slices.Equal(page.OpenIDs(), ids[2:4]) || page.NextOpenID != ids[3] {
		t.Errorf("Users = %+v, %v", page, err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/user/tag/get"); jsonA(t, body) != fmt.Sprintf(`{"tagid":%d}`, tag.ID) {
		t.Errorf("user/tag/get body %s", jsonA(t, body))
	}

	if err := c.UserTag.Delete(ctx, tag.ID); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/tags/delete"); jsonA(t, body) != fmt.Sprintf(`{"tag":{"id":%d}}`, tag.ID) {
		t.Errorf("delete body %s", jsonA(t, body))
	}
	if got, err := c.UserTag.UserTags(ctx, ids[2]); err != nil || len(got) != 0 {
		t.Errorf("tags after delete = %v, %v", got, err)
	}
	apiCodeA(t, c.UserTag.Delete(ctx, tag.ID), 45159)
	apiCodeA(t, c.UserTag.Delete(ctx, 0), 45058)
}

func TestUserTagUsersPaging(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 60)
	srv.SetUserPageSize(fakewechat.DefaultAppID, 4)
	tag, err := c.UserTag.Create(ctx, "all")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.UserTag.Tag(ctx, tag.ID, ids[:50]); err != nil {
		t.Fatal(err)
	}
	if err := c.UserTag.Tag(ctx, tag.ID, ids[50:]); err != nil {
		t.Fatal(err)
	}
	argErrA(t, srv, "POST /cgi-bin/none", c.UserTag.Tag(ctx, tag.ID, ids[:51]), "openid_list")
	argErrA(t, srv, "POST /cgi-bin/none", c.UserTag.Untag(ctx, tag.ID, nil), "openid_list")
	argErrA(t, srv, "POST /cgi-bin/none", c.UserTag.Tag(ctx, tag.ID, []string{""}), "openid_list")
	apiCodeA(t, c.UserTag.Tag(ctx, tag.ID, []string{"nobody"}), 40003)
	apiCodeA(t, c.UserTag.Tag(ctx, 4242, ids[:1]), 45159)

	before := srv.Count("POST /cgi-bin/user/tag/get")
	all, err := collectA(c.UserTag.AllUsers(ctx, tag.ID), 0)
	if err != nil || !slices.Equal(all, ids) {
		t.Fatalf("AllUsers = %d ids, %v", len(all), err)
	}
	if n := srv.Count("POST /cgi-bin/user/tag/get") - before; n != 16 {
		t.Errorf("AllUsers made %d requests, want 16 (15 pages of 4 and an empty one)", n)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/user/tag/get"); body["next_openid"] != ids[59] {
		t.Errorf("last page body %v", body)
	}
	first, err := collectA(c.UserTag.AllUsers(ctx, tag.ID), 5)
	if err != nil || !slices.Equal(first, ids[:5]) {
		t.Errorf("first 5 = %v, %v", first, err)
	}
	_, err = collectA(c.UserTag.AllUsers(ctx, 4242), 0)
	apiCodeA(t, err, 45159)
}

func TestUserTagLimits(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 1)
	var tagIDs []int
	for i := range 99 { // 99 + the star tag = 100
		tag, err := c.UserTag.Create(ctx, fmt.Sprintf("t%d", i))
		if err != nil {
			t.Fatal(err)
		}
		tagIDs = append(tagIDs, tag.ID)
	}
	_, err := c.UserTag.Create(ctx, "one too many")
	apiCodeA(t, err, 45056)
	for _, id := range tagIDs[:20] {
		if err := c.UserTag.Tag(ctx, id, ids); err != nil {
			t.Fatal(err)
		}
	}
	apiCodeA(t, c.UserTag.Tag(ctx, tagIDs[20], ids), 45059)
	_, err = c.UserTag.UserTags(ctx, "")
	argErrA(t, srv, "POST /cgi-bin/tags/getidlist", err, "openid")
}
