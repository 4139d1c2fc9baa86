package suite_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func TestFinishOpenIDMigration(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	installed(t, srv, corps[0])
	p := newProvider(t, srv)

	if err := p.FinishOpenIDMigration(ctx, corps[0], 0, suite.MigrateExternalUserID); err != nil {
		t.Fatal(err)
	}
	if err := p.FinishOpenIDMigration(ctx, corps[0], 0, suite.MigrateUserIDAndCorpID, suite.MigrateExternalUserID); err != nil {
		t.Fatal(err)
	}
	if got := srv.OpenIDMigration(fakewechat.DefaultProviderCorpID, corps[0], 0); !slices.Equal(got, []int{1, 3}) {
		t.Fatalf("migrated types %v, want [1 3]", got)
	}
	agent := srv.SuiteAgentID(fakewechat.DefaultSuiteID, corps[0])
	if err := p.FinishOpenIDMigration(ctx, corps[0], agent, suite.MigrateUserIDAndCorpID); err != nil {
		t.Fatal(err)
	}
	if got := srv.OpenIDMigration(fakewechat.DefaultProviderCorpID, corps[0], agent); !slices.Equal(got, []int{1}) {
		t.Fatalf("migrated types of agent %d: %v", agent, got)
	}

	var api *wechat.APIError
	if err := p.FinishOpenIDMigration(ctx, corps[1], 0, suite.MigrateExternalUserID); !errors.As(err, &api) || api.Code != fakewechat.CodeSuiteNotAuthorized {
		t.Fatalf("corp without the provider's apps: %v", err)
	}
	if err := p.FinishOpenIDMigration(ctx, corps[0], agent+100, suite.MigrateExternalUserID); !errors.As(err, &api) || api.Code != 40056 {
		t.Fatalf("unknown agent: %v", err)
	}
	var arg *suite.InvalidArgumentError
	for _, types := range [][]int{nil, {2}} {
		if err := p.FinishOpenIDMigration(ctx, corps[0], 0, types...); !errors.As(err, &arg) {
			t.Fatalf("openid_type %v: %v", types, err)
		}
	}
	if err := p.FinishOpenIDMigration(ctx, "", 0, 1); !errors.As(err, &arg) {
		t.Fatalf("empty corpid: %v", err)
	}
}

func TestUnionIDToExternalUserID3rd(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := installed(t, srv, corps[0], corps[1])
	srv.AddWeComCustomer(corps[0], fakewechat.WeComCustomer{ExternalUserID: "wmAAA", Name: "a", Type: 1, UnionID: "union1"})
	srv.AddWeComCustomer(corps[1], fakewechat.WeComCustomer{ExternalUserID: "wmBBB", Name: "b", Type: 1, UnionID: "union1"})
	srv.AddWeComCustomer(corps[1], fakewechat.WeComCustomer{ExternalUserID: "wmCCC", Name: "c", Type: 1, UnionID: "union2"})
	srv.AddWeComCustomer(corps[2], fakewechat.WeComCustomer{ExternalUserID: "wmDDD", Name: "d", Type: 1, UnionID: "union1"})

	all, err := s.UnionIDToExternalUserID3rd(ctx, "union1", "openid1", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all.ExternalUserIDInfo) != 2 || all.ExternalUserIDInfo[0].CorpID != corps[0] || all.ExternalUserIDInfo[0].ExternalUserID != "wmAAA" ||
		all.ExternalUserIDInfo[1].CorpID != corps[1] || all.ExternalUserIDInfo[1].ExternalUserID != "wmBBB" {
		t.Fatalf("every authorized corp: %+v (corp C did not install the suite)", all)
	}
	one, err := s.UnionIDToExternalUserID3rd(ctx, "union1", "openid1", corps[1])
	if err != nil || len(one.ExternalUserIDInfo) != 1 || one.ExternalUserIDInfo[0].ExternalUserID != "wmBBB" {
		t.Fatalf("corp B only: %+v, %v", one, err)
	}
	none, err := s.UnionIDToExternalUserID3rd(ctx, "union9", "openid9", "")
	if err != nil || len(none.ExternalUserIDInfo) != 0 {
		t.Fatalf("unknown unionid: %+v, %v", none, err)
	}
	var api *wechat.APIError
	if _, err := s.UnionIDToExternalUserID3rd(ctx, "union1", "openid1", corps[2]); !errors.As(err, &api) || api.Code != fakewechat.CodeSuiteNotAuthorized {
		t.Fatalf("corp without the suite: %v", err)
	}
	var arg *suite.InvalidArgumentError
	if _, err := s.UnionIDToExternalUserID3rd(ctx, "union1", "", ""); !errors.As(err, &arg) {
		t.Fatalf("empty openid: %v", err)
	}
}
