package miniprogram_test

import (
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func newRoom(t *testing.T, srv *fakewechat.Server, c *miniprogram.Client, name string) *miniprogram.Room {
	t.Helper()
	img := tempImage(t, c)
	start := srv.Now().Add(time.Hour).Unix()
	return &miniprogram.Room{Name: name, CoverImg: img, ShareImg: img, StartTime: start, EndTime: start + 3600,
		AnchorName: "主播", AnchorWechat: "anchor_wx", Type: 1, CloseLike: 1}
}

func TestLiveRoomCreateEditList(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	room := newRoom(t, srv, c, "周五直播间")
	created, err := c.LiveRoom.Create(ctx, room)
	if err != nil || created.RoomID == 0 {
		t.Fatalf("Create = %+v, %v", created, err)
	}
	_, body := last(t, srv, "POST /wxaapi/broadcast/room/create")
	for k, v := range map[string]any{"name": "周五直播间", "anchorWechat": "anchor_wx", "type": 1.0, "closeLike": 1.0, "closeKf": 0.0, "isFeedsPublic": 0.0} {
		if body[k] != v {
			t.Errorf("body[%s] = %v, want %v", k, body[k], v)
		}
	}
	if _, ok := body["id"]; ok {
		t.Errorf("create sent an id: %v", body)
	}
	room.ID, room.Name = created.RoomID, "周六直播间"
	if err := c.LiveRoom.Edit(ctx, room); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/room/editroom"); body["id"] != float64(created.RoomID) {
		t.Errorf("edit body = %v", body)
	}
	page, err := c.LiveRoom.List(ctx, 0, 10)
	if err != nil || page.Total != 1 || page.Rooms[0].Name != "周六直播间" || page.Rooms[0].RoomID != created.RoomID || page.Rooms[0].LiveStatus != 102 {
		t.Fatalf("List = %+v, %v", page, err)
	}
	if _, body := last(t, srv, "POST /wxa/business/getliveinfo"); asJSON(t, body) != `{"limit":10,"start":0}` {
		t.Errorf("list body = %v", body)
	}
	// WeChat's checks.
	bad := newRoom(t, srv, c, "短")
	_, err = c.LiveRoom.Create(ctx, bad)
	wantAPIError(t, err, fakewechat.CodeMPLiveNameInvalid)
	wantAPIError(t, c.LiveRoom.Delete(ctx, 999), fakewechat.CodeMPLiveRoomNotFound)
	if err := c.LiveRoom.Delete(ctx, created.RoomID); err != nil {
		t.Fatal(err)
	}
	_, err = c.LiveRoom.List(ctx, 0, 10)
	wantAPIError(t, err, fakewechat.CodeMPLiveListEmpty)

	before := len(srv.Requests())
	_, err = c.LiveRoom.Create(ctx, nil)
	wantArgError(t, srv, before, err, "name")
	_, err = c.LiveRoom.Create(ctx, &miniprogram.Room{Name: "n", CoverImg: "c", AnchorName: "a", AnchorWechat: "w", ShareImg: "s", StartTime: 2, EndTime: 1})
	wantArgError(t, srv, before, err, "endTime")
	_, err = c.LiveRoom.Create(ctx, room)
	wantArgError(t, srv, before, err, "id")
	room.ID = 0
	wantArgError(t, srv, before, c.LiveRoom.Edit(ctx, room), "id")
	_, err = c.LiveRoom.List(ctx, 0, 101)
	wantArgError(t, srv, before, err, "limit")
	_, err = c.LiveRoom.List(ctx, -1, 10)
	wantArgError(t, srv, before, err, "start")
	wantArgError(t, srv, before, c.LiveRoom.Delete(ctx, 0), "roomId")
}

func TestLiveRoomAllAndReplays(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	room := newRoom(t, srv, c, "直播间一号")
	var ids []int
	for range 105 {
		r, err := c.LiveRoom.Create(ctx, room)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.RoomID)
	}
	var got []int
	for r, err := range c.LiveRoom.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r.RoomID)
	}
	if len(got) != 105 || got[104] != ids[104] || srv.Count("POST /wxa/business/getliveinfo") != 2 {
		t.Fatalf("iterated %d rooms in %d requests", len(got), srv.Count("POST /wxa/business/getliveinfo"))
	}
	n := srv.Count("POST /wxa/business/getliveinfo")
	for range c.LiveRoom.All(ctx) {
		break
	}
	if srv.Count("POST /wxa/business/getliveinfo") != n+1 {
		t.Error("early stop fetched more pages")
	}
	srv.MPEndLiveRoom(fakewechat.DefaultAppID, ids[0], 3)
	rp, err := c.LiveRoom.Replays(ctx, ids[0], 1, 10)
	if err != nil || rp.Total != 3 || len(rp.Replays) != 2 || !strings.HasSuffix(rp.Replays[0].MediaURL, "/1.m3u8") {
		t.Fatalf("Replays = %+v, %v", rp, err)
	}
	if _, body := last(t, srv, "POST /wxa/business/getliveinfo"); asJSON(t, body) != `{"action":"get_replay","limit":10,"room_id":`+asJSON(t, ids[0])+`,"start":1}` {
		t.Errorf("replay body = %v", body)
	}
	before := len(srv.Requests())
	_, err = c.LiveRoom.Replays(ctx, 0, 0, 10)
	wantArgError(t, srv, before, err, "roomId")
}

