package fakewechat

import (
	"slices"
	"strconv"
	"strings"
)

// WeComJournal is a report of a fake corp.
type WeComJournal struct {
	UUID         string
	TemplateID   string
	TemplateName string
	Submitter    string
	Receivers    []string
	ReportTime   int64
}

// AddWeComJournal adds a report to corpID.
func (s *Server) AddWeComJournal(corpID string, j WeComJournal) {
	var rec []M
	for _, u := range j.Receivers {
		rec = append(rec, M{"userid": u})
	}
	t := wcTableOf(s, corpID, "journal")
	t.mu.Lock()
	defer t.mu.Unlock()
	t.items[j.UUID] = M{"journal_uuid": j.UUID, "template_id": j.TemplateID, "template_name": j.TemplateName, "report_time": j.ReportTime,
		"submitter": M{"userid": j.Submitter}, "receivers": rec, "readed_receivers": []M{}, "apply_data": M{"contents": []M{}}}
	t.order = append(t.order, j.UUID)
}

// SetWeComVacationConfigs sets the leave types of corpID: names by id.
func (s *Server) SetWeComVacationConfigs(corpID string, names map[int]string) {
	t := wcTableOf(s, corpID, "vacation_conf")
	t.mu.Lock()
	defer t.mu.Unlock()
	ids := make([]int, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		k := strconv.Itoa(id)
		t.items[k] = M{"id": id, "name": names[id], "time_attr": 0, "duration_type": 0, "quota_attr": M{"type": 1}, "perday_duration": 86400}
		t.order = append(t.order, k)
	}
}

func init() {
	builtin = append(builtin, registerWeComJournal, registerWeComCalendar, registerWeComMeetingRoom, registerWeComVacation)
}

func registerWeComJournal(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/93393 (cursor is an offset)
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/journal/get_record_list"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		start, end, limit := wcInt(in, "starttime"), wcInt(in, "endtime"), wcInt(in, "limit")
		if start <= 0 || end < start || limit < 1 || limit > 100 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter")
		}
		var ids []string
		for _, j := range wcTab(r, "journal").all(func(m M) bool { t := wcInt(m, "report_time"); return t >= start && t <= end }) {
			ids = append(ids, wcStr(j, "journal_uuid"))
		}
		page, next, e := wcPage(ids, strconv.Itoa(wcInt(in, "cursor")), limit, limit, 100)
		if e != nil {
			return nil, e
		}
		n, _ := strconv.Atoi(next)
		return OK(M{"journaluuid_list": append([]string{}, page...), "next_cursor": n, "endflag": b2iFake(next == "")}), nil
	})
	get := func(r *Request, in M) (M, *Error) {
		j, ok := wcTab(r, "journal").get(wcStr(in, "journaluuid"))
		if !ok {
			return nil, Errorf(wcCodeInvalidParameter, "invalid journaluuid")
		}
		return j, nil
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/journal/get_record_detail"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		j, e := get(r, in)
		if e != nil {
			return nil, e
		}
		delete(j, "template_id")
		return OK(M{"info": j}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/journal/get_stat_list"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		start, end := wcInt(in, "starttime"), wcInt(in, "endtime")
		if e := wcNeed(in, "template_id"); e != nil || start <= 0 || end < start {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter")
		}
		js := wcTab(r, "journal").all(func(m M) bool {
			t := wcInt(m, "report_time")
			return wcStr(m, "template_id") == wcStr(in, "template_id") && t >= start && t <= end
		})
		if len(js) == 0 {
			return OK(M{"stat_list": []M{}}), nil
		}
		var reports []M
		for _, j := range js {
			reports = append(reports, M{"user": j["submitter"], "itemlist": []M{{"journaluuid": j["journal_uuid"], "reporttime": j["report_time"]}}})
		}
		return OK(M{"stat_list": []M{{"stat_id": "stat" + wcStr(in, "template_id"), "template_id": in["template_id"], "template_name": js[0]["template_name"],
			"report_type": 1, "cycle_begin_time": start, "cycle_end_time": end, "stat_begin_time": start, "stat_end_time": end, "report_list": reports}}}), nil
	})
	file := func(key string) JSONHandler {
		return func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			if e := wcNeed(in, "journaluuid", key); e != nil {
				return nil, e
			}
			if _, e := get(r, in); e != nil {
				return nil, e
			}
			if key == "docid" {
				return OK(M{"url": "https://doc.weixin.qq.com/export/" + wcStr(in, key)}), nil
			}
			return OK(M{"download_url": "https://drive.weixin.qq.com/download/" + wcStr(in, key), "cookie_name": "wwfile", "cookie_value": "c" + wcStr(in, key)}), nil
		}
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/journal/export_doc"), file("docid"))
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/journal/download_wedrive_file"), file("fileid"))

	// https://developer.work.weixin.qq.com/document/path/91627 and 91628
	s.HandleJSON(WeComPath("POST /cgi-bin/pstncc/call"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		users := wcStrs(in, "callee_userid")
		if len(users) == 0 || len(users) > 30 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid callee_userid")
		}
		states := []M{}
		t := wcTab(r, "pstncc")
		for _, u := range users {
			id := t.insert("call", "callid", M{"callee_userid": u, "calltime": r.Now().Unix()})
			states = append(states, M{"callee_userid": u, "callid": id, "code": 0, "msg": "ok"})
		}
		return OK(M{"states": states}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/pstncc/getstates"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		c, ok := wcTab(r, "pstncc").get(wcStr(in, "callid"))
		if !ok || wcStr(c, "callee_userid") != wcStr(in, "callee_userid") {
			return nil, Errorf(wcCodeInvalidParameter, "invalid callid")
		}
		return OK(M{"istalked": 1, "calltime": c["calltime"], "talktime": 30, "reason": 0}), nil
	})
}

