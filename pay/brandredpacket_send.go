package pay

import (
	"context"
	"strconv"
)

// BrandRedPacketBatchState is the state of a brand red packet batch.
type BrandRedPacketBatchState string

// Brand red packet batch states confirmed from the official pages:
// ACCEPTED once sent, FINISHED (final) once every red packet is settled.
// A batch can also be closed (final; see CloseReason).
const (
	BrandRedPacketBatchAccepted BrandRedPacketBatchState = "ACCEPTED"
	BrandRedPacketBatchFinished BrandRedPacketBatchState = "FINISHED"
)

// Detail states a batch query can ask for (need_query_detail; the list
// comes with a FINISHED batch).
const (
	BrandRedPacketViewAll     = "DETAIL_VIEW_ALL"
	BrandRedPacketViewSuccess = "DETAIL_VIEW_SUCCESS"
	BrandRedPacketViewFail    = "DETAIL_VIEW_FAIL"
)

// BrandRedPacketSendDetail is one red packet of a send (fen). UserName is
// given in PLAIN TEXT: Send encrypts it.
type BrandRedPacketSendDetail struct {
	OutDetailNo string `json:"out_detail_no"`
	Amount      int64  `json:"amount"`
	OpenID      string `json:"openid"`
	UserName    string `json:"user_name,omitempty" pay:"encrypt"`
	Remark      string `json:"remark,omitempty"`
}

// SendBrandRedPacketRequest is the body of BrandRedPacketService.Send:
// 1 to 10 red packets for the brand BrandID under the template TemplateID
// (scene CUSTOM_SEND). OutBatchNo and each OutDetailNo are at most 32
// letters or digits.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014310358
type SendBrandRedPacketRequest struct {
	BrandID     int64                      `json:"brand_id"`
	BrandAppID  string                     `json:"brand_appid"`
	Scene       string                     `json:"scene"` // CUSTOM_SEND
	TemplateID  string                     `json:"template_id"`
	OutBatchNo  string                     `json:"out_batch_no"`
	BatchName   string                     `json:"batch_name"`
	BatchRemark string                     `json:"batch_remark"`
	TotalAmount int64                      `json:"total_amount"`
	TotalNum    int64                      `json:"total_num"`
	DetailList  []BrandRedPacketSendDetail `json:"detail_list"`
}

// BrandRedPacketSent is the answer of a send: the batch was accepted, not
// yet paid out.
type BrandRedPacketSent struct {
	OutBatchNo string                   `json:"out_batch_no"`
	BatchNo    string                   `json:"batch_no"`
	CreateTime string                   `json:"create_time"`
	BatchState BrandRedPacketBatchState `json:"batch_state"`
}

// BrandRedPacketBatchItem is a red packet listed by a batch query.
type BrandRedPacketBatchItem struct {
	TransferDetailNo string                    `json:"transfer_detail_no"`
	OutDetailNo      string                    `json:"out_detail_no"`
	DetailState      BrandRedPacketDetailState `json:"detail_state"`
}

// BrandRedPacketBatchInfo is a batch as the query by merchant batch
// number returns it: the batch, its state, amounts (fen) and counts, and
// with need_query_detail the red packets of a FINISHED batch.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014297334
type BrandRedPacketBatchInfo struct {
	BrandRedPacketBatch
	BatchState    BrandRedPacketBatchState  `json:"batch_state"`
	BatchName     string                    `json:"batch_name,omitempty"`
	BatchRemark   string                    `json:"batch_remark,omitempty"`
	CloseReason   string                    `json:"close_reason,omitempty"`
	TotalAmount   int64                     `json:"total_amount"`
	TotalNum      int64                     `json:"total_num"`
	CreateTime    string                    `json:"create_time,omitempty"`
	UpdateTime    string                    `json:"update_time,omitempty"`
	SuccessAmount int64                     `json:"success_amount"`
	SuccessNum    int64                     `json:"success_num"`
	FailAmount    int64                     `json:"fail_amount"`
	FailNum       int64                     `json:"fail_num"`
	DetailList    []BrandRedPacketBatchItem `json:"detail_list,omitempty"`
}

// BrandRedPacketDetailInfo is one red packet as the query by merchant
// numbers returns it.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014297334
type BrandRedPacketDetailInfo struct {
	BrandRedPacketDetail
	Amount       int64  `json:"amount"`
	Remark       string `json:"remark,omitempty"`
	FailReason   string `json:"fail_reason,omitempty"`
	OpenID       string `json:"openid,omitempty"`
	UserName     string `json:"user_name,omitempty"`
	InitiateTime string `json:"initiate_time,omitempty"`
	UpdateTime   string `json:"update_time,omitempty"`
	BrandID      int64  `json:"brand_id,omitempty"`
	TemplateID   string `json:"template_id,omitempty"`
	BrandAppID   string `json:"brand_appid,omitempty"`
}

