package oa

import (
	"context"
	"net/http"
	"strconv"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// dataCubeAPI is one /datacube statistics endpoint and the longest range,
// in days counting both ends, that WeChat accepts for it.
type dataCubeAPI struct {
	ep      wechat.Endpoint
	maxDays int
}

func cube(path string, maxDays int) dataCubeAPI {
	return dataCubeAPI{wechat.Endpoint{Method: http.MethodPost, Path: path}, maxDays}
}

var (
	cubeUserSummary          = cube("/datacube/getusersummary", 7)
	cubeUserCumulate         = cube("/datacube/getusercumulate", 7)
	cubeArticleSummary       = cube("/datacube/getarticlesummary", 1)
	cubeArticleTotal         = cube("/datacube/getarticletotal", 1)
	cubeUserRead             = cube("/datacube/getuserread", 3)
	cubeUserReadHour         = cube("/datacube/getuserreadhour", 1)
	cubeUserShare            = cube("/datacube/getusershare", 7)
	cubeUserShareHour        = cube("/datacube/getusersharehour", 1)
	cubeUpstreamMsg          = cube("/datacube/getupstreammsg", 7)
	cubeUpstreamMsgHour      = cube("/datacube/getupstreammsghour", 1)
	cubeUpstreamMsgWeek      = cube("/datacube/getupstreammsgweek", 30)
	cubeUpstreamMsgMonth     = cube("/datacube/getupstreammsgmonth", 30)
	cubeUpstreamMsgDist      = cube("/datacube/getupstreammsgdist", 15)
	cubeUpstreamMsgDistWeek  = cube("/datacube/getupstreammsgdistweek", 30)
	cubeUpstreamMsgDistMonth = cube("/datacube/getupstreammsgdistmonth", 30)
	cubeInterfaceSummary     = cube("/datacube/getinterfacesummary", 30)
	cubeInterfaceSummaryHour = cube("/datacube/getinterfacesummaryhour", 1)
)

// chinaTime is the zone of WeChat's statistics dates (Beijing time).
var chinaTime = time.FixedZone("CST", 8*60*60)

// dataCubeNow is the clock of the "end date before today" rule.
var dataCubeNow = time.Now

// dataCubeRange checks begin..end against the rules of the statistics APIs:
// dates (the time of day is ignored), begin not after end, at most maxDays
// days counting both ends, end before today in Beijing time.
func dataCubeRange(begin, end time.Time, maxDays int) (b, e string, err error) {
	b, e = begin.Format(time.DateOnly), end.Format(time.DateOnly)
	bd, _ := time.Parse(time.DateOnly, b)
	ed, _ := time.Parse(time.DateOnly, e)
	switch {
	case ed.Before(bd):
		return "", "", invalidArg("end_date", "before begin_date")
	case int(ed.Sub(bd)/(24*time.Hour))+1 > maxDays:
		return "", "", invalidArg("end_date", "range longer than "+strconv.Itoa(maxDays)+" days for this API")
	case e >= dataCubeNow().In(chinaTime).Format(time.DateOnly):
		return "", "", invalidArg("end_date", "must be before today (Beijing time)")
	}
	return b, e, nil
}

// dataCube queries api for begin..end and returns its list.
func dataCube[T any](ctx context.Context, s *DataCubeService, api dataCubeAPI, begin, end time.Time) ([]T, error) {
	b, e, err := dataCubeRange(begin, end, api.maxDays)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		List []T `json:"list"`
	}](ctx, s.c, api.ep, nil, struct {
		BeginDate string `json:"begin_date"`
		EndDate   string `json:"end_date"`
	}{b, e})
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// UserSummary is one row of the follower increase and decrease figures.
type UserSummary struct {
	RefDate string `json:"ref_date"`
	// UserSource is the channel of the change (0 other, 1 search, 17 card
	// sharing, 30 QR code, 51 article menu, 57 article, 100 ad...).
	UserSource int `json:"user_source"`
	NewUser    int `json:"new_user"`
	CancelUser int `json:"cancel_user"`
}

// UserCumulate is the total number of followers on a day.
type UserCumulate struct {
	RefDate      string `json:"ref_date"`
	CumulateUser int    `json:"cumulate_user"`
}

// ReadStats are the read, share and favourite figures of articles.
type ReadStats struct {
	IntPageReadUser  int `json:"int_page_read_user"`
	IntPageReadCount int `json:"int_page_read_count"`
	OriPageReadUser  int `json:"ori_page_read_user"`
	OriPageReadCount int `json:"ori_page_read_count"`
	ShareUser        int `json:"share_user"`
	ShareCount       int `json:"share_count"`
	AddToFavUser     int `json:"add_to_fav_user"`
	AddToFavCount    int `json:"add_to_fav_count"`
}

