package fakewechat

import (
	"fmt"
	"regexp"
	"slices"
	"sync"
	"time"
	"unicode/utf8"
)

// Errcodes of the user, tag and blacklist endpoints.
const (
	oaCodeInvalidOpenID     = 40003
	oaCodeInvalidOpenIDList = 40032 // too many (or no) openids in one call
	oaCodeTooManyTags       = 45056 // the account has 100 tags
	oaCodeTagReserved       = 45058 // tags 0, 1 and 2 cannot be changed
	oaCodeUserTagsFull      = 45059 // a user has 20 tags
	oaCodeTagNameExists     = 45157
	oaCodeTagNameTooLong    = 45158
	oaCodeInvalidTagID      = 45159
)

func init() {
	stdMessages[oaCodeInvalidOpenIDList] = "invalid openid list size"
	stdMessages[oaCodeTooManyTags] = "too many tag now, no need to add new"
	stdMessages[oaCodeTagReserved] = "can't modify sys tag"
	stdMessages[oaCodeUserTagsFull] = "too many tag on user"
	stdMessages[oaCodeTagNameExists] = "tag name already exists"
	stdMessages[oaCodeTagNameTooLong] = "tag name too long"
	stdMessages[oaCodeInvalidTagID] = "invalid tag id"
	builtin = append(builtin, registerOAUser)
}

// Follower is a user of a fake official account, added with AddFollowers
// or from a fixtures file (the JSON names are those of the fields' tags).
type Follower struct {
	// OpenID must satisfy ValidOpenID.
	OpenID  string `json:"openid"`
	UnionID string `json:"unionid,omitempty"`
	// Language defaults to zh_CN.
	Language string `json:"language,omitempty"`
	// SubscribeTime defaults to the server's clock when added.
	SubscribeTime time.Time `json:"subscribe_time,omitzero"`
	// SubscribeScene defaults to ADD_SCENE_QR_CODE.
	SubscribeScene string `json:"subscribe_scene,omitempty"`
	QRScene        int64  `json:"qr_scene,omitempty"`
	QRSceneStr     string `json:"qr_scene_str,omitempty"`
	// Unsubscribed users are known (user/info answers subscribe 0) but not
	// listed by user/get.
	Unsubscribed bool `json:"unsubscribed,omitempty"`
}

// OpenIDLen is the length of every openid WeChat issues, and so of every
// openid the fake accepts.
const OpenIDLen = 28

var openIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// ValidOpenID reports whether s has the shape of an openid: OpenIDLen (28)
// characters of [A-Za-z0-9_-], such as "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o".
// It is the fake's only openid rule: AddFollowers refuses other openids,
// and the send endpoints (template, custom and subscribe messages) answer
// 40003 "invalid openid" for them.
func ValidOpenID(s string) bool {
	return len(s) == OpenIDLen && openIDPattern.MatchString(s)
}

// Limits the fake enforces, as WeChat documents them.
const (
	oaMaxTags           = 100
	oaMaxTagsPerUser    = 20
	oaMaxTagNameChars   = 30
	oaMaxRemarkChars    = 30
	oaMaxTaggingOpenIDs = 50
	oaMaxBlackOpenIDs   = 20
	oaMaxBatchUserInfo  = 100
	oaUserPageSize      = 10000
	oaStarTagID         = 2
	oaFirstTagID        = 100
)

type oaUser struct {
	Follower
	remark string
	tags   []int
}

type oaTag struct {
	id   int
	name string
}

// oaUsers is the follower directory of one app: users, tags, blacklist.
type oaUsers struct {
	mu       sync.Mutex
	order    []string // followers in subscribe order
	users    map[string]*oaUser
	tags     []*oaTag // in creation order
	nextTag  int
	black    []string
	pageSize int
}

func newOAUsers() *oaUsers {
	return &oaUsers{
		users:    map[string]*oaUser{},
		tags:     []*oaTag{{id: oaStarTagID, name: "星标组"}},
		nextTag:  oaFirstTagID,
		pageSize: oaUserPageSize,
	}
}

func (s *Server) oaUsers(appid string) *oaUsers {
	return Value(s.State(appid), "oa.users", newOAUsers)
}

// AddFollowers adds users to the official account appid, in order. An
// openid already known is updated in place. It adds none and returns an
// error when an openid does not satisfy ValidOpenID.
func (s *Server) AddFollowers(appid string, fs ...Follower) error {
	for _, f := range fs {
		if !ValidOpenID(f.OpenID) {
			return fmt.Errorf("fakewechat: AddFollowers: openid %q is not %d characters of [A-Za-z0-9_-] (see ValidOpenID)", f.OpenID, OpenIDLen)
		}
	}
	d := s.oaUsers(appid)
	now := s.Now()
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, f := range fs {
		if f.Language == "" {
			f.Language = "zh_CN"
		}
		if f.SubscribeTime.IsZero() {
			f.SubscribeTime = now
		}
		if f.SubscribeScene == "" {
			f.SubscribeScene = "ADD_SCENE_QR_CODE"
		}
		if u, ok := d.users[f.OpenID]; ok {
			u.Follower = f
			continue
		}
		d.users[f.OpenID] = &oaUser{Follower: f}
		d.order = append(d.order, f.OpenID)
	}
	return nil
}

