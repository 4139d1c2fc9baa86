package miniprogram

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	opDomainInfo     = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/getwxadevinfo"}
	opPerformance    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxaapi/log/get_performance"}
	opScenes         = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/log/get_scene"}
	opClientVersions = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/log/get_client_version"}
	opRealtimeLog    = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/userlog/userlog_search"}
	opFeedback       = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/feedback/list"}
	opFeedbackMedia  = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/media/getfeedbackmedia"}
	opJSErrList      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxaapi/log/jserr_list"}
	opJSErrDetail    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxaapi/log/jserr_detail"}
)

// beijing is the time zone of the days the operation APIs take.
var beijing = time.FixedZone("CST", 8*3600)

// What DomainInfo returns (its action).
const (
	DomainsAll    = ""                // every kind
	DomainsBiz    = "getbizdomain"    // business (web-view) domains
	DomainsServer = "getserverdomain" // server domains
)

// DomainInfo is the domain configuration of the mini program.
type DomainInfo struct {
	RequestDomain   []string `json:"requestdomain"`
	WSRequestDomain []string `json:"wsrequestdomain"`
	UploadDomain    []string `json:"uploaddomain"`
	DownloadDomain  []string `json:"downloaddomain"`
	UDPDomain       []string `json:"udpdomain"`
	BizDomain       []string `json:"bizdomain"`
}

// DomainInfo returns the configured domains of one kind: DomainsAll,
// DomainsBiz or DomainsServer (查询域名配置).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getDomainInfo.html
func (s *OperationService) DomainInfo(ctx context.Context, action string) (*DomainInfo, error) {
	switch action {
	case DomainsAll, DomainsBiz, DomainsServer:
	default:
		return nil, invalidArg("action", "must be getbizdomain, getserverdomain or empty")
	}
	body := struct {
		Action string `json:"action,omitempty"`
	}{action}
	return call[DomainInfo](ctx, s.c, opDomainInfo, nil, body)
}

// OperationAll is the "all" value of the operation filters (device,
// network type, scene...).
const OperationAll = "@_all"

// CostTimeQuery is the request of Operation.Performance. Empty filters are sent as
// OperationAll.
type CostTimeQuery struct {
	// CostTimeType is 1 (launch), 2 (download) or 3 (first render).
	CostTimeType int       `json:"cost_time_type"`
	Start        time.Time `json:"-"`
	End          time.Time `json:"-"`
	// Device is OperationAll, "1" (iOS) or "2" (Android).
	Device string `json:"device"`
	// IsDownloadCode is OperationAll, "1" or "2" (launch only).
	IsDownloadCode string `json:"is_download_code"`
	// Scene is OperationAll or a value from Scenes (launch and download).
	Scene string `json:"scene"`
	// NetworkType is OperationAll, "wifi", "4g", "3g" or "2g" (download
	// only).
	NetworkType string `json:"networktype"`
}

// CostTimeData is the launch, download or first-render time of one day.
type CostTimeData struct {
	RefDate      string `json:"ref_date"` // yyyymmdd
	CostTimeType int    `json:"cost_time_type"`
	CostTime     int64  `json:"cost_time"` // milliseconds
}

// Performance is the answer of Performance.
type Performance struct {
	Data []CostTimeData
	// CompareTimeData is WeChat's comparison data, a string the docs do not
	// describe further.
	CompareTimeData string
}

// Performance returns the launch, download or first-render time of the
// days between q.Start and q.End (获取性能数据).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getPerformance.html
func (s *OperationService) Performance(ctx context.Context, q *CostTimeQuery) (*Performance, error) {
	if q == nil || q.CostTimeType < 1 || q.CostTimeType > 3 {
		return nil, invalidArg("cost_time_type", "must be 1, 2 or 3")
	}
	if q.Start.IsZero() || q.End.Before(q.Start) {
		return nil, invalidArg("default_end_time", "the range is empty or reversed")
	}
	body := struct {
		CostTimeQuery
		DefaultStartTime int64 `json:"default_start_time"`
		DefaultEndTime   int64 `json:"default_end_time"`
	}{*q, q.Start.Unix(), q.End.Unix()}
	for _, f := range []*string{&body.Device, &body.IsDownloadCode, &body.Scene, &body.NetworkType} {
		if *f == "" {
			*f = OperationAll
		}
	}
	out, err := call[struct {
		DefaultTimeData string `json:"default_time_data"` // a JSON string: {"list":[...]}
		CompareTimeData string `json:"compare_time_data"`
	}](ctx, s.c, opPerformance, nil, body)
	if err != nil {
		return nil, err
	}
	res := &Performance{CompareTimeData: out.CompareTimeData}
	if out.DefaultTimeData != "" {
		var inner struct {
			List []CostTimeData `json:"list"`
		}
		if err := json.Unmarshal([]byte(out.DefaultTimeData), &inner); err != nil {
			return nil, fmt.Errorf("miniprogram: decode performance data: %w", err)
		}
		res.Data = inner.List
	}
	return res, nil
}

