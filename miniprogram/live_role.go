package miniprogram

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	liveRoleAdd    = liveEP(http.MethodPost, "/wxaapi/broadcast/role/addrole")
	liveRoleDelete = liveEP(http.MethodPost, "/wxaapi/broadcast/role/deleterole")
	liveRoleList   = liveEP(http.MethodGet, "/wxaapi/broadcast/role/getrolelist")
)

// Live roles.
const (
	RoleAdmin    = 1
	RoleAnchor   = 2
	RoleOperator = 3
	RoleAll      = -1 // List: every role
)

// RoleMember is a member of the live roles.
type RoleMember struct {
	HeadingImg      string `json:"headingimg"`
	Nickname        string `json:"nickname"`
	OpenID          string `json:"openid"`
	RoleList        []int  `json:"roleList"`
	UpdateTimestamp string `json:"updateTimestamp"`
	Username        string `json:"username"`
}

// RolePage is one page of role members.
type RolePage struct {
	Total int          `json:"total"`
	List  []RoleMember `json:"list"`
}

func checkRole(username string, role int) error {
	if err := required("username", username); err != nil {
		return err
	}
	if role < RoleAdmin || role > RoleOperator {
		return invalidArg("role", "must be 1 (admin), 2 (anchor) or 3 (operator)")
	}
	return nil
}

// Add gives a role to the WeChat user username.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/role-manage.html
func (s *LiveRoleService) Add(ctx context.Context, username string, role int) error {
	if err := checkRole(username, role); err != nil {
		return err
	}
	return s.c.Do(ctx, liveRoleAdd, nil, map[string]any{"username": username, "role": role}, nil)
}

// Delete takes a role from the WeChat user username.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/role-manage.html
func (s *LiveRoleService) Delete(ctx context.Context, username string, role int) error {
	if err := checkRole(username, role); err != nil {
		return err
	}
	return s.c.Do(ctx, liveRoleDelete, nil, map[string]any{"username": username, "role": role}, nil)
}

// List returns limit (at most 30) members with role (RoleAll for any),
// optionally filtered by keyword (nickname or WeChat id), from offset.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/role-manage.html
func (s *LiveRoleService) List(ctx context.Context, role int, keyword string, offset, limit int) (*RolePage, error) {
	if role != RoleAll && (role < 0 || role > RoleOperator) {
		return nil, invalidArg("role", "must be -1 to 3")
	}
	if err := checkPage(offset, limit, 30); err != nil {
		return nil, err
	}
	q := url.Values{"role": {strconv.Itoa(role)}, "offset": {strconv.Itoa(offset)}, "limit": {strconv.Itoa(limit)}}
	if keyword != "" {
		q.Set("keyword", keyword)
	}
	return call[RolePage](ctx, s.c, liveRoleList, q, nil)
}

// All iterates over every member with role matching keyword.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/role-manage.html
func (s *LiveRoleService) All(ctx context.Context, role int, keyword string) iter.Seq2[RoleMember, error] {
	return wechat.OffsetPages(ctx, 30, func(ctx context.Context, offset, count int) ([]RoleMember, int, error) {
		p, err := s.List(ctx, role, keyword, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.List, p.Total, nil
	})
}
