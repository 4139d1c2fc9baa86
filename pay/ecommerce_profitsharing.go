package pay

import (
	"context"
	"strings"
)

// E-commerce profit sharing (电商收付通分账): the platform splits the frozen
// amount of a sub-merchant's order paid with settle_info.profit_sharing
// among the receivers it registered once for all its sub-merchants. The
// methods below are on EcommerceService; the types reuse ReceiverType,
// ProfitSharingState, ReceiverResult and ReturnResult of
// ProfitSharingService where the values are the same.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/orders/create-order.html

// EcommerceRelation is the relation of an e-commerce receiver to the
// platform (relation_type).
type EcommerceRelation string

// E-commerce receiver relations.
const (
	EcommerceRelationSupplier        EcommerceRelation = "SUPPLIER"
	EcommerceRelationDistributor     EcommerceRelation = "DISTRIBUTOR"
	EcommerceRelationServiceProvider EcommerceRelation = "SERVICE_PROVIDER"
	EcommerceRelationPlatform        EcommerceRelation = "PLATFORM"
	EcommerceRelationOthers          EcommerceRelation = "OTHERS"
)

// EcommerceSplitReceiver is one receiver of an e-commerce split: Type is
// ReceiverMerchantID or ReceiverPersonalOpenID. ReceiverName is PLAIN TEXT
// (CreateProfitSharingOrder encrypts it); WeChat Pay checks it against the
// account when set. The docs require Wechatpay-Serial on this request for
// its sensitive field; the field's name receiver_name is the one of the
// earlier version of the page (the current page's receiver table was not
// fully readable).
type EcommerceSplitReceiver struct {
	Type            ReceiverType `json:"type"`
	ReceiverAccount string       `json:"receiver_account"`
	ReceiverName    string       `json:"receiver_name,omitempty"`
	Amount          int64        `json:"amount"`
	Description     string       `json:"description"`
}

// EcommerceSplitRequest is the body of the e-commerce split API. AppID is
// required with PERSONAL_OPENID receivers. Finish true unfreezes the rest
// of the order to the sub-merchant after this split.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/orders/create-order.html
type EcommerceSplitRequest struct {
	AppID         string                   `json:"appid,omitempty"`
	SubMchID      string                   `json:"sub_mchid"`
	TransactionID string                   `json:"transaction_id"`
	OutOrderNo    string                   `json:"out_order_no"`
	Receivers     []EcommerceSplitReceiver `json:"receivers"`
	Finish        bool                     `json:"finish"`
}

// EcommerceSplitDetail is a receiver line of an EcommerceSplit.
// ReceiverMchID is the merchant that received it (receiver_mchid).
type EcommerceSplitDetail struct {
	ReceiverMchID   string         `json:"receiver_mchid,omitempty"`
	ReceiverAccount string         `json:"receiver_account"`
	Type            ReceiverType   `json:"type"`
	Amount          int64          `json:"amount"`
	Description     string         `json:"description"`
	Result          ReceiverResult `json:"result"`
	FailReason      string         `json:"fail_reason,omitempty"`
	FinishTime      string         `json:"finish_time,omitempty"`
	DetailID        string         `json:"detail_id,omitempty"`
}

// EcommerceSplit is an e-commerce split (or finish) as WeChat Pay returns
// it. Status is ProfitSharingProcessing or ProfitSharingFinished. The
// query of a finish has no Receivers but FinishAmount and
// FinishDescription.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/orders/query-order.html
type EcommerceSplit struct {
	SubMchID          string                 `json:"sub_mchid"`
	TransactionID     string                 `json:"transaction_id"`
	OutOrderNo        string                 `json:"out_order_no"`
	OrderID           string                 `json:"order_id"`
	Status            ProfitSharingState     `json:"status,omitempty"`
	Receivers         []EcommerceSplitDetail `json:"receivers,omitempty"`
	FinishAmount      int64                  `json:"finish_amount,omitempty"`
	FinishDescription string                 `json:"finish_description,omitempty"`
}

