package fakewechat

import (
	"encoding/json"
	"strings"
)

// Official account customer-service messages (客服消息): message/custom/send
// checks the openid, the msgtype and its payload (media ids must name live
// media or material of the right type, news carries one article) and
// message/custom/typing checks the command.
func init() {
	stdMessages[CodeInvalidMessageType] = "invalid message type"
	stdMessages[CodeInvalidKFAccount] = "invalid kf_account"
	builtin = append(builtin, registerOACustomMessage)
}

// Errcodes of the customer-service message endpoints.
const (
	CodeInvalidMessageType = 40008
	CodeInvalidKFAccount   = 65400
)

// oaCustomPayloadCheck validates the payload of one msgtype.
type oaCustomPayloadCheck func(r *Request, p json.RawMessage) *Error

func oaCustomRequired(fields ...string) oaCustomPayloadCheck {
	return func(_ *Request, p json.RawMessage) *Error {
		var m map[string]any
		if json.Unmarshal(p, &m) != nil || m == nil {
			return ErrCode(CodeDataFormat)
		}
		for _, f := range fields {
			if v, _ := m[f].(string); v == "" {
				return Errorf(CodeInvalidArgs, "invalid args: %s missing", f)
			}
		}
		return nil
	}
}

func oaCustomMedia(field string, types ...string) oaCustomPayloadCheck {
	return func(r *Request, p json.RawMessage) *Error {
		var m map[string]any
		if json.Unmarshal(p, &m) != nil || m == nil {
			return ErrCode(CodeDataFormat)
		}
		id, _ := m[field].(string)
		if !oaMediaExists(r, id, types...) {
			return ErrCode(CodeInvalidMediaID)
		}
		return nil
	}
}

var oaCustomChecks = map[string]oaCustomPayloadCheck{
	"text": func(_ *Request, p json.RawMessage) *Error {
		var t struct{ Content string }
		if json.Unmarshal(p, &t) != nil {
			return ErrCode(CodeDataFormat)
		}
		if t.Content == "" {
			return ErrCode(CodeEmptyContent)
		}
		return nil
	},
	"image":         oaCustomMedia("media_id", "image"),
	"voice":         oaCustomMedia("media_id", "voice"),
	"video":         oaCustomMedia("media_id", "video"),
	"music":         oaCustomMedia("thumb_media_id", "thumb", "image"),
	"mpnews":        oaCustomMedia("media_id", "news"),
	"mpnewsarticle": oaCustomRequired("article_id"),
	"wxcard":        oaCustomRequired("card_id"),
	"miniprogrampage": func(r *Request, p json.RawMessage) *Error {
		if e := oaCustomRequired("appid", "pagepath")(r, p); e != nil {
			return e
		}
		return oaCustomMedia("thumb_media_id", "thumb", "image")(r, p)
	},
	"news": func(_ *Request, p json.RawMessage) *Error {
		var n struct {
			Articles []struct{ Title, URL string } `json:"articles"`
		}
		if json.Unmarshal(p, &n) != nil {
			return ErrCode(CodeDataFormat)
		}
		if len(n.Articles) == 0 {
			return ErrCode(CodeEmptyNewsData)
		}
		if len(n.Articles) > 1 {
			return ErrCode(CodeArticleSizeLimit)
		}
		return nil
	},
	"msgmenu": func(_ *Request, p json.RawMessage) *Error {
		var m struct {
			List []struct{ ID, Content string } `json:"list"`
		}
		if json.Unmarshal(p, &m) != nil {
			return ErrCode(CodeDataFormat)
		}
		if len(m.List) == 0 {
			return Errorf(CodeInvalidArgs, "invalid args: msgmenu list empty")
		}
		for _, it := range m.List {
			if it.ID == "" || it.Content == "" {
				return Errorf(CodeInvalidArgs, "invalid args: msgmenu item needs id and content")
			}
		}
		return nil
	},
}

func registerOACustomMessage(s *Server) {
	s.HandleJSON("POST /cgi-bin/message/custom/send", func(r *Request) (any, error) {
		var msg map[string]json.RawMessage
		if err := r.Decode(&msg); err != nil {
			return nil, err
		}
		var toUser, msgType string
		json.Unmarshal(msg["touser"], &toUser)   //nolint:errcheck // checked below
		json.Unmarshal(msg["msgtype"], &msgType) //nolint:errcheck // checked below
		if !ValidOpenID(toUser) {
			return nil, ErrCode(40003)
		}
		check, ok := oaCustomChecks[msgType]
		if !ok {
			return nil, ErrCode(CodeInvalidMessageType)
		}
		payload, ok := msg[msgType]
		if !ok {
			return nil, ErrCode(CodeDataFormat)
		}
		if e := check(r, payload); e != nil {
			return nil, e
		}
		if cs, ok := msg["customservice"]; ok {
			var c struct {
				KFAccount string `json:"kf_account"`
			}
			if json.Unmarshal(cs, &c) != nil || !strings.Contains(c.KFAccount, "@") {
				return nil, ErrCode(CodeInvalidKFAccount)
			}
		}
		return nil, nil
	})
	s.HandleJSON("POST /cgi-bin/message/custom/typing", func(r *Request) (any, error) {
		var req struct {
			ToUser  string `json:"touser"`
			Command string `json:"command"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		if !ValidOpenID(req.ToUser) {
			return nil, ErrCode(40003)
		}
		if req.Command != "Typing" && req.Command != "CancelTyping" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: command %q", req.Command)
		}
		return nil, nil
	})
}
