package fakewechat

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// WeCom address-book errcodes the fake answers.
const (
	CodeWeComInvalidUserID     = 40003 // invalid UserID
	CodeWeComInvalidParty      = 40066 // invalid department (WeCom reuses 40066)
	CodeWeComInvalidTagID      = 40068 // invalid tagid
	CodeWeComInvalidName       = 40071 // invalid tag name / name duplicated
	CodeWeComUserIDExists      = 60102 // UserID already exists
	CodeWeComMobileExists      = 60104 // mobile already exists
	CodeWeComInvalidMobile     = 60103 // invalid mobile
	CodeWeComPartyNotFound     = 60123 // invalid department id
	CodeWeComPartyHasMembers   = 60005 // department has members
	CodeWeComPartyHasChildren  = 60006 // department has sub-departments
	CodeWeComPartyNameExists   = 60008 // department name already exists
	CodeWeComUserNotFound      = 60111 // userid not found
	CodeWeComNoMobileUser      = 46004 // no user with this mobile / email
	CodeWeComInvalidOpenID     = 40003
	CodeWeComTagNameExists     = 40071
	CodeWeComInvalidSizeType   = 40058 // invalid parameter
	CodeWeComInvalidParameter  = 40058
	CodeWeComMissingParameter  = 41035 // missing required parameter
	CodeWeComInvalidEmailType  = 40058
	CodeWeComRootPartyReadonly = 60003 // department not found / cannot delete root
)

func init() {
	for code, msg := range map[int]string{
		CodeWeComInvalidParty: "invalid department", CodeWeComInvalidTagID: "invalid tagid",
		CodeWeComInvalidName: "invalid tag name", CodeWeComUserIDExists: "userid existed",
		CodeWeComMobileExists: "mobile existed", CodeWeComInvalidMobile: "invalid mobile",
		CodeWeComPartyNotFound: "invalid party id", CodeWeComPartyHasMembers: "department contains user",
		CodeWeComPartyHasChildren: "department contains sub-department", CodeWeComPartyNameExists: "department name existed",
		CodeWeComUserNotFound: "userid not found", CodeWeComNoMobileUser: "not found user",
		CodeWeComInvalidParameter: "invalid parameter", CodeWeComMissingParameter: "missing required parameter",
		CodeWeComRootPartyReadonly: "department not found",
	} {
		if _, ok := stdMessages[code]; !ok {
			stdMessages[code] = msg
		}
	}
	builtin = append(builtin, registerWeComContacts)
}

// The members every corp's address book starts with, in department 1.
const (
	WeComSeedUser1 = "zhangsan"
	WeComSeedUser2 = "lisi"
)

// wecomUser is an address-book member, kept as the JSON object WeCom
// accepts (so every documented field round-trips) plus the parsed keys.
type wecomUser struct {
	fields map[string]any
	id     string
	depts  []int64
	mobile string
	email  string
	status int // 1 active, 4 not yet joined
}

type wecomDept struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	NameEn   string   `json:"name_en,omitempty"`
	ParentID int64    `json:"parentid"`
	Order    int64    `json:"order"`
	Leaders  []string `json:"department_leader"`
}

type wecomTag struct {
	id    int64
	name  string
	users []string
	depts []int64
}

// wecomDir is a corp's address book, shared by every agent of the corp.
type wecomDir struct {
	mu       sync.Mutex
	users    map[string]*wecomUser
	order    []string // userids by creation
	depts    map[int64]*wecomDept
	tags     map[int64]*wecomTag
	nextDept int64
	nextTag  int64
}

// wecomCaller splits the AppID of a WeCom request into the corp and the
// agent id (0 for tools).
func wecomCaller(r *Request) (corp string, agentID int64) {
	corp, agent, _ := strings.Cut(r.AppID, "/")
	agentID, _ = strconv.ParseInt(agent, 10, 64)
	return corp, agentID
}

func (s *Server) wecomDir(corp string) *wecomDir {
	return Value(s.State(corp), "wecom.dir", func() *wecomDir {
		d := &wecomDir{users: map[string]*wecomUser{}, depts: map[int64]*wecomDept{}, tags: map[int64]*wecomTag{}, nextDept: 2, nextTag: 1}
		d.depts[1] = &wecomDept{ID: 1, Name: "root", Order: 100000000, Leaders: []string{}}
		for i, id := range []string{WeComSeedUser1, WeComSeedUser2} {
			d.addUser(map[string]any{"userid": id, "name": id, "department": []any{float64(1)}, "mobile": fmt.Sprintf("1380000000%d", i+1), "email": id + "@example.com"})
		}
		return d
	})
}

func (r *Request) wecomDir() *wecomDir {
	corp, _ := wecomCaller(r)
	return r.Server.wecomDir(corp)
}

func (d *wecomDir) addUser(f map[string]any) *wecomUser {
	u := &wecomUser{fields: f, status: 1}
	u.refresh()
	d.users[u.id] = u
	d.order = append(d.order, u.id)
	return u
}

func (u *wecomUser) refresh() {
	u.id, _ = u.fields["userid"].(string)
	u.mobile, _ = u.fields["mobile"].(string)
	u.email, _ = u.fields["email"].(string)
	u.depts = anyInts(u.fields["department"])
	if len(u.depts) == 0 {
		u.depts = []int64{1}
	}
}

func anyInts(v any) []int64 {
	l, _ := v.([]any)
	out := make([]int64, 0, len(l))
	for _, x := range l {
		switch n := x.(type) {
		case float64:
			out = append(out, int64(n))
		case string:
			if i, err := strconv.ParseInt(n, 10, 64); err == nil {
				out = append(out, i)
			}
		}
	}
	return out
}

func (d *wecomDir) hasUser(id string) bool { _, ok := d.users[id]; return ok }

// subtree returns dept and its descendants.
func (d *wecomDir) subtree(root int64) []int64 {
	out := []int64{root}
	for i := 0; i < len(out); i++ {
		for _, dp := range d.depts {
			if dp.ParentID == out[i] && dp.ID != root {
				out = append(out, dp.ID)
			}
		}
	}
	slices.Sort(out[1:])
	return out
}

// resolve returns the members that recipients designate, and the ids that
// do not exist, the way message sends validate touser/toparty/totag.
func (d *wecomDir) resolve(toUser, toParty, toTag string) (members map[string]bool, badUser, badParty, badTag []string) {
	members = map[string]bool{}
	for _, id := range splitNonEmpty(toUser) {
		if id == "@all" {
			for uid := range d.users {
				members[uid] = true
			}
			continue
		}
		if d.hasUser(id) {
			members[id] = true
		} else {
			badUser = append(badUser, id)
		}
	}
	for _, p := range splitNonEmpty(toParty) {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || d.depts[id] == nil {
			badParty = append(badParty, p)
			continue
		}
		for _, sub := range d.subtree(id) {
			for uid, u := range d.users {
				if slices.Contains(u.depts, sub) {
					members[uid] = true
				}
			}
		}
	}
	for _, t := range splitNonEmpty(toTag) {
		id, err := strconv.ParseInt(t, 10, 64)
		tag := d.tags[id]
		if err != nil || tag == nil {
			badTag = append(badTag, t)
			continue
		}
		for _, uid := range tag.users {
			members[uid] = true
		}
	}
	return members, badUser, badParty, badTag
}

func splitNonEmpty(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func registerWeComContacts(s *Server) {}
