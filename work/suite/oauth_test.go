package suite_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func TestUserInfo3rdMemberAndTicket(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := installed(t, srv)

	if code := srv.SuiteOAuthCode(fakewechat.DefaultSuiteID, corps[0], fakewechat.WeComSeedUser2); code != "" {
		t.Fatalf("code issued for a corp that has not installed the suite: %q", code)
	}
	install(t, srv, s.Handler(nil), corps[0])
	if code := srv.SuiteOAuthCode(fakewechat.DefaultSuiteID, corps[0], "nobody"); code != "" {
		t.Fatalf("code issued for a non-member: %q", code)
	}

	u, err := s.UserInfo3rd(ctx, srv.SuiteOAuthCode(fakewechat.DefaultSuiteID, corps[0], fakewechat.WeComSeedUser2))
	if err != nil {
		t.Fatal(err)
	}
	if !u.Member() || u.CorpID != corps[0] || u.UserID != fakewechat.WeComSeedUser2 || u.OpenID != "" ||
		u.UserTicket == "" || u.ExpiresIn != 1800 {
		t.Fatalf("userinfo %+v", u)
	}
	// open_userid is the one userid_to_openuserid gives for the same member.
	ids, err := s.OpenUserIDs(ctx, corps[0], []string{fakewechat.WeComSeedUser2})
	if err != nil || len(ids.OpenUserIDList) != 1 || ids.OpenUserIDList[0].OpenUserID != u.OpenUserID {
		t.Fatalf("open_userid %q vs %+v, %v", u.OpenUserID, ids, err)
	}

	d, err := s.UserDetail3rd(ctx, u.UserTicket)
	if err != nil {
		t.Fatal(err)
	}
	if d.CorpID != corps[0] || d.UserID != fakewechat.WeComSeedUser2 || d.Name != d.UserID || d.Gender != "1" ||
		!strings.HasPrefix(d.Avatar, "http") || !strings.HasPrefix(d.QRCode, "https://") {
		t.Fatalf("detail %+v", d)
	}
	// The ticket serves again until it expires (1800 s).
	srv.Advance(29 * time.Minute)
	if _, err := s.UserDetail3rd(ctx, u.UserTicket); err != nil {
		t.Fatalf("ticket after 29 minutes: %v", err)
	}
	srv.Advance(2 * time.Minute)
	var api *wechat.APIError
	if _, err := s.UserDetail3rd(ctx, u.UserTicket); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("expired ticket: %v", err)
	}
	if _, err := s.UserDetail3rd(ctx, "ticket@unknown"); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("unknown ticket: %v", err)
	}
}

func TestUserInfo3rdCodes(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := installed(t, srv, corps[1])

	// A WeChat user of no corp: an openid only, the same for the same user.
	a, err := s.UserInfo3rd(ctx, srv.SuiteOAuthCodeNonMember(fakewechat.DefaultSuiteID, "wxuser1"))
	if err != nil || a.Member() || a.OpenID == "" || a.UserID != "" || a.UserTicket != "" {
		t.Fatalf("non-member %+v, %v", a, err)
	}
	b, err := s.UserInfo3rd(ctx, srv.SuiteOAuthCodeNonMember(fakewechat.DefaultSuiteID, "wxuser1"))
	if err != nil || b.OpenID != a.OpenID {
		t.Fatalf("same non-member twice: %+v %+v, %v", a, b, err)
	}

	var api *wechat.APIError
	// Expired code (5 minutes).
	code := srv.SuiteOAuthCode(fakewechat.DefaultSuiteID, corps[1], fakewechat.WeComSeedUser1)
	srv.Advance(5*time.Minute + time.Second)
	if _, err := s.UserInfo3rd(ctx, code); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("expired code: %v", err)
	}
	if _, err := s.UserInfo3rd(ctx, "oauth@unknown"); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("unknown code: %v", err)
	}
	var arg *suite.InvalidArgumentError
	if _, err := s.UserInfo3rd(ctx, ""); !errors.As(err, &arg) {
		t.Fatalf("empty code: %v", err)
	}
	if _, err := s.UserInfo3rd(ctx, strings.Repeat("c", 513)); !errors.As(err, &arg) {
		t.Fatalf("513-byte code: %v", err)
	}
	if _, err := s.UserDetail3rd(ctx, ""); !errors.As(err, &arg) {
		t.Fatalf("empty user_ticket: %v", err)
	}

	// A provider_access_token in suite_access_token is refused (40082).
	p := newProvider(t, srv)
	code = srv.SuiteOAuthCode(fakewechat.DefaultSuiteID, corps[1], fakewechat.WeComSeedUser1)
	err = p.Core().Do(ctx, wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/service/auth/getuserinfo3rd", TokenParam: "suite_access_token"},
		url.Values{"code": {code}}, nil, nil)
	if !errors.As(err, &api) || api.Code != fakewechat.CodeSuiteTokenInvalid {
		t.Fatalf("provider token on getuserinfo3rd: %v", err)
	}
	// The code was not consumed by the refused call.
	if u, err := s.UserInfo3rd(ctx, code); err != nil || u.UserID != fakewechat.WeComSeedUser1 || u.CorpID != corps[1] {
		t.Fatalf("userinfo after a refused call %+v, %v", u, err)
	}

	// A ticket stops working once the corp cancels the authorization.
	u, err := s.UserInfo3rd(ctx, srv.SuiteOAuthCode(fakewechat.DefaultSuiteID, corps[1], fakewechat.WeComSeedUser2))
	if err != nil {
		t.Fatal(err)
	}
	srv.UninstallSuite(fakewechat.DefaultSuiteID, corps[1])
	if _, err := s.UserDetail3rd(ctx, u.UserTicket); !errors.As(err, &api) || api.Code != fakewechat.CodeSuiteNotAuthorized {
		t.Fatalf("ticket after cancel_auth: %v", err)
	}
}
