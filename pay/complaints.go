package pay

import (
	"context"
	"io"
	"iter"
	"net/http"
	"strconv"
)

// ComplaintService handles consumer complaints (消费者投诉 2.0). Queries,
// notification URL set-up and image uploads are safe to retry; Respond,
// Complete and UpdateRefundProgress change the complaint and should be
// retried only after a query shows they did not take effect.
type ComplaintService struct{ service }

// ComplaintState is the state of a complaint.
type ComplaintState string

// Complaint states.
const (
	ComplaintPending    ComplaintState = "PENDING"
	ComplaintProcessing ComplaintState = "PROCESSING"
	ComplaintProcessed  ComplaintState = "PROCESSED"
)

// ComplaintOrder is a payment a complaint is about.
type ComplaintOrder struct {
	TransactionID string `json:"transaction_id"`
	OutTradeNo    string `json:"out_trade_no"`
	Amount        int64  `json:"amount"` // fen
}

// ComplaintMedia is a set of images attached to a complaint; download each
// URL with DownloadImage.
type ComplaintMedia struct {
	MediaType string   `json:"media_type"` // USER_COMPLAINT_IMAGE, OPERATION_IMAGE
	MediaURL  []string `json:"media_url"`
}

// ComplaintServiceOrder is a PayScore service order a complaint is about.
type ComplaintServiceOrder struct {
	OrderID    string `json:"order_id"`
	OutOrderNo string `json:"out_order_no"`
	State      string `json:"state"` // DOING, REVOKED, WAITPAY, DONE
}

// ComplaintReturnAddress is where a rented power bank was returned.
type ComplaintReturnAddress struct {
	ReturnAddress string `json:"return_address,omitempty"`
	Longitude     string `json:"longitude,omitempty"`
	Latitude      string `json:"latitude,omitempty"`
}

// ComplaintAdditionalInfo is extra information of some complaint kinds.
type ComplaintAdditionalInfo struct {
	Type           string `json:"type,omitempty"` // SHARE_POWER_TYPE
	SharePowerInfo *struct {
		ReturnTime              string                  `json:"return_time,omitempty"`
		ReturnAddress           *ComplaintReturnAddress `json:"return_address_info,omitempty"`
		IsReturnedToSameMachine bool                    `json:"is_returned_to_same_machine,omitempty"`
	} `json:"share_power_info,omitempty"`
}

// Complaint is a consumer complaint, as listed and queried. PayerPhone is
// encrypted with the merchant certificate: decrypt it with
// Client.DecryptSensitive.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaints/query-complaint-v2.html
type Complaint struct {
	ComplaintID           string                   `json:"complaint_id"`
	ComplaintTime         string                   `json:"complaint_time"`
	ComplaintDetail       string                   `json:"complaint_detail"`
	ComplaintedMchID      string                   `json:"complainted_mchid"`
	ComplaintState        ComplaintState           `json:"complaint_state"`
	PayerPhone            string                   `json:"payer_phone,omitempty"`
	PayerOpenID           string                   `json:"payer_openid,omitempty"`
	ComplaintOrderInfo    []ComplaintOrder         `json:"complaint_order_info,omitempty"`
	ComplaintMediaList    []ComplaintMedia         `json:"complaint_media_list,omitempty"`
	ServiceOrderInfo      []ComplaintServiceOrder  `json:"service_order_info,omitempty"`
	AdditionalInfo        *ComplaintAdditionalInfo `json:"additional_info,omitempty"`
	ComplaintFullRefunded bool                     `json:"complaint_full_refunded"`
	IncomingUserResponse  bool                     `json:"incoming_user_response"`
	ProblemDescription    string                   `json:"problem_description"`
	UserComplaintTimes    int64                    `json:"user_complaint_times"`
	ProblemType           string                   `json:"problem_type,omitempty"` // REFUND, SERVICE_NOT_WORK, OTHERS
	ApplyRefundAmount     int64                    `json:"apply_refund_amount,omitempty"`
	UserTagList           []string                 `json:"user_tag_list,omitempty"`
	InPlatformService     bool                     `json:"in_platform_service,omitempty"`
	NeedImmediateService  bool                     `json:"need_immediate_service,omitempty"`
}

