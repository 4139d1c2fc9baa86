package work

import (
	"context"
	"iter"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	groupChatList      = epPost("/cgi-bin/externalcontact/groupchat/list")
	groupChatGet       = epPost("/cgi-bin/externalcontact/groupchat/get")
	groupChatOpenGID   = epPost("/cgi-bin/externalcontact/groupchat/opengid_to_chatid")
	groupChatTransfer  = epPost("/cgi-bin/externalcontact/groupchat/transfer")
	groupChatStatistic = epPost("/cgi-bin/externalcontact/groupchat/statistic")
	groupChatByDay     = epPost("/cgi-bin/externalcontact/groupchat/statistic_group_by_day")
)

// Limits of the group chat APIs.
const (
	MaxGroupChatPage     = 1000 // chats per List page
	MaxGroupChatTransfer = 100  // chats per transfer
)

// OwnerFilter selects chats by owner.
type OwnerFilter struct {
	UserIDList []string `json:"userid_list,omitempty"`
}

// GroupChatQuery selects the chats of List. StatusFilter is 0 for all
// chats, 1 to 3 for those waiting for transfer after the owner left.
type GroupChatQuery struct {
	StatusFilter int          `json:"status_filter,omitempty"`
	OwnerFilter  *OwnerFilter `json:"owner_filter,omitempty"`
	Cursor       string       `json:"cursor,omitempty"`
	Limit        int          `json:"limit"`
}

// GroupChatStatus is a chat id and its transfer status.
type GroupChatStatus struct {
	ChatID string `json:"chat_id"`
	Status int    `json:"status"`
}

// GroupChatPage is one page of List.
type GroupChatPage struct {
	GroupChats []GroupChatStatus `json:"group_chat_list"`
	NextCursor string            `json:"next_cursor"`
}

// GroupChatMember is a member of a customer group chat: Type 1 a corp
// member, 2 a customer.
type GroupChatMember struct {
	UserID    string `json:"userid"`
	Type      int    `json:"type"`
	UnionID   string `json:"unionid,omitempty"`
	JoinTime  int64  `json:"join_time"`
	JoinScene int    `json:"join_scene"`
	Invitor   *struct {
		UserID string `json:"userid"`
	} `json:"invitor,omitempty"`
	GroupNickname string `json:"group_nickname,omitempty"`
	Name          string `json:"name,omitempty"`
}

// GroupChat is a customer group chat.
type GroupChat struct {
	ChatID     string            `json:"chat_id"`
	Name       string            `json:"name"`
	Owner      string            `json:"owner"`
	CreateTime int64             `json:"create_time"`
	Notice     string            `json:"notice,omitempty"`
	MemberList []GroupChatMember `json:"member_list"`
	AdminList  []struct {
		UserID string `json:"userid"`
	} `json:"admin_list,omitempty"`
	MemberVersion string `json:"member_version,omitempty"`
}

