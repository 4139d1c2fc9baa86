package miniprogram_test

import (
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestOperationDomainsScenesVersions(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	d, err := c.Operation.DomainInfo(ctx, miniprogram.DomainsServer)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.RequestDomain) != 1 || d.RequestDomain[0] != "https://www.example.com" || d.WSRequestDomain[0] != "wss://www.qq.com" ||
		len(d.UploadDomain) != 0 || d.UDPDomain[0] != "udp://www.example.com" || d.BizDomain != nil {
		t.Errorf("server domains = %+v", d)
	}
	if _, body := last(t, srv, "POST /wxa/getwxadevinfo"); asJSON(t, body) != `{"action":"getserverdomain"}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	if d, err := c.Operation.DomainInfo(ctx, miniprogram.DomainsBiz); err != nil || len(d.BizDomain) != 1 || d.RequestDomain != nil {
		t.Fatalf("biz domains = %+v, %v", d, err)
	}
	if d, err := c.Operation.DomainInfo(ctx, miniprogram.DomainsAll); err != nil || len(d.BizDomain) != 1 || len(d.DownloadDomain) != 1 {
		t.Fatalf("all domains = %+v, %v", d, err)
	}
	if _, body := last(t, srv, "POST /wxa/getwxadevinfo"); asJSON(t, body) != `{}` {
		t.Errorf("all body = %s", asJSON(t, body))
	}

	scenes, err := c.Operation.Scenes(ctx)
	if err != nil || len(scenes) != 2 || scenes[0].Value != miniprogram.OperationAll || scenes[1].Value != "1" || scenes[1].Name != "小程序历史列表" {
		t.Fatalf("Scenes = %+v, %v", scenes, err)
	}
	cv, err := c.Operation.ClientVersions(ctx)
	if err != nil || len(cv) != 2 || cv[0].Type != 1 || cv[1].Type != 2 {
		t.Fatalf("ClientVersions = %+v, %v", cv, err)
	}

	n := len(srv.Requests())
	_, err = c.Operation.DomainInfo(ctx, "get")
	wantArgError(t, srv, n, err, "action")
	wantAPIError(t, c.Call(ctx, "POST", "/wxa/getwxadevinfo", nil, map[string]string{"action": "get"}, nil), 40097)
}

func TestOperationPerformance(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	start := time.Date(2019, 10, 29, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	p, err := c.Operation.Performance(ctx, &miniprogram.CostTimeQuery{CostTimeType: 2, Start: start, End: start.Add(36 * time.Hour), NetworkType: "wifi"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Data) != 2 || p.Data[0] != (miniprogram.CostTimeData{RefDate: "20191029", CostTimeType: 2, CostTime: 1533}) ||
		p.Data[1].RefDate != "20191030" || p.Data[1].CostTime != 1682 || p.CompareTimeData != "" {
		t.Errorf("Performance = %+v", p)
	}
	want := `{"cost_time_type":2,"default_end_time":` + asJSON(t, start.Add(36*time.Hour).Unix()) + `,"default_start_time":` + asJSON(t, start.Unix()) +
		`,"device":"@_all","is_download_code":"@_all","networktype":"wifi","scene":"@_all"}`
	if _, body := last(t, srv, "POST /wxaapi/log/get_performance"); asJSON(t, body) != want {
		t.Errorf("body = %s, want %s", asJSON(t, body), want)
	}
	wantAPIError(t, c.Call(ctx, "POST", "/wxaapi/log/get_performance", nil, map[string]any{"cost_time_type": 1, "default_start_time": 1, "default_end_time": 2}, nil), 40097)

	n := len(srv.Requests())
	_, err = c.Operation.Performance(ctx, &miniprogram.CostTimeQuery{CostTimeType: 4, Start: start, End: start})
	wantArgError(t, srv, n, err, "cost_time_type")
	_, err = c.Operation.Performance(ctx, &miniprogram.CostTimeQuery{CostTimeType: 1, Start: start, End: start.Add(-time.Hour)})
	wantArgError(t, srv, n, err, "default_end_time")
}

func TestOperationRealtimeLogs(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	cst := time.FixedZone("CST", 8*3600)
	day := srv.Now().In(cst).Add(-24 * time.Hour)
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, cst)
	page, err := c.Operation.RealtimeLogs(ctx, &miniprogram.RealtimeLogQuery{Date: day, Begin: day.Add(time.Hour), End: day.Add(2 * time.Hour),
		Limit: 10, Level: miniprogram.LogWarn, ID: "oXu034-Kl5Et2U0vsexKDsFaon0Q"})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || len(page.List) != 1 {
		t.Fatalf("page = %+v", page)
	}
	l := page.List[0]
	if l.Level != 6 || l.LibraryVersion != "2.8.3" || l.TraceID == "" || len(l.Msg) != 2 || l.Msg[1].Level != miniprogram.LogWarn ||
		string(l.Msg[0].Msg) != `["hello world"]` || l.URL != "pages/chat/chat" {
		t.Errorf("log = %+v", l)
	}
	rr, _ := last(t, srv, "GET /wxaapi/userlog/userlog_search")
	if q := rr.Query; q.Get("date") != day.Format("20060102") || q.Get("begintime") != asJSON(t, day.Add(time.Hour).Unix()) ||
		q.Get("limit") != "10" || q.Get("level") != "4" || q.Has("start") || q.Get("id") != "oXu034-Kl5Et2U0vsexKDsFaon0Q" {
		t.Errorf("query = %v", q)
	}
	// Only the last 7 days, and times of that day.
	old := day.AddDate(0, 0, -10)
	_, err = c.Operation.RealtimeLogs(ctx, &miniprogram.RealtimeLogQuery{Date: old, Begin: old, End: old.Add(time.Hour)})
	wantAPIError(t, err, 40097)
	_, err = c.Operation.RealtimeLogs(ctx, &miniprogram.RealtimeLogQuery{Date: day, Begin: day.Add(-time.Hour), End: day.Add(time.Hour)})
	wantAPIError(t, err, 40097)

	n := len(srv.Requests())
	_, err = c.Operation.RealtimeLogs(ctx, &miniprogram.RealtimeLogQuery{})
	wantArgError(t, srv, n, err, "date")
	_, err = c.Operation.RealtimeLogs(ctx, &miniprogram.RealtimeLogQuery{Date: day, Begin: day.Add(time.Hour), End: day})
	wantArgError(t, srv, n, err, "endtime")
}

func TestOperationFeedback(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	p, err := c.Operation.Feedback(ctx, 0, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if p.TotalNum != 3 || len(p.List) != 2 || p.List[0].RecordID != 1 || p.List[0].Content != "白屏了" || p.List[0].Phone != "18800000000" ||
		p.List[1].RecordID != fakewechat.MPFeedbackMediaRecord || len(p.List[1].MediaIDs) != 1 {
		t.Errorf("page = %+v", p)
	}
	if rr, _ := last(t, srv, "GET /wxaapi/feedback/list"); rr.Query.Get("page") != "1" || rr.Query.Get("num") != "2" || rr.Query.Has("type") {
		t.Errorf("query = %v", rr.Query)
	}
	if p, err := c.Operation.Feedback(ctx, 7, 1, 10); err != nil || p.TotalNum != 1 || p.List[0].Type != 7 {
		t.Fatalf("Feedback(7) = %+v, %v", p, err)
	}
	var ids []int64
	for f, err := range c.Operation.AllFeedback(ctx, 0) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, f.RecordID)
	}
	if len(ids) != 3 || ids[2] != 3 {
		t.Errorf("AllFeedback = %v", ids)
	}

	img, err := c.Operation.FeedbackMedia(ctx, fakewechat.MPFeedbackMediaRecord, p.List[1].MediaIDs[0].String())
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(img)
	img.Close()
	if err != nil || img.ContentType != "image/png" || cfg.Width != 64 {
		t.Errorf("FeedbackMedia = %s %+v, %v", img.ContentType, cfg, err)
	}
	_, err = c.Operation.FeedbackMedia(ctx, 1, "nope")
	wantAPIError(t, err, fakewechat.CodeMPFeedbackMediaNotFound)

	n := len(srv.Requests())
	_, err = c.Operation.Feedback(ctx, 9, 1, 1)
	wantArgError(t, srv, n, err, "type")
	_, err = c.Operation.Feedback(ctx, 0, 0, 1)
	wantArgError(t, srv, n, err, "page")
	_, err = c.Operation.FeedbackMedia(ctx, 0, "m")
	wantArgError(t, srv, n, err, "record_id")
	_, err = c.Operation.FeedbackMedia(ctx, 1, "")
	wantArgError(t, srv, n, err, "media_id")
	wantAPIError(t, c.Call(ctx, "GET", "/wxaapi/feedback/list", map[string][]string{"page": {"1"}}, nil, nil), 40097)
}

func TestOperationJSErrors(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	cst := time.FixedZone("CST", 8*3600)
	start := time.Date(2021, 1, 25, 0, 0, 0, 0, cst)
	list, err := c.Operation.JSErrors(ctx, &miniprogram.JSErrListQuery{Start: start, End: start.AddDate(0, 0, 1), Ascending: true, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if list.TotalCount != 1 || len(list.Data) != 1 || list.Data[0].PV != 2 || !strings.HasPrefix(list.Data[0].ErrorMsg, "TypeError") {
		t.Fatalf("JSErrors = %+v", list)
	}
	want := `{"appVersion":"0","desc":"2","endTime":"2021-01-26","errType":"0","keyword":"","limit":1,"offset":0,"openid":"","orderby":"uv","startTime":"2021-01-25"}`
	if _, body := last(t, srv, "POST /wxaapi/log/jserr_list"); asJSON(t, body) != want {
		t.Errorf("body = %s, want %s", asJSON(t, body), want)
	}
	e := list.Data[0]
	detail, err := c.Operation.JSErrDetail(ctx, &miniprogram.JSErrDetailQuery{Start: start, End: start.AddDate(0, 0, 1),
		ErrorMsgMD5: e.ErrorMsgMD5, ErrorStackMD5: e.ErrorStackMD5, OSName: "2", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if detail.TotalCount != 1 || len(detail.Data) != 1 || detail.Data[0].ErrorMsgMD5 != e.ErrorMsgMD5 || detail.Data[0].OSName != "2" || detail.Data[0].Count != "1" {
		t.Fatalf("JSErrDetail = %+v", detail)
	}
	want = `{"appVersion":"0","clientVersion":"0","desc":"1","endTime":"2021-01-26","errorMsgMd5":"` + e.ErrorMsgMD5 + `","errorStackMd5":"` + e.ErrorStackMD5 +
		`","limit":10,"offset":0,"openid":"","osName":"2","sdkVersion":"0","startTime":"2021-01-25"}`
	if _, body := last(t, srv, "POST /wxaapi/log/jserr_detail"); asJSON(t, body) != want {
		t.Errorf("detail body = %s, want %s", asJSON(t, body), want)
	}
	other, err := c.Operation.JSErrDetail(ctx, &miniprogram.JSErrDetailQuery{Start: start, End: start, ErrorMsgMD5: "x", ErrorStackMD5: "y", Limit: 1})
	if err != nil || other.TotalCount != 0 || len(other.Data) != 0 {
		t.Fatalf("JSErrDetail(other) = %+v, %v", other, err)
	}
	// WeChat wants every field, even empty ones, and dates.
	wantAPIError(t, c.Call(ctx, "POST", "/wxaapi/log/jserr_list", nil, map[string]any{"startTime": "2021-01-25"}, nil), 40097)
	wantAPIError(t, c.Call(ctx, "POST", "/wxaapi/log/jserr_list", nil, map[string]any{"appVersion": "0", "errType": "0", "startTime": "20210125",
		"endTime": "2021-01-26", "keyword": "", "openid": "", "orderby": "uv", "desc": "1", "offset": 0, "limit": 1}, nil), 40097)

	n := len(srv.Requests())
	_, err = c.Operation.JSErrors(ctx, &miniprogram.JSErrListQuery{Start: start, End: start, Limit: 31})
	wantArgError(t, srv, n, err, "limit")
	_, err = c.Operation.JSErrors(ctx, &miniprogram.JSErrListQuery{Start: start, End: start, Limit: 1, OrderBy: "time"})
	wantArgError(t, srv, n, err, "orderby")
	_, err = c.Operation.JSErrors(ctx, &miniprogram.JSErrListQuery{Start: start, End: start.AddDate(0, 0, -1), Limit: 1})
	wantArgError(t, srv, n, err, "endTime")
	_, err = c.Operation.JSErrDetail(ctx, &miniprogram.JSErrDetailQuery{Start: start, End: start, ErrorStackMD5: "y", Limit: 1})
	wantArgError(t, srv, n, err, "errorMsgMd5")
}
