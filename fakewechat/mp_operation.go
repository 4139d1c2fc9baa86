package fakewechat

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// The operations center (运维中心) is read-only: each endpoint checks its
// documented parameters (40097 "invalid args: NAME") and answers fixed data
// shaped like the docs' examples; see the package documentation.
func init() {
	stdMessages[CodeMPFeedbackMediaNotFound] = "不存在 mediaid 对应的数据"
	builtin = append(builtin, registerMPOperation)
}

// CodeMPFeedbackMediaNotFound is the errcode of getfeedbackmedia for an
// image that is not MPFeedbackMediaID of MPFeedbackMediaRecord.
const CodeMPFeedbackMediaNotFound = 46001

// The feedback image the fake has: media MPFeedbackMediaID of record
// MPFeedbackMediaRecord.
const (
	MPFeedbackMediaRecord = 2
	MPFeedbackMediaID     = "fake_feedback_media_1"
)

// mpFeedback is the fixed feedback of every app, the docs' example row in
// three types.
var mpFeedback = []M{
	{"record_id": 1, "create_time": 1587571200, "content": "白屏了", "phone": 18800000000, "openid": "openidxxxxxx",
		"nickname": "反馈用户昵称", "head_url": "反馈用户头像", "type": 4, "mediaIds": []string{}, "systemInfo": "{}"},
	{"record_id": MPFeedbackMediaRecord, "create_time": 1587574800, "content": "打不开", "phone": 18800000001, "openid": "openidyyyyyy",
		"nickname": "反馈用户昵称", "head_url": "反馈用户头像", "type": 1, "mediaIds": []string{MPFeedbackMediaID}, "systemInfo": "{}"},
	{"record_id": 3, "create_time": 1587578400, "content": "加载慢", "phone": 18800000002, "openid": "openidzzzzzz",
		"nickname": "反馈用户昵称", "head_url": "反馈用户头像", "type": 7, "mediaIds": []string{}, "systemInfo": "{}"},
}

var (
	mpJSErr = M{"errorMsgMd5": "f2fb4f8cd638466ad0e7607b01b7d0ca", "errorMsg": "TypeError: Cannot read property 'length' of undefined",
		"uv": 1, "pv": 2, "errorStackMd5": "795d63a2b8e3e8e0e5f4f1f3e5f96a1c", "errorStack": "at onLoad (pages/index/index.js:12:5)",
		"pvPercent": "100%", "uvPercent": "100%"}
	mpJSErrOccurrence = M{"Count": "1", "sdkVersion": "2.14.1", "ClientVersion": "7.0.22", "errorStackMd5": mpJSErr["errorStackMd5"],
		"TimeStamp": "1611590400", "appVersion": "2.0.18", "errorMsgMd5": mpJSErr["errorMsgMd5"], "errorMsg": mpJSErr["errorMsg"],
		"errorStack": mpJSErr["errorStack"], "Ds": "20210126", "OsName": "2", "openId": "openidxxxxxx", "pluginversion": "",
		"appId": "", "DeviceModel": "iPhone 11", "source": "1", "route": "pages/index/index", "nickname": "反馈用户昵称"}
	mpRealtimeLog = M{"level": 6, "platform": 1, "libraryVersion": "2.8.3", "clientVersion": "7.0.7", "id": "oXu034-Kl5Et2U0vsexKDsFaon0Q",
		"timestamp": 1570852796, "msg": []M{{"time": 1570852795, "msg": []string{"hello world"}, "level": 2},
			{"time": 1570852795, "msg": []string{"get msg list mig 10006"}, "level": 4}},
		"url": "pages/chat/chat", "traceid": "oXu03410akoNqfsrMMswk6Zwwl1U_1570852656", "filterMsg": "NetworkExceed08 ReportTimeTotal"}
)

// mpPage returns rows[offset:offset+limit].
func mpPage(rows []M, offset, limit int) []M {
	out := []M{}
	for i := offset; i >= 0 && i < len(rows) && i < offset+limit; i++ {
		out = append(out, rows[i])
	}
	return out
}

// mpDay parses a day of the operation APIs.
func mpDay(layout, s string) (time.Time, bool) {
	t, err := time.ParseInLocation(layout, s, oaBeijing)
	return t, err == nil
}

