package miniprogram_test

import (
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestRiskControlAndUpdatableMessage(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	a, err := c.UpdatableMessage.CreateActivityID(ctx, "oUser", "")
	if err != nil || a.ActivityID == "" || a.ExpirationTime == 0 {
		t.Fatalf("CreateActivityID = %+v, %v", a, err)
	}
	if err := c.UpdatableMessage.Send(ctx, a.ActivityID, 0, miniprogram.UpdatableMessageParam{Name: "member_count", Value: "2"}, miniprogram.UpdatableMessageParam{Name: "room_limit", Value: "5"}); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /cgi-bin/message/wxopen/updatablemsg/send"); asJSON(t, body) != `{"activity_id":"`+a.ActivityID+`","target_state":0,"template_info":{"parameter_list":[{"name":"member_count","value":"2"},{"name":"room_limit","value":"5"}]}}` {
		t.Errorf("body = %v", body)
	}
	r, err := c.RiskControl.UserRiskRank(ctx, &miniprogram.RiskRankRequest{AppID: fakewechat.DefaultAppID, OpenID: "oUser", Scene: 1, ClientIP: "1.1.1.1"})
	if err != nil || r.UnoinID != 123456 {
		t.Fatalf("UserRiskRank = %+v, %v", r, err)
	}
	if ok, err := c.RiskControl.VerifySoterSignature(ctx, "oUser", `{"raw":"msg"}`, "sig"); err != nil || !ok {
		t.Fatalf("VerifySoterSignature = %v, %v", ok, err)
	}
	n := len(srv.Requests())
	_, err = c.UpdatableMessage.CreateActivityID(ctx, "", "")
	wantArgError(t, srv, n, err, "openid")
	wantArgError(t, srv, n, c.UpdatableMessage.Send(ctx, "a", 2), "target_state")
	_, err = c.RiskControl.UserRiskRank(ctx, &miniprogram.RiskRankRequest{AppID: "a", OpenID: "o"})
	wantArgError(t, srv, n, err, "client_ip")
	if err := c.Call(ctx, "GET", "/cgi-bin/message/wxopen/activityid/create", nil, nil, nil); err == nil {
		t.Fatal("fake accepted an activity without user")
	}
}
