package channels

import (
	wechat "github.com/weixin-go/wechat"
)

// Client is a WeChat Channels shop (视频号小店 / 微信小店) client. It embeds
// the core client, so the generic Call, Stream and Upload and the token
// accessors are available too.
type Client struct {
	*wechat.Client

	// Basics reads the shop's basic information.
	Basics *BasicsService
	// Products manages the shop's products and their stock.
	Products *ProductService
	// Orders reads and changes orders.
	Orders *OrderService
	// AfterSales handles after-sale requests.
	AfterSales *AfterSaleService
	// Addresses manages the merchant's shipping and return addresses.
	Addresses *AddressService
	// Categories reads the category trees and the shop's categories.
	Categories *CategoryService
	// Funds reads the balance, funds flow and withdrawals, and withdraws.
	Funds *FundsService
	// Coupons reads the shop's coupons and the coupons users hold, and
	// changes coupons' status.
	Coupons *CouponService
	// Warehouses manages regional warehouses and their stock.
	Warehouses *WarehouseService
	// Brands reads the brand library.
	Brands *BrandService
}

// New returns a shop client for cfg: the shop's appid and appsecret, whose
// access tokens come from the same token endpoints as other apps (stable
// token by default). A third-party platform acting for the shop passes
// wechat.WithTokenSource.
func New(cfg wechat.Config, opts ...wechat.Option) (*Client, error) {
	// A shop has no JS-SDK or card tickets.
	cfg.Type = wechat.ChannelsShop
	c, err := wechat.NewClient(cfg, opts...)
	if err != nil {
		return nil, err
	}
	return Wrap(c), nil
}

// Wrap returns a shop client around an existing core client.
func Wrap(c *wechat.Client) *Client {
	s := service{c: c}
	return &Client{
		Client:     c,
		Basics:     (*BasicsService)(&s),
		Products:   (*ProductService)(&s),
		Orders:     (*OrderService)(&s),
		AfterSales: (*AfterSaleService)(&s),
		Addresses:  (*AddressService)(&s),
		Categories: (*CategoryService)(&s),
		Funds:      (*FundsService)(&s),
		Coupons:    (*CouponService)(&s),
		Warehouses: (*WarehouseService)(&s),
		Brands:     (*BrandService)(&s),
	}
}

type service struct{ c *wechat.Client }

type (
	// BasicsService reads the shop's basic information (店铺基础信息).
	// https://developers.weixin.qq.com/doc/store/shop/API/storemanage/index.html
	BasicsService service
	// ProductService adds, updates, lists, lists for sale (上架), delists
	// (下架) and deletes products, and reads and changes their stock (商品管理).
	// https://developers.weixin.qq.com/doc/store/shop/API/product/
	ProductService service
	// OrderService reads orders and changes their price, merchant notes and
	// address (订单管理), and lists the courier companies (物流).
	// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getorderlist.html
	OrderService service
	// AfterSaleService lists, reads, accepts and rejects after-sale
	// requests (售后).
	// https://developers.weixin.qq.com/doc/store/API/aftersale/getaftersalelist.html
	AfterSaleService service
	// AddressService adds, reads, lists, updates and deletes the merchant's
	// addresses (地址管理).
	// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-delivery/address
	AddressService service
	// CategoryService reads the category trees, a category's rules and
	// the categories granted to the shop (类目管理).
	// https://developers.weixin.qq.com/doc/store/shop/guide/catalog/category.html
	CategoryService service
	// FundsService reads the account balance, funds flow and withdrawals,
	// and submits withdrawals (资金结算).
	// https://developers.weixin.qq.com/doc/store/API/funds/getbalance.html
	FundsService service
	// CouponService reads the shop's coupons and their ids, changes their
	// status and lists the coupons users hold (营销管理 优惠券).
	// https://developers.weixin.qq.com/doc/store/shop/guide/marketing/coupon.html
	CouponService service
	// WarehouseService creates, reads, lists and updates regional
	// warehouses (区域仓库), the areas they cover and their priority, and
	// the stock of SKUs in them.
	// https://developers.weixin.qq.com/doc/store/shop/API/warehouse
	WarehouseService service
	// BrandService reads the brand library (品牌库) that brand
	// qualifications (品牌资质) and products name.
	// https://developers.weixin.qq.com/doc/store/shop/guide/catalog/brand.html
	BrandService service
)
