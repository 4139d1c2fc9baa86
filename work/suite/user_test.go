package suite_test

import (
	"context"
	"errors"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func TestSuiteUsers(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := installed(t, srv, corps[0])

	code := srv.SuiteOAuthCode(fakewechat.DefaultSuiteID, corps[0], "zhangsan")
	u, err := s.UserInfo3rd(ctx, code)
	if err != nil || u.CorpID != corps[0] || u.UserID != "zhangsan" || u.UserTicket == "" || u.OpenUserID == "" {
		t.Fatalf("userinfo %+v, %v", u, err)
	}
	var api *wechat.APIError
	if _, err := s.UserInfo3rd(ctx, code); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("code used twice: %v", err)
	}
	d, err := s.UserDetail3rd(ctx, u.UserTicket)
	if err != nil || d.UserID != "zhangsan" || d.Name != "zhangsan" || d.QRCode == "" {
		t.Fatalf("detail %+v, %v", d, err)
	}
	sess, err := s.JSCode2Session(ctx, srv.SuiteJSCode(fakewechat.DefaultSuiteID, corps[1], "lisi"))
	if err != nil || sess.CorpID != corps[1] || sess.UserID != "lisi" || sess.SessionKey == "" {
		t.Fatalf("session %+v, %v", sess, err)
	}
	var arg *suite.InvalidArgumentError
	if _, err := s.JSCode2Session(ctx, ""); !errors.As(err, &arg) {
		t.Fatalf("empty js_code: %v", err)
	}
}

func TestProviderLoginAndRegister(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	p := newProvider(t, srv)
	li, err := p.LoginInfo(ctx, srv.ProviderLoginCode(fakewechat.DefaultProviderCorpID, corps[0], "zhangsan"))
	if err != nil || li.CorpInfo.CorpID != corps[0] || li.UserInfo.UserID != "zhangsan" {
		t.Fatalf("login info %+v, %v", li, err)
	}
	rc, err := p.RegisterCode(ctx, suite.RegisterCodeRequest{TemplateID: "tpl1", State: "st"})
	if err != nil || rc.RegisterCode == "" {
		t.Fatalf("register code %+v, %v", rc, err)
	}
	ri, err := p.RegisterInfo(ctx, rc.RegisterCode)
	if err != nil || ri.CorpID == "" || ri.State != "st" || ri.ContactSync.AccessToken == "" {
		t.Fatalf("register info %+v, %v", ri, err)
	}

	s := newSuite(t, srv, wechat.NewMemoryStore())
	h := s.Handler(nil)
	pushTicket(t, srv, h)
	install(t, srv, h, corps[0])
	info, err := p.License.AppLicenseInfo(ctx, corps[0], fakewechat.DefaultSuiteID, 1)
	if err != nil || info.LicenseStatus != 0 || info.TrailInfo.EndTime <= info.TrailInfo.StartTime {
		t.Fatalf("app license info %+v, %v", info, err)
	}
}

func TestProviderContacts(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	p := newProvider(t, srv)
	res, err := p.SearchContact(ctx, suite.ContactQuery{AuthCorpID: corps[0], QueryWord: "zhang", QueryType: 1})
	if err != nil || len(res.QueryResult.User.UserID) != 1 || res.QueryResult.User.UserID[0] != fakewechat.WeComSeedUser1 || !res.IsLast {
		t.Fatalf("search %+v, %v", res, err)
	}
	batch, err := p.BatchSearchContact(ctx, corps[0], 0, []suite.ContactQuery{{QueryWord: "root", QueryType: 2}, {QueryWord: "li"}})
	if err != nil || len(batch) != 2 || len(batch[0].QueryResult.Party.DepartmentID) != 1 || batch[1].QueryRequest.QueryWord != "li" {
		t.Fatalf("batch %+v, %v", batch, err)
	}
	sorted, err := p.SortContacts(ctx, corps[0], 1, []string{"a", "c", "b"})
	if err != nil || len(sorted) != 3 || sorted[0] != "c" {
		t.Fatalf("sort %v, %v", sorted, err)
	}
	s := newSuite(t, srv, wechat.NewMemoryStore())
	h := s.Handler(nil)
	pushTicket(t, srv, h)
	install(t, srv, h, corps[0])
	end, err := s.ProlongTry(ctx, corps[0], 10, 0)
	if err != nil || end <= 0 {
		t.Fatalf("prolong %d, %v", end, err)
	}
	orders, err := s.AppOrders(ctx, 1, 2, 0)
	if err != nil || len(orders) != 0 {
		t.Fatalf("orders %v, %v", orders, err)
	}
}

func TestOpenUserIDs(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := newSuite(t, srv, wechat.NewMemoryStore())
	h := s.Handler(nil)
	pushTicket(t, srv, h)
	install(t, srv, h, corps[0])
	install(t, srv, h, corps[1])
	a, err := s.OpenUserIDs(ctx, corps[0], []string{fakewechat.WeComSeedUser1, "ghost"})
	if err != nil || len(a.OpenUserIDList) != 1 || len(a.InvalidUserIDList) != 1 {
		t.Fatalf("open userids %+v, %v", a, err)
	}
	b, err := s.OpenUserIDs(ctx, corps[1], []string{fakewechat.WeComSeedUser1})
	if err != nil || len(b.OpenUserIDList) != 1 || b.OpenUserIDList[0].OpenUserID == a.OpenUserIDList[0].OpenUserID {
		t.Fatalf("open userid of the same userid in two corps: %+v %+v, %v", a, b, err)
	}
}
