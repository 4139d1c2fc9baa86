package work_test

import (
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestCustomerGroupChatJoinWay(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	gc := a.CustomerGroupChat
	for _, id := range []string{"wrChatA", "wrChatB", "wrChatC"} {
		srv.AddWeComGroupChat(corpB, fakewechat.WeComGroupChat{ChatID: id, Name: "群" + id, Owner: "zhangsan"})
	}
	off := 0
	id, err := gc.AddJoinWay(ctx, &work.JoinWay{ConfigID: "ignored", QRCode: "x", Scene: work.JoinWayQRCode, Remark: strings.Repeat("备", 35),
		AutoCreateRoom: &off, RoomBaseName: "销售群 & 客服", RoomBaseID: 10, ChatIDList: []string{"wrChatA", "wrChatB"}, State: "ch<1>"})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/groupchat/add_join_way"); raw != `{"scene":2,"remark":"`+strings.Repeat("备", 35)+
		`","auto_create_room":0,"room_base_name":"销售群 & 客服","room_base_id":10,"chat_id_list":["wrChatA","wrChatB"],"state":"ch<1>"}` {
		t.Errorf("add body %s", raw)
	}
	w, err := gc.GetJoinWay(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if w.ConfigID != id || w.Scene != 2 || w.Remark != strings.Repeat("备", 30) || w.AutoCreateRoom == nil || *w.AutoCreateRoom != 0 ||
		w.RoomBaseName != "销售群 & 客服" || w.RoomBaseID != 10 || len(w.ChatIDList) != 2 || w.State != "ch<1>" || w.QRCode == "" {
		t.Errorf("join way %+v", w)
	}
	// update overwrites: the unset fields go, auto_create_room is back to 1
	if err := gc.UpdateJoinWay(ctx, &work.JoinWay{ConfigID: id, Scene: work.JoinWayMiniProgram, ChatIDList: []string{"wrChatC"}, QRCode: "x"}); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/groupchat/update_join_way"); b["config_id"] != id || b["qr_code"] != nil || b["scene"] != float64(1) {
		t.Errorf("update body %v", b)
	}
	w = mustB[*work.JoinWay](t)(gc.GetJoinWay(ctx, id))
	if w.Scene != 1 || w.QRCode != "" || w.Remark != "" || w.State != "" || *w.AutoCreateRoom != 1 || len(w.ChatIDList) != 1 || w.ChatIDList[0] != "wrChatC" {
		t.Errorf("updated %+v", w)
	}
	_, err = gc.AddJoinWay(ctx, &work.JoinWay{Scene: 1, ChatIDList: []string{"wrNope"}})
	apiCodeB(t, err, 40050)
	apiCodeB(t, gc.UpdateJoinWay(ctx, &work.JoinWay{ConfigID: "nope", Scene: 1, ChatIDList: []string{"wrChatA"}}), 40058)
	if err := gc.DeleteJoinWay(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err = gc.GetJoinWay(ctx, id)
	apiCodeB(t, err, 40058)
	apiCodeB(t, gc.DeleteJoinWay(ctx, id), 40058)

	n := len(srv.Requests())
	two := 2
	chats := []string{"wrChatA"}
	for _, c := range []struct {
		w   *work.JoinWay
		arg string
	}{
		{nil, "scene"},
		{&work.JoinWay{Scene: 3, ChatIDList: chats}, "scene"},
		{&work.JoinWay{Scene: 1}, "chat_id_list"},
		{&work.JoinWay{Scene: 1, ChatIDList: make([]string, 6)}, "chat_id_list"},
		{&work.JoinWay{Scene: 1, ChatIDList: chats, AutoCreateRoom: &two}, "auto_create_room"},
		{&work.JoinWay{Scene: 1, ChatIDList: chats, RoomBaseName: strings.Repeat("群", 41)}, "room_base_name"},
		{&work.JoinWay{Scene: 1, ChatIDList: chats, State: strings.Repeat("s", 31)}, "state"},
	} {
		_, err := gc.AddJoinWay(ctx, c.w)
		paramErrB(t, srv, n, err, c.arg)
	}
	paramErrB(t, srv, n, gc.UpdateJoinWay(ctx, &work.JoinWay{Scene: 1, ChatIDList: chats}), "config_id")
	paramErrB(t, srv, n, gc.UpdateJoinWay(ctx, &work.JoinWay{ConfigID: "c", Scene: 1}), "chat_id_list")
	paramErrB(t, srv, n, gc.DeleteJoinWay(ctx, ""), "config_id")
	_, err = gc.GetJoinWay(ctx, "")
	paramErrB(t, srv, n, err, "config_id")
}
