package pay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/weixin-go/wechat"
)

// v2 profit-sharing receiver types (type of a receiver).
const (
	V2ReceiverMerchantID        = "MERCHANT_ID"
	V2ReceiverPersonalOpenID    = "PERSONAL_OPENID"
	V2ReceiverPersonalSubOpenID = "PERSONAL_SUB_OPENID" // partner mode
)

// v2 profit-sharing order statuses and receiver results.
const (
	V2ProfitSharingAccepted   = "ACCEPTED"
	V2ProfitSharingProcessing = "PROCESSING"
	V2ProfitSharingFinished   = "FINISHED"
	V2ProfitSharingClosed     = "CLOSED"
	V2ProfitSharingPending    = "PENDING" // receiver result
	V2ProfitSharingSuccess    = "SUCCESS" // receiver and return result
	V2ProfitSharingFailed     = "FAILED"  // return result
)

// V2ProfitSharingReceiver is one receiver of a split request: Amount in
// fen to the account of Type (V2Receiver*).
type V2ProfitSharingReceiver struct {
	Type        string `json:"type"`
	Account     string `json:"account"`
	Amount      int64  `json:"amount"`
	Description string `json:"description"`
}

// V2ProfitSharingRequest is the body of V2ProfitSharing and
// V2MultiProfitSharing: at most 50 receivers per request. SubMchID and
// SubAppID are for partner mode (the sub-merchant paying out).
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_1&index=1
type V2ProfitSharingRequest struct {
	AppID         string
	SubMchID      string
	SubAppID      string
	TransactionID string
	OutOrderNo    string
	Receivers     []V2ProfitSharingReceiver
}

// V2ProfitSharingDetail is one receiver line of a split as
// QueryV2ProfitSharing answers it.
type V2ProfitSharingDetail struct {
	Type        string `json:"type"`
	Account     string `json:"account"`
	Amount      int64  `json:"amount"`
	Description string `json:"description"`
	Result      string `json:"result"` // PENDING, SUCCESS or CLOSED
	FinishTime  string `json:"finish_time"`
	FailReason  string `json:"fail_reason"`
	DetailID    string `json:"detail_id"`
}

// V2ProfitSharingOrder is a split (or a finish) as the v2 profit-sharing
// APIs answer it. Amount and Description are those of a finish.
type V2ProfitSharingOrder struct {
	MchID         string
	SubMchID      string
	TransactionID string
	OutOrderNo    string
	OrderID       string
	Status        string // V2ProfitSharing*: ACCEPTED, PROCESSING, FINISHED or CLOSED
	CloseReason   string
	Receivers     []V2ProfitSharingDetail
	Amount        int64
	Description   string
	Raw           map[string]string
}

