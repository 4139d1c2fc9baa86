package fakewechat

import (
	"strconv"
	"sync"
	"time"
)

// Advertising user-action data sources (/marketing/*): every call needs
// version=v1.0 in the query (40097). user_action_sets/add needs type WEB,
// ANDROID or IOS and a name of at most 32 characters, unique per type
// (40097); user_action_sets/get answers the set of user_action_set_id;
// user_actions/add takes 1..50 actions, each with a known
// user_action_set_id, action_time, action_type and trace.click_id, and
// counts them on the set (ReportedUserActions).
func init() { builtin = append(builtin, registerOAMarketing) }

type oaActionSet struct {
	M
	reported int
}

type oaMarketingStore struct {
	mu     sync.Mutex
	nextID int64
	sets   map[int64]*oaActionSet
}

func oaMarketing(st *State) *oaMarketingStore {
	return Value(st, "oa.marketing", func() *oaMarketingStore {
		return &oaMarketingStore{nextID: 1107000000, sets: map[int64]*oaActionSet{}}
	})
}

// ReportedUserActions is the number of user actions reported to a data
// source of appid.
func (s *Server) ReportedUserActions(appid string, setID int64) int {
	ms := oaMarketing(s.State(appid))
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if set := ms.sets[setID]; set != nil {
		return set.reported
	}
	return 0
}

func registerOAMarketing(s *Server) {
	bad := ErrCode(CodeInvalidArgs)
	s.HandleJSON("POST /marketing/user_action_sets/add", func(r *Request) (any, error) {
		var in struct {
			Type        string `json:"type"`
			Name        string `json:"name"`
			Description string `json:"description"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if r.Query.Get("version") != "v1.0" || (in.Type != "WEB" && in.Type != "ANDROID" && in.Type != "IOS") || in.Name == "" || len([]rune(in.Name)) > 32 {
			return nil, bad
		}
		ms := oaMarketing(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		for _, set := range ms.sets {
			if set.M["type"] == in.Type && set.M["name"] == in.Name {
				return nil, bad
			}
		}
		ms.nextID++
		ms.sets[ms.nextID] = &oaActionSet{M: M{"user_action_set_id": ms.nextID, "type": in.Type, "name": in.Name,
			"description": in.Description, "activate_status": false, "created_time": r.Now().In(oaBeijing).Format(time.DateTime)}}
		return OK(M{"data": M{"user_action_set_id": ms.nextID}}), nil
	})
	s.HandleJSON("GET /marketing/user_action_sets/get", func(r *Request) (any, error) {
		id, err := strconv.ParseInt(r.Query.Get("user_action_set_id"), 10, 64)
		if r.Query.Get("version") != "v1.0" || err != nil {
			return nil, bad
		}
		ms := oaMarketing(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		set := ms.sets[id]
		if set == nil {
			return nil, bad
		}
		return OK(M{"data": M{"list": []M{oaWith(set.M, nil)}}}), nil
	})
	s.HandleJSON("POST /marketing/user_actions/add", func(r *Request) (any, error) {
		var in struct {
			Actions []struct {
				SetID      int64  `json:"user_action_set_id"`
				ActionTime int64  `json:"action_time"`
				ActionType string `json:"action_type"`
				Trace      struct {
					ClickID string `json:"click_id"`
				} `json:"trace"`
			} `json:"actions"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if r.Query.Get("version") != "v1.0" || len(in.Actions) == 0 || len(in.Actions) > 50 {
			return nil, bad
		}
		ms := oaMarketing(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		for _, a := range in.Actions {
			if ms.sets[a.SetID] == nil || a.ActionTime == 0 || a.ActionType == "" || a.Trace.ClickID == "" {
				return nil, bad
			}
		}
		for _, a := range in.Actions {
			set := ms.sets[a.SetID]
			set.reported++
			set.M["activate_status"] = true
		}
		return nil, nil
	})
}
