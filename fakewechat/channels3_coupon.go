package fakewechat

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Channels shop coupons (微信小店 优惠券), kept per app: see the "Channels
// shop" section of the package doc for the rules.
func init() {
	builtin = append(builtin, registerChannelsCoupons)
	stdMessages[CodeChannelsCouponStatus] = "优惠券状态不对"
	stdMessages[CodeChannelsCouponNotExpired] = "优惠券还没过期"
	stdMessages[CodeChannelsCouponPageGap] = "分页拉优惠券列表,页码与上次请求相差过大"
	stdMessages[CodeChannelsCouponNotFound] = "优惠券不存在"
}

// Errcodes of the coupon pages.
const (
	CodeChannelsCouponStatus     = 10021001 // 优惠券状态不对
	CodeChannelsCouponNotExpired = 10021003 // 优惠券还没过期
	CodeChannelsCouponPageGap    = 10021036 // 页码与上次请求相差过大
	CodeChannelsCouponNotFound   = 10021037 // 优惠券不存在
)

// ChannelsCoupon is a coupon ChannelsAddCoupon puts in a shop. Zero fields
// take the defaults: Type 104 (店铺直减券), Name "测试券", Status 1
// (editing), ValidDayNum 7.
type ChannelsCoupon struct {
	Type         int
	Name         string
	Status       int
	DiscountNum  int   // rate times 1000
	DiscountFee  int64 // fen
	ProductCnt   int
	ProductPrice int64 // fen
	ProductIDs   []string
	ValidDayNum  int
	IssuedNum    int // stock left
}

type chCoupon struct {
	ID      string
	C       ChannelsCoupon
	Created int64
	Updated int64
}

type chCoupons struct {
	mu   sync.Mutex
	next int64
	list []*chCoupon
	// users holds the coupons given to users, in the order given.
	nextUser int64
	users    []*chUserCoupon
}

type chUserCoupon struct {
	ID, CouponID, OpenID string
	Status               int // 100 valid, 101 expired, 102 used
}

func (s *Server) chCoupons(appid string) *chCoupons {
	return Value(s.State(appid), "channels.coupons", func() *chCoupons { return &chCoupons{next: 12639900, nextUser: 109694341} })
}

func (c *chCoupons) find(id string) (*chCoupon, *Error) {
	for _, x := range c.list {
		if id != "" && x.ID == id {
			return x, nil
		}
	}
	return nil, ErrCode(CodeChannelsCouponNotFound)
}

// ChannelsAddCoupon puts coupon c in appid's shop and returns its id
// (from 12639900).
func (s *Server) ChannelsAddCoupon(appid string, c ChannelsCoupon) string {
	if c.Type == 0 {
		c.Type = 104
	}
	if c.Name == "" {
		c.Name = "测试券"
	}
	if c.Status == 0 {
		c.Status = 1
	}
	if c.ValidDayNum == 0 {
		c.ValidDayNum = 7
	}
	c.ProductIDs = append([]string{}, c.ProductIDs...)
	cs := s.chCoupons(appid)
	cs.mu.Lock()
	defer cs.mu.Unlock()
	now := s.Now().Unix()
	x := &chCoupon{ID: strconv.FormatInt(cs.next, 10), C: c, Created: now, Updated: now}
	cs.next++
	cs.list = append(cs.list, x)
	return x.ID
}

// ChannelsGiveCoupon gives user openid one of appid's coupons in effect
// (status 2) and returns the user coupon's id (from 109694341, status 100).
func (s *Server) ChannelsGiveCoupon(appid, openid, couponID string) (string, error) {
	cs := s.chCoupons(appid)
	cs.mu.Lock()
	defer cs.mu.Unlock()
	x, e := cs.find(couponID)
	if e != nil || x.C.Status != 2 || openid == "" {
		return "", fmt.Errorf("fakewechat: coupon %q is not in effect", couponID)
	}
	u := &chUserCoupon{ID: strconv.FormatInt(cs.nextUser, 10), CouponID: x.ID, OpenID: openid, Status: 100}
	cs.nextUser++
	cs.users = append(cs.users, u)
	return u.ID, nil
}

// chCouponPageIn is the paging of get_list and get_user_coupon_list.
type chCouponPageIn struct {
	Page     *int    `json:"page"`
	PageSize *int    `json:"page_size"`
	PageCtx  *string `json:"page_ctx"`
}

