package suite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/internal/testenv"
	"github.com/weixin-go/wechat/redisstore"
	"github.com/weixin-go/wechat/work"
	"github.com/weixin-go/wechat/work/suite"
)

var corps = []string{"wwcorpa0000000001", "wwcorpb0000000002", "wwcorpc0000000003"}

const (
	corpTokenPath  = "POST " + fakewechat.WeComPrefix + "/cgi-bin/service/get_corp_token"
	suiteTokenPath = "POST " + fakewechat.WeComPrefix + "/cgi-bin/service/get_suite_token"
)

func send(t *testing.T, s *suite.Client, corp, text string) {
	t.Helper()
	ac, err := s.AgentClient(context.Background(), corp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ac.Message.SendText(context.Background(), work.ToUsers(fakewechat.WeComSeedUser1), text); err != nil {
		t.Fatalf("send to %s: %v", corp, err)
	}
}

// TestProviderThreeCorps: a provider with three authorized corps sends a
// message in each through the suite's corp tokens; a revoked (40001) and
// an expired (42001) corp token are each handled by one refresh.
func TestProviderThreeCorps(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := newSuite(t, srv, wechat.NewMemoryStore())
	h := s.Handler(nil)

	if _, err := s.SuiteAccessToken(ctx); !errors.Is(err, suite.ErrNoSuiteTicket) {
		t.Fatalf("token before any ticket: %v, want ErrNoSuiteTicket", err)
	}
	pushTicket(t, srv, h)
	for _, c := range corps {
		install(t, srv, h, c)
	}
	for _, c := range corps {
		send(t, s, c, "hello "+c)
	}
	for _, c := range corps {
		msgs := srv.WeComMessages(c)
		if len(msgs) != 1 || msgs[0].AgentID != srv.SuiteAgentID(fakewechat.DefaultSuiteID, c) || msgs[0].Body["text"].(map[string]any)["content"] != "hello "+c {
			t.Fatalf("corp %s messages %+v", c, msgs)
		}
	}
	if n := srv.Count(corpTokenPath); n != 3 {
		t.Errorf("get_corp_token called %d times, want 3 (one per corp)", n)
	}
	if n := srv.Count(suiteTokenPath); n != 1 {
		t.Errorf("get_suite_token called %d times, want 1", n)
	}

	// 40001: corp A's token revoked.
	tok, err := s.CorpTokenSource(corps[0]).Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srv.InvalidateToken(tok)
	send(t, s, corps[0], "again")
	if n := srv.Count(corpTokenPath); n != 4 {
		t.Errorf("after 40001: get_corp_token called %d times, want 4", n)
	}
	// 42001: every token expired (corp B's and the suite's): the corp token
	// refresh meets 42009 on the suite token, which is renewed once.
	srv.ExpireTokens()
	send(t, s, corps[1], "again")
	if n := srv.Count(suiteTokenPath); n != 2 {
		t.Errorf("after 42001: get_suite_token called %d times, want 2", n)
	}
	if n := srv.Count(corpTokenPath); n != 6 {
		t.Errorf("after 42001: get_corp_token called %d times, want 6 (one rejected with 42009, one renewal)", n)
	}
	if got := len(srv.WeComMessages(corps[0])) + len(srv.WeComMessages(corps[1])); got != 4 {
		t.Errorf("corps A and B hold %d messages, want 4", got)
	}

	// cancel_auth forgets the corp.
	srv.UninstallSuite(fakewechat.DefaultSuiteID, corps[2])
	push(t, h, "cancel_auth", "<AuthCorpId><![CDATA["+corps[2]+"]]></AuthCorpId>")
	if _, err := s.AgentClient(ctx, corps[2]); !errors.Is(err, suite.ErrNotAuthorized) {
		t.Errorf("after cancel_auth: %v, want ErrNotAuthorized", err)
	}
}

// TestCorpTokenBelongsToCorp: a corp token acts in its own corp only, and
// an auth code gives a permanent code once.
func TestCorpTokenBelongsToCorp(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := newSuite(t, srv, wechat.NewMemoryStore())
	pushTicket(t, srv, s.Handler(nil))
	code := srv.InstallSuite(fakewechat.DefaultSuiteID, corps[0])
	pc, err := s.PermanentCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if pc.AuthCorpInfo.CorpID != corps[0] || len(pc.AuthInfo.AuthInfo.Agent) != 1 || pc.AccessToken == "" {
		t.Fatalf("permanent code answer %+v", pc)
	}
	var ae *wechat.APIError
	if _, err := s.PermanentCodeV2(ctx, code); !errors.As(err, &ae) || ae.Code != fakewechat.CodeAuthCodeInvalid {
		t.Fatalf("second use of the auth code: %v", err)
	}
	// Corp A's token with corp B's permanent code is not a thing; corp B
	// never installed: no token.
	if _, err := s.RequestCorpToken(ctx, corps[1], pc.PermanentCode); !errors.As(err, &ae) || ae.Code != fakewechat.CodeSuiteNotAuthorized {
		t.Fatalf("token of a corp that never installed: %v", err)
	}
	// A user created in corp A is unknown in corp B.
	srv.InstallSuite(fakewechat.DefaultSuiteID, corps[1])
	pcB, _ := srv.PermanentCode(fakewechat.DefaultSuiteID, corps[1])
	if err := s.SaveCorp(ctx, corps[1], suite.StoredCorp{PermanentCode: pcB}); err != nil {
		t.Fatal(err)
	}
	a, err := s.AgentClient(ctx, corps[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := a.User.Create(ctx, &work.User{UserID: "onlyina", Name: "A", Department: []int64{1}, Mobile: "13900000001"}); err != nil {
		t.Fatal(err)
	}
	b, err := s.AgentClient(ctx, corps[1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Message.SendText(ctx, work.ToUsers("onlyina"), "x"); err == nil {
		t.Fatal("corp B reached a member of corp A")
	}
	if _, err := a.Message.SendText(ctx, work.ToUsers("onlyina"), "x"); err != nil {
		t.Fatal(err)
	}
	admins, err := s.AdminList(ctx, corps[0], srv.SuiteAgentID(fakewechat.DefaultSuiteID, corps[0]))
	if err != nil || len(admins) != 1 || admins[0].AuthType != 1 {
		t.Fatalf("admins %+v, %v", admins, err)
	}
}

// restart checks that the suite ticket and permanent codes survive a new
// client on the same store: after every token expired, the new client
// renews the suite token with the stored ticket and the corp tokens with
// the stored permanent codes, and sends in every corp without any push.
func restart(t *testing.T, store func() wechat.Store) {
	srv := fakewechat.NewTestServer(t)
	s1 := newSuite(t, srv, store())
	h := s1.Handler(nil)
	pushTicket(t, srv, h)
	for _, c := range corps {
		install(t, srv, h, c)
	}
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}
	srv.ExpireTokens()
	s2 := newSuite(t, srv, store())
	defer s2.Close()
	for _, c := range corps {
		send(t, s2, c, "after restart")
		if n := len(srv.WeComMessages(c)); n != 1 {
			t.Errorf("corp %s: %d messages", c, n)
		}
	}
	if n := srv.Count(suiteTokenPath); n != 2 {
		t.Errorf("get_suite_token called %d times, want 2 (one per process, the second with the stored ticket)", n)
	}
	if n := srv.Count(corpTokenPath); n != 3 {
		t.Errorf("get_corp_token called %d times, want 3", n)
	}
}

func TestRestartFileStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "store")
	restart(t, func() wechat.Store {
		fs, err := wechat.NewFileStore(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { fs.Close() })
		return fs
	})
}

func TestRestartRedis(t *testing.T) {
	c := testenv.RedisClient(t)
	prefix := testenv.KeyPrefix(t, c)
	restart(t, func() wechat.Store { return redisstore.New(c, redisstore.WithPrefix(prefix)) })
}