// ComplaintListRequest selects complaints: BeginDate and EndDate
// ("2006-01-02", at most 30 days apart) are required; ComplaintedMchID
// selects a sub-merchant (service providers). PageSize is 1..50 (default 10).
type ComplaintListRequest struct {
	BeginDate        string
	EndDate          string
	ComplaintedMchID string
	PageSize         int
}

// complaintPage is one page of a complaint list or negotiation history.
type complaintPage[T any] struct {
	Data       []T   `json:"data"`
	Limit      int64 `json:"limit"`
	Offset     int64 `json:"offset"`
	TotalCount int64 `json:"total_count"`
}

// pages iterates over a limit/offset list whose pages are complaintPage;
// q gives the other query parameters (empty ones are left out).
func pages[T any](ctx context.Context, c *Client, p string, q func() map[string]string, size int) iter.Seq2[T, error] {
	if size <= 0 {
		size = 10
	}
	return offsetSeq(size, func(offset int) ([]T, error) {
		v := query("limit", strconv.Itoa(size), "offset", strconv.Itoa(offset))
		for k, x := range q() {
			if x != "" {
				v.Set(k, x)
			}
		}
		pg, err := call[complaintPage[T]](ctx, c, get(p, v))
		if err != nil {
			return nil, err
		}
		return pg.Data, nil
	})
}

// List iterates over the complaints of a period (GET
// /v3/merchant-service/complaints-v2), fetching pages as needed.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaints/list-complaints-v2.html
func (s *ComplaintService) List(ctx context.Context, req *ComplaintListRequest) iter.Seq2[Complaint, error] {
	if req == nil || req.BeginDate == "" || req.EndDate == "" {
		return errSeq[Complaint](argError("BeginDate/EndDate", "are required"))
	}
	if req.PageSize < 0 || req.PageSize > 50 {
		return errSeq[Complaint](argError("PageSize", "must be 1..50"))
	}
	r := *req
	return pages[Complaint](ctx, s.c, "/v3/merchant-service/complaints-v2", func() map[string]string {
		return map[string]string{"begin_date": r.BeginDate, "end_date": r.EndDate, "complainted_mchid": r.ComplaintedMchID}
	}, r.PageSize)
}