// alnumNo reports whether v is 1 to 32 letters or digits.
func alnumNo(v string) bool {
	if v == "" || len(v) > 32 {
		return false
	}
	for _, c := range v {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// Send sends 1 to 10 brand red packets (POST
// /v3/fund-app/brand-redpacket/brand-merchant-batches). User names are
// encrypted with the WeChat Pay key, whose id goes in Wechatpay-Serial
// (sent in every case, as the page requires). Accepted is not paid: follow
// the batch with QueryBatchByOutBatchNo. On an error retry with the same
// OutBatchNo and the same content, never a new number, until a query shows
// the batch closed.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014310358
func (s *BrandRedPacketService) Send(ctx context.Context, req *SendBrandRedPacketRequest) (*BrandRedPacketSent, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("BrandAppID", req.BrandAppID, "Scene", req.Scene, "TemplateID", req.TemplateID); err != nil {
		return nil, err
	}
	switch {
	case req.BrandID <= 0:
		return nil, argError("BrandID", "is required")
	case !alnumNo(req.OutBatchNo):
		return nil, argError("OutBatchNo", "must be 1 to 32 letters or digits")
	case len(req.DetailList) == 0 || len(req.DetailList) > 10:
		return nil, argError("DetailList", "must hold 1 to 10 red packets")
	}
	for i, d := range req.DetailList {
		if !alnumNo(d.OutDetailNo) || d.OpenID == "" || d.Amount <= 0 {
			return nil, argError("DetailList["+strconv.Itoa(i)+"]", "needs an OutDetailNo of 1 to 32 letters or digits, an OpenID and a positive Amount")
		}
	}
	body, serial, err := sealCopy(ctx, s.c, req)
	if err != nil {
		return nil, err
	}
	if serial == "" {
		if _, serial, err = s.c.encryptionKey(ctx); err != nil {
			return nil, err
		}
	}
	rq := post("/v3/fund-app/brand-redpacket/brand-merchant-batches", body)
	rq.serial = serial
	return call[BrandRedPacketSent](ctx, s.c, rq)
}

// QueryBatchByOutBatchNo returns a batch by the merchant's batch number
// (GET /v3/fund-app/brand-redpacket/brand-merchant-out-batches/{out_batch_no}).
// detailState, one of the BrandRedPacketView constants, asks for the red
// packets in that state too ("" for none).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014297334
func (s *BrandRedPacketService) QueryBatchByOutBatchNo(ctx context.Context, outBatchNo, detailState string) (*BrandRedPacketBatchInfo, error) {
	if !alnumNo(outBatchNo) {
		return nil, argError("outBatchNo", "must be 1 to 32 letters or digits")
	}
	var q []string
	switch detailState {
	case "":
	case BrandRedPacketViewAll, BrandRedPacketViewSuccess, BrandRedPacketViewFail:
		q = []string{"need_query_detail", "true", "detail_state", detailState}
	default:
		return nil, argError("detailState", "must be DETAIL_VIEW_ALL, DETAIL_VIEW_SUCCESS or DETAIL_VIEW_FAIL")
	}
	return call[BrandRedPacketBatchInfo](ctx, s.c, get(pathf("/v3/fund-app/brand-redpacket/brand-merchant-out-batches/{out_batch_no}", outBatchNo), query(q...)))
}

// QueryDetailByOutDetailNo returns one red packet by the merchant's batch
// and detail numbers (GET
// /v3/fund-app/brand-redpacket/brand-merchant-out-batches/{out_batch_no}/out-details/{out_detail_no}).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014297334
func (s *BrandRedPacketService) QueryDetailByOutDetailNo(ctx context.Context, outBatchNo, outDetailNo string) (*BrandRedPacketDetailInfo, error) {
	if !alnumNo(outBatchNo) || !alnumNo(outDetailNo) {
		return nil, argError("outDetailNo", "outBatchNo and outDetailNo must be 1 to 32 letters or digits")
	}
	return call[BrandRedPacketDetailInfo](ctx, s.c, get(pathf("/v3/fund-app/brand-redpacket/brand-merchant-out-batches/{out_batch_no}/out-details/{out_detail_no}", outBatchNo, outDetailNo), nil))
}
