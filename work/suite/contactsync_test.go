package suite_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

// registered registers a corp through a registration code of p and
// returns its registration information.
func registered(t *testing.T, p *suite.Provider) *suite.RegisterInfo {
	t.Helper()
	ctx := context.Background()
	rc, err := p.RegisterCode(ctx, suite.RegisterCodeRequest{TemplateID: "tpltest", State: "TestState123"})
	if err != nil {
		t.Fatal(err)
	}
	ri, err := p.RegisterInfo(ctx, rc.RegisterCode)
	if err != nil {
		t.Fatal(err)
	}
	return ri
}

func TestContactSync(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	p := newProvider(t, srv)
	ri := registered(t, p)
	if ri.CorpID == "" || ri.TemplateID != "tpltest" || ri.State != "TestState123" || ri.ContactSync.ExpiresIn != 1800 || ri.ContactSync.AccessToken == "" {
		t.Fatalf("register info %+v", ri)
	}
	tok := ri.ContactSync.AccessToken

	res, err := p.SetScope(ctx, tok, suite.AppScope{AgentID: 1000005, AllowUser: []string{fakewechat.WeComSeedUser1, "ghost"},
		AllowParty: []int64{1, 99}, AllowTag: []int64{7}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.InvalidUser, []string{"ghost"}) || !slices.Equal(res.InvalidParty, []int64{99}) || !slices.Equal(res.InvalidTag, []int64{7}) {
		t.Fatalf("invalid lists %+v", res)
	}
	users, parties, tags, ok := srv.RegisteredScope(ri.CorpID, 1000005)
	if !ok || !slices.Equal(users, []string{fakewechat.WeComSeedUser1}) || !slices.Equal(parties, []int64{1}) || len(tags) != 0 {
		t.Fatalf("scope %v %v %v %v", users, parties, tags, ok)
	}
	// A field left out clears that part of the range.
	if _, err := p.SetScope(ctx, tok, suite.AppScope{AgentID: 1000005, AllowParty: []int64{1}}); err != nil {
		t.Fatal(err)
	}
	if users, parties, _, _ := srv.RegisteredScope(ri.CorpID, 1000005); len(users) != 0 || !slices.Equal(parties, []int64{1}) {
		t.Fatalf("scope after clearing users %v %v", users, parties)
	}

	var arg *suite.InvalidArgumentError
	if _, err := p.SetScope(ctx, tok, suite.AppScope{}); !errors.As(err, &arg) {
		t.Fatalf("no agentid: %v", err)
	}
	if _, err := p.SetScope(ctx, "", suite.AppScope{AgentID: 1}); !errors.As(err, &arg) {
		t.Fatalf("no token: %v", err)
	}
	var api *wechat.APIError
	// The provider_access_token is not the contact_sync token.
	ptok, err := p.ProviderAccessToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.SetScope(ctx, ptok, suite.AppScope{AgentID: 1000005}); !errors.As(err, &api) || api.Code != fakewechat.CodeContactSyncTokenInvalid {
		t.Fatalf("provider token on set_scope: %v", err)
	}

	if err := p.ContactSyncSuccess(ctx, tok); err != nil {
		t.Fatal(err)
	}
	if _, err := p.SetScope(ctx, tok, suite.AppScope{AgentID: 1000005}); !errors.As(err, &api) || api.Code != fakewechat.CodeContactSyncTokenInvalid {
		t.Fatalf("set_scope after contact_sync_success: %v", err)
	}
	if err := p.ContactSyncSuccess(ctx, tok); !errors.As(err, &api) || api.Code != fakewechat.CodeContactSyncTokenInvalid {
		t.Fatalf("contact_sync_success twice: %v", err)
	}

	// Another registration's token expires after 30 minutes.
	ri2 := registered(t, p)
	if ri2.CorpID == ri.CorpID || ri2.ContactSync.AccessToken == tok {
		t.Fatalf("second registration %+v", ri2)
	}
	srv.Advance(30 * time.Minute)
	if _, err := p.SetScope(ctx, ri2.ContactSync.AccessToken, suite.AppScope{AgentID: 1}); !errors.As(err, &api) || api.Code != 42001 {
		t.Fatalf("expired contact_sync token: %v", err)
	}
}