func TestLiveRoomGoods(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	r, err := c.LiveRoom.Create(ctx, newRoom(t, srv, c, "带货直播间"))
	if err != nil {
		t.Fatal(err)
	}
	goods := approvedGoods(t, srv, c, 3)
	if err := c.LiveRoom.AddGoods(ctx, r.RoomID, goods); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/room/addgoods"); asJSON(t, body) != `{"ids":`+asJSON(t, goods)+`,"roomId":`+asJSON(t, r.RoomID)+`}` {
		t.Errorf("body = %v", body)
	}
	if err := c.LiveRoom.SortGoods(ctx, r.RoomID, []int{goods[2], goods[0], goods[1]}); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/goods/sort"); asJSON(t, body["goods"]) != `[{"goodsId":"`+asJSON(t, goods[2])+`"},{"goodsId":"`+asJSON(t, goods[0])+`"},{"goodsId":"`+asJSON(t, goods[1])+`"}]` {
		t.Errorf("sort body = %v", body)
	}
	page, _ := c.LiveRoom.List(ctx, 0, 1)
	if len(page.Rooms[0].Goods) != 3 || page.Rooms[0].Goods[0].GoodsID != goods[2] {
		t.Errorf("room goods = %+v", page.Rooms[0].Goods)
	}
	if err := c.LiveRoom.SetGoodsOnSale(ctx, r.RoomID, goods[0], false); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/goods/onsale"); body["onSale"] != 0.0 || body["goodsId"] != float64(goods[0]) || body["roomId"] != float64(r.RoomID) {
		t.Errorf("onsale body = %v", body)
	}
	// Push needs a live room.
	wantAPIError(t, c.LiveRoom.PushGoods(ctx, r.RoomID, goods[0]), fakewechat.CodeMPLiveRoomState)
	srv.MPStartLiveRoom(fakewechat.DefaultAppID, r.RoomID)
	if err := c.LiveRoom.PushGoods(ctx, r.RoomID, goods[0]); err != nil {
		t.Fatal(err)
	}
	u, err := c.LiveRoom.GoodsVideo(ctx, r.RoomID, goods[1])
	if err != nil || !strings.HasSuffix(u, ".mp4") {
		t.Fatalf("GoodsVideo = %q, %v", u, err)
	}
	if err := c.LiveRoom.DeleteGoods(ctx, r.RoomID, goods[1]); err != nil {
		t.Fatal(err)
	}
	_, err = c.LiveRoom.GoodsVideo(ctx, r.RoomID, goods[1])
	wantAPIError(t, err, fakewechat.CodeMPLiveGoodsNotFound)
	// Unapproved goods cannot be imported.
	img := tempImage(t, c)
	g, _ := c.LiveGoods.Add(ctx, &miniprogram.Goods{CoverImgURL: img, Name: "待审商品", PriceType: 1, Price: 1, URL: "p"})
	wantAPIError(t, c.LiveRoom.AddGoods(ctx, r.RoomID, []int{g.GoodsID}), fakewechat.CodeMPLiveGoodsNotApproved)

	before := len(srv.Requests())
	wantArgError(t, srv, before, c.LiveRoom.AddGoods(ctx, r.RoomID, nil), "ids")
	wantArgError(t, srv, before, c.LiveRoom.SortGoods(ctx, r.RoomID, nil), "goods")
	wantArgError(t, srv, before, c.LiveRoom.PushGoods(ctx, r.RoomID, 0), "goodsId")
	wantArgError(t, srv, before, c.LiveRoom.SetGoodsOnSale(ctx, r.RoomID, 0, true), "goodsId")
	wantArgError(t, srv, before, c.LiveRoom.SetGoodsOnSale(ctx, 0, 1, true), "roomId")
}

