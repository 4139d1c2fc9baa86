package pay

import (
	"context"
	"io"
	"iter"
	"net/url"
	"strconv"
)

// BatchTransferService is the batch transfer to balance API (商家转账到零钱,
// /v3/transfer/batches) for merchants not yet upgraded to the 2025
// user-confirm API (TransferService). Upgraded merchants get an error
// from WeChat Pay here.
//
// Retries: Initiate may be retried with the same OutBatchNo and the same
// content; after an unclear failure query by OutBatchNo first and never
// re-send the same payments under a new OutBatchNo until the query shows the
// batch CLOSED or its details FAIL. Queries and receipt calls are safe to
// repeat.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-batch/initiate-batch-transfer.html
type BatchTransferService struct{ c *Client }

// BatchStatus is the state of a transfer batch.
type BatchStatus string

// Batch states.
const (
	BatchWaitPay    BatchStatus = "WAIT_PAY"
	BatchAccepted   BatchStatus = "ACCEPTED"
	BatchProcessing BatchStatus = "PROCESSING"
	BatchFinished   BatchStatus = "FINISHED"
	BatchClosed     BatchStatus = "CLOSED"
)

// DetailStatus is the state of one payment of a batch.
type DetailStatus string

// Detail states.
const (
	DetailInit       DetailStatus = "INIT"
	DetailWaitPay    DetailStatus = "WAIT_PAY"
	DetailProcessing DetailStatus = "PROCESSING"
	DetailSuccess    DetailStatus = "SUCCESS"
	DetailFail       DetailStatus = "FAIL"
)

// Batch notification event types.
const (
	EventTransferBatchFinished = "MCHTRANSFER.BATCH.FINISHED"
	EventTransferBatchClosed   = "MCHTRANSFER.BATCH.CLOSED"
)

// BatchTransferDetailInput is one payment of a batch. UserName is PLAIN
// TEXT (Initiate encrypts it); it is required from 2,000 CNY.
type BatchTransferDetailInput struct {
	OutDetailNo    string `json:"out_detail_no"`
	TransferAmount int64  `json:"transfer_amount"`
	TransferRemark string `json:"transfer_remark"`
	OpenID         string `json:"openid"`
	UserName       string `json:"user_name,omitempty"`
}

// BatchTransferRequest is the body of the initiate batch transfer API.
// TotalAmount and TotalNum must match TransferDetailList.
type BatchTransferRequest struct {
	AppID              string                     `json:"appid"`
	OutBatchNo         string                     `json:"out_batch_no"`
	BatchName          string                     `json:"batch_name"`
	BatchRemark        string                     `json:"batch_remark"`
	TotalAmount        int64                      `json:"total_amount"`
	TotalNum           int64                      `json:"total_num"`
	TransferDetailList []BatchTransferDetailInput `json:"transfer_detail_list"`
	TransferSceneID    string                     `json:"transfer_scene_id,omitempty"`
	NotifyURL          string                     `json:"notify_url,omitempty"`
}

// BatchTransferResult is the answer of the initiate batch transfer API.
type BatchTransferResult struct {
	OutBatchNo  string      `json:"out_batch_no"`
	BatchID     string      `json:"batch_id"`
	CreateTime  string      `json:"create_time"`
	BatchStatus BatchStatus `json:"batch_status,omitempty"`
}

// TransferBatch is a batch as the batch queries return it.
type TransferBatch struct {
	MchID           string      `json:"mchid"`
	OutBatchNo      string      `json:"out_batch_no"`
	BatchID         string      `json:"batch_id"`
	AppID           string      `json:"appid"`
	BatchStatus     BatchStatus `json:"batch_status"`
	BatchType       string      `json:"batch_type"` // API or WEB
	BatchName       string      `json:"batch_name"`
	BatchRemark     string      `json:"batch_remark"`
	CloseReason     string      `json:"close_reason,omitempty"`
	TotalAmount     int64       `json:"total_amount"`
	TotalNum        int64       `json:"total_num"`
	CreateTime      string      `json:"create_time,omitempty"`
	UpdateTime      string      `json:"update_time,omitempty"`
	SuccessAmount   int64       `json:"success_amount,omitempty"`
	SuccessNum      int64       `json:"success_num,omitempty"`
	FailAmount      int64       `json:"fail_amount,omitempty"`
	FailNum         int64       `json:"fail_num,omitempty"`
	TransferSceneID string      `json:"transfer_scene_id,omitempty"`
}

