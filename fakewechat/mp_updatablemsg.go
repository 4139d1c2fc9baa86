package fakewechat

import (
	"sync"
	"time"
)

// Dynamic messages (/cgi-bin/message/wxopen/*): activity ids are kept per
// app (MPActivities); see the package documentation for their checks.
func init() { builtin = append(builtin, registerMPUpdatableMsg) }

// MPActivityTTL is how long an activity_id lives (the docs: 24 hours).
const MPActivityTTL = 24 * time.Hour

// MPActivity is a dynamic message activity the fake created.
type MPActivity struct {
	ID              string
	OpenID, UnionID string // the sharer the id was created for
	ExpiresAt       time.Time
	// State is -1 until the first updatablemsg/send, then its target_state.
	State int
	// Params are the parameters of the last send (member_count,
	// room_limit, path, version_type).
	Params map[string]string
	Sends  int
}

type mpActivities struct {
	mu sync.Mutex
	m  map[string]*MPActivity
}

func (s *Server) mpActivities(appid string) *mpActivities {
	return Value(s.State(appid), "mp.activities", func() *mpActivities { return &mpActivities{m: map[string]*MPActivity{}} })
}

// MPActivities returns the activities created for appid, by id.
func (s *Server) MPActivities(appid string) map[string]MPActivity {
	st := s.mpActivities(appid)
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make(map[string]MPActivity, len(st.m))
	for id, a := range st.m {
		c := *a
		c.Params = make(map[string]string, len(a.Params))
		for k, v := range a.Params {
			c.Params[k] = v
		}
		out[id] = c
	}
	return out
}

func registerMPUpdatableMsg(s *Server) {
	s.HandleJSON("GET /cgi-bin/message/wxopen/activityid/create", func(r *Request) (any, error) {
		a := &MPActivity{ID: "966_" + randTicket(20), OpenID: r.Query.Get("openid"), UnionID: r.Query.Get("unionid"),
			ExpiresAt: r.Now().Add(MPActivityTTL), State: -1}
		if a.OpenID == "" && a.UnionID == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: openid")
		}
		st := s.mpActivities(r.AppID)
		st.mu.Lock()
		st.m[a.ID] = a
		st.mu.Unlock()
		return OK(M{"activity_id": a.ID, "expiration_time": a.ExpiresAt.Unix()}), nil
	})

	s.HandleJSON("POST /cgi-bin/message/wxopen/updatablemsg/send", func(r *Request) (any, error) {
		var in struct {
			ActivityID   string `json:"activity_id"`
			TargetState  *int   `json:"target_state"`
			TemplateInfo *struct {
				ParameterList []struct {
					Name  string `json:"name"`
					Value string `json:"value"`
				} `json:"parameter_list"`
			} `json:"template_info"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		switch {
		case in.ActivityID == "":
			return nil, Errorf(CodeInvalidArgs, "invalid args: activity_id")
		case in.TargetState == nil || *in.TargetState != 0 && *in.TargetState != 1:
			return nil, Errorf(CodeInvalidArgs, "invalid args: target_state")
		case in.TemplateInfo == nil:
			return nil, Errorf(CodeInvalidArgs, "invalid args: template_info")
		}
		params := map[string]string{}
		for _, p := range in.TemplateInfo.ParameterList {
			params[p.Name] = p.Value
		}
		need := []string{"member_count", "room_limit"}
		if *in.TargetState == 1 {
			need = []string{"path", "version_type"}
		}
		for _, k := range need {
			if _, ok := params[k]; !ok {
				return nil, Errorf(CodeInvalidArgs, "invalid args: %s", k)
			}
		}
		if v, ok := params["version_type"]; ok && v != "release" && v != "trial" && v != "develop" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: version_type")
		}
		st := s.mpActivities(r.AppID)
		st.mu.Lock()
		defer st.mu.Unlock()
		a, ok := st.m[in.ActivityID]
		if !ok || !r.Now().Before(a.ExpiresAt) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: activity_id")
		}
		if a.State == 1 {
			// A started message is final.
			return nil, Errorf(CodeInvalidArgs, "invalid args: target_state")
		}
		a.State, a.Params = *in.TargetState, params
		a.Sends++
		return nil, nil
	})
}
