package fakewechat

import (
	"slices"
	"strconv"
	"strings"
)

func init() {
	builtin = append(builtin, registerWeComContactWay, registerWeComGroupChat, registerWeComGroupMsg,
		registerWeComTransfer, registerWeComStrategies, registerWeComMoment)
}

const ecPath = "POST /cgi-bin/externalcontact/"

func registerWeComContactWay(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/92228
	cw := wcCRUD{table: "contact_way", idKey: "config_id", prefix: "cfg", required: []string{"type", "scene"}}
	s.HandleJSON(WeComPath(ecPath+"add_contact_way"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "type", "scene"); e != nil {
			return nil, e
		}
		if t := wcInt(in, "type"); t != 1 && t != 2 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid type")
		}
		if len(wcStrs(in, "user")) == 0 && in["party"] == nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: user and party empty")
		}
		in["create_time"] = r.Now().Unix()
		t := wcTab(r, cw.table)
		id := t.insert(cw.prefix, cw.idKey, in)
		out := M{"config_id": id}
		if wcInt(in, "scene") == 2 {
			qr := "https://p.qpic.cn/wwpic/fake/" + id
			t.modify(id, func(m M) { m["qr_code"] = qr })
			out["qr_code"] = qr
		}
		return OK(out), nil
	})
	s.HandleJSON(WeComPath(ecPath+"get_contact_way"), func(r *Request) (any, error) {
		obj, err := cw.lookup(r)
		if err != nil {
			return nil, err
		}
		return OK(M{"contact_way": obj}), nil
	})
	s.HandleJSON(WeComPath(ecPath+"update_contact_way"), func(r *Request) (any, error) { return cw.update(r, "") })
	s.HandleJSON(WeComPath(ecPath+"del_contact_way"), cw.remove)
	s.HandleJSON(WeComPath(ecPath+"close_temp_chat"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		if e := wcNeed(in, "userid", "external_userid"); e != nil {
			return nil, e
		}
		c, ok := d.byID[wcStr(in, "external_userid")]
		if !ok || c.follow(wcStr(in, "userid")) == nil {
			return nil, ErrCode(wcCodeNotExternalContact)
		}
		return nil, nil
	}))

	// https://developer.work.weixin.qq.com/document/path/92137: a welcome
	// code works once.
	s.HandleJSON(WeComPath(ecPath+"send_welcome_msg"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		if e := wcNeed(in, "welcome_code"); e != nil {
			return nil, e
		}
		if in["text"] == nil && in["attachments"] == nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: text and attachments empty")
		}
		code := wcStr(in, "welcome_code")
		if d.welcome[code] {
			return nil, Errorf(41051, "welcome_code used")
		}
		d.welcome[code] = true
		return nil, nil
	}))
	// https://developer.work.weixin.qq.com/document/path/92366
	wt := wcCRUD{table: "welcome_template", idKey: "template_id", prefix: "msgwelcome"}
	s.HandleJSON(WeComPath(ecPath+"group_welcome_template/add"), func(r *Request) (any, error) { return wt.create(r, "") })
	s.HandleJSON(WeComPath(ecPath+"group_welcome_template/edit"), func(r *Request) (any, error) { return wt.update(r, "") })
	s.HandleJSON(WeComPath(ecPath+"group_welcome_template/get"), func(r *Request) (any, error) {
		obj, err := wt.lookup(r)
		if err != nil {
			return nil, err
		}
		delete(obj, "agentid")
		delete(obj, "create_time")
		return OK(obj), nil
	})
	s.HandleJSON(WeComPath(ecPath+"group_welcome_template/del"), wt.remove)
}

func isCustomerID(id string) bool { return strings.HasPrefix(id, "wm") || strings.HasPrefix(id, "wo") }

func (d *wcCustomers) chat(id string) *WeComGroupChat {
	for _, c := range d.chats {
		if c.ChatID == id {
			return c
		}
	}
	return nil
}

