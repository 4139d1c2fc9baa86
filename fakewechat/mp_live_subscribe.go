package fakewechat

import (
	"slices"
)

// Live broadcast subscriptions (直播订阅): MPAddLiveFollowers registers the
// users who subscribed to the mini program's broadcasts; get_wxa_followers
// pages them with page_break (the index of the next follower, 0 at the end);
// push_message needs a live or upcoming room and openids of followers, and
// records the push (MPLivePushes).
func init() { builtin = append(builtin, registerMPLiveSubscribe) }

// MPLivePush is a push_message the fake accepted.
type MPLivePush struct {
	MessageID string
	RoomID    int
	OpenIDs   []string
}

// MPAddLiveFollowers registers followers of appid's broadcasts, subscribed
// through room roomID.
func (s *Server) MPAddLiveFollowers(appid string, roomID int, openids ...string) {
	l := s.mpLive(appid)
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, o := range openids {
		l.followers = append(l.followers, M{"room_id": roomID, "openid": o, "create_time": s.Now().Unix(),
			"msg_create_time": 0, "room_status": 102, "room_start_time": 0})
	}
}

// MPLivePushes returns the pushes sent by appid, oldest first.
func (s *Server) MPLivePushes(appid string) []MPLivePush {
	l := s.mpLive(appid)
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.pushes)
}

func registerMPLiveSubscribe(s *Server) {
	s.HandleJSON("POST /wxa/business/get_wxa_followers", func(r *Request) (any, error) {
		var in struct {
			Limit     int `json:"limit"`
			PageBreak int `json:"page_break"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Limit < 1 || in.Limit > 2000 || in.PageBreak < 0 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		l := s.mpLive(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		start := min(in.PageBreak, len(l.followers))
		end := min(start+in.Limit, len(l.followers))
		next := end
		if end >= len(l.followers) {
			next = 0
		}
		return OK(M{"followers": append([]M{}, l.followers[start:end]...), "page_break": next}), nil
	})
	s.HandleJSON("POST /wxa/business/push_message", func(r *Request) (any, error) {
		var in struct {
			RoomID     int      `json:"room_id"`
			UserOpenID []string `json:"user_openid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.UserOpenID) == 0 || len(in.UserOpenID) > 100 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		l := s.mpLive(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		rm, e := l.room(in.RoomID)
		if e != nil {
			return nil, e
		}
		if rm.LiveStatus != 101 && rm.LiveStatus != 102 {
			return nil, ErrCode(CodeMPLiveRoomState)
		}
		for _, o := range in.UserOpenID {
			if !slices.ContainsFunc(l.followers, func(f M) bool { return f["openid"] == o }) {
				return nil, ErrCode(40003)
			}
		}
		p := MPLivePush{MessageID: randHex(8), RoomID: in.RoomID, OpenIDs: slices.Clone(in.UserOpenID)}
		l.pushes = append(l.pushes, p)
		return OK(M{"message_id": p.MessageID}), nil
	})
}