// SetUserPageSize sets how many openids one page of user/get, user/tag/get
// and getblacklist holds for appid (WeChat: 10000), so that tests can page
// through a few users.
func (s *Server) SetUserPageSize(appid string, n int) {
	if n <= 0 {
		n = oaUserPageSize
	}
	d := s.oaUsers(appid)
	d.mu.Lock()
	d.pageSize = n
	d.mu.Unlock()
}

// page returns the openids of ids after cursor ("" for the start) and the
// next cursor: the last openid of a non-empty page, "" after the end.
func (d *oaUsers) page(ids []string, cursor string) ([]string, string, *Error) {
	start := 0
	if cursor != "" {
		i := slices.Index(ids, cursor)
		if i < 0 {
			return nil, "", Errorf(oaCodeInvalidOpenID, "invalid next_openid")
		}
		start = i + 1
	}
	end := min(start+d.pageSize, len(ids))
	out := append([]string{}, ids[start:end]...)
	if len(out) == 0 {
		return out, "", nil
	}
	return out, out[len(out)-1], nil
}

func pageAnswer(ids []string, next string, total int) M {
	m := M{"count": len(ids), "next_openid": next}
	if total >= 0 {
		m["total"] = total
	}
	if len(ids) > 0 {
		m["data"] = M{"openid": ids}
	}
	return m
}

// followers returns the subscribed users in order. d.mu must be held.
func (d *oaUsers) followers() []string {
	out := make([]string, 0, len(d.order))
	for _, id := range d.order {
		if !d.users[id].Unsubscribed {
			out = append(out, id)
		}
	}
	return out
}

func (d *oaUsers) tag(id int) *oaTag {
	for _, t := range d.tags {
		if t.id == id {
			return t
		}
	}
	return nil
}

// checkOpenIDs validates a batch of openids. d.mu must be held.
func (d *oaUsers) checkOpenIDs(ids []string, max int) *Error {
	if len(ids) == 0 || len(ids) > max {
		return ErrCode(oaCodeInvalidOpenIDList)
	}
	for _, id := range ids {
		if d.users[id] == nil {
			return ErrCode(oaCodeInvalidOpenID)
		}
	}
	return nil
}

func (u *oaUser) info(lang string) M {
	if u.Unsubscribed {
		m := M{"subscribe": 0, "openid": u.OpenID}
		if u.UnionID != "" {
			m["unionid"] = u.UnionID
		}
		return m
	}
	m := M{
		"subscribe": 1, "openid": u.OpenID, "language": u.Language,
		"subscribe_time": u.SubscribeTime.Unix(), "remark": u.remark, "groupid": 0,
		"tagid_list": append([]int{}, u.tags...), "subscribe_scene": u.SubscribeScene,
		"qr_scene": u.QRScene, "qr_scene_str": u.QRSceneStr,
	}
	if lang != "" {
		m["language"] = lang
	}
	if u.UnionID != "" {
		m["unionid"] = u.UnionID
	}
	return m
}

func validLang(l string) bool { return l == "" || l == "zh_CN" || l == "zh_TW" || l == "en" }

func registerOAUser(s *Server) {
	s.HandleJSON("POST /cgi-bin/user/info/updateremark", func(r *Request) (any, error) {
		var in struct {
			OpenID string `json:"openid"`
			Remark string `json:"remark"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if utf8.RuneCountInString(in.Remark) > oaMaxRemarkChars {
			return nil, Errorf(CodeInvalidArgs, "remark too long")
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		u := d.users[in.OpenID]
		if u == nil {
			return nil, ErrCode(oaCodeInvalidOpenID)
		}
		u.remark = in.Remark
		return nil, nil
	})
	s.HandleJSON("GET /cgi-bin/user/info", func(r *Request) (any, error) {
		lang := r.Query.Get("lang")
		if !validLang(lang) {
			return nil, Errorf(CodeInvalidArgs, "invalid lang")
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		u := d.users[r.Query.Get("openid")]
		if u == nil {
			return nil, ErrCode(oaCodeInvalidOpenID)
		}
		return u.info(lang), nil
	})
	s.HandleJSON("POST /cgi-bin/user/info/batchget", func(r *Request) (any, error) {
		var in struct {
			UserList []struct {
				OpenID string `json:"openid"`
				Lang   string `json:"lang"`
			} `json:"user_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.UserList) == 0 || len(in.UserList) > oaMaxBatchUserInfo {
			return nil, ErrCode(oaCodeInvalidOpenIDList)
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		out := make([]M, 0, len(in.UserList))
		for _, it := range in.UserList {
			u := d.users[it.OpenID]
			if u == nil {
				return nil, ErrCode(oaCodeInvalidOpenID)
			}
			if !validLang(it.Lang) {
				return nil, Errorf(CodeInvalidArgs, "invalid lang")
			}
			out = append(out, u.info(it.Lang))
		}
		return M{"user_info_list": out}, nil
	})
	s.HandleJSON("GET /cgi-bin/user/get", func(r *Request) (any, error) {
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		all := d.followers()
		ids, next, err := d.page(all, r.Query.Get("next_openid"))
		if err != nil {
			return nil, err
		}
		return pageAnswer(ids, next, len(all)), nil
	})
}
