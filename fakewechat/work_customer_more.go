package fakewechat

import (
	"strconv"
	"unicode/utf8"
)

func init() { builtin = append(builtin, registerWeComMomentTask) }

// checkMomentContent applies the rules of add_moment_task to its body.
func checkMomentContent(in M) *Error {
	text, _ := in["text"].(M)
	content := wcStr(text, "content")
	atts, _ := in["attachments"].([]any)
	if content == "" && len(atts) == 0 {
		return Errorf(wcCodeInvalidParameter, "invalid Parameter: text and attachments empty")
	}
	if utf8.RuneCountInString(content) > 2000 {
		return Errorf(wcCodeInvalidParameter, "invalid text size")
	}
	kind := ""
	for _, a := range atts {
		am, _ := a.(M)
		t := wcStr(am, "msgtype")
		if kind != "" && t != kind || t != "image" && t != "video" && t != "link" {
			return Errorf(wcCodeInvalidParameter, "invalid attachments msgtype")
		}
		kind = t
		part, _ := am[t].(M)
		if wcStr(part, "media_id") == "" || t == "link" && (wcStr(part, "url") == "" || len(wcStr(part, "title")) > 64) {
			return Errorf(wcCodeInvalidParameter, "invalid msg")
		}
	}
	if kind == "image" && len(atts) > 9 || kind != "image" && len(atts) > 1 {
		return Errorf(wcCodeInvalidParameter, "invalid attachments size")
	}
	return nil
}

// Publishing tasks of corp moments, https://developer.work.weixin.qq.com/document/path/95094
// and 97612. A task finishes at once: its moment (create_type 0) joins the
// corp's moments with the senders' user_list as members to publish it.
func registerWeComMomentTask(s *Server) {
	s.HandleJSON(WeComPath(ecPath+"add_moment_task"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		if e := checkMomentContent(in); e != nil {
			return nil, e
		}
		rng, _ := in["visible_range"].(M)
		senders, _ := rng["sender_list"].(M)
		ext, _ := rng["external_contact_list"].(M)
		users, tags := wcStrs(senders, "user_list"), wcStrs(ext, "tag_list")
		if len(users) > 100000 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: user_list exceeds 100000")
		}
		invalid := []string{}
		for _, id := range tags {
			if _, t := d.findTag(id); t == nil {
				invalid = append(invalid, id)
			}
		}
		text, _ := in["text"].(M)
		visible := 1
		if len(tags) > 0 {
			visible = 0
		}
		d.seq++
		m := &WeComMoment{MomentID: "momtask" + strconv.Itoa(d.seq), CreateTime: r.Now().Unix(), VisibleType: visible, Text: wcStr(text, "content"), Users: users}
		d.moments = append(d.moments, m)
		job := wcTab(r, "moment_task").insert("jobid", "jobid", M{"moment_id": m.MomentID, "invalid_tags": invalid})
		return OK(M{"jobid": job}), nil
	}))
	s.HandleJSON(WeComPath("GET /cgi-bin/externalcontact/get_moment_task_result"), func(r *Request) (any, error) {
		task, ok := wcTab(r, "moment_task").get(r.Query.Get("jobid"))
		if !ok {
			return nil, Errorf(wcCodeInvalidParameter, "invalid jobid")
		}
		tags, _ := task["invalid_tags"].([]any)
		return OK(M{"status": 3, "type": "add_moment_task", "result": M{"errcode": 0, "errmsg": "ok", "moment_id": task["moment_id"],
			"invalid_sender_list":           M{"user_list": []string{}, "department_list": []int{}},
			"invalid_external_contact_list": M{"tag_list": append([]any{}, tags...)}}}), nil
	})
	// A task can be canceled once (40058 after), only for a moment a task made.
	s.HandleJSON(WeComPath(ecPath+"cancel_moment_task"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "moment_id"); e != nil {
			return nil, e
		}
		t := wcTab(r, "moment_task")
		for _, task := range t.all(nil) {
			if task["moment_id"] != in["moment_id"] {
				continue
			}
			if task["canceled"] == true {
				return nil, Errorf(wcCodeInvalidParameter, "moment task already canceled")
			}
			t.modify(wcStr(task, "jobid"), func(m M) { m["canceled"] = true })
			return nil, nil
		}
		return nil, Errorf(wcCodeInvalidParameter, "invalid moment_id")
	})
}
