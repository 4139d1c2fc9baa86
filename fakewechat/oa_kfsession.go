package fakewechat

import (
	"sync"
	"time"
)

// Official account customer-service sessions and chat records: a session
// needs an existing account (65401) that is online (SetKFOnline, 65415) and
// a well-formed openid (40003); a follower served by another account answers
// 65414, closing or reading a session that does not exist 65413. Creating a
// session removes the follower from the wait list (AddKFWaitCase) and
// records an opercode 1002 chat record, closing one a 1004 record.
// getmsglist needs endtime after starttime within 24 hours (65416) and
// number 1..10000; msgid is the 1-based index of the first record.
// inviteworker needs an existing account and a non-empty invite_wx.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
func init() {
	stdMessages[CodeKFNoSession] = "no session for the user"
	stdMessages[CodeKFUserInSession] = "user is served by another kf"
	stdMessages[CodeKFNotOnline] = "kf is not online"
	stdMessages[CodeKFInvalidQuery] = "invalid query params"
	builtin = append(builtin, registerOAKFSession)
}

// Errcodes of the customer-service sessions.
const (
	CodeKFNoSession     = 65413
	CodeKFUserInSession = 65414
	CodeKFNotOnline     = 65415
	CodeKFInvalidQuery  = 65416
)

type oaKFSession struct {
	account string
	created int64
}

type oaKFRecord struct {
	openid, worker string
	code           int
	at             int64
}

type oaKFSessionStore struct {
	mu       sync.Mutex
	sessions map[string]*oaKFSession // by openid
	waiting  []M
	records  []oaKFRecord
}

func oaKFSessions(st *State) *oaKFSessionStore {
	return Value(st, "oa.kfsession", func() *oaKFSessionStore { return &oaKFSessionStore{sessions: map[string]*oaKFSession{}} })
}

// AddKFWaitCase puts openid on the customer-service wait list of appid.
func (s *Server) AddKFWaitCase(appid, openid string) {
	ss := oaKFSessions(s.State(appid))
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.waiting = append(ss.waiting, M{"openid": openid, "latest_time": s.Now().Unix()})
}

func registerOAKFSession(s *Server) {
	account := func(r *Request, name string, needOnline bool) *Error {
		ks := oaKFs(r.State())
		ks.mu.Lock()
		defer ks.mu.Unlock()
		k := ks.find(name)
		switch {
		case k == nil:
			return ErrCode(CodeKFAccountNotExist)
		case needOnline && !k.online:
			return ErrCode(CodeKFNotOnline)
		}
		return nil
	}
	s.HandleJSON("POST /customservice/kfaccount/inviteworker", func(r *Request) (any, error) {
		var in struct {
			Account  string `json:"kf_account"`
			InviteWX string `json:"invite_wx"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.InviteWX == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		if err := account(r, in.Account, false); err != nil {
			return nil, err
		}
		return nil, nil
	})
	session := func(create bool) JSONHandler {
		return func(r *Request) (any, error) {
			var in struct {
				Account string `json:"kf_account"`
				OpenID  string `json:"openid"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			if !ValidOpenID(in.OpenID) {
				return nil, ErrCode(oaCodeInvalidOpenID)
			}
			if err := account(r, in.Account, create); err != nil {
				return nil, err
			}
			ss := oaKFSessions(r.State())
			ss.mu.Lock()
			defer ss.mu.Unlock()
			cur := ss.sessions[in.OpenID]
			now := r.Now().Unix()
			if !create {
				if cur == nil || cur.account != in.Account {
					return nil, ErrCode(CodeKFNoSession)
				}
				delete(ss.sessions, in.OpenID)
				ss.records = append(ss.records, oaKFRecord{in.OpenID, in.Account, 1004, now})
				return nil, nil
			}
			if cur != nil {
				if cur.account != in.Account {
					return nil, ErrCode(CodeKFUserInSession)
				}
				return nil, nil
			}
			ss.sessions[in.OpenID] = &oaKFSession{in.Account, now}
			for i, w := range ss.waiting {
				if w["openid"] == in.OpenID {
					ss.waiting = append(ss.waiting[:i:i], ss.waiting[i+1:]...)
					break
				}
			}
			ss.records = append(ss.records, oaKFRecord{in.OpenID, in.Account, 1002, now})
			return nil, nil
		}
	}
	s.HandleJSON("POST /customservice/kfsession/create", session(true))
	s.HandleJSON("POST /customservice/kfsession/close", session(false))
	s.HandleJSON("GET /customservice/kfsession/getsession", func(r *Request) (any, error) {
		ss := oaKFSessions(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		cur := ss.sessions[r.Query.Get("openid")]
		if cur == nil {
			return nil, ErrCode(CodeKFNoSession)
		}
		return OK(M{"kf_account": cur.account, "createtime": cur.created}), nil
	})
	s.HandleJSON("GET /customservice/kfsession/getsessionlist", func(r *Request) (any, error) {
		if err := account(r, r.Query.Get("kf_account"), false); err != nil {
			return nil, err
		}
		ss := oaKFSessions(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		list := []M{}
		for oid, cur := range ss.sessions {
			if cur.account == r.Query.Get("kf_account") {
				list = append(list, M{"openid": oid, "createtime": cur.created})
			}
		}
		return OK(M{"sessionlist": list}), nil
	})
	s.HandleJSON("GET /customservice/kfsession/getwaitcase", func(r *Request) (any, error) {
		ss := oaKFSessions(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		list := append([]M{}, ss.waiting[:min(len(ss.waiting), 100)]...)
		return OK(M{"count": len(ss.waiting), "waitcaselist": list}), nil
	})
	s.HandleJSON("POST /customservice/msgrecord/getmsglist", func(r *Request) (any, error) {
		var in struct {
			Start  int64 `json:"starttime"`
			End    int64 `json:"endtime"`
			MsgID  int64 `json:"msgid"`
			Number int   `json:"number"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.End <= in.Start || in.End-in.Start > int64(24*time.Hour/time.Second) || in.Number < 1 || in.Number > 10000 || in.MsgID < 1 {
			return nil, ErrCode(CodeKFInvalidQuery)
		}
		ss := oaKFSessions(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		var match []oaKFRecord
		for _, rec := range ss.records {
			if rec.at >= in.Start && rec.at <= in.End {
				match = append(match, rec)
			}
		}
		from := min(int(in.MsgID-1), len(match))
		page := match[from:min(from+in.Number, len(match))]
		list := make([]M, len(page))
		for i, rec := range page {
			list[i] = M{"openid": rec.openid, "opercode": rec.code, "text": "", "time": rec.at, "worker": rec.worker}
		}
		return OK(M{"recordlist": list, "number": len(list), "msgid": int64(from+len(page)) + 1}), nil
	})
}
