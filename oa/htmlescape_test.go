package oa_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// The fake answers 40033 to a body holding \u0026, \u003c or \u003e, as
// WeChat does: every place that builds JSON itself must send "&<>" as is.
const htmlText = "A&B <b>"

func noEscapes(t *testing.T, srv *fakewechat.Server, pattern string) {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no %s recorded", pattern)
	}
	if bytes.Contains(rr.Body, []byte(`\u00`)) || !bytes.Contains(rr.Body, []byte(htmlText)) {
		t.Errorf("%s body %s: want %q as is", pattern, rr.Body, htmlText)
	}
}

func TestHTMLCharactersSentAsIs(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()

	// Subscribe message data (its own MarshalJSON).
	id, err := c.SubscribeMessage.AddTemplate(ctx, 1001, []int{3, 1}, "")
	if err != nil {
		t.Fatal(err)
	}
	srv.SubscribeUser(fakewechat.DefaultAppID, "oUser1", id)
	msg := &oa.SubscribeMessage{ToUser: "oUser1", TemplateID: id, Data: oa.SubscribeData{"time3": "2026-11-25 18:00", "thing1": htmlText}}
	if err := c.SubscribeMessage.Send(ctx, msg); err != nil {
		t.Fatal(err)
	}
	noEscapes(t, srv, "POST /cgi-bin/message/subscribe/bizsend")

	// The video description nested in a multipart form field.
	if _, err := c.Material.AddVideo(ctx, htmlText, "x<y>&z", "v.mp4", strings.NewReader("video")); err != nil {
		t.Fatal(err)
	}
	fields, _, _ := multipartOf(t, srv, "POST /cgi-bin/material/add_material")
	if want := `{"title":"A&B <b>","introduction":"x<y>&z"}`; fields["description"] != want {
		t.Errorf("description = %s, want %s", fields["description"], want)
	}

	// card/update, built from a re-encoded card object.
	cardID, err := c.Card.Create(ctx, cashCardD(10))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CardManaging.Update(ctx, cardID, &oa.Card{Cash: &oa.Cash{BaseInfo: &oa.CardBaseInfo{Description: htmlText}}}); err != nil {
		t.Fatal(err)
	}
	noEscapes(t, srv, "POST /card/update")
}