// psOrderNo reports whether s is a valid out_order_no / out_return_no: at
// most 64 digits, letters and _-|*@.
func psOrderNo(s string) bool {
	return len(s) <= 64 && strings.Trim(s, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-|*@") == ""
}

// CreateProfitSharingOrder splits a sub-merchant's frozen order among
// receivers (POST /v3/ecommerce/profitsharing/orders); receiver names are
// encrypted here. Asynchronous: follow it with QueryProfitSharingOrder.
// Safe to retry with the same OutOrderNo and content.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/orders/create-order.html
func (s *EcommerceService) CreateProfitSharingOrder(ctx context.Context, req *EcommerceSplitRequest) (*EcommerceSplit, error) {
	if req == nil {
		return nil, argError("EcommerceSplitRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID, "transaction_id", req.TransactionID, "out_order_no", req.OutOrderNo); err != nil {
		return nil, err
	}
	if !psOrderNo(req.OutOrderNo) {
		return nil, argError("out_order_no", "must be at most 64 digits, letters and _-|*@")
	}
	if n := len(req.Receivers); n == 0 || n > 50 {
		return nil, argError("receivers", "1 to 50 receivers are required")
	}
	r := *req
	r.Receivers = append([]EcommerceSplitReceiver(nil), req.Receivers...)
	names := make([]*string, 0, len(r.Receivers))
	for i := range r.Receivers {
		x := &r.Receivers[i]
		if x.Type == "" || x.ReceiverAccount == "" || x.Amount <= 0 || x.Description == "" {
			return nil, argError("receivers", "each receiver needs Type, ReceiverAccount, Description and a positive Amount")
		}
		if x.Type == ReceiverPersonalOpenID && r.AppID == "" {
			return nil, argError("appid", "is required with PERSONAL_OPENID receivers")
		}
		names = append(names, &x.ReceiverName)
	}
	return postSealed[EcommerceSplit](ctx, s.c, "/v3/ecommerce/profitsharing/orders", &r, names...)
}

// QueryProfitSharingOrder queries a split or a finish by its out_order_no
// (GET /v3/ecommerce/profitsharing/orders?sub_mchid=&transaction_id=&out_order_no=).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/orders/query-order.html
func (s *EcommerceService) QueryProfitSharingOrder(ctx context.Context, subMchID, transactionID, outOrderNo string) (*EcommerceSplit, error) {
	if err := need("subMchID", subMchID, "transactionID", transactionID, "outOrderNo", outOrderNo); err != nil {
		return nil, err
	}
	return call[EcommerceSplit](ctx, s.c, get("/v3/ecommerce/profitsharing/orders",
		query("sub_mchid", subMchID, "transaction_id", transactionID, "out_order_no", outOrderNo)))
}

// EcommerceReturnRequest is the body of the e-commerce return API: take
// back Amount from the merchant receiver ReturnMchID for the split OrderID
// or OutOrderNo (exactly one) of SubMchID.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/return-orders/create-return-order.html
type EcommerceReturnRequest struct {
	SubMchID      string `json:"sub_mchid"`
	OrderID       string `json:"order_id,omitempty"`
	OutOrderNo    string `json:"out_order_no,omitempty"`
	OutReturnNo   string `json:"out_return_no"`
	ReturnMchID   string `json:"return_mchid"`
	Amount        int64  `json:"amount"`
	Description   string `json:"description"`
	TransactionID string `json:"transaction_id,omitempty"`
}

// EcommerceReturn is an e-commerce return as WeChat Pay returns it. Result
// is ReturnProcessing, ReturnSuccess or "FAIL" (FailReason says why).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/return-orders/query-return-order.html
type EcommerceReturn struct {
	SubMchID    string       `json:"sub_mchid"`
	OrderID     string       `json:"order_id"`
	OutOrderNo  string       `json:"out_order_no"`
	OutReturnNo string       `json:"out_return_no"`
	ReturnMchID string       `json:"return_mchid"`
	ReturnNo    string       `json:"return_no"`
	Amount      int64        `json:"amount"`
	Result      ReturnResult `json:"result"`
	FailReason  string       `json:"fail_reason,omitempty"`
	FinishTime  string       `json:"finish_time,omitempty"`
}

// ReturnProfitSharing takes back part of a split from a merchant receiver
// (POST /v3/ecommerce/profitsharing/returnorders). Synchronous; safe to
// retry with the same OutReturnNo and content.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/return-orders/create-return-order.html
func (s *EcommerceService) ReturnProfitSharing(ctx context.Context, req *EcommerceReturnRequest) (*EcommerceReturn, error) {
	if req == nil {
		return nil, argError("EcommerceReturnRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID, "out_return_no", req.OutReturnNo, "return_mchid", req.ReturnMchID, "description", req.Description); err != nil {
		return nil, err
	}
	switch {
	case (req.OrderID == "") == (req.OutOrderNo == ""):
		return nil, argError("out_order_no", "exactly one of OrderID and OutOrderNo is required")
	case !psOrderNo(req.OutReturnNo):
		return nil, argError("out_return_no", "must be at most 64 digits, letters and _-|*@")
	case req.Amount <= 0:
		return nil, argError("amount", "must be positive (fen)")
	}
	return call[EcommerceReturn](ctx, s.c, post("/v3/ecommerce/profitsharing/returnorders", req))
}

// QueryProfitSharingReturn queries a return (GET
// /v3/ecommerce/profitsharing/returnorders?sub_mchid=&order_id=|out_order_no=&out_return_no=);
// give exactly one of orderID and outOrderNo.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/return-orders/query-return-order.html
func (s *EcommerceService) QueryProfitSharingReturn(ctx context.Context, subMchID, orderID, outOrderNo, outReturnNo string) (*EcommerceReturn, error) {
	if err := need("subMchID", subMchID, "outReturnNo", outReturnNo); err != nil {
		return nil, err
	}
	if (orderID == "") == (outOrderNo == "") {
		return nil, argError("outOrderNo", "exactly one of orderID and outOrderNo is required")
	}
	return call[EcommerceReturn](ctx, s.c, get("/v3/ecommerce/profitsharing/returnorders",
		query("sub_mchid", subMchID, "order_id", orderID, "out_order_no", outOrderNo, "out_return_no", outReturnNo)))
}

// EcommerceFinishRequest is the body of the finish API: unfreeze the rest
// of an order to the sub-merchant and end its profit sharing.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/orders/finish-order.html
type EcommerceFinishRequest struct {
	SubMchID      string `json:"sub_mchid"`
	TransactionID string `json:"transaction_id"`
	OutOrderNo    string `json:"out_order_no"`
	Description   string `json:"description"`
}

// FinishProfitSharing unfreezes the unsplit amount of an order to the
// sub-merchant (POST /v3/ecommerce/profitsharing/finish-order); the answer
// has no Status: query OutOrderNo for the result. Safe to retry with the
// same OutOrderNo.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/orders/finish-order.html
func (s *EcommerceService) FinishProfitSharing(ctx context.Context, req *EcommerceFinishRequest) (*EcommerceSplit, error) {
	if req == nil {
		return nil, argError("EcommerceFinishRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID, "transaction_id", req.TransactionID, "out_order_no", req.OutOrderNo, "description", req.Description); err != nil {
		return nil, err
	}
	if !psOrderNo(req.OutOrderNo) {
		return nil, argError("out_order_no", "must be at most 64 digits, letters and _-|*@")
	}
	return call[EcommerceSplit](ctx, s.c, post("/v3/ecommerce/profitsharing/finish-order", req))
}

// UnsplitAmount returns the amount of an order still to split (GET
// /v3/ecommerce/profitsharing/orders/{transaction_id}/amounts).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/orders/query-order-amount.html
func (s *EcommerceService) UnsplitAmount(ctx context.Context, transactionID string) (*UnsplitAmount, error) {
	if err := need("transactionID", transactionID); err != nil {
		return nil, err
	}
	return call[UnsplitAmount](ctx, s.c, get(pathf("/v3/ecommerce/profitsharing/orders/{transaction_id}/amounts", transactionID), nil))
}

// EcommerceReceiverRequest is the body of the e-commerce add receiver API:
// a receiver of the whole platform. Type is ReceiverMerchantID (Name, the
// merchant's full name, required) or ReceiverPersonalOpenID (AppID
// required; Name, the person's name, checked when set). The current docs
// send Name as plain text (no Wechatpay-Serial).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/receivers/add-receiver.html
type EcommerceReceiverRequest struct {
	AppID        string            `json:"appid,omitempty"`
	Type         ReceiverType      `json:"type"`
	Account      string            `json:"account"`
	Name         string            `json:"name,omitempty"`
	RelationType EcommerceRelation `json:"relation_type,omitempty"`
}

// EcommerceReceiver is the answer of the add and delete receiver APIs.
type EcommerceReceiver struct {
	Type    ReceiverType `json:"type"`
	Account string       `json:"account"`
}

// AddReceiver registers a receiver for all sub-merchants (POST
// /v3/ecommerce/profitsharing/receivers/add). Idempotent.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/receivers/add-receiver.html
func (s *EcommerceService) AddReceiver(ctx context.Context, req *EcommerceReceiverRequest) (*EcommerceReceiver, error) {
	if err := checkEcomReceiver(req); err != nil {
		return nil, err
	}
	switch {
	case req.RelationType == "":
		return nil, argError("relation_type", "is required")
	case req.Type == ReceiverMerchantID && req.Name == "":
		return nil, argError("name", "is required for a MERCHANT_ID receiver")
	}
	return call[EcommerceReceiver](ctx, s.c, post("/v3/ecommerce/profitsharing/receivers/add", req))
}

// DeleteReceiver removes a receiver (POST
// /v3/ecommerce/profitsharing/receivers/delete); only AppID, Type and
// Account of req are sent. Idempotent.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-profit-sharing/receivers/delete-receiver.html
func (s *EcommerceService) DeleteReceiver(ctx context.Context, req *EcommerceReceiverRequest) (*EcommerceReceiver, error) {
	if err := checkEcomReceiver(req); err != nil {
		return nil, err
	}
	r := EcommerceReceiverRequest{AppID: req.AppID, Type: req.Type, Account: req.Account}
	return call[EcommerceReceiver](ctx, s.c, post("/v3/ecommerce/profitsharing/receivers/delete", &r))
}

func checkEcomReceiver(req *EcommerceReceiverRequest) error {
	if req == nil {
		return argError("EcommerceReceiverRequest", "is nil")
	}
	if err := need("type", string(req.Type), "account", req.Account); err != nil {
		return err
	}
	if req.Type == ReceiverPersonalOpenID && req.AppID == "" {
		return argError("appid", "is required for a PERSONAL_OPENID receiver")
	}
	return nil
}