// TransferDetailCompact is a detail line of a batch query.
type TransferDetailCompact struct {
	DetailID     string       `json:"detail_id"`
	OutDetailNo  string       `json:"out_detail_no"`
	DetailStatus DetailStatus `json:"detail_status"`
}

// TransferBatchEntity is the answer of the batch queries.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-batch/get-transfer-batch-by-out-no.html
type TransferBatchEntity struct {
	TransferBatch      *TransferBatch          `json:"transfer_batch"`
	TransferDetailList []TransferDetailCompact `json:"transfer_detail_list,omitempty"`
}

// TransferDetail is one payment of a batch as the detail queries return it.
// UserName is encrypted with the merchant certificate
// (Client.DecryptSensitive).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-detail/get-transfer-detail-by-out-no.html
type TransferDetail struct {
	MchID          string       `json:"mchid"`
	OutBatchNo     string       `json:"out_batch_no"`
	BatchID        string       `json:"batch_id"`
	AppID          string       `json:"appid"`
	OutDetailNo    string       `json:"out_detail_no"`
	DetailID       string       `json:"detail_id"`
	DetailStatus   DetailStatus `json:"detail_status"`
	TransferAmount int64        `json:"transfer_amount"`
	TransferRemark string       `json:"transfer_remark"`
	FailReason     string       `json:"fail_reason,omitempty"`
	OpenID         string       `json:"openid"`
	UserName       string       `json:"user_name,omitempty"`
	InitiateTime   string       `json:"initiate_time"`
	UpdateTime     string       `json:"update_time"`
}

// BatchTransferNotification is the decrypted resource of a
// MCHTRANSFER.BATCH.* notification.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-batch-callback-notice.html
type BatchTransferNotification struct {
	MchID         string      `json:"mchid"`
	OutBatchNo    string      `json:"out_batch_no"`
	BatchID       string      `json:"batch_id"`
	BatchStatus   BatchStatus `json:"batch_status"`
	TotalNum      int64       `json:"total_num"`
	TotalAmount   int64       `json:"total_amount"`
	SuccessAmount int64       `json:"success_amount"`
	SuccessNum    int64       `json:"success_num"`
	FailAmount    int64       `json:"fail_amount"`
	FailNum       int64       `json:"fail_num"`
	UpdateTime    string      `json:"update_time"`
	CloseReason   string      `json:"close_reason,omitempty"`
}

// BatchTransfer decodes a MCHTRANSFER.BATCH.* notification.
func (n *Notification) BatchTransfer() (*BatchTransferNotification, error) {
	b := new(BatchTransferNotification)
	return b, n.Decode(b)
}

// Initiate starts a batch transfer (POST /v3/transfer/batches). Every
// UserName is encrypted here. Safe to retry with the same OutBatchNo and
// content.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-batch/initiate-batch-transfer.html
func (s *BatchTransferService) Initiate(ctx context.Context, req *BatchTransferRequest) (*BatchTransferResult, error) {
	if req == nil || req.AppID == "" || !alnum(req.OutBatchNo, 32) || req.BatchName == "" || req.BatchRemark == "" {
		return nil, argError("out_batch_no", "AppID, OutBatchNo (1-32 letters or digits), BatchName and BatchRemark are required")
	}
	n := len(req.TransferDetailList)
	if n == 0 || n > 1000 || int64(n) != req.TotalNum {
		return nil, argError("total_num", "must equal the number of details (1-1000)")
	}
	r := *req
	r.TransferDetailList = append([]BatchTransferDetailInput(nil), req.TransferDetailList...)
	var sum int64
	names := make([]*string, 0, n)
	for i := range r.TransferDetailList {
		d := &r.TransferDetailList[i]
		if !alnum(d.OutDetailNo, 32) || d.OpenID == "" || d.TransferAmount <= 0 || d.TransferRemark == "" {
			return nil, argError("transfer_detail_list", "each detail needs OutDetailNo, OpenID, TransferRemark and a positive TransferAmount")
		}
		if d.TransferAmount >= 200000 && d.UserName == "" {
			return nil, argError("user_name", "is required from 2,000 CNY")
		}
		sum += d.TransferAmount
		names = append(names, &d.UserName)
	}
	if sum != r.TotalAmount {
		return nil, argError("total_amount", "must equal the sum of the details")
	}
	serial, err := s.c.encryptFields(ctx, names...)
	if err != nil {
		return nil, err
	}
	rq := post("/v3/transfer/batches", &r)
	rq.serial = serial
	return call[BatchTransferResult](ctx, s.c, rq)
}

