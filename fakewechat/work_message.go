package fakewechat

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"
)

// WeCom message errcodes the fake answers.
const (
	CodeWeComInvalidMsgType    = 40008 // invalid message type
	CodeWeComInvalidAgentID    = 40056 // invalid agentid
	CodeWeComEmptyContent      = 44004 // empty content
	CodeWeComAllRecipientsBad  = 81013 // every userid, department and tag invalid or out of range
	CodeWeComInvalidMsgID      = 40095 // invalid msgid (recall)
	CodeWeComInvalidRespCode   = 40094 // invalid or used response_code
	CodeWeComArticleCountLimit = 45008 // article count out of limit
)

func init() {
	for code, msg := range map[int]string{
		CodeWeComInvalidMsgType: "invalid message type", CodeWeComInvalidAgentID: "invalid agentid",
		CodeWeComEmptyContent: "empty content", CodeWeComAllRecipientsBad: "all touser, toparty and totag invalid",
		CodeWeComInvalidMsgID: "invalid msgid", CodeWeComInvalidRespCode: "invalid response_code",
		CodeWeComArticleCountLimit: "article size out of limit",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerWeComMessage)
}

// WeComMessage is an application message the fake accepted.
type WeComMessage struct {
	MsgID   string
	AgentID int64
	MsgType string
	// To are the members the message reached.
	To       []string
	Body     map[string]any
	SentAt   time.Time
	Recalled bool
}

type wecomMessages struct {
	mu    sync.Mutex
	seq   int
	byID  map[string]*WeComMessage
	codes map[string]string // response_code -> msgid, until used
}

func (s *Server) wecomMessages(corp string) *wecomMessages {
	return Value(s.State(corp), "wecom.messages", func() *wecomMessages {
		return &wecomMessages{byID: map[string]*WeComMessage{}, codes: map[string]string{}}
	})
}

// WeComMessages returns the application messages agents of corp sent, in
// sending order.
func (s *Server) WeComMessages(corp string) []WeComMessage {
	m := s.wecomMessages(corp)
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]WeComMessage, 0, len(m.byID))
	for i := 1; i <= m.seq; i++ {
		if msg := m.byID[wecomMsgID(i)]; msg != nil {
			out = append(out, *msg)
		}
	}
	return out
}

func wecomMsgID(i int) string { return fmt.Sprintf("msg%06d-fake", i) }

// wecomMsgTypes maps each msgtype to a check of its content.
var wecomMsgTypes = map[string]func(c map[string]any) bool{
	"text":               hasStr("content"),
	"markdown":           hasStr("content"),
	"image":              hasStr("media_id"),
	"voice":              hasStr("media_id"),
	"file":               hasStr("media_id"),
	"video":              hasStr("media_id"),
	"textcard":           func(c map[string]any) bool { return hasStr("title")(c) && hasStr("description")(c) && hasStr("url")(c) },
	"news":               articles(),
	"mpnews":             articles(),
	"miniprogram_notice": func(c map[string]any) bool { return hasStr("appid")(c) && hasStr("title")(c) },
	"template_card":      hasStr("card_type"),
}

func hasStr(k string) func(map[string]any) bool {
	return func(c map[string]any) bool { s, _ := c[k].(string); return s != "" }
}

func articles() func(map[string]any) bool {
	return func(c map[string]any) bool {
		l, _ := c["articles"].([]any)
		return len(l) >= 1 && len(l) <= 8
	}
}

// interactiveCards answer a response_code.
var interactiveCards = map[string]bool{"button_interaction": true, "vote_interaction": true, "multiple_interaction": true}