// postV2PS posts a v2 profit-sharing call, HMAC-SHA256 signed as these
// APIs require, and completes the *V2Error of a return_code FAIL answer
// with the err_code / error_code and err_msg / error_msg some of them
// carry.
func (c *Client) postV2PS(ctx context.Context, tls bool, path string, p map[string]string) (map[string]string, error) {
	hc := c.hc
	if tls {
		if c.tlsHC == nil {
			return nil, argError("WithTLSClient", "this profit-sharing API needs the merchant certificate (mutual TLS)")
		}
		hc = c.tlsHC
	}
	p["sign_type"] = SignTypeHMACSHA256
	m, err := c.postV2(ctx, hc, path, p, true)
	var ve *V2Error
	if errors.As(err, &ve) && ve.ReturnCode != "SUCCESS" && m != nil {
		ve.ErrCode = firstNonEmpty(m["err_code"], m["error_code"])
		ve.ErrCodeDes = firstNonEmpty(m["err_msg"], m["error_msg"])
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func v2PSOrderFrom(m map[string]string) (*V2ProfitSharingOrder, error) {
	o := &V2ProfitSharingOrder{MchID: m["mch_id"], SubMchID: m["sub_mch_id"], TransactionID: m["transaction_id"],
		OutOrderNo: m["out_order_no"], OrderID: m["order_id"], Status: m["status"], CloseReason: m["close_reason"],
		Amount: atoi64(m["amount"]), Description: m["description"], Raw: m}
	if m["receivers"] != "" {
		if err := json.Unmarshal([]byte(m["receivers"]), &o.Receivers); err != nil {
			return nil, fmt.Errorf("pay: malformed profit-sharing receivers: %w", err)
		}
	}
	return o, nil
}

func (c *Client) v2Split(ctx context.Context, path string, req *V2ProfitSharingRequest) (*V2ProfitSharingOrder, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "TransactionID", req.TransactionID, "OutOrderNo", req.OutOrderNo); err != nil {
		return nil, err
	}
	if len(req.Receivers) == 0 || len(req.Receivers) > 50 {
		return nil, argError("Receivers", "must hold 1 to 50 receivers")
	}
	for _, r := range req.Receivers {
		if r.Type == "" || r.Account == "" || r.Amount <= 0 || r.Description == "" {
			return nil, argError("Receivers", "need Type, Account, a positive Amount and Description")
		}
	}
	receivers, err := wechat.MarshalJSONString(req.Receivers)
	if err != nil {
		return nil, err
	}
	m, err := c.postV2PS(ctx, true, path, map[string]string{"appid": req.AppID, "sub_mch_id": req.SubMchID,
		"sub_appid": req.SubAppID, "transaction_id": req.TransactionID, "out_order_no": req.OutOrderNo, "receivers": receivers})
	if err != nil {
		return nil, err
	}
	return v2PSOrderFrom(m)
}

// V2ProfitSharing splits a paid order once (POST
// /secapi/pay/profitsharing, mutual TLS): the receivers get their
// amounts and the rest is unfrozen to the merchant, so the order cannot
// be split again. The same OutOrderNo repeats the same request. A
// *V2Error carries err_code NOT_SHARE_ORDER, NOTENOUGH, INVALID_REQUEST,
// PARAM_ERROR, ORDER_NOT_READY, FREQUENCY_LIMITED…
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_1&index=1
func (c *Client) V2ProfitSharing(ctx context.Context, req *V2ProfitSharingRequest) (*V2ProfitSharingOrder, error) {
	return c.v2Split(ctx, "/secapi/pay/profitsharing", req)
}

// V2MultiProfitSharing splits part of a paid order (POST
// /secapi/pay/multiprofitsharing, mutual TLS), leaving the rest to split
// later or to FinishV2ProfitSharing.
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_6&index=2
func (c *Client) V2MultiProfitSharing(ctx context.Context, req *V2ProfitSharingRequest) (*V2ProfitSharingOrder, error) {
	return c.v2Split(ctx, "/secapi/pay/multiprofitsharing", req)
}

// QueryV2ProfitSharing queries a split or a finish by its OutOrderNo
// (POST /pay/profitsharingquery); subMchID is for partner mode.
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_2&index=3
func (c *Client) QueryV2ProfitSharing(ctx context.Context, subMchID, transactionID, outOrderNo string) (*V2ProfitSharingOrder, error) {
	if err := need("transactionID", transactionID, "outOrderNo", outOrderNo); err != nil {
		return nil, err
	}
	m, err := c.postV2PS(ctx, false, "/pay/profitsharingquery", map[string]string{"sub_mch_id": subMchID,
		"transaction_id": transactionID, "out_order_no": outOrderNo})
	if err != nil {
		return nil, err
	}
	return v2PSOrderFrom(m)
}

// V2ProfitSharingReceiverInfo is a receiver relation: Name is required
// for MERCHANT_ID (the merchant's full name) and optional, checked, for
// a person; RelationType is SERVICE_PROVIDER, STORE, STAFF, STORE_OWNER,
// PARTNER, HEADQUARTER, BRAND, DISTRIBUTOR, USER, SUPPLIER or CUSTOM
// (then CustomRelation, at most 10 characters).
type V2ProfitSharingReceiverInfo struct {
	Type           string `json:"type"`
	Account        string `json:"account"`
	Name           string `json:"name,omitempty"`
	RelationType   string `json:"relation_type,omitempty"`
	CustomRelation string `json:"custom_relation,omitempty"`
}

// AddV2ProfitSharingReceiver adds a receiver relation (POST
// /pay/profitsharingaddreceiver) so that splits can pay it; subMchID is
// for partner mode. It returns the receiver WeChat Pay answers.
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_3&index=4
func (c *Client) AddV2ProfitSharingReceiver(ctx context.Context, appID, subMchID string, r *V2ProfitSharingReceiverInfo) (*V2ProfitSharingReceiverInfo, error) {
	if r == nil {
		return nil, argError("r", "is required")
	}
	if err := need("appID", appID, "Type", r.Type, "Account", r.Account, "RelationType", r.RelationType); err != nil {
		return nil, err
	}
	switch {
	case r.Type == V2ReceiverMerchantID && r.Name == "":
		return nil, argError("Name", "is required for MERCHANT_ID")
	case r.RelationType == "CUSTOM" && r.CustomRelation == "":
		return nil, argError("CustomRelation", "is required with CUSTOM")
	}
	return c.v2Receiver(ctx, "/pay/profitsharingaddreceiver", appID, subMchID, r)
}

// RemoveV2ProfitSharingReceiver removes a receiver relation (POST
// /pay/profitsharingremovereceiver): only Type and Account are sent.
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_4&index=5
func (c *Client) RemoveV2ProfitSharingReceiver(ctx context.Context, appID, subMchID, receiverType, account string) (*V2ProfitSharingReceiverInfo, error) {
	if err := need("appID", appID, "receiverType", receiverType, "account", account); err != nil {
		return nil, err
	}
	return c.v2Receiver(ctx, "/pay/profitsharingremovereceiver", appID, subMchID, &V2ProfitSharingReceiverInfo{Type: receiverType, Account: account})
}

func (c *Client) v2Receiver(ctx context.Context, path, appID, subMchID string, r *V2ProfitSharingReceiverInfo) (*V2ProfitSharingReceiverInfo, error) {
	receiver, err := wechat.MarshalJSONString(r)
	if err != nil {
		return nil, err
	}
	m, err := c.postV2PS(ctx, false, path, map[string]string{"appid": appID, "sub_mch_id": subMchID, "receiver": receiver})
	if err != nil {
		return nil, err
	}
	out := new(V2ProfitSharingReceiverInfo)
	if m["receiver"] != "" {
		if err := json.Unmarshal([]byte(m["receiver"]), out); err != nil {
			return nil, fmt.Errorf("pay: malformed profit-sharing receiver: %w", err)
		}
	}
	return out, nil
}

// V2ProfitSharingFinishRequest is the body of FinishV2ProfitSharing.
// OutOrderNo is a new merchant number for the finish.
type V2ProfitSharingFinishRequest struct {
	AppID         string
	SubMchID      string
	TransactionID string
	OutOrderNo    string
	Amount        int64
	Description   string
}

// FinishV2ProfitSharing ends the splitting of an order (POST
// /secapi/pay/profitsharingfinish, mutual TLS): what is left is unfrozen
// to the merchant.
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_5&index=6
func (c *Client) FinishV2ProfitSharing(ctx context.Context, req *V2ProfitSharingFinishRequest) (*V2ProfitSharingOrder, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "TransactionID", req.TransactionID, "OutOrderNo", req.OutOrderNo, "Description", req.Description); err != nil {
		return nil, err
	}
	if req.Amount < 0 {
		return nil, argError("Amount", "must not be negative")
	}
	m, err := c.postV2PS(ctx, true, "/secapi/pay/profitsharingfinish", map[string]string{"appid": req.AppID,
		"sub_mch_id": req.SubMchID, "transaction_id": req.TransactionID, "out_order_no": req.OutOrderNo,
		"amount": strconv.FormatInt(req.Amount, 10), "description": req.Description})
	if err != nil {
		return nil, err
	}
	return v2PSOrderFrom(m)
}

