package channels

import (
	"context"
	"iter"
	"net/http"
	"strconv"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	couponGet          = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/coupon/get"}
	couponGetList      = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/coupon/get_list"}
	couponUpdateStatus = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/coupon/update_status"}
	couponUserList     = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/coupon/get_user_coupon_list"}
)

// CouponPageSize is the page size CouponService.List asks for: the largest
// the docs allow (200).
const CouponPageSize = 200

// Coupon statuses (优惠券状态) of get_list and update_status.
const (
	CouponEditing = 1   // 未生效,编辑中 (after create)
	CouponValid   = 2   // 生效
	CouponExpired = 3   // 已过期
	CouponVoid    = 4   // 已作废
	CouponDeleted = 5   // 删除
	CouponEnded   = 200 // 过期 or 作废 (get_list only)
)

// Coupon is a shop coupon as get answers it.
type Coupon struct {
	CouponID wechat.FlexID `json:"coupon_id"`
	// Type is 1 to 4 for product coupons (商品券), 101 to 104 for shop-wide
	// ones (店铺券).
	Type int `json:"type"`
	// Status is one of the Coupon* statuses.
	Status int `json:"status"`
	// CreateTime and UpdateTime are Unix seconds.
	CreateTime int64           `json:"create_time"`
	UpdateTime int64           `json:"update_time"`
	CouponInfo CouponInfo      `json:"coupon_info"`
	StockInfo  CouponStockInfo `json:"stock_info"`
}

// CouponInfo is the content of a coupon.
type CouponInfo struct {
	Name         string             `json:"name"`
	PromoteInfo  CouponPromoteInfo  `json:"promote_info"`
	DiscountInfo CouponDiscountInfo `json:"discount_info"`
	ValidInfo    CouponValidInfo    `json:"valid_info"`
	ExtInfo      CouponExtInfo      `json:"ext_info"`
}

// CouponPromoteInfo says where the coupon is promoted.
type CouponPromoteInfo struct {
	// PromoteType is 1 in the shop (店铺内推广), 9 for members (会员券),
	// 10 on joining membership (会员开卡礼券).
	PromoteType int `json:"promote_type"`
}

// CouponDiscountInfo is what the coupon takes off and when.
type CouponDiscountInfo struct {
	// DiscountNum is the rate times 1000 (5100 = 5.1折).
	DiscountNum int `json:"discount_num"`
	// DiscountFee is the amount off in fen.
	DiscountFee       int64                   `json:"discount_fee"`
	DiscountCondition CouponDiscountCondition `json:"discount_condition"`
}

// CouponDiscountCondition is when the coupon applies.
type CouponDiscountCondition struct {
	// ProductCnt is the number of items to buy (满 x 件).
	ProductCnt int `json:"product_cnt"`
	// ProductPrice is the amount to spend in fen (满 x 分).
	ProductPrice int64 `json:"product_price"`
	// ProductIDs are the products a product coupon applies to.
	ProductIDs []wechat.FlexID `json:"product_ids"`
}

// CouponValidInfo is how long a received coupon can be used.
type CouponValidInfo struct {
	// ValidType is 1 for StartTime to EndTime (Unix seconds), 2 for
	// ValidDayNum days from receipt.
	ValidType   int   `json:"valid_type"`
	ValidDayNum int   `json:"valid_day_num"`
	StartTime   int64 `json:"start_time"`
	EndTime     int64 `json:"end_time"`
}

// CouponExtInfo is the coupon's extra information.
type CouponExtInfo struct {
	// InvalidTime is when the coupon stops working, Unix seconds.
	InvalidTime int64 `json:"invalid_time"`
}

// CouponStockInfo is the coupon's stock.
type CouponStockInfo struct {
	// IssuedNum is what is left (剩余量), ReceiveNum received and not yet
	// used, UsedNum used.
	IssuedNum  int `json:"issued_num"`
	ReceiveNum int `json:"receive_num"`
	UsedNum    int `json:"used_num"`
}

// Get returns a coupon with its stock.
// https://developers.weixin.qq.com/doc/store/API/coupon/get.html
func (s *CouponService) Get(ctx context.Context, couponID string) (*Coupon, error) {
	body, err := byID("coupon_id", couponID)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		Coupon Coupon `json:"coupon"`
	}](ctx, s.c, couponGet, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Coupon, nil
}

// CouponPage is one page of coupon ids.
type CouponPage struct {
	Coupons []struct {
		CouponID wechat.FlexID `json:"coupon_id"`
	} `json:"coupons"`
	// TotalNum is the number of coupons of the status.
	TotalNum int `json:"total_num"`
	// PageCtx goes into the next ListPage call.
	PageCtx string `json:"page_ctx"`
}

// IDs returns the page's coupon ids.
func (p *CouponPage) IDs() []wechat.FlexID {
	ids := make([]wechat.FlexID, len(p.Coupons))
	for i, c := range p.Coupons {
		ids[i] = c.CouponID
	}
	return ids
}

// ListPage returns page page (from 1) of up to pageSize (1 to 200) ids of the
// coupons of status (a Coupon* status). pageCtx is empty for the first call
// and then the previous page's PageCtx. WeChat refuses a page more than 10
// pages from the previous one (10021036), and a first page from 10 on unless
// it is the last.
// https://developers.weixin.qq.com/doc/store/API/coupon/get_list.html
func (s *CouponService) ListPage(ctx context.Context, status, page, pageSize int, pageCtx string) (*CouponPage, error) {
	switch {
	case status < 1:
		return nil, invalidArg("status", "below 1")
	case page < 1:
		return nil, invalidArg("page", "below 1")
	case pageSize < 1 || pageSize > 200:
		return nil, invalidArg("page_size", "not 1 to 200")
	}
	body := struct {
		Status   int    `json:"status"`
		Page     int    `json:"page"`
		PageSize int    `json:"page_size"`
		PageCtx  string `json:"page_ctx"`
	}{status, page, pageSize, pageCtx}
	return call[CouponPage](ctx, s.c, couponGetList, nil, body)
}

