// Package miniprogram is the WeChat mini program (小程序) API: one service
// per API group, reached as fields of a Client (client.Auth.Code2Session(ctx, code)).
//
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/
package miniprogram

import (
	wechat "github.com/weixin-go/wechat"
)

// Client is a mini program client. It embeds the core client, so the
// generic Call, Stream and Upload and the token accessors are available too.
type Client struct {
	*wechat.Client

	Auth      *AuthService
	UserInfo  *UserInfoService
	Code      *CodeService
	URLScheme *URLSchemeService
	URLLink   *URLLinkService
	ShortLink *ShortLinkService
	NearbyPOI *NearbyPOIService
	Search    *SearchService
	// Stores manages stores (门店); Store, the token store, is a method of
	// the embedded core client.
	Stores           *StoreService
	OCR              *OCRService
	Security         *SecurityService
	LiveRoom         *LiveRoomService
	LiveGoods        *LiveGoodsService
	LiveRole         *LiveRoleService
	LiveSubscribe    *LiveSubscribeService
	CustomMessage    *CustomMessageService
	SubscribeMessage *SubscribeMessageService
	Shipping         *ShippingService
	XPay             *XPayService
	Analytics        *AnalyticsService
	Express          *ExpressService
	ExpressTracking  *ExpressTrackingService
	ExpressProvider  *ExpressProviderService
	VOD              *VODService
	CloudBase        *CloudBaseService
	Intracity        *IntracityService
	// LocalDelivery is 即时配送 through the merchant's own courier accounts.
	LocalDelivery    *LocalDeliveryService
	UpdatableMessage *UpdatableMessageService
	RiskControl      *RiskControlService
	// Plugin manages the plugins the mini program uses; PluginDev the
	// applications to use a plugin, for its developer.
	Plugin    *PluginService
	PluginDev *PluginDevService
	Operation *OperationService
	// UserStorage is the hosted data of mini game users.
	UserStorage *UserStorageService
	// ServiceMarket calls the APIs of services bought on the service market.
	ServiceMarket *ServiceMarketService
}

// New returns a mini program client for cfg.
func New(cfg wechat.Config, opts ...wechat.Option) (*Client, error) {
	cfg.Type = wechat.MiniProgram
	c, err := wechat.NewClient(cfg, opts...)
	if err != nil {
		return nil, err
	}
	return Wrap(c), nil
}

// Wrap returns a mini program client around an existing core client.
func Wrap(c *wechat.Client) *Client {
	s := service{c: c}
	return &Client{
		Client:           c,
		Auth:             (*AuthService)(&s),
		UserInfo:         (*UserInfoService)(&s),
		Code:             (*CodeService)(&s),
		URLScheme:        (*URLSchemeService)(&s),
		URLLink:          (*URLLinkService)(&s),
		ShortLink:        (*ShortLinkService)(&s),
		NearbyPOI:        (*NearbyPOIService)(&s),
		Search:           (*SearchService)(&s),
		Stores:           (*StoreService)(&s),
		OCR:              (*OCRService)(&s),
		Security:         (*SecurityService)(&s),
		LiveRoom:         (*LiveRoomService)(&s),
		LiveGoods:        (*LiveGoodsService)(&s),
		LiveRole:         (*LiveRoleService)(&s),
		LiveSubscribe:    (*LiveSubscribeService)(&s),
		CustomMessage:    (*CustomMessageService)(&s),
		SubscribeMessage: (*SubscribeMessageService)(&s),
		Shipping:         (*ShippingService)(&s),
		XPay:             (*XPayService)(&s),
		Analytics:        (*AnalyticsService)(&s),
		Express:          (*ExpressService)(&s),
		ExpressTracking:  (*ExpressTrackingService)(&s),
		ExpressProvider:  (*ExpressProviderService)(&s),
		VOD:              (*VODService)(&s),
		CloudBase:        (*CloudBaseService)(&s),
		Intracity:        (*IntracityService)(&s),
		LocalDelivery:    (*LocalDeliveryService)(&s),
		UpdatableMessage: (*UpdatableMessageService)(&s),
		RiskControl:      (*RiskControlService)(&s),
		Plugin:           (*PluginService)(&s),
		PluginDev:        (*PluginDevService)(&s),
		Operation:        (*OperationService)(&s),
		UserStorage:      (*UserStorageService)(&s),
		ServiceMarket:    (*ServiceMarketService)(&s),
	}
}

type service struct{ c *wechat.Client }

