package pay

import (
	"context"
	"strconv"
)

// Legacy transfer (企业付款到零钱) check_name values.
const (
	CheckNameNo    = "NO_CHECK"
	CheckNameForce = "FORCE_CHECK"
)

// PromotionTransferRequest is the body of the legacy v2 transfer to a
// user's balance. Amount is in fen. MchID defaults to Config.MchID.
// ReUserName is required with CheckName FORCE_CHECK.
//
// New merchants cannot use this API: they use the v3 merchant transfer
// (Client.Transfer).
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/mch_pay.php?chapter=14_2
type PromotionTransferRequest struct {
	MchAppID       string
	MchID          string
	DeviceInfo     string
	PartnerTradeNo string
	OpenID         string
	CheckName      string // CheckNameNo or CheckNameForce
	ReUserName     string
	Amount         int64
	Desc           string
	SpbillCreateIP string
}

// PromotionTransferResponse is the answer of PromotionTransfer (it
// carries no sign).
type PromotionTransferResponse struct {
	MchAppID       string
	MchID          string
	DeviceInfo     string
	PartnerTradeNo string
	PaymentNo      string
	PaymentTime    string // "2006-01-02 15:04:05"
	Raw            map[string]string
}

// PromotionTransferInfo is the answer of GetPromotionTransferInfo.
type PromotionTransferInfo struct {
	PartnerTradeNo string
	AppID          string
	MchID          string
	DetailID       string
	Status         string // SUCCESS, FAILED or PROCESSING
	Reason         string
	OpenID         string
	TransferName   string
	PaymentAmount  int64
	TransferTime   string
	PaymentTime    string
	Desc           string
	Raw            map[string]string
}

// PromotionTransfer pays a user's balance (POST
// /mmpaymkttransfers/promotion/transfers) over mutual TLS: the client must
// have been built WithTLSClient. A *V2Error carries WeChat Pay's err_code
// (NOTENOUGH, AMOUNT_LIMIT, NAME_MISMATCH, PARAM_ERROR, SYSTEMERROR…);
// after SYSTEMERROR retry with the same PartnerTradeNo.
//
// This is the legacy API: new merchants must use the v3 merchant transfer
// (Client.Transfer); it serves the merchants that still have it.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/mch_pay.php?chapter=14_2
func (c *Client) PromotionTransfer(ctx context.Context, req *PromotionTransferRequest) (*PromotionTransferResponse, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("MchAppID", req.MchAppID, "PartnerTradeNo", req.PartnerTradeNo, "OpenID", req.OpenID,
		"CheckName", req.CheckName, "Desc", req.Desc, "SpbillCreateIP", req.SpbillCreateIP); err != nil {
		return nil, err
	}
	switch {
	case req.CheckName != CheckNameNo && req.CheckName != CheckNameForce:
		return nil, argError("CheckName", "must be NO_CHECK or FORCE_CHECK")
	case req.CheckName == CheckNameForce && req.ReUserName == "":
		return nil, argError("ReUserName", "is required with FORCE_CHECK")
	case req.Amount <= 0:
		return nil, argError("Amount", "must be positive")
	case c.tlsHC == nil:
		return nil, argError("WithTLSClient", "transfers need the merchant certificate (mutual TLS)")
	}
	mchid := req.MchID
	if mchid == "" {
		mchid = c.mchid
	}
	p := map[string]string{
		"mch_appid": req.MchAppID, "mchid": mchid, "device_info": req.DeviceInfo, "partner_trade_no": req.PartnerTradeNo,
		"openid": req.OpenID, "check_name": req.CheckName, "re_user_name": req.ReUserName,
		"amount": strconv.FormatInt(req.Amount, 10), "desc": req.Desc, "spbill_create_ip": req.SpbillCreateIP,
	}
	m, err := c.postV2(ctx, c.tlsHC, "/mmpaymkttransfers/promotion/transfers", p, false)
	if m == nil {
		return nil, err
	}
	return &PromotionTransferResponse{MchAppID: m["mch_appid"], MchID: m["mchid"], DeviceInfo: m["device_info"],
		PartnerTradeNo: m["partner_trade_no"], PaymentNo: m["payment_no"], PaymentTime: m["payment_time"], Raw: m}, err
}

// GetPromotionTransferInfo queries a legacy transfer by its
// partner_trade_no (POST /mmpaymkttransfers/gettransferinfo) over mutual
// TLS. appID is the mch_appid it was paid with. New merchants use the v3
// merchant transfer (Client.Transfer) instead.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/mch_pay.php?chapter=14_3
func (c *Client) GetPromotionTransferInfo(ctx context.Context, appID, partnerTradeNo string) (*PromotionTransferInfo, error) {
	if err := need("appID", appID, "partnerTradeNo", partnerTradeNo); err != nil {
		return nil, err
	}
	if c.tlsHC == nil {
		return nil, argError("WithTLSClient", "transfers need the merchant certificate (mutual TLS)")
	}
	p := map[string]string{"appid": appID, "partner_trade_no": partnerTradeNo}
	m, err := c.postV2(ctx, c.tlsHC, "/mmpaymkttransfers/gettransferinfo", p, false)
	if m == nil || err != nil {
		return nil, err
	}
	return &PromotionTransferInfo{PartnerTradeNo: m["partner_trade_no"], AppID: m["appid"], MchID: m["mch_id"],
		DetailID: m["detail_id"], Status: m["status"], Reason: m["reason"], OpenID: m["openid"],
		TransferName: m["transfer_name"], PaymentAmount: atoi64(m["payment_amount"]), TransferTime: m["transfer_time"],
		PaymentTime: m["payment_time"], Desc: m["desc"], Raw: m}, nil
}
