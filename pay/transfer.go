package pay

import (
	"context"
	"io"
	"net/url"
	"unicode/utf8"
)

// TransferService is merchant transfer (商家转账), the user-confirm API of
// 2025: the merchant creates a transfer bill, the user confirms it in WeChat
// (wx.requestMerchantTransfer with the bill's package_info), WeChat Pay
// notifies MCHTRANSFER.BILL.FINISHED. The Partner* methods are the
// service-provider variant, paid from a sub-merchant.
//
// Retries: InitiateBill and PartnerInitiateBill may be retried with the same
// OutBillNo and the same content (WeChat Pay answers with the existing bill);
// after an error other than a verified *Error with a definite code, query the
// bill before anything else, and never re-send under a new OutBillNo until
// the query shows FAIL or CANCELLED (double payment risk). Cancels, queries
// and receipt calls are safe to repeat. The client never retries on its own
// except when a request surely never left.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4012711988
type TransferService struct{ c *Client }

// TransferState is the state of a transfer bill.
type TransferState string

// Transfer bill states.
const (
	TransferAccepted        TransferState = "ACCEPTED"          // accepted; may be retried with the same bill
	TransferProcessing      TransferState = "PROCESSING"        // locking funds (check the balance if it stays)
	TransferWaitUserConfirm TransferState = "WAIT_USER_CONFIRM" // the user must confirm (package_info)
	TransferTransfering     TransferState = "TRANSFERING"       // paying out; the user may confirm again
	TransferSuccess         TransferState = "SUCCESS"
	TransferFail            TransferState = "FAIL"
	TransferCanceling       TransferState = "CANCELING"
	TransferCancelled       TransferState = "CANCELLED"
)

// Final reports whether s is a final state (SUCCESS, FAIL, CANCELLED).
func (s TransferState) Final() bool {
	return s == TransferSuccess || s == TransferFail || s == TransferCancelled
}

// EventTransferBillFinished is the event type of the transfer bill
// notification, sent when a bill reaches SUCCESS, FAIL or CANCELLED.
const EventTransferBillFinished = "MCHTRANSFER.BILL.FINISHED"

// TransferSceneReportInfo is one line of the scene report the chosen
// transfer scene requires (e.g. 活动名称 / 奖励说明 for scene 1000).
type TransferSceneReportInfo struct {
	InfoType    string `json:"info_type"`
	InfoContent string `json:"info_content"`
}

// TransferBillRequest is the body of the initiate transfer API. UserName is
// given in PLAIN TEXT: InitiateBill encrypts it with the WeChat Pay key and
// sends Wechatpay-Serial. UserName is required from 2,000 CNY (200000 fen).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4012716434
type TransferBillRequest struct {
	AppID                    string                    `json:"appid"`
	OutBillNo                string                    `json:"out_bill_no"`
	TransferSceneID          string                    `json:"transfer_scene_id"`
	OpenID                   string                    `json:"openid"`
	UserName                 string                    `json:"user_name,omitempty"`
	TransferAmount           int64                     `json:"transfer_amount"`
	TransferRemark           string                    `json:"transfer_remark"`
	NotifyURL                string                    `json:"notify_url,omitempty"`
	UserRecvPerception       string                    `json:"user_recv_perception,omitempty"`
	TransferSceneReportInfos []TransferSceneReportInfo `json:"transfer_scene_report_infos"`
}

// TransferBillResult is the answer of the initiate transfer API.
// PackageInfo is set in WAIT_USER_CONFIRM: pass it to
// TransferService.ConfirmParams.
type TransferBillResult struct {
	OutBillNo      string        `json:"out_bill_no"`
	TransferBillNo string        `json:"transfer_bill_no"`
	CreateTime     string        `json:"create_time"` // RFC 3339
	State          TransferState `json:"state"`
	FailReason     string        `json:"fail_reason,omitempty"`
	PackageInfo    string        `json:"package_info,omitempty"`
}