// batchQuery builds the query of the batch APIs.
func batchQuery(detail bool, offset, limit int, status string) url.Values {
	q := url.Values{"need_query_detail": {strconv.FormatBool(detail)}}
	if detail {
		q.Set("offset", strconv.Itoa(offset))
		q.Set("limit", strconv.Itoa(limit))
		if status == "" {
			status = "ALL"
		}
		q.Set("detail_status", status)
	}
	return q
}

const batchPage = 100

// QueryBatchByID returns a batch without its details (GET
// /v3/transfer/batches/batch-id/{batch_id}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-batch/get-transfer-batch-by-no.html
func (s *BatchTransferService) QueryBatchByID(ctx context.Context, batchID string) (*TransferBatch, error) {
	if batchID == "" {
		return nil, argError("batch_id", "is required")
	}
	return s.batch(ctx, pathf("/v3/transfer/batches/batch-id/{batch_id}", batchID))
}

// QueryBatchByOutBatchNo returns a batch without its details (GET
// /v3/transfer/batches/out-batch-no/{out_batch_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-batch/get-transfer-batch-by-out-no.html
func (s *BatchTransferService) QueryBatchByOutBatchNo(ctx context.Context, outBatchNo string) (*TransferBatch, error) {
	if outBatchNo == "" {
		return nil, argError("out_batch_no", "is required")
	}
	return s.batch(ctx, pathf("/v3/transfer/batches/out-batch-no/{out_batch_no}", outBatchNo))
}

func (s *BatchTransferService) batch(ctx context.Context, path string) (*TransferBatch, error) {
	e, err := call[TransferBatchEntity](ctx, s.c, get(path, batchQuery(false, 0, 0, "")))
	if err != nil {
		return nil, err
	}
	if e.TransferBatch == nil {
		return nil, argError("transfer_batch", "missing from the answer")
	}
	return e.TransferBatch, nil
}

// BatchDetailsByID lists the details of a batch, all pages (status "" or
// ALL, SUCCESS, FAIL), with the batch-id query API.
func (s *BatchTransferService) BatchDetailsByID(ctx context.Context, batchID, status string) iter.Seq2[TransferDetailCompact, error] {
	return batchDetails(ctx, s.c, pathf("/v3/transfer/batches/batch-id/{batch_id}", batchID), "batch_id", batchID, status, merchantDetails)
}

// BatchDetailsByOutBatchNo lists the details of a batch, all pages, with
// the out-batch-no query API.
func (s *BatchTransferService) BatchDetailsByOutBatchNo(ctx context.Context, outBatchNo, status string) iter.Seq2[TransferDetailCompact, error] {
	return batchDetails(ctx, s.c, pathf("/v3/transfer/batches/out-batch-no/{out_batch_no}", outBatchNo), "out_batch_no", outBatchNo, status, merchantDetails)
}

// batchDetails pages through the details of a batch at path; E is the
// batch answer (merchant or partner) and list picks its details.
func batchDetails[E any](ctx context.Context, c *Client, path, name, id, status string, list func(*E) []TransferDetailCompact) iter.Seq2[TransferDetailCompact, error] {
	return offsetSeq(batchPage, func(offset int) ([]TransferDetailCompact, error) {
		if id == "" {
			return nil, argError(name, "is required")
		}
		e, err := call[E](ctx, c, get(path, batchQuery(true, offset, batchPage, status)))
		if err != nil {
			return nil, err
		}
		return list(e), nil
	})
}

func merchantDetails(e *TransferBatchEntity) []TransferDetailCompact { return e.TransferDetailList }
func partnerDetails(b *PartnerTransferBatch) []TransferDetailCompact { return b.TransferDetailList }

// QueryDetailByID queries one payment (GET
// /v3/transfer/batches/batch-id/{batch_id}/details/detail-id/{detail_id}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-detail/get-transfer-detail-by-no.html
func (s *BatchTransferService) QueryDetailByID(ctx context.Context, batchID, detailID string) (*TransferDetail, error) {
	if batchID == "" || detailID == "" {
		return nil, argError("detail_id", "batchID and detailID are required")
	}
	return call[TransferDetail](ctx, s.c, get(pathf("/v3/transfer/batches/batch-id/{batch_id}/details/detail-id/{detail_id}", batchID, detailID), nil))
}

