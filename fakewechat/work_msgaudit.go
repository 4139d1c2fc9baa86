package fakewechat

import "slices"

// WeCom chat archiving (会话内容存档), the API part: fixed data.

func init() { builtin = append(builtin, registerWeComMsgAudit) }

// The customers whose consent the fake knows: every member's chats with
// WeComAuditAgreed are agreed to, with WeComAuditDisagreed refused; other
// customers are left out of the answers.
const (
	WeComAuditAgreed    = "wmAUDITAGREEDFAKE"
	WeComAuditDisagreed = "wmAUDITREFUSEDFAKE"
	// WeComAuditAgreeTime is the status_change_time of every consent (the
	// docs' example).
	WeComAuditAgreeTime = 1562766651
)

// wecomAuditEditions are the archived members and their editions (1
// office, 2 service, 3 enterprise).
var wecomAuditEditions = map[string][]int{WeComSeedUser1: {1, 3}, WeComSeedUser2: {2}}

var wecomAuditConsent = map[string]string{WeComAuditAgreed: "Agree", WeComAuditDisagreed: "Disagree"}

func registerWeComMsgAudit(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/91614
	s.HandleJSON(WeComPath("POST /cgi-bin/msgaudit/get_permit_user_list"), func(r *Request) (any, error) {
		var in struct {
			Type int `json:"type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Type < 0 || in.Type > 3 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		ids := []string{}
		for id, eds := range wecomAuditEditions {
			if in.Type == 0 || slices.Contains(eds, in.Type) {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		return OK(M{"ids": ids}), nil
	})

	// https://developer.work.weixin.qq.com/document/path/91782
	// 1 to 100 chats (41035 none, 40058 more: the docs name no errcode).
	s.HandleJSON(WeComPath("POST /cgi-bin/msgaudit/check_single_agree"), func(r *Request) (any, error) {
		var in struct {
			Info []struct {
				UserID   string `json:"userid"`
				External string `json:"exteranalopenid"`
			} `json:"info"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		switch {
		case len(in.Info) == 0:
			return nil, ErrCode(CodeWeComMissingParameter)
		case len(in.Info) > 100:
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		rows := []M{}
		for _, q := range in.Info {
			if q.UserID == "" || q.External == "" {
				return nil, ErrCode(CodeWeComMissingParameter)
			}
			if st, ok := wecomAuditConsent[q.External]; ok {
				rows = append(rows, M{"status_change_time": WeComAuditAgreeTime, "userid": q.UserID, "exteranalopenid": q.External, "agree_status": st})
			}
		}
		return OK(M{"agreeinfo": rows}), nil
	})

	// roomid names a customer group chat (AddWeComGroupChat; 40050
	// otherwise).
	room := func(r *Request) (*WeComGroupChat, error) {
		var in struct {
			RoomID string `json:"roomid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.RoomID == "" {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		d := wcCust(r)
		d.mu.Lock()
		defer d.mu.Unlock()
		for _, c := range d.chats {
			if c.ChatID == in.RoomID {
				cp := *c
				cp.Members = slices.Clone(c.Members)
				return &cp, nil
			}
		}
		return nil, ErrCode(wcCodeInvalidChatID)
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/msgaudit/check_room_agree"), func(r *Request) (any, error) {
		c, err := room(r)
		if err != nil {
			return nil, err
		}
		rows := []M{}
		for _, m := range c.Members {
			if st, ok := wecomAuditConsent[m]; ok {
				rows = append(rows, M{"status_change_time": WeComAuditAgreeTime, "exteranalopenid": m, "agree_status": st})
			}
		}
		return OK(M{"agreeinfo": rows}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/92951
	// Members joined when the chat was created; the notice is empty.
	s.HandleJSON(WeComPath("POST /cgi-bin/msgaudit/groupchat/get"), func(r *Request) (any, error) {
		c, err := room(r)
		if err != nil {
			return nil, err
		}
		members := make([]M, 0, len(c.Members))
		for _, m := range c.Members {
			members = append(members, M{"memberid": m, "jointime": c.CreateTime})
		}
		return OK(M{"roomname": c.Name, "creator": c.Owner, "room_create_time": c.CreateTime, "notice": "", "members": members}), nil
	})
}
