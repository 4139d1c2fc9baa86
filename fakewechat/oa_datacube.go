package fakewechat

import (
	"maps"
	"time"
)

func init() { builtin = append(builtin, registerOADataCube) }

// oaDataCube is one /datacube statistics API of the fake: the longest range
// it accepts (days counting both ends) and the rows it answers for each day
// of the range, taken from the docs' examples ("ref_date" and, in details,
// "stat_date" are set to the day).
type oaDataCube struct {
	maxDays int
	rows    []M
}

var (
	oaReadStats = M{"int_page_read_user": 45524, "int_page_read_count": 48796, "ori_page_read_user": 11, "ori_page_read_count": 35,
		"share_user": 11, "share_count": 276, "add_to_fav_user": 5, "add_to_fav_count": 15}
	oaDataCubes = map[string]oaDataCube{
		"getusersummary":    {7, []M{{"user_source": 0, "new_user": 0, "cancel_user": 0}, {"user_source": 30, "new_user": 3, "cancel_user": 1}}},
		"getusercumulate":   {7, []M{{"cumulate_user": 1217056}}},
		"getarticlesummary": {1, []M{oaWith(oaReadStats, M{"msgid": "10000050_1", "title": "12月27日 DiLi日报"})}},
		"getarticletotal": {1, []M{{"msgid": "10000050_1", "title": "12月27日 DiLi日报", "details": []M{oaWith(oaReadStats, M{
			"target_user": 261917, "int_page_from_session_read_user": 657283, "int_page_from_session_read_count": 753486,
			"int_page_from_hist_msg_read_user": 1669, "int_page_from_hist_msg_read_count": 1920, "int_page_from_feed_read_user": 367308,
			"int_page_from_feed_read_count": 433422, "int_page_from_friends_read_user": 15428, "int_page_from_friends_read_count": 19645,
			"int_page_from_other_read_user": 477, "int_page_from_other_read_count": 703, "feed_share_from_session_user": 63925,
			"feed_share_from_session_cnt": 66489, "feed_share_from_feed_user": 18249, "feed_share_from_feed_cnt": 19319,
			"feed_share_from_other_user": 12, "feed_share_from_other_cnt": 12})}}}},
		"getuserread":             {3, []M{oaWith(oaReadStats, M{"user_source": 99999999})}},
		"getuserreadhour":         {1, []M{oaWith(oaReadStats, M{"ref_hour": 1200, "user_source": 0})}},
		"getusershare":            {7, []M{{"share_scene": 1, "share_count": 207, "share_user": 11}}},
		"getusersharehour":        {1, []M{{"ref_hour": 1200, "share_scene": 1, "share_count": 72, "share_user": 4}}},
		"getupstreammsg":          {7, []M{{"msg_type": 1, "msg_user": 282, "msg_count": 817}}},
		"getupstreammsghour":      {1, []M{{"ref_hour": 0, "msg_type": 1, "msg_user": 9, "msg_count": 10}}},
		"getupstreammsgweek":      {30, []M{{"msg_type": 1, "msg_user": 16, "msg_count": 27}}},
		"getupstreammsgmonth":     {30, []M{{"msg_type": 1, "msg_user": 7, "msg_count": 42}}},
		"getupstreammsgdist":      {15, []M{{"count_interval": 1, "msg_user": 246}}},
		"getupstreammsgdistweek":  {30, []M{{"count_interval": 1, "msg_user": 246}}},
		"getupstreammsgdistmonth": {30, []M{{"count_interval": 1, "msg_user": 246}}},
		"getinterfacesummary":     {30, []M{{"callback_count": 36974, "fail_count": 67, "total_time_cost": 14994291, "max_time_cost": 5044}}},
		"getinterfacesummaryhour": {1, []M{{"ref_hour": 0, "callback_count": 331, "fail_count": 18, "total_time_cost": 167870, "max_time_cost": 5042}}},
	}
)

// oaWith returns a copy of a with the keys of b added.
func oaWith(a, b M) M {
	m := make(M, len(a)+len(b))
	maps.Copy(m, a)
	maps.Copy(m, b)
	return m
}

// oaBeijing is the zone of the statistics dates.
var oaBeijing = time.FixedZone("CST", 8*60*60)

func registerOADataCube(s *Server) {
	for path, api := range oaDataCubes {
		s.HandleJSON("POST /datacube/"+path, func(r *Request) (any, error) {
			var in struct {
				BeginDate string `json:"begin_date"`
				EndDate   string `json:"end_date"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			begin, e1 := time.Parse(time.DateOnly, in.BeginDate)
			end, e2 := time.Parse(time.DateOnly, in.EndDate)
			if e1 != nil || e2 != nil {
				return nil, ErrCode(CodeDatacubeDateFormat)
			}
			today, _ := time.Parse(time.DateOnly, r.Now().In(oaBeijing).Format(time.DateOnly))
			if end.Before(begin) || int(end.Sub(begin)/(24*time.Hour))+1 > api.maxDays || !end.Before(today) {
				return nil, ErrCode(CodeDatacubeDateRange)
			}
			list := []M{}
			for d := begin; !d.After(end); d = d.AddDate(0, 0, 1) {
				day := M{"ref_date": d.Format(time.DateOnly)}
				for _, row := range api.rows {
					m := oaWith(row, day)
					if details, ok := m["details"].([]M); ok {
						ds := make([]M, len(details))
						for i, x := range details {
							ds[i] = oaWith(x, M{"stat_date": day["ref_date"]})
						}
						m["details"] = ds
					}
					list = append(list, m)
				}
			}
			return OK(M{"list": list}), nil
		})
	}
}
