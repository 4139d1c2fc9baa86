package work

import (
	"context"
	"encoding/json"
	"iter"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	userCreate           = epPost("/cgi-bin/user/create")
	userGet              = epGet("/cgi-bin/user/get")
	userUpdate           = epPost("/cgi-bin/user/update")
	userDelete           = epGet("/cgi-bin/user/delete")
	userBatchDelete      = epPost("/cgi-bin/user/batchdelete")
	userSimpleList       = epGet("/cgi-bin/user/simplelist")
	userList             = epGet("/cgi-bin/user/list")
	userToOpenID         = epPost("/cgi-bin/user/convert_to_openid")
	userToUserID         = epPost("/cgi-bin/user/convert_to_userid")
	userAuthSucc         = epGet("/cgi-bin/user/authsucc")
	batchInvite          = epPost("/cgi-bin/batch/invite")
	corpJoinQRCode       = epGet("/cgi-bin/corp/get_join_qrcode")
	userGetUserID        = epPost("/cgi-bin/user/getuserid")
	userGetUserIDByEmail = epPost("/cgi-bin/user/get_userid_by_email")
	userListID           = epPost("/cgi-bin/user/list_id")
)

// User is an address-book member. In Create and Update only the fields set
// are sent; the answers of Get and ListDetail also fill the read-only
// fields (Status, Avatar, OpenUserID...). Gender is "1" male, "2" female.
// https://developer.work.weixin.qq.com/document/path/90196
type User struct {
	UserID         string   `json:"userid"`
	Name           string   `json:"name,omitempty"`
	Alias          string   `json:"alias,omitempty"`
	Mobile         string   `json:"mobile,omitempty"`
	Department     []int64  `json:"department,omitempty"`
	Order          []int64  `json:"order,omitempty"`
	Position       string   `json:"position,omitempty"`
	Gender         string   `json:"gender,omitempty"`
	Email          string   `json:"email,omitempty"`
	BizMail        string   `json:"biz_mail,omitempty"`
	Telephone      string   `json:"telephone,omitempty"`
	IsLeaderInDept []int    `json:"is_leader_in_dept,omitempty"`
	DirectLeader   []string `json:"direct_leader,omitempty"`
	AvatarMediaID  string   `json:"avatar_mediaid,omitempty"`
	// Enable is 1 to enable the member, 0 to disable; nil leaves it.
	Enable         *int     `json:"enable,omitempty"`
	ExtAttr        *ExtAttr `json:"extattr,omitempty"`
	MainDepartment int64    `json:"main_department,omitempty"`
	Address        string   `json:"address,omitempty"`
	// ToInvite (Create only) sends the invitation; WeCom defaults to true.
	ToInvite         *bool  `json:"to_invite,omitempty"`
	ExternalPosition string `json:"external_position,omitempty"`
	// ExternalProfile is the member's external profile, as WeCom documents it.
	ExternalProfile json.RawMessage `json:"external_profile,omitempty"`

	// Read-only fields.
	Avatar      string `json:"avatar,omitempty"`
	ThumbAvatar string `json:"thumb_avatar,omitempty"`
	OpenUserID  string `json:"open_userid,omitempty"`
	// Status is 1 active, 2 disabled, 4 not yet joined, 5 left.
	Status int    `json:"status,omitempty"`
	QRCode string `json:"qr_code,omitempty"`
}

// ExtAttr holds a member's custom fields.
type ExtAttr struct {
	Attrs []Attr `json:"attrs"`
}

// Attr is a custom field: Type 0 text (Text), 1 web page (Web), 2 mini
// program (MiniProgram).
type Attr struct {
	Type        int              `json:"type"`
	Name        string           `json:"name"`
	Text        *AttrText        `json:"text,omitempty"`
	Web         *AttrWeb         `json:"web,omitempty"`
	MiniProgram *AttrMiniProgram `json:"miniprogram,omitempty"`
}

// AttrText is a text custom field.
type AttrText struct {
	Value string `json:"value"`
}

// AttrWeb is a web-page custom field.
type AttrWeb struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

// AttrMiniProgram is a mini-program custom field.
type AttrMiniProgram struct {
	AppID    string `json:"appid"`
	PagePath string `json:"pagepath,omitempty"`
	Title    string `json:"title"`
}

// SimpleUser is an entry of ListSimple.
type SimpleUser struct {
	UserID     string  `json:"userid"`
	Name       string  `json:"name"`
	Department []int64 `json:"department"`
	OpenUserID string  `json:"open_userid,omitempty"`
}

func userIDQuery(id string) (url.Values, error) {
	if err := needB("userid", id); err != nil {
		return nil, err
	}
	return url.Values{"userid": {id}}, nil
}