func registerWeComGroupChat(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/92120
	s.HandleJSON(WeComPath(ecPath+"groupchat/list"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		owners := []string{}
		if of, ok := in["owner_filter"].(M); ok {
			owners = wcStrs(of, "userid_list")
		}
		limit, status := wcInt(in, "limit"), wcInt(in, "status_filter")
		if limit < 1 || limit > 1000 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid limit")
		}
		var items []M
		for _, c := range d.chats {
			if (len(owners) == 0 || slices.Contains(owners, c.Owner)) && (status == 0 || c.Status == status) {
				items = append(items, M{"chat_id": c.ChatID, "status": c.Status})
			}
		}
		page, next, e := wcPage(items, wcStr(in, "cursor"), limit, limit, 1000)
		if e != nil {
			return nil, e
		}
		return OK(M{"group_chat_list": append([]M{}, page...), "next_cursor": next}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/92122
	s.HandleJSON(WeComPath(ecPath+"groupchat/get"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		c := d.chat(wcStr(in, "chat_id"))
		if c == nil {
			return nil, ErrCode(wcCodeInvalidChatID)
		}
		members := []M{}
		for _, m := range c.Members {
			typ := 1
			if isCustomerID(m) {
				typ = 2
			}
			mm := M{"userid": m, "type": typ, "join_time": c.CreateTime, "join_scene": 1, "invitor": M{"userid": c.Owner}}
			if wcInt(in, "need_name") == 1 {
				mm["name"] = "name of " + m
				if cust, ok := d.byID[m]; ok {
					mm["name"] = cust.Name
				}
			}
			members = append(members, mm)
		}
		return OK(M{"group_chat": M{"chat_id": c.ChatID, "name": c.Name, "owner": c.Owner, "create_time": c.CreateTime,
			"member_list": members, "admin_list": []M{}, "member_version": strconv.Itoa(len(c.Members))}}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/94828
	s.HandleJSON(WeComPath(ecPath+"groupchat/opengid_to_chatid"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		for _, c := range d.chats {
			if gid := wcStr(in, "opengid"); gid != "" && c.OpenGID == gid {
				return OK(M{"chat_id": c.ChatID}), nil
			}
		}
		return nil, Errorf(wcCodeInvalidParameter, "invalid opengid")
	}))
	// https://developer.work.weixin.qq.com/document/path/92127 and 95703
	transfer := func(resigned bool) JSONHandler {
		return withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
			if e := wcNeed(in, "chat_id_list", "new_owner"); e != nil {
				return nil, e
			}
			failed := []M{}
			for _, id := range wcStrs(in, "chat_id_list") {
				c := d.chat(id)
				_, gone := d.resigned[c.ownerOrEmpty()]
				switch {
				case c == nil:
					failed = append(failed, M{"chat_id": id, "errcode": wcCodeInvalidChatID, "errmsg": "chatid not found"})
				case resigned != gone:
					failed = append(failed, M{"chat_id": id, "errcode": 90500, "errmsg": "the owner of this chat can not be transferred"})
				default:
					c.Owner = wcStr(in, "new_owner")
				}
			}
			return OK(M{"failed_chat_list": failed}), nil
		})
	}
	s.HandleJSON(WeComPath(ecPath+"groupchat/transfer"), transfer(true))
	s.HandleJSON(WeComPath(ecPath+"groupchat/onjob_transfer"), transfer(false))
	// https://developer.work.weixin.qq.com/document/path/92133
	stat := func(byDay bool) JSONHandler {
		return withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
			begin := int64(wcInt(in, "day_begin_time"))
			end := int64(wcInt(in, "day_end_time"))
			if end == 0 {
				end = begin
			}
			var owners []string
			if of, ok := in["owner_filter"].(M); ok {
				owners = wcStrs(of, "userid_list")
			}
			if begin <= 0 || end < begin || len(owners) == 0 {
				return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter")
			}
			data := func(owner string, from, to int64) M {
				var chats, members, newChats int
				for _, c := range d.chats {
					if (owner == "" && slices.Contains(owners, c.Owner)) || c.Owner == owner {
						chats++
						members += len(c.Members)
						if c.CreateTime >= from && c.CreateTime < to {
							newChats++
						}
					}
				}
				return M{"new_chat_cnt": newChats, "chat_total": chats, "chat_has_msg": 0, "new_member_cnt": 0,
					"member_total": members, "member_has_msg": 0, "msg_total": 0, "migrate_trainee_chat_cnt": 0}
			}
			items := []M{}
			if byDay {
				for day := begin; day <= end; day += 86400 {
					items = append(items, M{"stat_time": day, "data": data("", day, day+86400)})
				}
				return OK(M{"items": items}), nil
			}
			for _, o := range owners {
				items = append(items, M{"owner": o, "data": data(o, begin, end+86400)})
			}
			off, limit := wcInt(in, "offset"), wcInt(in, "limit")
			page, next, e := wcPage(items, strconv.Itoa(off), limit, 500, 1000)
			if e != nil {
				return nil, e
			}
			no, _ := strconv.Atoi(next)
			return OK(M{"total": len(items), "next_offset": no, "items": page}), nil
		})
	}
	s.HandleJSON(WeComPath(ecPath+"groupchat/statistic"), stat(false))
	s.HandleJSON(WeComPath(ecPath+"groupchat/statistic_group_by_day"), stat(true))
}