// QueryDetailByOutNo queries one payment by merchant numbers (GET
// /v3/transfer/batches/out-batch-no/{out_batch_no}/details/out-detail-no/{out_detail_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/transfer-detail/get-transfer-detail-by-out-no.html
func (s *BatchTransferService) QueryDetailByOutNo(ctx context.Context, outBatchNo, outDetailNo string) (*TransferDetail, error) {
	if outBatchNo == "" || outDetailNo == "" {
		return nil, argError("out_detail_no", "outBatchNo and outDetailNo are required")
	}
	return call[TransferDetail](ctx, s.c, get(pathf("/v3/transfer/batches/out-batch-no/{out_batch_no}/details/out-detail-no/{out_detail_no}", outBatchNo, outDetailNo), nil))
}

// SignatureStatus is the state of a batch receipt request.
type SignatureStatus string

// Batch receipt states.
const (
	SignatureAccepted SignatureStatus = "ACCEPTED"
	SignatureFinished SignatureStatus = "FINISHED"
)

// BatchReceipt is an electronic receipt request of a batch or of one detail
// (AcceptType, OutDetailNo set for the latter).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/electronic-signature/get-electronic-signature-by-out-no.html
type BatchReceipt struct {
	AcceptType      AcceptType      `json:"accept_type,omitempty"`
	OutBatchNo      string          `json:"out_batch_no,omitempty"`
	OutDetailNo     string          `json:"out_detail_no,omitempty"`
	SignatureNo     string          `json:"signature_no"`
	SignatureStatus SignatureStatus `json:"signature_status"`
	HashType        string          `json:"hash_type,omitempty"`
	HashValue       string          `json:"hash_value,omitempty"`
	DownloadURL     string          `json:"download_url,omitempty"`
	CreateTime      string          `json:"create_time,omitempty"`
	UpdateTime      string          `json:"update_time,omitempty"`
}

// ApplyBatchReceipt asks for the receipt of a whole batch (POST
// /v3/transfer/bill-receipt). Safe to repeat.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/electronic-signature/create-electronic-signature.html
func (s *BatchTransferService) ApplyBatchReceipt(ctx context.Context, outBatchNo string) (*BatchReceipt, error) {
	if outBatchNo == "" {
		return nil, argError("out_batch_no", "is required")
	}
	body := struct {
		OutBatchNo string `json:"out_batch_no"`
	}{outBatchNo}
	return call[BatchReceipt](ctx, s.c, post("/v3/transfer/bill-receipt", body))
}

// QueryBatchReceipt returns the batch receipt request (GET
// /v3/transfer/bill-receipt/{out_batch_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/electronic-signature/get-electronic-signature-by-out-no.html
func (s *BatchTransferService) QueryBatchReceipt(ctx context.Context, outBatchNo string) (*BatchReceipt, error) {
	if outBatchNo == "" {
		return nil, argError("out_batch_no", "is required")
	}
	return call[BatchReceipt](ctx, s.c, get(pathf("/v3/transfer/bill-receipt/{out_batch_no}", outBatchNo), nil))
}

// AcceptType is the kind of payment a detail receipt is asked for.
type AcceptType string

// Detail receipt accept types.
const (
	AcceptBatchTransfer    AcceptType = "BATCH_TRANSFER"
	AcceptTransferToPocket AcceptType = "TRANSFER_TO_POCKET"
	AcceptTransferToBank   AcceptType = "TRANSFER_TO_BANK"
)

// DetailReceiptRequest selects a detail receipt: OutBatchNo is required
// with BATCH_TRANSFER and empty otherwise.
type DetailReceiptRequest struct {
	AcceptType  AcceptType `json:"accept_type"`
	OutBatchNo  string     `json:"out_batch_no,omitempty"`
	OutDetailNo string     `json:"out_detail_no"`
}

func (r *DetailReceiptRequest) check() error {
	if r == nil || r.AcceptType == "" || r.OutDetailNo == "" || (r.AcceptType == AcceptBatchTransfer) != (r.OutBatchNo != "") {
		return argError("accept_type", "AcceptType and OutDetailNo are required; OutBatchNo exactly with BATCH_TRANSFER")
	}
	return nil
}