// List iterates over the ids of the coupons of status, CouponPageSize at a
// time, until total_num ids or a short page.
// https://developers.weixin.qq.com/doc/store/API/coupon/get_list.html
func (s *CouponService) List(ctx context.Context, status int) iter.Seq2[wechat.FlexID, error] {
	return couponPages(ctx, func(ctx context.Context, page int, pageCtx string) ([]wechat.FlexID, int, string, error) {
		p, err := s.ListPage(ctx, status, page, CouponPageSize, pageCtx)
		if err != nil {
			return nil, 0, "", err
		}
		return p.IDs(), p.TotalNum, p.PageCtx, nil
	})
}

// couponPages iterates over the pages of a coupon list paged by page number
// and page_ctx, CouponPageSize at a time, until a short page or total items
// (a total of 0 is taken as unknown).
func couponPages[T any](ctx context.Context, fetch func(ctx context.Context, page int, pageCtx string) ([]T, int, string, error)) iter.Seq2[T, error] {
	// The cursor is "page:seen:page_ctx".
	return wechat.CursorPages(ctx, "1:0:", func(ctx context.Context, cursor string) ([]T, string, error) {
		n, rest, _ := strings.Cut(cursor, ":")
		seenS, pageCtx, _ := strings.Cut(rest, ":")
		page, _ := strconv.Atoi(n)
		seen, _ := strconv.Atoi(seenS)
		items, total, next, err := fetch(ctx, page, pageCtx)
		if err != nil {
			return nil, "", err
		}
		seen += len(items)
		if len(items) < CouponPageSize || total > 0 && seen >= total {
			return items, "", nil
		}
		return items, strconv.Itoa(page+1) + ":" + strconv.Itoa(seen) + ":" + next, nil
	})
}

// User coupon statuses (用户优惠券状态) of UserListPage.
const (
	UserCouponValid   = 100 // 生效中
	UserCouponExpired = 101 // 已过期
	UserCouponUsed    = 102 // 已使用
)

// UserCouponRef names a coupon a user holds.
type UserCouponRef struct {
	UserCouponID wechat.FlexID `json:"user_coupon_id"`
	CouponID     wechat.FlexID `json:"coupon_id"`
}

// UserCouponPage is one page of a user's coupons.
type UserCouponPage struct {
	UserCoupons []UserCouponRef `json:"user_coupon_list"`
	// TotalNum is in the docs' example answer only; 0 when left out.
	TotalNum int `json:"total_num"`
	// PageCtx goes into the next UserListPage call.
	PageCtx string `json:"page_ctx"`
}

// UserListPage returns page page (from 1) of up to pageSize (1 to 200) of the
// coupons user openid holds, of status (a UserCoupon* status; 0 for all).
// pageCtx is empty for the first call and then the previous page's PageCtx;
// the page rules of ListPage apply.
// https://developers.weixin.qq.com/doc/store/API/coupon/get_user_coupon_list.html
func (s *CouponService) UserListPage(ctx context.Context, openid string, status, page, pageSize int, pageCtx string) (*UserCouponPage, error) {
	switch {
	case openid == "":
		return nil, invalidArg("openid", "empty")
	case status < 0:
		return nil, invalidArg("status", "below 0")
	case page < 1:
		return nil, invalidArg("page", "below 1")
	case pageSize < 1 || pageSize > 200:
		return nil, invalidArg("page_size", "not 1 to 200")
	}
	body := struct {
		OpenID   string `json:"openid"`
		Status   int    `json:"status,omitempty"`
		Page     int    `json:"page"`
		PageSize int    `json:"page_size"`
		PageCtx  string `json:"page_ctx"`
	}{openid, status, page, pageSize, pageCtx}
	return call[UserCouponPage](ctx, s.c, couponUserList, nil, body)
}

// UserList iterates over the coupons user openid holds, of status (0 for
// all), CouponPageSize at a time.
// https://developers.weixin.qq.com/doc/store/API/coupon/get_user_coupon_list.html
func (s *CouponService) UserList(ctx context.Context, openid string, status int) iter.Seq2[UserCouponRef, error] {
	return couponPages(ctx, func(ctx context.Context, page int, pageCtx string) ([]UserCouponRef, int, string, error) {
		p, err := s.UserListPage(ctx, openid, status, page, CouponPageSize, pageCtx)
		if err != nil {
			return nil, 0, "", err
		}
		return p.UserCoupons, p.TotalNum, p.PageCtx, nil
	})
}

// UpdateStatus moves a coupon to status: CouponValid, CouponVoid or
// CouponDeleted. A new coupon (CouponEditing) can go to any of them.
// https://developers.weixin.qq.com/doc/store/API/coupon/update_status.html
func (s *CouponService) UpdateStatus(ctx context.Context, couponID string, status int) error {
	if err := required("coupon_id", couponID); err != nil {
		return err
	}
	if status != CouponValid && status != CouponVoid && status != CouponDeleted {
		return invalidArg("status", "not 2, 4 or 5")
	}
	body := struct {
		CouponID string `json:"coupon_id"`
		Status   int    `json:"status"`
	}{couponID, status}
	return s.c.Do(ctx, couponUpdateStatus, nil, body, nil)
}
