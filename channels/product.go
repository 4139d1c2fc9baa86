package channels

import (
	"context"
	"iter"
	"net/http"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	productAdd         = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/add"}
	productUpdate      = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/update"}
	productGet         = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/get"}
	productList        = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/list/get"}
	productListing     = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/listing"}
	productDelisting   = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/delisting"}
	productDelete      = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/delete"}
	productStockGet    = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/stock/get"}
	productStockUpdate = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/product/stock/update"}
)

// Limits of the product APIs.
const (
	// MaxProductTitle is the longest title, in characters.
	MaxProductTitle = 60
	// MaxProductShortTitle is the longest short title, in characters.
	MaxProductShortTitle = 20
	// MinProductHeadImgs and MaxProductHeadImgs bound the main images (food
	// and fresh-produce categories need at least 4).
	MinProductHeadImgs = 3
	MaxProductHeadImgs = 9
	// MaxProductSKUs is the most SKUs of a product.
	MaxProductSKUs = 500
	// MaxOutProductID is the longest out_product_id, in characters.
	MaxOutProductID = 128
	// MaxProductPage is the largest page of ProductService.List.
	MaxProductPage = 30
)

// Delivery methods (Product.DeliverMethod).
const (
	DeliverExpress     = 0 // 快递发货
	DeliverPhone       = 1 // 无需快递, delivered to the buyer's phone number
	DeliverVirtualAcct = 3 // 无需快递, to the accounts of DeliverAcctType
)

// Product statuses (ProductDetail.Status and ProductListOptions.Status).
const (
	ProductInitial      = 0  // 初始值: never listed
	ProductListed       = 5  // 上架
	ProductRecycled     = 6  // 回收站
	ProductDeleted      = 9  // 彻底删除
	ProductDelisted     = 11 // 自主下架
	ProductViolation    = 13 // 违规下架/风控系统下架
	ProductDepositLow   = 14 // 保证金不足下架
	ProductBrandExpired = 15 // 品牌过期下架
	ProductBanned       = 20 // 商品被封禁
)

// What ProductService.Get returns.
const (
	ProductDataOnline = 1 // the online (listed) data
	ProductDataDraft  = 2 // the draft
	ProductDataBoth   = 3 // both
)

// Stock changes (ProductService.UpdateStock).
const (
	StockIncrease = 1
	StockDecrease = 2
	StockSet      = 3 // not advised under concurrent sales
)

// Product is a product to add or update: the fields WeChat takes. Image
// URLs must be shop images (https://mmecimage.cn/p/...).
type Product struct {
	// ProductID is set for Update only.
	ProductID wechat.FlexID `json:"product_id,omitempty"`
	// OutProductID is the merchant's own id, at most 128 characters; it
	// cannot change once added.
	OutProductID string `json:"out_product_id,omitempty"`
	// Title holds at least 5 meaningful characters, at most 60.
	Title string `json:"title"`
	// ShortTitle is at most 20 characters.
	ShortTitle string `json:"short_title,omitempty"`
	// HeadImgs are 3 to 9 distinct main images.
	HeadImgs []string     `json:"head_imgs"`
	DescInfo *ProductDesc `json:"desc_info,omitempty"`
	// DeliverMethod is DeliverExpress (the default), DeliverPhone or DeliverVirtualAcct.
	DeliverMethod int `json:"deliver_method"`
	// DeliverAcctType (1 WeChat openid, 2 QQ, 3 phone, 4 email) is for
	// DeliverVirtualAcct only.
	DeliverAcctType []int `json:"deliver_acct_type,omitempty"`
	// Cats are the category path, top level first (old three-level tree);
	// CatsV2 the path in the new multi-level tree.
	Cats        []ProductCat  `json:"cats,omitempty"`
	CatsV2      []ProductCat  `json:"cats_v2,omitempty"`
	Attrs       []ProductAttr `json:"attrs,omitempty"`
	ExpressInfo *ExpressInfo  `json:"express_info,omitempty"`
	// SKUs are 1 to 500.
	SKUs []SKU `json:"skus"`
}

// ProductDesc is the product's detail page.
type ProductDesc struct {
	Imgs []string `json:"imgs,omitempty"`
	Desc string   `json:"desc,omitempty"`
}

// ProductCat is one level of a category path.
type ProductCat struct {
	CatID wechat.FlexID `json:"cat_id"`
}

// ProductAttr is a product parameter or a SKU's sales attribute.
type ProductAttr struct {
	AttrKey   string `json:"attr_key"`
	AttrValue string `json:"attr_value"`
}