// ApplyDetailReceipt asks for the receipt of one payment (POST
// /v3/transfer-detail/electronic-receipts). Safe to repeat.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/electronic-receipt-api/create-electronic-receipt.html
func (s *BatchTransferService) ApplyDetailReceipt(ctx context.Context, req *DetailReceiptRequest) (*BatchReceipt, error) {
	if err := req.check(); err != nil {
		return nil, err
	}
	return call[BatchReceipt](ctx, s.c, post("/v3/transfer-detail/electronic-receipts", req))
}

// QueryDetailReceipt returns a detail receipt request (GET
// /v3/transfer-detail/electronic-receipts?accept_type=&out_batch_no=&out_detail_no=).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/electronic-receipt-api/query-electronic-receipt.html
func (s *BatchTransferService) QueryDetailReceipt(ctx context.Context, req *DetailReceiptRequest) (*BatchReceipt, error) {
	if err := req.check(); err != nil {
		return nil, err
	}
	q := url.Values{"accept_type": {string(req.AcceptType)}, "out_detail_no": {req.OutDetailNo}}
	if req.OutBatchNo != "" {
		q.Set("out_batch_no", req.OutBatchNo)
	}
	return call[BatchReceipt](ctx, s.c, get("/v3/transfer-detail/electronic-receipts", q))
}

// DownloadReceipt streams a FINISHED receipt into w, checking its digest.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/download-receipt.html
func (s *BatchTransferService) DownloadReceipt(ctx context.Context, r *BatchReceipt, w io.Writer) (int64, error) {
	if r == nil || r.DownloadURL == "" {
		return 0, errNoDownload
	}
	return s.c.download(ctx, r.DownloadURL, r.HashType, r.HashValue, false, w)
}

// AuthorizationType is what a sub-merchant authorized for a partner batch.
type AuthorizationType string

// Partner batch authorization types.
const (
	AuthInformation        AuthorizationType = "INFORMATION_AUTHORIZATION_TYPE"
	AuthFund               AuthorizationType = "FUND_AUTHORIZATION_TYPE"
	AuthInformationAndFund AuthorizationType = "INFORMATION_AND_FUND_AUTHORIZATION_TYPE"
)

// PartnerBatchTransferDetailInput is one payment of a partner batch.
// UserName and UserIDCard are PLAIN TEXT (PartnerInitiate encrypts them).
type PartnerBatchTransferDetailInput struct {
	OutDetailNo    string `json:"out_detail_no"`
	TransferAmount int64  `json:"transfer_amount"`
	TransferRemark string `json:"transfer_remark"`
	OpenID         string `json:"openid"`
	UserName       string `json:"user_name,omitempty"`
	UserIDCard     string `json:"user_id_card,omitempty"`
}

// PartnerBatchTransferRequest is the body of the service-provider batch
// transfer API, paid from SubMchID.
//
// See https://pay.weixin.qq.com/docs/partner/apis/batch-transfer-to-balance/transfer-batch/initiate-batch-transfer.html
type PartnerBatchTransferRequest struct {
	SubMchID           string                            `json:"sub_mchid"`
	SubAppID           string                            `json:"sub_appid,omitempty"`
	AuthorizationType  AuthorizationType                 `json:"authorization_type"`
	OutBatchNo         string                            `json:"out_batch_no"`
	BatchName          string                            `json:"batch_name"`
	BatchRemark        string                            `json:"batch_remark"`
	TotalAmount        int64                             `json:"total_amount"`
	TotalNum           int64                             `json:"total_num"`
	TransferDetailList []PartnerBatchTransferDetailInput `json:"transfer_detail_list"`
	SpAppID            string                            `json:"sp_appid,omitempty"`
	TransferPurpose    string                            `json:"transfer_purpose,omitempty"` // GOODSPAYMENT, COMMISSION, REFUND, REIMBURSEMENT, FREIGHT, OTHERS
	TransferScene      string                            `json:"transfer_scene,omitempty"`   // ORDINARY_TRANSFER, PAYROLL_CARD_TRANSFER
}