// ArticleSummary are the figures of one article on one day.
type ArticleSummary struct {
	RefDate string `json:"ref_date"`
	// MsgID is the mass message id and the article's index ("10000050_1").
	MsgID string `json:"msgid"`
	Title string `json:"title"`
	ReadStats
}

// ArticleTotal are the cumulated figures of one article sent on RefDate,
// one Details row per day since.
type ArticleTotal struct {
	RefDate string               `json:"ref_date"`
	MsgID   string               `json:"msgid"`
	Title   string               `json:"title"`
	Details []ArticleTotalDetail `json:"details"`
}

// ArticleTotalDetail are the figures of an article up to StatDate.
type ArticleTotalDetail struct {
	StatDate   string `json:"stat_date"`
	TargetUser int    `json:"target_user"`
	ReadStats
	IntPageFromSessionReadUser  int `json:"int_page_from_session_read_user"`
	IntPageFromSessionReadCount int `json:"int_page_from_session_read_count"`
	IntPageFromHistMsgReadUser  int `json:"int_page_from_hist_msg_read_user"`
	IntPageFromHistMsgReadCount int `json:"int_page_from_hist_msg_read_count"`
	IntPageFromFeedReadUser     int `json:"int_page_from_feed_read_user"`
	IntPageFromFeedReadCount    int `json:"int_page_from_feed_read_count"`
	IntPageFromFriendsReadUser  int `json:"int_page_from_friends_read_user"`
	IntPageFromFriendsReadCount int `json:"int_page_from_friends_read_count"`
	IntPageFromOtherReadUser    int `json:"int_page_from_other_read_user"`
	IntPageFromOtherReadCount   int `json:"int_page_from_other_read_count"`
	FeedShareFromSessionUser    int `json:"feed_share_from_session_user"`
	FeedShareFromSessionCount   int `json:"feed_share_from_session_cnt"`
	FeedShareFromFeedUser       int `json:"feed_share_from_feed_user"`
	FeedShareFromFeedCount      int `json:"feed_share_from_feed_cnt"`
	FeedShareFromOtherUser      int `json:"feed_share_from_other_user"`
	FeedShareFromOtherCount     int `json:"feed_share_from_other_cnt"`
}

// UserRead are the article figures of a day (or of an hour of it) by the
// channel the readers came from.
type UserRead struct {
	RefDate string `json:"ref_date"`
	// RefHour is the hour as HHMM (1200 for 12:00), hourly queries only.
	RefHour int `json:"ref_hour,omitempty"`
	// UserSource is the channel (0 session, 1 friends, 2 moments, 4 history,
	// 5 other, 6 look, 7 search; 99999999 all).
	UserSource int `json:"user_source"`
	ReadStats
}

// UserShare are the share figures of a day (or of an hour of it).
type UserShare struct {
	RefDate string `json:"ref_date"`
	RefHour int    `json:"ref_hour,omitempty"`
	// ShareScene is 1 friend, 2 moments, 3 Tencent Weibo, 255 other.
	ShareScene int `json:"share_scene"`
	ShareCount int `json:"share_count"`
	ShareUser  int `json:"share_user"`
}

// UpstreamMsg are the figures of messages sent by users to the account.
type UpstreamMsg struct {
	RefDate string `json:"ref_date"`
	RefHour int    `json:"ref_hour,omitempty"`
	// MsgType is 1 text, 2 image, 3 voice, 4 video, 6 third-party app
	// message (link).
	MsgType  int `json:"msg_type"`
	MsgUser  int `json:"msg_user"`
	MsgCount int `json:"msg_count"`
}

// UpstreamMsgDist is the number of users by how many messages they sent.
type UpstreamMsgDist struct {
	RefDate string `json:"ref_date"`
	// CountInterval is 0 (none), 1 (1-5), 2 (6-10), 3 (more than 10).
	CountInterval int `json:"count_interval"`
	MsgUser       int `json:"msg_user"`
}

// InterfaceSummary are the figures of the calls WeChat made to the account's
// message server.
type InterfaceSummary struct {
	RefDate       string `json:"ref_date"`
	RefHour       int    `json:"ref_hour,omitempty"`
	CallbackCount int    `json:"callback_count"`
	FailCount     int    `json:"fail_count"`
	TotalTimeCost int    `json:"total_time_cost"` // milliseconds
	MaxTimeCost   int    `json:"max_time_cost"`   // milliseconds
}

// Every method below takes dates (the time of day is ignored); end must be
// before today (Beijing time) and the range is limited per API, else an
// ArgumentError is returned without sending.

// UserSummary returns the follower changes, 7 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/User_Analysis_Data_Interface.html
func (s *DataCubeService) UserSummary(ctx context.Context, begin, end time.Time) ([]UserSummary, error) {
	return dataCube[UserSummary](ctx, s, cubeUserSummary, begin, end)
}

// UserCumulate returns the total followers per day, 7 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/User_Analysis_Data_Interface.html
func (s *DataCubeService) UserCumulate(ctx context.Context, begin, end time.Time) ([]UserCumulate, error) {
	return dataCube[UserCumulate](ctx, s, cubeUserCumulate, begin, end)
}

