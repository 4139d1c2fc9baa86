package fakewechat

import (
	"errors"
	"strconv"
	"sync"
	"unicode/utf8"
)

func init() { builtin = append(builtin, registerOAOneTimeSubscribe) }

// oaOneTimeGrants are the one-time subscription authorizations of an app:
// openid, template_id and scene of each message the account may send.
type oaOneTimeGrants struct {
	mu     sync.Mutex
	grants map[string]bool
}

func oaOneTimeSubscribes(st *State) *oaOneTimeGrants {
	return Value(st, "oa.onetimesubscribe", func() *oaOneTimeGrants { return &oaOneTimeGrants{grants: map[string]bool{}} })
}

func oaOneTimeKey(openid, templateID string, scene int) string {
	return openid + "\x00" + templateID + "\x00" + strconv.Itoa(scene)
}

// ConfirmOneTimeSubscribe simulates the user openid confirming, on the
// page of the oa OneTimeSubscribeURL, one message of templateID for scene:
// the account may then send them one message/template/subscribe for them.
// Confirming again before the send does not add a second one, as in
// WeChat.
func (s *Server) ConfirmOneTimeSubscribe(appid, openid, templateID string, scene int) error {
	if !ValidOpenID(openid) || templateID == "" || scene < 0 || scene > 10000 {
		return errors.New("fakewechat: invalid one-time subscription")
	}
	g := oaOneTimeSubscribes(s.State(appid))
	g.mu.Lock()
	defer g.mu.Unlock()
	g.grants[oaOneTimeKey(openid, templateID, scene)] = true
	return nil
}

// registerOAOneTimeSubscribe serves message/template/subscribe, the send of
// one-time subscription messages (一次性订阅消息). The fake checks the
// message the way WeChat documents it: a valid touser (40003), a
// template_id (40037), a url that is http(s) (40062), scene a string
// holding an integer from 0 to 10000, a title of 1 to 15 characters, a
// data.content.value of at most 200 characters and a miniprogram with
// appid and pagepath (40097 for those). Each send needs an authorization of
// the user for the template and scene (ConfirmOneTimeSubscribe) and uses it
// up: 43101 (user refuse to accept the msg) otherwise.
//
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/One-time_subscription_info.html
func registerOAOneTimeSubscribe(s *Server) {
	s.HandleJSON("POST /cgi-bin/message/template/subscribe", func(r *Request) (any, error) {
		var req struct {
			oaTemplateTarget
			Scene *string `json:"scene"`
			Title string  `json:"title"`
			Data  *struct {
				Content *struct {
					Value string `json:"value"`
					Color string `json:"color"`
				} `json:"content"`
			} `json:"data"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		if err := req.check(); err != nil {
			return nil, err
		}
		if req.TemplateID == "" {
			return nil, ErrCode(CodeInvalidTemplateID)
		}
		if req.Scene == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: scene missing")
		}
		scene, err := strconv.Atoi(*req.Scene)
		if err != nil || scene < 0 || scene > 10000 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: scene must be 0 to 10000")
		}
		if n := utf8.RuneCountInString(req.Title); n == 0 || n > 15 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: title must be 1 to 15 characters")
		}
		if req.Data == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: data missing")
		}
		if req.Data.Content != nil && utf8.RuneCountInString(req.Data.Content.Value) > 200 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: data.content.value longer than 200 characters")
		}
		if req.MiniProgram != nil && (req.MiniProgram.AppID == "" || req.MiniProgram.PagePath == "") {
			return nil, Errorf(CodeInvalidArgs, "invalid args: miniprogram appid and pagepath required")
		}
		g := oaOneTimeSubscribes(r.State())
		g.mu.Lock()
		defer g.mu.Unlock()
		key := oaOneTimeKey(req.ToUser, req.TemplateID, scene)
		if !g.grants[key] {
			return nil, ErrCode(CodeUserRefused)
		}
		delete(g.grants, key)
		return nil, nil
	})
}
