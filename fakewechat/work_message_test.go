package fakewechat

import (
	"net/url"
	"testing"
)

func wecomToken(t *testing.T, s *Server) string {
	t.Helper()
	a := call(t, s, "GET", WeComPrefix+"/cgi-bin/gettoken?"+url.Values{"corpid": {DefaultCorpID}, "corpsecret": {DefaultAgentSecret}}.Encode(), nil)
	tok := a.str("access_token")
	if tok == "" {
		t.Fatalf("no token: %s", a.raw)
	}
	return tok
}

func TestWeComMessageWire(t *testing.T) {
	s := newFixed(t)
	tok := wecomToken(t, s)
	send := func(body any) answer {
		return call(t, s, "POST", WeComPrefix+"/cgi-bin/message/send?access_token="+url.QueryEscape(tok), body)
	}
	a := send(M{"touser": "zhangsan|ghost", "msgtype": "text", "agentid": DefaultAgentID, "text": M{"content": "x"}})
	if a.errcode() != 0 || a.str("invaliduser") != "ghost" || a.str("msgid") == "" {
		t.Fatalf("send: %s", a.raw)
	}
	wantErr(t, send(M{"touser": "zhangsan", "msgtype": "text", "agentid": 1, "text": M{"content": "x"}}), CodeWeComInvalidAgentID, "invalid agentid")
	wantErr(t, send(M{"touser": "ghost", "msgtype": "text", "agentid": DefaultAgentID, "text": M{"content": "x"}}), CodeWeComAllRecipientsBad, "all touser")
	wantErr(t, send(M{"touser": "zhangsan", "msgtype": "news", "agentid": DefaultAgentID, "news": M{"articles": []M{}}}), CodeWeComArticleCountLimit, "article size")
	// The official-account host does not serve WeCom paths.
	if a := call(t, s, "POST", "/cgi-bin/message/send?access_token="+url.QueryEscape(tok), M{}); a.errcode() != CodeInvalidURL {
		t.Fatalf("unprefixed path: %s", a.raw)
	}
	// A message can be recalled once.
	recall := func() answer {
		return call(t, s, "POST", WeComPrefix+"/cgi-bin/message/recall?access_token="+url.QueryEscape(tok), M{"msgid": a.str("msgid")})
	}
	if r := recall(); r.errcode() != 0 {
		t.Fatalf("recall: %s", r.raw)
	}
	wantErr(t, recall(), CodeWeComInvalidMsgID, "invalid msgid")
}
