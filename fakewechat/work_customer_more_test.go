package fakewechat

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// The customer-contact fakes refuse what WeCom refuses, also for bodies a
// client did not check first.
func TestWeComCustomerMoreRules(t *testing.T) {
	s := NewTestServer(t)
	s.AddWeComGroupChat(DefaultCorpID, WeComGroupChat{ChatID: "wrA", Owner: "zhangsan"})
	q := "?" + url.Values{"access_token": {wecomTokenF(t, s)}}.Encode()
	post := func(path, body string) answer {
		return call(t, s, "POST", WeComPrefix+"/cgi-bin/externalcontact/"+path+q, body)
	}
	words := `["` + strings.Repeat(`w","`, 300) + `w"]`
	for _, c := range []struct {
		path, body, msg string
		code            int
	}{
		{"customer_acquisition/create_link", `{"link_name":"` + strings.Repeat("名", 31) + `","range":{"user_list":["a"]}}`, "link_name", 40058},
		{"customer_acquisition/create_link", `{"link_name":"n","range":{}}`, "range", 40058},
		{"customer_acquisition/get", `{"link_id":"nope"}`, "link_id", 40058},
		{"customer_acquisition/create_link", `{"link_name":"n","range":{"user_list":["a"]},"priority_option":{"priority_type":3}}`, "priority_option", 40058},
		{"add_moment_task", `{"text":{"content":"` + strings.Repeat("字", 2001) + `"}}`, "invalid text size", 40058},
		{"add_moment_task", `{"attachments":[{"msgtype":"video","video":{"media_id":"v"}},{"msgtype":"video","video":{"media_id":"v"}}]}`, "invalid attachments size", 40058},
		{"add_moment_task", `{"attachments":[{"msgtype":"image","image":{"media_id":"i"}},{"msgtype":"link","link":{"url":"u","media_id":"m"}}]}`, "invalid attachments msgtype", 40058},
		{"add_moment_task", `{"attachments":[{"msgtype":"link","link":{"url":"u"}}]}`, "invalid msg", 40058},
		{"add_moment_task", `{}`, "empty", 40058},
		{"add_intercept_rule", `{"rule_name":"r","word_list":` + words + `,"intercept_type":1,"applicable_range":{"user_list":["a"]}}`, "word_list", 40058},
		{"add_intercept_rule", `{"rule_name":"r","word_list":["` + strings.Repeat("词", 33) + `"],"intercept_type":1,"applicable_range":{"user_list":["a"]}}`, "word", 40058},
		{"add_intercept_rule", `{"rule_name":"` + strings.Repeat("r", 21) + `","word_list":["w"],"intercept_type":1,"applicable_range":{"user_list":["a"]}}`, "rule_name", 40058},
		{"add_intercept_rule", `{"rule_name":"r","word_list":["w"],"semantics_list":[4],"intercept_type":1,"applicable_range":{"user_list":["a"]}}`, "semantics", 40058},
		{"add_intercept_rule", `{"rule_name":"r","word_list":["w"],"intercept_type":3,"applicable_range":{"user_list":["a"]}}`, "intercept_type", 40058},
		{"add_intercept_rule", `{"rule_name":"r","word_list":["w"],"intercept_type":1,"applicable_range":{}}`, "applicable_range", 40058},
		{"add_product_album", `{"description":"d","price":5000001,"attachments":[{"type":"image","image":{"media_id":"m"}}]}`, "price", 40058},
		{"add_product_album", `{"description":"d","price":1,"product_sn":"a-b","attachments":[{"type":"image","image":{"media_id":"m"}}]}`, "product_sn", 40058},
		{"add_product_album", `{"description":"d","price":1,"attachments":[{"type":"video"}]}`, "attachments", 40058},
		{"add_product_album", `{"description":"d","attachments":[{"type":"image","image":{"media_id":"m"}}]}`, "price", 40058},
		{"groupchat/add_join_way", `{"scene":2,"chat_id_list":["wrNope"]}`, "", 40050},
		{"groupchat/add_join_way", `{"scene":3,"chat_id_list":["wrA"]}`, "scene", 40058},
		{"groupchat/add_join_way", `{"scene":2,"chat_id_list":["wrA"],"state":"` + strings.Repeat("s", 31) + `"}`, "state", 40058},
		{"groupchat/add_join_way", `{"scene":2,"chat_id_list":["wrA"],"auto_create_room":2}`, "auto_create_room", 40058},
	} {
		a := post(c.path, c.body)
		if a.errcode() != c.code || !strings.Contains(a.str("errmsg"), c.msg) {
			t.Errorf("%s %.80s: %s", c.path, c.body, a.raw)
		}
	}
	// a rule's range holds at most 10000 members
	a := post("add_intercept_rule", `{"rule_name":"r","word_list":["w"],"intercept_type":1,"applicable_range":{"user_list":["a"]}}`)
	id := a.str("rule_id")
	for i := range 10 {
		users := make([]string, 1000)
		for j := range users {
			users[j] = `"u` + strings.Repeat("x", i) + `_` + strconv.Itoa(j) + `"`
		}
		a = post("update_intercept_rule", `{"rule_id":"`+id+`","add_applicable_range":{"user_list":[`+strings.Join(users, ",")+`]}}`)
	}
	if a.errcode() != 40058 || !strings.Contains(a.str("errmsg"), "10000") {
		t.Errorf("10001 members: %s", a.raw)
	}
}
