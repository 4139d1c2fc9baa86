package bench

// Conformance of the mini program wire types with silenceper/wechat v2.1.10
// for the endpoints both SDKs wrap.

import (
	"testing"

	sauth "github.com/silenceper/wechat/v2/miniprogram/auth"
	sqrcode "github.com/silenceper/wechat/v2/miniprogram/qrcode"
	ssecurity "github.com/silenceper/wechat/v2/miniprogram/security"
	ssubscribe "github.com/silenceper/wechat/v2/miniprogram/subscribe"
	sscheme "github.com/silenceper/wechat/v2/miniprogram/urlscheme"

	"github.com/weixin-go/wechat/miniprogram"
)

// line_color is {"r":0,"g":0,"b":0}, numbers; silenceper sends strings.
const docUnlimitedCode = "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html (line_color r, g, b are numbers)"

func TestConformanceMiniProgram(t *testing.T) {
	conformResponseWeChat(t, "GET /sns/jscode2session", &sauth.ResCode2Session{}, &miniprogram.Session{}, nil)

	conformRequest(t, "POST /cgi-bin/message/subscribe/send", &miniprogram.SubscribeMessage{}, &ssubscribe.Message{}, nil)
	conformResponseWeChat(t, "GET /wxaapi/newtmpl/gettemplate (entry)", &ssubscribe.TemplateItem{}, &miniprogram.Template{}, nil)
	conformResponseWeChat(t, "GET /wxaapi/newtmpl/getcategory (entry)", &ssubscribe.Category{}, &miniprogram.Category{}, nil)
	conformResponseWeChat(t, "GET /wxaapi/newtmpl/getpubtemplatekeywords (entry)", &ssubscribe.PubTemplateKeywords{}, &miniprogram.PubTemplateKeyword{}, nil)
	conformResponseWeChat(t, "GET /wxaapi/newtmpl/getpubtemplatetitles", &ssubscribe.GetPubTemplateTitleListResponse{}, &miniprogram.PubTemplateTitlePage{},
		conformKnown{"type data[].tid: string into int": "https://developers.weixin.qq.com/miniprogram/dev/server/API/mp-message-management/subscribe-message/api_getpubnewtemplatetitles.html (tid is a number, 99 in the example; silenceper declares a string)"})

	conformRequest(t, "POST /wxa/getwxacodeunlimit", &miniprogram.UnlimitedCode{}, &sqrcode.QRCoder{}, conformKnown{
		"type line_color.r: number into string": docUnlimitedCode,
		"type line_color.g: number into string": docUnlimitedCode,
		"type line_color.b: number into string": docUnlimitedCode,
	})
	conformRequest(t, "POST /wxa/generatescheme", &miniprogram.SchemeRequest{}, &sscheme.USParams{}, nil)
	conformRequest(t, "POST /wxa/msg_sec_check", &miniprogram.TextCheck{}, &ssecurity.MsgCheckRequest{},
		conformKnown{"version": "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html (version 2 is required by the current API; silenceper's request type lacks it)"})
	conformResponseWeChat(t, "POST /wxa/msg_sec_check", &ssecurity.MsgCheckResponse{}, &miniprogram.SecCheckResult{}, nil)
}
