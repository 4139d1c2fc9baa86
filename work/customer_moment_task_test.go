package work_test

import (
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestCustomerMomentTask(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	tg, err := a.CustomerTag.AddCorpTags(ctx, &work.CustomerTagGroup{GroupName: "兴趣", Tags: []work.CustomerTag{{Name: "咖啡"}}})
	if err != nil {
		t.Fatal(err)
	}
	tagID := tg.Tags[0].ID
	job, err := a.CustomerMoment.AddTask(ctx, &work.MomentContent{Text: &work.CustomerText{Content: "新品 <上市> & 优惠"},
		Attachments: []work.MomentAttachment{{MsgType: "link", Link: &work.MomentLink{Title: "活动", URL: "https://example.com/a?x=1&y=2", MediaID: "MEDIA"}}},
		VisibleRange: &work.MomentVisibleRange{SenderList: &work.MomentSenders{UserList: []string{"zhangsan", "lisi"}, DepartmentList: []int64{2}},
			ExternalContactList: &work.MomentCustomerTags{TagList: []string{tagID, "etNope"}}}})
	if err != nil {
		t.Fatal(err)
	}
	raw := rawB(t, srv, "POST /cgi-bin/externalcontact/add_moment_task")
	if want := `{"text":{"content":"新品 <上市> & 优惠"},"attachments":[{"msgtype":"link","link":{"title":"活动","url":"https://example.com/a?x=1&y=2","media_id":"MEDIA"}}],` +
		`"visible_range":{"sender_list":{"user_list":["zhangsan","lisi"],"department_list":[2]},"external_contact_list":{"tag_list":["` + tagID + `","etNope"]}}}`; raw != want {
		t.Errorf("add body\n%s\nwant\n%s", raw, want)
	}
	if job == "" {
		t.Fatal("no jobid")
	}
	res, err := a.CustomerMoment.TaskResult(ctx, job)
	if err != nil {
		t.Fatal(err)
	}
	if q := lastQueryA(t, srv, "GET /cgi-bin/externalcontact/get_moment_task_result", "jobid"); q != job {
		t.Errorf("jobid query %q", q)
	}
	if res.Status != 3 || res.Type != "add_moment_task" || res.Result == nil || res.Result.MomentID == "" ||
		res.Result.InvalidExternalContactList == nil || len(res.Result.InvalidExternalContactList.TagList) != 1 || res.Result.InvalidExternalContactList.TagList[0] != "etNope" {
		t.Fatalf("result %+v %+v", res, res.Result)
	}
	// the moment is a corp moment whose tasks are the senders'
	tasks := mustB[*work.MomentTaskPage](t)(a.CustomerMoment.Tasks(ctx, res.Result.MomentID, "", 0))
	if len(tasks.Tasks) != 2 || tasks.Tasks[0].UserID != "zhangsan" || tasks.Tasks[0].PublishStatus != 0 {
		t.Errorf("tasks %+v", tasks)
	}
	if err := a.CustomerMoment.CancelTask(ctx, res.Result.MomentID); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/cancel_moment_task"); len(b) != 1 || b["moment_id"] != res.Result.MomentID {
		t.Errorf("cancel body %v", b)
	}
	apiCodeB(t, a.CustomerMoment.CancelTask(ctx, res.Result.MomentID), 40058)
	apiCodeB(t, a.CustomerMoment.CancelTask(ctx, "momNope"), 40058)
	_, err = a.CustomerMoment.TaskResult(ctx, "nope")
	apiCodeB(t, err, 40058)

	// images only, up to 9
	imgs := make([]work.MomentAttachment, 9)
	for i := range imgs {
		imgs[i] = work.MomentAttachment{MsgType: "image", Image: &work.MomentMedia{MediaID: "IMG"}}
	}
	if _, err := a.CustomerMoment.AddTask(ctx, &work.MomentContent{Attachments: imgs}); err != nil {
		t.Fatal(err)
	}

	n := len(srv.Requests())
	for _, c := range []struct {
		m   *work.MomentContent
		arg string
	}{
		{nil, "text"},
		{&work.MomentContent{Text: &work.CustomerText{}}, "text"},
		{&work.MomentContent{Text: &work.CustomerText{Content: strings.Repeat("字", 2001)}}, "text.content"},
		{&work.MomentContent{Attachments: append(imgs, imgs[0])}, "attachments"},
		{&work.MomentContent{Attachments: []work.MomentAttachment{{MsgType: "video", Video: &work.MomentMedia{MediaID: "V"}}, {MsgType: "video", Video: &work.MomentMedia{MediaID: "V"}}}}, "attachments"},
		{&work.MomentContent{Attachments: []work.MomentAttachment{imgs[0], {MsgType: "video", Video: &work.MomentMedia{MediaID: "V"}}}}, "attachments.msgtype"},
		{&work.MomentContent{Attachments: []work.MomentAttachment{{MsgType: "link", Link: &work.MomentLink{URL: "https://x"}}}}, "attachments.link"},
		{&work.MomentContent{Attachments: []work.MomentAttachment{{MsgType: "link", Link: &work.MomentLink{Title: strings.Repeat("t", 65), URL: "https://x", MediaID: "M"}}}}, "attachments.link.title"},
		{&work.MomentContent{Attachments: []work.MomentAttachment{{MsgType: "file"}}}, "attachments.file"},
	} {
		_, err := a.CustomerMoment.AddTask(ctx, c.m)
		paramErrB(t, srv, n, err, c.arg)
	}
	_, err = a.CustomerMoment.TaskResult(ctx, "")
	paramErrB(t, srv, n, err, "jobid")
	paramErrB(t, srv, n, a.CustomerMoment.CancelTask(ctx, ""), "moment_id")
}
