package callback

import (
	"strconv"
	"unicode/utf8"
)

// Reply is a passive reply to a push. The server fills in ToUserName,
// FromUserName and CreateTime and encrypts the reply when the push was
// encrypted. A nil Reply answers "success".
//
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Passive_user_reply_message.html
// and https://developer.work.weixin.qq.com/document/path/90241.
type Reply interface {
	// AppendXML appends the reply document (<xml>...</xml>) to dst.
	AppendXML(dst []byte, to, from string, createTime int64) []byte
}

// JSONReply is a Reply that can also be written as JSON, for mini programs
// configured to push JSON.
type JSONReply interface {
	Reply
	AppendJSON(dst []byte, to, from string, createTime int64) []byte
}

func appendHeader(dst []byte, to, from string, createTime int64, msgType string) []byte {
	dst = append(dst, "<xml>"...)
	dst = appendElem(dst, "ToUserName", to)
	dst = appendElem(dst, "FromUserName", from)
	dst = appendIntElem(dst, "CreateTime", createTime)
	return appendElem(dst, "MsgType", msgType)
}

func appendJSONHeader(dst []byte, to, from string, createTime int64, msgType string) []byte {
	dst = append(dst, `{"ToUserName":`...)
	dst = appendJSONString(dst, to)
	dst = append(dst, `,"FromUserName":`...)
	dst = appendJSONString(dst, from)
	dst = append(dst, `,"CreateTime":`...)
	dst = strconv.AppendInt(dst, createTime, 10)
	dst = append(dst, `,"MsgType":`...)
	return appendJSONString(dst, msgType)
}

// TextReply replies with a text message.
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Passive_user_reply_message.html.
type TextReply struct{ Content string }

// Text returns a text reply.
func Text(content string) *TextReply { return &TextReply{Content: content} }

// AppendXML implements Reply.
func (r *TextReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, MsgTypeText)
	dst = appendElem(dst, "Content", r.Content)
	return append(dst, "</xml>"...)
}

// AppendJSON implements JSONReply.
func (r *TextReply) AppendJSON(dst []byte, to, from string, ts int64) []byte {
	dst = appendJSONHeader(dst, to, from, ts, MsgTypeText)
	dst = append(dst, `,"Content":`...)
	dst = appendJSONString(dst, r.Content)
	return append(dst, '}')
}

// appendJSONString appends s as a JSON string (valid JSON for any UTF-8).
func appendJSONString(dst []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
			i++
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			i++
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, `\ufffd`...)
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			i += size
		}
	}
	return append(dst, '"')
}

// ImageReply replies with an image (a permanent or temporary media id).
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Passive_user_reply_message.html.
type ImageReply struct{ MediaID string }

// Image returns an image reply.
func Image(mediaID string) *ImageReply { return &ImageReply{MediaID: mediaID} }

// AppendXML implements Reply.
func (r *ImageReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, MsgTypeImage)
	dst = append(dst, "<Image>"...)
	dst = appendElem(dst, "MediaId", r.MediaID)
	return append(dst, "</Image></xml>"...)
}

// VoiceReply replies with a voice message.
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Passive_user_reply_message.html.
type VoiceReply struct{ MediaID string }

// Voice returns a voice reply.
func Voice(mediaID string) *VoiceReply { return &VoiceReply{MediaID: mediaID} }

// AppendXML implements Reply.
func (r *VoiceReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, MsgTypeVoice)
	dst = append(dst, "<Voice>"...)
	dst = appendElem(dst, "MediaId", r.MediaID)
	return append(dst, "</Voice></xml>"...)
}

// VideoReply replies with a video.
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Passive_user_reply_message.html.
type VideoReply struct{ MediaID, Title, Description string }

// Video returns a video reply.
func Video(mediaID, title, description string) *VideoReply {
	return &VideoReply{MediaID: mediaID, Title: title, Description: description}
}

// AppendXML implements Reply.
func (r *VideoReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, MsgTypeVideo)
	dst = append(dst, "<Video>"...)
	dst = appendElem(dst, "MediaId", r.MediaID)
	dst = appendElem(dst, "Title", r.Title)
	dst = appendElem(dst, "Description", r.Description)
	return append(dst, "</Video></xml>"...)
}

// MusicReply replies with music.
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Passive_user_reply_message.html.
type MusicReply struct {
	Title, Description, MusicURL, HQMusicURL, ThumbMediaID string
}

// AppendXML implements Reply.
func (r *MusicReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, "music")
	dst = append(dst, "<Music>"...)
	dst = appendElem(dst, "Title", r.Title)
	dst = appendElem(dst, "Description", r.Description)
	dst = appendElem(dst, "MusicUrl", r.MusicURL)
	dst = appendElem(dst, "HQMusicUrl", r.HQMusicURL)
	dst = appendElem(dst, "ThumbMediaId", r.ThumbMediaID)
	return append(dst, "</Music></xml>"...)
}

