package fakewechat

import (
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
)

// WeCom documents (文档管理): wedoc/create_doc, rename_doc, del_doc,
// get_doc_base_info, doc_share and the permission endpoints doc_get_auth,
// mod_doc_join_rule and mod_doc_member keep the documents per corp. See the
// package doc for the rules.

const (
	wcMaxDocName    = 255 // doc_name and new_name are truncated past it
	wcMaxDocMembers = 100 // per list of mod_doc_member
	wcDocAuthAdmin  = 7
	wcDocSmartSheet = 10 // the only doc_type that takes auth 2 (read-write)
)

type wecomDocs struct {
	mu   sync.Mutex
	seq  int
	docs map[string]M // docid → doc_base_info plus admin_users, spaceid, fatherid
}

func init() { builtin = append(builtin, registerWeComDoc) }

// wcTruncate cuts s to max units, a character counting width (1, or 2 for
// a non-ASCII one when wide).
func wcTruncate(s string, max int, wide bool) string {
	n := 0
	for i, c := range s {
		w := 1
		if wide && c >= utf8.RuneSelf {
			w = 2
		}
		if n+w > max {
			return s[:i]
		}
		n += w
	}
	return s
}

// checkDocAuth answers 40058 unless auth is 1, 2 (smart sheets only) or, when
// admin, 7.
func checkDocAuth(doc M, auth any, admin bool) *Error {
	a, ok := auth.(float64)
	switch {
	case ok && a == 1, ok && a == 2 && wcInt(doc, "doc_type") == wcDocSmartSheet, ok && admin && a == wcDocAuthAdmin:
		return nil
	}
	return Errorf(wcCodeInvalidParameter, "invalid Parameter: auth")
}

func sameDocMember(a, b M) bool {
	if u := wcStr(a, "userid"); u != "" {
		return u == wcStr(b, "userid")
	}
	return wcStr(a, "tmp_external_userid") == wcStr(b, "tmp_external_userid")
}

// docMembers checks a list of mod_doc_member.
func docMembers(doc M, in M, key string, auth bool) ([]M, *Error) {
	list := asList(in[key])
	if len(list) > wcMaxDocMembers {
		return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: %s over %d", key, wcMaxDocMembers)
	}
	out := make([]M, 0, len(list))
	for _, v := range list {
		m, ok := v.(M)
		if !ok || wcInt(m, "type") != 1 || (wcStr(m, "userid") == "") == (wcStr(m, "tmp_external_userid") == "") {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: %s", key)
		}
		if auth {
			if e := checkDocAuth(doc, m["auth"], true); e != nil {
				return nil, e
			}
		}
		out = append(out, m)
	}
	return out, nil
}

// doc returns the document named by docid or formid (exactly one; the fake
// keeps no collection forms, so a formid is never found).
func (d *wecomDocs) doc(in M, formOK bool) (M, *Error) {
	id, form := wcStr(in, "docid"), wcStr(in, "formid")
	switch {
	case id == "" && (!formOK || form == ""):
		return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: docid missing")
	case id != "" && form != "":
		return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: only one of docid and formid")
	}
	doc, ok := d.docs[id]
	if !ok {
		return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: doc not found")
	}
	return doc, nil
}

func docBaseInfoJSON(doc M) M {
	out := M{}
	for _, k := range []string{"docid", "doc_name", "create_time", "modify_time", "doc_type"} {
		out[k] = doc[k]
	}
	return out
}

