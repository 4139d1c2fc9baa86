package fakewechat

import (
	"strings"
	"testing"
)

// TestWeComDocWire checks what the document fakes refuse, bypassing the
// SDK's own checks.
func TestWeComDocWire(t *testing.T) {
	s := newFixed(t)
	tok := wecomTokenF(t, s)
	post := func(path string, body any) answer {
		return call(t, s, "POST", WeComPrefix+"/cgi-bin/wedoc/"+path+"?access_token="+tok, body)
	}
	wantErr(t, post("create_doc", M{"doc_type": 5, "doc_name": "x"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("create_doc", M{"doc_name": "x"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("create_doc", M{"doc_type": 3, "spaceid": "s"}), wcCodeInvalidParameter, "invalid Parameter")
	a := post("create_doc", M{"doc_type": 10, "doc_name": strings.Repeat("a", 300)})
	id := a.str("docid")
	if a.errcode() != 0 || id == "" || a.str("url") == "" {
		t.Fatalf("create: %s", a.raw)
	}
	a = post("get_doc_base_info", M{"docid": id})
	info, _ := a.m["doc_base_info"].(map[string]any)
	if name, _ := info["doc_name"].(string); len(name) != wcMaxDocName || info["doc_type"] != float64(10) || info["create_time"] != float64(t0.Unix()) {
		t.Fatalf("base info: %s", a.raw)
	}
	wantErr(t, post("rename_doc", M{"docid": id}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("rename_doc", M{"docid": id, "formid": "f", "new_name": "n"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("del_doc", M{}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("get_doc_base_info", M{"formid": "f"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("doc_share", M{"docid": "nope"}), wcCodeInvalidParameter, "invalid Parameter")
	// Renaming truncates to 255 with a non-ASCII character counting 2.
	if a := post("rename_doc", M{"docid": id, "new_name": "a" + strings.Repeat("文", 200)}); a.errcode() != 0 {
		t.Fatalf("rename: %s", a.raw)
	}
	a = post("get_doc_base_info", M{"docid": id})
	info, _ = a.m["doc_base_info"].(map[string]any)
	if info["doc_name"] != "a"+strings.Repeat("文", 127) {
		t.Fatalf("renamed: %s", a.raw)
	}
	if got := wcTruncate("ab文", 3, true); got != "ab" {
		t.Errorf("wcTruncate = %q", got)
	}

	// Permissions, bypassing the SDK's checks.
	wantErr(t, post("doc_get_auth", M{"docid": "nope"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("mod_doc_join_rule", M{"docid": id, "ban_share_external": "yes"}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("mod_doc_join_rule", M{"docid": id, "corp_external_auth": 7}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("mod_doc_join_rule", M{"docid": id, "update_co_auth_list": true, "co_auth_list": []M{{"type": 2, "auth": 1}}}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("mod_doc_join_rule", M{"docid": id, "enable_corp_external": false, "ban_share_external": false, "corp_external_approve_only_by_admin": false}), wcCodeInvalidParameter, "invalid Parameter")
	many := make([]M, wcMaxDocMembers+1)
	for i := range many {
		many[i] = M{"type": 1, "userid": "u" + strings.Repeat("x", i), "auth": 1}
	}
	wantErr(t, post("mod_doc_member", M{"docid": id, "update_file_member_list": many}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("mod_doc_member", M{"docid": id, "update_file_member_list": []M{{"type": 1, "userid": "u"}}}), wcCodeInvalidParameter, "invalid Parameter")
	wantErr(t, post("mod_doc_member", M{"docid": id, "del_file_member_list": []M{{"type": 2, "userid": "u"}}}), wcCodeInvalidParameter, "invalid Parameter")
	if a := post("mod_doc_member", M{"docid": id, "update_file_member_list": many[:wcMaxDocMembers]}); a.errcode() != 0 {
		t.Fatalf("100 members: %s", a.raw)
	}
	a = post("doc_get_auth", M{"docid": id})
	if l, _ := a.m["doc_member_list"].([]any); len(l) != wcMaxDocMembers {
		t.Fatalf("members: %d", len(l))
	}
	if _, ok := a.m["access_rule"].(map[string]any); !ok {
		t.Fatalf("auth: %s", a.raw)
	}
}