// Article is one item of a NewsReply.
type Article struct {
	Title, Description, PicURL, URL string
}

// NewsReply replies with articles (WeChat shows at most one, or eight for
// WeCom).
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Passive_user_reply_message.html
// and https://developer.work.weixin.qq.com/document/path/90241.
type NewsReply struct{ Articles []Article }

// News returns a news reply.
func News(articles ...Article) *NewsReply { return &NewsReply{Articles: articles} }

// AppendXML implements Reply.
func (r *NewsReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, "news")
	dst = appendIntElem(dst, "ArticleCount", int64(len(r.Articles)))
	dst = append(dst, "<Articles>"...)
	for _, a := range r.Articles {
		dst = append(dst, "<item>"...)
		dst = appendElem(dst, "Title", a.Title)
		dst = appendElem(dst, "Description", a.Description)
		dst = appendElem(dst, "PicUrl", a.PicURL)
		dst = appendElem(dst, "Url", a.URL)
		dst = append(dst, "</item>"...)
	}
	return append(dst, "</Articles></xml>"...)
}

// TransferCustomerServiceReply hands the conversation to customer service,
// optionally to one KfAccount. See
// https://developers.weixin.qq.com/doc/service/guide/product/customer-service/Forwarding_of_messages_to_service_center.html.
type TransferCustomerServiceReply struct{ KfAccount string }

// TransferCustomerService returns a transfer_customer_service reply; pass
// "" to let WeChat pick an agent.
func TransferCustomerService(kfAccount string) *TransferCustomerServiceReply {
	return &TransferCustomerServiceReply{KfAccount: kfAccount}
}

// AppendXML implements Reply.
func (r *TransferCustomerServiceReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, "transfer_customer_service")
	if r.KfAccount != "" {
		dst = append(dst, "<TransInfo>"...)
		dst = appendElem(dst, "KfAccount", r.KfAccount)
		dst = append(dst, "</TransInfo>"...)
	}
	return append(dst, "</xml>"...)
}

// AppendJSON implements JSONReply (mini program customer service).
func (r *TransferCustomerServiceReply) AppendJSON(dst []byte, to, from string, ts int64) []byte {
	dst = appendJSONHeader(dst, to, from, ts, "transfer_customer_service")
	if r.KfAccount != "" {
		dst = append(dst, `,"TransInfo":{"KfAccount":`...)
		dst = appendJSONString(dst, r.KfAccount)
		dst = append(dst, '}')
	}
	return append(dst, '}')
}

// UpdateButtonReply answers a WeCom template_card_event by changing the
// clicked button's text. See https://developer.work.weixin.qq.com/document/path/90241.
type UpdateButtonReply struct{ ReplaceName string }

// UpdateButton returns an update_button reply.
func UpdateButton(replaceName string) *UpdateButtonReply {
	return &UpdateButtonReply{ReplaceName: replaceName}
}

// AppendXML implements Reply.
func (r *UpdateButtonReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, "update_button")
	dst = append(dst, "<Button>"...)
	dst = appendElem(dst, "ReplaceName", r.ReplaceName)
	return append(dst, "</Button></xml>"...)
}

// UpdateTemplateCardReply answers a WeCom template_card_event by replacing
// the whole card. CardXML is the content of the <TemplateCard> element
// (CardType, MainTitle, ...), written as is: build it from trusted data.
// See https://developer.work.weixin.qq.com/document/path/90241.
type UpdateTemplateCardReply struct{ CardXML string }

// UpdateTemplateCard returns an update_template_card reply.
func UpdateTemplateCard(cardXML string) *UpdateTemplateCardReply {
	return &UpdateTemplateCardReply{CardXML: cardXML}
}

// AppendXML implements Reply.
func (r *UpdateTemplateCardReply) AppendXML(dst []byte, to, from string, ts int64) []byte {
	dst = appendHeader(dst, to, from, ts, "update_template_card")
	dst = append(dst, "<TemplateCard>"...)
	dst = append(dst, r.CardXML...)
	return append(dst, "</TemplateCard></xml>"...)
}

// BizMsgMenuLink returns the text of a clickable menu line for a text
// reply: <a href="weixin://bizmsgmenu?msgmenucontent=R&msgmenuid=ID">S</a>.
func BizMsgMenuLink(show, reply string, id int) string {
	return `<a href="weixin://bizmsgmenu?msgmenucontent=` + reply + `&msgmenuid=` + strconv.Itoa(id) + `">` + show + `</a>`
}