func registerWeComDoc(s *Server) {
	h := func(path string, fn func(r *Request, d *wecomDocs, in M) (any, error)) {
		s.HandleJSON(WeComPath("POST /cgi-bin/wedoc/"+path), func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			d := Value(wecomCorpState(r), "wedoc", func() *wecomDocs { return &wecomDocs{docs: map[string]M{}} })
			d.mu.Lock()
			defer d.mu.Unlock()
			return fn(r, d, in)
		})
	}
	// https://developer.work.weixin.qq.com/document/path/97460
	h("create_doc", func(r *Request, d *wecomDocs, in M) (any, error) {
		t := wcInt(in, "doc_type")
		if t != 3 && t != 4 && t != 10 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: doc_type")
		}
		if wcStr(in, "spaceid") != "" && wcStr(in, "fatherid") == "" {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: fatherid missing")
		}
		d.seq++
		id := "dc" + strconv.Itoa(d.seq) + "_wedoc"
		now := r.Now().Unix()
		members := []M{}
		for _, u := range wcStrs(in, "admin_users") {
			members = append(members, M{"type": 1, "userid": u, "auth": wcDocAuthAdmin})
		}
		d.docs[id] = M{"docid": id, "doc_name": wcTruncate(wcStr(in, "doc_name"), wcMaxDocName, false), "create_time": now,
			"modify_time": now, "doc_type": t, "spaceid": in["spaceid"], "fatherid": in["fatherid"],
			// the permissions start as the docs' doc_get_auth example
			"access_rule": M{"enable_corp_internal": true, "corp_internal_auth": 1, "enable_corp_external": true, "corp_external_auth": 1,
				"corp_internal_approve_only_by_admin": true, "corp_external_approve_only_by_admin": true, "ban_share_external": false},
			"secure_setting": M{"enable_readonly_copy": false, "watermark": M{"margin_type": 2, "show_visitor_name": false, "show_text": false, "text": ""},
				"enable_readonly_comment": false},
			"doc_member_list": members, "co_auth_list": []M{}}
		return OK(M{"url": "https://doc.weixin.qq.com/doc/" + id, "docid": id}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97736
	h("rename_doc", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, true)
		if e != nil {
			return nil, e
		}
		if e := wcNeed(in, "new_name"); e != nil {
			return nil, e
		}
		doc["doc_name"], doc["modify_time"] = wcTruncate(wcStr(in, "new_name"), wcMaxDocName, true), r.Now().Unix()
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/97735
	h("del_doc", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, true)
		if e != nil {
			return nil, e
		}
		delete(d.docs, wcStr(doc, "docid"))
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/97734
	h("get_doc_base_info", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, false)
		if e != nil {
			return nil, e
		}
		return OK(M{"doc_base_info": docBaseInfoJSON(doc)}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97733
	h("doc_share", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, true)
		if e != nil {
			return nil, e
		}
		return OK(M{"share_url": "https://doc.weixin.qq.com/s/" + wcStr(doc, "docid")}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97465
	h("doc_get_auth", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, false)
		if e != nil {
			return nil, e
		}
		return OK(wcClone(M{"access_rule": doc["access_rule"], "secure_setting": doc["secure_setting"],
			"doc_member_list": doc["doc_member_list"], "co_auth_list": doc["co_auth_list"]})), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97804
	h("mod_doc_join_rule", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, false)
		if e != nil {
			return nil, e
		}
		rule := wcClone(doc["access_rule"].(M))
		for _, k := range []string{"enable_corp_internal", "enable_corp_external", "corp_internal_approve_only_by_admin",
			"corp_external_approve_only_by_admin", "ban_share_external"} {
			if v, ok := in[k]; ok {
				if _, isBool := v.(bool); !isBool {
					return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: %s", k)
				}
				rule[k] = v
			}
		}
		for _, k := range []string{"corp_internal_auth", "corp_external_auth"} {
			if v, ok := in[k]; ok {
				if e := checkDocAuth(doc, v, false); e != nil {
					return nil, e
				}
				rule[k] = v
			}
		}
		if rule["enable_corp_internal"] == false && rule["corp_internal_approve_only_by_admin"] == false {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: corp_internal_approve_only_by_admin must be true")
		}
		if rule["enable_corp_external"] == false && rule["ban_share_external"] == false && rule["corp_external_approve_only_by_admin"] == false {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: corp_external_approve_only_by_admin must be true")
		}
		if in["corp_internal_approve_only_by_admin"] == true || in["corp_external_approve_only_by_admin"] == true {
			if !slices.ContainsFunc(doc["doc_member_list"].([]M), func(m M) bool { return wcInt(m, "auth") == wcDocAuthAdmin }) {
				return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: the doc has no admin")
			}
		}
		co := doc["co_auth_list"]
		if in["update_co_auth_list"] == true {
			list := []M{}
			for _, v := range asList(in["co_auth_list"]) {
				m, ok := v.(M)
				if !ok || wcInt(m, "type") != 2 || wcInt(m, "departmentid") <= 0 {
					return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: co_auth_list")
				}
				if e := checkDocAuth(doc, m["auth"], false); e != nil {
					return nil, e
				}
				list = append(list, M{"type": 2, "departmentid": m["departmentid"], "auth": m["auth"]})
			}
			co = list
		}
		doc["access_rule"], doc["co_auth_list"] = rule, co
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/97781
	h("mod_doc_member", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, false)
		if e != nil {
			return nil, e
		}
		update, e := docMembers(doc, in, "update_file_member_list", true)
		if e != nil {
			return nil, e
		}
		del, e := docMembers(doc, in, "del_file_member_list", false)
		if e != nil {
			return nil, e
		}
		members := slices.Clone(doc["doc_member_list"].([]M))
		for _, m := range update {
			m = M{"type": 1, "userid": m["userid"], "tmp_external_userid": m["tmp_external_userid"], "auth": m["auth"]}
			for k, v := range m {
				if v == nil {
					delete(m, k)
				}
			}
			if i := slices.IndexFunc(members, func(x M) bool { return sameDocMember(x, m) }); i >= 0 {
				members[i] = m
			} else {
				members = append(members, m)
			}
		}
		for _, m := range del {
			members = slices.DeleteFunc(members, func(x M) bool { return sameDocMember(x, m) })
		}
		doc["doc_member_list"] = members
		return nil, nil
	})
}
