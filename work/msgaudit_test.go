package work_test

import (
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestMsgAuditPermitUsers(t *testing.T) {
	srv, bot := botA(t)
	all, err := bot.MsgAudit.PermitUsers(ctxA, 0)
	if err != nil || !slices.Equal(all, []string{"lisi", "zhangsan"}) {
		t.Fatalf("all = %v, %v", all, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/msgaudit/get_permit_user_list"); len(b) != 0 {
		t.Errorf("body %v, want no type", b)
	}
	office, err := bot.MsgAudit.PermitUsers(ctxA, work.MsgAuditEditionService)
	if err != nil || !slices.Equal(office, []string{"lisi"}) {
		t.Fatalf("service edition = %v, %v", office, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/msgaudit/get_permit_user_list"); b["type"] != float64(2) {
		t.Errorf("body %v", b)
	}
	_, err = bot.MsgAudit.PermitUsers(ctxA, 4)
	wantArgA(t, err, "type")
}

func TestMsgAuditAgree(t *testing.T) {
	srv, bot := botA(t)
	infos, err := bot.MsgAudit.CheckSingleAgree(ctxA, []work.AgreeQuery{
		{UserID: "zhangsan", ExternalOpenID: fakewechat.WeComAuditAgreed},
		{UserID: "zhangsan", ExternalOpenID: fakewechat.WeComAuditDisagreed},
		{UserID: "lisi", ExternalOpenID: "wmSTRANGER"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []work.AgreeInfo{
		{UserID: "zhangsan", ExternalOpenID: fakewechat.WeComAuditAgreed, AgreeStatus: "Agree", StatusChangeTime: fakewechat.WeComAuditAgreeTime},
		{UserID: "zhangsan", ExternalOpenID: fakewechat.WeComAuditDisagreed, AgreeStatus: "Disagree", StatusChangeTime: fakewechat.WeComAuditAgreeTime},
	}
	if !slices.Equal(infos, want) {
		t.Errorf("agree = %+v", infos)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/msgaudit/check_single_agree")
	if info := b["info"].([]any); len(info) != 3 || info[0].(map[string]any)["exteranalopenid"] != fakewechat.WeComAuditAgreed {
		t.Errorf("body %v", b)
	}
	_, err = bot.MsgAudit.CheckSingleAgree(ctxA, nil)
	wantArgA(t, err, "info")
	_, err = bot.MsgAudit.CheckSingleAgree(ctxA, make([]work.AgreeQuery, 101))
	wantArgA(t, err, "info")
	_, err = bot.MsgAudit.CheckSingleAgree(ctxA, []work.AgreeQuery{{UserID: "zhangsan"}})
	wantArgA(t, err, "exteranalopenid")

	srv.AddWeComGroupChat(fakewechat.DefaultCorpID, fakewechat.WeComGroupChat{ChatID: "wrAUDIT1", Name: "VIP", Owner: "zhangsan",
		Members: []string{"zhangsan", "lisi", fakewechat.WeComAuditAgreed, fakewechat.WeComAuditDisagreed, "wmOTHER"}, CreateTime: 1592361604})
	room, err := bot.MsgAudit.CheckRoomAgree(ctxA, "wrAUDIT1")
	if err != nil {
		t.Fatal(err)
	}
	if len(room) != 2 || room[0].ExternalOpenID != fakewechat.WeComAuditAgreed || room[0].AgreeStatus != "Agree" || room[0].UserID != "" ||
		room[1].AgreeStatus != "Disagree" {
		t.Errorf("room agree = %+v", room)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/msgaudit/check_room_agree"); b["roomid"] != "wrAUDIT1" {
		t.Errorf("body %v", b)
	}
	_, err = bot.MsgAudit.CheckRoomAgree(ctxA, "wrNOPE")
	wantCodeA(t, err, 40050)
	_, err = bot.MsgAudit.CheckRoomAgree(ctxA, "")
	wantArgA(t, err, "roomid")
}

func TestMsgAuditGroupChat(t *testing.T) {
	srv, bot := botA(t)
	srv.AddWeComGroupChat(fakewechat.DefaultCorpID, fakewechat.WeComGroupChat{ChatID: "wrTEAM", Name: "team", Owner: "lisi",
		Members: []string{"lisi", "zhangsan"}, CreateTime: 1592361604})
	g, err := bot.MsgAudit.GroupChat(ctxA, "wrTEAM")
	if err != nil {
		t.Fatal(err)
	}
	if g.RoomName != "team" || g.Creator != "lisi" || g.RoomCreateTime != 1592361604 || len(g.Members) != 2 ||
		g.Members[1].MemberID != "zhangsan" || g.Members[1].JoinTime != 1592361604 {
		t.Errorf("room %+v", g)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/msgaudit/groupchat/get"); b["roomid"] != "wrTEAM" {
		t.Errorf("body %v", b)
	}
	_, err = bot.MsgAudit.GroupChat(ctxA, "wrNOPE")
	wantCodeA(t, err, 40050)
	_, err = bot.MsgAudit.GroupChat(ctxA, "")
	wantArgA(t, err, "roomid")
}
