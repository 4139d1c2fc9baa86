package pay

import (
	"context"
	"net/url"
	"strconv"
	"strings"
)

// v2 entrusted-payment (委托代扣) trade states of QueryPAPayOrder, besides
// the V2TradeState* ones (SUCCESS, REFUND, NOTPAY, CLOSED).
const (
	// V2TradeStateAccept: the deduction waits its turn (deductions 24
	// hours after the notice).
	V2TradeStateAccept = "ACCEPT"
	// V2TradeStatePayFail: the deduction failed.
	V2TradeStatePayFail = "PAY_FAIL"
)

// PAPayEntrustRequest is the signing request of PAPayEntrustWebURL (公众号
// 纯签约). PlanID is the template id of the merchant platform;
// ContractCode the merchant's own contract number (letters and digits, at
// most 128); RequestSerial a unique positive number (it orders the
// requests); ContractDisplayAccount the account name shown on the signing
// page (not the user's nickname: emoji are refused); NotifyURL receives
// the signing notification and carries no query. ReturnWeb sends the user
// back to the referring page once signed. SubMchID signs for a
// sub-merchant of a service provider (PAPayMiniProgramExtraData only).
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_1.shtml
type PAPayEntrustRequest struct {
	AppID                  string
	SubMchID               string
	PlanID                 string
	ContractCode           string
	RequestSerial          int64
	ContractDisplayAccount string
	NotifyURL              string
	ReturnWeb              bool
}

// PAPayEntrustWebURL returns the signed URL of the official-account signing
// page (GET /papay/entrustweb, MD5): open it from the page with
// window.location.href (not replace), the page declaring <meta
// name="referrer" content="no-referrer-when-downgrade">. Nothing is sent:
// the result arrives as the contract notification
// (ParsePAPayContractNotification), or query it with QueryPAPayContract.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_1.shtml
func (c *Client) PAPayEntrustWebURL(req *PAPayEntrustRequest) (string, error) {
	if req != nil && req.SubMchID != "" {
		return "", argError("SubMchID", "is for PAPayMiniProgramExtraData only")
	}
	p, err := c.papaySigning(req, map[string]string{"version": "1.0"})
	if err != nil {
		return "", err
	}
	q := url.Values{}
	for k, v := range p {
		q.Set(k, v)
	}
	return c.baseURL + "/papay/entrustweb?" + q.Encode(), nil
}

// PAPayMiniProgramExtraData returns the extraData with which a mini
// program opens WeChat Pay's signing mini program (wx.navigateToMiniProgram
// with appId PAPayMiniProgramAppID and path "pages/index/index"): appid,
// mch_id, plan_id, contract_code, request_serial,
// contract_display_account, notify_url, timestamp (and sub_mch_id for a
// service provider) and their MD5 sign. ReturnWeb is not used. Add PAPayMiniProgramAppID to the mini program's
// navigateToMiniProgramAppIdList.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_3.shtml and,
// for service providers, https://pay.weixin.qq.com/doc/v2/partner/4011989901
func (c *Client) PAPayMiniProgramExtraData(req *PAPayEntrustRequest) (map[string]string, error) {
	if req != nil && req.ReturnWeb {
		return nil, argError("ReturnWeb", "is for the official-account page only")
	}
	return c.papaySigning(req, nil)
}

// PAPayMiniProgramAppID is the AppID of WeChat Pay's signing mini program.
const PAPayMiniProgramAppID = "wxbd687630cd02ce1d"

// papaySigning checks req and returns the signed (MD5) parameters of a
// signing request, with extra set before signing.
func (c *Client) papaySigning(req *PAPayEntrustRequest, extra map[string]string) (map[string]string, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "PlanID", req.PlanID, "ContractCode", req.ContractCode,
		"ContractDisplayAccount", req.ContractDisplayAccount, "NotifyURL", req.NotifyURL); err != nil {
		return nil, err
	}
	switch {
	case len(req.ContractCode) > 128 || strings.Trim(req.ContractCode, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "":
		return nil, argError("ContractCode", "must be 1 to 128 letters and digits")
	case req.RequestSerial <= 0:
		return nil, argError("RequestSerial", "must be positive")
	case len(req.ContractDisplayAccount) > 128:
		return nil, argError("ContractDisplayAccount", "must be at most 128 bytes")
	case !strings.HasPrefix(req.NotifyURL, "http://") && !strings.HasPrefix(req.NotifyURL, "https://") || strings.Contains(req.NotifyURL, "?"):
		return nil, argError("NotifyURL", "must be an http(s) URL without a query")
	}
	p := map[string]string{"appid": req.AppID, "mch_id": c.mchid, "plan_id": req.PlanID, "contract_code": req.ContractCode,
		"request_serial": strconv.FormatInt(req.RequestSerial, 10), "contract_display_account": req.ContractDisplayAccount,
		"notify_url": req.NotifyURL, "timestamp": strconv.FormatInt(c.now().Unix(), 10), "sub_mch_id": req.SubMchID}
	for k, v := range extra {
		p[k] = v
	}
	if req.ReturnWeb {
		p["return_web"] = "1"
	}
	if err := c.v2SignInto(p, "sign", SignTypeMD5); err != nil {
		return nil, err
	}
	if p["sub_mch_id"] == "" {
		delete(p, "sub_mch_id")
	}
	return p, nil
}

