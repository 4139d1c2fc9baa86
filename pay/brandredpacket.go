package pay

import "context"

// BrandRedPacketService queries brand red packets (品牌红包) by WeChat Pay's
// own batch and detail numbers.
//
// Only the two queries by WeChat Pay numbers are here: the send API (POST
// /v3/fund-app/brand-redpacket/brand-merchant-batches) and the queries by
// merchant numbers are left out until their request and answer fields are
// confirmed from the official pages. The answers carry only the fields
// confirmed so far.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014297334
type BrandRedPacketService struct{ service }

// BrandRedPacketDetailState is the state of one red packet of a batch.
type BrandRedPacketDetailState string

// Brand red packet detail states. DETAIL_SUCCESS is final.
const (
	BrandRedPacketDetailInit       BrandRedPacketDetailState = "DETAIL_INIT"
	BrandRedPacketDetailWaitPay    BrandRedPacketDetailState = "DETAIL_WAIT_PAY"
	BrandRedPacketDetailProcessing BrandRedPacketDetailState = "DETAIL_PROCESSING"
	BrandRedPacketDetailSuccess    BrandRedPacketDetailState = "DETAIL_SUCCESS"
)

// BrandRedPacketBatch is a brand red packet batch as the batch query
// returns it (the confirmed fields; the batch state is not among them yet).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014310369
type BrandRedPacketBatch struct {
	BrandMchID string `json:"brand_mchid"`
	BatchNo    string `json:"batch_no"`
	OutBatchNo string `json:"out_batch_no"`
	BrandID    int64  `json:"brand_id,omitempty"`
	TemplateID string `json:"template_id,omitempty"`
	BrandAppID string `json:"brand_appid,omitempty"`
}

// BrandRedPacketDetail is one red packet of a batch as the detail query
// returns it (the confirmed fields).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014310384
type BrandRedPacketDetail struct {
	BrandMchID  string                    `json:"brand_mchid"`
	OutBatchNo  string                    `json:"out_batch_no"`
	BatchNo     string                    `json:"batch_no"`
	OutDetailNo string                    `json:"out_detail_no"`
	DetailNo    string                    `json:"detail_no"`
	DetailState BrandRedPacketDetailState `json:"detail_state"`
}

// QueryBatch returns a batch by its WeChat Pay batch number (GET
// /v3/fund-app/brand-redpacket/brand-merchant-batches/{batch_no}).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014310369
func (s *BrandRedPacketService) QueryBatch(ctx context.Context, batchNo string) (*BrandRedPacketBatch, error) {
	if batchNo == "" || len(batchNo) > 64 {
		return nil, argError("batch_no", "is required (at most 64 characters)")
	}
	return call[BrandRedPacketBatch](ctx, s.c, get(pathf("/v3/fund-app/brand-redpacket/brand-merchant-batches/{batch_no}", batchNo), nil))
}

// QueryDetail returns one red packet by its WeChat Pay batch and detail
// numbers (GET
// /v3/fund-app/brand-redpacket/brand-merchant-batches/{batch_no}/details/{detail_no}).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4014310384
func (s *BrandRedPacketService) QueryDetail(ctx context.Context, batchNo, detailNo string) (*BrandRedPacketDetail, error) {
	if batchNo == "" || detailNo == "" || len(batchNo) > 64 || len(detailNo) > 64 {
		return nil, argError("detail_no", "batchNo and detailNo are required (at most 64 characters each)")
	}
	return call[BrandRedPacketDetail](ctx, s.c, get(pathf("/v3/fund-app/brand-redpacket/brand-merchant-batches/{batch_no}/details/{detail_no}", batchNo, detailNo), nil))
}
