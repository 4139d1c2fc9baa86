package fakewechat

import (
	"slices"
	"sync"
)

// Short-drama authorization (剧目授权, /wxa/sec/vod/authorizedrama,
// deauthorizedrama, getauthorizeobjects): authorizedrama needs
// authorized_appid and a non-empty drama_id array, and an
// authz_expire_time of 0 or at least 7 days ahead (47003 otherwise); each
// drama is authorized when it exists (10090001 in its result otherwise)
// and is approved (10090004), a repeated authorization updating the expiry.
// deauthorizedrama removes them (10090043 in the result of a drama not
// authorized to that mini program). getauthorizeobjects filters by drama_id
// and authorized_appid and pages by offset and limit (1-1000, default 100)
// with the total_count. Account authorization (账号授权): authorizeapp
// needs authorized_appid and the same authz_expire_time rule, a repeated
// authorization updating the expiry; getauthorizeapps lists them.
func init() {
	stdMessages[CodeMPVODNoAuthorization] = "authorization not exist"
	builtin = append(builtin, registerMPVODDrama)
}

// Errcodes of the short-drama authorization endpoints.
const (
	CodeMPVODBadArgs         = 47003
	CodeMPVODNoAuthorization = 10090043
)

type mpVODAuthz struct {
	mu   sync.Mutex
	list []M // drama_id, authorized_appid, authorized_time, authz_expire_time
	apps []M // authorized_appid, authorized_time, authz_expire_time
}

func (s *Server) mpVODAuthz(appid string) *mpVODAuthz {
	return Value(s.State(appid), "mp.vod.authz", func() *mpVODAuthz { return &mpVODAuthz{} })
}

// dramaStatus reports the review status of a drama, or -1 when unknown.
func (v *mpVOD) dramaStatus(id int64) int {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, d := range v.dramas {
		if d["drama_id"] == id {
			a, _ := d["audit_detail"].(M)
			st, _ := a["status"].(int)
			return st
		}
	}
	return -1
}

// checkAuthzExpiry answers 47003 unless expire is 0 (no end) or at least
// 7 days after now.
func checkAuthzExpiry(now, expire int64) *Error {
	if expire != 0 && expire < now+7*86400 {
		return Errorf(CodeMPVODBadArgs, "authz_expire_time less than 7 days ahead")
	}
	return nil
}

func registerMPVODDrama(s *Server) {
	type authIn struct {
		AuthorizedAppID string  `json:"authorized_appid"`
		DramaID         []int64 `json:"drama_id"`
		AuthzExpireTime int64   `json:"authz_expire_time"`
	}
	decode := func(r *Request) (*authIn, error) {
		var in authIn
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.AuthorizedAppID == "" || len(in.DramaID) == 0 {
			return nil, ErrCode(CodeMPVODBadArgs)
		}
		return &in, nil
	}
	result := func(id int64, code int) M {
		msg := "ok"
		if code != 0 {
			msg = stdMessages[code]
		}
		return M{"drama_id": id, "errcode": code, "errmsg": msg}
	}
	find := func(list []M, dramaID int64, appid string) int {
		return slices.IndexFunc(list, func(a M) bool { return a["drama_id"] == dramaID && a["authorized_appid"] == appid })
	}
	s.HandleJSON("POST /wxa/sec/vod/authorizedrama", func(r *Request) (any, error) {
		in, err := decode(r)
		if err != nil {
			return nil, err
		}
		now := r.Now().Unix()
		if e := checkAuthzExpiry(now, in.AuthzExpireTime); e != nil {
			return nil, e
		}
		v, a := s.mpVOD(r.AppID), s.mpVODAuthz(r.AppID)
		results := make([]M, 0, len(in.DramaID))
		for _, id := range in.DramaID {
			switch v.dramaStatus(id) {
			case -1:
				results = append(results, result(id, CodeMPVODNotFound))
				continue
			case 3:
			default:
				results = append(results, result(id, CodeMPVODNotApproved))
				continue
			}
			a.mu.Lock()
			if i := find(a.list, id, in.AuthorizedAppID); i >= 0 {
				a.list[i]["authz_expire_time"] = in.AuthzExpireTime
			} else {
				a.list = append(a.list, M{"drama_id": id, "authorized_appid": in.AuthorizedAppID, "authorized_time": now, "authz_expire_time": in.AuthzExpireTime})
			}
			a.mu.Unlock()
			results = append(results, result(id, 0))
		}
		return OK(M{"result": results}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/deauthorizedrama", func(r *Request) (any, error) {
		in, err := decode(r)
		if err != nil {
			return nil, err
		}
		a := s.mpVODAuthz(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		results := make([]M, 0, len(in.DramaID))
		for _, id := range in.DramaID {
			i := find(a.list, id, in.AuthorizedAppID)
			if i < 0 {
				results = append(results, result(id, CodeMPVODNoAuthorization))
				continue
			}
			a.list = slices.Delete(a.list, i, i+1)
			results = append(results, result(id, 0))
		}
		return OK(M{"result": results}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/getauthorizeobjects", func(r *Request) (any, error) {
		var in struct {
			DramaID         int64  `json:"drama_id"`
			AuthorizedAppID string `json:"authorized_appid"`
			Offset          int    `json:"offset"`
			Limit           int    `json:"limit"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		a := s.mpVODAuthz(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		var all []M
		for _, x := range a.list {
			if (in.DramaID == 0 || x["drama_id"] == in.DramaID) && (in.AuthorizedAppID == "" || x["authorized_appid"] == in.AuthorizedAppID) {
				all = append(all, M{"drama_id": x["drama_id"], "authorized_appid": x["authorized_appid"],
					"authorized_time": x["authorized_time"], "authz_expire_time": x["authz_expire_time"]})
			}
		}
		page, e := pageUpTo(all, in.Offset, in.Limit, 1000, CodeMPVODBadArgs)
		if e != nil {
			return nil, e
		}
		return OK(M{"total_count": len(all), "objects": append([]M{}, page...)}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/authorizeapp", func(r *Request) (any, error) {
		var in struct {
			AuthorizedAppID string `json:"authorized_appid"`
			AuthzExpireTime int64  `json:"authz_expire_time"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		now := r.Now().Unix()
		if in.AuthorizedAppID == "" {
			return nil, ErrCode(CodeMPVODBadArgs)
		}
		if e := checkAuthzExpiry(now, in.AuthzExpireTime); e != nil {
			return nil, e
		}
		a := s.mpVODAuthz(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		if i := slices.IndexFunc(a.apps, func(x M) bool { return x["authorized_appid"] == in.AuthorizedAppID }); i >= 0 {
			a.apps[i]["authz_expire_time"] = in.AuthzExpireTime
		} else {
			a.apps = append(a.apps, M{"authorized_appid": in.AuthorizedAppID, "authorized_time": now, "authz_expire_time": in.AuthzExpireTime})
		}
		return nil, nil
	})
	s.HandleJSON("POST /wxa/sec/vod/getauthorizeapps", func(r *Request) (any, error) {
		a := s.mpVODAuthz(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		objects := make([]M, len(a.apps))
		for i, x := range a.apps {
			objects[i] = M{"authorized_appid": x["authorized_appid"], "authorized_time": x["authorized_time"], "authz_expire_time": x["authz_expire_time"]}
		}
		return OK(M{"objects": objects}), nil
	})
}
