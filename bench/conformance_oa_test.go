package bench

// Conformance of the official-account wire types with silenceper/wechat
// v2.1.10 for the endpoints both SDKs wrap: our requests decode into its
// request types with no unknown field, its responses into ours. Where
// silenceper keeps a request type unexported, the exported element type it
// is built from is compared.

import (
	"testing"

	sbasic "github.com/silenceper/wechat/v2/officialaccount/basic"
	scs "github.com/silenceper/wechat/v2/officialaccount/customerservice"
	sdraft "github.com/silenceper/wechat/v2/officialaccount/draft"
	sfree "github.com/silenceper/wechat/v2/officialaccount/freepublish"
	smaterial "github.com/silenceper/wechat/v2/officialaccount/material"
	smenu "github.com/silenceper/wechat/v2/officialaccount/menu"
	smessage "github.com/silenceper/wechat/v2/officialaccount/message"
	suser "github.com/silenceper/wechat/v2/officialaccount/user"

	"github.com/weixin-go/wechat/oa"
)

// Official pages that settle the disagreements listed below.
const (
	docMenuCreate       = "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html"
	docMenuConditional  = "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Personalized_menu_interface.html"
	docAddNews          = "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html"
	docBatchGetMaterial = "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_materials_list.html"
	docAddDraft         = "https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Add_draft.html"
	docGetDraft         = "https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Get_draft.html"
)

func TestConformanceOA(t *testing.T) {
	conformRequest(t, "POST /cgi-bin/menu/create (button)", &oa.Button{}, &smenu.Button{},
		conformKnown{"article_id": docMenuCreate + " (article_id and article_view_limited buttons carry article_id; silenceper lacks it)"})
	conformRequest(t, "POST /cgi-bin/menu/addconditional (matchrule)", &oa.MatchRule{}, &smenu.MatchRule{},
		conformKnown{"tag_id": docMenuConditional + " (the rule is tag_id; silenceper still sends the old group_id)"})
	conformResponseWeChat(t, "GET /cgi-bin/menu/get", &smenu.ResMenu{}, &oa.Menus{},
		conformKnown{"conditionalmenu[].matchrule.group_id": docMenuConditional + " (group_id became tag_id)"})
	conformResponseWeChat(t, "GET /cgi-bin/get_current_selfmenu_info", &smenu.ResSelfMenuInfo{}, &oa.SelfMenu{}, nil)

	conformResponseWeChat(t, "GET /cgi-bin/user/info", &suser.Info{}, &oa.UserInfo{}, nil)
	conformResponseWeChat(t, "GET /cgi-bin/tags/get (tag)", &suser.TagInfo{}, &oa.Tag{}, nil)

	conformRequest(t, "POST /cgi-bin/message/template/send", &oa.TemplateMessage{}, &smessage.TemplateMessage{}, nil)
	conformResponseWeChat(t, "GET /cgi-bin/template/get_all_private_template (entry)", &smessage.TemplateItem{}, &oa.PrivateTemplate{}, nil)

	conformRequest(t, "POST /cgi-bin/material/add_news (article)", &oa.MaterialArticle{}, &smaterial.Article{}, conformKnown{
		"need_open_comment":     docAddNews + " (comment switches of each article; silenceper lacks them)",
		"only_fans_can_comment": docAddNews + " (idem)",
	})
	conformResponseWeChat(t, "POST /cgi-bin/material/get_materialcount", &smaterial.ResMaterialCount{}, &oa.MaterialCount{}, nil)
	conformResponseWeChat(t, "POST /cgi-bin/material/batchget_material (news)", &smaterial.ArticleList{}, &oa.MaterialList{}, conformKnown{
		"item[].content.news_item[].down_url":  docBatchGetMaterial + " (not in news_item; silenceper shares one Article type with video answers)",
		"item[].content.news_item[].thumb_url": docBatchGetMaterial + " (not in news_item; the cover is thumb_media_id)",
	})

	conformRequest(t, "POST /cgi-bin/draft/add (article)", &oa.DraftArticle{}, &sdraft.Article{}, conformKnown{
		"article_type":   docAddDraft + " (news or newspic; silenceper predates newspic)",
		"image_info":     docAddDraft + " (images of a newspic article)",
		"pic_crop_235_1": docAddDraft + " (cover crop)",
		"pic_crop_1_1":   docAddDraft + " (cover crop)",
		"url":            docGetDraft + " (in answers only: omitempty, never set in a request)",
		"is_deleted":     "https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_article_from_id.html (in answers only: omitempty, never set in a request)",
	})
	conformResponseWeChat(t, "POST /cgi-bin/draft/get (article)", &sdraft.Article{}, &oa.DraftArticle{}, nil)
	conformResponseWeChat(t, "POST /cgi-bin/draft/batchget", &sdraft.ArticleList{}, &oa.DraftList{}, nil)

	conformResponseWeChat(t, "POST /cgi-bin/freepublish/get", &sfree.PublishStatusList{}, &oa.PublishStatus{}, nil)
	conformResponseWeChat(t, "POST /cgi-bin/freepublish/batchget", &sfree.ArticleList{}, &oa.PublishedList{}, nil)

	conformResponseWeChat(t, "GET /cgi-bin/customservice/getkflist (entry)", &scs.KeFuInfo{}, &oa.KFAccount{}, nil)
	conformResponseWeChat(t, "GET /cgi-bin/customservice/getonlinekflist (entry)", &scs.KeFuOnlineInfo{}, &oa.OnlineKFAccount{}, nil)

	conformRequest(t, "POST /cgi-bin/qrcode/create", &oa.QRCodeRequest{}, &sbasic.Request{}, nil)
	conformResponseWeChat(t, "POST /cgi-bin/qrcode/create", &sbasic.Ticket{}, &oa.QRCode{}, nil)
}