// Create adds a member; UserID, Name and one of Mobile, Email or BizMail are
// required.
// https://developer.work.weixin.qq.com/document/path/90195
func (s *UserService) Create(ctx context.Context, u *User) error {
	if u == nil {
		return paramErr("userid", "nil user")
	}
	if err := needB("userid", u.UserID, "name", u.Name); err != nil {
		return err
	}
	if u.Mobile == "" && u.Email == "" && u.BizMail == "" {
		return paramErr("mobile", "one of mobile, email and biz_mail is required")
	}
	return s.c.Do(ctx, userCreate, nil, u, nil)
}

// Get reads a member.
// https://developer.work.weixin.qq.com/document/path/90196
func (s *UserService) Get(ctx context.Context, userID string) (*User, error) {
	q, err := userIDQuery(userID)
	if err != nil {
		return nil, err
	}
	return callB[User](ctx, s.c, userGet, q, nil)
}

// Update changes the fields set in u of member u.UserID.
// https://developer.work.weixin.qq.com/document/path/90197
func (s *UserService) Update(ctx context.Context, u *User) error {
	if u == nil {
		return paramErr("userid", "nil user")
	}
	if err := needB("userid", u.UserID); err != nil {
		return err
	}
	return s.c.Do(ctx, userUpdate, nil, u, nil)
}

// Delete removes a member.
// https://developer.work.weixin.qq.com/document/path/90198
func (s *UserService) Delete(ctx context.Context, userID string) error {
	q, err := userIDQuery(userID)
	if err != nil {
		return err
	}
	return s.c.Do(ctx, userDelete, q, nil, nil)
}

// BatchDelete removes 1 to 200 members.
// https://developer.work.weixin.qq.com/document/path/90199
func (s *UserService) BatchDelete(ctx context.Context, userIDs []string) error {
	if len(userIDs) == 0 || len(userIDs) > 200 {
		return paramErr("useridlist", strconv.Itoa(len(userIDs))+" userids, want 1 to 200")
	}
	return s.c.Do(ctx, userBatchDelete, nil, map[string][]string{"useridlist": userIDs}, nil)
}

// ListSimple returns the members of a department (id, name, departments).
// https://developer.work.weixin.qq.com/document/path/90200
func (s *UserService) ListSimple(ctx context.Context, departmentID int64) ([]SimpleUser, error) {
	out, err := callB[struct {
		UserList []SimpleUser `json:"userlist"`
	}](ctx, s.c, userSimpleList, url.Values{"department_id": {strconv.FormatInt(departmentID, 10)}}, nil)
	if err != nil {
		return nil, err
	}
	return out.UserList, nil
}

// ListDetail returns the members of a department with their details.
// https://developer.work.weixin.qq.com/document/path/90201
func (s *UserService) ListDetail(ctx context.Context, departmentID int64) ([]User, error) {
	out, err := callB[struct {
		UserList []User `json:"userlist"`
	}](ctx, s.c, userList, url.Values{"department_id": {strconv.FormatInt(departmentID, 10)}}, nil)
	if err != nil {
		return nil, err
	}
	return out.UserList, nil
}

// ConvertToOpenID returns the openid of a member, for WeChat Pay.
// https://developer.work.weixin.qq.com/document/path/90202
func (s *UserService) ConvertToOpenID(ctx context.Context, userID string) (string, error) {
	if err := needB("userid", userID); err != nil {
		return "", err
	}
	out, err := callB[struct {
		OpenID string `json:"openid"`
	}](ctx, s.c, userToOpenID, nil, map[string]string{"userid": userID})
	if err != nil {
		return "", err
	}
	return out.OpenID, nil
}

// ConvertToUserID returns the member of an openid.
// https://developer.work.weixin.qq.com/document/path/90202
func (s *UserService) ConvertToUserID(ctx context.Context, openID string) (string, error) {
	if err := needB("openid", openID); err != nil {
		return "", err
	}
	out, err := callB[struct {
		UserID string `json:"userid"`
	}](ctx, s.c, userToUserID, nil, map[string]string{"openid": openID})
	if err != nil {
		return "", err
	}
	return out.UserID, nil
}

// AuthSucc confirms a member's second-factor verification, so the member
// joins the corp.
// https://developer.work.weixin.qq.com/document/path/90203
func (s *UserService) AuthSucc(ctx context.Context, userID string) error {
	q, err := userIDQuery(userID)
	if err != nil {
		return err
	}
	return s.c.Do(ctx, userAuthSucc, q, nil, nil)
}

