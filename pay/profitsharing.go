package pay

import (
	"context"
	"net/url"
)

// ProfitSharingService is profit sharing (分账): split the frozen amount of
// an order paid with settle_info.profit_sharing among receivers, return
// splits, unfreeze the rest. The same paths serve merchants and service
// providers: set SubMchID (and SubAppID for PERSONAL_SUB_OPENID receivers)
// in partner mode, leave them empty as a merchant.
//
// Retries: CreateOrder, Return and Unfreeze may be retried with the same
// out_order_no / out_return_no and the same content (WeChat Pay treats it as
// the same request); AddReceiver and DeleteReceiver are idempotent; queries
// are safe to repeat. Never re-send a split under a new out_order_no before
// querying the first one. The client never retries on its own except when a
// request surely never left.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/orders/create-order.html
type ProfitSharingService struct{ c *Client }

// ReceiverType is the kind of a profit-sharing receiver account.
type ReceiverType string

// Receiver types.
const (
	ReceiverMerchantID        ReceiverType = "MERCHANT_ID"
	ReceiverPersonalOpenID    ReceiverType = "PERSONAL_OPENID"
	ReceiverPersonalSubOpenID ReceiverType = "PERSONAL_SUB_OPENID"
)

// RelationType is the receiver's relation to the merchant.
type RelationType string

// Receiver relation types.
const (
	RelationServiceProvider RelationType = "SERVICE_PROVIDER"
	RelationStore           RelationType = "STORE"
	RelationStaff           RelationType = "STAFF"
	RelationStoreOwner      RelationType = "STORE_OWNER"
	RelationPartner         RelationType = "PARTNER"
	RelationHeadquarter     RelationType = "HEADQUARTER"
	RelationBrand           RelationType = "BRAND"
	RelationDistributor     RelationType = "DISTRIBUTOR"
	RelationUser            RelationType = "USER"
	RelationSupplier        RelationType = "SUPPLIER"
	RelationCustom          RelationType = "CUSTOM"
)

// ProfitSharingState is the state of a profit-sharing order.
type ProfitSharingState string

// Profit-sharing order states.
const (
	ProfitSharingProcessing ProfitSharingState = "PROCESSING"
	ProfitSharingFinished   ProfitSharingState = "FINISHED"
)

// ReceiverResult is the result of one receiver's split.
type ReceiverResult string

// Receiver split results.
const (
	ReceiverPending ReceiverResult = "PENDING"
	ReceiverSuccess ReceiverResult = "SUCCESS"
	ReceiverClosed  ReceiverResult = "CLOSED"
)

// ReturnResult is the result of a profit-sharing return.
type ReturnResult string

// Return results.
const (
	ReturnProcessing ReturnResult = "PROCESSING"
	ReturnSuccess    ReturnResult = "SUCCESS"
	ReturnFailed     ReturnResult = "FAILED"
)

// Profit-sharing notification event types (sent to receivers that asked
// for them).
const (
	EventProfitSharingSuccess = "PROFITSHARING.SUCCESS"
	EventProfitSharingReturn  = "PROFITSHARING.RETURN"
)

// ProfitSharingReceiver is one receiver of a split. Name is PLAIN TEXT
// (CreateOrder encrypts it); it is checked against the account when set.
type ProfitSharingReceiver struct {
	Type        ReceiverType `json:"type"`
	Account     string       `json:"account"`
	Name        string       `json:"name,omitempty"`
	Amount      int64        `json:"amount"`
	Description string       `json:"description"`
}

// ProfitSharingOrderRequest is the body of the split API.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/orders/create-order.html
type ProfitSharingOrderRequest struct {
	SubMchID        string                  `json:"sub_mchid,omitempty"`
	AppID           string                  `json:"appid,omitempty"`
	SubAppID        string                  `json:"sub_appid,omitempty"`
	TransactionID   string                  `json:"transaction_id"`
	OutOrderNo      string                  `json:"out_order_no"`
	Receivers       []ProfitSharingReceiver `json:"receivers"`
	UnfreezeUnsplit bool                    `json:"unfreeze_unsplit"`
}

// ProfitSharingReceiverDetail is a receiver line of a ProfitSharingOrder.
type ProfitSharingReceiverDetail struct {
	Amount      int64          `json:"amount"`
	Description string         `json:"description"`
	Type        ReceiverType   `json:"type"`
	Account     string         `json:"account"`
	Result      ReceiverResult `json:"result"`
	FailReason  string         `json:"fail_reason,omitempty"`
	CreateTime  string         `json:"create_time"`
	FinishTime  string         `json:"finish_time"`
	DetailID    string         `json:"detail_id"`
}

