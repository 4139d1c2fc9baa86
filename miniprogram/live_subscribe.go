package miniprogram

import (
	"context"
	"iter"
	"net/http"
)

var (
	liveFollowers   = liveEP(http.MethodPost, "/wxa/business/get_wxa_followers")
	livePushMessage = liveEP(http.MethodPost, "/wxa/business/push_message")
)

// MaxFollowersPage is the largest page of LiveSubscribeService.Followers.
const MaxFollowersPage = 2000

// Follower is a user who subscribed to the mini program's live broadcasts.
type Follower struct {
	RoomID        int    `json:"room_id"`
	OpenID        string `json:"openid"`
	CreateTime    int64  `json:"create_time"`
	MsgCreateTime int64  `json:"msg_create_time"`
	RoomStatus    int    `json:"room_status"`
	RoomStartTime int64  `json:"room_start_time"`
}

// FollowerPage is one page of followers.
type FollowerPage struct {
	Followers []Follower `json:"followers"`
	// PageBreak is the cursor of the next page; 0 after the last one.
	PageBreak int `json:"page_break"`
}

// Followers returns limit (at most 2000) followers after the cursor
// pageBreak (0 for the first page).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/subscribe-api.html
func (s *LiveSubscribeService) Followers(ctx context.Context, pageBreak, limit int) (*FollowerPage, error) {
	if limit < 1 || limit > MaxFollowersPage {
		return nil, invalidArg("limit", "must be 1-2000")
	}
	body := struct {
		Limit     int `json:"limit"`
		PageBreak int `json:"page_break,omitempty"`
	}{limit, pageBreak}
	return call[FollowerPage](ctx, s.c, liveFollowers, nil, body)
}

// AllFollowers iterates over every follower.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/subscribe-api.html
func (s *LiveSubscribeService) AllFollowers(ctx context.Context) iter.Seq2[Follower, error] {
	return func(yield func(Follower, error) bool) {
		cursor := 0
		for {
			p, err := s.Followers(ctx, cursor, MaxFollowersPage)
			if err != nil {
				yield(Follower{}, err)
				return
			}
			for _, f := range p.Followers {
				if !yield(f, nil) {
					return
				}
			}
			if len(p.Followers) == 0 || p.PageBreak == 0 || p.PageBreak == cursor {
				return
			}
			cursor = p.PageBreak
		}
	}
}

// PushMessage tells followers (at most 100 openids) that the room roomID
// is starting, and returns the message id.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/subscribe-api.html
func (s *LiveSubscribeService) PushMessage(ctx context.Context, roomID int, openIDs []string) (string, error) {
	if err := checkRoom(roomID); err != nil {
		return "", err
	}
	if len(openIDs) == 0 || len(openIDs) > 100 {
		return "", invalidArg("user_openid", "must hold 1 to 100 openids")
	}
	body := struct {
		RoomID     int      `json:"room_id"`
		UserOpenID []string `json:"user_openid"`
	}{roomID, openIDs}
	out, err := call[struct {
		MessageID string `json:"message_id"`
	}](ctx, s.c, livePushMessage, nil, body)
	if err != nil {
		return "", err
	}
	return out.MessageID, nil
}