// TransferBillFields are the fields common to merchant and partner transfer
// bills.
type TransferBillFields struct {
	OutBillNo      string        `json:"out_bill_no"`
	TransferBillNo string        `json:"transfer_bill_no"`
	AppID          string        `json:"appid"`
	State          TransferState `json:"state"`
	TransferAmount int64         `json:"transfer_amount"`
	TransferRemark string        `json:"transfer_remark"`
	FailReason     string        `json:"fail_reason,omitempty"`
	OpenID         string        `json:"openid,omitempty"`
	// UserName is the payee name as WeChat Pay returns it (encrypted with
	// the merchant certificate: see Client.DecryptSensitive).
	UserName   string `json:"user_name,omitempty"`
	CreateTime string `json:"create_time"` // RFC 3339
	UpdateTime string `json:"update_time"` // RFC 3339
}

// TransferBill is a merchant transfer bill as the query APIs return it.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/transfer-bill/get-transfer-bill-by-out-no.html
type TransferBill struct {
	MchID string `json:"mch_id"`
	TransferBillFields
}

// TransferCancelResult is the answer of the cancel API: CANCELING, then
// CANCELLED (watch the notification or query).
type TransferCancelResult struct {
	SubMchID       string        `json:"sub_mchid,omitempty"` // partner variant only
	OutBillNo      string        `json:"out_bill_no"`
	TransferBillNo string        `json:"transfer_bill_no"`
	State          TransferState `json:"state"`
	UpdateTime     string        `json:"update_time"` // RFC 3339
}

// TransferBillNotification is the decrypted resource of a
// MCHTRANSFER.BILL.FINISHED notification (merchant and partner: SubMchID
// is set for the latter).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/callback-notice.html
type TransferBillNotification struct {
	MchID          string        `json:"mch_id,omitempty"`
	SubMchID       string        `json:"sub_mchid,omitempty"`
	OutBillNo      string        `json:"out_bill_no"`
	TransferBillNo string        `json:"transfer_bill_no"`
	State          TransferState `json:"state"`
	TransferAmount int64         `json:"transfer_amount"`
	OpenID         string        `json:"openid"`
	FailReason     string        `json:"fail_reason,omitempty"`
	CreateTime     string        `json:"create_time"`
	UpdateTime     string        `json:"update_time"`
}

// TransferBill decodes a MCHTRANSFER.BILL.FINISHED notification.
func (n *Notification) TransferBill() (*TransferBillNotification, error) {
	t := new(TransferBillNotification)
	return t, n.Decode(t)
}

// checkTransfer validates r like WeChat Pay before anything is sent.
func checkTransfer(r *TransferBillRequest) error {
	switch {
	case r == nil:
		return argError("TransferBillRequest", "is nil")
	case r.AppID == "":
		return argError("appid", "is required")
	case !alnum(r.OutBillNo, 32):
		return argError("out_bill_no", "must be 1-32 letters or digits")
	case r.TransferSceneID == "":
		return argError("transfer_scene_id", "is required")
	case r.OpenID == "":
		return argError("openid", "is required")
	case r.TransferAmount <= 0:
		return argError("transfer_amount", "must be positive (fen)")
	case r.TransferAmount >= 200000 && r.UserName == "":
		return argError("user_name", "is required from 2,000 CNY")
	case r.TransferRemark == "" || utf8.RuneCountInString(r.TransferRemark) > 32:
		return argError("transfer_remark", "must be 1-32 characters")
	case len(r.TransferSceneReportInfos) == 0:
		return argError("transfer_scene_report_infos", "the transfer scene requires its report infos")
	}
	return nil
}

// alnum reports whether s is 1..max ASCII letters or digits (out_* numbers).
func alnum(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !('0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z') {
			return false
		}
	}
	return true
}

// InitiateBill creates a transfer bill (POST
// /v3/fund-app/mch-transfer/transfer-bills). UserName, when set, is
// encrypted here. Safe to retry with the same OutBillNo and content.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4012716434
func (s *TransferService) InitiateBill(ctx context.Context, req *TransferBillRequest) (*TransferBillResult, error) {
	if err := checkTransfer(req); err != nil {
		return nil, err
	}
	r := *req
	serial, err := s.c.encryptFields(ctx, &r.UserName)
	if err != nil {
		return nil, err
	}
	rq := post("/v3/fund-app/mch-transfer/transfer-bills", &r)
	rq.serial = serial
	return call[TransferBillResult](ctx, s.c, rq)
}

