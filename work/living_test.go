package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestLiving(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	l := &work.Living{AnchorUserID: "zhangsan", Theme: "发布会", LivingStart: 1700000000, LivingDuration: 3600, Type: 3, Description: "d"}
	id, err := a.Living.Create(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/living/create"); raw != `{"anchor_userid":"zhangsan","theme":"发布会","living_start":1700000000,"living_duration":3600,"type":3,"description":"d","agentid":1000002}` {
		t.Errorf("create body %s", raw)
	}
	id2 := mustB[string](t)(a.Living.Create(ctx, &work.Living{AnchorUserID: "zhangsan", Theme: "2", LivingStart: 1, LivingDuration: 1}))
	l.LivingID, l.Theme = id, "新品发布会"
	if err := a.Living.Modify(ctx, l); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/living/modify"); b["anchor_userid"] != nil || b["livingid"] != id {
		t.Errorf("modify body %v", b)
	}
	info := mustB[*work.Living](t)(a.Living.Info(ctx, id))
	if rr, _ := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/living/get_living_info")); rr.Query.Get("livingid") != id {
		t.Errorf("info query %v", rr.Query)
	}
	if info.LivingID != id || info.Theme != "新品发布会" || info.AnchorUserID != "zhangsan" || info.Type != 3 || info.PushStreamURL == "" || info.Status != 0 {
		t.Errorf("info %+v", info)
	}
	code := mustB[string](t)(a.Living.Code(ctx, id, "oOPENID"))
	if code == "" {
		t.Error("no living code")
	}
	p := mustB[*work.LivingIDPage](t)(a.Living.UserLivingIDs(ctx, "zhangsan", "", 1))
	if len(p.LivingIDs) != 1 || p.LivingIDs[0] != id || p.NextCursor == "" {
		t.Errorf("page %+v", p)
	}
	var all []string
	for lid, err := range a.Living.AllUserLivingIDs(ctx, "zhangsan", 1) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, lid)
	}
	if len(all) != 2 || all[1] != id2 {
		t.Errorf("all %v", all)
	}
	ws := mustB[*work.WatchStat](t)(a.Living.WatchStat(ctx, id, ""))
	if b := bodyB(t, srv, "POST /cgi-bin/living/get_watch_stat"); b["next_key"] != "0" {
		t.Errorf("watch body %v", b)
	}
	if ws.Ending != 0 || len(ws.StatInfo.Users) != 2 || ws.StatInfo.Users[0].UserID != "zhangsan" || ws.StatInfo.Users[0].IsMic != 1 {
		t.Fatalf("watch %+v", ws)
	}
	ws = mustB[*work.WatchStat](t)(a.Living.WatchStat(ctx, id, ws.NextKey))
	if ws.Ending != 1 || len(ws.StatInfo.Users) != 2 {
		t.Errorf("watch page 2 %+v", ws)
	}
	si := mustB[*work.LivingShareInfo](t)(a.Living.ShareInfo(ctx, id+":lisi:wangwu"))
	if si.LivingID != id || si.InvitorUserID != "lisi" || si.ViewerUserID != "wangwu" {
		t.Errorf("share %+v", si)
	}
	_, err = a.Living.ShareInfo(ctx, "garbage")
	apiCodeB(t, err, 40058)
	if err := a.Living.DeleteReplay(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := a.Living.Cancel(ctx, id); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.Living.Cancel(ctx, id), 40500)
	_, err = a.Living.Code(ctx, id, "o")
	apiCodeB(t, err, 40500)
	if info := mustB[*work.Living](t)(a.Living.Info(ctx, id)); info.Status != 4 {
		t.Errorf("status %d", info.Status)
	}
	_, err = a.Living.Info(ctx, "nope")
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.Living.Create(ctx, &work.Living{Theme: "x", LivingStart: 1, LivingDuration: 1})
	paramErrB(t, srv, n, err, "anchor_userid")
	_, err = a.Living.Create(ctx, &work.Living{LivingStart: 1, LivingDuration: 1})
	paramErrB(t, srv, n, err, "theme")
	paramErrB(t, srv, n, a.Living.Modify(ctx, &work.Living{}), "livingid")
	paramErrB(t, srv, n, a.Living.Cancel(ctx, ""), "livingid")
	paramErrB(t, srv, n, a.Living.DeleteReplay(ctx, ""), "livingid")
	_, err = a.Living.Code(ctx, "l", "")
	paramErrB(t, srv, n, err, "openid")
	_, err = a.Living.UserLivingIDs(ctx, "u", "", 101)
	paramErrB(t, srv, n, err, "limit")
	_, err = a.Living.WatchStat(ctx, "", "")
	paramErrB(t, srv, n, err, "livingid")
	_, err = a.Living.ShareInfo(ctx, "")
	paramErrB(t, srv, n, err, "ww_share_code")
	_, err = a.Living.Info(ctx, "")
	paramErrB(t, srv, n, err, "livingid")
}