// ProfitSharingOrder is a split (or an unfreeze) as WeChat Pay returns it.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/orders/query-order.html
type ProfitSharingOrder struct {
	SubMchID      string                        `json:"sub_mchid,omitempty"`
	TransactionID string                        `json:"transaction_id"`
	OutOrderNo    string                        `json:"out_order_no"`
	OrderID       string                        `json:"order_id"`
	State         ProfitSharingState            `json:"state"`
	Receivers     []ProfitSharingReceiverDetail `json:"receivers,omitempty"`
}

// CreateOrder splits a frozen order among receivers (POST
// /v3/profitsharing/orders). Receiver names are encrypted here. Safe to
// retry with the same OutOrderNo and content.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/orders/create-order.html
func (s *ProfitSharingService) CreateOrder(ctx context.Context, req *ProfitSharingOrderRequest) (*ProfitSharingOrder, error) {
	if req == nil || req.TransactionID == "" || req.OutOrderNo == "" {
		return nil, argError("out_order_no", "TransactionID and OutOrderNo are required")
	}
	if n := len(req.Receivers); n == 0 || n > 50 {
		return nil, argError("receivers", "1 to 50 receivers are required")
	}
	if req.SubMchID == "" && req.AppID == "" {
		return nil, argError("appid", "is required for a merchant")
	}
	r := *req
	r.Receivers = append([]ProfitSharingReceiver(nil), req.Receivers...)
	names := make([]*string, 0, len(r.Receivers))
	for i := range r.Receivers {
		x := &r.Receivers[i]
		if x.Type == "" || x.Account == "" || x.Amount <= 0 || x.Description == "" {
			return nil, argError("receivers", "each receiver needs Type, Account, Description and a positive Amount")
		}
		if x.Type == ReceiverPersonalSubOpenID && r.SubAppID == "" {
			return nil, argError("sub_appid", "is required with PERSONAL_SUB_OPENID receivers")
		}
		names = append(names, &x.Name)
	}
	return postSealed[ProfitSharingOrder](ctx, s.c, "/v3/profitsharing/orders", &r, names...)
}

func subQuery(subMchID string, q url.Values) url.Values {
	if subMchID != "" {
		q.Set("sub_mchid", subMchID)
	}
	return q
}

// QueryOrder queries a split (GET
// /v3/profitsharing/orders/{out_order_no}?transaction_id=[&sub_mchid=]).
// subMchID is empty for a merchant.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/orders/query-order.html
func (s *ProfitSharingService) QueryOrder(ctx context.Context, subMchID, transactionID, outOrderNo string) (*ProfitSharingOrder, error) {
	if transactionID == "" || outOrderNo == "" {
		return nil, argError("out_order_no", "transactionID and outOrderNo are required")
	}
	return call[ProfitSharingOrder](ctx, s.c, get(pathf("/v3/profitsharing/orders/{out_order_no}", outOrderNo), subQuery(subMchID, url.Values{"transaction_id": {transactionID}})))
}

// ReturnRequest is the body of the return API: take back Amount from the
// merchant receiver ReturnMchID, for the split OrderID or OutOrderNo.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/return-orders/create-return-order.html
type ReturnRequest struct {
	SubMchID    string `json:"sub_mchid,omitempty"`
	OrderID     string `json:"order_id,omitempty"`
	OutOrderNo  string `json:"out_order_no,omitempty"`
	OutReturnNo string `json:"out_return_no"`
	ReturnMchID string `json:"return_mchid"`
	Amount      int64  `json:"amount"`
	Description string `json:"description"`
}

// ReturnOrder is a return as WeChat Pay returns it.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/return-orders/query-return-order.html
type ReturnOrder struct {
	SubMchID    string       `json:"sub_mchid,omitempty"`
	OrderID     string       `json:"order_id"`
	OutOrderNo  string       `json:"out_order_no"`
	OutReturnNo string       `json:"out_return_no"`
	ReturnID    string       `json:"return_id"`
	ReturnMchID string       `json:"return_mchid"`
	Amount      int64        `json:"amount"`
	Description string       `json:"description"`
	Result      ReturnResult `json:"result"`
	FailReason  string       `json:"fail_reason,omitempty"`
	CreateTime  string       `json:"create_time"`
	FinishTime  string       `json:"finish_time"`
}

