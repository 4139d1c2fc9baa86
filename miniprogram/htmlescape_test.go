package miniprogram_test

import (
	"bytes"
	"errors"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

// The fake answers 40033 to a body holding \u0026, \u003c or \u003e, as
// WeChat does: the JSON strings nested in bodies and queries must carry
// "&<>" as is.
func TestHTMLCharactersSentAsIs(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	const pic = "https://mmbiz.qpic.cn/a.jpg?w=1&h=<2>"
	noEscapes := func(pattern string) {
		t.Helper()
		rr, ok := srv.LastRequest(pattern)
		if !ok {
			t.Fatalf("no %s recorded", pattern)
		}
		if bytes.Contains(rr.Body, []byte(`\u00`)) || !bytes.Contains(rr.Body, []byte(`w=1&h=<2>`)) {
			t.Errorf("%s body %s", pattern, rr.Body)
		}
	}

	poi := &miniprogram.NearbyPOI{StoreName: "A&B", Address: "<1>", POIID: "12345678", PicList: []string{pic},
		ServiceInfos: []miniprogram.ServiceInfo{{ID: 2, Type: 1, Name: "外送&自提", AppID: "wx1", Path: "pages/a?x=1&y=2"}},
		KFInfo:       &miniprogram.KFInfo{OpenKF: true, KFName: "<客服>"}}
	if _, err := c.NearbyPOI.Add(ctx, poi); err != nil {
		t.Fatal(err)
	}
	noEscapes("POST /wxa/addnearbypoi")
	if _, body := last(t, srv, "POST /wxa/addnearbypoi"); body["service_infos"] != `{"service_infos":[{"id":2,"type":1,"name":"外送&自提","appid":"wx1","path":"pages/a?x=1&y=2"}]}` ||
		body["kf_info"] != `{"open_kf":true,"kf_name":"<客服>"}` {
		t.Errorf("nested JSON = %v / %v", body["service_infos"], body["kf_info"])
	}

	if _, err := c.Stores.AddStore(ctx, &miniprogram.Store{MapPOIID: "p", PicList: []string{pic}, ContractPhone: "13800138000", Hour: "10:00-21:00"}); err != nil {
		// The merchant is not set up in the fake: only the body matters here.
		var apiErr *wechat.APIError
		if !errors.As(err, &apiErr) || apiErr.Code == fakewechat.CodeInvalidCharset {
			t.Fatal(err)
		}
	}
	noEscapes("POST /wxa/add_store")

	r, err := c.LiveRoom.Create(ctx, newRoom(t, srv, c, "直播间"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.LiveRoom.SharedCode(ctx, r.RoomID, map[string]string{"from": "A&B <b>"}); err != nil {
		t.Fatal(err)
	}
	if rr, _ := last(t, srv, "GET /wxaapi/broadcast/room/getsharedcode"); rr.Query.Get("params") != `{"from":"A&B <b>"}` {
		t.Errorf("params = %q", rr.Query.Get("params"))
	}
}
