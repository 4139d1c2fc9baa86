package fakewechat

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Subscription messages (订阅消息) of mini programs share the template
// library and the per-app templates of oa_subscribemessage.go (the
// /wxaapi/newtmpl endpoints). This adds the mini program send,
// message/subscribe/send: it needs the user's subscription (SubscribeUser),
// checks that the data keys are exactly the template's, validates
// miniprogram_state and lang, and records the message (SubscribeSends).
func init() { builtin = append(builtin, registerMPSubscribeMessage) }

var (
	mpMiniprogramStates = []string{"", "developer", "trial", "formal"}
	mpSubscribeLangs    = []string{"", "zh_CN", "en_US", "zh_HK", "zh_TW"}
)

func registerMPSubscribeMessage(s *Server) {
	s.HandleJSON("POST /cgi-bin/message/subscribe/send", func(r *Request) (any, error) {
		var in struct {
			ToUser     string `json:"touser"`
			TemplateID string `json:"template_id"`
			Page       string `json:"page"`
			Data       map[string]struct {
				Value *string `json:"value"`
			} `json:"data"`
			MiniprogramState string `json:"miniprogram_state"`
			Lang             string `json:"lang"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.ToUser == "" {
			return nil, ErrCode(oaCodeInvalidOpenID)
		}
		if !slices.Contains(mpMiniprogramStates, in.MiniprogramState) {
			return nil, Errorf(CodeInvalidTemplateArgs, "argument invalid! miniprogram_state invalid")
		}
		if !slices.Contains(mpSubscribeLangs, in.Lang) {
			return nil, Errorf(CodeInvalidTemplateArgs, "argument invalid! lang invalid")
		}
		ss := oaSubs(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		i := slices.IndexFunc(ss.templates, func(t *oaSubTemplate) bool { return t.id == in.TemplateID })
		if i < 0 {
			return nil, ErrCode(CodeInvalidTemplateID)
		}
		sent := SubscribeSent{ToUser: in.ToUser, TemplateID: in.TemplateID, Page: in.Page, Data: map[string]string{}}
		keys := ss.templates[i].keys()
		for k, v := range in.Data {
			if !slices.Contains(keys, k) || v.Value == nil || (strings.HasPrefix(k, "thing") && utf8.RuneCountInString(*v.Value) > oaMaxThingRunes) {
				return nil, Errorf(CodeInvalidTemplateArgs, "argument invalid! data.%s.value invalid", k)
			}
			sent.Data[k] = *v.Value
		}
		for _, k := range keys {
			if _, ok := sent.Data[k]; !ok {
				return nil, Errorf(CodeInvalidTemplateArgs, "argument invalid! data.%s.value empty", k)
			}
		}
		key := [2]string{in.ToUser, in.TemplateID}
		switch left := ss.grants[key]; {
		case left == 0:
			return nil, ErrCode(CodeUserRefused)
		case left > 0:
			ss.grants[key] = left - 1
		}
		ss.sent = append(ss.sent, sent)
		return nil, nil
	})
}