// ExpressInfo is the freight of an express-delivered product.
type ExpressInfo struct {
	TemplateID wechat.FlexID `json:"template_id,omitempty"`
	// Weight in grams, for templates charged by weight.
	Weight int `json:"weight,omitempty"`
}

// SKU is a stock-keeping unit of a product.
type SKU struct {
	// SKUID is WeChat's id: answered by Get, sent by Update to keep a SKU.
	SKUID    wechat.FlexID `json:"sku_id,omitempty"`
	OutSKUID string        `json:"out_sku_id,omitempty"`
	ThumbImg string        `json:"thumb_img,omitempty"`
	// SalePrice is in fen (分), above 0.
	SalePrice int           `json:"sale_price"`
	StockNum  int           `json:"stock_num"`
	SKUCode   string        `json:"sku_code,omitempty"`
	SKUAttrs  []ProductAttr `json:"sku_attrs,omitempty"`
}

func (p *Product) check() error {
	if p == nil {
		return invalidArg("title", "no product")
	}
	if err := required("title", p.Title); err != nil {
		return err
	}
	switch {
	case utf8.RuneCountInString(p.Title) > MaxProductTitle:
		return invalidArg("title", "longer than 60 characters")
	case utf8.RuneCountInString(p.ShortTitle) > MaxProductShortTitle:
		return invalidArg("short_title", "longer than 20 characters")
	case utf8.RuneCountInString(p.OutProductID) > MaxOutProductID:
		return invalidArg("out_product_id", "longer than 128 characters")
	case len(p.HeadImgs) < MinProductHeadImgs || len(p.HeadImgs) > MaxProductHeadImgs:
		return invalidArg("head_imgs", "must be 3 to 9 images")
	case len(p.SKUs) == 0 || len(p.SKUs) > MaxProductSKUs:
		return invalidArg("skus", "must be 1 to 500 SKUs")
	}
	return nil
}

// AddedProduct is the answer of Add.
type AddedProduct struct {
	ProductID  wechat.FlexID `json:"product_id"`
	CreateTime string        `json:"create_time"`
}

// Add adds a product as a draft; List it (ProductService.Listing) to sell it.
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_addproduct.html
func (s *ProductService) Add(ctx context.Context, p *Product) (*AddedProduct, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Data AddedProduct `json:"data"`
	}](ctx, s.c, productAdd, nil, p)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// Update replaces the draft of the product p.ProductID; a listed product
// keeps selling its online data until the draft is listed again.
// https://developers.weixin.qq.com/doc/store/API/product/update.html
func (s *ProductService) Update(ctx context.Context, p *Product) error {
	if err := p.check(); err != nil {
		return err
	}
	return s.c.Do(ctx, productUpdate, nil, p, nil)
}

// ProductDetail is a product as Get answers it: the Product fields plus
// its state.
type ProductDetail struct {
	Product
	// Status is ProductListed, ProductDelisted...
	Status int `json:"status"`
	// EditStatus is the draft's state: 1 being edited, 2 under review, 3
	// rejected, 4 approved, 7 being uploaded.
	EditStatus int `json:"edit_status"`
}

// ProductData is the answer of Get: Product is the online data (nil for
// ProductDataDraft, or for a product never listed), EditProduct the draft
// (nil for ProductDataOnline).
type ProductData struct {
	Product     *ProductDetail `json:"product"`
	EditProduct *ProductDetail `json:"edit_product"`
}

// Get returns a product: dataType is ProductDataOnline (also for 0),
// ProductDataDraft or ProductDataBoth.
// https://developers.weixin.qq.com/doc/store/API/product/get.html
func (s *ProductService) Get(ctx context.Context, productID string, dataType int) (*ProductData, error) {
	if err := required("product_id", productID); err != nil {
		return nil, err
	}
	if dataType < 0 || dataType > ProductDataBoth {
		return nil, invalidArg("data_type", "must be 1, 2 or 3")
	}
	body := struct {
		ProductID string `json:"product_id"`
		DataType  int    `json:"data_type,omitempty"`
	}{productID, dataType}
	return call[ProductData](ctx, s.c, productGet, nil, body)
}

// ProductListOptions selects the products of List and ListPage.
type ProductListOptions struct {
	// Status selects one status; nil lists every product except drafts
	// never listed and the recycle bin.
	Status *int
	// PageSize is 1 to 30; 0 means 10.
	PageSize int
}

// ProductPage is one page of product ids.
type ProductPage struct {
	ProductIDs []wechat.FlexID `json:"product_ids"`
	// NextKey asks for the next page.
	NextKey  string `json:"next_key"`
	TotalNum int    `json:"total_num"`
}