// answer checks the paging against all and answers its page under key with
// total_num and page_ctx.
func (in *chCouponPageIn) answer(key string, all []M) (any, error) {
	page, size, pageCtx := in.Page, in.PageSize, in.PageCtx
	if page == nil || size == nil || pageCtx == nil || *page < 1 || *size < 1 || *size > 200 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: page >= 1, page_size 1 to 200 and page_ctx required")
	}
	prev, isCtx := strings.CutPrefix(*pageCtx, "chcp:")
	p, err := strconv.Atoi(prev)
	switch {
	case *pageCtx == "":
		if *page >= 10 && *page != max(1, (len(all)+*size-1) / *size) {
			return nil, ErrCode(CodeChannelsCouponPageGap)
		}
	case !isCtx || err != nil:
		return nil, Errorf(CodeInvalidArgs, "invalid args: page_ctx")
	case *page-p > 10 || p-*page > 10:
		return nil, ErrCode(CodeChannelsCouponPageGap)
	}
	start := min((*page-1)**size, len(all))
	items := append([]M{}, all[start:min(start+*size, len(all))]...)
	return OK(M{key: items, "total_num": len(all), "page_ctx": "chcp:" + strconv.Itoa(*page)}), nil
}

// view renders a coupon as coupon/get answers it.
func (x *chCoupon) view() M {
	c := x.C
	return M{
		"coupon_id": x.ID, "type": c.Type, "status": c.Status,
		"create_time": x.Created, "update_time": x.Updated,
		"coupon_info": M{
			"name":         c.Name,
			"promote_info": M{"promote_type": 1},
			"discount_info": M{"discount_num": c.DiscountNum, "discount_fee": c.DiscountFee,
				"discount_condition": M{"product_cnt": c.ProductCnt, "product_price": c.ProductPrice, "product_ids": c.ProductIDs}},
			"valid_info": M{"valid_type": 2, "valid_day_num": c.ValidDayNum, "start_time": 0, "end_time": 0},
			"ext_info":   M{"invalid_time": 0},
		},
		"stock_info": M{"issued_num": c.IssuedNum, "receive_num": 0, "used_num": 0},
	}
}

// chCouponListed reports whether a coupon of status s is listed under the
// get_list status want (200: expired or void).
func chCouponListed(s, want int) bool {
	return s == want || want == 200 && (s == 3 || s == 4)
}

func registerChannelsCoupons(s *Server) {
	handle := func(pattern string, fn func(r *Request, c *chCoupons) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			if _, err := r.JSON(); err != nil {
				return nil, err
			}
			c := s.chCoupons(r.AppID)
			c.mu.Lock()
			defer c.mu.Unlock()
			return fn(r, c)
		})
	}
	handle("POST /channels/ec/coupon/get", func(r *Request, c *chCoupons) (any, error) {
		var in struct {
			CouponID json.RawMessage `json:"coupon_id"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		x, e := c.find(rawID(in.CouponID))
		if e != nil {
			return nil, e
		}
		return OK(M{"coupon": x.view()}), nil
	})
	handle("POST /channels/ec/coupon/get_list", func(r *Request, c *chCoupons) (any, error) {
		var in struct {
			Status *int `json:"status"`
			chCouponPageIn
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		if in.Status == nil || !slices.Contains([]int{1, 2, 3, 4, 5, 200}, *in.Status) {
			return nil, ErrCode(CodeChannelsCouponStatus)
		}
		var all []M
		for _, x := range c.list {
			if chCouponListed(x.C.Status, *in.Status) {
				all = append(all, M{"coupon_id": x.ID})
			}
		}
		return in.answer("coupons", all)
	})
	handle("POST /channels/ec/coupon/get_user_coupon_list", func(r *Request, c *chCoupons) (any, error) {
		var in struct {
			OpenID string `json:"openid"`
			Status *int   `json:"status"`
			chCouponPageIn
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		if in.OpenID == "" {
			return nil, ErrCode(40003)
		}
		if in.Status != nil && !slices.Contains([]int{100, 101, 102}, *in.Status) {
			return nil, ErrCode(CodeChannelsCouponStatus)
		}
		var all []M
		for _, u := range c.users {
			if u.OpenID == in.OpenID && (in.Status == nil || u.Status == *in.Status) {
				all = append(all, M{"user_coupon_id": u.ID, "coupon_id": u.CouponID})
			}
		}
		return in.answer("user_coupon_list", all)
	})
	handle("POST /channels/ec/coupon/update_status", func(r *Request, c *chCoupons) (any, error) {
		var in struct {
			CouponID json.RawMessage `json:"coupon_id"`
			Status   *int            `json:"status"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		x, e := c.find(rawID(in.CouponID))
		if e != nil {
			return nil, e
		}
		if in.Status == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: status required")
		}
		from, to := x.C.Status, *in.Status
		switch {
		case to == 2 && from == 1, to == 4 && (from == 1 || from == 2), to == 5 && (from == 1 || from == 3 || from == 4):
		case to == 5 && from == 2:
			return nil, ErrCode(CodeChannelsCouponNotExpired)
		default:
			return nil, ErrCode(CodeChannelsCouponStatus)
		}
		x.C.Status, x.Updated = to, r.Now().Unix()
		return nil, nil
	})
}
