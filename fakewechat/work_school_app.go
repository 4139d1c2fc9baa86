package fakewechat

import (
	"strconv"
	"time"
)

// The school settings (stateful) and the class live broadcast and class
// collection reads (fixed data shaped like the docs' examples).

// wcChinaTime is the zone of the school calendar (upgrade dates).
var wcChinaTime = time.FixedZone("CST", 8*3600)

// nextUpgrade is the next midnight (China time), after now, on the month
// and day of t.
func nextUpgrade(t int64, now time.Time) int64 {
	d := time.Unix(t, 0).In(wcChinaTime)
	n := now.In(wcChinaTime)
	next := time.Date(n.Year(), d.Month(), d.Day(), 0, 0, 0, 0, wcChinaTime)
	if !next.After(n) {
		next = next.AddDate(1, 0, 0)
	}
	return next.Unix()
}

// The docs' examples of the read-only school endpoints.
var (
	wcSchoolAllowScope = M{"students": M{"userid": []string{"student1", "student2"}}, "departments": M{"partyid": []int{1, 2}}}
	wcSchoolLiving     = M{"theme": "直角三角形讲解", "living_start": 1586405229, "living_duration": 1800, "anchor_userid": "zhangsan",
		"living_range": M{"partyids": []int{1, 4, 9}, "group_names": []string{"group_name1", "group_name2"}},
		"viewer_num":   100, "comment_num": 110, "open_replay": 1, "push_stream_url": "https://www.qq.test.com", "online_count": 1, "subscribe_count": 1}
	wcSchoolWatch = func(extra M, comment int) M {
		m := M{"watch_time": 30, "enter_time": 1586433904, "leave_time": 1586434000, "is_comment": comment}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	wcSchoolWatchStat = M{"students": []M{
		wcSchoolWatch(M{"student_userid": "zhansan_child", "parent_userid": "zhangsan", "partyids": []int{10, 11}}, 1),
		wcSchoolWatch(M{"student_userid": "lisi_child", "parent_userid": "lisi", "partyids": []int{10, 11}}, 0)},
		"visitors": []M{wcSchoolWatch(M{"nickname": "wx_nickname1"}, 1), wcSchoolWatch(M{"nickname": "wx_nickname2"}, 0)}}
	wcSchoolWatchStatV2 = M{"students": []M{
		wcSchoolWatch(M{"student_userid": "zhansan_child", "partyids": []int{10, 11}}, 1),
		wcSchoolWatch(M{"student_userid": "lisi_child", "partyids": []int{10, 11}}, 0)},
		"parents": []M{wcSchoolWatch(M{"parent_userid": "zhangsan", "student_userid": "zhansan_child", "partyids": []int{10, 11}}, 1),
			wcSchoolWatch(M{"parent_userid": "lisi", "student_userid": "lisi_child", "partyids": []int{10, 11}}, 0)}}
	wcSchoolUnwatchStat = M{"students": []M{{"student_userid": "zhansan_child", "partyids": []int{10, 11}}, {"student_userid": "lisi_child", "partyids": []int{5}}},
		"parents": []M{{"parent_userid": "zhangsan", "student_userid": "zhansan_child", "partyids": []int{10, 11}},
			{"parent_userid": "lisi", "student_userid": "lisi_child", "partyids": []int{5}}}}
	wcSchoolPayment = M{"project_name": "学费", "amount": 998, "payment_result": []M{
		{"student_userid": "xxxx", "trade_state": 1, "trade_no": "xxxxx", "payer_parent_userid": "zhangshan"}}}
	wcSchoolTrade = M{"transaction_id": "xxxxx", "pay_time": 12345}
)

// wcSchoolCursor answers the two pages of a v2 statistic: the first
// (next_cursor "0") half of the list, then the rest.
func wcSchoolCursor(in M, stat M) (any, error) {
	if e := wcNeed(in, "livingid", "next_cursor"); e != nil {
		return nil, e
	}
	page := M{}
	more, next := 1, "1"
	for k, v := range stat {
		l := v.([]M)
		switch wcStr(in, "next_cursor") {
		case "0":
			page[k] = l[:1]
		case "1":
			page[k], more, next = l[1:], 0, ""
		default:
			return nil, wcSchoolBad("next_cursor")
		}
	}
	return OK(M{"has_more": more, "next_cursor": next, "stat_info": page}), nil
}

func registerWeComSchoolMore(h wcSchoolRoute) {
	// https://developer.work.weixin.qq.com/document/path/92345
	h("POST /cgi-bin/school/set_arch_sync_mode", func(r *Request, sc *wcSchool, in M) (any, error) {
		m := wcInt(in, "arch_sync_mode")
		if _, isNum := in["arch_sync_mode"].(float64); !isNum || m < 1 || m > 3 {
			return nil, wcSchoolBad("arch_sync_mode")
		}
		sc.archSyncMode |= m // a stopped sync never restarts
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/92949
	h("POST /cgi-bin/school/set_upgrade_info", func(r *Request, sc *wcSchool, in M) (any, error) {
		if v, ok := in["upgrade_time"]; ok {
			if n, isNum := v.(float64); !isNum || n < 0 {
				return nil, wcSchoolBad("upgrade_time")
			}
		}
		if v, ok := in["upgrade_switch"]; ok {
			if _, isNum := v.(float64); !isNum {
				return nil, wcSchoolBad("upgrade_switch")
			}
		}
		sc.upgradeTime, sc.upgradeSwitch = int64(wcInt(in, "upgrade_time")), 0
		if wcInt(in, "upgrade_switch") == 1 {
			sc.upgradeSwitch = 1
		}
		return OK(M{"next_upgrade_time": nextUpgrade(sc.upgradeTime, r.Now())}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/94895
	h("GET /cgi-bin/school/agent/get_allow_scope", func(r *Request, sc *wcSchool, _ M) (any, error) {
		_, agent := wecomCaller(r)
		if id, err := strconv.ParseInt(r.Query.Get("agentid"), 10, 64); err != nil || id != agent {
			return nil, wcSchoolBad("agentid")
		}
		return OK(M{"allow_scope": wcSchoolAllowScope}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/93740
	h("GET /cgi-bin/school/living/get_living_info", func(r *Request, sc *wcSchool, _ M) (any, error) {
		if r.Query.Get("livingid") == "" {
			return nil, wcSchoolBad("livingid missing")
		}
		return OK(M{"living_info": wcSchoolLiving}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97129
	h("POST /cgi-bin/school/living/get_watch_stat", func(r *Request, sc *wcSchool, in M) (any, error) {
		if e := wcNeed(in, "livingid", "next_key"); e != nil {
			return nil, e
		}
		return OK(M{"ending": 1, "next_key": "NEXT_KEY", "stat_infoes": wcSchoolWatchStat}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/95799
	h("POST /cgi-bin/school/living/get_watch_stat_v2", func(r *Request, sc *wcSchool, in M) (any, error) {
		return wcSchoolCursor(in, wcSchoolWatchStatV2)
	})
	// https://developer.work.weixin.qq.com/document/path/95795
	h("POST /cgi-bin/school/living/get_unwatch_stat_v2", func(r *Request, sc *wcSchool, in M) (any, error) {
		return wcSchoolCursor(in, wcSchoolUnwatchStat)
	})
	// https://developer.work.weixin.qq.com/document/path/94470
	h("POST /cgi-bin/school/get_payment_result", func(r *Request, sc *wcSchool, in M) (any, error) {
		if e := wcNeed(in, "payment_id"); e != nil {
			return nil, e
		}
		return OK(wcSchoolPayment), nil
	})
	// https://developer.work.weixin.qq.com/document/path/94471
	h("POST /cgi-bin/school/get_trade", func(r *Request, sc *wcSchool, in M) (any, error) {
		if e := wcNeed(in, "payment_id", "trade_no"); e != nil {
			return nil, e
		}
		return OK(wcSchoolTrade), nil
	})
}
