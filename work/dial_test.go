package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestDialRecords(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t, fakewechat.WithClock(frozenClock))
	now := srv.Now().Unix()
	recs, err := a.Dial.Records(ctx, 0, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].CallType != 1 || recs[0].Caller.UserID != fakewechat.WeComSeedUser1 || recs[0].Callee[0].Phone != "138000800" ||
		len(recs[1].Callee) != 2 || recs[1].Callee[1].UserID != fakewechat.WeComSeedUser2 || recs[1].TotalDuration != 20 {
		t.Errorf("records %+v", recs)
	}
	if b := rawB(t, srv, "POST /cgi-bin/dial/get_dial_record"); b != `{"offset":0}` {
		t.Errorf("default body %s", b)
	}
	recs, err = a.Dial.Records(ctx, now-86400-60, now, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].CallType != 2 {
		t.Errorf("last day %+v", recs)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/dial/get_dial_record"); b["start_time"] != float64(now-86400-60) || b["limit"] != float64(1) {
		t.Errorf("body %v", b)
	}
	n := len(srv.Requests())
	_, err = a.Dial.Records(ctx, now, now-1, 0, 0)
	paramErrB(t, srv, n, err, "end_time")
	_, err = a.Dial.Records(ctx, 0, 0, -1, 0)
	paramErrB(t, srv, n, err, "offset")
}