// SceneOption is a visit source Performance can filter on.
type SceneOption struct {
	Name  string        `json:"name"`
	Value wechat.FlexID `json:"value"` // "@_all" or a scene number
}

// Scenes returns the visit sources (获取访问来源).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getSceneList.html
func (s *OperationService) Scenes(ctx context.Context) ([]SceneOption, error) {
	out, err := call[struct {
		Scene []SceneOption `json:"scene"`
	}](ctx, s.c, opScenes, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Scene, nil
}

// ClientVersions is the WeChat client versions of one query type.
type ClientVersions struct {
	Type     int      `json:"type"` // 1 client, 2 service direct (服务直达)
	Versions []string `json:"client_version_list"`
}

// ClientVersions returns the WeChat client versions (获取客户端版本).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getVersionList.html
func (s *OperationService) ClientVersions(ctx context.Context) ([]ClientVersions, error) {
	out, err := call[struct {
		CVList []ClientVersions `json:"cvlist"`
	}](ctx, s.c, opClientVersions, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.CVList, nil
}

// Real-time log levels (RealtimeLogQuery.Level, RealtimeLogMsg.Level).
const (
	LogInfo  = 2
	LogWarn  = 4
	LogError = 8
)

// RealtimeLogQuery is the request of RealtimeLogs.
type RealtimeLogQuery struct {
	// Date is the day (one of the last 7) and Begin and End the times of
	// that day to search.
	Date       time.Time
	Begin, End time.Time
	Start      int // index of the first entry (0)
	Limit      int // entries to return (0: WeChat's 20)
	TraceID    string
	URL        string // page, such as pages/index/index
	ID         string // the user's WeChat id or openid
	FilterMsg  string
	Level      int // LogInfo, LogWarn or LogError: that level and above
}

// RealtimeLogMsg is one entry of a real-time log.
type RealtimeLogMsg struct {
	Time  int64 `json:"time"`
	Level int   `json:"level"`
	// Msg is what the mini program logged: an array of values in the docs'
	// example, an object in some answers.
	Msg json.RawMessage `json:"msg"`
}

// RealtimeLog is the log of one page view.
type RealtimeLog struct {
	Level          int              `json:"level"` // the OR of the entries' levels
	Platform       int              `json:"platform"`
	LibraryVersion string           `json:"libraryVersion"`
	ClientVersion  string           `json:"clientVersion"`
	ID             string           `json:"id"` // the user's openid
	Timestamp      int64            `json:"timestamp"`
	URL            string           `json:"url"`
	Msg            []RealtimeLogMsg `json:"msg"`
	TraceID        string           `json:"traceid"`
	FilterMsg      string           `json:"filterMsg"`
}

// RealtimeLogPage is one page of RealtimeLogs.
type RealtimeLogPage struct {
	List  []RealtimeLog `json:"list"`
	Total int           `json:"total"`
}

// RealtimeLogs searches the real-time logs of a day (查询实时日志).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/realtimelogSearch.html
func (s *OperationService) RealtimeLogs(ctx context.Context, q *RealtimeLogQuery) (*RealtimeLogPage, error) {
	if q == nil || q.Date.IsZero() {
		return nil, invalidArg("date", "required")
	}
	if q.Begin.IsZero() || q.End.Before(q.Begin) {
		return nil, invalidArg("endtime", "the range is empty or reversed")
	}
	if q.Start < 0 || q.Limit < 0 {
		return nil, invalidArg("start", "negative paging")
	}
	v := url.Values{"date": {q.Date.In(beijing).Format("20060102")},
		"begintime": {strconv.FormatInt(q.Begin.Unix(), 10)}, "endtime": {strconv.FormatInt(q.End.Unix(), 10)}}
	for k, x := range map[string]string{"traceId": q.TraceID, "url": q.URL, "id": q.ID, "filterMsg": q.FilterMsg} {
		if x != "" {
			v.Set(k, x)
		}
	}
	for k, n := range map[string]int{"start": q.Start, "limit": q.Limit, "level": q.Level} {
		if n != 0 {
			v.Set(k, strconv.Itoa(n))
		}
	}
	out, err := call[struct {
		Data RealtimeLogPage `json:"data"`
	}](ctx, s.c, opRealtimeLog, v, nil)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// Feedback is a user's feedback (type 1 cannot open, 2 crash, 3 lag, 4
// blank screen, 5 freeze, 6 misplaced UI, 7 slow loading, 8 other).
type Feedback struct {
	RecordID   int64  `json:"record_id"`
	CreateTime int64  `json:"create_time"`
	Content    string `json:"content"`
	// Phone is the contact, phone or mail; the docs type it as a string
	// and show a number.
	Phone      wechat.FlexID   `json:"phone"`
	OpenID     string          `json:"openid"`
	Nickname   string          `json:"nickname"`
	HeadURL    string          `json:"head_url"`
	Type       int             `json:"type"`
	MediaIDs   []wechat.FlexID `json:"mediaIds"` // images, for FeedbackMedia
	SystemInfo string          `json:"systemInfo"`
}

// FeedbackPage is one page of Feedback.
type FeedbackPage struct {
	List     []Feedback `json:"list"`
	TotalNum int        `json:"total_num"`
}

// Feedback returns page (from 1) of the users' feedback of type typ (0:
// all), num per page (获取用户反馈列表).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getFeedback.html
func (s *OperationService) Feedback(ctx context.Context, typ, page, num int) (*FeedbackPage, error) {
	if typ < 0 || typ > 8 {
		return nil, invalidArg("type", "must be 1-8, or 0 for all")
	}
	if page < 1 {
		return nil, invalidArg("page", "starts at 1")
	}
	if num < 1 {
		return nil, invalidArg("num", "must be positive")
	}
	q := url.Values{"page": {strconv.Itoa(page)}, "num": {strconv.Itoa(num)}}
	if typ != 0 {
		q.Set("type", strconv.Itoa(typ))
	}
	return call[FeedbackPage](ctx, s.c, opFeedback, q, nil)
}

// AllFeedback iterates over the feedback of type typ (0: all), fetching
// pages of 100 as needed. The first error is yielded and ends the
// iteration.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getFeedback.html
func (s *OperationService) AllFeedback(ctx context.Context, typ int) iter.Seq2[Feedback, error] {
	const num = 100
	return wechat.OffsetPages(ctx, num, func(ctx context.Context, offset, count int) ([]Feedback, int, error) {
		p, err := s.Feedback(ctx, typ, offset/num+1, num)
		if err != nil {
			return nil, 0, err
		}
		return p.List, p.TotalNum, nil
	})
}

// FeedbackMedia downloads an image of a feedback (获取mediaId图片). The
// caller must close it.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getFeedbackmedia.html
func (s *OperationService) FeedbackMedia(ctx context.Context, recordID int64, mediaID string) (*wechat.Download, error) {
	if recordID <= 0 {
		return nil, invalidArg("record_id", "required")
	}
	if err := required("media_id", mediaID); err != nil {
		return nil, err
	}
	q := url.Values{"record_id": {strconv.FormatInt(recordID, 10)}, "media_id": {mediaID}}
	return s.c.Stream(ctx, opFeedbackMedia, q, nil)
}

// JSErrListQuery is the request of JSErrors. Empty filters mean all ("0").
type JSErrListQuery struct {
	AppVersion string // such as "2.0.18"
	// ErrType is "1" (business code), "2" (plugin) or "3" (framework).
	ErrType    string
	Start, End time.Time // days
	Keyword    string
	OpenID     string
	OrderBy    string // "uv" (default) or "pv"
	Ascending  bool
	Offset     int
	Limit      int // 1-30
}

// JSErr is a JavaScript error as listed.
type JSErr struct {
	ErrorMsgMD5   string `json:"errorMsgMd5"`
	ErrorMsg      string `json:"errorMsg"`
	UV            int64  `json:"uv"`
	PV            int64  `json:"pv"`
	ErrorStackMD5 string `json:"errorStackMd5"`
	ErrorStack    string `json:"errorStack"`
	PVPercent     string `json:"pvPercent"`
	UVPercent     string `json:"uvPercent"`
}

// JSErrPage is one page of JSErrors.
type JSErrPage struct {
	Data       []JSErr `json:"data"`
	TotalCount int     `json:"totalCount"`
}

// opDate formats a day of the JS error APIs.
func opDate(t time.Time) string { return t.In(beijing).Format("2006-01-02") }

// orAll is v, or "0" (all) when empty.
func orAll(v string) string {
	if v == "" {
		return "0"
	}
	return v
}

// JSErrors lists the JavaScript errors of the days from q.Start to q.End
// (查询错误列表).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getJsErrList.html
func (s *OperationService) JSErrors(ctx context.Context, q *JSErrListQuery) (*JSErrPage, error) {
	if q == nil || q.Start.IsZero() || q.End.Before(q.Start) {
		return nil, invalidArg("endTime", "the range is empty or reversed")
	}
	if q.Limit < 1 || q.Limit > 30 {
		return nil, invalidArg("limit", "must be 1-30")
	}
	if q.Offset < 0 {
		return nil, invalidArg("offset", "negative")
	}
	orderBy := q.OrderBy
	switch orderBy {
	case "":
		orderBy = "uv"
	case "uv", "pv":
	default:
		return nil, invalidArg("orderby", "must be uv or pv")
	}
	desc := "1"
	if q.Ascending {
		desc = "2"
	}
	body := map[string]any{"appVersion": orAll(q.AppVersion), "errType": orAll(q.ErrType), "startTime": opDate(q.Start),
		"endTime": opDate(q.End), "keyword": q.Keyword, "openid": q.OpenID, "orderby": orderBy, "desc": desc,
		"offset": q.Offset, "limit": q.Limit}
	return call[JSErrPage](ctx, s.c, opJSErrList, nil, body)
}

// JSErrDetailQuery is the request of JSErrDetail. Empty filters mean all
// ("0").
type JSErrDetailQuery struct {
	Start, End    time.Time // days
	ErrorMsgMD5   string
	ErrorStackMD5 string
	AppVersion    string
	SDKVersion    string // base library version
	OSName        string // "1" Android, "2" iOS, "3" other
	ClientVersion string
	OpenID        string
	Ascending     bool
	Offset        int
	Limit         int
}

// JSErrOccurrence is one occurrence of a JavaScript error. The docs type
// every field as a string.
type JSErrOccurrence struct {
	Count         string `json:"Count"`
	SDKVersion    string `json:"sdkVersion"`
	ClientVersion string `json:"ClientVersion"`
	ErrorStackMD5 string `json:"errorStackMd5"`
	TimeStamp     string `json:"TimeStamp"`
	AppVersion    string `json:"appVersion"`
	ErrorMsgMD5   string `json:"errorMsgMd5"`
	ErrorMsg      string `json:"errorMsg"`
	ErrorStack    string `json:"errorStack"`
	Ds            string `json:"Ds"` // the day
	OSName        string `json:"OsName"`
	OpenID        string `json:"openId"`
	PluginVersion string `json:"pluginversion"`
	AppID         string `json:"appId"`
	DeviceModel   string `json:"DeviceModel"`
	Source        string `json:"source"`
	Route         string `json:"route"`
	Nickname      string `json:"nickname"`
}

// JSErrDetailPage is one page of JSErrDetail.
type JSErrDetailPage struct {
	Data       []JSErrOccurrence `json:"data"`
	TotalCount int               `json:"totalCount"`
}

// JSErrDetail returns the occurrences of one JavaScript error (查询js错误详情).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getJsErrDetail.html
func (s *OperationService) JSErrDetail(ctx context.Context, q *JSErrDetailQuery) (*JSErrDetailPage, error) {
	if q == nil || q.Start.IsZero() || q.End.Before(q.Start) {
		return nil, invalidArg("endTime", "the range is empty or reversed")
	}
	if err := required("errorMsgMd5", q.ErrorMsgMD5, "errorStackMd5", q.ErrorStackMD5); err != nil {
		return nil, err
	}
	if q.Limit < 1 || q.Offset < 0 {
		return nil, invalidArg("limit", "must be positive, with a non-negative offset")
	}
	desc := "1"
	if q.Ascending {
		desc = "0"
	}
	body := map[string]any{"startTime": opDate(q.Start), "endTime": opDate(q.End), "errorMsgMd5": q.ErrorMsgMD5,
		"errorStackMd5": q.ErrorStackMD5, "appVersion": orAll(q.AppVersion), "sdkVersion": orAll(q.SDKVersion),
		"osName": orAll(q.OSName), "clientVersion": orAll(q.ClientVersion), "openid": q.OpenID, "offset": q.Offset,
		"limit": q.Limit, "desc": desc}
	return call[JSErrDetailPage](ctx, s.c, opJSErrDetail, nil, body)
}