func registerWeComMessage(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90236
	s.HandleJSON(WeComPath("POST /cgi-bin/message/send"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		corp, agentID := wecomCaller(r)
		if id, ok := body["agentid"].(float64); !ok || int64(id) != agentID || agentID == 0 {
			return nil, ErrCode(CodeWeComInvalidAgentID)
		}
		typ, _ := body["msgtype"].(string)
		check, ok := wecomMsgTypes[typ]
		if !ok {
			return nil, ErrCode(CodeWeComInvalidMsgType)
		}
		content, _ := body[typ].(map[string]any)
		if content == nil || !check(content) {
			if typ == "news" || typ == "mpnews" {
				return nil, ErrCode(CodeWeComArticleCountLimit)
			}
			return nil, ErrCode(CodeWeComEmptyContent)
		}
		if id, _ := content["media_id"].(string); id != "" && !wecomMediaExists(r, id) {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		str := func(k string) string { v, _ := body[k].(string); return v }
		d := r.Server.wecomDir(corp)
		d.mu.Lock()
		members, bu, bp, bt := d.resolve(str("touser"), str("toparty"), str("totag"))
		d.mu.Unlock()
		if len(members) == 0 {
			return nil, ErrCode(CodeWeComAllRecipientsBad)
		}
		to := make([]string, 0, len(members))
		for u := range members {
			to = append(to, u)
		}
		ms := r.Server.wecomMessages(corp)
		ms.mu.Lock()
		defer ms.mu.Unlock()
		ms.seq++
		msg := &WeComMessage{MsgID: wecomMsgID(ms.seq), AgentID: agentID, MsgType: typ, To: to, Body: body, SentAt: r.Now()}
		ms.byID[msg.MsgID] = msg
		out := M{"invaliduser": strings.Join(bu, "|"), "invalidparty": strings.Join(bp, "|"), "invalidtag": strings.Join(bt, "|"), "msgid": msg.MsgID}
		if ct, _ := content["card_type"].(string); typ == "template_card" && interactiveCards[ct] {
			code := fmt.Sprintf("rc-%s-%d", msg.MsgID, r.Now().UnixNano())
			ms.codes[code] = msg.MsgID
			out["response_code"] = code
		}
		return OK(out), nil
	})

	// https://developer.work.weixin.qq.com/document/path/94867
	s.HandleJSON(WeComPath("POST /cgi-bin/message/recall"), func(r *Request) (any, error) {
		var in struct {
			MsgID string `json:"msgid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		corp, agentID := wecomCaller(r)
		ms := r.Server.wecomMessages(corp)
		ms.mu.Lock()
		defer ms.mu.Unlock()
		msg := ms.byID[in.MsgID]
		if msg == nil || msg.AgentID != agentID || msg.Recalled || r.Now().Sub(msg.SentAt) > 24*time.Hour {
			return nil, ErrCode(CodeWeComInvalidMsgID)
		}
		msg.Recalled = true
		return nil, nil
	})

	// https://developer.work.weixin.qq.com/document/path/94888
	s.HandleJSON(WeComPath("POST /cgi-bin/message/update_template_card"), func(r *Request) (any, error) {
		var in struct {
			UserIDs      []string        `json:"userids"`
			AtAll        int             `json:"atall"`
			AgentID      int64           `json:"agentid"`
			ResponseCode string          `json:"response_code"`
			Button       json.RawMessage `json:"button"`
			TemplateCard json.RawMessage `json:"template_card"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		corp, agentID := wecomCaller(r)
		if in.AgentID != agentID {
			return nil, ErrCode(CodeWeComInvalidAgentID)
		}
		if (len(in.Button) == 0) == (len(in.TemplateCard) == 0) {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		ms := r.Server.wecomMessages(corp)
		ms.mu.Lock()
		defer ms.mu.Unlock()
		id, ok := ms.codes[in.ResponseCode]
		if !ok {
			return nil, ErrCode(CodeWeComInvalidRespCode)
		}
		delete(ms.codes, in.ResponseCode)
		msg := ms.byID[id]
		var invalid []string
		for _, u := range in.UserIDs {
			found := false
			for _, t := range msg.To {
				found = found || t == u
			}
			if !found {
				invalid = append(invalid, u)
			}
		}
		return OK(M{"invaliduser": invalid}), nil
	})
}
