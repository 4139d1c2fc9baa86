package fakewechat

import (
	"strconv"
	"unicode/utf8"
)

func init() { builtin = append(builtin, registerWeComApprovalTemplate, registerWeComRoomBooking) }

// approvalTemplateBody checks the template_name and template_content of a
// create_template or update_template request and returns the template as
// gettemplatedetail answers it.
func approvalTemplateBody(r *Request, in M, self string) (M, *Error) {
	names := asList(in["template_name"])
	if len(names) == 0 {
		return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: template_name missing")
	}
	taken := map[string]bool{}
	tab := wcTab(r, "approval_template")
	tab.mu.Lock()
	for id, t := range tab.items {
		if id == self {
			continue
		}
		for _, n := range asList(wcClone(t)["template_names"]) {
			taken[wcStr(n.(M), "text")] = true
		}
	}
	tab.mu.Unlock()
	for _, n := range names {
		m, _ := n.(M)
		if e := wcNeed(m, "text", "lang"); e != nil {
			return nil, e
		}
		if utf8.RuneCountInString(wcStr(m, "text")) > 40 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: template_name too long")
		}
		if taken[wcStr(m, "text")] {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: template name exists")
		}
	}
	content, _ := in["template_content"].(M)
	seen := map[string]bool{}
	for _, c := range asList(content["controls"]) {
		p, _ := c.(M)["property"].(M)
		if e := wcNeed(p, "control", "id", "title"); e != nil {
			return nil, e
		}
		if seen[wcStr(p, "id")] {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: duplicate control id")
		}
		seen[wcStr(p, "id")] = true
	}
	if content == nil {
		content = M{"controls": []M{}}
	}
	return M{"template_names": names, "template_content": content}, nil
}

func registerWeComApprovalTemplate(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/97437
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/approval/create_template"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		t, e := approvalTemplateBody(r, in, "")
		if e != nil {
			return nil, e
		}
		// The id is the table key only: gettemplatedetail answers no id.
		id := wcTab(r, "approval_template").insert("C4UEh71DAPh775HPfXipikZ5eAGosskDbd", "", t)
		return OK(M{"template_id": id}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97440
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/approval/update_template"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		id := wcStr(in, "template_id")
		if _, ok := wcTab(r, "approval_template").get(id); !ok {
			return nil, Errorf(301025, "template not found")
		}
		t, e := approvalTemplateBody(r, in, id)
		if e != nil {
			return nil, e
		}
		wcTab(r, "approval_template").modify(id, func(m M) {
			m["template_names"] = t["template_names"]
			m["template_content"] = t["template_content"]
		})
		return nil, nil
	})
}

// roomBooked reports whether meeting room rid has a live booking that
// overlaps [start, end).
func roomBooked(r *Request, rid string, start, end int) bool {
	for _, b := range wcTab(r, "booking").all(nil) {
		if strconv.Itoa(wcInt(b, "meetingroom_id")) == rid && wcInt(b, "status") == 0 && start < wcInt(b, "end_time") && wcInt(b, "start_time") < end {
			return true
		}
	}
	return false
}

func registerWeComRoomBooking(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/93620: booking
	// by schedule or meeting takes the schedule's or the meeting's time.
	book := func(key string, period func(r *Request, id string) (start, end int, e *Error)) JSONHandler {
		return func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			if e := wcNeed(in, "meetingroom_id", key, "booker"); e != nil {
				return nil, e
			}
			rid := strconv.Itoa(wcInt(in, "meetingroom_id"))
			if _, ok := wcTab(r, "meetingroom").get(rid); !ok {
				return nil, Errorf(wcCodeInvalidParameter, "invalid meetingroom_id")
			}
			start, end, e := period(r, wcStr(in, key))
			if e != nil {
				return nil, e
			}
			if roomBooked(r, rid, start, end) {
				return nil, Errorf(wcCodeInvalidParameter, "meeting room already booked")
			}
			b := M{"meetingroom_id": wcInt(in, "meetingroom_id"), "start_time": start, "end_time": end, "booker": in["booker"], "status": 0, "schedule_id": ""}
			if key == "meetingid" {
				b["meeting_id"] = in[key]
			} else {
				b["schedule_id"] = in[key]
			}
			id := wcTab(r, "booking").insert("bkebsada6e027c123cbaf", "booking_id", b)
			return OK(M{"booking_id": id}), nil
		}
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/book_by_schedule"), book("schedule_id", func(r *Request, id string) (int, int, *Error) {
		sc, ok := wcTab(r, "schedule").get(id)
		if !ok {
			return 0, 0, Errorf(wcCodeInvalidParameter, "invalid schedule_id")
		}
		return wcInt(sc, "start_time"), wcInt(sc, "end_time"), nil
	}))
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/book_by_meeting"), book("meetingid", func(r *Request, id string) (int, int, *Error) {
		m, ok := wcTab(r, "meeting").get(id)
		if !ok {
			return 0, 0, Errorf(wcCodeInvalidParameter, "invalid meetingid")
		}
		if wcInt(m, "status") == 4 {
			return 0, 0, Errorf(400015, "meeting cancelled")
		}
		start := wcInt(m, "meeting_start")
		return start, start + wcInt(m, "meeting_duration"), nil
	}))
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/meetingroom/bookinfo/get"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "meetingroom_id", "booking_id"); e != nil {
			return nil, e
		}
		b, ok := wcTab(r, "booking").get(wcStr(in, "booking_id"))
		if !ok || wcInt(b, "meetingroom_id") != wcInt(in, "meetingroom_id") || wcStr(b, "booking_id") == "" {
			return nil, Errorf(wcCodeInvalidParameter, "invalid booking_id")
		}
		rid := b["meetingroom_id"]
		delete(b, "meetingroom_id")
		delete(b, "meeting_id")
		return OK(M{"meetingroom_id": rid, "schedule": b}), nil
	})
}
