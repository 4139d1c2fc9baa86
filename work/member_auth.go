package work

import (
	"context"
	"iter"
)

var (
	userListMemberAuth  = epPost("/cgi-bin/user/list_member_auth")
	userCheckMemberAuth = epPost("/cgi-bin/user/check_member_auth")
	userSelectedTicket  = epPost("/cgi-bin/user/list_selected_ticket_user")
)

// MaxMemberAuthPage is the largest page of ListMemberAuth.
const MaxMemberAuthPage = 1000

// MemberAuthPage is one page of the members who authorized the app (as
// open_userids); NextCursor is "" on the last page.
type MemberAuthPage struct {
	NextCursor     string `json:"next_cursor"`
	MemberAuthList []struct {
		OpenUserID string `json:"open_userid"`
	} `json:"member_auth_list"`
}

// OpenUserIDs returns the open_userids of the page.
func (p *MemberAuthPage) OpenUserIDs() []string {
	ids := make([]string, len(p.MemberAuthList))
	for i, m := range p.MemberAuthList {
		ids[i] = m.OpenUserID
	}
	return ids
}

// ListMemberAuth returns one page (limit up to 1000, 0 for 1000) of the
// members who authorized a third-party app installed in member-authorization
// mode (成员授权). Call it on the corp's agent of the app.
// https://developer.work.weixin.qq.com/document/path/94513
func (s *UserService) ListMemberAuth(ctx context.Context, cursor string, limit int) (*MemberAuthPage, error) {
	if limit < 0 || limit > MaxMemberAuthPage {
		return nil, paramErr("limit", "at most 1000")
	}
	return callB[MemberAuthPage](ctx, s.c, userListMemberAuth, nil, struct {
		Cursor string `json:"cursor,omitempty"`
		Limit  int    `json:"limit,omitempty"`
	}{cursor, limit})
}

// AllMemberAuth iterates over the open_userid of every member who
// authorized the app, limit at a time.
func (s *UserService) AllMemberAuth(ctx context.Context, limit int) iter.Seq2[string, error] {
	return cursorPagesB(ctx, "", func(ctx context.Context, cursor string) ([]string, string, error) {
		p, err := s.ListMemberAuth(ctx, cursor, limit)
		if err != nil {
			return nil, "", err
		}
		return p.OpenUserIDs(), p.NextCursor, nil
	})
}

// CheckMemberAuth tells whether the member openUserID authorized the app
// (member-authorization mode only).
// https://developer.work.weixin.qq.com/document/path/94514
func (s *UserService) CheckMemberAuth(ctx context.Context, openUserID string) (bool, error) {
	if err := needB("open_userid", openUserID); err != nil {
		return false, err
	}
	out, err := callB[struct {
		IsMemberAuth bool `json:"is_member_auth"`
	}](ctx, s.c, userCheckMemberAuth, nil, struct {
		OpenUserID string `json:"open_userid"`
	}{openUserID})
	if err != nil {
		return false, err
	}
	return out.IsMemberAuth, nil
}

// SelectedTicketUsers are the members behind a selectedTicket of the
// ticket-returning contact picker (selectPrivilegedContact).
type SelectedTicketUsers struct {
	// OperatorOpenUserID is who picked.
	OperatorOpenUserID string `json:"operator_open_userid"`
	// OpenUserIDs are the picked members visible to the app, Unauth the others.
	OpenUserIDs []string `json:"open_userid_list"`
	Unauth      []string `json:"unauth_open_userid_list"`
	// Total is how many members were picked.
	Total int `json:"total"`
}

// SelectedTicketUsers returns the members of a selectedTicket
// (third-party apps in member-authorization mode only).
// https://developer.work.weixin.qq.com/document/path/94894
func (s *UserService) SelectedTicketUsers(ctx context.Context, selectedTicket string) (*SelectedTicketUsers, error) {
	if err := needB("selected_ticket", selectedTicket); err != nil {
		return nil, err
	}
	return callB[SelectedTicketUsers](ctx, s.c, userSelectedTicket, nil, struct {
		SelectedTicket string `json:"selected_ticket"`
	}{selectedTicket})
}
