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
	CodeWeComInvalidUserID    = 40003 // invalid UserID (also an unknown openid)
	CodeWeComInvalidParameter = 40058 // invalid parameter
	CodeWeComInvalidTagID     = 40068 // invalid tagid
	CodeWeComAllListInvalid   = 40070 // every user and department given is invalid
	CodeWeComTagNameExists    = 40071 // invalid or duplicated tag name
	CodeWeComMissingParameter = 41035 // missing required parameter
	CodeWeComNotFoundUser     = 46004 // no member with this mobile or email
	CodeWeComPartyNotFound    = 60003 // department not found
	CodeWeComPartyHasMembers  = 60005 // department contains members
	CodeWeComPartyHasChildren = 60006 // department contains sub-departments
	CodeWeComPartyExists      = 60008 // department name or id already exists
	CodeWeComUserIDExists     = 60102 // UserID already exists
	CodeWeComMobileExists     = 60104 // mobile already exists
	CodeWeComUserNotFound     = 60111 // userid not found
)

func init() {
	for code, msg := range map[int]string{
		CodeWeComInvalidParameter: "invalid parameter", CodeWeComInvalidTagID: "invalid tagid",
		CodeWeComAllListInvalid: "all list invalid", CodeWeComTagNameExists: "invalid tagname or tagname exist",
		CodeWeComMissingParameter: "missing required parameter", CodeWeComNotFoundUser: "not found user",
		CodeWeComPartyNotFound: "department not found", CodeWeComPartyHasMembers: "department contains user",
		CodeWeComPartyHasChildren: "department contains sub-department", CodeWeComPartyExists: "department existed",
		CodeWeComUserIDExists: "userid existed", CodeWeComMobileExists: "mobile existed",
		CodeWeComUserNotFound: "userid not found",
	} {
		stdMessages[code] = msg
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
	children := map[int64][]int64{}
	for _, dp := range d.depts {
		if dp.ID != root {
			children[dp.ParentID] = append(children[dp.ParentID], dp.ID)
		}
	}
	out := []int64{root}
	for i := 0; i < len(out); i++ {
		out = append(out, children[out[i]]...)
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
		subs := d.subtree(id)
		for uid, u := range d.users {
			if slices.ContainsFunc(u.depts, func(x int64) bool { return slices.Contains(subs, x) }) {
				members[uid] = true
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

// view is the member as Get answers it.
func (u *wecomUser) view() M {
	out := make(M, len(u.fields)+3)
	for k, v := range u.fields {
		if k != "to_invite" && k != "avatar_mediaid" {
			out[k] = v
		}
	}
	out["department"] = u.depts
	out["status"] = u.status
	out["open_userid"] = "woFAKE" + u.id
	return out
}

func wecomOpenID(userID string) string { return "oFAKE_" + userID }

// dirHandler decodes the JSON body into a new T and runs fn with the
// caller's address book locked.
func dirHandler[T any](fn func(r *Request, d *wecomDir, in *T) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		in := new(T)
		if err := r.Decode(in); err != nil {
			return nil, err
		}
		return withDir(r, func(d *wecomDir) (any, error) { return fn(r, d, in) })
	}
}

// withDir runs fn with the caller's address book locked.
func withDir(r *Request, fn func(d *wecomDir) (any, error)) (any, error) {
	d := r.wecomDir()
	d.mu.Lock()
	defer d.mu.Unlock()
	return fn(d)
}

func (d *wecomDir) user(id string) (*wecomUser, error) {
	if id == "" {
		return nil, ErrCode(CodeWeComMissingParameter)
	}
	u := d.users[id]
	if u == nil {
		return nil, ErrCode(CodeWeComUserNotFound)
	}
	return u, nil
}

func (d *wecomDir) dept(q string) (*wecomDept, error) {
	id, err := strconv.ParseInt(q, 10, 64)
	if err != nil || d.depts[id] == nil {
		return nil, ErrCode(CodeWeComPartyNotFound)
	}
	return d.depts[id], nil
}

func (d *wecomDir) removeUser(id string) {
	delete(d.users, id)
	d.order = slices.DeleteFunc(d.order, func(x string) bool { return x == id })
	for _, t := range d.tags {
		t.users = slices.DeleteFunc(t.users, func(x string) bool { return x == id })
	}
}

// checkUserFields validates the departments and the uniqueness of the
// mobile of member fields f (of member self, "" when new).
func (d *wecomDir) checkUserFields(f map[string]any, self string) error {
	if _, ok := f["department"]; ok {
		for _, id := range anyInts(f["department"]) {
			if d.depts[id] == nil {
				return ErrCode(CodeWeComPartyNotFound)
			}
		}
	}
	if m, _ := f["mobile"].(string); m != "" {
		for id, u := range d.users {
			if u.mobile == m && id != self {
				return ErrCode(CodeWeComMobileExists)
			}
		}
	}
	return nil
}

func registerWeComContacts(s *Server) {
	registerWeComUsers(s)
	registerWeComDepartments(s)
	registerWeComTags(s)
}

func registerWeComUsers(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90195
	s.HandleJSON(WeComPath("POST /cgi-bin/user/create"), func(r *Request) (any, error) {
		f, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return withDir(r, func(d *wecomDir) (any, error) {
			id, _ := f["userid"].(string)
			name, _ := f["name"].(string)
			if id == "" || name == "" {
				return nil, ErrCode(CodeWeComMissingParameter)
			}
			if d.hasUser(id) {
				return nil, ErrCode(CodeWeComUserIDExists)
			}
			if err := d.checkUserFields(f, ""); err != nil {
				return nil, err
			}
			d.addUser(f).status = 4
			return OK(M{"created_userid": id}), nil
		})
	})
	s.HandleJSON(WeComPath("GET /cgi-bin/user/get"), func(r *Request) (any, error) {
		return withDir(r, func(d *wecomDir) (any, error) {
			u, err := d.user(r.Query.Get("userid"))
			if err != nil {
				return nil, err
			}
			return OK(u.view()), nil
		})
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/user/update"), func(r *Request) (any, error) {
		f, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return withDir(r, func(d *wecomDir) (any, error) {
			id, _ := f["userid"].(string)
			u, err := d.user(id)
			if err != nil {
				return nil, err
			}
			if err := d.checkUserFields(f, id); err != nil {
				return nil, err
			}
			for k, v := range f {
				u.fields[k] = v
			}
			u.refresh()
			return nil, nil
		})
	})
	s.HandleJSON(WeComPath("GET /cgi-bin/user/delete"), func(r *Request) (any, error) {
		return withDir(r, func(d *wecomDir) (any, error) {
			u, err := d.user(r.Query.Get("userid"))
			if err != nil {
				return nil, err
			}
			d.removeUser(u.id)
			return nil, nil
		})
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/user/batchdelete"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		UserIDList []string `json:"useridlist"`
	}) (any, error) {
		if len(in.UserIDList) == 0 || len(in.UserIDList) > 200 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		for _, id := range in.UserIDList {
			if _, err := d.user(id); err != nil {
				return nil, err
			}
		}
		for _, id := range in.UserIDList {
			d.removeUser(id)
		}
		return nil, nil
	}))
	listUsers := func(detail bool) JSONHandler {
		return func(r *Request) (any, error) {
			return withDir(r, func(d *wecomDir) (any, error) {
				dp, err := d.dept(r.Query.Get("department_id"))
				if err != nil {
					return nil, err
				}
				list := []any{}
				for _, id := range d.order {
					u := d.users[id]
					if !slices.Contains(u.depts, dp.ID) {
						continue
					}
					if detail {
						list = append(list, u.view())
					} else {
						list = append(list, M{"userid": u.id, "name": u.fields["name"], "department": u.depts})
					}
				}
				return OK(M{"userlist": list}), nil
			})
		}
	}
	// https://developer.work.weixin.qq.com/document/path/90200
	s.HandleJSON(WeComPath("GET /cgi-bin/user/simplelist"), listUsers(false))
	// https://developer.work.weixin.qq.com/document/path/90201
	s.HandleJSON(WeComPath("GET /cgi-bin/user/list"), listUsers(true))

	// https://developer.work.weixin.qq.com/document/path/90202
	s.HandleJSON(WeComPath("POST /cgi-bin/user/convert_to_openid"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		UserID string `json:"userid"`
	}) (any, error) {
		if !d.hasUser(in.UserID) {
			return nil, ErrCode(CodeWeComInvalidUserID)
		}
		return OK(M{"openid": wecomOpenID(in.UserID)}), nil
	}))
	s.HandleJSON(WeComPath("POST /cgi-bin/user/convert_to_userid"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		OpenID string `json:"openid"`
	}) (any, error) {
		id, ok := strings.CutPrefix(in.OpenID, "oFAKE_")
		if !ok || !d.hasUser(id) {
			return nil, ErrCode(CodeWeComInvalidUserID)
		}
		return OK(M{"userid": id}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/90203
	s.HandleJSON(WeComPath("GET /cgi-bin/user/authsucc"), func(r *Request) (any, error) {
		return withDir(r, func(d *wecomDir) (any, error) {
			u, err := d.user(r.Query.Get("userid"))
			if err != nil {
				return nil, err
			}
			u.status = 1
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/90975
	s.HandleJSON(WeComPath("POST /cgi-bin/batch/invite"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		User  []string `json:"user"`
		Party []int64  `json:"party"`
		Tag   []int64  `json:"tag"`
	}) (any, error) {
		badU, badP, badT := []string{}, []int64{}, []int64{}
		for _, u := range in.User {
			if !d.hasUser(u) {
				badU = append(badU, u)
			}
		}
		for _, p := range in.Party {
			if d.depts[p] == nil {
				badP = append(badP, p)
			}
		}
		for _, t := range in.Tag {
			if d.tags[t] == nil {
				badT = append(badT, t)
			}
		}
		return OK(M{"invaliduser": badU, "invalidparty": badP, "invalidtag": badT}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/91714
	s.HandleJSON(WeComPath("GET /cgi-bin/corp/get_join_qrcode"), func(r *Request) (any, error) {
		size := r.Query.Get("size_type")
		if size == "" {
			size = "2"
		}
		if n, err := strconv.Atoi(size); err != nil || n < 1 || n > 4 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		corp, _ := wecomCaller(r)
		return OK(M{"join_qrcode": "https://work.weixin.qq.com/wework_admin/genqrcode?corp=" + corp + "&size_type=" + size}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/95402
	s.HandleJSON(WeComPath("POST /cgi-bin/user/getuserid"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		Mobile string `json:"mobile"`
	}) (any, error) {
		for _, id := range d.order {
			if in.Mobile != "" && d.users[id].mobile == in.Mobile {
				return OK(M{"userid": id}), nil
			}
		}
		return nil, ErrCode(CodeWeComNotFoundUser)
	}))
	// https://developer.work.weixin.qq.com/document/path/95895
	s.HandleJSON(WeComPath("POST /cgi-bin/user/get_userid_by_email"), func(r *Request) (any, error) {
		var in struct {
			Email     string `json:"email"`
			EmailType int    `json:"email_type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.EmailType == 0 {
			in.EmailType = 1
		}
		if in.EmailType != 1 && in.EmailType != 2 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		return withDir(r, func(d *wecomDir) (any, error) {
			for _, id := range d.order {
				u := d.users[id]
				biz, _ := u.fields["biz_mail"].(string)
				if in.Email != "" && (in.EmailType == 1 && biz == in.Email || in.EmailType == 2 && u.email == in.Email) {
					return OK(M{"userid": id}), nil
				}
			}
			return nil, ErrCode(CodeWeComNotFoundUser)
		})
	})
	// https://developer.work.weixin.qq.com/document/path/96067
	// The cursor is the index of the next (userid, department) pair.
	s.HandleJSON(WeComPath("POST /cgi-bin/user/list_id"), func(r *Request) (any, error) {
		var in struct {
			Cursor string `json:"cursor"`
			Limit  int    `json:"limit"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Limit == 0 {
			in.Limit = 10000
		}
		start := 0
		if in.Cursor != "" {
			n, err := strconv.Atoi(strings.TrimPrefix(in.Cursor, "c"))
			if err != nil || n < 0 || !strings.HasPrefix(in.Cursor, "c") {
				return nil, ErrCode(CodeWeComInvalidParameter)
			}
			start = n
		}
		if in.Limit < 1 || in.Limit > 10000 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		return withDir(r, func(d *wecomDir) (any, error) {
			var all []M
			for _, id := range d.order {
				for _, dp := range d.users[id].depts {
					all = append(all, M{"userid": id, "department": dp})
				}
			}
			start = min(start, len(all))
			end := min(start+in.Limit, len(all))
			next := ""
			if end < len(all) {
				next = "c" + strconv.Itoa(end)
			}
			return OK(M{"next_cursor": next, "dept_user": append([]M{}, all[start:end]...)}), nil
		})
	})
}

func registerWeComDepartments(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90205
	s.HandleJSON(WeComPath("POST /cgi-bin/department/create"), dirHandler(func(r *Request, d *wecomDir, in *wecomDept) (any, error) {
		if in.Name == "" || in.ParentID == 0 {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		if d.depts[in.ParentID] == nil {
			return nil, ErrCode(CodeWeComPartyNotFound)
		}
		for _, o := range d.depts {
			if o.ID == in.ID || o.ParentID == in.ParentID && o.Name == in.Name {
				return nil, ErrCode(CodeWeComPartyExists)
			}
		}
		if in.ID == 0 {
			for d.depts[d.nextDept] != nil {
				d.nextDept++
			}
			in.ID = d.nextDept
		}
		in.Leaders = []string{}
		d.depts[in.ID] = in
		return OK(M{"id": in.ID}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/90206
	s.HandleJSON(WeComPath("POST /cgi-bin/department/update"), func(r *Request) (any, error) {
		f, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return withDir(r, func(d *wecomDir) (any, error) {
			id, _ := f["id"].(float64)
			dp := d.depts[int64(id)]
			if dp == nil {
				return nil, ErrCode(CodeWeComPartyNotFound)
			}
			if v, ok := f["parentid"].(float64); ok {
				if d.depts[int64(v)] == nil || slices.Contains(d.subtree(dp.ID), int64(v)) {
					return nil, ErrCode(CodeWeComPartyNotFound)
				}
				dp.ParentID = int64(v)
			}
			if v, ok := f["name"].(string); ok {
				dp.Name = v
			}
			if v, ok := f["name_en"].(string); ok {
				dp.NameEn = v
			}
			if v, ok := f["order"].(float64); ok {
				dp.Order = int64(v)
			}
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/90207
	s.HandleJSON(WeComPath("GET /cgi-bin/department/delete"), func(r *Request) (any, error) {
		return withDir(r, func(d *wecomDir) (any, error) {
			dp, err := d.dept(r.Query.Get("id"))
			if err != nil {
				return nil, err
			}
			if len(d.subtree(dp.ID)) > 1 {
				return nil, ErrCode(CodeWeComPartyHasChildren)
			}
			for _, u := range d.users {
				if slices.Contains(u.depts, dp.ID) {
					return nil, ErrCode(CodeWeComPartyHasMembers)
				}
			}
			delete(d.depts, dp.ID)
			return nil, nil
		})
	})
	list := func(key string, simple bool) JSONHandler {
		return func(r *Request) (any, error) {
			return withDir(r, func(d *wecomDir) (any, error) {
				root := int64(1)
				if q := r.Query.Get("id"); q != "" {
					dp, err := d.dept(q)
					if err != nil {
						return nil, err
					}
					root = dp.ID
				}
				out := []any{}
				for _, id := range d.subtree(root) {
					dp := d.depts[id]
					if simple {
						out = append(out, M{"id": dp.ID, "parentid": dp.ParentID, "order": dp.Order})
					} else {
						out = append(out, *dp)
					}
				}
				return OK(M{key: out}), nil
			})
		}
	}
	// https://developer.work.weixin.qq.com/document/path/90208
	s.HandleJSON(WeComPath("GET /cgi-bin/department/list"), list("department", false))
	// https://developer.work.weixin.qq.com/document/path/95350
	s.HandleJSON(WeComPath("GET /cgi-bin/department/simplelist"), list("department_id", true))
	// https://developer.work.weixin.qq.com/document/path/95351
	s.HandleJSON(WeComPath("GET /cgi-bin/department/get"), func(r *Request) (any, error) {
		return withDir(r, func(d *wecomDir) (any, error) {
			dp, err := d.dept(r.Query.Get("id"))
			if err != nil {
				return nil, err
			}
			return OK(M{"department": *dp}), nil
		})
	})
}

func (d *wecomDir) tag(q string) (*wecomTag, error) {
	id, err := strconv.ParseInt(q, 10, 64)
	if err != nil || d.tags[id] == nil {
		return nil, ErrCode(CodeWeComInvalidTagID)
	}
	return d.tags[id], nil
}

func (d *wecomDir) tagNameTaken(name string, self int64) bool {
	for _, t := range d.tags {
		if t.name == name && t.id != self {
			return true
		}
	}
	return false
}

func registerWeComTags(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90210
	s.HandleJSON(WeComPath("POST /cgi-bin/tag/create"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		TagName string `json:"tagname"`
		TagID   int64  `json:"tagid"`
	}) (any, error) {
		if in.TagName == "" || len([]rune(in.TagName)) > 32 || d.tagNameTaken(in.TagName, 0) {
			return nil, ErrCode(CodeWeComTagNameExists)
		}
		if in.TagID < 0 || d.tags[in.TagID] != nil {
			return nil, ErrCode(CodeWeComInvalidTagID)
		}
		if in.TagID == 0 {
			for d.tags[d.nextTag] != nil {
				d.nextTag++
			}
			in.TagID = d.nextTag
		}
		d.tags[in.TagID] = &wecomTag{id: in.TagID, name: in.TagName}
		return OK(M{"tagid": in.TagID}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/90211
	s.HandleJSON(WeComPath("POST /cgi-bin/tag/update"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		TagName string `json:"tagname"`
		TagID   int64  `json:"tagid"`
	}) (any, error) {
		t := d.tags[in.TagID]
		if t == nil {
			return nil, ErrCode(CodeWeComInvalidTagID)
		}
		if in.TagName == "" || d.tagNameTaken(in.TagName, t.id) {
			return nil, ErrCode(CodeWeComTagNameExists)
		}
		t.name = in.TagName
		return nil, nil
	}))
	// https://developer.work.weixin.qq.com/document/path/90212
	s.HandleJSON(WeComPath("GET /cgi-bin/tag/delete"), func(r *Request) (any, error) {
		return withDir(r, func(d *wecomDir) (any, error) {
			t, err := d.tag(r.Query.Get("tagid"))
			if err != nil {
				return nil, err
			}
			delete(d.tags, t.id)
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/90213
	s.HandleJSON(WeComPath("GET /cgi-bin/tag/get"), func(r *Request) (any, error) {
		return withDir(r, func(d *wecomDir) (any, error) {
			t, err := d.tag(r.Query.Get("tagid"))
			if err != nil {
				return nil, err
			}
			users := []M{}
			for _, id := range t.users {
				users = append(users, M{"userid": id, "name": d.users[id].fields["name"]})
			}
			return OK(M{"tagname": t.name, "userlist": users, "partylist": append([]int64{}, t.depts...)}), nil
		})
	})
	tagUsers := func(add bool) JSONHandler {
		return func(r *Request) (any, error) {
			var in struct {
				TagID     int64    `json:"tagid"`
				UserList  []string `json:"userlist"`
				PartyList []int64  `json:"partylist"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			return withDir(r, func(d *wecomDir) (any, error) {
				t := d.tags[in.TagID]
				if t == nil {
					return nil, ErrCode(CodeWeComInvalidTagID)
				}
				var badU []string
				var badP []int64
				var okU []string
				var okP []int64
				for _, u := range in.UserList {
					if d.hasUser(u) {
						okU = append(okU, u)
					} else {
						badU = append(badU, u)
					}
				}
				for _, p := range in.PartyList {
					if d.depts[p] != nil {
						okP = append(okP, p)
					} else {
						badP = append(badP, p)
					}
				}
				if len(okU)+len(okP) == 0 {
					return nil, ErrCode(CodeWeComAllListInvalid)
				}
				for _, u := range okU {
					if add && !slices.Contains(t.users, u) {
						t.users = append(t.users, u)
					} else if !add {
						t.users = slices.DeleteFunc(t.users, func(x string) bool { return x == u })
					}
				}
				for _, p := range okP {
					if add && !slices.Contains(t.depts, p) {
						t.depts = append(t.depts, p)
					} else if !add {
						t.depts = slices.DeleteFunc(t.depts, func(x int64) bool { return x == p })
					}
				}
				out := M{}
				if len(badU) > 0 {
					out["invalidlist"] = strings.Join(badU, "|")
				}
				if len(badP) > 0 {
					out["invalidparty"] = badP
				}
				return OK(out), nil
			})
		}
	}
	// https://developer.work.weixin.qq.com/document/path/90214
	s.HandleJSON(WeComPath("POST /cgi-bin/tag/addtagusers"), tagUsers(true))
	// https://developer.work.weixin.qq.com/document/path/90215
	s.HandleJSON(WeComPath("POST /cgi-bin/tag/deltagusers"), tagUsers(false))
	// https://developer.work.weixin.qq.com/document/path/90216
	s.HandleJSON(WeComPath("GET /cgi-bin/tag/list"), func(r *Request) (any, error) {
		return withDir(r, func(d *wecomDir) (any, error) {
			ids := make([]int64, 0, len(d.tags))
			for id := range d.tags {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			out := make([]M, 0, len(ids))
			for _, id := range ids {
				out = append(out, M{"tagid": id, "tagname": d.tags[id].name})
			}
			return OK(M{"taglist": out}), nil
		})
	})
}
