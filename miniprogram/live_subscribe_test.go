package miniprogram_test

import (
	"fmt"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestLiveSubscribe(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	r, err := c.LiveRoom.Create(ctx, newRoom(t, srv, c, "订阅直播间"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 2005 {
		ids = append(ids, fmt.Sprintf("oFollower%019d", i))
	}
	srv.MPAddLiveFollowers(fakewechat.DefaultAppID, r.RoomID, ids...)
	p, err := c.LiveSubscribe.Followers(ctx, 0, 3)
	if err != nil || len(p.Followers) != 3 || p.PageBreak != 3 || p.Followers[0].OpenID != ids[0] || p.Followers[0].RoomID != r.RoomID {
		t.Fatalf("Followers = %+v, %v", p, err)
	}
	if _, body := last(t, srv, "POST /wxa/business/get_wxa_followers"); asJSON(t, body) != `{"limit":3}` {
		t.Errorf("body = %v", body)
	}
	if _, err := c.LiveSubscribe.Followers(ctx, p.PageBreak, 3); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxa/business/get_wxa_followers"); asJSON(t, body) != `{"limit":3,"page_break":3}` {
		t.Errorf("body = %v", body)
	}
	n := 0
	for f, err := range c.LiveSubscribe.AllFollowers(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if f.OpenID != ids[n] {
			t.Fatalf("follower %d = %s", n, f.OpenID)
		}
		n++
	}
	if n != 2005 {
		t.Fatalf("iterated %d followers", n)
	}
	srv.Inject(fakewechat.Fault{Path: "POST /wxa/business/get_wxa_followers", Errcode: 45009, Times: 1})
	for _, err := range c.LiveSubscribe.AllFollowers(ctx) {
		wantAPIError(t, err, 45009)
	}

	msgID, err := c.LiveSubscribe.PushMessage(ctx, r.RoomID, ids[:2])
	if err != nil || msgID == "" {
		t.Fatalf("PushMessage = %q, %v", msgID, err)
	}
	if _, body := last(t, srv, "POST /wxa/business/push_message"); asJSON(t, body) != `{"room_id":`+asJSON(t, r.RoomID)+`,"user_openid":["`+ids[0]+`","`+ids[1]+`"]}` {
		t.Errorf("body = %v", body)
	}
	if pushes := srv.MPLivePushes(fakewechat.DefaultAppID); len(pushes) != 1 || pushes[0].MessageID != msgID {
		t.Errorf("pushes = %+v", pushes)
	}
	_, err = c.LiveSubscribe.PushMessage(ctx, r.RoomID, []string{"oNotAFollower"})
	wantAPIError(t, err, 40003)

	before := len(srv.Requests())
	_, err = c.LiveSubscribe.Followers(ctx, 0, 2001)
	wantArgError(t, srv, before, err, "limit")
	_, err = c.LiveSubscribe.PushMessage(ctx, r.RoomID, nil)
	wantArgError(t, srv, before, err, "user_openid")
	_, err = c.LiveSubscribe.PushMessage(ctx, 0, ids[:1])
	wantArgError(t, srv, before, err, "roomId")
}
