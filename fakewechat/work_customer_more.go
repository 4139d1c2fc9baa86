package fakewechat

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

func init() {
	builtin = append(builtin, registerWeComMomentTask, registerWeComIntercept, registerWeComProductAlbum,
		registerWeComJoinWay)
}

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

// checkIntercept applies the sensitive-word rule limits to the fields of in
// that are present.
func checkIntercept(in M) *Error {
	if v, ok := in["rule_name"]; ok {
		if n := utf8.RuneCountInString(wcStr(in, "rule_name")); v == nil || n == 0 || n > 20 {
			return Errorf(wcCodeInvalidParameter, "invalid rule_name")
		}
	}
	words := wcStrs(in, "word_list")
	if len(words) > 300 {
		return Errorf(wcCodeInvalidParameter, "invalid word_list size")
	}
	for _, w := range words {
		if n := utf8.RuneCountInString(w); n == 0 || n > 32 {
			return Errorf(wcCodeInvalidParameter, "invalid word")
		}
	}
	if v, ok := in["intercept_type"]; ok {
		if t := wcInt(in, "intercept_type"); v == nil || t != 1 && t != 2 {
			return Errorf(wcCodeInvalidParameter, "invalid intercept_type")
		}
	}
	extra, _ := in["extra_rule"].(M)
	sem, _ := in["semantics_list"].([]any)
	es, _ := extra["semantics_list"].([]any)
	for _, v := range append(sem, es...) {
		if f, _ := v.(float64); f != 1 && f != 2 && f != 3 {
			return Errorf(wcCodeInvalidParameter, "invalid semantics_list")
		}
	}
	for _, k := range []string{"applicable_range", "add_applicable_range", "remove_applicable_range"} {
		rm, _ := in[k].(M)
		deps, _ := rm["department_list"].([]any)
		if len(wcStrs(rm, "user_list")) > 1000 || len(deps) > 1000 {
			return Errorf(wcCodeInvalidParameter, "invalid %s size", k)
		}
	}
	return nil
}

// mergeRange adds (or, with remove, takes away) the members and
// departments of change to those of rng.
func mergeRange(rng, change M, remove bool) M {
	out := M{}
	for _, k := range []string{"user_list", "department_list"} {
		cur, _ := rng[k].([]any)
		chg, _ := change[k].([]any)
		cur = slices.Clone(cur)
		for _, v := range chg {
			i := slices.Index(cur, v)
			switch {
			case remove && i >= 0:
				cur = slices.Delete(cur, i, i+1)
			case !remove && i < 0:
				cur = append(cur, v)
			}
		}
		out[k] = append([]any{}, cur...)
	}
	return out
}

