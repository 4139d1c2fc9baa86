package work

import "context"

var (
	msgauditPermitUsers = epPost("/cgi-bin/msgaudit/get_permit_user_list")
	msgauditSingleAgree = epPost("/cgi-bin/msgaudit/check_single_agree")
	msgauditRoomAgree   = epPost("/cgi-bin/msgaudit/check_room_agree")
	msgauditGroupChat   = epPost("/cgi-bin/msgaudit/groupchat/get")
)

// Editions of chat archiving, for PermitUsers.
const (
	MsgAuditEditionOffice     = 1 // 办公版
	MsgAuditEditionService    = 2 // 服务版
	MsgAuditEditionEnterprise = 3 // 企业版
)

// PermitUsers returns the userids of the members whose chats are archived
// (departments and tags of the range expanded), for one edition
// (MsgAuditEditionOffice, MsgAuditEditionService or
// MsgAuditEditionEnterprise) or, with 0, all of them. The agent must be the chat-archive app (会话内容存档 secret).
// https://developer.work.weixin.qq.com/document/path/91614
func (s *MsgAuditService) PermitUsers(ctx context.Context, edition int) ([]string, error) {
	if edition < 0 || edition > MsgAuditEditionEnterprise {
		return nil, paramErr("type", "want 0 (all), 1, 2 or 3")
	}
	body := map[string]int{}
	if edition != 0 {
		body["type"] = edition
	}
	out, err := callB[struct {
		IDs []string `json:"ids"`
	}](ctx, s.c, msgauditPermitUsers, nil, body)
	if err != nil {
		return nil, err
	}
	return out.IDs, nil
}

// AgreeQuery asks whether a customer agreed to have the chats with a
// member archived. ExternalOpenID is the customer's external_userid; its
// JSON name is spelled as in the docs ("exteranalopenid").
type AgreeQuery struct {
	UserID         string `json:"userid"`
	ExternalOpenID string `json:"exteranalopenid"`
}

// AgreeInfo is a customer's consent: AgreeStatus "Agree" or "Disagree",
// since StatusChangeTime (unix time). UserID is set for one-to-one chats.
type AgreeInfo struct {
	UserID           string `json:"userid,omitempty"`
	ExternalOpenID   string `json:"exteranalopenid"`
	AgreeStatus      string `json:"agree_status"`
	StatusChangeTime int64  `json:"status_change_time"`
}

type agreeInfos struct {
	AgreeInfo []AgreeInfo `json:"agreeinfo"`
}

// CheckSingleAgree returns the consent of the customers of one-to-one
// chats, at most 100 a call.
// https://developer.work.weixin.qq.com/document/path/91782
func (s *MsgAuditService) CheckSingleAgree(ctx context.Context, chats []AgreeQuery) ([]AgreeInfo, error) {
	if len(chats) == 0 || len(chats) > 100 {
		return nil, paramErr("info", "want 1 to 100 chats")
	}
	for _, q := range chats {
		if err := needB("userid", q.UserID, "exteranalopenid", q.ExternalOpenID); err != nil {
			return nil, err
		}
	}
	out, err := callB[agreeInfos](ctx, s.c, msgauditSingleAgree, nil, map[string][]AgreeQuery{"info": chats})
	if err != nil {
		return nil, err
	}
	return out.AgreeInfo, nil
}

// CheckRoomAgree returns the consent of the customers in group chat
// roomID. The stored doc page shows the one-to-one request and answer in
// full; the group request ({"roomid"}) and rows (those of one-to-one chats,
// without userid) are taken as the same page describes them.
// https://developer.work.weixin.qq.com/document/path/91782
func (s *MsgAuditService) CheckRoomAgree(ctx context.Context, roomID string) ([]AgreeInfo, error) {
	if err := needB("roomid", roomID); err != nil {
		return nil, err
	}
	out, err := callB[agreeInfos](ctx, s.c, msgauditRoomAgree, nil, map[string]string{"roomid": roomID})
	if err != nil {
		return nil, err
	}
	return out.AgreeInfo, nil
}

// AuditRoom is an internal group chat seen by chat archiving: its name,
// creator (userid), creation time and notice, and its members with the
// unix time they joined.
type AuditRoom struct {
	RoomName       string `json:"roomname"`
	Creator        string `json:"creator"`
	RoomCreateTime int64  `json:"room_create_time"`
	Notice         string `json:"notice"`
	Members        []struct {
		MemberID string `json:"memberid"`
		JoinTime int64  `json:"jointime"`
	} `json:"members"`
}

// GroupChat returns an internal group chat of the archived messages
// (roomid from a message).
// https://developer.work.weixin.qq.com/document/path/92951
func (s *MsgAuditService) GroupChat(ctx context.Context, roomID string) (*AuditRoom, error) {
	if err := needB("roomid", roomID); err != nil {
		return nil, err
	}
	return callB[AuditRoom](ctx, s.c, msgauditGroupChat, nil, map[string]string{"roomid": roomID})
}