type (
	// AuthService logs users in (code2session), checks sessions and reads their data (登录, 用户信息).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
	AuthService service
	// UserInfoService decrypts and checks user data and reads phone numbers (用户信息).
	// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html
	UserInfoService service
	// CodeService creates mini program codes and QR codes (小程序码).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getQRCode.html
	CodeService service
	// URLSchemeService generates URL schemes (URL Scheme).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-scheme/generateScheme.html
	URLSchemeService service
	// URLLinkService generates and queries URL Links (URL Link).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-link/generateUrlLink.html
	URLLinkService service
	// ShortLinkService generates Short Links (Short Link).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/short-link/generateShortLink.html
	ShortLinkService service
	// NearbyPOIService manages nearby mini program locations (附近的小程序).
	// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/nearby.html
	NearbyPOIService service
	// SearchService submits pages and images to WeChat search (小程序搜索).
	// https://developers.weixin.qq.com/miniprogram/dev/framework/search/seo.html
	SearchService service
	// StoreService manages the mini program store (小商店 / 门店).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/API/
	StoreService service
	// OCRService recognizes cards, licences and plates (OCR).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/img-ocr/ocr/bankCardOCR.html
	OCRService service
	// SecurityService checks content safety (内容安全).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
	SecurityService service
	// LiveRoomService manages live-broadcast rooms (直播间).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
	LiveRoomService service
	// LiveGoodsService manages live-broadcast goods (直播商品).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
	LiveGoodsService service
	// LiveRoleService manages live-broadcast roles (直播成员).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/role-manage.html
	LiveRoleService service
	// LiveSubscribeService manages live-broadcast subscriptions (直播订阅).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/subscribe-api.html
	LiveSubscribeService service
	// CustomMessageService sends customer-service messages (客服消息).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html
	CustomMessageService service
	// SubscribeMessageService manages and sends subscription messages (订阅消息).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
	SubscribeMessageService service
	// ShippingService manages the shipping information of paid orders (发货信息管理).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
	ShippingService service
	// XPayService reaches the virtual payment APIs (虚拟支付) through Env.
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/virtual-payment.html
	XPayService service
	// AnalyticsService reads the mini program's statistics (数据分析, /datacube).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getDailySummary.html
	AnalyticsService service
	// ExpressService is the logistics assistant (物流助手) and return orders (退货组件).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/addOrder.html
	ExpressService service
	// ExpressTrackingService shows waybill tracking to users (物流服务, 查询组件).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/express_open_msg.html
	ExpressTrackingService service
	// ExpressProviderService is the logistics assistant for courier
	// companies (物流助手 运力方): waybill contacts, route updates, merchant
	// reviews and waybill template previews.
	// https://developers.weixin.qq.com/miniprogram/dev/server/API/express/express-by-provider/
	ExpressProviderService service
	// VODService manages short-drama media (小程序媒资管理, /wxa/sec/vod).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
	VODService service
	// CloudBaseService reaches cloud functions, database and storage (云开发, /tcb).
	// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/
	CloudBaseService service
	// IntracityService is intra-city delivery (同城配送, /cgi-bin/express/intracity).
	// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
	IntracityService service
	// LocalDeliveryService is local delivery with the merchant's own courier
	// accounts (即时配送, /cgi-bin/express/local/business), signed with
	// DeliverySign.
	// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/
	LocalDeliveryService service
	// UpdatableMessageService manages dynamic messages (动态消息).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/updatable-message/createActivityId.html
	UpdatableMessageService service
	// RiskControlService rates user risk and checks SOTER signatures (安全风控, 生物认证).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/safety-control-capability/getUserRiskRank.html
	RiskControlService service
	// PluginService applies for, lists, updates and removes the plugins the
	// mini program uses (插件管理).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePlugin.html
	PluginService service
	// PluginDevService lists, approves, refuses and removes applications to
	// use a plugin, for the plugin's developer (插件申请管理).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePluginApplication.html
	PluginDevService service
	// OperationService reads the operations center: domains, performance,
	// real-time logs, JavaScript errors and user feedback (运维中心).
	// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/operation/getDomainInfo.html
	OperationService service
	// UserStorageService stores the hosted data (CloudStorage) of mini game
	// users, with requests signed by their session_key (开放数据).
	// https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/data/storage.setUserStorage.html
	UserStorageService service
	// ServiceMarketService calls the APIs of services bought on the
	// service market (服务市场, /wxa/servicemarket).
	// https://developers.weixin.qq.com/miniprogram/dev/server/API/wx-service-market/api_invokeservice
	ServiceMarketService service
)