// FailedChat is a chat a transfer could not move.
type FailedChat struct {
	ChatID  string `json:"chat_id"`
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// List returns one page of the corp's customer group chats (q.Limit 1 to 1000).
// https://developer.work.weixin.qq.com/document/path/92120
func (s *CustomerGroupChatService) List(ctx context.Context, q *GroupChatQuery) (*GroupChatPage, error) {
	if q == nil || q.Limit < 1 || q.Limit > MaxGroupChatPage {
		return nil, paramErr("limit", "1 to 1000")
	}
	return callB[GroupChatPage](ctx, s.c, groupChatList, nil, q)
}

// All iterates over the chats of q, page by page from q.Cursor.
func (s *CustomerGroupChatService) All(ctx context.Context, q GroupChatQuery) iter.Seq2[GroupChatStatus, error] {
	return cursorPagesB(ctx, q.Cursor, func(ctx context.Context, cursor string) ([]GroupChatStatus, string, error) {
		q.Cursor = cursor
		p, err := s.List(ctx, &q)
		if err != nil {
			return nil, "", err
		}
		return p.GroupChats, p.NextCursor, nil
	})
}

// Get returns a group chat; needName asks for the members' names.
// https://developer.work.weixin.qq.com/document/path/92122
func (s *CustomerGroupChatService) Get(ctx context.Context, chatID string, needName bool) (*GroupChat, error) {
	if err := needB("chat_id", chatID); err != nil {
		return nil, err
	}
	body := struct {
		ChatID   string `json:"chat_id"`
		NeedName int    `json:"need_name"`
	}{chatID, b2i(needName)}
	out, err := callB[struct {
		GroupChat GroupChat `json:"group_chat"`
	}](ctx, s.c, groupChatGet, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.GroupChat, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// OpenGIDToChatID converts a mini program's opengid to a chat id.
// https://developer.work.weixin.qq.com/document/path/94828
func (s *CustomerGroupChatService) OpenGIDToChatID(ctx context.Context, openGID string) (string, error) {
	if err := needB("opengid", openGID); err != nil {
		return "", err
	}
	body := struct {
		OpenGID string `json:"opengid"`
	}{openGID}
	out, err := callB[struct {
		ChatID string `json:"chat_id"`
	}](ctx, s.c, groupChatOpenGID, nil, body)
	if err != nil {
		return "", err
	}
	return out.ChatID, nil
}

// ResignedTransfer gives the chats of members who left to newOwner and
// returns the chats that failed.
// https://developer.work.weixin.qq.com/document/path/92127
func (s *CustomerGroupChatService) ResignedTransfer(ctx context.Context, chatIDs []string, newOwner string) ([]FailedChat, error) {
	return transferChats(ctx, (*service)(s), groupChatTransfer, chatIDs, newOwner)
}

func transferChats(ctx context.Context, s *service, ep wechat.Endpoint, chatIDs []string, newOwner string) ([]FailedChat, error) {
	if len(chatIDs) == 0 || len(chatIDs) > MaxGroupChatTransfer {
		return nil, paramErr("chat_id_list", "1 to 100 chat ids")
	}
	if err := needB("new_owner", newOwner); err != nil {
		return nil, err
	}
	body := struct {
		ChatIDList []string `json:"chat_id_list"`
		NewOwner   string   `json:"new_owner"`
	}{chatIDs, newOwner}
	out, err := callB[struct {
		FailedChatList []FailedChat `json:"failed_chat_list"`
	}](ctx, s.c, ep, nil, body)
	if err != nil {
		return nil, err
	}
	return out.FailedChatList, nil
}

// GroupChatStatQuery selects the period (day start timestamps) and owners
// of the group chat statistics. OrderBy, OrderAsc, Offset and Limit apply
// to Statistic only.
type GroupChatStatQuery struct {
	DayBeginTime int64        `json:"day_begin_time"`
	DayEndTime   int64        `json:"day_end_time,omitempty"`
	OwnerFilter  *OwnerFilter `json:"owner_filter"`
	OrderBy      int          `json:"order_by,omitempty"`
	OrderAsc     int          `json:"order_asc,omitempty"`
	Offset       int          `json:"offset,omitempty"`
	Limit        int          `json:"limit,omitempty"`
}

// GroupChatStatData is the statistics of a day or of an owner.
type GroupChatStatData struct {
	NewChatCnt            int `json:"new_chat_cnt"`
	ChatTotal             int `json:"chat_total"`
	ChatHasMsg            int `json:"chat_has_msg"`
	NewMemberCnt          int `json:"new_member_cnt"`
	MemberTotal           int `json:"member_total"`
	MemberHasMsg          int `json:"member_has_msg"`
	MsgTotal              int `json:"msg_total"`
	MigrateTraineeChatCnt int `json:"migrate_trainee_chat_cnt"`
}

// GroupChatOwnerStat is one owner's statistics.
type GroupChatOwnerStat struct {
	Owner string            `json:"owner"`
	Data  GroupChatStatData `json:"data"`
}

// GroupChatDayStat is one day's statistics.
type GroupChatDayStat struct {
	StatTime int64             `json:"stat_time"`
	Data     GroupChatStatData `json:"data"`
}

// GroupChatStatistic is the answer of Statistic.
type GroupChatStatistic struct {
	Total      int                  `json:"total"`
	NextOffset int                  `json:"next_offset"`
	Items      []GroupChatOwnerStat `json:"items"`
}

func (q *GroupChatStatQuery) check() error {
	if q == nil || q.DayBeginTime <= 0 {
		return paramErr("day_begin_time", "required")
	}
	if q.OwnerFilter == nil || len(q.OwnerFilter.UserIDList) == 0 {
		return paramErr("owner_filter", "owners required")
	}
	return nil
}

// Statistic returns group chat statistics by owner.
// https://developer.work.weixin.qq.com/document/path/92133
func (s *CustomerGroupChatService) Statistic(ctx context.Context, q *GroupChatStatQuery) (*GroupChatStatistic, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	return callB[GroupChatStatistic](ctx, s.c, groupChatStatistic, nil, q)
}

// StatisticByDay returns group chat statistics day by day.
// https://developer.work.weixin.qq.com/document/path/92133
func (s *CustomerGroupChatService) StatisticByDay(ctx context.Context, q *GroupChatStatQuery) ([]GroupChatDayStat, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	body := *q
	body.OrderBy, body.OrderAsc, body.Offset, body.Limit = 0, 0, 0, 0
	out, err := callB[struct {
		Items []GroupChatDayStat `json:"items"`
	}](ctx, s.c, groupChatByDay, nil, &body)
	if err != nil {
		return nil, err
	}
	return out.Items, nil
}

var (
	joinWayAdd    = epPost("/cgi-bin/externalcontact/groupchat/add_join_way")
	joinWayGet    = epPost("/cgi-bin/externalcontact/groupchat/get_join_way")
	joinWayUpdate = epPost("/cgi-bin/externalcontact/groupchat/update_join_way")
	joinWayDel    = epPost("/cgi-bin/externalcontact/groupchat/del_join_way")
)

// Join-way scenes and limits.
const (
	JoinWayMiniProgram   = 1  // scene: the group's mini-program plugin
	JoinWayQRCode        = 2  // scene: the group's QR code
	MaxJoinWayChats      = 5  // chats of a join way
	MaxJoinWayRoomName   = 40 // characters of room_base_name
	MaxJoinWayState      = 30 // characters of state
	MaxJoinWayRemarkKept = 30 // characters of remark WeCom keeps (it truncates)
)

// JoinWay is a "join group chat" configuration (加入群聊): customers who
// scan its QR code or tap its mini-program button join one of ChatIDList.
// AutoCreateRoom (nil for WeCom's default, 1) creates a new chat named
// RoomBaseName plus a number from RoomBaseID when they are full. State
// tags the members who join, in the chat details.
type JoinWay struct {
	ConfigID       string   `json:"config_id,omitempty"`
	Scene          int      `json:"scene"`
	Remark         string   `json:"remark,omitempty"`
	AutoCreateRoom *int     `json:"auto_create_room,omitempty"`
	RoomBaseName   string   `json:"room_base_name,omitempty"`
	RoomBaseID     int      `json:"room_base_id,omitempty"`
	ChatIDList     []string `json:"chat_id_list"`
	State          string   `json:"state,omitempty"`
	// QRCode is the QR code URL of the QR-code scene (answers only).
	QRCode string `json:"qr_code,omitempty"`
}

func (w *JoinWay) check() error {
	if w.Scene != JoinWayMiniProgram && w.Scene != JoinWayQRCode {
		return paramErr("scene", "1 (mini program) or 2 (QR code)")
	}
	if len(w.ChatIDList) == 0 || len(w.ChatIDList) > MaxJoinWayChats {
		return paramErr("chat_id_list", "1 to 5 chat ids")
	}
	if a := w.AutoCreateRoom; a != nil && *a != 0 && *a != 1 {
		return paramErr("auto_create_room", "0 or 1")
	}
	if utf8.RuneCountInString(w.RoomBaseName) > MaxJoinWayRoomName {
		return paramErr("room_base_name", "at most 40 characters")
	}
	if utf8.RuneCountInString(w.State) > MaxJoinWayState {
		return paramErr("state", "at most 30 characters")
	}
	return nil
}

// AddJoinWay creates a join way for up to 5 chats and returns its config
// id; WeCom keeps 30 characters of the remark.
// https://developer.work.weixin.qq.com/document/path/92229
func (s *CustomerGroupChatService) AddJoinWay(ctx context.Context, w *JoinWay) (string, error) {
	if w == nil {
		return "", paramErr("scene", "required")
	}
	if err := w.check(); err != nil {
		return "", err
	}
	body := *w
	body.ConfigID, body.QRCode = "", ""
	out, err := callB[configIDBody](ctx, s.c, joinWayAdd, nil, &body)
	if err != nil {
		return "", err
	}
	return out.ConfigID, nil
}

// GetJoinWay returns a join way created by this app.
// https://developer.work.weixin.qq.com/document/path/92229
func (s *CustomerGroupChatService) GetJoinWay(ctx context.Context, configID string) (*JoinWay, error) {
	if err := needB("config_id", configID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		JoinWay JoinWay `json:"join_way"`
	}](ctx, s.c, joinWayGet, nil, configIDBody{configID})
	if err != nil {
		return nil, err
	}
	return &out.JoinWay, nil
}

// UpdateJoinWay replaces join way w.ConfigID with w: WeCom overwrites the
// whole configuration, so Scene and ChatIDList are required again.
// https://developer.work.weixin.qq.com/document/path/92229
func (s *CustomerGroupChatService) UpdateJoinWay(ctx context.Context, w *JoinWay) error {
	if w == nil || w.ConfigID == "" {
		return paramErr("config_id", "required")
	}
	if err := w.check(); err != nil {
		return err
	}
	body := *w
	body.QRCode = ""
	return s.c.Do(ctx, joinWayUpdate, nil, &body, nil)
}

// DeleteJoinWay deletes a join way.
// https://developer.work.weixin.qq.com/document/path/92229
func (s *CustomerGroupChatService) DeleteJoinWay(ctx context.Context, configID string) error {
	if err := needB("config_id", configID); err != nil {
		return err
	}
	return s.c.Do(ctx, joinWayDel, nil, configIDBody{configID}, nil)
}