// ListPage returns one page of product ids: nextKey is "" for the first
// page, then the NextKey of the previous page.
// https://developers.weixin.qq.com/doc/store/API/product/list_get.html
func (s *ProductService) ListPage(ctx context.Context, opts ProductListOptions, nextKey string) (*ProductPage, error) {
	if opts.PageSize == 0 {
		opts.PageSize = 10
	}
	if opts.PageSize < 1 || opts.PageSize > MaxProductPage {
		return nil, invalidArg("page_size", "must be 1 to 30")
	}
	body := struct {
		Status   *int   `json:"status,omitempty"`
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key,omitempty"`
	}{opts.Status, opts.PageSize, nextKey}
	return call[ProductPage](ctx, s.c, productList, nil, body)
}

// List iterates over the ids of the shop's products, page by page.
// https://developers.weixin.qq.com/doc/store/API/product/list_get.html
func (s *ProductService) List(ctx context.Context, opts ProductListOptions) iter.Seq2[wechat.FlexID, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, key string) ([]wechat.FlexID, string, error) {
		p, err := s.ListPage(ctx, opts, key)
		if err != nil {
			return nil, "", err
		}
		return p.ProductIDs, p.NextKey, nil
	})
}

// productOp sends {"product_id": id} to ep.
func (s *ProductService) productOp(ctx context.Context, ep wechat.Endpoint, productID string) error {
	body, err := byID("product_id", productID)
	if err != nil {
		return err
	}
	return s.c.Do(ctx, ep, nil, body, nil)
}

// Listing submits the product's draft to be listed for sale (上架).
// Listing too often gets the shop blocked: check the product's status first.
// https://developers.weixin.qq.com/doc/store/API/product/listing.html
func (s *ProductService) Listing(ctx context.Context, productID string) error {
	return s.productOp(ctx, productListing, productID)
}

// Delisting takes a listed product off sale (下架).
// https://developers.weixin.qq.com/doc/store/API/product/delisting.html
func (s *ProductService) Delisting(ctx context.Context, productID string) error {
	return s.productOp(ctx, productDelisting, productID)
}

// Delete deletes a product; a product under review cannot be deleted.
// https://developers.weixin.qq.com/doc/store/API/product/delete.html
func (s *ProductService) Delete(ctx context.Context, productID string) error {
	return s.productOp(ctx, productDelete, productID)
}

// Stock is the stock of one SKU.
type Stock struct {
	// NormalStockNum is the general stock (通用库存).
	NormalStockNum int `json:"normal_stock_num"`
	// LimitedDiscountStockNum is the flash-sale stock (限时抢购库存).
	LimitedDiscountStockNum int              `json:"limited_discount_stock_num"`
	WarehouseStocks         []WarehouseStock `json:"warehouse_stocks"`
	// TotalStockNum is the general, flash-sale and regional stock together.
	TotalStockNum int `json:"total_stock_num"`
}

// WarehouseStock is a regional stock (区域库存).
type WarehouseStock struct {
	OutWarehouseID string `json:"out_warehouse_id"`
	Num            int    `json:"num"`
	// LockStock is ordered but not yet paid.
	LockStock int `json:"lock_stock"`
}

// Stock returns the stock of a SKU.
// https://developers.weixin.qq.com/doc/store/shop/API/product/get_stock.html
func (s *ProductService) Stock(ctx context.Context, productID, skuID string) (*Stock, error) {
	if err := required("product_id", productID, "sku_id", skuID); err != nil {
		return nil, err
	}
	body := struct {
		ProductID string `json:"product_id"`
		SKUID     string `json:"sku_id"`
	}{productID, skuID}
	out, err := call[struct {
		Data Stock `json:"data"`
	}](ctx, s.c, productStockGet, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// UpdateStock changes the stock of a SKU at once: diffType is
// StockIncrease or StockDecrease by num (above 0), or StockSet to num. It
// works on products listed at least once whose draft is not under review.
// https://developers.weixin.qq.com/doc/store/shop/API/product/stock_update.html
func (s *ProductService) UpdateStock(ctx context.Context, productID, skuID string, diffType, num int) error {
	if err := required("product_id", productID, "sku_id", skuID); err != nil {
		return err
	}
	switch {
	case diffType < StockIncrease || diffType > StockSet:
		return invalidArg("diff_type", "must be 1, 2 or 3")
	case num < 0 || (num == 0 && diffType != StockSet):
		return invalidArg("num", "must be above 0")
	}
	body := struct {
		ProductID string `json:"product_id"`
		SKUID     string `json:"sku_id"`
		DiffType  int    `json:"diff_type"`
		Num       int    `json:"num"`
	}{productID, skuID, diffType, num}
	return s.c.Do(ctx, productStockUpdate, nil, body, nil)
}