// PAPayContractQuery names a contract: ContractID, or PlanID and
// ContractCode. A service provider sets SubMchID (and SubAppID when the
// contract was signed under the sub-merchant's AppID); QueryPAPayContract
// then uses /papay/partner/querycontract.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_7.shtml
// and https://pay.weixin.qq.com/doc/v2/partner/4011989902
type PAPayContractQuery struct {
	AppID        string
	SubAppID     string
	SubMchID     string
	ContractID   string
	PlanID       string
	ContractCode string
	// Remark is the termination remark of DeletePAPayContract (at most
	// 512 bytes); QueryPAPayContract ignores it.
	Remark string
}

// PAPayContract is a contract as QueryPAPayContract and
// DeletePAPayContract answer it; Raw holds every returned field.
type PAPayContract struct {
	AppID                  string
	MchID                  string
	ContractID             string
	PlanID                 string
	ContractCode           string
	RequestSerial          int64
	ContractDisplayAccount string
	OpenID                 string
	ContractState          string // "0" signed, "1" terminated
	// ContractTerminationMode tells how a terminated contract ended.
	ContractTerminationMode string
	Raw                     map[string]string
}

func papayContractFrom(m map[string]string) *PAPayContract {
	return &PAPayContract{AppID: m["appid"], MchID: m["mch_id"], ContractID: m["contract_id"], PlanID: m["plan_id"],
		ContractCode: m["contract_code"], RequestSerial: atoi64(m["request_serial"]),
		ContractDisplayAccount: m["contract_display_account"], OpenID: m["openid"], ContractState: m["contract_state"],
		ContractTerminationMode: m["contract_termination_mode"], Raw: m}
}

// papayContractCall posts a querycontract or deletecontract request (the
// two take the same contract naming, version 1.0).
func (c *Client) papayContractCall(ctx context.Context, path string, q *PAPayContractQuery) (*PAPayContract, error) {
	if q == nil {
		return nil, argError("q", "is required")
	}
	if err := need("AppID", q.AppID); err != nil {
		return nil, err
	}
	if q.ContractID == "" && (q.PlanID == "" || q.ContractCode == "") {
		return nil, argError("ContractID", "or PlanID and ContractCode are required")
	}
	// The documented request carries no nonce_str.
	p := map[string]string{"appid": q.AppID, "contract_id": q.ContractID, "version": "1.0", "nonce_str": ""}
	if q.SubMchID != "" || q.SubAppID != "" {
		if path != "/papay/querycontract" || q.SubMchID == "" {
			return nil, argError("SubMchID", "is required with SubAppID, and for QueryPAPayContract only")
		}
		path = "/papay/partner/querycontract"
		p["sub_mch_id"], p["sub_appid"] = q.SubMchID, q.SubAppID
	}
	if q.ContractID == "" {
		p["plan_id"], p["contract_code"] = q.PlanID, q.ContractCode
	}
	if path == "/papay/deletecontract" {
		if len(q.Remark) > 512 {
			return nil, argError("Remark", "must be at most 512 bytes")
		}
		p["contract_termination_remark"] = q.Remark
	}
	m, err := c.postV2(ctx, c.hc, path, p, true)
	if m == nil || err != nil {
		return nil, err
	}
	return papayContractFrom(m), nil
}

// QueryPAPayContract queries an entrusted-payment contract (POST
// /papay/querycontract, or /papay/partner/querycontract with SubMchID) by
// ContractID or PlanID and ContractCode.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_7.shtml
// and https://pay.weixin.qq.com/doc/v2/partner/4011989902
func (c *Client) QueryPAPayContract(ctx context.Context, q *PAPayContractQuery) (*PAPayContract, error) {
	return c.papayContractCall(ctx, "/papay/querycontract", q)
}

// DeletePAPayContract terminates a contract (POST /papay/deletecontract,
// MD5) by ContractID or PlanID and ContractCode, with q.Remark. WeChat
// Pay then sends the termination notification to the address configured
// on the merchant platform.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_9.shtml
func (c *Client) DeletePAPayContract(ctx context.Context, q *PAPayContractQuery) (*PAPayContract, error) {
	return c.papayContractCall(ctx, "/papay/deletecontract", q)
}

// PAPayApplyRequest is the body of PAPayApply. TotalFee is in fen;
// OutTradeNo is at most 32 characters and deducts once per merchant.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_8.shtml
type PAPayApplyRequest struct {
	AppID          string
	Body           string
	Detail         string
	Attach         string
	OutTradeNo     string
	TotalFee       int64
	FeeType        string
	SpbillCreateIP string
	GoodsTag       string
	NotifyURL      string
	ContractID     string
	SignType       string
}

