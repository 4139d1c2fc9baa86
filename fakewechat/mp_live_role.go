package fakewechat

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Live broadcast roles (直播成员): addrole and deleterole manage the roles
// (1 admin, 2 anchor, 3 operator) of WeChat ids; a WeChat id starting with
// "unverified" has no real-name verification (400002); adding a role the
// member already has answers 400004, deleting one they lack 400006.
// getrolelist pages the members, filtered by role and keyword.
func init() {
	stdMessages[CodeMPLiveRoleUnverified] = "weixin account not realname verified"
	stdMessages[CodeMPLiveRoleDuplicate] = "role already exists"
	stdMessages[CodeMPLiveRoleNotFound] = "role not exist"
	builtin = append(builtin, registerMPLiveRole)
}

// Errcodes of the live role endpoints.
const (
	CodeMPLiveRoleUnverified = 400002
	CodeMPLiveRoleDuplicate  = 400004
	CodeMPLiveRoleNotFound   = 400006
)

type mpRoleMember struct {
	HeadingImg      string `json:"headingimg"`
	Nickname        string `json:"nickname"`
	OpenID          string `json:"openid"`
	RoleList        []int  `json:"roleList"`
	UpdateTimestamp string `json:"updateTimestamp"`
	Username        string `json:"username"`
}

func registerMPLiveRole(s *Server) {
	roleHandler := func(add bool) JSONHandler {
		return func(r *Request) (any, error) {
			var in struct {
				Username string `json:"username"`
				Role     int    `json:"role"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			if in.Username == "" || in.Role < 1 || in.Role > 3 {
				return nil, ErrCode(CodeInvalidArgs)
			}
			l := s.mpLive(r.AppID)
			l.mu.Lock()
			defer l.mu.Unlock()
			m := l.roles[in.Username]
			if add {
				if strings.HasPrefix(in.Username, "unverified") {
					return nil, ErrCode(CodeMPLiveRoleUnverified)
				}
				if m == nil {
					m = &mpRoleMember{Username: in.Username, Nickname: "nick-" + in.Username, OpenID: "o" + in.Username,
						HeadingImg: "https://thirdwx.qlogo.cn/" + in.Username}
					l.roles[in.Username] = m
				}
				if slices.Contains(m.RoleList, in.Role) {
					return nil, ErrCode(CodeMPLiveRoleDuplicate)
				}
				m.RoleList = append(m.RoleList, in.Role)
				slices.Sort(m.RoleList)
			} else {
				if m == nil || !slices.Contains(m.RoleList, in.Role) {
					return nil, ErrCode(CodeMPLiveRoleNotFound)
				}
				m.RoleList = slices.DeleteFunc(m.RoleList, func(x int) bool { return x == in.Role })
				if len(m.RoleList) == 0 {
					delete(l.roles, in.Username)
				}
			}
			if m != nil {
				m.UpdateTimestamp = strconv.FormatInt(r.Now().Unix(), 10)
			}
			return nil, nil
		}
	}
	s.HandleJSON("POST /wxaapi/broadcast/role/addrole", roleHandler(true))
	s.HandleJSON("POST /wxaapi/broadcast/role/deleterole", roleHandler(false))
	s.HandleJSON("GET /wxaapi/broadcast/role/getrolelist", func(r *Request) (any, error) {
		role, err1 := strconv.Atoi(r.Query.Get("role"))
		offset, err2 := strconv.Atoi(r.Query.Get("offset"))
		limit, err3 := strconv.Atoi(r.Query.Get("limit"))
		if err1 != nil || err2 != nil || err3 != nil || offset < 0 || limit < 1 || limit > 30 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		kw := r.Query.Get("keyword")
		l := s.mpLive(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		var match []mpRoleMember
		for _, m := range l.roles {
			if (role == -1 || slices.Contains(m.RoleList, role)) && (kw == "" || strings.Contains(m.Username+" "+m.Nickname, kw)) {
				c := *m
				c.RoleList = slices.Clone(m.RoleList)
				match = append(match, c)
			}
		}
		sort.Slice(match, func(i, j int) bool { return match[i].Username < match[j].Username })
		page := append([]mpRoleMember{}, match[min(offset, len(match)):min(offset+limit, len(match))]...)
		return OK(M{"total": len(match), "list": page}), nil
	})
}
