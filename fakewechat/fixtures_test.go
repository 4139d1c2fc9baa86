package fakewechat

import (
	"strings"
	"testing"
)

func TestOpenIDRuleIsShared(t *testing.T) {
	s := newFixed(t)
	good := "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
	for _, bad := range []string{"", "o1", good + "x", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6!"} {
		if ValidOpenID(bad) {
			t.Errorf("ValidOpenID(%q) = true", bad)
		}
		err := s.AddFollowers(DefaultAppID, Follower{OpenID: good}, Follower{OpenID: bad})
		if err == nil || !strings.Contains(err.Error(), "28 characters") {
			t.Errorf("AddFollowers(%q): %v", bad, err)
		}
	}
	tok := mustToken(t, s)
	// Nothing was added by the refused calls.
	if a := call(t, s, "GET", "/cgi-bin/user/get?access_token="+tok, nil); a.num("total") != 0 {
		t.Fatalf("followers added by a refused call: %s", a.raw)
	}
	if err := s.AddFollowers(DefaultAppID, Follower{OpenID: good}); err != nil {
		t.Fatal(err)
	}
	id, err := s.AddTemplate(DefaultAppID, Template{ID: "order_paid"})
	if err != nil || id != "order_paid" {
		t.Fatalf("AddTemplate: %q %v", id, err)
	}
	if _, err := s.AddTemplate(DefaultAppID, Template{ID: "order_paid"}); err == nil {
		t.Fatal("duplicate template accepted")
	}
	if id, err := s.AddTemplate(DefaultAppID, Template{}); err != nil || !ValidTemplateID(id) {
		t.Fatalf("generated id %q %v", id, err)
	}
	// A follower added by AddFollowers passes the send's openid check; a
	// malformed one gets the same 40003 the rule announces.
	send := func(to string) answer {
		return call(t, s, "POST", "/cgi-bin/message/template/send?access_token="+tok, map[string]any{"touser": to, "template_id": "order_paid"})
	}
	if a := send(good); a.errcode() != 0 {
		t.Fatalf("send: %s", a.raw)
	}
	if a := send("o1"); a.errcode() != 40003 {
		t.Fatalf("send to o1: %s", a.raw)
	}
}

func TestParseFixtures(t *testing.T) {
	f, err := ParseFixtures(strings.NewReader(`{"apps":[{"appid":"`+DefaultAppID+`","followers":[{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","language":"en"}],"templates":[{"title":"t"}]}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	s := newFixed(t)
	if err := f.Apply(s); err != nil {
		t.Fatal(err)
	}
	tok := mustToken(t, s)
	if a := call(t, s, "GET", "/cgi-bin/user/info?openid=oUpF8uMuAJO_M2pxb1Q9zNjWeS6o&access_token="+tok, nil); a.str("language") != "en" {
		t.Fatalf("info: %s", a.raw)
	}
	if a := call(t, s, "GET", "/cgi-bin/template/get_all_private_template?access_token="+tok, nil); !strings.Contains(string(a.raw), `"title":"t"`) {
		t.Fatalf("templates: %s", a.raw)
	}
	s.Reset()
	if err := f.Apply(s); err != nil {
		t.Fatalf("Apply after Reset: %v", err)
	}
	for _, bad := range []string{`{"apps":[{"appid":"wxa","secret":"s","followers":[{"openid":"short"}]}]}`, `{"apps":[{}]}`, `{"bogus":1}`, `[]`} {
		if _, err := ParseFixtures(strings.NewReader(bad), ""); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

// FuzzParseFixtures: any input is parsed or refused with an error, and what
// parses applies to a server without panicking.
func FuzzParseFixtures(f *testing.F) {
	f.Add(`{"apps":[{"appid":"wxa","secret":"s","followers":[{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}],"templates":[{"template_id":"t"}],"user_page_size":2}]}`)
	f.Add(`{"merchants":[{"mchid":"1230000109","cert_file":"c.pem"}]}`)
	f.Add(`{"apps":[{"appid":"` + DefaultAppID + `","templates":[{},{}]}]}`)
	f.Add(`{"apps":null}`)
	f.Fuzz(func(t *testing.T, in string) {
		fx, err := ParseFixtures(strings.NewReader(in), "")
		if err != nil {
			return
		}
		s := New(WithMaxRecorded(0))
		_ = fx.Apply(s)
	})
}
