package fakewechat

import (
	"encoding/base64"
	"slices"
	"strconv"
	"time"
)

// WeComCheckinGroup is a check-in rule of a fake corp and its members.
type WeComCheckinGroup struct {
	GroupID   int
	GroupName string
	GroupType int
	Users     []string
}

// AddWeComApprovalTemplate adds an approval template to corpID; controls
// are control types ("Text", "Date"...), whose ids are "Text-0", "Date-1"...
func (s *Server) AddWeComApprovalTemplate(corpID, templateID, name string, controls ...string) {
	var cs []M
	for i, c := range controls {
		cs = append(cs, M{"property": M{"control": c, "id": c + "-" + strconv.Itoa(i), "title": []M{{"text": c, "lang": "zh_CN"}}, "require": 1, "un_print": 0}})
	}
	t := wcTableOf(s, corpID, "approval_template")
	t.mu.Lock()
	defer t.mu.Unlock()
	t.items[templateID] = M{"template_names": []M{{"text": name, "lang": "zh_CN"}}, "template_content": M{"controls": cs}}
	t.order = append(t.order, templateID)
}

// AddWeComCheckinGroup adds a check-in rule to corpID.
func (s *Server) AddWeComCheckinGroup(corpID string, g WeComCheckinGroup) {
	t := wcTableOf(s, corpID, "checkin_group")
	t.mu.Lock()
	defer t.mu.Unlock()
	id := strconv.Itoa(g.GroupID)
	t.items[id] = M{"groupid": g.GroupID, "groupname": g.GroupName, "grouptype": g.GroupType, "users": slices.Clone(g.Users)}
	t.order = append(t.order, id)
}

// AddWeComCheckin records a check-in of userID at t (Unix) in corpID.
func (s *Server) AddWeComCheckin(corpID, userID string, t int64, device string) {
	tab := wcTableOf(s, corpID, "checkin")
	m := M{"userid": userID, "checkin_time": t, "checkin_type": "上班打卡", "exception_type": "", "groupname": "", "device_sn": device, "device_name": device}
	tab.insert("c", "", m)
}

func wcTableOf(s *Server, corpID, name string) *wcTable {
	return Value(s.State("wecom:"+corpID), "table:"+name, func() *wcTable { return &wcTable{items: map[string]M{}} })
}

func init() { builtin = append(builtin, registerWeComApproval, registerWeComCheckin) }

