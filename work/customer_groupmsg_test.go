package work_test

import (
	"context"
	"testing"
	"time"

	"github.com/weixin-go/wechat/work"
)

func TestCustomerGroupMsg(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ids := seedCustomersB(srv, 3)
	res, err := a.CustomerGroupMsg.AddTemplate(ctx, &work.GroupMsg{ExternalUserID: []string{ids[0], ids[1], "wmGhost"}, Sender: "zhangsan",
		CustomerMessage: work.CustomerMessage{Text: &work.CustomerText{Content: "新品"}, Attachments: []work.CustomerAttachment{{MsgType: "image", Image: &work.CustomerImage{MediaID: "M"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/add_msg_template"); raw != `{"external_userid":["`+ids[0]+`","`+ids[1]+`","wmGhost"],"sender":"zhangsan","text":{"content":"新品"},"attachments":[{"msgtype":"image","image":{"media_id":"M"}}]}` {
		t.Errorf("add body %s", raw)
	}
	if res.MsgID == "" || len(res.FailList) != 1 || res.FailList[0] != "wmGhost" {
		t.Fatalf("result %+v", res)
	}
	// without sender every follower gets a task: ids[0] has zhangsan and lisi
	res2 := mustB[*work.GroupMsgResult](t)(a.CustomerGroupMsg.AddTemplate(ctx, &work.GroupMsg{ChatType: work.GroupMsgSingle, ExternalUserID: []string{ids[0]},
		CustomerMessage: work.CustomerMessage{Text: &work.CustomerText{Content: "x"}}}))

	now := time.Now().Unix()
	p, err := a.CustomerGroupMsg.List(ctx, &work.GroupMsgQuery{ChatType: work.GroupMsgSingle, StartTime: now - 3600, EndTime: now + 3600, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Messages) != 1 || p.Messages[0].MsgID != res.MsgID || p.Messages[0].Creator != "zhangsan" || p.Messages[0].CreateType != 1 ||
		p.Messages[0].Text.Content != "新品" || p.Messages[0].Attachments[0].Image.MediaID != "M" || p.NextCursor == "" {
		t.Fatalf("list %+v", p)
	}
	if ct, err := p.Messages[0].CreateTime.Int64(); err != nil || ct < now-5 {
		t.Errorf("create time %v %v", p.Messages[0].CreateTime, err)
	}
	p = mustB[*work.GroupMsgPage](t)(a.CustomerGroupMsg.List(ctx, &work.GroupMsgQuery{ChatType: work.GroupMsgSingle, StartTime: now - 3600, EndTime: now + 3600, Cursor: p.NextCursor}))
	if len(p.Messages) != 1 || p.Messages[0].MsgID != res2.MsgID || p.NextCursor != "" {
		t.Errorf("page 2 %+v", p)
	}
	tasks := mustB[*work.GroupMsgTaskPage](t)(a.CustomerGroupMsg.Tasks(ctx, res2.MsgID, "", 1))
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/get_groupmsg_task"); b["msgid"] != res2.MsgID || b["limit"] != float64(1) {
		t.Errorf("task body %v", b)
	}
	if len(tasks.Tasks) != 1 || tasks.Tasks[0].UserID != "zhangsan" || tasks.NextCursor == "" {
		t.Errorf("tasks %+v", tasks)
	}
	sends := mustB[*work.GroupMsgSendPage](t)(a.CustomerGroupMsg.SendResults(ctx, res.MsgID, "zhangsan", "", 0))
	if len(sends.Sends) != 2 || sends.Sends[1].ExternalUserID != ids[1] || sends.Sends[0].Status != 0 {
		t.Errorf("sends %+v", sends)
	}
	if err := a.CustomerGroupMsg.Remind(ctx, res.MsgID); err != nil {
		t.Fatal(err)
	}
	if err := a.CustomerGroupMsg.Cancel(ctx, res.MsgID); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/cancel_groupmsg_send"); raw != `{"msgid":"`+res.MsgID+`"}` {
		t.Errorf("cancel body %s", raw)
	}
	apiCodeB(t, a.CustomerGroupMsg.Remind(ctx, res.MsgID), 41097)
	apiCodeB(t, a.CustomerGroupMsg.Cancel(ctx, "nope"), 40058)
	_, err = a.CustomerGroupMsg.Tasks(ctx, "nope", "", 0)
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.CustomerGroupMsg.AddTemplate(ctx, &work.GroupMsg{ChatType: "all", CustomerMessage: work.CustomerMessage{Text: &work.CustomerText{}}})
	paramErrB(t, srv, n, err, "chat_type")
	_, err = a.CustomerGroupMsg.AddTemplate(ctx, &work.GroupMsg{})
	paramErrB(t, srv, n, err, "text")
	_, err = a.CustomerGroupMsg.List(ctx, &work.GroupMsgQuery{ChatType: "single"})
	paramErrB(t, srv, n, err, "start_time")
	_, err = a.CustomerGroupMsg.List(ctx, &work.GroupMsgQuery{})
	paramErrB(t, srv, n, err, "chat_type")
	paramErrB(t, srv, n, a.CustomerGroupMsg.Remind(ctx, ""), "msgid")
	_, err = a.CustomerGroupMsg.SendResults(ctx, "m", "", "", 0)
	paramErrB(t, srv, n, err, "userid")
}

func TestCustomerGroupMsgToChats(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	chats := seedChatsB(srv, 2, "zhangsan")
	res := mustB[*work.GroupMsgResult](t)(a.CustomerGroupMsg.AddTemplate(ctx, &work.GroupMsg{ChatType: work.GroupMsgGroup, Sender: "zhangsan",
		CustomerMessage: work.CustomerMessage{Text: &work.CustomerText{Content: "群发"}}}))
	sends := mustB[*work.GroupMsgSendPage](t)(a.CustomerGroupMsg.SendResults(ctx, res.MsgID, "zhangsan", "", 0))
	if len(sends.Sends) != 2 || sends.Sends[0].ChatID != chats[0] {
		t.Errorf("sends %+v", sends)
	}
	_, err := a.CustomerGroupMsg.AddTemplate(ctx, &work.GroupMsg{ChatType: work.GroupMsgGroup, CustomerMessage: work.CustomerMessage{Text: &work.CustomerText{Content: "x"}}})
	apiCodeB(t, err, 40058)
}