// QueryBillByOutBillNo queries a transfer bill by merchant bill number (GET
// /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/transfer-bill/get-transfer-bill-by-out-no.html
func (s *TransferService) QueryBillByOutBillNo(ctx context.Context, outBillNo string) (*TransferBill, error) {
	if outBillNo == "" {
		return nil, argError("out_bill_no", "is required")
	}
	return call[TransferBill](ctx, s.c, get(pathf("/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}", outBillNo), nil))
}

// QueryBillByTransferBillNo queries a transfer bill by WeChat Pay bill
// number (GET /v3/fund-app/mch-transfer/transfer-bills/transfer-bill-no/{transfer_bill_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/transfer-bill/get-transfer-bill-by-no.html
func (s *TransferService) QueryBillByTransferBillNo(ctx context.Context, transferBillNo string) (*TransferBill, error) {
	if transferBillNo == "" {
		return nil, argError("transfer_bill_no", "is required")
	}
	return call[TransferBill](ctx, s.c, get(pathf("/v3/fund-app/mch-transfer/transfer-bills/transfer-bill-no/{transfer_bill_no}", transferBillNo), nil))
}

// CancelBill cancels a bill the user has not confirmed yet (POST
// /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}/cancel,
// no body). Success means CANCELING; the bill ends CANCELLED.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/transfer-bill/cancel-transfer.html
func (s *TransferService) CancelBill(ctx context.Context, outBillNo string) (*TransferCancelResult, error) {
	if outBillNo == "" {
		return nil, argError("out_bill_no", "is required")
	}
	return call[TransferCancelResult](ctx, s.c, request{method: "POST", path: pathf("/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}/cancel", outBillNo)})
}

// MerchantTransferParams are the arguments of wx.requestMerchantTransfer
// (mini program) and of WeixinJSBridge "requestMerchantTransfer" (JSAPI)
// for a bill in WAIT_USER_CONFIRM. They are not signed: package_info is.
//
// See https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestMerchantTransfer.html
type MerchantTransferParams struct {
	MchID    string `json:"mchId"`
	SubMchID string `json:"subMchId,omitempty"`
	AppID    string `json:"appId,omitempty"`
	SubAppID string `json:"subAppId,omitempty"`
	Package  string `json:"package"`
	OpenID   string `json:"openId,omitempty"`
}

// ConfirmParams returns the wx.requestMerchantTransfer arguments for a
// merchant bill: appID is the bill's appid, packageInfo its package_info,
// openID optional (WeChat checks it is the confirming user).
func (s *TransferService) ConfirmParams(appID, packageInfo, openID string) (*MerchantTransferParams, error) {
	if appID == "" || packageInfo == "" {
		return nil, argError("package_info", "appID and packageInfo are required")
	}
	return &MerchantTransferParams{MchID: s.c.mchid, AppID: appID, Package: packageInfo, OpenID: openID}, nil
}

// PartnerConfirmParams returns the wx.requestMerchantTransfer arguments for
// a partner bill: exactly one of appID (the service provider's) and subAppID
// (the sub-merchant's).
func (s *TransferService) PartnerConfirmParams(subMchID, appID, subAppID, packageInfo, openID string) (*MerchantTransferParams, error) {
	if subMchID == "" || packageInfo == "" || (appID == "") == (subAppID == "") {
		return nil, argError("package_info", "subMchID, packageInfo and exactly one of appID and subAppID are required")
	}
	return &MerchantTransferParams{MchID: s.c.mchid, SubMchID: subMchID, AppID: appID, SubAppID: subAppID, Package: packageInfo, OpenID: openID}, nil
}

// ReceiptState is the state of an electronic receipt request of a
// transfer bill.
type ReceiptState string

