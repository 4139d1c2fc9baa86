package fakewechat

import "strconv"

func init() { builtin = append(builtin, registerWeComLiving) }

// Errcodes of the living fakes.
const wcCodeLivingState = 40500 // the broadcast's state does not allow this

func registerWeComLiving(s *Server) {
	lv := wcCRUD{table: "living", idKey: "livingid", prefix: "lvOQpQDgAA", required: []string{"anchor_userid", "theme", "living_start", "living_duration"}}
	// https://developer.work.weixin.qq.com/document/path/93637
	s.HandleJSON(WeComPath("POST /cgi-bin/living/create"), func(r *Request) (any, error) { return lv.create(r, "") })
	notCancelled := func(r *Request) (M, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		m, ok := wcTab(r, lv.table).get(lv.id(in))
		if !ok {
			return nil, lv.missing()
		}
		if m["cancelled"] == true {
			return nil, Errorf(wcCodeLivingState, "living cancelled")
		}
		return in, nil
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/living/modify"), func(r *Request) (any, error) {
		if _, err := notCancelled(r); err != nil {
			return nil, err
		}
		return lv.update(r, "")
	})
	s.HandleJSON(WeComPath("GET /cgi-bin/living/get_living_info"), func(r *Request) (any, error) {
		m, ok := wcTab(r, lv.table).get(r.Query.Get("livingid"))
		if !ok {
			return nil, lv.missing()
		}
		status := 0
		if m["cancelled"] == true {
			status = 4
		}
		delete(m, "cancelled")
		delete(m, "create_time")
		delete(m, "agentid")
		m["status"] = status
		m["reserve_start"] = m["living_start"]
		m["reserve_living_duration"] = m["living_duration"]
		m["push_stream_url"] = "rtmp://push.example/" + wcStr(m, "livingid")
		return OK(M{"living_info": m}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/living/cancel"), func(r *Request) (any, error) {
		in, err := notCancelled(r)
		if err != nil {
			return nil, err
		}
		wcTab(r, lv.table).modify(lv.id(in), func(m M) { m["cancelled"] = true })
		return nil, nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/living/delete_replay_data"), func(r *Request) (any, error) {
		if _, err := lv.lookup(r); err != nil {
			return nil, err
		}
		return nil, nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/living/get_living_code"), func(r *Request) (any, error) {
		in, err := notCancelled(r)
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "openid"); e != nil {
			return nil, e
		}
		return OK(M{"living_code": "lc-" + lv.id(in) + "-" + wcStr(in, "openid")}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/93634
	s.HandleJSON(WeComPath("POST /cgi-bin/living/get_user_all_livingid"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "userid"); e != nil {
			return nil, e
		}
		var ids []string
		for _, m := range wcTab(r, lv.table).all(func(m M) bool { return wcStr(m, "anchor_userid") == wcStr(in, "userid") }) {
			ids = append(ids, wcStr(m, "livingid"))
		}
		page, next, e := wcPage(ids, wcStr(in, "cursor"), wcInt(in, "limit"), 100, 100)
		if e != nil {
			return nil, e
		}
		return OK(M{"livingid_list": append([]string{}, page...), "next_cursor": next}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/93636: the anchor
	// and 3 viewers, 2 per page.
	s.HandleJSON(WeComPath("POST /cgi-bin/living/get_watch_stat"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		m, ok := wcTab(r, lv.table).get(lv.id(in))
		if !ok {
			return nil, lv.missing()
		}
		users := []M{{"userid": m["anchor_userid"], "watch_time": 60, "is_comment": 1, "is_mic": 1}}
		for i := range 3 {
			users = append(users, M{"userid": "viewer" + strconv.Itoa(i), "watch_time": 30, "is_comment": 0, "is_mic": 0})
		}
		key := wcStr(in, "next_key")
		if key == "0" {
			key = ""
		}
		page, next, e := wcPage(users, key, 2, 2, 2)
		if e != nil {
			return nil, e
		}
		return OK(M{"ending": b2iFake(next == ""), "next_key": next, "stat_info": M{"users": page, "external_users": []M{}}}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/living/get_living_share_info"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		// share codes are "<livingid>:<invitor>:<viewer>"
		parts := splitN3(wcStr(in, "ww_share_code"))
		if parts == nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid ww_share_code")
		}
		if _, ok := wcTab(r, lv.table).get(parts[0]); !ok {
			return nil, lv.missing()
		}
		return OK(M{"livingid": parts[0], "invitor_userid": parts[1], "viewer_userid": parts[2]}), nil
	})
}

func splitN3(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ':' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if len(out) != 3 || out[0] == "" {
		return nil
	}
	return out
}
