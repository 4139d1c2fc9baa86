package oa_test

import (
	"context"
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestBatchSendsToAllAndTag(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	ids := followersC(srv, 4)

	msg := oa.NewMassText("hello all")
	msg.ClientMsgID = "batch-1"
	res, err := c.BatchSends.SendToAll(ctx, msg)
	if err != nil {
		t.Fatal(err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/message/mass/sendall")
	if jsonA(t, body["filter"]) != `{"is_to_all":true}` || body["msgtype"] != "text" ||
		jsonA(t, body["text"]) != `{"content":"hello all"}` || body["clientmsgid"] != "batch-1" {
		t.Errorf("sendall body = %v", body)
	}
	if res.MsgID == 0 || res.MsgDataID != "" {
		t.Errorf("result = %+v", res)
	}
	_, err = c.BatchSends.SendToAll(ctx, msg)
	apiCodeA(t, err, 45065)

	tag, err := c.UserTag.Create(ctx, "vip")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.UserTag.Tag(ctx, tag.ID, ids[1:3]); err != nil {
		t.Fatal(err)
	}
	news := newsC(t, c, "A", "B")
	nmsg := oa.NewMassNews(news)
	nmsg.SendIgnoreReprint = 1
	res, err = c.BatchSends.SendToTag(ctx, tag.ID, nmsg)
	if err != nil {
		t.Fatal(err)
	}
	_, body = reqA(t, srv, "POST /cgi-bin/message/mass/sendall")
	if jsonA(t, body["filter"]) != jsonA(t, map[string]any{"is_to_all": false, "tag_id": tag.ID}) ||
		body["msgtype"] != "mpnews" || body["send_ignore_reprint"] != float64(1) || jsonA(t, body["mpnews"]) != `{"media_id":"`+news+`"}` {
		t.Errorf("sendall body = %v", body)
	}
	if res.MsgID == 0 || res.MsgDataID == "" {
		t.Errorf("news result = %+v", res)
	}
	sends := srv.MassSends(fakewechat.DefaultAppID)
	if len(sends) != 2 || !slices.Equal(sends[0].Recipients, ids) || !slices.Equal(sends[1].Recipients, ids[1:3]) {
		t.Errorf("recorded sends = %+v", sends)
	}
	_, err = c.BatchSends.SendToTag(ctx, 999, nmsg)
	apiCodeA(t, err, 45159)
	_, err = c.BatchSends.SendToAll(ctx, oa.NewMassVoice("nope"))
	apiCodeA(t, err, 40007)
	_, err = c.BatchSends.SendToAll(ctx, oa.NewMassNews(thumbC(t, c)))
	apiCodeA(t, err, 40007)
}

func TestBatchSendsToUsersAndPreview(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	ids := followersC(srv, 3)
	img := thumbC(t, c) // a thumb is not an image
	_, err := c.BatchSends.SendToUsers(ctx, ids, oa.NewMassImages(img))
	apiCodeA(t, err, 40007)

	res, err := c.BatchSends.SendToUsers(ctx, ids[:2], oa.NewMassCard("card-1"))
	if err != nil {
		t.Fatal(err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/message/mass/send")
	if jsonA(t, body["touser"]) != jsonA(t, ids[:2]) || body["msgtype"] != "wxcard" || jsonA(t, body["wxcard"]) != `{"card_id":"card-1"}` {
		t.Errorf("send body = %v", body)
	}
	if res.MsgID == 0 {
		t.Errorf("result = %+v", res)
	}
	_, err = c.BatchSends.SendToUsers(ctx, []string{ids[0], "oUnknown"}, oa.NewMassText("x"))
	apiCodeA(t, err, 40003)

	msg := oa.NewMassImages("m1", "m2")
	msg.ClientMsgID, msg.SendIgnoreReprint = "x", 1
	_, err = c.BatchSends.Preview(ctx, ids[0], msg)
	apiCodeA(t, err, 40007)
	_, body = reqA(t, srv, "POST /cgi-bin/message/mass/preview")
	if body["touser"] != ids[0] || body["msgtype"] != "image" || jsonA(t, body["image"]) != `{"media_id":"m1"}` ||
		body["images"] != nil || body["clientmsgid"] != nil || body["send_ignore_reprint"] != nil {
		t.Errorf("preview body = %v", body)
	}
	if msg.Images == nil || msg.ClientMsgID != "x" {
		t.Errorf("Preview modified the caller's message: %+v", msg)
	}
	id, err := c.BatchSends.Preview(ctx, ids[0], oa.NewMassText("look"))
	if err != nil || id == 0 {
		t.Fatalf("Preview = %d, %v", id, err)
	}
	if _, err := c.BatchSends.PreviewToWXName(ctx, "my_wechat", oa.NewMassText("look")); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/message/mass/preview"); body["towxname"] != "my_wechat" || body["touser"] != nil {
		t.Errorf("preview body = %v", body)
	}
	_, err = c.BatchSends.Preview(ctx, "oUnknown", oa.NewMassText("x"))
	apiCodeA(t, err, 40003)

	const none = "POST /cgi-bin/message/mass/none"
	_, err = c.BatchSends.SendToUsers(ctx, ids[:1], oa.NewMassText("x"))
	argErrA(t, srv, none, err, "touser")
	_, err = c.BatchSends.SendToUsers(ctx, nil, oa.NewMassText("x"))
	argErrA(t, srv, none, err, "touser")
	_, err = c.BatchSends.SendToAll(ctx, oa.NewMassText(""))
	argErrA(t, srv, none, err, "text")
	_, err = c.BatchSends.SendToAll(ctx, &oa.MassMessage{MsgType: "music"})
	argErrA(t, srv, none, err, "msgtype")
	_, err = c.BatchSends.SendToAll(ctx, nil)
	argErrA(t, srv, none, err, "msg")
	_, err = c.BatchSends.SendToTag(ctx, 0, oa.NewMassText("x"))
	argErrA(t, srv, none, err, "tag_id")
	_, err = c.BatchSends.Preview(ctx, "", oa.NewMassText("x"))
	argErrA(t, srv, none, err, "openid")
	_, err = c.BatchSends.PreviewToWXName(ctx, "", oa.NewMassText("x"))
	argErrA(t, srv, none, err, "towxname")
	_, err = c.BatchSends.SendToAll(ctx, oa.NewMassVideo(""))
	argErrA(t, srv, none, err, "mpvideo")
}

func TestBatchSendsStatusDeleteSpeed(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	followersC(srv, 2)
	newsID := newsC(t, c, "A", "B")
	res, err := c.BatchSends.SendToAll(ctx, oa.NewMassNews(newsID))
	if err != nil {
		t.Fatal(err)
	}
	st, err := c.BatchSends.Status(ctx, res.MsgID)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/message/mass/get"); body["msg_id"] != float64(res.MsgID) {
		t.Errorf("get body = %v", body)
	}
	if st.MsgID != res.MsgID || st.Status != "SEND_SUCCESS" {
		t.Errorf("status = %+v", st)
	}
	if err := c.BatchSends.Delete(ctx, res.MsgID, 1); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/message/mass/delete"); jsonA(t, body) != jsonA(t, map[string]any{"msg_id": res.MsgID, "article_idx": 1}) {
		t.Errorf("delete body = %v", body)
	}
	if st, _ := c.BatchSends.Status(ctx, res.MsgID); st.Status != "SEND_SUCCESS" {
		t.Errorf("status after deleting one of two articles = %+v", st)
	}
	apiCodeA(t, c.BatchSends.Delete(ctx, res.MsgID, 3), 40114)
	apiCodeA(t, c.BatchSends.Delete(ctx, res.MsgID+100, 0), 40097)

	news, err := c.Material.GetNews(ctx, newsID)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.BatchSends.DeleteByURL(ctx, news.NewsItem[1].URL); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/message/mass/delete"); jsonA(t, body) != jsonA(t, map[string]any{"url": news.NewsItem[1].URL}) {
		t.Errorf("delete by url body = %v", body)
	}
	if st, _ := c.BatchSends.Status(ctx, res.MsgID); st.Status != "DELETE" {
		t.Errorf("status after deleting both articles = %+v", st)
	}
	apiCodeA(t, c.BatchSends.DeleteByURL(ctx, "http://example.com/nope"), 40097)
	_, err = c.BatchSends.Status(ctx, 42)
	apiCodeA(t, err, 40097)

	sp, err := c.BatchSends.Speed(ctx)
	if err != nil || sp.Speed != 0 || sp.RealSpeed != 80 {
		t.Fatalf("Speed = %+v, %v", sp, err)
	}
	if err := c.BatchSends.SetSpeed(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/message/mass/speed/set"); jsonA(t, body) != `{"speed":3}` {
		t.Errorf("speed body = %v", body)
	}
	if sp, _ := c.BatchSends.Speed(ctx); sp.Speed != 3 || sp.RealSpeed != 30 {
		t.Errorf("Speed after set = %+v", sp)
	}
	const none = "POST /cgi-bin/message/mass/none"
	argErrA(t, srv, none, c.BatchSends.SetSpeed(ctx, 5), "speed")
	argErrA(t, srv, none, c.BatchSends.Delete(ctx, 0, 0), "msg_id")
	argErrA(t, srv, none, c.BatchSends.Delete(ctx, 1, -1), "article_idx")
	argErrA(t, srv, none, c.BatchSends.DeleteByURL(ctx, ""), "url")
	_, err = c.BatchSends.Status(ctx, 0)
	argErrA(t, srv, none, err, "msg_id")
}
