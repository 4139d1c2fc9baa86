package fakewechat

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestWeComSchoolWire checks the batch answers and what the school fakes
// refuse, bypassing the SDK's own checks.
func TestWeComSchoolWire(t *testing.T) {
	s := newFixed(t)
	tok := wecomTokenF(t, s)
	post := func(path string, body any) answer {
		return call(t, s, "POST", WeComPrefix+"/cgi-bin/school/"+path+"?access_token="+tok, body)
	}
	get := func(path string) answer {
		return call(t, s, "GET", WeComPrefix+"/cgi-bin/school/"+path+"&access_token="+tok, nil)
	}
	a := post("department/create", M{"name": "一年级", "parentid": 1, "type": 2})
	if a.errcode() != 0 || a.num("id") != 2 {
		t.Fatalf("grade: %s", a.raw)
	}
	if a := post("department/create", M{"name": "一班", "parentid": 2, "type": 1, "id": 7}); a.num("id") != 7 {
		t.Fatalf("class: %s", a.raw)
	}
	wantErr(t, post("department/create", M{"name": "x", "parentid": 9, "type": 3}), CodeWeComPartyNotFound, "parent department not found")
	wantErr(t, post("department/create", M{"name": "x", "parentid": 1, "type": 3, "id": 1}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("department/create", M{"name": strings.Repeat("班", 33), "parentid": 1, "type": 3}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("department/create", M{"name": "x", "parentid": 1, "type": 2, "register_year": 2101}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("department/create", M{"name": "x", "parentid": 2, "type": 1,
		"department_admins": []M{{"userid": "u", "type": 2}}}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("department/create", M{"name": "x", "parentid": 2, "type": 1,
		"department_admins": []M{{"userid": "u", "type": 3, "subject": strings.Repeat("语", 16)}}}), wcCodeInvalidParameter, "invalid Parameter")

	// A batch answers the failed items, the first one's errcode on top.
	a = post("user/batch_create_student", M{"students": []M{
		{"student_userid": "zhangsan", "name": "张三", "department": []int{7}},
		{"student_userid": "lisi", "name": "李四", "department": []int{8}},
		{"student_userid": "ZHANGSAN", "name": "张三", "department": []int{7}}}})
	var got struct {
		Errcode    int    `json:"errcode"`
		Errmsg     string `json:"errmsg"`
		ResultList []M    `json:"result_list"`
	}
	if err := json.Unmarshal(a.raw, &got); err != nil || got.Errcode != CodeWeComPartyNotFound || len(got.ResultList) != 2 ||
		got.ResultList[0]["student_userid"] != "lisi" || got.ResultList[1]["errcode"] != float64(CodeWeComUserIDExists) {
		t.Fatalf("batch: %s", a.raw)
	}
	if a := post("user/batch_create_student", M{"students": []M{{"student_userid": "wangwu", "name": "王五", "department": []int{7}}}}); a.errcode() != 0 {
		t.Fatalf("batch ok: %s", a.raw)
	}
	// Over a limit, the whole request is refused.
	wantErr(t, post("user/batch_create_student", M{"students": []M{{"student_userid": "a", "name": "a", "department": []int{7}},
		{"student_userid": "b", "name": strings.Repeat("名", 33), "department": []int{7}}}}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("user/batch_delete_student", M{"useridlist": make([]string, 101)}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("user/batch_delete_student", M{"useridlist": []string{}}), wcCodeInvalidParameter, "invalid Parameter")
	kids := make([]M, 11)
	for i := range kids {
		kids[i] = M{"student_userid": "zhangsan", "relation": "爸爸"}
	}
	wantErr(t, post("user/create_parent", M{"parent_userid": "p", "mobile": "1", "children": kids}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("user/create_parent", M{"parent_userid": "p", "children": kids[:1]}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("user/create_parent", M{"parent_userid": "p", "mobile": "1",
		"children": []M{{"student_userid": "zhangsan", "relation": strings.Repeat("a", 33)}}}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("user/create_student", M{"student_userid": "a b", "name": "x", "department": []int{7}}), CodeWeComInvalidUserID, "invalid userid")
	wantErr(t, post("user/create_student", M{"student_userid": strings.Repeat("a", 65), "name": "x", "department": []int{7}}), CodeWeComInvalidUserID, "invalid userid")
	if a := post("user/create_parent", M{"parent_userid": "p", "mobile": "1", "children": kids[:1]}); a.errcode() != 0 {
		t.Fatalf("parent: %s", a.raw)
	}
	a = post("user/batch_delete_student", M{"useridlist": []string{"wangwu", "zhangsan"}})
	if a.errcode() != wcCodeInvalidParameter || !strings.Contains(string(a.raw), `"result_list":[{"errcode":40058,"errmsg":"invalid Parameter: student zhangsan still has parents","student_userid":"zhangsan"}]`) {
		t.Fatalf("batch delete: %s", a.raw)
	}
	a = get("user/get?userid=p")
	if a.num("user_type") != 2 {
		t.Fatalf("get: %s", a.raw)
	}
	wantErr(t, get("user/list?department_id=x"), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, get("user/list_parent?department_id=99"), CodeWeComPartyNotFound, "")
	wantErr(t, get("department/delete?id=1"), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("department/update", M{"id": 2, "parentid": 7}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("department/update", M{"id": 7, "new_id": 2}), CodeWeComPartyExists, "department existed")

	wantErr(t, post("set_arch_sync_mode", M{"arch_sync_mode": 0}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("set_upgrade_info", M{"upgrade_time": "x"}), wcCodeInvalidParameter, "invalid Parameter")
	// upgrade_time 0 is January 1: the next one after the fake's clock.
	if a := post("set_upgrade_info", M{}); a.num("next_upgrade_time") != int(nextUpgrade(0, t0)) || nextUpgrade(0, t0) <= t0.Unix() {
		t.Fatalf("upgrade: %s", a.raw)
	}
	// The docs' example: set on 2020-07-07, the next upgrade is 2021-07-07 00:00 China time.
	if got := nextUpgrade(1594090969, time.Unix(1594090969, 0)); got != 1625587200 {
		t.Errorf("next upgrade %d", got)
	}
	if a := post("set_upgrade_info", M{"upgrade_switch": -1}); a.errcode() != 0 {
		t.Fatalf("switch -1: %s", a.raw)
	}
	if _, _, on := s.WeComSchoolSettings(DefaultCorpID); on {
		t.Error("upgrade_switch -1 turned upgrades on")
	}
	// A standard grade needs no name and answers no register_year unless given.
	if a := post("department/create", M{"parentid": 1, "type": 2, "standard_grade": 3, "id": 30}); a.errcode() != 0 {
		t.Fatalf("standard grade: %s", a.raw)
	}
	a = get("department/list?id=30")
	if l, _ := a.m["departments"].([]any); len(l) != 1 || l[0].(map[string]any)["standard_grade"] != float64(3) || l[0].(map[string]any)["register_year"] != nil {
		t.Fatalf("list: %s", a.raw)
	}
	// A parent is renamed once.
	if a := post("user/update_parent", M{"parent_userid": "p", "new_parent_userid": "p_new"}); a.errcode() != 0 {
		t.Fatalf("rename: %s", a.raw)
	}
	wantErr(t, post("user/update_parent", M{"parent_userid": "p_new", "new_parent_userid": "p3"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("user/update_parent", M{"parent_userid": "p_new", "new_parent_userid": "bad id"}), CodeWeComInvalidUserID, "invalid userid")
	wantErr(t, get("agent/get_allow_scope?agentid=1"), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, get("getuserinfo?code=nope"), CodeWeComInvalidCode, "")
	wantErr(t, post("living/get_watch_stat", M{"livingid": "l"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("living/get_watch_stat_v2", M{"livingid": "l", "next_cursor": "9"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("get_trade", M{"payment_id": "p"}), wcCodeInvalidParameter, "invalid Parameter")
}
