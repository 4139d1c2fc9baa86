package work_test

import (
	"slices"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestKFServicer(t *testing.T) {
	srv, bot, id := kfA(t)
	ks := bot.KFServicer
	res, err := ks.Add(ctxA, id, []string{fakewechat.WeComSeedUser1, "ghost"}, []int64{1, 99})
	if err != nil {
		t.Fatal(err)
	}
	want := []work.KFServicerResult{
		{UserID: fakewechat.WeComSeedUser1, ErrMsg: "success"},
		{UserID: "ghost", ErrCode: fakewechat.CodeWeComUserNotFound, ErrMsg: "userid not found"},
		{DepartmentID: 1, ErrMsg: "success"},
		{DepartmentID: 99, ErrCode: fakewechat.CodeWeComPartyNotFound, ErrMsg: "department not found"},
	}
	if !slices.Equal(res, want) {
		t.Fatalf("add results %+v", res)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/kf/servicer/add")
	if b["open_kfid"] != id || len(b["userid_list"].([]any)) != 2 || b["department_id_list"].([]any)[1] != float64(99) {
		t.Fatalf("add body %v", b)
	}
	res, err = ks.Add(ctxA, id, []string{fakewechat.WeComSeedUser1}, nil)
	if err != nil || len(res) != 1 || res[0].ErrMsg != "ignored" || res[0].ErrCode != 0 {
		t.Fatalf("add again %+v %v", res, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/servicer/add"); b["department_id_list"] != nil {
		t.Fatalf("empty department list sent: %v", b)
	}
	list, err := ks.List(ctxA, id)
	if err != nil || !slices.Equal(list, []work.KFServicer{{UserID: fakewechat.WeComSeedUser1}, {DepartmentID: 1}}) {
		t.Fatalf("list %+v %v", list, err)
	}
	if q := lastQueryA(t, srv, "GET /cgi-bin/kf/servicer/list", "open_kfid"); q != id {
		t.Fatalf("list query %q", q)
	}
	res, err = ks.Delete(ctxA, id, []string{fakewechat.WeComSeedUser1, fakewechat.WeComSeedUser2}, nil)
	if err != nil || len(res) != 2 || res[0].ErrMsg != "success" || res[1].ErrMsg != "ignored" {
		t.Fatalf("delete %+v %v", res, err)
	}
	if list, _ := ks.List(ctxA, id); !slices.Equal(list, []work.KFServicer{{DepartmentID: 1}}) {
		t.Fatalf("list after delete %+v", list)
	}
	_, err = ks.List(ctxA, "wkunknown")
	wantCodeA(t, err, fakewechat.CodeWeComKFInvalidOpenKfID)
	_, err = ks.Delete(ctxA, "wkunknown", []string{"x"}, nil)
	wantCodeA(t, err, fakewechat.CodeWeComKFInvalidOpenKfID)
	_, err = ks.Add(ctxA, id, nil, nil)
	wantArgA(t, err, "userid_list")
	_, err = ks.Add(ctxA, id, make([]string, 101), nil)
	wantArgA(t, err, "userid_list")
	_, err = ks.Delete(ctxA, "", []string{"x"}, nil)
	wantArgA(t, err, "open_kfid")
	_, err = ks.List(ctxA, "")
	wantArgA(t, err, "open_kfid")
}

func TestKFSession(t *testing.T) {
	srv, bot, id := kfA(t)
	ses := bot.KFSession
	cust := fakewechat.WeComKFCustomer1
	st, err := ses.State(ctxA, id, cust)
	if err != nil || st.State != work.KFStateEnded {
		t.Fatalf("state before any message %+v %v", st, err)
	}
	srv.WeComKFReceive(fakewechat.DefaultCorpID, id, cust, "hello?")
	if st, err = ses.State(ctxA, id, cust); err != nil || st.State != work.KFStateUntreated {
		t.Fatalf("state after a message %+v %v", st, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/service_state/get"); b["open_kfid"] != id || b["external_userid"] != cust {
		t.Fatalf("get body %v", b)
	}
	_, err = ses.Trans(ctxA, id, cust, work.KFStateServicer, fakewechat.WeComSeedUser2)
	wantCodeA(t, err, fakewechat.CodeWeComKFServicerNotReceiving) // not a servicer yet
	if _, err := bot.KFServicer.Add(ctxA, id, []string{fakewechat.WeComSeedUser2}, nil); err != nil {
		t.Fatal(err)
	}
	code, err := ses.Trans(ctxA, id, cust, work.KFStateServicer, fakewechat.WeComSeedUser2)
	if err != nil || code == "" {
		t.Fatalf("trans to servicer %q %v", code, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/service_state/trans"); b["service_state"] != float64(3) || b["servicer_userid"] != fakewechat.WeComSeedUser2 {
		t.Fatalf("trans body %v", b)
	}
	if st, _ = ses.State(ctxA, id, cust); st.State != work.KFStateServicer || st.ServicerUserID != fakewechat.WeComSeedUser2 {
		t.Fatalf("state after trans %+v", st)
	}
	// The msg_code answers the change with a greeting, once.
	if _, err := bot.KFMessage.SendTextOnEvent(ctxA, code, "", "lisi will help you"); err != nil {
		t.Fatal(err)
	}
	if sent := srv.WeComKFSent(fakewechat.DefaultCorpID); len(sent) != 1 || sent[0]["touser"] != cust {
		t.Fatalf("sent %v", sent)
	}
	// A member of a servicer department receives too; a second transfer
	// has no greeting code.
	if _, err := bot.KFServicer.Add(ctxA, id, nil, []int64{1}); err != nil {
		t.Fatal(err)
	}
	code, err = ses.Trans(ctxA, id, cust, work.KFStateServicer, fakewechat.WeComSeedUser1)
	if err != nil || code != "" {
		t.Fatalf("transfer %q %v", code, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/service_state/trans"); b["servicer_userid"] != fakewechat.WeComSeedUser1 {
		t.Fatalf("transfer body %v", b)
	}
	_, err = ses.Trans(ctxA, id, cust, work.KFStateAI, "")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter) // 3 cannot go back to 1
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/service_state/trans"); b["servicer_userid"] != nil {
		t.Fatalf("empty servicer sent: %v", b)
	}
	code, err = ses.Trans(ctxA, id, cust, work.KFStateEnded, "")
	if err != nil || code == "" {
		t.Fatalf("end %q %v", code, err)
	}
	if st, _ = ses.State(ctxA, id, cust); st.State != work.KFStateEnded || st.ServicerUserID != "" {
		t.Fatalf("state after end %+v", st)
	}
	_, err = ses.Trans(ctxA, id, cust, work.KFStateQueued, "")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter) // an ended session stays ended
	// A new message starts a new session, which ends 48 hours later.
	srv.Advance(time.Second)
	srv.WeComKFReceive(fakewechat.DefaultCorpID, id, cust, "me again")
	if st, _ = ses.State(ctxA, id, cust); st.State != work.KFStateUntreated {
		t.Fatalf("state after a new message %+v", st)
	}
	if code, err = ses.Trans(ctxA, id, cust, work.KFStateQueued, ""); err != nil || code == "" {
		t.Fatalf("queue %q %v", code, err)
	}
	srv.Advance(49 * time.Hour)
	if st, _ = ses.State(ctxA, id, cust); st.State != work.KFStateEnded {
		t.Fatalf("state after 49 hours %+v", st)
	}
	_, err = ses.State(ctxA, id, "wmnobody")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidExternalUserID)
	_, err = ses.State(ctxA, "wkunknown", cust)
	wantCodeA(t, err, fakewechat.CodeWeComKFInvalidOpenKfID)
	_, err = ses.State(ctxA, "", cust)
	wantArgA(t, err, "open_kfid")
	_, err = ses.Trans(ctxA, id, "", work.KFStateAI, "")
	wantArgA(t, err, "external_userid")
	_, err = ses.Trans(ctxA, id, cust, work.KFStateUntreated, "")
	wantArgA(t, err, "service_state")
	_, err = ses.Trans(ctxA, id, cust, work.KFStateServicer, "")
	wantArgA(t, err, "servicer_userid")
}

func TestKFUpgradeService(t *testing.T) {
	srv, bot, id := kfA(t)
	kc := bot.KFCustomer
	cust := fakewechat.WeComKFCustomer2
	cfg, err := kc.UpgradeServiceConfig(ctxA)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.MemberRange.UserIDs, []string{fakewechat.WeComSeedUser1, fakewechat.WeComSeedUser2}) ||
		!slices.Equal(cfg.MemberRange.DepartmentIDs, []int64{2, 3}) ||
		!slices.Equal(cfg.GroupChatRange.ChatIDs, []string{fakewechat.WeComKFUpgradeChat1, fakewechat.WeComKFUpgradeChat2}) {
		t.Fatalf("config %+v", cfg)
	}
	if err := kc.UpgradeMember(ctxA, id, cust, fakewechat.WeComSeedUser1, "your own advisor"); err != nil {
		t.Fatal(err)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/kf/customer/upgrade_service")
	m, _ := b["member"].(map[string]any)
	if b["type"] != float64(work.KFUpgradeMember) || m["userid"] != fakewechat.WeComSeedUser1 || m["wording"] != "your own advisor" || b["groupchat"] != nil {
		t.Fatalf("member body %v", b)
	}
	if u := srv.WeComKFUpgrade(fakewechat.DefaultCorpID, id, cust); u["type"] != 1 {
		t.Fatalf("kept upgrade %v", u)
	}
	if err := kc.UpgradeGroupChat(ctxA, id, cust, fakewechat.WeComKFUpgradeChat2, ""); err != nil {
		t.Fatal(err)
	}
	b = lastBodyA(t, srv, "POST /cgi-bin/kf/customer/upgrade_service")
	g, _ := b["groupchat"].(map[string]any)
	if b["type"] != float64(work.KFUpgradeGroupChat) || g["chat_id"] != fakewechat.WeComKFUpgradeChat2 || g["wording"] != nil || b["member"] != nil {
		t.Fatalf("group chat body %v", b)
	}
	if u := srv.WeComKFUpgrade(fakewechat.DefaultCorpID, id, cust); u["type"] != 2 {
		t.Fatalf("kept upgrade %v", u)
	}
	if err := kc.CancelUpgrade(ctxA, id, cust); err != nil {
		t.Fatal(err)
	}
	if u := srv.WeComKFUpgrade(fakewechat.DefaultCorpID, id, cust); u != nil {
		t.Fatalf("upgrade left after cancel: %v", u)
	}
	wantCodeA(t, kc.UpgradeMember(ctxA, id, cust, "wangwu", ""), fakewechat.CodeWeComKFUpgradeNotConfigured)
	wantCodeA(t, kc.UpgradeGroupChat(ctxA, id, cust, "wrunknown", ""), fakewechat.CodeWeComKFUpgradeNotConfigured)
	wantCodeA(t, kc.CancelUpgrade(ctxA, "wkunknown", cust), fakewechat.CodeWeComKFInvalidOpenKfID)
	wantCodeA(t, kc.UpgradeMember(ctxA, id, "wmnobody", fakewechat.WeComSeedUser1, ""), fakewechat.CodeWeComInvalidExternalUserID)
	wantArgA(t, kc.UpgradeMember(ctxA, id, cust, "", ""), "userid")
	wantArgA(t, kc.UpgradeGroupChat(ctxA, id, cust, "", ""), "chat_id")
	wantArgA(t, kc.CancelUpgrade(ctxA, id, ""), "external_userid")
}

func TestKFStatistic(t *testing.T) {
	srv, bot, id := kfA(t)
	ks := bot.KFStatistic
	cst := time.FixedZone("CST", 8*3600)
	now := srv.Now().In(cst)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, cst)
	first, last := today.AddDate(0, 0, -3).Unix(), today.AddDate(0, 0, -1).Unix()
	days, err := ks.CorpStatistic(ctxA, work.KFStatisticQuery{OpenKfID: id, ServicerUserID: "ignored", StartTime: first, EndTime: last})
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 3 || days[0].StatTime != first || days[2].StatTime != last || days[1].Statistic == nil {
		t.Fatalf("corp days %+v", days)
	}
	if s := days[0].Statistic; s.SessionCnt != 2 || s.CustomerMsgCnt != 6 || s.AISessionReplyCnt != 1 || s.AITransferRate != 1 || s.MsgRejectedCustomerCnt != 1 {
		t.Fatalf("corp statistic %+v", s)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/get_corp_statistic"); b["servicer_userid"] != nil || b["start_time"] != float64(first) {
		t.Fatalf("corp body %v", b)
	}
	days, err = ks.ServicerStatistic(ctxA, work.KFStatisticQuery{OpenKfID: id, ServicerUserID: fakewechat.WeComSeedUser1, StartTime: last, EndTime: last})
	if err != nil || len(days) != 1 {
		t.Fatalf("servicer days %+v %v", days, err)
	}
	if s := days[0].Statistic; s.FirstReplyAverageSec != 17 || s.ReplyRate != 1 || s.SatisfactionInvestgateCnt != 1 || s.SatisfiedRate != 1 || s.MsgRejectedCustomerCnt != 1 {
		t.Fatalf("servicer statistic %+v", s)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/get_servicer_statistic"); b["servicer_userid"] != fakewechat.WeComSeedUser1 {
		t.Fatalf("servicer body %v", b)
	}
	_, err = ks.CorpStatistic(ctxA, work.KFStatisticQuery{OpenKfID: id, StartTime: last, EndTime: today.Unix()})
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter) // today is not available yet
	_, err = ks.CorpStatistic(ctxA, work.KFStatisticQuery{OpenKfID: "wkunknown", StartTime: first, EndTime: last})
	wantCodeA(t, err, fakewechat.CodeWeComKFInvalidOpenKfID)
	_, err = ks.CorpStatistic(ctxA, work.KFStatisticQuery{OpenKfID: id, StartTime: last, EndTime: first})
	wantArgA(t, err, "start_time")
	_, err = ks.ServicerStatistic(ctxA, work.KFStatisticQuery{OpenKfID: id, StartTime: today.AddDate(0, 0, -32).Unix(), EndTime: last})
	wantArgA(t, err, "end_time")
	_, err = ks.ServicerStatistic(ctxA, work.KFStatisticQuery{StartTime: first, EndTime: last})
	wantArgA(t, err, "open_kfid")
}
