package miniprogram_test

import (
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestUpdatableMessageFlow(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	a, err := c.UpdatableMessage.CreateActivityID(ctx, "", "oUnion1")
	if err != nil {
		t.Fatal(err)
	}
	if rr, _ := last(t, srv, "GET /cgi-bin/message/wxopen/activityid/create"); rr.Query.Get("unionid") != "oUnion1" || rr.Query.Has("openid") {
		t.Errorf("query = %v", rr.Query)
	}
	acts := srv.MPActivities(fakewechat.DefaultAppID)
	got, ok := acts[a.ActivityID]
	if !ok || got.UnionID != "oUnion1" || got.State != -1 || a.ExpirationTime != got.ExpiresAt.Unix() ||
		got.ExpiresAt.Sub(srv.Now()) > fakewechat.MPActivityTTL || got.ExpiresAt.Sub(srv.Now()) < fakewechat.MPActivityTTL-time.Minute {
		t.Fatalf("activity %+v = %+v (%v)", a, got, ok)
	}

	if err := c.UpdatableMessage.SendNotStarted(ctx, a.ActivityID, 1, 4); err != nil {
		t.Fatal(err)
	}
	if err := c.UpdatableMessage.SendNotStarted(ctx, a.ActivityID, 3, 4); err != nil {
		t.Fatal(err)
	}
	got = srv.MPActivities(fakewechat.DefaultAppID)[a.ActivityID]
	if got.State != 0 || got.Params["member_count"] != "3" || got.Params["room_limit"] != "4" || got.Sends != 2 {
		t.Errorf("after state 0: %+v", got)
	}
	if err := c.UpdatableMessage.SendStarted(ctx, a.ActivityID, "?room=9", miniprogram.EnvTrial); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /cgi-bin/message/wxopen/updatablemsg/send"); asJSON(t, body) != `{"activity_id":"`+a.ActivityID+`","target_state":1,"template_info":{"parameter_list":[{"name":"path","value":"?room=9"},{"name":"version_type","value":"trial"}]}}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	got = srv.MPActivities(fakewechat.DefaultAppID)[a.ActivityID]
	if got.State != 1 || got.Params["path"] != "?room=9" || got.Params["version_type"] != "trial" || got.Sends != 3 {
		t.Errorf("after state 1: %+v", got)
	}
	// A started message is final.
	wantAPIError(t, c.UpdatableMessage.SendNotStarted(ctx, a.ActivityID, 4, 4), 40097)
	// Unknown and expired ids.
	wantAPIError(t, c.UpdatableMessage.SendNotStarted(ctx, "966_unknown", 1, 2), 40097)
	b, err := c.UpdatableMessage.CreateActivityID(ctx, "oOpen1", "")
	if err != nil {
		t.Fatal(err)
	}
	srv.Advance(fakewechat.MPActivityTTL + time.Second)
	wantAPIError(t, c.UpdatableMessage.SendNotStarted(ctx, b.ActivityID, 1, 2), 40097)
	// WeChat's own checks: the parameters of the state, string values.
	err = c.Call(ctx, "POST", "/cgi-bin/message/wxopen/updatablemsg/send", nil, map[string]any{"activity_id": b.ActivityID,
		"target_state": 0, "template_info": map[string]any{"parameter_list": []map[string]string{{"name": "member_count", "value": "1"}}}}, nil)
	wantAPIError(t, err, 40097)
	err = c.Call(ctx, "POST", "/cgi-bin/message/wxopen/updatablemsg/send", nil, map[string]any{"activity_id": b.ActivityID,
		"target_state": 0, "template_info": map[string]any{"parameter_list": []map[string]any{{"name": "member_count", "value": 1}, {"name": "room_limit", "value": 2}}}}, nil)
	wantAPIError(t, err, 47001)

	n := len(srv.Requests())
	wantArgError(t, srv, n, c.UpdatableMessage.Send(ctx, "", 0), "activity_id")
	wantArgError(t, srv, n, c.UpdatableMessage.Send(ctx, "a", 0, miniprogram.UpdatableMessageParam{Name: "member_count", Value: "1"}), "room_limit")
	wantArgError(t, srv, n, c.UpdatableMessage.Send(ctx, "a", 1, miniprogram.UpdatableMessageParam{Name: "version_type", Value: "release"}), "path")
	wantArgError(t, srv, n, c.UpdatableMessage.SendStarted(ctx, "a", "", "beta"), "version_type")
}
