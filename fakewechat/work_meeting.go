package fakewechat

import "slices"

func init() { builtin = append(builtin, registerWeComMeeting) }

// meetingUsers returns the admin and invited members of a stored meeting.
func meetingUsers(m M) []string {
	users := []string{wcStr(m, "admin_userid")}
	if a, ok := m["attendees"].(M); ok {
		users = append(users, wcStrs(a, "userid")...)
	}
	return users
}

func registerWeComMeeting(s *Server) {
	mt := wcCRUD{table: "meeting", idKey: "meetingid", prefix: "hyXY0MBQAA", required: []string{"admin_userid", "title", "meeting_start", "meeting_duration"}}
	// https://developer.work.weixin.qq.com/document/path/99104
	s.HandleJSON(WeComPath("POST /cgi-bin/meeting/create"), func(r *Request) (any, error) { return mt.create(r, "") })
	s.HandleJSON(WeComPath("POST /cgi-bin/meeting/update"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		m, ok := wcTab(r, mt.table).get(mt.id(in))
		if !ok {
			return nil, mt.missing()
		}
		if wcInt(m, "status") == 4 {
			return nil, Errorf(400015, "meeting cancelled")
		}
		return mt.update(r, "")
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/meeting/get_info"), func(r *Request) (any, error) {
		m, err := mt.lookup(r)
		if err != nil {
			return nil, err
		}
		members := []M{}
		for _, u := range meetingUsers(m)[1:] {
			members = append(members, M{"userid": u, "status": 1})
		}
		if wcInt(m, "status") == 0 {
			m["status"] = 1
		}
		m["creator_userid"] = m["admin_userid"]
		m["attendees"] = M{"member": members}
		delete(m, "agentid")
		delete(m, "create_time")
		return OK(m), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/meeting/cancel"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		var e *Error
		if !wcTab(r, mt.table).modify(mt.id(in), func(m M) {
			if wcInt(m, "status") == 4 {
				e = Errorf(400015, "meeting cancelled")
			}
			m["status"] = 4
		}) {
			return nil, mt.missing()
		}
		if e != nil {
			return nil, e
		}
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/99050
	s.HandleJSON(WeComPath("POST /cgi-bin/meeting/get_user_meetingid"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "userid"); e != nil {
			return nil, e
		}
		begin, end := wcInt(in, "begin_time"), wcInt(in, "end_time")
		var ids []string
		for _, m := range wcTab(r, mt.table).all(func(m M) bool {
			st := wcInt(m, "meeting_start")
			return slices.Contains(meetingUsers(m), wcStr(in, "userid")) && (begin == 0 || st >= begin) && (end == 0 || st <= end)
		}) {
			ids = append(ids, wcStr(m, "meetingid"))
		}
		page, next, e := wcPage(ids, wcStr(in, "cursor"), wcInt(in, "limit"), 100, 100)
		if e != nil {
			return nil, e
		}
		return OK(M{"meetingid_list": append([]string{}, page...), "next_cursor": next}), nil
	})
}