func (c *WeComGroupChat) ownerOrEmpty() string {
	if c == nil {
		return ""
	}
	return c.Owner
}

func registerWeComGroupMsg(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/92135: tasks go to
	// the sender, or to every member following the customers.
	s.HandleJSON(WeComPath(ecPath+"add_msg_template"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if in["text"] == nil && in["attachments"] == nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: text and attachments empty")
		}
		chatType := wcStr(in, "chat_type")
		if chatType == "" {
			chatType = "single"
		}
		d := wcCust(r)
		d.mu.Lock()
		fail := []string{}
		sends := []M{}
		sender := wcStr(in, "sender")
		if chatType == "single" {
			for _, id := range wcStrs(in, "external_userid") {
				c, ok := d.byID[id]
				if !ok || (sender != "" && c.follow(sender) == nil) {
					fail = append(fail, id)
					continue
				}
				for _, f := range c.Follow {
					if sender == "" || f.UserID == sender {
						sends = append(sends, M{"external_userid": id, "userid": f.UserID, "status": 0})
					}
				}
			}
		} else {
			if sender == "" {
				d.mu.Unlock()
				return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: sender empty")
			}
			for _, c := range d.chats {
				if c.Owner == sender {
					sends = append(sends, M{"chat_id": c.ChatID, "userid": sender, "status": 0})
				}
			}
		}
		d.mu.Unlock()
		users := []string{}
		for _, sd := range sends {
			if u := wcStr(sd, "userid"); !slices.Contains(users, u) {
				users = append(users, u)
			}
		}
		tasks := []M{}
		for _, u := range users {
			tasks = append(tasks, M{"userid": u, "status": 0})
		}
		msg := M{"chat_type": chatType, "creator": sender, "create_time": strconv.FormatInt(r.Now().Unix(), 10), "create_type": 0,
			"text": in["text"], "attachments": in["attachments"], "tasks": tasks, "sends": sends}
		if sender != "" {
			msg["create_type"] = 1
		}
		id := wcTab(r, "groupmsg").insert("msgGroupSend", "msgid", msg)
		return OK(M{"fail_list": fail, "msgid": id}), nil
	})
	state := func(cancel bool) JSONHandler {
		return func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			var e *Error
			ok := wcTab(r, "groupmsg").modify(wcStr(in, "msgid"), func(m M) {
				if m["cancelled"] == true {
					e = Errorf(41097, "msg has been cancelled")
				} else if cancel {
					m["cancelled"] = true
				}
			})
			if !ok {
				return nil, Errorf(wcCodeInvalidParameter, "invalid msgid")
			}
			if e != nil {
				return nil, e
			}
			return nil, nil
		}
	}
	s.HandleJSON(WeComPath(ecPath+"remind_groupmsg_send"), state(false))
	s.HandleJSON(WeComPath(ecPath+"cancel_groupmsg_send"), state(true))
	// https://developer.work.weixin.qq.com/document/path/93338
	s.HandleJSON(WeComPath(ecPath+"get_groupmsg_list_v2"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		start, end := wcInt(in, "start_time"), wcInt(in, "end_time")
		if e := wcNeed(in, "chat_type"); e != nil || start <= 0 || end < start {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter")
		}
		msgs := wcTab(r, "groupmsg").all(func(m M) bool {
			ct := wcInt(m, "create_time")
			return wcStr(m, "chat_type") == wcStr(in, "chat_type") && ct >= start && ct <= end &&
				(wcStr(in, "creator") == "" || wcStr(m, "creator") == wcStr(in, "creator"))
		})
		page, next, e := wcPage(msgs, wcStr(in, "cursor"), wcInt(in, "limit"), 50, 100)
		if e != nil {
			return nil, e
		}
		out := []M{}
		for _, m := range page {
			o := M{"msgid": m["msgid"], "creator": m["creator"], "create_time": m["create_time"], "create_type": m["create_type"]}
			if m["text"] != nil {
				o["text"] = m["text"]
			}
			if m["attachments"] != nil {
				o["attachments"] = m["attachments"]
			}
			out = append(out, o)
		}
		return OK(M{"group_msg_list": out, "next_cursor": next}), nil
	})
	sub := func(key, outKey string) JSONHandler {
		return func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			m, ok := wcTab(r, "groupmsg").get(wcStr(in, "msgid"))
			if !ok {
				return nil, Errorf(wcCodeInvalidParameter, "invalid msgid")
			}
			items := []any{}
			list, _ := m[key].([]any)
			for _, it := range list {
				if u := wcStr(in, "userid"); u == "" || wcStr(it.(M), "userid") == u {
					items = append(items, it)
				}
			}
			page, next, e := wcPage(items, wcStr(in, "cursor"), wcInt(in, "limit"), 500, 1000)
			if e != nil {
				return nil, e
			}
			return OK(M{outKey: page, "next_cursor": next}), nil
		}
	}
	s.HandleJSON(WeComPath(ecPath+"get_groupmsg_task"), sub("tasks", "task_list"))
	s.HandleJSON(WeComPath(ecPath+"get_groupmsg_send_result"), sub("sends", "send_list"))
}

