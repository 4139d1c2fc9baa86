package work

import (
	"context"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	schoolLivingInfo    = epGet("/cgi-bin/school/living/get_living_info")
	schoolWatchStat     = epPost("/cgi-bin/school/living/get_watch_stat")
	schoolWatchStatV2   = epPost("/cgi-bin/school/living/get_watch_stat_v2")
	schoolUnwatchStatV2 = epPost("/cgi-bin/school/living/get_unwatch_stat_v2")
)

// SchoolLivingInfo is a class live broadcast (上课直播). Times are Unix
// seconds, durations seconds. PushStreamURL is set only for an activity
// broadcast not started yet.
type SchoolLivingInfo struct {
	Theme          string `json:"theme"`
	LivingStart    int64  `json:"living_start"`
	LivingDuration int64  `json:"living_duration"`
	AnchorUserID   string `json:"anchor_userid"`
	LivingRange    struct {
		PartyIDs   []int64  `json:"partyids"`
		GroupNames []string `json:"group_names"`
	} `json:"living_range"`
	ViewerNum      int    `json:"viewer_num"`
	CommentNum     int    `json:"comment_num"`
	OpenReplay     int    `json:"open_replay"`
	PushStreamURL  string `json:"push_stream_url,omitempty"`
	OnlineCount    int    `json:"online_count"`
	SubscribeCount int    `json:"subscribe_count"`
}

// LivingInfo returns a class live broadcast the agent created.
// https://developer.work.weixin.qq.com/document/path/93740
func (s *SchoolService) LivingInfo(ctx context.Context, livingID string) (*SchoolLivingInfo, error) {
	if err := needB("livingid", livingID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		LivingInfo SchoolLivingInfo `json:"living_info"`
	}](ctx, s.c, schoolLivingInfo, url.Values{"livingid": {livingID}}, nil)
	if err != nil {
		return nil, err
	}
	return &out.LivingInfo, nil
}

// SchoolWatch is how long (seconds) and when (Unix seconds) a viewer
// watched; IsComment is 1 when the viewer commented.
type SchoolWatch struct {
	WatchTime int   `json:"watch_time"`
	EnterTime int64 `json:"enter_time"`
	LeaveTime int64 `json:"leave_time"`
	IsComment int   `json:"is_comment"`
}

// SchoolWatcher is a student (and the parent who watched for them, or a
// parent watching) with the student's classes.
type SchoolWatcher struct {
	StudentUserID string  `json:"student_userid"`
	ParentUserID  string  `json:"parent_userid,omitempty"`
	PartyIDs      []int64 `json:"partyids"`
	SchoolWatch
}

// SchoolVisitor is a WeChat user outside the school who watched.
type SchoolVisitor struct {
	Nickname string `json:"nickname"`
	SchoolWatch
}

// SchoolWatchStat is one page of WatchStat: Ending is 1 on the last page;
// NextKey fetches the next.
type SchoolWatchStat struct {
	Ending   int    `json:"ending"`
	NextKey  string `json:"next_key"`
	StatInfo struct {
		Students []SchoolWatcher `json:"students"`
		Visitors []SchoolVisitor `json:"visitors"`
	} `json:"stat_infoes"`
}

// WatchStat returns one page of who watched a broadcast the agent created;
// nextKey is "0" (or "") for the first page.
// https://developer.work.weixin.qq.com/document/path/97129
func (s *SchoolService) WatchStat(ctx context.Context, livingID, nextKey string) (*SchoolWatchStat, error) {
	if err := needB("livingid", livingID); err != nil {
		return nil, err
	}
	if nextKey == "" {
		nextKey = "0"
	}
	return callB[SchoolWatchStat](ctx, s.c, schoolWatchStat, nil, struct {
		LivingID string `json:"livingid"`
		NextKey  string `json:"next_key"`
	}{livingID, nextKey})
}

// SchoolStatPage is one page of WatchStatV2 or UnwatchStatV2: HasMore is 1
// while pages remain; NextCursor fetches the next. The students and
// parents of UnwatchStatV2 (who follow 学校通知 but did not watch) carry no
// watch times.
type SchoolStatPage struct {
	HasMore    int    `json:"has_more"`
	NextCursor string `json:"next_cursor"`
	StatInfo   struct {
		Students []SchoolWatcher `json:"students"`
		Parents  []SchoolWatcher `json:"parents"`
	} `json:"stat_info"`
}

func (s *SchoolService) statPage(ctx context.Context, ep wechat.Endpoint, livingID, cursor string) (*SchoolStatPage, error) {
	if err := needB("livingid", livingID); err != nil {
		return nil, err
	}
	if cursor == "" {
		cursor = "0"
	}
	return callB[SchoolStatPage](ctx, s.c, ep, nil, struct {
		LivingID   string `json:"livingid"`
		NextCursor string `json:"next_cursor"`
	}{livingID, cursor})
}

// WatchStatV2 returns one page of the students and parents who watched a
// broadcast the agent created; cursor is "0" (or "") first.
// https://developer.work.weixin.qq.com/document/path/95799
func (s *SchoolService) WatchStatV2(ctx context.Context, livingID, cursor string) (*SchoolStatPage, error) {
	return s.statPage(ctx, schoolWatchStatV2, livingID, cursor)
}

// UnwatchStatV2 returns one page of the students and parents who did not
// watch a broadcast the agent created; cursor is "0" (or "") first.
// https://developer.work.weixin.qq.com/document/path/95795
func (s *SchoolService) UnwatchStatV2(ctx context.Context, livingID, cursor string) (*SchoolStatPage, error) {
	return s.statPage(ctx, schoolUnwatchStatV2, livingID, cursor)
}