// Return takes back part of a split from a merchant receiver (POST
// /v3/profitsharing/return-orders). Safe to retry with the same OutReturnNo
// and content.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/return-orders/create-return-order.html
func (s *ProfitSharingService) Return(ctx context.Context, req *ReturnRequest) (*ReturnOrder, error) {
	switch {
	case req == nil || req.OutReturnNo == "" || req.ReturnMchID == "" || req.Description == "":
		return nil, argError("out_return_no", "OutReturnNo, ReturnMchID and Description are required")
	case (req.OrderID == "") == (req.OutOrderNo == ""):
		return nil, argError("out_order_no", "exactly one of OrderID and OutOrderNo is required")
	case req.Amount <= 0:
		return nil, argError("amount", "must be positive (fen)")
	}
	return call[ReturnOrder](ctx, s.c, post("/v3/profitsharing/return-orders", req))
}

// QueryReturn queries a return (GET
// /v3/profitsharing/return-orders/{out_return_no}?out_order_no=[&sub_mchid=]).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/return-orders/query-return-order.html
func (s *ProfitSharingService) QueryReturn(ctx context.Context, subMchID, outOrderNo, outReturnNo string) (*ReturnOrder, error) {
	if outOrderNo == "" || outReturnNo == "" {
		return nil, argError("out_return_no", "outOrderNo and outReturnNo are required")
	}
	return call[ReturnOrder](ctx, s.c, get(pathf("/v3/profitsharing/return-orders/{out_return_no}", outReturnNo), subQuery(subMchID, url.Values{"out_order_no": {outOrderNo}})))
}

// UnfreezeRequest is the body of the unfreeze API: give the rest of the
// frozen amount to the merchant and end profit sharing for the order.
type UnfreezeRequest struct {
	SubMchID      string `json:"sub_mchid,omitempty"`
	TransactionID string `json:"transaction_id"`
	OutOrderNo    string `json:"out_order_no"`
	Description   string `json:"description"`
}

// Unfreeze releases the unsplit amount of an order (POST
// /v3/profitsharing/orders/unfreeze). Safe to retry with the same
// OutOrderNo.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/orders/unfreeze-order.html
func (s *ProfitSharingService) Unfreeze(ctx context.Context, req *UnfreezeRequest) (*ProfitSharingOrder, error) {
	if req == nil || req.TransactionID == "" || req.OutOrderNo == "" || req.Description == "" {
		return nil, argError("out_order_no", "TransactionID, OutOrderNo and Description are required")
	}
	return call[ProfitSharingOrder](ctx, s.c, post("/v3/profitsharing/orders/unfreeze", req))
}

// UnsplitAmount is the answer of the remaining amount API.
type UnsplitAmount struct {
	TransactionID string `json:"transaction_id"`
	UnsplitAmount int64  `json:"unsplit_amount"`
}

// UnsplitAmount returns the amount of an order still frozen for profit
// sharing (GET /v3/profitsharing/transactions/{transaction_id}/amounts).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/transactions/query-order-amount.html
func (s *ProfitSharingService) UnsplitAmount(ctx context.Context, transactionID string) (*UnsplitAmount, error) {
	if transactionID == "" {
		return nil, argError("transaction_id", "is required")
	}
	return call[UnsplitAmount](ctx, s.c, get(pathf("/v3/profitsharing/transactions/{transaction_id}/amounts", transactionID), nil))
}

// AddReceiverRequest is the body of the add receiver API. Name is PLAIN
// TEXT (AddReceiver encrypts it); it is required for MERCHANT_ID
// receivers. CustomRelation is required with RelationCustom.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/receivers/add-receiver.html
type AddReceiverRequest struct {
	SubMchID       string       `json:"sub_mchid,omitempty"`
	AppID          string       `json:"appid"`
	SubAppID       string       `json:"sub_appid,omitempty"`
	Type           ReceiverType `json:"type"`
	Account        string       `json:"account"`
	Name           string       `json:"name,omitempty"`
	RelationType   RelationType `json:"relation_type"`
	CustomRelation string       `json:"custom_relation,omitempty"`
}

// Receiver is the answer of the add receiver API (Name as sent, encrypted).
type Receiver struct {
	SubMchID       string       `json:"sub_mchid,omitempty"`
	Type           ReceiverType `json:"type"`
	Account        string       `json:"account"`
	Name           string       `json:"name,omitempty"`
	RelationType   RelationType `json:"relation_type"`
	CustomRelation string       `json:"custom_relation,omitempty"`
}