// V2ProfitSharingReturnRequest is the body of V2ProfitSharingReturn:
// OrderID or OutOrderNo names the split; ReturnAccountType is MERCHANT_ID
// (the only type the docs allow, the default).
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_7&index=7
type V2ProfitSharingReturnRequest struct {
	AppID             string
	SubMchID          string
	OrderID           string
	OutOrderNo        string
	OutReturnNo       string
	ReturnAccountType string
	ReturnAccount     string
	ReturnAmount      int64
	Description       string
}

// V2ProfitSharingReturn is a return as V2ProfitSharingReturn and
// QueryV2ProfitSharingReturn answer it.
type V2ProfitSharingReturn struct {
	OrderID           string
	OutOrderNo        string
	OutReturnNo       string
	ReturnNo          string
	ReturnAccountType string
	ReturnAccount     string
	ReturnAmount      int64
	Description       string
	Result            string // PROCESSING, SUCCESS or FAILED
	FailReason        string
	FinishTime        string
	Raw               map[string]string
}

func v2PSReturnFrom(m map[string]string) *V2ProfitSharingReturn {
	return &V2ProfitSharingReturn{OrderID: m["order_id"], OutOrderNo: m["out_order_no"], OutReturnNo: m["out_return_no"],
		ReturnNo: m["return_no"], ReturnAccountType: m["return_account_type"], ReturnAccount: m["return_account"],
		ReturnAmount: atoi64(m["return_amount"]), Description: m["description"], Result: m["result"],
		FailReason: m["fail_reason"], FinishTime: m["finish_time"], Raw: m}
}