// PartnerTransferBatch is a partner batch as the partner batch queries
// return it (details inline when asked for).
//
// See https://pay.weixin.qq.com/docs/partner/apis/batch-transfer-to-balance/transfer-batch/get-transfer-batch-by-out-no.html
type PartnerTransferBatch struct {
	SpMchID            string                  `json:"sp_mchid"`
	SubMchID           string                  `json:"sub_mchid"`
	OutBatchNo         string                  `json:"out_batch_no"`
	BatchID            string                  `json:"batch_id"`
	SubAppID           string                  `json:"sub_appid,omitempty"`
	BatchStatus        BatchStatus             `json:"batch_status"`
	BatchType          string                  `json:"batch_type"`
	AuthorizationType  AuthorizationType       `json:"authorization_type"`
	BatchName          string                  `json:"batch_name"`
	BatchRemark        string                  `json:"batch_remark"`
	CloseReason        string                  `json:"close_reason,omitempty"`
	TotalAmount        int64                   `json:"total_amount"`
	TotalNum           int64                   `json:"total_num"`
	CreateTime         string                  `json:"create_time,omitempty"`
	UpdateTime         string                  `json:"update_time,omitempty"`
	SuccessAmount      int64                   `json:"success_amount,omitempty"`
	SuccessNum         int64                   `json:"success_num,omitempty"`
	FailAmount         int64                   `json:"fail_amount,omitempty"`
	FailNum            int64                   `json:"fail_num,omitempty"`
	TransferDetailList []TransferDetailCompact `json:"transfer_detail_list,omitempty"`
	SpAppID            string                  `json:"sp_appid,omitempty"`
	TransferPurpose    string                  `json:"transfer_purpose,omitempty"`
	TransferScene      string                  `json:"transfer_scene,omitempty"`
}

// PartnerTransferDetail is one payment of a partner batch. Username is
// encrypted with the merchant certificate (Client.DecryptSensitive).
//
// See https://pay.weixin.qq.com/docs/partner/apis/batch-transfer-to-balance/transfer-detail/get-transfer-detail-by-out-no.html
type PartnerTransferDetail struct {
	SpMchID        string       `json:"sp_mchid"`
	OutBatchNo     string       `json:"out_batch_no"`
	BatchID        string       `json:"batch_id"`
	AppID          string       `json:"appid,omitempty"`
	OutDetailNo    string       `json:"out_detail_no"`
	DetailID       string       `json:"detail_id"`
	DetailStatus   DetailStatus `json:"detail_status"`
	TransferAmount int64        `json:"transfer_amount"`
	TransferRemark string       `json:"transfer_remark"`
	FailReason     string       `json:"fail_reason,omitempty"`
	OpenID         string       `json:"openid"`
	Username       string       `json:"username"`
	InitiateTime   string       `json:"initiate_time"`
	UpdateTime     string       `json:"update_time"`
}

// PartnerInitiate starts a batch transfer paid by a sub-merchant (POST
// /v3/partner-transfer/batches). Names and ID card numbers are encrypted
// here. Safe to retry with the same OutBatchNo and content.
//
// See https://pay.weixin.qq.com/docs/partner/apis/batch-transfer-to-balance/transfer-batch/initiate-batch-transfer.html
func (s *BatchTransferService) PartnerInitiate(ctx context.Context, req *PartnerBatchTransferRequest) (*BatchTransferResult, error) {
	if req == nil || req.SubMchID == "" || req.AuthorizationType == "" || !alnum(req.OutBatchNo, 32) || req.BatchName == "" || req.BatchRemark == "" {
		return nil, argError("out_batch_no", "SubMchID, AuthorizationType, OutBatchNo (1-32 letters or digits), BatchName and BatchRemark are required")
	}
	n := len(req.TransferDetailList)
	if n == 0 || n > 1000 || int64(n) != req.TotalNum {
		return nil, argError("total_num", "must equal the number of details (1-1000)")
	}
	r := *req
	r.TransferDetailList = append([]PartnerBatchTransferDetailInput(nil), req.TransferDetailList...)
	var sum int64
	fields := make([]*string, 0, 2*n)
	for i := range r.TransferDetailList {
		d := &r.TransferDetailList[i]
		if !alnum(d.OutDetailNo, 32) || d.OpenID == "" || d.TransferAmount <= 0 || d.TransferRemark == "" {
			return nil, argError("transfer_detail_list", "each detail needs OutDetailNo, OpenID, TransferRemark and a positive TransferAmount")
		}
		sum += d.TransferAmount
		fields = append(fields, &d.UserName, &d.UserIDCard)
	}
	if sum != r.TotalAmount {
		return nil, argError("total_amount", "must equal the sum of the details")
	}
	serial, err := s.c.encryptFields(ctx, fields...)
	if err != nil {
		return nil, err
	}
	rq := post("/v3/partner-transfer/batches", &r)
	rq.serial = serial
	return call[BatchTransferResult](ctx, s.c, rq)
}