// Chat sensitive-word rules, https://developer.work.weixin.qq.com/document/path/95097.
// Rule ids are numbers: a string in add_intercept_rule's and the list's
// answers, a number in get_intercept_rule's, as the docs' examples show.
func registerWeComIntercept(s *Server) {
	rules := wcCRUD{table: "intercept_rule", idKey: "rule_id", numeric: true}
	s.HandleJSON(WeComPath(ecPath+"add_intercept_rule"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "rule_name", "word_list", "intercept_type", "applicable_range"); e != nil {
			return nil, e
		}
		if e := checkIntercept(in); e != nil {
			return nil, e
		}
		rng, _ := in["applicable_range"].(M)
		if e := wcNeed(rng, "user_list"); e != nil && rng["department_list"] == nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: applicable_range empty")
		}
		t := wcTab(r, rules.table)
		if len(t.all(nil)) >= 100 {
			return nil, Errorf(wcCodeInvalidParameter, "intercept rule count exceeds 100")
		}
		sem, _ := in["semantics_list"].([]any)
		obj := M{"rule_name": in["rule_name"], "word_list": in["word_list"], "extra_rule": M{"semantics_list": append([]any{}, sem...)},
			"intercept_type": in["intercept_type"], "applicable_range": mergeRange(nil, rng, false), "create_time": r.Now().Unix()}
		return OK(M{"rule_id": strconv.Itoa(t.insertInt(rules.idKey, obj))}), nil
	})
	s.HandleJSON(WeComPath("GET /cgi-bin/externalcontact/get_intercept_rule_list"), func(r *Request) (any, error) {
		list := []M{}
		for _, m := range wcTab(r, rules.table).all(nil) {
			list = append(list, M{"rule_id": rules.id(m), "rule_name": m["rule_name"], "create_time": m["create_time"]})
		}
		return OK(M{"rule_list": list}), nil
	})
	s.HandleJSON(WeComPath(ecPath+"get_intercept_rule"), func(r *Request) (any, error) {
		obj, err := rules.lookup(r)
		if err != nil {
			return nil, err
		}
		return OK(M{"rule": obj}), nil
	})
	s.HandleJSON(WeComPath(ecPath+"update_intercept_rule"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := checkIntercept(in); e != nil {
			return nil, e
		}
		var tooMany bool
		ok := wcTab(r, rules.table).modify(rules.id(in), func(m M) {
			rng, _ := m["applicable_range"].(M)
			add, _ := in["add_applicable_range"].(M)
			del, _ := in["remove_applicable_range"].(M)
			rng = mergeRange(mergeRange(rng, add, false), del, true)
			if users, _ := rng["user_list"].([]any); len(users) > 10000 {
				tooMany = true
				return
			}
			m["applicable_range"] = rng
			for _, k := range []string{"rule_name", "intercept_type", "extra_rule"} {
				if v, ok := in[k]; ok {
					m[k] = wcClone(M{"v": v})["v"]
				}
			}
			if words := wcStrs(in, "word_list"); len(words) > 0 {
				m["word_list"] = wcClone(M{"v": in["word_list"]})["v"]
			}
		})
		switch {
		case !ok:
			return nil, rules.missing()
		case tooMany:
			return nil, Errorf(wcCodeInvalidParameter, "applicable_range exceeds 10000 members")
		}
		return nil, nil
	})
	s.HandleJSON(WeComPath(ecPath+"del_intercept_rule"), rules.remove)
}

// checkProduct applies the product album limits to the fields of in that
// are present.
func checkProduct(in M) *Error {
	if v, ok := in["description"]; ok {
		if n := utf8.RuneCountInString(wcStr(in, "description")); v == nil || n == 0 || n > 300 {
			return Errorf(wcCodeInvalidParameter, "invalid description")
		}
	}
	if v, ok := in["price"]; ok {
		if p, isNum := v.(float64); !isNum || p < 0 || p > 5000000 || p != float64(int64(p)) {
			return Errorf(wcCodeInvalidParameter, "invalid price")
		}
	}
	sn := wcStr(in, "product_sn")
	if len(sn) > 128 {
		return Errorf(wcCodeInvalidParameter, "invalid product_sn")
	}
	for _, c := range sn {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return Errorf(wcCodeInvalidParameter, "invalid product_sn")
		}
	}
	atts, _ := in["attachments"].([]any)
	if len(atts) > 9 {
		return Errorf(wcCodeInvalidParameter, "invalid attachments size")
	}
	for _, a := range atts {
		am, _ := a.(M)
		img, _ := am["image"].(M)
		if wcStr(am, "type") != "image" || wcStr(img, "media_id") == "" {
			return Errorf(wcCodeInvalidParameter, "invalid attachments")
		}
	}
	return nil
}

// Product albums, https://developer.work.weixin.qq.com/document/path/95096.
func registerWeComProductAlbum(s *Server) {
	products := wcCRUD{table: "product_album", idKey: "product_id", prefix: "prod"}
	s.HandleJSON(WeComPath(ecPath+"add_product_album"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "description", "price", "attachments"); e != nil {
			return nil, e
		}
		if e := checkProduct(in); e != nil {
			return nil, e
		}
		return products.create(r, "")
	})
	s.HandleJSON(WeComPath(ecPath+"get_product_album"), func(r *Request) (any, error) {
		obj, err := products.lookup(r)
		if err != nil {
			return nil, err
		}
		return OK(M{"product": obj}), nil
	})
	s.HandleJSON(WeComPath(ecPath+"get_product_album_list"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		items := []M{}
		for _, m := range wcTab(r, products.table).all(nil) {
			delete(m, "create_time") // the list's rows have none in the docs' example
			items = append(items, m)
		}
		limit := wcInt(in, "limit")
		if limit > 100 {
			limit = 50 // over the maximum WeCom takes the default
		}
		page, next, e := wcPage(items, wcStr(in, "cursor"), limit, 50, 100)
		if e != nil {
			return nil, e
		}
		return OK(M{"product_list": page, "next_cursor": next}), nil
	})
	s.HandleJSON(WeComPath(ecPath+"update_product_album"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := checkProduct(in); e != nil {
			return nil, e
		}
		if !wcTab(r, products.table).update(products.id(in), in, products.idKey, "create_time") {
			return nil, products.missing()
		}
		return nil, nil
	})
	s.HandleJSON(WeComPath(ecPath+"delete_product_album"), products.remove)
}

