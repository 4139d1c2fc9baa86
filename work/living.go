package work

import (
	"context"
	"iter"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	livingCreate    = epPost("/cgi-bin/living/create")
	livingModify    = epPost("/cgi-bin/living/modify")
	livingInfo      = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/living/get_living_info"}
	livingCancel    = epPost("/cgi-bin/living/cancel")
	livingDelReplay = epPost("/cgi-bin/living/delete_replay_data")
	livingCode      = epPost("/cgi-bin/living/get_living_code")
	livingUserIDs   = epPost("/cgi-bin/living/get_user_all_livingid")
	livingWatchStat = epPost("/cgi-bin/living/get_watch_stat")
	livingShareInfo = epPost("/cgi-bin/living/get_living_share_info")
)

// Living is a live broadcast (直播). Type 0 general, 1 small-group, 2
// large event, 3 corp training, 4 big event.
type Living struct {
	LivingID       string `json:"livingid,omitempty"`
	AnchorUserID   string `json:"anchor_userid,omitempty"`
	Theme          string `json:"theme"`
	LivingStart    int64  `json:"living_start"`
	LivingDuration int64  `json:"living_duration"`
	Type           int    `json:"type,omitempty"`
	Description    string `json:"description,omitempty"`
	RemindTime     int64  `json:"remind_time,omitempty"`
	// The fields below are in answers only.
	Status                int    `json:"status,omitempty"`
	ReserveStart          int64  `json:"reserve_start,omitempty"`
	ReserveLivingDuration int64  `json:"reserve_living_duration,omitempty"`
	MainDepartment        int64  `json:"main_department,omitempty"`
	ViewerNum             int    `json:"viewer_num,omitempty"`
	CommentNum            int    `json:"comment_num,omitempty"`
	MicNum                int    `json:"mic_num,omitempty"`
	OpenReplay            int    `json:"open_replay,omitempty"`
	ReplayStatus          int    `json:"replay_status,omitempty"`
	PushStreamURL         string `json:"push_stream_url,omitempty"`
	OnlineCount           int    `json:"online_count,omitempty"`
	SubscribeCount        int    `json:"subscribe_count,omitempty"`
}

func (l *Living) check() error {
	if l == nil || l.Theme == "" {
		return paramErr("theme", "required")
	}
	if l.LivingStart <= 0 || l.LivingDuration <= 0 {
		return paramErr("living_start", "start and duration required")
	}
	return nil
}

// livingRequest is the writable part of a Living.
type livingRequest struct {
	LivingID       string `json:"livingid,omitempty"`
	AnchorUserID   string `json:"anchor_userid,omitempty"`
	Theme          string `json:"theme"`
	LivingStart    int64  `json:"living_start"`
	LivingDuration int64  `json:"living_duration"`
	Type           int    `json:"type"`
	Description    string `json:"description,omitempty"`
	RemindTime     int64  `json:"remind_time,omitempty"`
	AgentID        int64  `json:"agentid,omitempty"`
}

func (l *Living) request() livingRequest {
	return livingRequest{l.LivingID, l.AnchorUserID, l.Theme, l.LivingStart, l.LivingDuration, l.Type, l.Description, l.RemindTime, 0}
}

// Create schedules a live broadcast and returns its id.
// https://developer.work.weixin.qq.com/document/path/93637
func (s *LivingService) Create(ctx context.Context, l *Living) (string, error) {
	if err := l.check(); err != nil {
		return "", err
	}
	if l.AnchorUserID == "" {
		return "", paramErr("anchor_userid", "required")
	}
	body := l.request()
	body.LivingID, body.AgentID = "", s.agent.ID
	out, err := callB[livingIDBody](ctx, s.c, livingCreate, nil, body)
	if err != nil {
		return "", err
	}
	return out.LivingID, nil
}

// Modify changes live broadcast l.LivingID.
// https://developer.work.weixin.qq.com/document/path/93640
func (s *LivingService) Modify(ctx context.Context, l *Living) error {
	if l == nil || l.LivingID == "" {
		return paramErr("livingid", "required")
	}
	if err := l.check(); err != nil {
		return err
	}
	body := l.request()
	body.AnchorUserID = ""
	return s.c.Do(ctx, livingModify, nil, body, nil)
}

type livingIDBody struct {
	LivingID string `json:"livingid"`
}

// Info returns a live broadcast.
// https://developer.work.weixin.qq.com/document/path/93635
func (s *LivingService) Info(ctx context.Context, livingID string) (*Living, error) {
	if err := needB("livingid", livingID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		LivingInfo Living `json:"living_info"`
	}](ctx, s.c, livingInfo, url.Values{"livingid": {livingID}}, nil)
	if err != nil {
		return nil, err
	}
	if out.LivingInfo.LivingID == "" {
		out.LivingInfo.LivingID = livingID
	}
	return &out.LivingInfo, nil
}

// Cancel cancels a live broadcast that has not started.
// https://developer.work.weixin.qq.com/document/path/93638
func (s *LivingService) Cancel(ctx context.Context, livingID string) error {
	if err := needB("livingid", livingID); err != nil {
		return err
	}
	return s.c.Do(ctx, livingCancel, nil, livingIDBody{livingID}, nil)
}