func registerWeComCalendar(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/93647
	cal := wcCRUD{table: "calendar", idKey: "cal_id", prefix: "wcjgewCwAA", required: []string{"summary", "color"}}
	sch := wcCRUD{table: "schedule", idKey: "schedule_id", prefix: "17c7d2bd9f20d652840f72f59e796AAA", required: []string{"start_time", "end_time"}}
	getList := func(c wcCRUD, listKey, outKey string) JSONHandler {
		return func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			ids := wcStrs(in, listKey)
			if len(ids) == 0 {
				return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: %s empty", listKey)
			}
			out := []M{}
			for _, id := range ids {
				m, ok := wcTab(r, c.table).get(id)
				if !ok {
					return nil, c.missing()
				}
				delete(m, "create_time")
				out = append(out, m)
			}
			return OK(M{outKey: out}), nil
		}
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/calendar/add"), func(r *Request) (any, error) { return cal.create(r, "calendar") })
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/calendar/update"), func(r *Request) (any, error) { return cal.update(r, "calendar") })
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/calendar/get"), getList(cal, "cal_id_list", "calendar_list"))
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/calendar/del"), cal.remove)

	// https://developer.work.weixin.qq.com/document/path/93648
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/schedule/add"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		sc, _ := in["schedule"].(M)
		if sc == nil || wcInt(sc, "start_time") <= 0 || wcInt(sc, "end_time") < wcInt(sc, "start_time") {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: schedule time")
		}
		if id := wcStr(sc, "cal_id"); id != "" {
			if _, ok := wcTab(r, "calendar").get(id); !ok {
				return nil, cal.missing()
			}
		}
		return sch.create(r, "schedule")
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/schedule/update"), func(r *Request) (any, error) { return sch.update(r, "schedule") })
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/schedule/get"), getList(sch, "schedule_id_list", "schedule_list"))
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/schedule/del"), sch.remove)
	att := func(add bool) JSONHandler {
		return func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			var users []string
			for _, a := range asList(in["attendees"]) {
				users = append(users, wcStr(a.(M), "userid"))
			}
			if len(users) == 0 {
				return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: attendees empty")
			}
			if !wcTab(r, sch.table).modify(sch.id(in), func(m M) {
				cur := asList(m["attendees"])
				cur = slices.DeleteFunc(cur, func(x any) bool { return slices.Contains(users, wcStr(x.(M), "userid")) })
				if add {
					for _, u := range users {
						cur = append(cur, M{"userid": u, "response_status": 0})
					}
				}
				m["attendees"] = cur
			}) {
				return nil, sch.missing()
			}
			return nil, nil
		}
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/schedule/add_attendees"), att(true))
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/schedule/del_attendees"), att(false))
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/schedule/get_by_calendar"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		calID := wcStr(in, "cal_id")
		if _, ok := wcTab(r, "calendar").get(calID); !ok {
			return nil, cal.missing()
		}
		all := wcTab(r, sch.table).all(func(m M) bool { return wcStr(m, "cal_id") == calID })
		page, _, e := wcPage(all, strconv.Itoa(wcInt(in, "offset")), wcInt(in, "limit"), 500, 1000)
		if e != nil {
			return nil, e
		}
		return OK(M{"schedule_list": append([]M{}, page...)}), nil
	})
}

