package bench

// Conformance of WeCom wire types with silenceper/wechat v2.1.10 for the
// endpoints both SDKs wrap.

import (
	"testing"

	sext "github.com/silenceper/wechat/v2/work/externalcontact"
	skf "github.com/silenceper/wechat/v2/work/kf"
	smsg "github.com/silenceper/wechat/v2/work/message"

	"github.com/weixin-go/wechat/work"
)

func TestConformanceWork(t *testing.T) {
	conformResponseWeChat(t, "POST /cgi-bin/message/send", &smsg.SendResponse{}, &work.SendResult{}, nil)
	// silenceper shares one ExternalProfile type between customers and
	// members; the customer's external_profile has external_attr only.
	docCustomerGet := "https://developer.work.weixin.qq.com/document/path/92114 (a customer's external_profile holds external_attr; external_corp_name and wechat_channels belong to a member's profile, https://developer.work.weixin.qq.com/document/path/90196)"
	conformResponseWeChat(t, "GET /cgi-bin/externalcontact/get", &sext.ExternalUserDetailResponse{}, &work.CustomerDetail{}, conformKnown{
		"external_contact.external_profile.external_corp_name": docCustomerGet,
		"external_contact.external_profile.wechat_channels":    docCustomerGet,
	})
	conformResponseWeChat(t, "POST /cgi-bin/kf/account/list (entry)", &skf.AccountInfoSchema{}, &work.KFAccount{}, nil)
}
