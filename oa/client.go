// Package oa is the WeChat official account (公众号) API: one service per API
// group, reached as fields of a Client (client.Menu.Create(ctx, req)).
//
// https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Overview.html
package oa

import (
	wechat "github.com/weixin-go/wechat"
)

// Client is an official account client. It embeds the core client, so the
// generic Call, Stream and Upload and the token accessors are available too.
type Client struct {
	*wechat.Client

	Account           *AccountService
	Menu              *MenuService
	User              *UserService
	UserTag           *UserTagService
	UserBlacklist     *UserBlacklistService
	Template          *TemplateService
	CustomMessage     *CustomMessageService
	Material          *MaterialService
	DraftBox          *DraftBoxService
	Publish           *PublishService
	BatchSends        *BatchSendsService
	Comment           *CommentService
	CustomService     *CustomServiceService
	SubscribeMessage  *SubscribeMessageService
	WebPage           *WebPageService
	POI               *POIService
	Card              *CardService
	CardDistributing  *CardDistributingService
	CardManaging      *CardManagingService
	MemberCard        *MemberCardService
	EInvoice          *EInvoiceService
	InvoicingPlatform *InvoicingPlatformService
	DataCube          *DataCubeService
	Guide             *GuideService
	Reimburse         *ReimburseService
	Marketing         *MarketingService
	Image             *ImageService
}

// New returns an official account client for cfg.
func New(cfg wechat.Config, opts ...wechat.Option) (*Client, error) {
	cfg.Type = wechat.OfficialAccount
	c, err := wechat.NewClient(cfg, opts...)
	if err != nil {
		return nil, err
	}
	return Wrap(c), nil
}

// Wrap returns an official account client around an existing core client.
func Wrap(c *wechat.Client) *Client {
	s := service{c: c}
	return &Client{
		Client:            c,
		Account:           (*AccountService)(&s),
		Menu:              (*MenuService)(&s),
		User:              (*UserService)(&s),
		UserTag:           (*UserTagService)(&s),
		UserBlacklist:     (*UserBlacklistService)(&s),
		Template:          (*TemplateService)(&s),
		CustomMessage:     (*CustomMessageService)(&s),
		Material:          (*MaterialService)(&s),
		DraftBox:          (*DraftBoxService)(&s),
		Publish:           (*PublishService)(&s),
		BatchSends:        (*BatchSendsService)(&s),
		Comment:           (*CommentService)(&s),
		CustomService:     (*CustomServiceService)(&s),
		SubscribeMessage:  (*SubscribeMessageService)(&s),
		WebPage:           (*WebPageService)(&s),
		POI:               (*POIService)(&s),
		Card:              (*CardService)(&s),
		CardDistributing:  (*CardDistributingService)(&s),
		CardManaging:      (*CardManagingService)(&s),
		MemberCard:        (*MemberCardService)(&s),
		EInvoice:          (*EInvoiceService)(&s),
		InvoicingPlatform: (*InvoicingPlatformService)(&s),
		DataCube:          (*DataCubeService)(&s),
		Guide:             (*GuideService)(&s),
		Reimburse:         (*ReimburseService)(&s),
		Marketing:         (*MarketingService)(&s),
		Image:             (*ImageService)(&s),
	}
}

type service struct{ c *wechat.Client }

type (
	// AccountService manages QR codes, short links and API quotas (账号管理).
	// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html
	AccountService service
	// MenuService manages the custom menu (自定义菜单).
	// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html
	MenuService service
	// UserService reads followers and their information (用户管理).
	// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Getting_a_User_List.html
	UserService service
	// UserTagService manages user tags (用户标签管理).
	// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
	UserTagService service
	// UserBlacklistService manages the blacklist (黑名单管理).
	// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html
	UserBlacklistService service
	// TemplateService sends template messages and manages templates (模板消息).
	// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html
	TemplateService service
	// CustomMessageService sends customer-service messages (客服消息).
	// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html
	CustomMessageService service
	// MaterialService manages temporary media and permanent material (素材管理).
	// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html
	MaterialService service
	// DraftBoxService manages drafts (草稿箱).
	// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Add_draft.html
	DraftBoxService service
	// PublishService publishes drafts and manages published articles (发布能力).
	// https://developers.weixin.qq.com/doc/offiaccount/Publish/Publish.html
	PublishService service
	// BatchSendsService sends mass messages (群发).
	// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
	BatchSendsService service
	// CommentService manages article comments (图文消息留言管理).
	// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
	CommentService service
	// CustomServiceService manages customer-service accounts and sessions (客服管理).
	// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
	CustomServiceService service
	// SubscribeMessageService manages and sends subscription messages (订阅通知).
	// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
	SubscribeMessageService service
	// WebPageService covers web pages: OAuth2 web authorization and the JS-SDK (网页开发).
	// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
	WebPageService service
	// POIService manages stores (门店).
	// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
	POIService service
	// CardService creates and queries cards and coupons (卡券).
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Create_a_Coupon_Voucher_or_Card.html
	CardService service
	// CardDistributingService distributes cards and coupons (投放卡券).
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
	CardDistributingService service
	// CardManagingService manages cards and coupons (管理卡券).
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
	CardManagingService service
	// MemberCardService manages membership cards (会员卡).
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Create_a_membership_card.html
	MemberCardService service
	// EInvoiceService is the merchant side of electronic invoices (电子发票).
	// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
	EInvoiceService service
	// InvoicingPlatformService is the invoicing-platform side of electronic invoices (开票平台).
	// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
	InvoicingPlatformService service
	// DataCubeService reads the account's statistics (数据统计).
	// https://developers.weixin.qq.com/doc/offiaccount/Analytics/User_Analysis_Data_Interface.html
	DataCubeService service
	// GuideService is the conversation capability, formerly the shopping
	// guide (对话能力, 原导购助手): guides, buyers, tags, material and mass sends.
	// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.addGuideAcct.html
	GuideService service
	// ReimburseService is the reimbursing side of electronic invoices (报销方).
	// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Reimburser_API_List.html
	ReimburseService service
	// MarketingService reports advertising conversions (广告 user actions).
	// https://developers.weixin.qq.com/doc/offiaccount/Marketing/User_Action_Data_Source.html
	MarketingService service
	// ImageService is image processing (图像处理): smart crop, code scan, super
	// resolution, and plate number OCR.
	// https://developers.weixin.qq.com/doc/offiaccount/Intelligent_Interface/Img_Proc.html
	ImageService service
)