// checkJoinWay applies the join-way rules to a body and normalizes it:
// the remark is cut to 30 characters, auto_create_room defaults to 1.
func checkJoinWay(in M, d *wcCustomers) *Error {
	if e := wcNeed(in, "scene", "chat_id_list"); e != nil {
		return e
	}
	if sc := wcInt(in, "scene"); sc != 1 && sc != 2 {
		return Errorf(wcCodeInvalidParameter, "invalid scene")
	}
	chats := wcStrs(in, "chat_id_list")
	if len(chats) > 5 {
		return Errorf(wcCodeInvalidParameter, "invalid chat_id_list size")
	}
	for _, id := range chats {
		if d.chat(id) == nil {
			return ErrCode(wcCodeInvalidChatID)
		}
	}
	if v, ok := in["auto_create_room"]; ok && v != 0.0 && v != 1.0 {
		return Errorf(wcCodeInvalidParameter, "invalid auto_create_room")
	}
	if _, ok := in["auto_create_room"]; !ok {
		in["auto_create_room"] = 1
	}
	if utf8.RuneCountInString(wcStr(in, "room_base_name")) > 40 {
		return Errorf(wcCodeInvalidParameter, "invalid room_base_name")
	}
	if utf8.RuneCountInString(wcStr(in, "state")) > 30 {
		return Errorf(wcCodeInvalidParameter, "invalid state")
	}
	if r := []rune(wcStr(in, "remark")); len(r) > 30 {
		in["remark"] = string(r[:30])
	}
	return nil
}

// Join ways of customer group chats, https://developer.work.weixin.qq.com/document/path/92229:
// the chats must be the corp's (AddWeComGroupChat), update overwrites.
func registerWeComJoinWay(s *Server) {
	ways := wcCRUD{table: "join_way", idKey: "config_id", prefix: "joinway"}
	qr := func(m M) {
		delete(m, "qr_code")
		if wcInt(m, "scene") == 2 {
			m["qr_code"] = "https://p.qpic.cn/wwhead/fake/" + wcStr(m, "config_id")
		}
	}
	s.HandleJSON(WeComPath(ecPath+"groupchat/add_join_way"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		if e := checkJoinWay(in, d); e != nil {
			return nil, e
		}
		delete(in, "qr_code")
		t := wcTab(r, ways.table)
		id := t.insert(ways.prefix, ways.idKey, in)
		t.modify(id, qr)
		return OK(M{"config_id": id}), nil
	}))
	s.HandleJSON(WeComPath(ecPath+"groupchat/get_join_way"), func(r *Request) (any, error) {
		obj, err := ways.lookup(r)
		if err != nil {
			return nil, err
		}
		return OK(M{"join_way": obj}), nil
	})
	s.HandleJSON(WeComPath(ecPath+"groupchat/update_join_way"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		if e := checkJoinWay(in, d); e != nil {
			return nil, e
		}
		id := ways.id(in)
		if !wcTab(r, ways.table).modify(id, func(m M) {
			clear(m)
			for k, v := range wcClone(in) {
				m[k] = v
			}
			m["config_id"] = id
			qr(m)
		}) {
			return nil, ways.missing()
		}
		return nil, nil
	}))
	s.HandleJSON(WeComPath(ecPath+"groupchat/del_join_way"), ways.remove)
}