// AddReceiver registers a receiver (POST /v3/profitsharing/receivers/add).
// Idempotent.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/receivers/add-receiver.html
func (s *ProfitSharingService) AddReceiver(ctx context.Context, req *AddReceiverRequest) (*Receiver, error) {
	switch {
	case req == nil || req.AppID == "" || req.Type == "" || req.Account == "" || req.RelationType == "":
		return nil, argError("account", "AppID, Type, Account and RelationType are required")
	case req.Type == ReceiverMerchantID && req.Name == "":
		return nil, argError("name", "is required for a MERCHANT_ID receiver")
	case req.RelationType == RelationCustom && req.CustomRelation == "":
		return nil, argError("custom_relation", "is required with CUSTOM")
	}
	r := *req
	return postSealed[Receiver](ctx, s.c, "/v3/profitsharing/receivers/add", &r, &r.Name)
}

// DeleteReceiverRequest is the body of the delete receiver API.
type DeleteReceiverRequest struct {
	SubMchID string       `json:"sub_mchid,omitempty"`
	AppID    string       `json:"appid"`
	SubAppID string       `json:"sub_appid,omitempty"`
	Type     ReceiverType `json:"type"`
	Account  string       `json:"account"`
}

// DeletedReceiver is the answer of the delete receiver API.
type DeletedReceiver struct {
	SubMchID string       `json:"sub_mchid,omitempty"`
	Type     ReceiverType `json:"type"`
	Account  string       `json:"account"`
}

// DeleteReceiver removes a receiver (POST
// /v3/profitsharing/receivers/delete). Idempotent.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/receivers/delete-receiver.html
func (s *ProfitSharingService) DeleteReceiver(ctx context.Context, req *DeleteReceiverRequest) (*DeletedReceiver, error) {
	if req == nil || req.AppID == "" || req.Type == "" || req.Account == "" {
		return nil, argError("account", "AppID, Type and Account are required")
	}
	return call[DeletedReceiver](ctx, s.c, post("/v3/profitsharing/receivers/delete", req))
}

// MerchantRatio is the maximum split ratio of a sub-merchant, in 1/10000
// (2000 = 20%).
type MerchantRatio struct {
	SubMchID string `json:"sub_mchid"`
	MaxRatio int64  `json:"max_ratio"`
}

// MaxRatio returns the maximum split ratio a sub-merchant granted (GET
// /v3/profitsharing/merchant-configs/{sub_mchid}); partner mode only.
//
// See https://pay.weixin.qq.com/docs/partner/apis/profit-sharing/merchants/query-merchant-ratio.html
func (s *ProfitSharingService) MaxRatio(ctx context.Context, subMchID string) (*MerchantRatio, error) {
	if subMchID == "" {
		return nil, argError("sub_mchid", "is required")
	}
	return call[MerchantRatio](ctx, s.c, get(pathf("/v3/profitsharing/merchant-configs/{sub_mchid}", subMchID), nil))
}

// ProfitSharingBillRequest selects a profit-sharing bill: BillDate
// "2006-01-02", TarType "" or "GZIP", SubMchID in partner mode (empty: all).
type ProfitSharingBillRequest struct {
	SubMchID string
	BillDate string
	TarType  string
}

// Bill asks for the download URL of a profit-sharing bill (GET
// /v3/profitsharing/bills); stream it with Client.DownloadBill.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/bill-shipment/split-bill.html
func (s *ProfitSharingService) Bill(ctx context.Context, req *ProfitSharingBillRequest) (*Bill, error) {
	if req == nil || req.BillDate == "" {
		return nil, argError("bill_date", "is required")
	}
	return s.c.bill(ctx, "/v3/profitsharing/bills", subQuery(req.SubMchID, url.Values{"bill_date": {req.BillDate}}), req.TarType)
}

// ProfitSharingNotification is the decrypted resource of a PROFITSHARING.*
// notification: MchID for a merchant, SpMchID and SubMchID in partner mode.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/profit-sharing/profit-sharing-result-notice.html
type ProfitSharingNotification struct {
	MchID         string `json:"mchid,omitempty"`
	SpMchID       string `json:"sp_mchid,omitempty"`
	SubMchID      string `json:"sub_mchid,omitempty"`
	TransactionID string `json:"transaction_id"`
	OrderID       string `json:"order_id"`
	OutOrderNo    string `json:"out_order_no"`
	Receiver      struct {
		Type        ReceiverType `json:"type"`
		Account     string       `json:"account"`
		Amount      int64        `json:"amount"`
		Description string       `json:"description"`
	} `json:"receiver"`
	SuccessTime string `json:"success_time"`
}

// ProfitSharing decodes a PROFITSHARING.* notification.
func (n *Notification) ProfitSharing() (*ProfitSharingNotification, error) {
	p := new(ProfitSharingNotification)
	return p, n.Decode(p)
}