// Electronic receipt states.
const (
	ReceiptGenerating ReceiptState = "GENERATING"
	ReceiptFinished   ReceiptState = "FINISHED"
	ReceiptFailed     ReceiptState = "FAILED"
)

// TransferReceipt is an electronic receipt request of a transfer bill.
// HashType (SHA256; SM3 is not supported by DownloadReceipt), HashValue and
// DownloadURL are set once FINISHED; DownloadURL is valid 10 minutes (query
// again for a new one).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/elecsign/query-elecsign-by-no.html
type TransferReceipt struct {
	State       ReceiptState `json:"state"`
	CreateTime  string       `json:"create_time"`
	UpdateTime  string       `json:"update_time,omitempty"`
	HashType    string       `json:"hash_type,omitempty"`
	HashValue   string       `json:"hash_value,omitempty"`
	DownloadURL string       `json:"download_url,omitempty"`
	FailReason  string       `json:"fail_reason,omitempty"`
}

// ApplyReceiptByOutBillNo asks for the electronic receipt of a SUCCESS bill
// that carried user_name (POST /v3/fund-app/mch-transfer/elecsign/out-bill-no).
// Safe to repeat.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/elecsign/accept-elecsign-by-out-no.html
func (s *TransferService) ApplyReceiptByOutBillNo(ctx context.Context, outBillNo string) (*TransferReceipt, error) {
	if outBillNo == "" {
		return nil, argError("out_bill_no", "is required")
	}
	body := struct {
		OutBillNo string `json:"out_bill_no"`
	}{outBillNo}
	return call[TransferReceipt](ctx, s.c, post("/v3/fund-app/mch-transfer/elecsign/out-bill-no", body))
}

// ApplyReceiptByTransferBillNo is ApplyReceiptByOutBillNo by WeChat Pay
// bill number (POST /v3/fund-app/mch-transfer/elecsign/transfer-bill-no).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/elecsign/accept-elecsign-by-no.html
func (s *TransferService) ApplyReceiptByTransferBillNo(ctx context.Context, transferBillNo string) (*TransferReceipt, error) {
	if transferBillNo == "" {
		return nil, argError("transfer_bill_no", "is required")
	}
	body := struct {
		TransferBillNo string `json:"transfer_bill_no"`
	}{transferBillNo}
	return call[TransferReceipt](ctx, s.c, post("/v3/fund-app/mch-transfer/elecsign/transfer-bill-no", body))
}

// QueryReceiptByOutBillNo returns the progress of a receipt request (GET
// /v3/fund-app/mch-transfer/elecsign/out-bill-no/{out_bill_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/elecsign/query-elecsign-by-out-no.html
func (s *TransferService) QueryReceiptByOutBillNo(ctx context.Context, outBillNo string) (*TransferReceipt, error) {
	if outBillNo == "" {
		return nil, argError("out_bill_no", "is required")
	}
	return call[TransferReceipt](ctx, s.c, get(pathf("/v3/fund-app/mch-transfer/elecsign/out-bill-no/{out_bill_no}", outBillNo), nil))
}

// QueryReceiptByTransferBillNo is QueryReceiptByOutBillNo by WeChat Pay bill
// number (GET /v3/fund-app/mch-transfer/elecsign/transfer-bill-no/{transfer_bill_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/elecsign/query-elecsign-by-no.html
func (s *TransferService) QueryReceiptByTransferBillNo(ctx context.Context, transferBillNo string) (*TransferReceipt, error) {
	if transferBillNo == "" {
		return nil, argError("transfer_bill_no", "is required")
	}
	return call[TransferReceipt](ctx, s.c, get(pathf("/v3/fund-app/mch-transfer/elecsign/transfer-bill-no/{transfer_bill_no}", transferBillNo), nil))
}

// DownloadReceipt streams a FINISHED receipt's file into w, checking its
// digest while streaming (on ErrBillHash discard what was written).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4013866774
func (s *TransferService) DownloadReceipt(ctx context.Context, r *TransferReceipt, w io.Writer) (int64, error) {
	if r == nil || r.DownloadURL == "" {
		return 0, errNoDownload
	}
	return s.c.download(ctx, r.DownloadURL, r.HashType, r.HashValue, false, w)
}

