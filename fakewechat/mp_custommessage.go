package fakewechat

import (
	"encoding/json"
	"strings"
)

// Mini program customer-service messages (客服消息) share the official
// account's endpoints (message/custom/send and typing, media/upload and
// media/get). This adds to the send handler's payload checks the "link"
// message type of mini programs and the mini program page card without
// appid (a page of the sending mini program itself, whose thumb is a
// temporary image).
func init() {
	oaPage := oaCustomChecks["miniprogrampage"]
	oaCustomChecks["miniprogrampage"] = func(r *Request, p json.RawMessage) *Error {
		var page struct {
			AppID        string `json:"appid"`
			PagePath     string `json:"pagepath"`
			ThumbMediaID string `json:"thumb_media_id"`
		}
		if json.Unmarshal(p, &page) != nil {
			return ErrCode(CodeDataFormat)
		}
		if page.AppID != "" && oaPage != nil {
			return oaPage(r, p)
		}
		if page.PagePath == "" {
			return Errorf(CodeInvalidArgs, "invalid args: pagepath missing")
		}
		if !oaMediaExists(r, page.ThumbMediaID, "image", "thumb") {
			return ErrCode(CodeInvalidMediaID)
		}
		return nil
	}
	oaCustomChecks["link"] = func(_ *Request, p json.RawMessage) *Error {
		var l struct {
			Title    string `json:"title"`
			URL      string `json:"url"`
			ThumbURL string `json:"thumb_url"`
		}
		if json.Unmarshal(p, &l) != nil {
			return ErrCode(CodeDataFormat)
		}
		if l.Title == "" || !strings.HasPrefix(l.URL, "http") {
			return Errorf(CodeInvalidArgs, "invalid args: link needs title and url")
		}
		return nil
	}
}