// V2ProfitSharingReturn takes split money back from a merchant receiver
// (POST /secapi/pay/profitsharingreturn, mutual TLS), e.g. before a
// refund. Failures are a *V2Error with return_code FAIL and the answer's
// error_code (NOTENOUGH, INVALID_REQUEST, PARAM_ERROR…) as ErrCode.
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_7&index=7
func (c *Client) V2ProfitSharingReturn(ctx context.Context, req *V2ProfitSharingReturnRequest) (*V2ProfitSharingReturn, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "OutReturnNo", req.OutReturnNo, "ReturnAccount", req.ReturnAccount, "Description", req.Description); err != nil {
		return nil, err
	}
	switch {
	case (req.OrderID == "") == (req.OutOrderNo == ""):
		return nil, argError("OrderID", "or OutOrderNo (one of them) is required")
	case req.ReturnAmount <= 0:
		return nil, argError("ReturnAmount", "must be positive")
	}
	at := req.ReturnAccountType
	if at == "" {
		at = V2ReceiverMerchantID
	}
	m, err := c.postV2PS(ctx, true, "/secapi/pay/profitsharingreturn", map[string]string{"appid": req.AppID,
		"sub_mch_id": req.SubMchID, "order_id": req.OrderID, "out_order_no": req.OutOrderNo, "out_return_no": req.OutReturnNo,
		"return_account_type": at, "return_account": req.ReturnAccount,
		"return_amount": strconv.FormatInt(req.ReturnAmount, 10), "description": req.Description})
	if err != nil {
		return nil, err
	}
	return v2PSReturnFrom(m), nil
}

// V2ProfitSharingReturnQuery names a return: OutReturnNo and the split's
// OrderID or OutOrderNo.
type V2ProfitSharingReturnQuery struct {
	AppID       string
	SubMchID    string
	OrderID     string
	OutOrderNo  string
	OutReturnNo string
}

// QueryV2ProfitSharingReturn queries a return (POST
// /pay/profitsharingreturnquery).
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_8&index=8
func (c *Client) QueryV2ProfitSharingReturn(ctx context.Context, q *V2ProfitSharingReturnQuery) (*V2ProfitSharingReturn, error) {
	if q == nil {
		return nil, argError("q", "is required")
	}
	if err := need("AppID", q.AppID, "OutReturnNo", q.OutReturnNo); err != nil {
		return nil, err
	}
	if (q.OrderID == "") == (q.OutOrderNo == "") {
		return nil, argError("OrderID", "or OutOrderNo (one of them) is required")
	}
	m, err := c.postV2PS(ctx, false, "/pay/profitsharingreturnquery", map[string]string{"appid": q.AppID,
		"sub_mch_id": q.SubMchID, "order_id": q.OrderID, "out_order_no": q.OutOrderNo, "out_return_no": q.OutReturnNo})
	if err != nil {
		return nil, err
	}
	return v2PSReturnFrom(m), nil
}

// V2ProfitSharingUnsplitAmount returns the amount of a paid order still
// to split, in fen (POST /pay/profitsharingorderamountquery).
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=27_10&index=7
func (c *Client) V2ProfitSharingUnsplitAmount(ctx context.Context, transactionID string) (int64, error) {
	if err := need("transactionID", transactionID); err != nil {
		return 0, err
	}
	m, err := c.postV2PS(ctx, false, "/pay/profitsharingorderamountquery", map[string]string{"transaction_id": transactionID})
	if err != nil {
		return 0, err
	}
	return atoi64(m["unsplit_amount"]), nil
}

// V2ProfitSharingMaxRatio returns the largest share (in 1/10000 of an
// order) a sub-merchant lets its partner split (POST
// /pay/profitsharingmerchantratioquery, partner mode): give subMchID, or
// brandMchID for a brand's global ratio.
//
// See https://pay.weixin.qq.com/wiki/doc/api/allocation_sl.php?chapter=25_11&index=8
func (c *Client) V2ProfitSharingMaxRatio(ctx context.Context, subMchID, brandMchID string) (int64, error) {
	if (subMchID == "") == (brandMchID == "") {
		return 0, argError("subMchID", "or brandMchID (one of them) is required")
	}
	m, err := c.postV2PS(ctx, false, "/pay/profitsharingmerchantratioquery", map[string]string{"sub_mch_id": subMchID, "brand_mch_id": brandMchID})
	if err != nil {
		return 0, err
	}
	if m["max_ratio"] == "" {
		return 0, errors.New("pay: profit-sharing ratio answer lacks max_ratio")
	}
	return atoi64(m["max_ratio"]), nil
}
