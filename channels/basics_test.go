package channels_test

import (
	"net/http"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func TestBasicsInfo(t *testing.T) {
	srv, c := newClient(t)
	info, err := c.Basics.Info(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := channels.ShopInfo{Nickname: "NICKNAME", HeadImgURL: "HEADIMG_URL", SubjectType: "企业", Status: channels.ShopOpening, Username: "USERNAME"}
	if *info != want {
		t.Errorf("Info = %+v, want %+v", *info, want)
	}
	rr, _ := srv.LastRequest("GET /channels/ec/basics/info/get")
	if rr.Method != http.MethodGet || len(rr.Body) != 0 || rr.Query.Get("access_token") == "" {
		t.Errorf("request = %s %q %v", rr.Method, rr.Body, rr.Query.Has("access_token"))
	}
	// The stable token of the shop's appid, as for any other app.
	if n := srv.Count("POST /cgi-bin/stable_token"); n != 1 {
		t.Errorf("stable_token fetched %d times, want 1", n)
	}
	srv.Inject(fakewechat.Fault{Path: "GET /channels/ec/basics/info/get", Errcode: 48001, Times: 1})
	_, err = c.Basics.Info(t.Context())
	wantAPIError(t, err, 48001)
}

func TestNewAndWrap(t *testing.T) {
	if _, err := channels.New(wechat.Config{AppID: "wx1"}, wechat.WithMemoryStore()); err == nil {
		t.Error("New without secret or token source: no error")
	}
	core, err := wechat.NewClient(wechat.Config{AppID: "wx1", AppSecret: "s"}, wechat.WithMemoryStore())
	if err != nil {
		t.Fatal(err)
	}
	c := channels.Wrap(core)
	if c.Client != core || c.Basics == nil || c.Products == nil {
		t.Errorf("Wrap = %+v", c)
	}
	cc, err := channels.New(wechat.Config{AppID: "wx2", AppSecret: "s"}, wechat.WithMemoryStore())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cc.JSAPITicket(t.Context()); err == nil {
		t.Error("a shop has a jsapi_ticket")
	}
	if typ := cc.Config().Type; typ != wechat.ChannelsShop || typ.String() != "channels_shop" {
		t.Errorf("app type %v", typ)
	}
}