func registerWeComTransfer(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/92125 and 94081:
	// a transfer moves the follow at once and is reported as waiting (2).
	transfer := func(resigned bool) JSONHandler {
		return withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
			if e := wcNeed(in, "handover_userid", "takeover_userid", "external_userid"); e != nil {
				return nil, e
			}
			from, to := wcStr(in, "handover_userid"), wcStr(in, "takeover_userid")
			if _, gone := d.resigned[from]; gone != resigned {
				return nil, Errorf(40098, "handover user status invalid")
			}
			out := []M{}
			key := [2]string{from, to}
			for _, id := range wcStrs(in, "external_userid") {
				c, ok := d.byID[id]
				var f *WeComFollow
				if ok {
					f = c.follow(from)
				}
				if f == nil {
					out = append(out, M{"external_userid": id, "errcode": wcCodeNotExternalContact})
					continue
				}
				f.UserID = to
				out = append(out, M{"external_userid": id, "errcode": 0})
				d.transfers[key] = append(d.transfers[key], M{"external_userid": id, "status": 2, "takeover_time": r.Now().Unix()})
			}
			return OK(M{"customer": out}), nil
		})
	}
	result := withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		if e := wcNeed(in, "handover_userid", "takeover_userid"); e != nil {
			return nil, e
		}
		page, next, e := wcPage(d.transfers[[2]string{wcStr(in, "handover_userid"), wcStr(in, "takeover_userid")}], wcStr(in, "cursor"), 0, 1000, 1000)
		if e != nil {
			return nil, e
		}
		return OK(M{"customer": append([]M{}, page...), "next_cursor": next}), nil
	})
	s.HandleJSON(WeComPath(ecPath+"transfer_customer"), transfer(false))
	s.HandleJSON(WeComPath(ecPath+"resigned/transfer_customer"), transfer(true))
	s.HandleJSON(WeComPath(ecPath+"transfer_result"), result)
	s.HandleJSON(WeComPath(ecPath+"resigned/transfer_result"), result)
	// https://developer.work.weixin.qq.com/document/path/92124
	s.HandleJSON(WeComPath(ecPath+"get_unassigned_list"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		var items []M
		for _, id := range d.order {
			for _, f := range d.byID[id].Follow {
				if t, gone := d.resigned[f.UserID]; gone {
					items = append(items, M{"handover_userid": f.UserID, "external_userid": id, "dimission_time": t})
				}
			}
		}
		page, next, e := wcPage(items, wcStr(in, "cursor"), wcInt(in, "page_size"), 1000, 1000)
		if e != nil {
			return nil, e
		}
		return OK(M{"info": append([]M{}, page...), "is_last": next == "", "next_cursor": next}), nil
	}))
}

