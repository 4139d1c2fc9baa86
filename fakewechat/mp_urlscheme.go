package fakewechat

import (
	"strings"
	"sync"
	"time"
)

// URL schemes (URL Scheme): generatescheme checks the page and the expiry
// (in the future, at most 30 days) and answers a weixin://dl/business/ link;
// MPSchemes lists them.
func init() {
	stdMessages[CodeMPInvalidSchemePath] = "invalid weapp pagepath"
	builtin = append(builtin, registerMPURLScheme)
}

// CodeMPInvalidSchemePath is the errcode of generatescheme for a bad page;
// a bad expiry answers 40097 (invalid args).
const CodeMPInvalidSchemePath = 40165

// MPScheme is a URL scheme the fake generated.
type MPScheme struct {
	OpenLink, Path, Query, EnvVersion string
	ExpiresAt                         time.Time
}

type mpSchemes struct {
	mu   sync.Mutex
	list []MPScheme
}

// MPSchemes returns the URL schemes generated for appid, oldest first.
func (s *Server) MPSchemes(appid string) []MPScheme {
	st := Value(s.State(appid), "mp.schemes", func() *mpSchemes { return &mpSchemes{} })
	st.mu.Lock()
	defer st.mu.Unlock()
	return append([]MPScheme(nil), st.list...)
}

func registerMPURLScheme(s *Server) {
	s.HandleJSON("POST /wxa/generatescheme", func(r *Request) (any, error) {
		var in struct {
			JumpWxa *struct {
				Path, Query string
				EnvVersion  string `json:"env_version"`
			} `json:"jump_wxa"`
			IsExpire       bool  `json:"is_expire"`
			ExpireType     int   `json:"expire_type"`
			ExpireTime     int64 `json:"expire_time"`
			ExpireInterval int   `json:"expire_interval"`
		}
		if len(strings.TrimSpace(string(r.Body))) > 0 {
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
		}
		now := r.Now()
		sc := MPScheme{OpenLink: "weixin://dl/business/?t=" + randHex(6), ExpiresAt: now.Add(30 * 24 * time.Hour)}
		if j := in.JumpWxa; j != nil {
			if strings.HasPrefix(j.Path, "/") || strings.Contains(j.Path, "?") {
				return nil, ErrCode(CodeMPInvalidSchemePath)
			}
			sc.Path, sc.Query, sc.EnvVersion = j.Path, j.Query, j.EnvVersion
		}
		if in.IsExpire {
			switch in.ExpireType {
			case 0:
				sc.ExpiresAt = time.Unix(in.ExpireTime, 0)
			case 1:
				sc.ExpiresAt = now.Add(time.Duration(in.ExpireInterval) * 24 * time.Hour)
			}
			if !sc.ExpiresAt.After(now) || sc.ExpiresAt.Sub(now) > 30*24*time.Hour+time.Minute {
				return nil, Errorf(CodeInvalidArgs, "invalid args: expire_time")
			}
		}
		st := Value(s.State(r.AppID), "mp.schemes", func() *mpSchemes { return &mpSchemes{} })
		st.mu.Lock()
		st.list = append(st.list, sc)
		st.mu.Unlock()
		return OK(M{"openlink": sc.OpenLink}), nil
	})
}
