package suite_test

import (
	"context"
	"fmt"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/callback"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

// newSuite returns a client of the fake's default suite on srv with store.
func newSuite(t testing.TB, srv *fakewechat.Server, store wechat.Store) *suite.Client {
	t.Helper()
	s, err := suite.New(suite.Config{SuiteID: fakewechat.DefaultSuiteID, SuiteSecret: fakewechat.DefaultSuiteSecret},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(store), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newProvider returns a client of the fake's default provider on srv.
func newProvider(t testing.TB, srv *fakewechat.Server) *suite.Provider {
	t.Helper()
	p, err := suite.NewProvider(suite.ProviderConfig{CorpID: fakewechat.DefaultProviderCorpID, ProviderSecret: fakewechat.DefaultProviderSecret},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// push parses a suite notification as WeCom sends it (decrypted) and
// serves it with h.
func push(t testing.TB, h callback.Handler, infoType, fields string) {
	t.Helper()
	xml := fmt.Sprintf("<xml><SuiteId><![CDATA[%s]]></SuiteId><InfoType><![CDATA[%s]]></InfoType><TimeStamp>1403610513</TimeStamp>%s</xml>",
		fakewechat.DefaultSuiteID, infoType, fields)
	m, err := callback.ParseXML([]byte(xml))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.ServeMessage(context.Background(), m); err != nil {
		t.Fatalf("%s push: %v", infoType, err)
	}
}

// pushTicket pushes a new suite_ticket.
func pushTicket(t testing.TB, srv *fakewechat.Server, h callback.Handler) {
	t.Helper()
	push(t, h, "suite_ticket", "<SuiteTicket><![CDATA["+srv.PushSuiteTicket(fakewechat.DefaultSuiteID)+"]]></SuiteTicket>")
}

// install installs the suite in corp and pushes create_auth.
func install(t testing.TB, srv *fakewechat.Server, h callback.Handler, corp string) {
	t.Helper()
	code := srv.InstallSuite(fakewechat.DefaultSuiteID, corp)
	push(t, h, "create_auth", "<AuthCode><![CDATA["+code+"]]></AuthCode><State><![CDATA[s1]]></State>")
}

// installed returns a client of the default suite with a fresh store, a
// suite_ticket, and the suite installed in each of installs.
func installed(t testing.TB, srv *fakewechat.Server, installs ...string) *suite.Client {
	t.Helper()
	s := newSuite(t, srv, wechat.NewMemoryStore())
	h := s.Handler(nil)
	pushTicket(t, srv, h)
	for _, c := range installs {
		install(t, srv, h, c)
	}
	return s
}
