package channels

import (
	"context"
	"encoding/json"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	categoryAll       = wechat.Endpoint{Method: http.MethodPost, Path: "/shop/ec/category/all"}
	categoryDetail    = wechat.Endpoint{Method: http.MethodPost, Path: "/shop/ec/category/detail"}
	categoryAvailable = wechat.Endpoint{Method: http.MethodGet, Path: "/channels/ec/category/list/get"}
)

// Categories is the answer of CategoryService.All: the old three-level
// tree (Cats) and the new multi-level one (CatsV2), whose leaves (品类)
// are the same in both.
type Categories struct {
	Cats   []CategoryGroup `json:"cats"`
	CatsV2 []CategoryGroup `json:"cats_v2"`
}

// CategoryGroup holds categories with their qualifications.
type CategoryGroup struct {
	CatAndQua []CategoryAndQua `json:"cat_and_qua"`
}

// CategoryAndQua is a category and the qualifications it asks for.
type CategoryAndQua struct {
	Cat Category `json:"cat"`
	// Qua is what selling in the category needs.
	Qua CategoryQua `json:"qua"`
	// BrandQua and ProductQuaList are the brand and product
	// qualifications, as WeChat answers them.
	BrandQua       json.RawMessage `json:"brand_qua,omitempty"`
	ProductQuaList json.RawMessage `json:"product_qua_list,omitempty"`
	// IsConfidenceRequireBadMustPay is true when 放心买 must cover damage
	// (坏损包赔).
	IsConfidenceRequireBadMustPay bool `json:"is_confidence_require_bad_must_pay"`
}

// Category is one node of a category tree.
type Category struct {
	CatID wechat.FlexID `json:"cat_id"`
	Name  string        `json:"name"`
	// FCatID is the parent's id (0 at the top).
	FCatID wechat.FlexID `json:"f_cat_id"`
	Level  int           `json:"level"`
	// Leaf marks a leaf (品类) of the new tree.
	Leaf bool `json:"leaf"`
}

// CategoryQua is the qualification a category needs.
type CategoryQua struct {
	QuaID wechat.FlexID `json:"qua_id"`
	// NeedToApply is true when the category must be applied for before use.
	NeedToApply bool   `json:"need_to_apply"`
	Tips        string `json:"tips"`
	// Mandatory is true when the application must include the
	// qualification.
	Mandatory bool `json:"mandatory"`
	// CertGroupList lists the licence groups, as WeChat answers them.
	CertGroupList json.RawMessage `json:"cert_group_list,omitempty"`
}

// All returns every category, with the qualifications each needs.
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-category/api_getallcategory.html
func (s *CategoryService) All(ctx context.Context) (*Categories, error) {
	return call[Categories](ctx, s.c, categoryAll, nil, nil)
}

// CategoryDetail is the answer of CategoryService.Detail.
type CategoryDetail struct {
	Info struct {
		CatID wechat.FlexID `json:"cat_id"`
		Name  string        `json:"name"`
	} `json:"info"`
	Attr CategoryAttr `json:"attr"`
	// ProductQuaList lists the product qualifications, as WeChat answers
	// them.
	ProductQuaList json.RawMessage `json:"product_qua_list,omitempty"`
}

// CategoryAttr holds the rules of a leaf category. The lists and objects
// whose fields the docs do not spell out are kept as WeChat answers them.
type CategoryAttr struct {
	// ShopNoShipment is true when virtual delivery (无需快递) is allowed.
	ShopNoShipment bool `json:"shop_no_shipment"`
	// AccessPermitRequired is true for a category open by invitation
	// (定向准入).
	AccessPermitRequired bool `json:"access_permit_required"`
	PreSale              bool `json:"pre_sale"`
	// SevenDayReturn is true when 7-day no-reason returns are compulsory.
	SevenDayReturn bool `json:"seven_day_return"`
	// Deposit is the category's deposit, in fen.
	Deposit            int64           `json:"deposit"`
	BrandList          json.RawMessage `json:"brand_list,omitempty"`
	ProductAttrList    json.RawMessage `json:"product_attr_list,omitempty"`
	SaleAttrList       json.RawMessage `json:"sale_attr_list,omitempty"`
	TransactionfeeInfo json.RawMessage `json:"transactionfee_info,omitempty"`
	CouponRule         json.RawMessage `json:"coupon_rule,omitempty"`
}

// Detail returns the rules of a leaf category (品类): catID is numeric.
// https://developers.weixin.qq.com/doc/store/API/category/getcategorydetail.html
func (s *CategoryService) Detail(ctx context.Context, catID wechat.FlexID) (*CategoryDetail, error) {
	if err := required("cat_id", catID.String()); err != nil {
		return nil, err
	}
	if _, err := catID.Int64(); err != nil {
		return nil, invalidArg("cat_id", "not a number")
	}
	body := struct {
		CatID json.Number `json:"cat_id"`
	}{catID.Number()}
	return call[CategoryDetail](ctx, s.c, categoryDetail, nil, body)
}

// AvailableCategory is a category the shop may sell in and the
// qualification it was granted with ("0" for none).
type AvailableCategory struct {
	CatID wechat.FlexID `json:"cat_id"`
	QuaID wechat.FlexID `json:"qua_id"`
}

// Available returns the categories granted to the shop and their
// qualifications. A category's requirements may change since: check them
// (Detail) before adding products.
// https://developers.weixin.qq.com/doc/store/API/category/getavailablebizcat.html
func (s *CategoryService) Available(ctx context.Context) ([]AvailableCategory, error) {
	out, err := call[struct {
		List []AvailableCategory `json:"list"`
	}](ctx, s.c, categoryAvailable, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}
