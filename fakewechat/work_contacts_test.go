package fakewechat

import (
	"encoding/json"
	"net/url"
	"testing"
)

// FuzzWeComHandlers posts arbitrary bodies to the WeCom fakes: each must
// answer a JSON document, never fail.
func FuzzWeComHandlers(f *testing.F) {
	paths := []string{
		"/cgi-bin/message/send", "/cgi-bin/message/update_template_card", "/cgi-bin/user/create", "/cgi-bin/user/update",
		"/cgi-bin/department/create", "/cgi-bin/department/update", "/cgi-bin/tag/addtagusers", "/cgi-bin/user/list_id",
		"/cgi-bin/appchat/create", "/cgi-bin/appchat/send", "/cgi-bin/agent/set_workbench_template", "/cgi-bin/kf/send_msg",
		"/cgi-bin/kf/sync_msg", "/cgi-bin/webhook/send",
	}
	seeds := []string{
		`{"touser":"zhangsan","msgtype":"text","agentid":1000002,"text":{"content":"x"}}`,
		`{"userid":"u","name":"n","department":[1,"2",null],"mobile":"1"}`,
		`{"id":"x","parentid":1e30,"name":5}`,
		`{"tagid":1,"userlist":["zhangsan"],"partylist":[1]}`,
		`{"cursor":"c-1","limit":-5}`,
		`{"userlist":["zhangsan","lisi"],"chatid":"a b"}`,
		`{"msgtype":"image","image":{"base64":"!!","md5":"x"}}`,
		`{"type":"keydata","keydata":{"items":{}}}`,
		`null`, `[]`, `{`, ``,
	}
	for i, s := range seeds {
		f.Add(uint8(i), s)
	}
	s := NewTestServer(f)
	tok := wecomTokenF(f, s)
	f.Fuzz(func(t *testing.T, which uint8, body string) {
		p := paths[int(which)%len(paths)]
		q := url.Values{"access_token": {tok}, "key": {DefaultWeComRobotKey}}
		a := call(t, s, "POST", WeComPrefix+p+"?"+q.Encode(), body)
		var m map[string]any
		if err := json.Unmarshal(a.raw, &m); err != nil || a.status != 200 {
			t.Fatalf("%s %q: HTTP %d %q", p, body, a.status, a.raw)
		}
		if _, ok := m["errcode"]; !ok {
			t.Fatalf("%s %q: no errcode in %s", p, body, a.raw)
		}
	})
}

func wecomTokenF(tb testing.TB, s *Server) string {
	tb.Helper()
	tok, _, err := s.stableToken(WeComAppID(DefaultCorpID, DefaultAgentID), DefaultAgentSecret, false)
	if err != nil {
		tb.Fatal(err)
	}
	return tok
}
