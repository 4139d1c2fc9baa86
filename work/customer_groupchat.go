package work

import (
	"context"
	"iter"

	wechat "github.com/weixin-go/wechat"
)

var (
	groupChatList      = postB("/cgi-bin/externalcontact/groupchat/list")
	groupChatGet       = postB("/cgi-bin/externalcontact/groupchat/get")
	groupChatOpenGID   = postB("/cgi-bin/externalcontact/groupchat/opengid_to_chatid")
	groupChatTransfer  = postB("/cgi-bin/externalcontact/groupchat/transfer")
	groupChatStatistic = postB("/cgi-bin/externalcontact/groupchat/statistic")
	groupChatByDay     = postB("/cgi-bin/externalcontact/groupchat/statistic_group_by_day")
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