// Invitation lists the members, departments and tags to invite (at most
// 1000, 100 and 100).
type Invitation struct {
	User  []string `json:"user,omitempty"`
	Party []int64  `json:"party,omitempty"`
	Tag   []int64  `json:"tag,omitempty"`
}

// InvitationResult lists the ids that could not be invited.
type InvitationResult struct {
	InvalidUser  []string `json:"invaliduser"`
	InvalidParty []int64  `json:"invalidparty"`
	InvalidTag   []int64  `json:"invalidtag"`
}

// BatchInvite invites members who have not joined yet.
// https://developer.work.weixin.qq.com/document/path/90975
func (s *UserService) BatchInvite(ctx context.Context, inv Invitation) (*InvitationResult, error) {
	if len(inv.User)+len(inv.Party)+len(inv.Tag) == 0 {
		return nil, paramErr("user", "no user, party or tag given")
	}
	return callB[InvitationResult](ctx, s.c, batchInvite, nil, inv)
}

// JoinQRCode returns the URL of the corp's join QR code; sizeType 1 to 4
// is 171, 399, 741 or 2052 pixels (0 for WeCom's default).
// https://developer.work.weixin.qq.com/document/path/91714
func (s *UserService) JoinQRCode(ctx context.Context, sizeType int) (string, error) {
	if sizeType < 0 || sizeType > 4 {
		return "", paramErr("size_type", "want 1 to 4")
	}
	var q url.Values
	if sizeType != 0 {
		q = url.Values{"size_type": {strconv.Itoa(sizeType)}}
	}
	out, err := callB[struct {
		JoinQRCode string `json:"join_qrcode"`
	}](ctx, s.c, corpJoinQRCode, q, nil)
	if err != nil {
		return "", err
	}
	return out.JoinQRCode, nil
}

type userIDAnswer struct {
	UserID string `json:"userid"`
}

// UserIDByMobile returns the member with this mobile number.
// https://developer.work.weixin.qq.com/document/path/95402
func (s *UserService) UserIDByMobile(ctx context.Context, mobile string) (string, error) {
	if err := needB("mobile", mobile); err != nil {
		return "", err
	}
	out, err := callB[userIDAnswer](ctx, s.c, userGetUserID, nil, map[string]string{"mobile": mobile})
	if err != nil {
		return "", err
	}
	return out.UserID, nil
}

// Email types of UserIDByEmail.
const (
	EmailCorp     = 1 // the corp mailbox (biz_mail)
	EmailPersonal = 2 // the personal mailbox (email)
)

// UserIDByEmail returns the member with this email; emailType is EmailCorp
// or EmailPersonal.
// https://developer.work.weixin.qq.com/document/path/95895
func (s *UserService) UserIDByEmail(ctx context.Context, email string, emailType int) (string, error) {
	if err := needB("email", email); err != nil {
		return "", err
	}
	if emailType != EmailCorp && emailType != EmailPersonal {
		return "", paramErr("email_type", "want EmailCorp or EmailPersonal")
	}
	out, err := callB[userIDAnswer](ctx, s.c, userGetUserIDByEmail, nil, map[string]any{"email": email, "email_type": emailType})
	if err != nil {
		return "", err
	}
	return out.UserID, nil
}

// DeptUser is an entry of the member id list: a member and one of its
// departments.
type DeptUser struct {
	UserID     string `json:"userid"`
	Department int64  `json:"department"`
}

// DeptUserPage is a page of the member id list.
type DeptUserPage struct {
	NextCursor string     `json:"next_cursor"`
	DeptUser   []DeptUser `json:"dept_user"`
}

// ListIDs returns a page of the corp's member ids; cursor is "" for the
// first page, limit 1 to 10000 (0 for 10000).
// https://developer.work.weixin.qq.com/document/path/96067
func (s *UserService) ListIDs(ctx context.Context, cursor string, limit int) (*DeptUserPage, error) {
	if limit < 0 || limit > 10000 {
		return nil, paramErr("limit", "want 1 to 10000")
	}
	if limit == 0 {
		limit = 10000
	}
	body := struct {
		Cursor string `json:"cursor,omitempty"`
		Limit  int    `json:"limit"`
	}{cursor, limit}
	return callB[DeptUserPage](ctx, s.c, userListID, nil, body)
}

// AllIDs iterates over every member id of the corp, fetching pages of
// limit entries with ListIDs.
// https://developer.work.weixin.qq.com/document/path/96067
func (s *UserService) AllIDs(ctx context.Context, limit int) iter.Seq2[DeptUser, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, cursor string) ([]DeptUser, string, error) {
		p, err := s.ListIDs(ctx, cursor, limit)
		if err != nil {
			return nil, "", err
		}
		return p.DeptUser, p.NextCursor, nil
	})
}