func TestLiveRoomPeopleAndSwitches(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	r, err := c.LiveRoom.Create(ctx, newRoom(t, srv, c, "访谈直播间"))
	if err != nil {
		t.Fatal(err)
	}
	id := r.RoomID
	push, err := c.LiveRoom.PushURL(ctx, id)
	if err != nil || !strings.HasPrefix(push, "rtmp://") {
		t.Fatalf("PushURL = %q, %v", push, err)
	}
	if rr, _ := last(t, srv, "GET /wxaapi/broadcast/room/getpushurl"); rr.Query.Get("roomId") != asJSON(t, id) {
		t.Errorf("query = %v", rr.Query)
	}
	sc, err := c.LiveRoom.SharedCode(ctx, id, map[string]string{"from": "poster"})
	if err != nil || sc.CDNURL == "" || !strings.Contains(sc.PagePath, "custom_params") || sc.PosterURL == "" {
		t.Fatalf("SharedCode = %+v, %v", sc, err)
	}
	if rr, _ := last(t, srv, "GET /wxaapi/broadcast/room/getsharedcode"); rr.Query.Get("params") != `{"from":"poster"}` {
		t.Errorf("query = %v", rr.Query)
	}
	if _, err := c.LiveRoom.SharedCode(ctx, id, nil); err != nil {
		t.Fatal(err)
	}
	if rr, _ := last(t, srv, "GET /wxaapi/broadcast/room/getsharedcode"); rr.Query.Has("params") {
		t.Errorf("empty params sent: %v", rr.Query)
	}

	if err := c.LiveRoom.AddAssistants(ctx, id, []miniprogram.Assistant{{Username: "helper1", Nickname: "小助"}, {Username: "helper2", Nickname: "小二"}}); err != nil {
		t.Fatal(err)
	}
	if err := c.LiveRoom.ModifyAssistant(ctx, id, "helper1", "大助"); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/room/modifyassistant"); asJSON(t, body) != `{"nickname":"大助","roomId":`+asJSON(t, id)+`,"username":"helper1"}` {
		t.Errorf("body = %v", body)
	}
	if err := c.LiveRoom.RemoveAssistant(ctx, id, "helper2"); err != nil {
		t.Fatal(err)
	}
	al, err := c.LiveRoom.Assistants(ctx, id)
	if err != nil || al.Count != 1 || al.List[0].Nickname != "大助" || al.MaxCount != 5 {
		t.Fatalf("Assistants = %+v, %v", al, err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/room/removeassistant"); asJSON(t, body) != `{"roomId":`+asJSON(t, id)+`,"username":"helper2"}` {
		t.Errorf("body = %v", body)
	}

	if err := c.LiveRoom.AddSubAnchor(ctx, id, "sub1"); err != nil {
		t.Fatal(err)
	}
	if err := c.LiveRoom.ModifySubAnchor(ctx, id, "sub2"); err != nil {
		t.Fatal(err)
	}
	if u, err := c.LiveRoom.SubAnchor(ctx, id); err != nil || u != "sub2" {
		t.Fatalf("SubAnchor = %q, %v", u, err)
	}
	if err := c.LiveRoom.DeleteSubAnchor(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err = c.LiveRoom.SubAnchor(ctx, id)
	wantAPIError(t, err, fakewechat.CodeMPLiveRoomState)

	for _, tc := range []struct {
		set     func() error
		pattern string
		field   string
		want    float64
	}{
		{func() error { return c.LiveRoom.SetFeedsPublic(ctx, id, true) }, "POST /wxaapi/broadcast/room/updatefeedpublic", "isFeedsPublic", 1},
		{func() error { return c.LiveRoom.SetCloseReplay(ctx, id, true) }, "POST /wxaapi/broadcast/room/updatereplay", "closeReplay", 1},
		{func() error { return c.LiveRoom.SetCloseKF(ctx, id, false) }, "POST /wxaapi/broadcast/room/updatekf", "closeKf", 0},
		{func() error { return c.LiveRoom.SetBanComment(ctx, id, true) }, "POST /wxaapi/broadcast/room/updatecomment", "banComment", 1},
	} {
		if err := tc.set(); err != nil {
			t.Fatalf("%s: %v", tc.pattern, err)
		}
		if _, body := last(t, srv, tc.pattern); body[tc.field] != tc.want || body["roomId"] != float64(id) {
			t.Errorf("%s body = %v", tc.pattern, body)
		}
	}
	page, _ := c.LiveRoom.List(ctx, 0, 1)
	if rm := page.Rooms[0]; rm.IsFeedsPublic != 1 || rm.CloseReplay != 1 || rm.CloseKf != 0 {
		t.Errorf("room switches = %+v", rm)
	}
	wantAPIError(t, c.LiveRoom.SetBanComment(ctx, 999, true), fakewechat.CodeMPLiveRoomNotFound)

	before := len(srv.Requests())
	wantArgError(t, srv, before, c.LiveRoom.AddAssistants(ctx, id, nil), "users")
	wantArgError(t, srv, before, c.LiveRoom.AddAssistants(ctx, id, []miniprogram.Assistant{{Nickname: "x"}}), "users")
	wantArgError(t, srv, before, c.LiveRoom.ModifyAssistant(ctx, id, "u", ""), "nickname")
	wantArgError(t, srv, before, c.LiveRoom.RemoveAssistant(ctx, id, ""), "username")
	wantArgError(t, srv, before, c.LiveRoom.AddSubAnchor(ctx, 0, "u"), "roomId")
	wantArgError(t, srv, before, c.LiveRoom.DeleteSubAnchor(ctx, 0), "roomId")
	wantArgError(t, srv, before, c.LiveRoom.SetCloseKF(ctx, 0, true), "roomId")
	_, err = c.LiveRoom.PushURL(ctx, 0)
	wantArgError(t, srv, before, err, "roomId")
	_, err = c.LiveRoom.SharedCode(ctx, 0, nil)
	wantArgError(t, srv, before, err, "roomId")
	_, err = c.LiveRoom.Assistants(ctx, 0)
	wantArgError(t, srv, before, err, "roomId")
	_, err = c.LiveRoom.SubAnchor(ctx, 0)
	wantArgError(t, srv, before, err, "roomId")
}
