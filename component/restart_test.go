package component_test

import (
	"context"
	"path/filepath"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/internal/testenv"
	"github.com/weixin-go/wechat/redisstore"
)

// TestTicketSurvivesRestart: the verify ticket, the component token and
// the authorizers' tokens kept in a file store or in Redis serve a new
// process (a new client on a reopened store): nothing is fetched again, and
// after WeChat expires every token the stored ticket gets a new component
// token.
func TestTicketSurvivesRestart(t *testing.T) {
	for name, open := range map[string]func(t *testing.T) (first, second func() wechat.Store){
		"file": func(t *testing.T) (func() wechat.Store, func() wechat.Store) {
			path := filepath.Join(t.TempDir(), "tokens.json")
			f := func() wechat.Store {
				st, err := wechat.NewFileStore(path)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				return st
			}
			return f, f
		},
		"redis": func(t *testing.T) (func() wechat.Store, func() wechat.Store) {
			c := testenv.RedisClient(t)
			prefix := testenv.KeyPrefix(t, c)
			f := func() wechat.Store { return redisstore.New(c, redisstore.WithPrefix(prefix)) }
			return f, f
		},
	} {
		t.Run(name, func(t *testing.T) {
			first, second := open(t)
			srv := fakewechat.NewTestServer(t)
			ctx := context.Background()

			c1 := newCompOn(t, srv, first())
			if err := c1.SaveVerifyTicket(ctx, srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
				t.Fatal(err)
			}
			tok1, err := c1.ComponentAccessToken(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c1.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID)); err != nil {
				t.Fatal(err)
			}
			a1, err := c1.Authorizer(authorizerAppID).Token(ctx)
			if err != nil {
				t.Fatal(err)
			}

			// A new process on the same store.
			c2 := newCompOn(t, srv, second())
			if tok, err := c2.ComponentAccessToken(ctx); err != nil || tok != tok1 {
				t.Fatalf("component token after restart = %q, %v; want the stored one", tok, err)
			}
			if a, err := c2.Authorizer(authorizerAppID).Token(ctx); err != nil || a != a1 {
				t.Fatalf("authorizer token after restart = %q, %v; want the stored one", a, err)
			}
			if n := srv.Count("POST /cgi-bin/component/api_component_token"); n != 1 {
				t.Fatalf("api_component_token called %d times, want 1", n)
			}

			// WeChat expires every token: the stored ticket and refresh
			// token get new ones.
			srv.ExpireTokens()
			c3 := newCompOn(t, srv, second())
			info, err := c3.GetAuthorizerInfo(ctx, authorizerAppID)
			if err != nil || info.AuthorizationInfo.AuthorizerAppID != authorizerAppID {
				t.Fatalf("after expiry: %+v, %v", info, err)
			}
			if n := srv.Count("POST /cgi-bin/component/api_component_token"); n != 2 {
				t.Fatalf("api_component_token called %d times, want 2", n)
			}
		})
	}
}