func registerMPOperation(s *Server) {
	s.HandleJSON("POST /wxa/getwxadevinfo", func(r *Request) (any, error) {
		var in struct {
			Action string `json:"action"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		server := M{"requestdomain": []string{"https://www.example.com"}, "wsrequestdomain": []string{"wss://www.qq.com"},
			"uploaddomain": []string{}, "downloaddomain": []string{"https://www.qq.com"}, "udpdomain": []string{"udp://www.example.com"}}
		biz := []string{"https://www.qq.com"}
		switch in.Action {
		case "getserverdomain":
			return OK(server), nil
		case "getbizdomain":
			return OK(M{"bizdomain": biz}), nil
		case "":
			server["bizdomain"] = biz
			return OK(server), nil
		}
		return nil, Errorf(CodeInvalidArgs, "invalid args: action")
	})

	s.HandleJSON("POST /wxaapi/log/get_performance", func(r *Request) (any, error) {
		var in struct {
			CostTimeType int    `json:"cost_time_type"`
			Start        int64  `json:"default_start_time"`
			End          int64  `json:"default_end_time"`
			Device       string `json:"device"`
			Download     string `json:"is_download_code"`
			Scene        string `json:"scene"`
			Network      string `json:"networktype"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		for name, v := range map[string]string{"device": in.Device, "is_download_code": in.Download, "scene": in.Scene, "networktype": in.Network} {
			if v == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: %s", name)
			}
		}
		switch {
		case in.CostTimeType < 1 || in.CostTimeType > 3:
			return nil, Errorf(CodeInvalidArgs, "invalid args: cost_time_type")
		case in.Start <= 0 || in.End < in.Start:
			return nil, Errorf(CodeInvalidArgs, "invalid args: default_end_time")
		}
		// One row per day of the range (at most 31), with the example's costs.
		var list []M
		day := time.Unix(in.Start, 0).In(oaBeijing)
		for i := 0; !day.After(time.Unix(in.End, 0)) && i < 31; i++ {
			list = append(list, M{"ref_date": day.Format("20060102"), "cost_time_type": in.CostTimeType, "cost_time": []int{1533, 1682}[i%2]})
			day = day.AddDate(0, 0, 1)
		}
		data, _ := json.Marshal(M{"list": list})
		return OK(M{"default_time_data": string(data), "compare_time_data": ""}), nil
	})

	s.HandleJSON("GET /wxaapi/log/get_scene", func(r *Request) (any, error) {
		return OK(M{"scene": []M{{"name": "全部", "value": "@_all"}, {"name": "小程序历史列表", "value": 1}}}), nil
	})

	s.HandleJSON("GET /wxaapi/log/get_client_version", func(r *Request) (any, error) {
		return OK(M{"cvlist": []M{{"type": 1, "client_version_list": []string{}}, {"type": 2, "client_version_list": []string{}}}}), nil
	})

	s.HandleJSON("GET /wxaapi/userlog/userlog_search", func(r *Request) (any, error) {
		q := r.Query
		day, ok := mpDay("20060102", q.Get("date"))
		if !ok || day.After(r.Now()) || r.Now().Sub(day) > 7*24*time.Hour {
			return nil, Errorf(CodeInvalidArgs, "invalid args: date")
		}
		begin, err1 := strconv.ParseInt(q.Get("begintime"), 10, 64)
		end, err2 := strconv.ParseInt(q.Get("endtime"), 10, 64)
		if err1 != nil || err2 != nil || end < begin || begin < day.Unix() || end >= day.AddDate(0, 0, 1).Unix() {
			return nil, Errorf(CodeInvalidArgs, "invalid args: begintime")
		}
		start, limit := 0, 20
		if v := q.Get("start"); v != "" {
			start, _ = strconv.Atoi(v)
		}
		if v := q.Get("limit"); v != "" {
			limit, _ = strconv.Atoi(v)
		}
		return OK(M{"data": M{"list": mpPage([]M{mpRealtimeLog}, start, limit), "total": 1}}), nil
	})

	s.HandleJSON("GET /wxaapi/feedback/list", func(r *Request) (any, error) {
		page, err1 := strconv.Atoi(r.Query.Get("page"))
		num, err2 := strconv.Atoi(r.Query.Get("num"))
		if err1 != nil || page < 1 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: page")
		}
		if err2 != nil || num < 1 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: num")
		}
		rows := mpFeedback
		if t := r.Query.Get("type"); t != "" {
			typ, err := strconv.Atoi(t)
			if err != nil || typ < 1 || typ > 8 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: type")
			}
			rows = nil
			for _, f := range mpFeedback {
				if f["type"] == typ {
					rows = append(rows, f)
				}
			}
		}
		return OK(M{"list": mpPage(rows, (page-1)*num, num), "total_num": len(rows)}), nil
	})

	s.HandleRaw("GET /cgi-bin/media/getfeedbackmedia", func(w http.ResponseWriter, r *Request) {
		rec, media := r.Query.Get("record_id"), r.Query.Get("media_id")
		if rec == "" || media == "" {
			s.WriteError(w, r.HTTP, Errorf(CodeInvalidArgs, "invalid args: record_id"))
			return
		}
		if rec != strconv.Itoa(MPFeedbackMediaRecord) || media != MPFeedbackMediaID {
			s.WriteError(w, r.HTTP, ErrCode(CodeMPFeedbackMediaNotFound))
			return
		}
		img := mpPNG(64, false, rec+"\x00"+media)
		w.Header().Set("Content-Type", "image/png")
		w.Header().Set("Content-Length", strconv.Itoa(len(img)))
		w.WriteHeader(http.StatusOK)
		w.Write(img) //nolint:errcheck // client gone
	})

	s.HandleJSON("POST /wxaapi/log/jserr_list", func(r *Request) (any, error) {
		var in struct {
			AppVersion, ErrType, StartTime, EndTime, Keyword, OpenID, OrderBy, Desc *string
			Offset, Limit                                                           *int
		}
		if err := decodeOpFields(r, map[string]any{"appVersion": &in.AppVersion, "errType": &in.ErrType,
			"startTime": &in.StartTime, "endTime": &in.EndTime, "keyword": &in.Keyword, "openid": &in.OpenID,
			"orderby": &in.OrderBy, "desc": &in.Desc, "offset": &in.Offset, "limit": &in.Limit}); err != nil {
			return nil, err
		}
		if err := mpCheckDays(*in.StartTime, *in.EndTime); err != nil {
			return nil, err
		}
		switch {
		case *in.ErrType != "0" && *in.ErrType != "1" && *in.ErrType != "2" && *in.ErrType != "3":
			return nil, Errorf(CodeInvalidArgs, "invalid args: errType")
		case *in.OrderBy != "uv" && *in.OrderBy != "pv":
			return nil, Errorf(CodeInvalidArgs, "invalid args: orderby")
		case *in.Desc != "1" && *in.Desc != "2":
			return nil, Errorf(CodeInvalidArgs, "invalid args: desc")
		case *in.Limit < 1 || *in.Limit > 30 || *in.Offset < 0:
			return nil, Errorf(CodeInvalidArgs, "invalid args: limit")
		}
		return OK(M{"data": mpPage([]M{mpJSErr}, *in.Offset, *in.Limit), "totalCount": 1}), nil
	})

	s.HandleJSON("POST /wxaapi/log/jserr_detail", func(r *Request) (any, error) {
		var in struct {
			StartTime, EndTime, ErrorMsgMd5, ErrorStackMd5, AppVersion, SDKVersion, OSName, ClientVersion, OpenID, Desc *string
			Offset, Limit                                                                                               *int
		}
		if err := decodeOpFields(r, map[string]any{"startTime": &in.StartTime, "endTime": &in.EndTime,
			"errorMsgMd5": &in.ErrorMsgMd5, "errorStackMd5": &in.ErrorStackMd5, "appVersion": &in.AppVersion,
			"sdkVersion": &in.SDKVersion, "osName": &in.OSName, "clientVersion": &in.ClientVersion, "openid": &in.OpenID,
			"desc": &in.Desc, "offset": &in.Offset, "limit": &in.Limit}); err != nil {
			return nil, err
		}
		if err := mpCheckDays(*in.StartTime, *in.EndTime); err != nil {
			return nil, err
		}
		switch {
		case *in.OSName != "0" && *in.OSName != "1" && *in.OSName != "2" && *in.OSName != "3":
			return nil, Errorf(CodeInvalidArgs, "invalid args: osName")
		case *in.Desc != "0" && *in.Desc != "1":
			return nil, Errorf(CodeInvalidArgs, "invalid args: desc")
		case *in.Limit < 1 || *in.Offset < 0:
			return nil, Errorf(CodeInvalidArgs, "invalid args: limit")
		}
		rows := []M{}
		if *in.ErrorMsgMd5 == mpJSErr["errorMsgMd5"] && *in.ErrorStackMd5 == mpJSErr["errorStackMd5"] {
			rows = append(rows, mpJSErrOccurrence)
		}
		return OK(M{"data": mpPage(rows, *in.Offset, *in.Limit), "totalCount": len(rows)}), nil
	})
}

// decodeOpFields decodes the body into the pointers of fields, by JSON name,
// and answers 40097 for the first one missing: every field of the JS error
// APIs is required, even when empty.
func decodeOpFields(r *Request, fields map[string]any) error {
	m, err := r.JSON()
	if err != nil {
		return err
	}
	for name, p := range fields {
		raw, ok := m[name]
		if !ok || raw == nil {
			return Errorf(CodeInvalidArgs, "invalid args: %s", name)
		}
		b, _ := json.Marshal(raw)
		if err := json.Unmarshal(b, p); err != nil {
			return ErrCode(CodeDataFormat)
		}
	}
	return nil
}

// mpCheckDays checks the "yyyy-mm-dd" range of the JS error APIs.
func mpCheckDays(start, end string) error {
	s, ok1 := mpDay("2006-01-02", start)
	e, ok2 := mpDay("2006-01-02", end)
	if !ok1 {
		return Errorf(CodeInvalidArgs, "invalid args: startTime")
	}
	if !ok2 || e.Before(s) {
		return Errorf(CodeInvalidArgs, "invalid args: endTime")
	}
	return nil
}