func registerWeComStrategies(s *Server) {
	for _, kind := range []string{"customer_strategy", "moment_strategy"} {
		c := wcCRUD{table: kind, idKey: "strategy_id", numeric: true, required: []string{"strategy_name", "admin_list"}}
		p := ecPath + kind + "/"
		// https://developer.work.weixin.qq.com/document/path/94883 and 94890
		s.HandleJSON(WeComPath(p+"create"), func(r *Request) (any, error) {
			out, err := c.create(r, "")
			if err != nil {
				return nil, err
			}
			return M{"errcode": 0, "errmsg": "ok", "strategy_id": out["strategy_id"]}, nil
		})
		s.HandleJSON(WeComPath(p+"get"), func(r *Request) (any, error) {
			obj, err := c.lookup(r)
			if err != nil {
				return nil, err
			}
			delete(obj, "range")
			return OK(M{"strategy": obj}), nil
		})
		s.HandleJSON(WeComPath(p+"list"), func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			ids := []M{}
			for _, m := range wcTab(r, c.table).all(nil) {
				ids = append(ids, M{"strategy_id": m["strategy_id"]})
			}
			page, next, e := wcPage(ids, wcStr(in, "cursor"), wcInt(in, "limit"), 1000, 1000)
			if e != nil {
				return nil, e
			}
			return OK(M{"strategy": page, "next_cursor": next}), nil
		})
		s.HandleJSON(WeComPath(p+"get_range"), func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			obj, ok := wcTab(r, c.table).get(c.id(in))
			if !ok {
				return nil, c.missing()
			}
			rng, _ := obj["range"].([]any)
			page, next, e := wcPage(rng, wcStr(in, "cursor"), wcInt(in, "limit"), 1000, 1000)
			if e != nil {
				return nil, e
			}
			return OK(M{"range": append([]any{}, page...), "next_cursor": next}), nil
		})
		s.HandleJSON(WeComPath(p+"edit"), func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			add, _ := in["range_add"].([]any)
			del, _ := in["range_del"].([]any)
			patch := M{}
			for _, k := range []string{"strategy_name", "admin_list", "privilege"} {
				if v, ok := in[k]; ok {
					patch[k] = v
				}
			}
			ok := wcTab(r, c.table).modify(c.id(in), func(m M) {
				for k, v := range wcClone(patch) {
					m[k] = v
				}
				rng, _ := m["range"].([]any)
				rng = slices.DeleteFunc(rng, func(x any) bool {
					for _, d := range del {
						if wcSameRange(x, d) {
							return true
						}
					}
					return false
				})
				added, _ := wcClone(M{"l": add})["l"].([]any)
				m["range"] = append(rng, added...)
			})
			if !ok {
				return nil, c.missing()
			}
			return nil, nil
		})
		s.HandleJSON(WeComPath(p+"del"), c.remove)
	}
}

func wcSameRange(a, b any) bool {
	am, _ := a.(M)
	bm, _ := b.(M)
	return am != nil && bm != nil && wcInt(am, "type") == wcInt(bm, "type") && wcStr(am, "userid") == wcStr(bm, "userid") && wcInt(am, "partyid") == wcInt(bm, "partyid")
}

