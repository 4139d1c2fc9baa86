package fakewechat

import (
	"slices"
	"strings"
)

func init() { builtin = append(builtin, registerWeComMemberAuth) }

// WeComSelectedTicket is the selectedTicket list_selected_ticket_user
// knows: the seeded members picked by the first, with one member outside
// the app's visible range.
const WeComSelectedTicket = "selectedTicketFAKE"

// wcMemberOpenIDs returns the open_userids (as batch/userid_to_openuserid
// gives them) of the members of the caller's corp, sorted.
func wcMemberOpenIDs(r *Request, d *wecomDir) []string {
	corp, _ := wecomCaller(r)
	ids := make([]string, 0, len(d.users))
	for id := range d.users {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = openID("wo", corp+id)
	}
	return out
}

func registerWeComMemberAuth(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/94513: every
	// member of the corp has authorized the app.
	s.HandleJSON(WeComPath("POST /cgi-bin/user/list_member_auth"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		Cursor string `json:"cursor"`
		Limit  int    `json:"limit"`
	}) (any, error) {
		page, next, e := wcPage(wcMemberOpenIDs(r, d), in.Cursor, in.Limit, 1000, 1000)
		if e != nil {
			return nil, e
		}
		list := make([]M, len(page))
		for i, id := range page {
			list[i] = M{"open_userid": id}
		}
		return OK(M{"next_cursor": next, "member_auth_list": list}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/94514
	s.HandleJSON(WeComPath("POST /cgi-bin/user/check_member_auth"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		OpenUserID string `json:"open_userid"`
	}) (any, error) {
		if in.OpenUserID == "" {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: open_userid missing")
		}
		return OK(M{"is_member_auth": slices.Contains(wcMemberOpenIDs(r, d), in.OpenUserID)}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/94894
	s.HandleJSON(WeComPath("POST /cgi-bin/user/list_selected_ticket_user"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if wcStr(in, "selected_ticket") != WeComSelectedTicket {
			return nil, Errorf(wcCodeInvalidParameter, "invalid selected_ticket")
		}
		corp, _ := wecomCaller(r)
		picked := []string{openID("wo", corp+WeComSeedUser1), openID("wo", corp+WeComSeedUser2)}
		return OK(M{"operator_open_userid": picked[0], "open_userid_list": picked,
			"unauth_open_userid_list": []string{openID("wo", corp+"outsider")}, "total": 3}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/92630: the copy
	// (template_id "open_" + open_template_id) joins the corp's approval
	// templates, for gettemplatedetail and applyevent; a second call
	// updates it. A missing open_template_id answers 301025.
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/approval/copytemplate"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		open := strings.TrimSpace(wcStr(in, "open_template_id"))
		if open == "" {
			return nil, Errorf(301025, "invalid open_template_id")
		}
		id := "open_" + open
		t := wcTab(r, "approval_template")
		t.mu.Lock()
		defer t.mu.Unlock()
		if _, ok := t.items[id]; !ok {
			t.order = append(t.order, id)
		}
		t.items[id] = M{"template_names": []M{{"text": "服务商模板", "lang": "zh_CN"}}, "template_content": M{"controls": []M{}}}
		return OK(M{"template_id": id}), nil
	})
}