// errSeq is an iterator yielding only err.
func errSeq[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// Get queries one complaint (GET
// /v3/merchant-service/complaints-v2/{complaint_id}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaints/query-complaint-v2.html
func (s *ComplaintService) Get(ctx context.Context, complaintID string) (*Complaint, error) {
	if err := need("complaintID", complaintID); err != nil {
		return nil, err
	}
	return call[Complaint](ctx, s.c, get(pathf("/v3/merchant-service/complaints-v2/{complaint_id}", complaintID), nil))
}

// NegotiationRecord is one entry of a complaint's negotiation history.
type NegotiationRecord struct {
	LogID                                    string          `json:"log_id"`
	Operator                                 string          `json:"operator"`
	OperateTime                              string          `json:"operate_time"`
	OperateType                              string          `json:"operate_type"`
	OperateDetails                           string          `json:"operate_details,omitempty"`
	ImageList                                []string        `json:"image_list,omitempty"`
	ComplaintMediaList                       *ComplaintMedia `json:"complaint_media_list,omitempty"`
	UserAppyPlatformServiceReason            string          `json:"user_appy_platform_service_reason,omitempty"`
	UserAppyPlatformServiceReasonDescription string          `json:"user_appy_platform_service_reason_description,omitempty"`
}

// NegotiationHistory iterates over the negotiation history of a complaint
// (GET /v3/merchant-service/complaints-v2/{complaint_id}/negotiation-historys),
// pageSize 1..300 (0: 100).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaints/query-negotiation-history-v2.html
func (s *ComplaintService) NegotiationHistory(ctx context.Context, complaintID string, pageSize int) iter.Seq2[NegotiationRecord, error] {
	if err := need("complaintID", complaintID); err != nil {
		return errSeq[NegotiationRecord](err)
	}
	if pageSize == 0 {
		pageSize = 100
	}
	if pageSize < 0 || pageSize > 300 {
		return errSeq[NegotiationRecord](argError("pageSize", "must be 1..300"))
	}
	return pages[NegotiationRecord](ctx, s.c, pathf("/v3/merchant-service/complaints-v2/{complaint_id}/negotiation-historys", complaintID),
		func() map[string]string { return nil }, pageSize)
}

// ComplaintNotificationURL is the complaint notification URL of the
// merchant.
type ComplaintNotificationURL struct {
	MchID string `json:"mchid"`
	URL   string `json:"url"`
}

type notifyURLBody struct {
	URL string `json:"url"`
}

const complaintNotifications = "/v3/merchant-service/complaint-notifications"

// CreateNotificationURL sets the URL complaint notifications are sent to
// (POST /v3/merchant-service/complaint-notifications).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaint-notifications/create-complaint-notifications.html
func (s *ComplaintService) CreateNotificationURL(ctx context.Context, notifyURL string) (*ComplaintNotificationURL, error) {
	if err := need("notifyURL", notifyURL); err != nil {
		return nil, err
	}
	return call[ComplaintNotificationURL](ctx, s.c, post(complaintNotifications, notifyURLBody{notifyURL}))
}

// NotificationURL queries the complaint notification URL (GET
// /v3/merchant-service/complaint-notifications).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaint-notifications/query-complaint-notifications.html
func (s *ComplaintService) NotificationURL(ctx context.Context) (*ComplaintNotificationURL, error) {
	return call[ComplaintNotificationURL](ctx, s.c, get(complaintNotifications, nil))
}

// UpdateNotificationURL changes the complaint notification URL (PUT
// /v3/merchant-service/complaint-notifications).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaint-notifications/update-complaint-notifications.html
func (s *ComplaintService) UpdateNotificationURL(ctx context.Context, notifyURL string) (*ComplaintNotificationURL, error) {
	if err := need("notifyURL", notifyURL); err != nil {
		return nil, err
	}
	return call[ComplaintNotificationURL](ctx, s.c, withBody(http.MethodPut, complaintNotifications, notifyURLBody{notifyURL}))
}

// DeleteNotificationURL removes the complaint notification URL (DELETE
// /v3/merchant-service/complaint-notifications; WeChat answers 204).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaint-notifications/delete-complaint-notifications.html
func (s *ComplaintService) DeleteNotificationURL(ctx context.Context) error {
	return s.c.do(ctx, request{method: http.MethodDelete, path: complaintNotifications}, nil)
}

// MiniProgramJumpInfo is a mini program link shown with a reply.
type MiniProgramJumpInfo struct {
	AppID string `json:"appid"`
	Path  string `json:"path"`
	Text  string `json:"text"`
}

// ComplaintResponse is a merchant reply to a complaint. ResponseImages are
// media ids from UploadImage (at most 4). ComplaintedMchID defaults to the
// client's merchant id.
type ComplaintResponse struct {
	ComplaintedMchID    string               `json:"complainted_mchid"`
	ResponseContent     string               `json:"response_content"`
	ResponseImages      []string             `json:"response_images,omitempty"`
	JumpURL             string               `json:"jump_url,omitempty"`
	JumpURLText         string               `json:"jump_url_text,omitempty"`
	MiniProgramJumpInfo *MiniProgramJumpInfo `json:"mini_program_jump_info,omitempty"`
}

// Respond replies to the user (POST
// /v3/merchant-service/complaints-v2/{complaint_id}/response; 204).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaints/response-complaint-v2.html
func (s *ComplaintService) Respond(ctx context.Context, complaintID string, req *ComplaintResponse) error {
	if req == nil || req.ResponseContent == "" {
		return argError("ResponseContent", "is required")
	}
	if err := need("complaintID", complaintID); err != nil {
		return err
	}
	if len(req.ResponseImages) > 4 {
		return argError("ResponseImages", "at most 4")
	}
	r := *req
	if r.ComplaintedMchID == "" {
		r.ComplaintedMchID = s.c.mchid
	}
	return s.c.do(ctx, post(pathf("/v3/merchant-service/complaints-v2/{complaint_id}/response", complaintID), &r), nil)
}

// Complete marks the complaint handled (POST
// /v3/merchant-service/complaints-v2/{complaint_id}/complete; 204).
// complaintedMchID defaults to the client's merchant id.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaints/complete-complaint-v2.html
func (s *ComplaintService) Complete(ctx context.Context, complaintID, complaintedMchID string) error {
	if err := need("complaintID", complaintID); err != nil {
		return err
	}
	if complaintedMchID == "" {
		complaintedMchID = s.c.mchid
	}
	body := struct {
		ComplaintedMchID string `json:"complainted_mchid"`
	}{complaintedMchID}
	return s.c.do(ctx, post(pathf("/v3/merchant-service/complaints-v2/{complaint_id}/complete", complaintID), body), nil)
}

// RefundAction is the merchant's decision on a refund request.
type RefundAction string

// Refund decisions.
const (
	RefundApprove RefundAction = "APPROVE"
	RefundReject  RefundAction = "REJECT"
)

// RefundProgress is the body of UpdateRefundProgress. Approve with
// LaunchRefundDay (working days, 0 = today, then refund with
// Client.Refund), reject with RejectReason.
type RefundProgress struct {
	Action          RefundAction `json:"action"`
	LaunchRefundDay *int64       `json:"launch_refund_day,omitempty"`
	RejectReason    string       `json:"reject_reason,omitempty"`
	RejectMediaList []string     `json:"reject_media_list,omitempty"`
	Remark          string       `json:"remark,omitempty"`
}

// UpdateRefundProgress answers a refund request of the user (POST
// /v3/merchant-service/complaints-v2/{complaint_id}/update-refund-progress;
// 204).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaints/update-refund-progress.html
func (s *ComplaintService) UpdateRefundProgress(ctx context.Context, complaintID string, req *RefundProgress) error {
	if err := need("complaintID", complaintID); err != nil {
		return err
	}
	switch {
	case req == nil || (req.Action != RefundApprove && req.Action != RefundReject):
		return argError("Action", "must be APPROVE or REJECT")
	case req.Action == RefundReject && req.RejectReason == "":
		return argError("RejectReason", "is required to reject")
	case len(req.RejectMediaList) > 4:
		return argError("RejectMediaList", "at most 4")
	}
	return s.c.do(ctx, post(pathf("/v3/merchant-service/complaints-v2/{complaint_id}/update-refund-progress", complaintID), req), nil)
}

// UploadImage uploads a JPG, BMP or PNG image of at most 2 MB for replies
// and refund decisions (POST /v3/merchant-service/images/upload) and
// returns its media id.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/images/create-images.html
func (s *ComplaintService) UploadImage(ctx context.Context, filename string, content io.Reader) (*MediaUpload, error) {
	out := new(MediaUpload)
	return out, s.c.upload(ctx, "/v3/merchant-service/images/upload", filename, content, maxComplaintUpload, imageExts, out)
}

// DownloadImage streams a complaint image (a ComplaintMedia.MediaURL, GET
// /v3/merchant-service/images/{media_id}) into w and returns the bytes
// written. As documented, WeChat Pay does not sign the image itself; error
// answers are verified. The signed request goes only to the API host.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter10_2_18.shtml
func (s *ComplaintService) DownloadImage(ctx context.Context, mediaURL string, w io.Writer) (int64, error) {
	if err := need("mediaURL", mediaURL); err != nil {
		return 0, err
	}
	resp, err := s.c.openUnsigned(ctx, mediaURL, "complaint image")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return io.Copy(w, resp.Body)
}

// Complaint notification event types.
const (
	EventComplaintCreate      = "COMPLAINT.CREATE"
	EventComplaintStateChange = "COMPLAINT.STATE_CHANGE"
)

// ComplaintNotification is the decrypted resource of a complaint
// notification (COMPLAINT.*): query the complaint for details.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/consumer-complaint/complaint-notifications/complaint-notification.html
type ComplaintNotification struct {
	ComplaintID   string `json:"complaint_id"`
	ActionType    string `json:"action_type"` // CREATE_COMPLAINT, CONTINUE_COMPLAINT, USER_RESPONSE, ...
	OutTradeNo    string `json:"out_trade_no,omitempty"`
	ComplaintTime string `json:"complaint_time,omitempty"`
	Amount        int64  `json:"amount,omitempty"`
}

// Complaint decodes a complaint notification.
func (n *Notification) Complaint() (*ComplaintNotification, error) {
	v := new(ComplaintNotification)
	return v, n.Decode(v)
}