func registerWeComMeetingRoom(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/93619
	room := wcCRUD{table: "meetingroom", idKey: "meetingroom_id", numeric: true, required: []string{"name", "capacity"}}
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/add"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		for _, m := range wcTab(r, room.table).all(nil) {
			if wcStr(m, "name") == wcStr(in, "name") {
				return nil, Errorf(wcCodeInvalidParameter, "meeting room name exists")
			}
		}
		return room.create(r, "")
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/list"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		rooms := wcTab(r, room.table).all(func(m M) bool {
			for _, k := range []string{"city", "building", "floor"} {
				if v := wcStr(in, k); v != "" && wcStr(m, k) != v {
					return false
				}
			}
			return true
		})
		for _, m := range rooms {
			delete(m, "create_time")
		}
		return OK(M{"meetingroom_list": append([]M{}, rooms...)}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/edit"), func(r *Request) (any, error) { return room.update(r, "") })
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/del"), room.remove)
	// https://developer.work.weixin.qq.com/document/path/93620
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/book"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "meetingroom_id", "start_time", "end_time", "booker"); e != nil {
			return nil, e
		}
		rid := strconv.Itoa(wcInt(in, "meetingroom_id"))
		if _, ok := wcTab(r, room.table).get(rid); !ok {
			return nil, room.missing()
		}
		start, end := wcInt(in, "start_time"), wcInt(in, "end_time")
		if roomBooked(r, rid, start, end) {
			return nil, Errorf(wcCodeInvalidParameter, "meeting room already booked")
		}
		t := wcTab(r, "booking")
		b := M{"meetingroom_id": wcInt(in, "meetingroom_id"), "start_time": start, "end_time": end, "booker": in["booker"], "status": 0}
		id := t.insert("mtbook", "meeting_id", b)
		sid := "sch" + strings.TrimPrefix(id, "mtbook")
		t.modify(id, func(m M) { m["schedule_id"] = sid })
		return OK(M{"meeting_id": id, "schedule_id": sid}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/cancel_book"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if !wcTab(r, "booking").remove(wcStr(in, "meeting_id")) {
			return nil, Errorf(wcCodeInvalidParameter, "invalid meeting_id")
		}
		return nil, nil
	})
	bookings := func(r *Request, keep func(M) bool) []M {
		byRoom := map[int][]M{}
		var rooms []int
		for _, b := range wcTab(r, "booking").all(keep) {
			id := wcInt(b, "meetingroom_id")
			if _, ok := byRoom[id]; !ok {
				rooms = append(rooms, id)
			}
			delete(b, "meetingroom_id")
			delete(b, "create_time")
			byRoom[id] = append(byRoom[id], b)
		}
		out := []M{}
		for _, id := range rooms {
			out = append(out, M{"meetingroom_id": id, "schedule": byRoom[id]})
		}
		return out
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/get_booking_info"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		rid, start, end := wcInt(in, "meetingroom_id"), wcInt(in, "start_time"), wcInt(in, "end_time")
		return OK(M{"booking_list": bookings(r, func(b M) bool {
			return (rid == 0 || wcInt(b, "meetingroom_id") == rid) && (start == 0 || wcInt(b, "end_time") > start) && (end == 0 || wcInt(b, "start_time") < end)
		})}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/get_booking_info_by_meeting_id"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		l := bookings(r, func(b M) bool {
			return wcInt(b, "meetingroom_id") == wcInt(in, "meetingroom_id") && wcStr(b, "meeting_id") == wcStr(in, "meeting_id")
		})
		if len(l) == 0 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid meeting_id")
		}
		return OK(l[0]), nil
	})
}

func registerWeComVacation(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/93375
	s.HandleJSON(WeComPath("GET /cgi-bin/oa/vacation/getcorpconf"), func(r *Request) (any, error) {
		return OK(M{"lists": append([]M{}, wcTab(r, "vacation_conf").all(nil)...)}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/93376 and 93377
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/vacation/getuservacationquota"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "userid"); e != nil {
			return nil, e
		}
		out := []M{}
		for _, c := range wcTab(r, "vacation_conf").all(nil) {
			q, ok := wcTab(r, "vacation_quota").get(wcStr(in, "userid") + "/" + strconv.Itoa(wcInt(c, "id")))
			left := 0
			if ok {
				left = wcInt(q, "leftduration")
			}
			out = append(out, M{"id": c["id"], "assignduration": left, "usedduration": 0, "leftduration": left, "vacationname": c["name"], "real_assignduration": left})
		}
		return OK(M{"lists": out}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/vacation/setoneuserquota"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "userid", "vacation_id", "leftduration"); e != nil {
			return nil, e
		}
		vid := strconv.Itoa(wcInt(in, "vacation_id"))
		if _, ok := wcTab(r, "vacation_conf").get(vid); !ok {
			return nil, Errorf(wcCodeInvalidParameter, "invalid vacation_id")
		}
		t := wcTab(r, "vacation_quota")
		t.mu.Lock()
		t.items[wcStr(in, "userid")+"/"+vid] = M{"leftduration": wcInt(in, "leftduration")}
		t.mu.Unlock()
		return nil, nil
	})
}
