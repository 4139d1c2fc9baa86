package work

import (
	"context"
	"encoding/json"
)

var (
	groupMsgAdd        = epPost("/cgi-bin/externalcontact/add_msg_template")
	groupMsgRemind     = epPost("/cgi-bin/externalcontact/remind_groupmsg_send")
	groupMsgCancel     = epPost("/cgi-bin/externalcontact/cancel_groupmsg_send")
	groupMsgList       = epPost("/cgi-bin/externalcontact/get_groupmsg_list_v2")
	groupMsgTasks      = epPost("/cgi-bin/externalcontact/get_groupmsg_task")
	groupMsgSendResult = epPost("/cgi-bin/externalcontact/get_groupmsg_send_result")
)

// Chat types of mass messages.
const (
	GroupMsgSingle = "single" // to customers
	GroupMsgGroup  = "group"  // to customer group chats
)

// GroupMsg is a mass message to customers or customer group chats (企业群发).
type GroupMsg struct {
	// ChatType is GroupMsgSingle (default) or GroupMsgGroup.
	ChatType       string   `json:"chat_type,omitempty"`
	ExternalUserID []string `json:"external_userid,omitempty"`
	ChatIDList     []string `json:"chat_id_list,omitempty"`
	TagFilter      *struct {
		GroupList []struct {
			TagList []string `json:"tag_list"`
		} `json:"group_list"`
	} `json:"tag_filter,omitempty"`
	Sender      string `json:"sender,omitempty"`
	AllowSelect bool   `json:"allow_select,omitempty"`
	CustomerMessage
}

// GroupMsgResult is the answer of AddTemplate: the message id and the
// customers it cannot reach.
type GroupMsgResult struct {
	FailList []string `json:"fail_list,omitempty"`
	MsgID    string   `json:"msgid"`
}

// AddTemplate creates a mass message that the senders confirm in WeCom.
// https://developer.work.weixin.qq.com/document/path/92135
func (s *CustomerGroupMsgService) AddTemplate(ctx context.Context, m *GroupMsg) (*GroupMsgResult, error) {
	if m == nil {
		return nil, paramErr("text", "message required")
	}
	if m.ChatType != "" && m.ChatType != GroupMsgSingle && m.ChatType != GroupMsgGroup {
		return nil, paramErr("chat_type", "single or group")
	}
	if err := m.CustomerMessage.check(); err != nil {
		return nil, err
	}
	return callB[GroupMsgResult](ctx, s.c, groupMsgAdd, nil, m)
}

type msgIDBody struct {
	MsgID string `json:"msgid"`
}

// Remind reminds the senders of a mass message (at most 3 times a day).
// https://developer.work.weixin.qq.com/document/path/97610
func (s *CustomerGroupMsgService) Remind(ctx context.Context, msgID string) error {
	if err := needB("msgid", msgID); err != nil {
		return err
	}
	return s.c.Do(ctx, groupMsgRemind, nil, msgIDBody{msgID}, nil)
}

// Cancel stops a mass message that is not sent yet.
// https://developer.work.weixin.qq.com/document/path/97611
func (s *CustomerGroupMsgService) Cancel(ctx context.Context, msgID string) error {
	if err := needB("msgid", msgID); err != nil {
		return err
	}
	return s.c.Do(ctx, groupMsgCancel, nil, msgIDBody{msgID}, nil)
}

// GroupMsgQuery selects the mass messages of List; the period is at most a
// month. CreateType 0 corp, 1 member, 2 all; FilterType likewise.
type GroupMsgQuery struct {
	ChatType   string `json:"chat_type"`
	StartTime  int64  `json:"start_time"`
	EndTime    int64  `json:"end_time"`
	Creator    string `json:"creator,omitempty"`
	FilterType int    `json:"filter_type,omitempty"`
	Limit      int    `json:"limit,omitempty"`
	Cursor     string `json:"cursor,omitempty"`
}

// GroupMsgInfo is a mass message of List.
type GroupMsgInfo struct {
	MsgID      string      `json:"msgid"`
	Creator    string      `json:"creator,omitempty"`
	CreateTime json.Number `json:"create_time"` // a Unix time, sent as a string
	CreateType int         `json:"create_type"`
	CustomerMessage
}

// GroupMsgPage is one page of List.
type GroupMsgPage struct {
	NextCursor string         `json:"next_cursor"`
	Messages   []GroupMsgInfo `json:"group_msg_list"`
}

// List returns one page of mass messages.
// https://developer.work.weixin.qq.com/document/path/93338
func (s *CustomerGroupMsgService) List(ctx context.Context, q *GroupMsgQuery) (*GroupMsgPage, error) {
	if q == nil || (q.ChatType != GroupMsgSingle && q.ChatType != GroupMsgGroup) {
		return nil, paramErr("chat_type", "single or group")
	}
	if q.StartTime <= 0 || q.EndTime < q.StartTime {
		return nil, paramErr("start_time", "invalid period")
	}
	return callB[GroupMsgPage](ctx, s.c, groupMsgList, nil, q)
}

// GroupMsgTask is a sender's task of a mass message: Status 0 not sent, 2 sent.
type GroupMsgTask struct {
	UserID   string `json:"userid"`
	Status   int    `json:"status"`
	SendTime int64  `json:"send_time,omitempty"`
}

// GroupMsgTaskPage is one page of Tasks.
type GroupMsgTaskPage struct {
	NextCursor string         `json:"next_cursor"`
	Tasks      []GroupMsgTask `json:"task_list"`
}

// Tasks returns one page of the sender tasks of a mass message.
// https://developer.work.weixin.qq.com/document/path/93338
func (s *CustomerGroupMsgService) Tasks(ctx context.Context, msgID, cursor string, limit int) (*GroupMsgTaskPage, error) {
	if err := needB("msgid", msgID); err != nil {
		return nil, err
	}
	body := struct {
		MsgID  string `json:"msgid"`
		Limit  int    `json:"limit,omitempty"`
		Cursor string `json:"cursor,omitempty"`
	}{msgID, limit, cursor}
	return callB[GroupMsgTaskPage](ctx, s.c, groupMsgTasks, nil, body)
}

// GroupMsgSend is the result for one customer or chat: Status 0 not sent,
// 1 sent, 2 not a friend, 3 over the customer's daily limit.
type GroupMsgSend struct {
	ExternalUserID string `json:"external_userid,omitempty"`
	ChatID         string `json:"chat_id,omitempty"`
	UserID         string `json:"userid"`
	Status         int    `json:"status"`
	SendTime       int64  `json:"send_time,omitempty"`
}

// GroupMsgSendPage is one page of SendResults.
type GroupMsgSendPage struct {
	NextCursor string         `json:"next_cursor"`
	Sends      []GroupMsgSend `json:"send_list"`
}

// SendResults returns one page of the results of a mass message sent by userID.
// https://developer.work.weixin.qq.com/document/path/93338
func (s *CustomerGroupMsgService) SendResults(ctx context.Context, msgID, userID, cursor string, limit int) (*GroupMsgSendPage, error) {
	if err := needB("msgid", msgID, "userid", userID); err != nil {
		return nil, err
	}
	body := struct {
		MsgID  string `json:"msgid"`
		UserID string `json:"userid"`
		Limit  int    `json:"limit,omitempty"`
		Cursor string `json:"cursor,omitempty"`
	}{msgID, userID, limit, cursor}
	return callB[GroupMsgSendPage](ctx, s.c, groupMsgSendResult, nil, body)
}
