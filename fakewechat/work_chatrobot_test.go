package fakewechat

import (
	"net/url"
	"testing"
)

func TestWeComRobotWire(t *testing.T) {
	s := newFixed(t)
	send := func(key string, body any) answer {
		return call(t, s, "POST", WeComPrefix+"/cgi-bin/webhook/send?"+url.Values{"key": {key}}.Encode(), body)
	}
	// No access_token is needed; the key is the credential.
	if a := send(DefaultWeComRobotKey, M{"msgtype": "text", "text": M{"content": "hi"}}); a.errcode() != 0 {
		t.Fatalf("send: %s", a.raw)
	}
	wantErr(t, send("nope", M{"msgtype": "text", "text": M{"content": "hi"}}), CodeWeComRobotInvalidKey, "invalid webhook url")
	wantErr(t, send(DefaultWeComRobotKey, M{"msgtype": "fax"}), CodeWeComInvalidMsgType, "invalid message type")
	wantErr(t, send(DefaultWeComRobotKey, M{"msgtype": "template_card", "template_card": M{"card_type": "button_interaction"}}), CodeWeComEmptyContent, "empty content")
	wantErr(t, send(DefaultWeComRobotKey, "{"), CodeDataFormat, "data format error")
	if got := s.WeComRobotMessages(DefaultWeComRobotKey); len(got) != 1 {
		t.Fatalf("stored %v", got)
	}
	if s.WeComRobotMessages("nope") != nil {
		t.Fatal("unknown robot has messages")
	}
}