// DeleteReplay deletes the replay of a live broadcast.
// https://developer.work.weixin.qq.com/document/path/93639
func (s *LivingService) DeleteReplay(ctx context.Context, livingID string) error {
	if err := needB("livingid", livingID); err != nil {
		return err
	}
	return s.c.Do(ctx, livingDelReplay, nil, livingIDBody{livingID}, nil)
}

// Code returns the code with which WeChat user openID joins a broadcast.
// https://developer.work.weixin.qq.com/document/path/93641
func (s *LivingService) Code(ctx context.Context, livingID, openID string) (string, error) {
	if err := needB("livingid", livingID, "openid", openID); err != nil {
		return "", err
	}
	body := struct {
		LivingID string `json:"livingid"`
		OpenID   string `json:"openid"`
	}{livingID, openID}
	out, err := callB[struct {
		LivingCode string `json:"living_code"`
	}](ctx, s.c, livingCode, nil, body)
	if err != nil {
		return "", err
	}
	return out.LivingCode, nil
}

// LivingIDPage is one page of live broadcast ids.
type LivingIDPage struct {
	NextCursor string   `json:"next_cursor"`
	LivingIDs  []string `json:"livingid_list"`
}

// UserLivingIDs returns one page (limit up to 100, 0 for 100) of the
// broadcasts of a member.
// https://developer.work.weixin.qq.com/document/path/93634
func (s *LivingService) UserLivingIDs(ctx context.Context, userID, cursor string, limit int) (*LivingIDPage, error) {
	if err := needB("userid", userID); err != nil {
		return nil, err
	}
	if limit == 0 {
		limit = 100
	}
	if limit < 1 || limit > 100 {
		return nil, paramErr("limit", "1 to 100")
	}
	body := struct {
		UserID string `json:"userid"`
		Cursor string `json:"cursor,omitempty"`
		Limit  int    `json:"limit"`
	}{userID, cursor, limit}
	return callB[LivingIDPage](ctx, s.c, livingUserIDs, nil, body)
}

// AllUserLivingIDs iterates over the broadcasts of a member.
func (s *LivingService) AllUserLivingIDs(ctx context.Context, userID string, limit int) iter.Seq2[string, error] {
	return cursorPagesB(ctx, "", func(ctx context.Context, cursor string) ([]string, string, error) {
		p, err := s.UserLivingIDs(ctx, userID, cursor, limit)
		if err != nil {
			return nil, "", err
		}
		return p.LivingIDs, p.NextCursor, nil
	})
}

// LivingViewer is a viewer's statistics; members have UserID, WeChat users
// ExternalUserID and Type.
type LivingViewer struct {
	UserID         string `json:"userid,omitempty"`
	ExternalUserID string `json:"external_userid,omitempty"`
	Type           int    `json:"type,omitempty"`
	Name           string `json:"name,omitempty"`
	WatchTime      int64  `json:"watch_time"`
	IsComment      int    `json:"is_comment"`
	IsMic          int    `json:"is_mic"`
}

// WatchStat is one page of viewer statistics; Ending 1 marks the last page.
type WatchStat struct {
	Ending   int    `json:"ending"`
	NextKey  string `json:"next_key"`
	StatInfo struct {
		Users         []LivingViewer `json:"users"`
		ExternalUsers []LivingViewer `json:"external_users"`
	} `json:"stat_info"`
}

// WatchStat returns one page of the viewers of a broadcast; nextKey is "0"
// (or "") for the first page.
// https://developer.work.weixin.qq.com/document/path/93636
func (s *LivingService) WatchStat(ctx context.Context, livingID, nextKey string) (*WatchStat, error) {
	if err := needB("livingid", livingID); err != nil {
		return nil, err
	}
	if nextKey == "" {
		nextKey = "0"
	}
	body := struct {
		LivingID string `json:"livingid"`
		NextKey  string `json:"next_key"`
	}{livingID, nextKey}
	return callB[WatchStat](ctx, s.c, livingWatchStat, nil, body)
}

// LivingShareInfo tells who shared a broadcast link to whom.
type LivingShareInfo struct {
	LivingID              string `json:"livingid"`
	ViewerUserID          string `json:"viewer_userid,omitempty"`
	ViewerExternalUserID  string `json:"viewer_external_userid,omitempty"`
	InvitorUserID         string `json:"invitor_userid,omitempty"`
	InvitorExternalUserID string `json:"invitor_external_userid,omitempty"`
}

// ShareInfo resolves the ww_share_code of a shared broadcast link.
// https://developer.work.weixin.qq.com/document/path/93642
func (s *LivingService) ShareInfo(ctx context.Context, shareCode string) (*LivingShareInfo, error) {
	if err := needB("ww_share_code", shareCode); err != nil {
		return nil, err
	}
	body := struct {
		Code string `json:"ww_share_code"`
	}{shareCode}
	return callB[LivingShareInfo](ctx, s.c, livingShareInfo, nil, body)
}