// ArticleSummary returns the figures of the articles sent on one day (begin
// and end equal).
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html
func (s *DataCubeService) ArticleSummary(ctx context.Context, begin, end time.Time) ([]ArticleSummary, error) {
	return dataCube[ArticleSummary](ctx, s, cubeArticleSummary, begin, end)
}

// ArticleTotal returns the cumulated figures of the articles sent on one day.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html
func (s *DataCubeService) ArticleTotal(ctx context.Context, begin, end time.Time) ([]ArticleTotal, error) {
	return dataCube[ArticleTotal](ctx, s, cubeArticleTotal, begin, end)
}

// UserRead returns the daily article figures, 3 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html
func (s *DataCubeService) UserRead(ctx context.Context, begin, end time.Time) ([]UserRead, error) {
	return dataCube[UserRead](ctx, s, cubeUserRead, begin, end)
}

// UserReadHour returns the hourly article figures of one day.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html
func (s *DataCubeService) UserReadHour(ctx context.Context, begin, end time.Time) ([]UserRead, error) {
	return dataCube[UserRead](ctx, s, cubeUserReadHour, begin, end)
}

// UserShare returns the daily share figures, 7 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html
func (s *DataCubeService) UserShare(ctx context.Context, begin, end time.Time) ([]UserShare, error) {
	return dataCube[UserShare](ctx, s, cubeUserShare, begin, end)
}

// UserShareHour returns the hourly share figures of one day.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html
func (s *DataCubeService) UserShareHour(ctx context.Context, begin, end time.Time) ([]UserShare, error) {
	return dataCube[UserShare](ctx, s, cubeUserShareHour, begin, end)
}

// UpstreamMsg returns the daily message figures, 7 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html
func (s *DataCubeService) UpstreamMsg(ctx context.Context, begin, end time.Time) ([]UpstreamMsg, error) {
	return dataCube[UpstreamMsg](ctx, s, cubeUpstreamMsg, begin, end)
}

// UpstreamMsgHour returns the hourly message figures of one day.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html
func (s *DataCubeService) UpstreamMsgHour(ctx context.Context, begin, end time.Time) ([]UpstreamMsg, error) {
	return dataCube[UpstreamMsg](ctx, s, cubeUpstreamMsgHour, begin, end)
}

// UpstreamMsgWeek returns the weekly message figures, 30 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html
func (s *DataCubeService) UpstreamMsgWeek(ctx context.Context, begin, end time.Time) ([]UpstreamMsg, error) {
	return dataCube[UpstreamMsg](ctx, s, cubeUpstreamMsgWeek, begin, end)
}

// UpstreamMsgMonth returns the monthly message figures, 30 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html
func (s *DataCubeService) UpstreamMsgMonth(ctx context.Context, begin, end time.Time) ([]UpstreamMsg, error) {
	return dataCube[UpstreamMsg](ctx, s, cubeUpstreamMsgMonth, begin, end)
}

// UpstreamMsgDist returns the daily distribution of users by messages sent,
// 15 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html
func (s *DataCubeService) UpstreamMsgDist(ctx context.Context, begin, end time.Time) ([]UpstreamMsgDist, error) {
	return dataCube[UpstreamMsgDist](ctx, s, cubeUpstreamMsgDist, begin, end)
}

// UpstreamMsgDistWeek returns the weekly distribution, 30 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html
func (s *DataCubeService) UpstreamMsgDistWeek(ctx context.Context, begin, end time.Time) ([]UpstreamMsgDist, error) {
	return dataCube[UpstreamMsgDist](ctx, s, cubeUpstreamMsgDistWeek, begin, end)
}

// UpstreamMsgDistMonth returns the monthly distribution, 30 days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html
func (s *DataCubeService) UpstreamMsgDistMonth(ctx context.Context, begin, end time.Time) ([]UpstreamMsgDist, error) {
	return dataCube[UpstreamMsgDist](ctx, s, cubeUpstreamMsgDistMonth, begin, end)
}

// InterfaceSummary returns the daily figures of the message server, 30
// days at most.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Analytics_API.html
func (s *DataCubeService) InterfaceSummary(ctx context.Context, begin, end time.Time) ([]InterfaceSummary, error) {
	return dataCube[InterfaceSummary](ctx, s, cubeInterfaceSummary, begin, end)
}

// InterfaceSummaryHour returns the hourly figures of the message server for
// one day.
// https://developers.weixin.qq.com/doc/offiaccount/Analytics/Analytics_API.html
func (s *DataCubeService) InterfaceSummaryHour(ctx context.Context, begin, end time.Time) ([]InterfaceSummary, error) {
	return dataCube[InterfaceSummary](ctx, s, cubeInterfaceSummaryHour, begin, end)
}
