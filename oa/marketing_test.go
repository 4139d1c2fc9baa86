package oa_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestMarketing(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)

	id, err := c.Marketing.AddUserActionSet(ctx, oa.ActionSetWeb, "shop", "web shop")
	if err != nil || id == 0 {
		t.Fatalf("AddUserActionSet = %d, %v", id, err)
	}
	if rr, body := reqA(t, srv, "POST /marketing/user_action_sets/add"); rr.Query.Get("version") != "v1.0" || body["type"] != "WEB" || body["name"] != "shop" {
		t.Errorf("user_action_sets/add %v %v", rr.Query, body)
	}
	_, err = c.Marketing.AddUserActionSet(ctx, oa.ActionSetWeb, "shop", "")
	apiCodeA(t, err, 40097)
	_, err = c.Marketing.AddUserActionSet(ctx, "TV", "x", "")
	argErrA(t, srv, "POST /none", err, "type")

	set, err := c.Marketing.UserActionSet(ctx, id)
	if err != nil || set.ID != id || set.Name != "shop" || set.ActivateStatus || set.CreatedTime == "" {
		t.Fatalf("UserActionSet = %+v, %v", set, err)
	}
	a := oa.UserAction{UserActionSetID: id, URL: "https://shop.example.com/?a=1&b=2", ActionTime: 1700000000, ActionType: "COMPLETE_ORDER",
		ActionParam: map[string]any{"value": 100}}
	a.Trace.ClickID = "wx0ct2ut4y7r3yso00"
	if err := c.Marketing.AddUserActions(ctx, []oa.UserAction{a, a}); err != nil {
		t.Fatal(err)
	}
	if n := srv.ReportedUserActions(fakewechat.DefaultAppID, id); n != 2 {
		t.Errorf("reported = %d", n)
	}
	if set, _ := c.Marketing.UserActionSet(ctx, id); !set.ActivateStatus {
		t.Error("set not activated by actions")
	}
	a.Trace.ClickID = ""
	argErrA(t, srv, "POST /none", c.Marketing.AddUserActions(ctx, []oa.UserAction{a}), "actions")
	argErrA(t, srv, "POST /none", c.Marketing.AddUserActions(ctx, nil), "actions")
	a.Trace.ClickID, a.UserActionSetID = "x", 42
	apiCodeA(t, c.Marketing.AddUserActions(ctx, []oa.UserAction{a}), 40097)
}