func registerWeComMoment(s *Server) {
	find := func(d *wcCustomers, id string) *WeComMoment {
		for _, m := range d.moments {
			if m.MomentID == id {
				return m
			}
		}
		return nil
	}
	// https://developer.work.weixin.qq.com/document/path/93333
	s.HandleJSON(WeComPath(ecPath+"get_moment_list"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		start, end := int64(wcInt(in, "start_time")), int64(wcInt(in, "end_time"))
		if start <= 0 || end < start || end-start > 30*86400 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid time range")
		}
		var items []M
		for _, m := range d.moments {
			if m.CreateTime >= start && m.CreateTime <= end && (wcStr(in, "creator") == "" || m.Creator == wcStr(in, "creator")) {
				items = append(items, M{"moment_id": m.MomentID, "creator": m.Creator, "create_time": m.CreateTime,
					"create_type": m.CreateType, "visible_type": m.VisibleType, "text": M{"content": m.Text}})
			}
		}
		page, next, e := wcPage(items, wcStr(in, "cursor"), wcInt(in, "limit"), 20, 20)
		if e != nil {
			return nil, e
		}
		return OK(M{"moment_list": append([]M{}, page...), "next_cursor": next}), nil
	}))
	withMoment := func(needUser bool, fn func(d *wcCustomers, m *WeComMoment, in M) []M, key string, limit int) JSONHandler {
		return withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
			if needUser {
				if e := wcNeed(in, "userid"); e != nil {
					return nil, e
				}
			}
			m := find(d, wcStr(in, "moment_id"))
			if m == nil {
				return nil, Errorf(wcCodeInvalidParameter, "invalid moment_id")
			}
			items := fn(d, m, in)
			if limit == 0 {
				out := OK(nil)
				for _, it := range items {
					out[wcStr(it, "key")] = it["list"]
				}
				return out, nil
			}
			page, next, e := wcPage(items, wcStr(in, "cursor"), wcInt(in, "limit"), limit, limit)
			if e != nil {
				return nil, e
			}
			return OK(M{key: append([]M{}, page...), "next_cursor": next}), nil
		})
	}
	customersOf := func(d *wcCustomers, users []string, user string) []M {
		out := []M{}
		if !slices.Contains(users, user) {
			return out
		}
		for _, id := range d.order {
			if d.byID[id].follow(user) != nil {
				out = append(out, M{"userid": user, "external_userid": id})
			}
		}
		return out
	}
	s.HandleJSON(WeComPath(ecPath+"get_moment_task"), withMoment(false, func(d *wcCustomers, m *WeComMoment, in M) []M {
		out := []M{}
		for _, u := range m.Users {
			out = append(out, M{"userid": u, "publish_status": b2iFake(slices.Contains(m.Published, u))})
		}
		return out
	}, "task_list", 1000))
	s.HandleJSON(WeComPath(ecPath+"get_moment_customer_list"), withMoment(true, func(d *wcCustomers, m *WeComMoment, in M) []M {
		return customersOf(d, m.Users, wcStr(in, "userid"))
	}, "customer_list", 1000))
	s.HandleJSON(WeComPath(ecPath+"get_moment_send_result"), withMoment(true, func(d *wcCustomers, m *WeComMoment, in M) []M {
		out := customersOf(d, m.Published, wcStr(in, "userid"))
		for _, c := range out {
			delete(c, "userid")
		}
		return out
	}, "customer_list", 5000))
	s.HandleJSON(WeComPath(ecPath+"get_moment_comments"), withMoment(true, func(d *wcCustomers, m *WeComMoment, in M) []M {
		comments, likes := []M{}, []M{}
		for _, c := range m.Comments {
			if c.UserID != wcStr(in, "userid") {
				continue
			}
			it := M{"external_userid": c.ExternalUserID, "create_time": c.CreateTime}
			if c.Like {
				likes = append(likes, it)
			} else {
				comments = append(comments, it)
			}
		}
		return []M{{"key": "comment_list", "list": comments}, {"key": "like_list", "list": likes}}
	}, "", 0))
}

func b2iFake(b bool) int {
	if b {
		return 1
	}
	return 0
}