// PartnerTransferBillRequest is the body of the partner initiate transfer
// API: a TransferBillRequest paid from SubMchID.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4015469096
type PartnerTransferBillRequest struct {
	SubMchID string `json:"sub_mchid"`
	TransferBillRequest
}

// PartnerTransferBill is a partner transfer bill as the query APIs return
// it (MchID is the service provider).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4015469131
type PartnerTransferBill struct {
	MchID    string `json:"mchid"`
	SubMchID string `json:"sub_mchid"`
	TransferBillFields
}

// PartnerInitiateBill creates a transfer bill paid by a sub-merchant (POST
// /v3/fund-app/mch-transfer/partner/transfer-bills). Safe to retry with the
// same OutBillNo and content.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4015469096
func (s *TransferService) PartnerInitiateBill(ctx context.Context, req *PartnerTransferBillRequest) (*TransferBillResult, error) {
	if req == nil || req.SubMchID == "" {
		return nil, argError("sub_mchid", "is required")
	}
	if err := checkTransfer(&req.TransferBillRequest); err != nil {
		return nil, err
	}
	r := *req
	serial, err := s.c.encryptFields(ctx, &r.UserName)
	if err != nil {
		return nil, err
	}
	rq := post("/v3/fund-app/mch-transfer/partner/transfer-bills", &r)
	rq.serial = serial
	return call[TransferBillResult](ctx, s.c, rq)
}

// PartnerQueryBillByOutBillNo queries a partner bill (GET
// /v3/fund-app/mch-transfer/partner/transfer-bills/out-bill-no/{out_bill_no}?sub_mchid=).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4015469131
func (s *TransferService) PartnerQueryBillByOutBillNo(ctx context.Context, subMchID, outBillNo string) (*PartnerTransferBill, error) {
	if subMchID == "" || outBillNo == "" {
		return nil, argError("out_bill_no", "subMchID and outBillNo are required")
	}
	return call[PartnerTransferBill](ctx, s.c, get(pathf("/v3/fund-app/mch-transfer/partner/transfer-bills/out-bill-no/{out_bill_no}", outBillNo), url.Values{"sub_mchid": {subMchID}}))
}

// PartnerQueryBillByTransferBillNo queries a partner bill by WeChat Pay
// bill number (GET
// /v3/fund-app/mch-transfer/partner/transfer-bills/transfer-bill-no/{transfer_bill_no}?sub_mchid=).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4015469131 (and the
// transfer-bill-no page beside it)
func (s *TransferService) PartnerQueryBillByTransferBillNo(ctx context.Context, subMchID, transferBillNo string) (*PartnerTransferBill, error) {
	if subMchID == "" || transferBillNo == "" {
		return nil, argError("transfer_bill_no", "subMchID and transferBillNo are required")
	}
	return call[PartnerTransferBill](ctx, s.c, get(pathf("/v3/fund-app/mch-transfer/partner/transfer-bills/transfer-bill-no/{transfer_bill_no}", transferBillNo), url.Values{"sub_mchid": {subMchID}}))
}

// PartnerCancelBill cancels a partner bill the user has not confirmed (POST
// /v3/fund-app/mch-transfer/partner/transfer-bills/out-bill-no/{out_bill_no}/cancel,
// body {sub_mchid}).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4015469118
func (s *TransferService) PartnerCancelBill(ctx context.Context, subMchID, outBillNo string) (*TransferCancelResult, error) {
	if subMchID == "" || outBillNo == "" {
		return nil, argError("out_bill_no", "subMchID and outBillNo are required")
	}
	body := struct {
		SubMchID string `json:"sub_mchid"`
	}{subMchID}
	return call[TransferCancelResult](ctx, s.c, post(pathf("/v3/fund-app/mch-transfer/partner/transfer-bills/out-bill-no/{out_bill_no}/cancel", outBillNo), body))
}