// PAPayApply asks WeChat Pay to deduct under a contract (POST
// /pay/pappayapply, trade_type PAP). Success only means the deduction is
// accepted: the deduction notification (ParsePAPayDeductNotification) or
// QueryPAPayOrder tells the result. A *V2Error carries err_code (e.g.
// CONTRACT_NOT_EXIST for an unknown or terminated contract); the answer
// is returned with it.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_8.shtml
func (c *Client) PAPayApply(ctx context.Context, req *PAPayApplyRequest) (*PAPayApplyResponse, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "Body", req.Body, "OutTradeNo", req.OutTradeNo, "SpbillCreateIP", req.SpbillCreateIP,
		"NotifyURL", req.NotifyURL, "ContractID", req.ContractID); err != nil {
		return nil, err
	}
	switch {
	case req.TotalFee <= 0:
		return nil, argError("TotalFee", "must be positive")
	case len(req.OutTradeNo) > 32:
		return nil, argError("OutTradeNo", "must be at most 32 characters")
	}
	p := map[string]string{"appid": req.AppID, "body": req.Body, "detail": req.Detail, "attach": req.Attach,
		"out_trade_no": req.OutTradeNo, "total_fee": strconv.FormatInt(req.TotalFee, 10), "fee_type": req.FeeType,
		"spbill_create_ip": req.SpbillCreateIP, "goods_tag": req.GoodsTag, "notify_url": req.NotifyURL,
		"trade_type": "PAP", "contract_id": req.ContractID, "sign_type": req.SignType}
	m, err := c.postV2(ctx, c.hc, "/pay/pappayapply", p, true)
	if m == nil {
		return nil, err
	}
	return &PAPayApplyResponse{AppID: m["appid"], MchID: m["mch_id"], Raw: m}, err
}

// PAPayApplyResponse is the verified answer of PAPayApply; Raw holds every
// returned field.
type PAPayApplyResponse struct {
	AppID string
	MchID string
	Raw   map[string]string
}

// PAPayOrder is an entrusted-payment order as QueryPAPayOrder and
// ParsePAPayDeductNotification return it: the v2 order fields and the
// contract it was deducted under.
type PAPayOrder struct {
	V2Order
	ContractID string
}

// QueryPAPayOrder queries an entrusted-payment order (POST
// /pay/paporderquery) by TransactionID or OutTradeNo (orders of the last
// month). TradeState is SUCCESS, REFUND, NOTPAY (deducting), CLOSED,
// ACCEPT (waiting for the deduction time) or PAY_FAIL.
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4013894074
func (c *Client) QueryPAPayOrder(ctx context.Context, q *V2OrderQuery) (*PAPayOrder, error) {
	m, err := c.queryV2Order(ctx, "/pay/paporderquery", q)
	if err != nil {
		return nil, err
	}
	return &PAPayOrder{V2Order: *v2OrderFrom(m), ContractID: m["contract_id"]}, nil
}

// PAPayContractNotification is a signing or termination notification of
// an entrusted-payment contract; Raw holds every field.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_6.shtml
type PAPayContractNotification struct {
	MchID                   string
	ContractCode            string
	PlanID                  string
	OpenID                  string
	ChangeType              string // ADD (signed) or DELETE (terminated)
	OperateTime             string // "2006-01-02 15:04:05"
	ContractID              string
	ContractTerminationMode string
	RequestSerial           int64
	Raw                     map[string]string
}

// ParsePAPayContractNotification verifies the sign (APIv2 key, MD5 unless
// sign_type says otherwise) of a contract signing or termination
// notification (POSTed to the signing request's notify_url, or to the
// termination address configured with the template) and returns it.
// Check that ContractCode and OpenID are yours; reply V2NotificationAck.
// The same notification can arrive more than once.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_6.shtml
func (c *Client) ParsePAPayContractNotification(body []byte) (*PAPayContractNotification, error) {
	o, err := c.ParseV2PayNotification(body)
	if err != nil {
		return nil, err
	}
	m := o.Raw
	if m["contract_id"] == "" {
		return nil, ErrV2Notification
	}
	return &PAPayContractNotification{MchID: m["mch_id"], ContractCode: m["contract_code"], PlanID: m["plan_id"],
		OpenID: m["openid"], ChangeType: m["change_type"], OperateTime: m["operate_time"], ContractID: m["contract_id"],
		ContractTerminationMode: m["contract_termination_mode"], RequestSerial: atoi64(m["request_serial"]), Raw: m}, nil
}

// ParsePAPayDeductNotification verifies the sign of a deduction result
// notification (POSTed to PAPayApply's notify_url) and returns the order
// it reports. Check Raw["result_code"] == "SUCCESS" and the amount
// against your own order; reply V2NotificationAck.
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4011987465
func (c *Client) ParsePAPayDeductNotification(body []byte) (*PAPayOrder, error) {
	o, err := c.ParseV2PayNotification(body)
	if err != nil {
		return nil, err
	}
	if o.Raw["contract_id"] == "" {
		return nil, ErrV2Notification
	}
	return &PAPayOrder{V2Order: *o, ContractID: o.Raw["contract_id"]}, nil
}