// PartnerQueryBatchByID returns a partner batch without its details (GET
// /v3/partner-transfer/batches/batch-id/{batch_id}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/batch-transfer-to-balance/transfer-batch/get-transfer-batch-by-no.html
func (s *BatchTransferService) PartnerQueryBatchByID(ctx context.Context, batchID string) (*PartnerTransferBatch, error) {
	if batchID == "" {
		return nil, argError("batch_id", "is required")
	}
	return call[PartnerTransferBatch](ctx, s.c, get(pathf("/v3/partner-transfer/batches/batch-id/{batch_id}", batchID), batchQuery(false, 0, 0, "")))
}

// PartnerQueryBatchByOutBatchNo returns a partner batch without its
// details (GET /v3/partner-transfer/batches/out-batch-no/{out_batch_no}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/batch-transfer-to-balance/transfer-batch/get-transfer-batch-by-out-no.html
func (s *BatchTransferService) PartnerQueryBatchByOutBatchNo(ctx context.Context, outBatchNo string) (*PartnerTransferBatch, error) {
	if outBatchNo == "" {
		return nil, argError("out_batch_no", "is required")
	}
	return call[PartnerTransferBatch](ctx, s.c, get(pathf("/v3/partner-transfer/batches/out-batch-no/{out_batch_no}", outBatchNo), batchQuery(false, 0, 0, "")))
}

// PartnerBatchDetailsByOutBatchNo lists the details of a partner batch, all
// pages (status "" or ALL, SUCCESS, FAIL).
func (s *BatchTransferService) PartnerBatchDetailsByOutBatchNo(ctx context.Context, outBatchNo, status string) iter.Seq2[TransferDetailCompact, error] {
	return batchDetails(ctx, s.c, pathf("/v3/partner-transfer/batches/out-batch-no/{out_batch_no}", outBatchNo), "out_batch_no", outBatchNo, status, partnerDetails)
}

// PartnerBatchDetailsByID lists the details of a partner batch by its
// WeChat batch id, all pages (status "" or ALL, SUCCESS, FAIL).
func (s *BatchTransferService) PartnerBatchDetailsByID(ctx context.Context, batchID, status string) iter.Seq2[TransferDetailCompact, error] {
	return batchDetails(ctx, s.c, pathf("/v3/partner-transfer/batches/batch-id/{batch_id}", batchID), "batch_id", batchID, status, partnerDetails)
}

// PartnerQueryDetailByID queries one payment of a partner batch (GET
// /v3/partner-transfer/batches/batch-id/{batch_id}/details/detail-id/{detail_id}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/batch-transfer-to-balance/transfer-detail/get-transfer-detail-by-no.html
func (s *BatchTransferService) PartnerQueryDetailByID(ctx context.Context, batchID, detailID string) (*PartnerTransferDetail, error) {
	if batchID == "" || detailID == "" {
		return nil, argError("detail_id", "batchID and detailID are required")
	}
	return call[PartnerTransferDetail](ctx, s.c, get(pathf("/v3/partner-transfer/batches/batch-id/{batch_id}/details/detail-id/{detail_id}", batchID, detailID), nil))
}

// PartnerQueryDetailByOutNo queries one payment of a partner batch by
// merchant numbers (GET
// /v3/partner-transfer/batches/out-batch-no/{out_batch_no}/details/out-detail-no/{out_detail_no}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/batch-transfer-to-balance/transfer-detail/get-transfer-detail-by-out-no.html
func (s *BatchTransferService) PartnerQueryDetailByOutNo(ctx context.Context, outBatchNo, outDetailNo string) (*PartnerTransferDetail, error) {
	if outBatchNo == "" || outDetailNo == "" {
		return nil, argError("out_detail_no", "outBatchNo and outDetailNo are required")
	}
	return call[PartnerTransferDetail](ctx, s.c, get(pathf("/v3/partner-transfer/batches/out-batch-no/{out_batch_no}/details/out-detail-no/{out_detail_no}", outBatchNo, outDetailNo), nil))
}