func registerWeComApproval(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/91982
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/gettemplatedetail"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		t, ok := wcTab(r, "approval_template").get(wcStr(in, "template_id"))
		if !ok {
			return nil, Errorf(301025, "template not found")
		}
		return OK(t), nil
	})
	// https://developer.work.weixin.qq.com/document/path/91853
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/applyevent"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "creator_userid", "template_id"); e != nil {
			return nil, e
		}
		if _, ok := wcTab(r, "approval_template").get(wcStr(in, "template_id")); !ok {
			return nil, Errorf(301025, "template not found")
		}
		t := wcTab(r, "approval")
		now := r.Now()
		rec := M{"sp_name": "", "sp_status": 1, "template_id": in["template_id"], "apply_time": now.Unix(),
			"applyer": M{"userid": in["creator_userid"], "partyid": "1"}, "apply_data": in["apply_data"], "sp_record": []M{}, "notifyer": []M{}}
		for _, a := range asList(in["approver"]) {
			var details []M
			for _, u := range wcStrs(a.(M), "userid") {
				details = append(details, M{"approver": M{"userid": u}, "speech": "", "sp_status": 1, "sptime": 0})
			}
			rec["sp_record"] = append(rec["sp_record"].([]M), M{"sp_status": 1, "approverattr": wcInt(a.(M), "attr"), "details": details})
		}
		t.mu.Lock()
		t.seq++
		no := now.Format("20060102") + strconv.Itoa(100000+t.seq)
		t.mu.Unlock()
		rec["sp_no"] = no
		t.mu.Lock()
		t.items[no] = wcClone(rec)
		t.order = append(t.order, no)
		t.mu.Unlock()
		return OK(M{"sp_no": no}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/91816
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/getapprovalinfo"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		start, end, size := wcInt(in, "starttime"), wcInt(in, "endtime"), wcInt(in, "size")
		if start <= 0 || end < start || end-start > 31*86400 || size < 1 || size > 100 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter")
		}
		var nos []string
		for _, m := range wcTab(r, "approval").all(func(m M) bool {
			at := wcInt(m, "apply_time")
			if at < start || at > end {
				return false
			}
			for _, f := range asList(in["filters"]) {
				fm, _ := f.(M)
				if wcStr(fm, "key") == "sp_status" && strconv.Itoa(wcInt(m, "sp_status")) != wcStr(fm, "value") {
					return false
				}
			}
			return true
		}) {
			nos = append(nos, wcStr(m, "sp_no"))
		}
		page, next, e := wcPage(nos, wcStr(in, "new_cursor"), size, size, 100)
		if e != nil {
			return nil, e
		}
		return OK(M{"sp_no_list": append([]string{}, page...), "new_next_cursor": next}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/91983
	s.HandleJSON(WeComPath("POST /cgi-bin/oa/getapprovaldetail"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		m, ok := wcTab(r, "approval").get(wcStr(in, "sp_no"))
		if !ok {
			return nil, Errorf(301055, "sp_no not found")
		}
		return OK(M{"info": m}), nil
	})
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func registerWeComCheckin(s *Server) {
	groupsOf := func(r *Request) []M { return wcTab(r, "checkin_group").all(nil) }
	// https://developer.work.weixin.qq.com/document/path/93384
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/getcorpcheckinoption"), func(r *Request) (any, error) {
		if _, err := r.JSON(); err != nil {
			return nil, err
		}
		gs := groupsOf(r)
		for _, g := range gs {
			delete(g, "users")
		}
		return OK(M{"group": append([]M{}, gs...)}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/90263
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/getcheckinoption"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		users := wcStrs(in, "useridlist")
		if len(users) == 0 || wcInt(in, "datetime") <= 0 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter")
		}
		info := []M{}
		for _, u := range users {
			for _, g := range groupsOf(r) {
				if slices.Contains(wcStrs(g, "users"), u) {
					delete(g, "users")
					info = append(info, M{"userid": u, "group": g})
					break
				}
			}
		}
		return OK(M{"info": info}), nil
	})
	records := func(r *Request, users []string, start, end int64) []M {
		return wcTab(r, "checkin").all(func(m M) bool {
			t := int64(wcInt(m, "checkin_time"))
			return slices.Contains(users, wcStr(m, "userid")) && t >= start && t <= end
		})
	}
	// https://developer.work.weixin.qq.com/document/path/90262
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/getcheckindata"), withPeriod(func(r *Request, in M, users []string, start, end int64) (any, error) {
		if t := wcInt(in, "opencheckindatatype"); t < 1 || t > 3 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid opencheckindatatype")
		}
		recs := records(r, users, start, end)
		for _, m := range recs {
			delete(m, "device_sn")
			delete(m, "device_name")
		}
		return OK(M{"checkindata": append([]M{}, recs...)}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/94126
	s.HandleJSON(WeComPath("POST /cgi-bin/hardware/get_hardware_checkin_data"), withPeriod(func(r *Request, in M, users []string, start, end int64) (any, error) {
		out := []M{}
		for _, m := range records(r, users, start, end) {
			if wcStr(m, "device_sn") != "" {
				out = append(out, M{"userid": m["userid"], "checkin_time": m["checkin_time"], "device_sn": m["device_sn"], "device_name": m["device_name"]})
			}
		}
		return OK(M{"checkindata": out}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/96498 and 96499:
	// one report per member and day (month) with check-ins.
	report := func(month bool) JSONHandler {
		return withPeriod(func(r *Request, in M, users []string, start, end int64) (any, error) {
			datas := []M{}
			for _, u := range users {
				byDay := map[int64][]int64{}
				var days []int64
				for _, m := range records(r, []string{u}, start, end) {
					t := int64(wcInt(m, "checkin_time"))
					d := t - t%86400
					if month {
						d = start
					}
					if _, ok := byDay[d]; !ok {
						days = append(days, d)
					}
					byDay[d] = append(byDay[d], t)
				}
				for _, d := range days {
					ts := byDay[d]
					base := M{"record_type": 1, "name": u, "name_ex": u, "departs_name": "", "acctid": u, "rule_info": M{"groupid": 0, "groupname": ""}}
					sum := M{"regular_work_sec": slices.Max(ts) - slices.Min(ts), "standard_work_sec": 8 * 3600}
					if month {
						sum["work_days"] = len(ts)
					} else {
						base["date"] = d
						sum["checkin_count"] = len(ts)
						sum["earliest_time"] = slices.Min(ts) - d
						sum["lastest_time"] = slices.Max(ts) - d
					}
					datas = append(datas, M{"base_info": base, "summary_info": sum})
				}
			}
			return OK(M{"datas": datas}), nil
		})
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/getcheckin_daydata"), report(false))
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/getcheckin_monthdata"), report(true))
	// https://developer.work.weixin.qq.com/document/path/93385 and 93380
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/setcheckinschedulist"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		gid := strconv.Itoa(wcInt(in, "groupid"))
		if _, ok := wcTab(r, "checkin_group").get(gid); !ok {
			return nil, Errorf(wcCodeInvalidParameter, "invalid groupid")
		}
		ym := wcInt(in, "yearmonth")
		t := wcTab(r, "checkin_schedule")
		for _, it := range asList(in["items"]) {
			m, _ := it.(M)
			key := wcStr(m, "userid") + "/" + strconv.Itoa(ym)
			t.mu.Lock()
			row, ok := t.items[key]
			if !ok {
				row = M{"userid": wcStr(m, "userid"), "yearmonth": ym, "groupid": wcInt(in, "groupid"), "groupname": "", "days": M{}}
				t.items[key] = row
				t.order = append(t.order, key)
			}
			row["days"].(M)[strconv.Itoa(wcInt(m, "day"))] = wcInt(m, "schedule_id")
			t.mu.Unlock()
		}
		return nil, nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/getcheckinschedulist"), withPeriod(func(r *Request, in M, users []string, start, end int64) (any, error) {
		from, to := time.Unix(start, 0).UTC(), time.Unix(end, 0).UTC()
		out := []M{}
		for _, row := range wcTab(r, "checkin_schedule").all(nil) {
			ym := wcInt(row, "yearmonth")
			y, mo := ym/100, ym%100
			if !slices.Contains(users, wcStr(row, "userid")) || y*12+mo < from.Year()*12+int(from.Month()) || y*12+mo > to.Year()*12+int(to.Month()) {
				continue
			}
			var list []M
			days, _ := row["days"].(M)
			keys := make([]int, 0, len(days))
			for k := range days {
				n, _ := strconv.Atoi(k)
				keys = append(keys, n)
			}
			slices.Sort(keys)
			for _, d := range keys {
				list = append(list, M{"day": d, "schedule_info": M{"schedule_id": days[strconv.Itoa(d)], "schedule_name": "班次" + strconv.Itoa(wcInt(days, strconv.Itoa(d)))}})
			}
			delete(row, "days")
			row["schedule"] = M{"scheduleList": list}
			out = append(out, row)
		}
		return OK(M{"schedule_list": out}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/95803
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/punch_correction"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "userid", "schedule_date_time", "checkin_time"); e != nil {
			return nil, e
		}
		wcTab(r, "checkin").insert("c", "", M{"userid": in["userid"], "checkin_time": in["checkin_time"], "checkin_type": "上班打卡",
			"exception_type": "", "groupname": "", "notes": in["remark"]})
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/93378
	s.HandleJSON(WeComPath("POST /cgi-bin/checkin/addcheckinuserface"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "userid", "userface"); e != nil {
			return nil, e
		}
		if _, err := base64.StdEncoding.DecodeString(wcStr(in, "userface")); err != nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid userface")
		}
		return nil, nil
	})
}

// checkinPeriod validates the useridlist, starttime and endtime of a
// check-in query.
func checkinPeriod(in M) ([]string, int64, int64, *Error) {
	users := wcStrs(in, "useridlist")
	start, end := int64(wcInt(in, "starttime")), int64(wcInt(in, "endtime"))
	if len(users) == 0 || len(users) > 100 {
		return nil, 0, 0, Errorf(wcCodeInvalidParameter, "invalid useridlist")
	}
	if start <= 0 || end < start || end-start > 31*86400 {
		return nil, 0, 0, Errorf(wcCodeInvalidParameter, "invalid time range")
	}
	return users, start, end, nil
}

// withPeriod decodes a check-in query and runs fn with its members and period.
func withPeriod(fn func(r *Request, in M, users []string, start, end int64) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		users, start, end, e := checkinPeriod(in)
		if e != nil {
			return nil, e
		}
		return fn(r, in, users, start, end)
	}
}
