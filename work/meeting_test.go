package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestMeeting(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	m := &work.Meeting{AdminUserID: "zhangsan", Title: "季度会", MeetingStart: 1700000000, MeetingDuration: 3600, Attendees: &work.MeetingAttendees{UserID: []string{"lisi"}}}
	id, err := a.Meeting.Create(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/meeting/create"); b["agentid"] != float64(1000002) || b["attendees"].(map[string]any)["userid"].([]any)[0] != "lisi" || b["meetingid"] != nil {
		t.Errorf("create body %v", b)
	}
	var ids []string
	ids = append(ids, id)
	for i := range 2 {
		ids = append(ids, mustB[string](t)(a.Meeting.Create(ctx, &work.Meeting{AdminUserID: "lisi", Title: "t", MeetingStart: 1700100000 + int64(i), MeetingDuration: 60})))
	}
	m.MeetingID, m.Title = id, "季度总结会"
	if err := a.Meeting.Update(ctx, m); err != nil {
		t.Fatal(err)
	}
	got := mustB[*work.Meeting](t)(a.Meeting.Get(ctx, id))
	if got.MeetingID != id || got.Title != "季度总结会" || got.CreatorUserID != "zhangsan" || got.Status != 1 || len(got.Attendees.Member) != 1 || got.Attendees.Member[0].UserID != "lisi" {
		t.Errorf("meeting %+v", got)
	}
	p := mustB[*work.MeetingIDPage](t)(a.Meeting.UserMeetingIDs(ctx, &work.MeetingQuery{UserID: "lisi", Limit: 2}))
	if len(p.MeetingIDs) != 2 || p.MeetingIDs[0] != id || p.NextCursor == "" {
		t.Errorf("page %+v", p)
	}
	var all []string
	for mid, err := range a.Meeting.AllUserMeetingIDs(ctx, work.MeetingQuery{UserID: "lisi", Limit: 1, BeginTime: 1700050000}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, mid)
	}
	if len(all) != 2 || all[0] != ids[1] {
		t.Errorf("all %v", all)
	}
	if err := a.Meeting.Cancel(ctx, id); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.Meeting.Cancel(ctx, id), 400015)
	apiCodeB(t, a.Meeting.Update(ctx, m), 400015)
	if got := mustB[*work.Meeting](t)(a.Meeting.Get(ctx, id)); got.Status != 4 {
		t.Errorf("status %d", got.Status)
	}
	_, err = a.Meeting.Get(ctx, "nope")
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.Meeting.Create(ctx, &work.Meeting{Title: "x", MeetingStart: 1, MeetingDuration: 1})
	paramErrB(t, srv, n, err, "admin_userid")
	_, err = a.Meeting.Create(ctx, &work.Meeting{Title: "x"})
	paramErrB(t, srv, n, err, "meeting_start")
	paramErrB(t, srv, n, a.Meeting.Update(ctx, &work.Meeting{Title: "x"}), "meetingid")
	paramErrB(t, srv, n, a.Meeting.Cancel(ctx, ""), "meetingid")
	_, err = a.Meeting.UserMeetingIDs(ctx, &work.MeetingQuery{})
	paramErrB(t, srv, n, err, "userid")
	_, err = a.Meeting.UserMeetingIDs(ctx, &work.MeetingQuery{UserID: "a", Limit: 101})
	paramErrB(t, srv, n, err, "limit")
}
