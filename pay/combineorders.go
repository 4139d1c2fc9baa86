package pay

import (
	"context"
	"fmt"
)

// CombinePrepayApp creates a combined APP order (POST
// /v3/combine-transactions/app). Pass the prepay_id to Client.AppPayParams
// with the CombineAppID: the APP call-up's partnerid is combine_mchid, the
// client's merchant (for a service provider too).
//
// See https://pay.weixin.qq.com/docs/merchant/products/combine-payment/apilist-app.html
func (c *Client) CombinePrepayApp(ctx context.Context, req *CombinePrepayRequest) (*PrepayResponse, error) {
	r, err := c.combine(req)
	if err != nil {
		return nil, err
	}
	return call[PrepayResponse](ctx, c, post("/v3/combine-transactions/app", r))
}

// CombinePrepayH5 creates a combined H5 order (POST
// /v3/combine-transactions/h5); SceneInfo.PayerClientIP is required.
// Send the user to the h5_url.
//
// See https://pay.weixin.qq.com/docs/merchant/products/combine-payment/apilist-h5.html
func (c *Client) CombinePrepayH5(ctx context.Context, req *CombinePrepayRequest) (*H5Response, error) {
	r, err := c.combine(req)
	if err != nil {
		return nil, err
	}
	if r.SceneInfo == nil || r.SceneInfo.PayerClientIP == "" {
		return nil, argError("scene_info.payer_client_ip", "is required for a combined H5 order")
	}
	return call[H5Response](ctx, c, post("/v3/combine-transactions/h5", r))
}

// CombinePrepayNative creates a combined Native (QR code) order (POST
// /v3/combine-transactions/native); show the code_url as a QR code.
//
// See https://pay.weixin.qq.com/docs/merchant/products/combine-payment/apilist-native.html
func (c *Client) CombinePrepayNative(ctx context.Context, req *CombinePrepayRequest) (*NativeResponse, error) {
	r, err := c.combine(req)
	if err != nil {
		return nil, err
	}
	return call[NativeResponse](ctx, c, post("/v3/combine-transactions/native", r))
}

// QueryCombineTransaction queries a combined order by its
// combine_out_trade_no (GET
// /v3/combine-transactions/out-trade-no/{combine_out_trade_no}), merchant
// or service provider. Each sub-order carries its own trade_state.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/combine-payment/orders/query-order.html
func (c *Client) QueryCombineTransaction(ctx context.Context, combineOutTradeNo string) (*CombineTransaction, error) {
	if err := need("combineOutTradeNo", combineOutTradeNo); err != nil {
		return nil, err
	}
	return call[CombineTransaction](ctx, c, get(pathf("/v3/combine-transactions/out-trade-no/{combine_out_trade_no}", combineOutTradeNo), nil))
}

// CombineCloseSubOrder names a sub-order to close: exactly the sub-orders
// (mchid, out_trade_no and, for a service provider, sub_mchid) the combined
// order was created with. MchID defaults to the client's merchant id.
type CombineCloseSubOrder struct {
	MchID      string `json:"mchid"`
	OutTradeNo string `json:"out_trade_no"`
	SubMchID   string `json:"sub_mchid,omitempty"`
	SubAppID   string `json:"sub_appid,omitempty"`
}

type combineClose struct {
	CombineAppID string                 `json:"combine_appid"`
	SubOrders    []CombineCloseSubOrder `json:"sub_orders"`
}

// CloseCombineTransaction closes an unpaid combined order (POST
// /v3/combine-transactions/out-trade-no/{combine_out_trade_no}/close; 204).
// A combined order closes only as a whole: pass every sub-order. Safe to
// repeat.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/combine-payment/orders/close-order.html
func (c *Client) CloseCombineTransaction(ctx context.Context, combineAppID, combineOutTradeNo string, subOrders []CombineCloseSubOrder) error {
	if err := need("combineAppID", combineAppID, "combineOutTradeNo", combineOutTradeNo); err != nil {
		return err
	}
	if len(subOrders) == 0 || len(subOrders) > 50 {
		return argError("sub_orders", fmt.Sprintf("needs 1-50 sub-orders, got %d", len(subOrders)))
	}
	body := combineClose{combineAppID, append([]CombineCloseSubOrder(nil), subOrders...)}
	for i := range body.SubOrders {
		so := &body.SubOrders[i]
		if so.OutTradeNo == "" {
			return argError("sub_orders.out_trade_no", "is required")
		}
		if so.MchID == "" {
			so.MchID = c.mchid
		}
	}
	return c.do(ctx, post(pathf("/v3/combine-transactions/out-trade-no/{combine_out_trade_no}/close", combineOutTradeNo), body), nil)
}

// partnerCombine checks that every sub-order of a service provider's
// combined order names its sub-merchant.
func partnerCombine(req *CombinePrepayRequest) error {
	if req == nil {
		return argError("CombinePrepayRequest", "is nil")
	}
	for _, so := range req.SubOrders {
		if so.SubMchID == "" {
			return argError("sub_orders.sub_mchid", "every sub-order of a service provider names its sub-merchant")
		}
	}
	return nil
}

// CombinePrepayApp creates a combined APP order of sub-merchants as a
// service provider (POST /v3/combine-transactions/app, sub_mchid in every
// sub-order). Pass the prepay_id to Client.AppPayParams (partnerid is the
// provider, combine_mchid).
//
// See https://pay.weixin.qq.com/docs/partner/products/combine-payment/apilist-app.html
func (s *PartnerService) CombinePrepayApp(ctx context.Context, req *CombinePrepayRequest) (*PrepayResponse, error) {
	if err := partnerCombine(req); err != nil {
		return nil, err
	}
	return s.c.CombinePrepayApp(ctx, req)
}

// CombinePrepayH5 creates a combined H5 order of sub-merchants as a service
// provider (POST /v3/combine-transactions/h5, sub_mchid in every sub-order).
//
// See https://pay.weixin.qq.com/docs/partner/products/combine-payment/apilist-h5.html
func (s *PartnerService) CombinePrepayH5(ctx context.Context, req *CombinePrepayRequest) (*H5Response, error) {
	if err := partnerCombine(req); err != nil {
		return nil, err
	}
	return s.c.CombinePrepayH5(ctx, req)
}

// CombinePrepayNative creates a combined Native order of sub-merchants as a
// service provider (POST /v3/combine-transactions/native, sub_mchid in
// every sub-order).
//
// See https://pay.weixin.qq.com/docs/merchant/products/combine-payment/apilist-native.html
func (s *PartnerService) CombinePrepayNative(ctx context.Context, req *CombinePrepayRequest) (*NativeResponse, error) {
	if err := partnerCombine(req); err != nil {
		return nil, err
	}
	return s.c.CombinePrepayNative(ctx, req)
}

// CloseCombineTransaction closes a service provider's unpaid combined order
// (POST /v3/combine-transactions/out-trade-no/{combine_out_trade_no}/close):
// every sub-order names its SubMchID (and SubAppID when the order had one).
//
// See https://pay.weixin.qq.com/docs/partner/apis/combine-payment/orders/close-order.html
func (s *PartnerService) CloseCombineTransaction(ctx context.Context, combineAppID, combineOutTradeNo string, subOrders []CombineCloseSubOrder) error {
	for _, so := range subOrders {
		if so.SubMchID == "" {
			return argError("sub_orders.sub_mchid", "every sub-order of a service provider names its sub-merchant")
		}
	}
	return s.c.CloseCombineTransaction(ctx, combineAppID, combineOutTradeNo, subOrders)
}
