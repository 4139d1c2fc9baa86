package fakewechat

import "unicode/utf8"

func init() { builtin = append(builtin, registerWeComAcquisition) }

// Customer acquisition (获客助手), https://developer.work.weixin.qq.com/document/path/97297
// and 97400: links are state; the customers of a link, the quota and the
// statistics answer the docs' examples.
func registerWeComAcquisition(s *Server) {
	const p = ecPath + "customer_acquisition/"
	links := wcCRUD{table: "acquisition_link", idKey: "link_id", prefix: "cawcde0000"}
	// checkLink applies the create rules to the fields present in in.
	checkLink := func(in M, create bool) *Error {
		if create {
			if e := wcNeed(in, "link_name", "range"); e != nil {
				return e
			}
		}
		if name, ok := in["link_name"]; ok {
			if n, _ := name.(string); n == "" || utf8.RuneCountInString(n) > 30 {
				return Errorf(wcCodeInvalidParameter, "invalid link_name")
			}
		}
		if rng, ok := in["range"]; ok {
			rm, _ := rng.(M)
			users, deps := wcStrs(rm, "user_list"), rm["department_list"]
			if dl, _ := deps.([]any); len(users) == 0 && len(dl) == 0 {
				return Errorf(wcCodeInvalidParameter, "invalid Parameter: range empty")
			}
			if len(users) > 500 {
				return Errorf(wcCodeInvalidParameter, "invalid Parameter: range exceeds 500 members")
			}
		}
		if po, ok := in["priority_option"].(M); ok {
			if t := wcInt(po, "priority_type"); t != 1 && t != 2 || len(wcStrs(po, "priority_userid_list")) > 1000 {
				return Errorf(wcCodeInvalidParameter, "invalid priority_option")
			}
		}
		return nil
	}
	lookup := func(r *Request) (M, M, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, nil, err
		}
		if e := wcNeed(in, "link_id"); e != nil {
			return nil, nil, e
		}
		obj, ok := wcTab(r, links.table).get(links.id(in))
		if !ok {
			return nil, nil, links.missing()
		}
		return in, obj, nil
	}
	s.HandleJSON(WeComPath(p+"create_link"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := checkLink(in, true); e != nil {
			return nil, e
		}
		if _, ok := in["skip_verify"]; !ok {
			in["skip_verify"] = true // the docs' default
		}
		in["create_time"] = r.Now().Unix()
		t := wcTab(r, links.table)
		id := t.insert(links.prefix, links.idKey, in)
		url := "https://work.weixin.qq.com/ca/" + id
		t.modify(id, func(m M) { m["url"] = url })
		return OK(M{"link": M{"link_id": id, "link_name": in["link_name"], "url": url, "create_time": in["create_time"]}}), nil
	})
	s.HandleJSON(WeComPath(p+"get"), func(r *Request) (any, error) {
		_, obj, err := lookup(r)
		if err != nil {
			return nil, err
		}
		out := M{"link": M{"link_name": obj["link_name"], "url": obj["url"], "create_time": obj["create_time"], "skip_verify": obj["skip_verify"]},
			"range": obj["range"]}
		if v, ok := obj["priority_option"]; ok {
			out["priority_option"] = v
		}
		return OK(out), nil
	})
	s.HandleJSON(WeComPath(p+"list_link"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		ids := []string{}
		for _, m := range wcTab(r, links.table).all(nil) {
			ids = append(ids, wcStr(m, "link_id"))
		}
		page, next, e := wcPage(ids, wcStr(in, "cursor"), wcInt(in, "limit"), 100, 100)
		if e != nil {
			return nil, e
		}
		return OK(M{"link_id_list": page, "next_cursor": next}), nil
	})
	s.HandleJSON(WeComPath(p+"update_link"), func(r *Request) (any, error) {
		in, _, err := lookup(r)
		if err != nil {
			return nil, err
		}
		if e := checkLink(in, false); e != nil {
			return nil, e
		}
		wcTab(r, links.table).update(links.id(in), in, "link_id", "create_time", "url")
		return nil, nil
	})
	s.HandleJSON(WeComPath(p+"delete_link"), links.remove)
	// The customers of a link: the docs' example rows.
	s.HandleJSON(WeComPath(p+"customer"), func(r *Request) (any, error) {
		in, _, err := lookup(r)
		if err != nil {
			return nil, err
		}
		rows := []M{
			{"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAA", "userid": "zhangsan", "chat_status": 0, "state": "CHANNEL_A"},
			{"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAA", "userid": "lisi", "chat_status": 0, "state": "CHANNEL_B"},
			{"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mBCBBB", "userid": "rocky", "chat_status": 1, "state": "CHANNEL_A"},
		}
		page, next, e := wcPage(rows, wcStr(in, "cursor"), wcInt(in, "limit"), 1000, 1000)
		if e != nil {
			return nil, e
		}
		return OK(M{"customer_list": page, "next_cursor": next}), nil
	})
	// Statistics of a link: at most 30 days, answered with the docs' example.
	s.HandleJSON(WeComPath(p+"statistic"), func(r *Request) (any, error) {
		in, _, err := lookup(r)
		if err != nil {
			return nil, err
		}
		start, end := int64(wcInt(in, "start_time")), int64(wcInt(in, "end_time"))
		if start <= 0 || end < start || end-start > 30*86400 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid time range")
		}
		return OK(M{"click_link_customer_cnt": 1000, "new_customer_cnt": 500}), nil
	})
	s.HandleJSON(WeComPath("GET /cgi-bin/externalcontact/customer_acquisition_quota"), func(r *Request) (any, error) {
		return OK(M{"total": 1000, "balance": 500, "quota_list": []M{
			{"expire_date": 1689350400, "balance": 200}, {"expire_date": 1692028800, "balance": 300}}}), nil
	})
}
