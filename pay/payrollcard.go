package pay

import (
	"context"
	"iter"
)

// PayrollCardService is the WeChat payroll card (微工卡, service
// providers): user authorization, identity checks and salary transfers.
// Fields tagged `pay:"encrypt"` are given in PLAIN TEXT and encrypted by
// the SDK (Wechatpay-Serial set). Queries are safe to retry; PreOrder and
// TransferBatch are idempotent by AuthenticateNumber and OutBatchNo.
type PayrollCardService struct{ service }

// PayrollToken is a token that opens the payroll card authorization page.
type PayrollToken struct {
	OpenID    string `json:"openid"`
	MchID     string `json:"mchid"`
	SubMchID  string `json:"sub_mchid"`
	Token     string `json:"token"`
	ExpiresIn int64  `json:"expires_in"`
}

// PayrollTokenRequest is the body of CreateToken.
type PayrollTokenRequest struct {
	OpenID         string `json:"openid"`
	AppID          string `json:"appid,omitempty"`
	SubMchID       string `json:"sub_mchid"`
	SubAppID       string `json:"sub_appid,omitempty"`
	UserName       string `json:"user_name" pay:"encrypt"`
	IDCardNumber   string `json:"id_card_number" pay:"encrypt"`
	EmploymentType string `json:"employment_type,omitempty"` // LONG_TERM_EMPLOYMENT, SHORT_TERM_EMPLOYMENT, COOPERATION_EMPLOYMENT
}

// CreateToken creates an authorization token (POST /v3/payroll-card/tokens).
//
// See https://pay.weixin.qq.com/docs/partner/apis/payroll-card/tokens/create-token.html
func (s *PayrollCardService) CreateToken(ctx context.Context, req *PayrollTokenRequest) (*PayrollToken, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("OpenID", req.OpenID, "SubMchID", req.SubMchID, "UserName", req.UserName, "IDCardNumber", req.IDCardNumber); err != nil {
		return nil, err
	}
	return sealedCall[PayrollToken](ctx, s.c, "/v3/payroll-card/tokens", req)
}

// sealedCall POSTs a copy of req with its sensitive fields encrypted.
func sealedCall[T, R any](ctx context.Context, c *Client, p string, req *R) (*T, error) {
	r, serial, err := sealCopy(ctx, c, req)
	if err != nil {
		return nil, err
	}
	rq := post(p, r)
	rq.serial = serial
	return call[T](ctx, c, rq)
}

// PayrollRelation is the authorization and card state of a user.
type PayrollRelation struct {
	OpenID          string `json:"openid"`
	MchID           string `json:"mchid"`
	SubMchID        string `json:"sub_mchid"`
	AuthorizeState  string `json:"authorize_state"` // UNAUTHORIZED, AUTHORIZED, DEAUTHORIZED
	AuthorizeTime   string `json:"authorize_time,omitempty"`
	DeauthorizeTime string `json:"deauthorize_time,omitempty"`
	RegisterState   string `json:"register_state"` // UNDEFINED, UNREGISTERED, REGISTERED, CLOSED
	RegisterTime    string `json:"register_time,omitempty"`
	CloseTime       string `json:"close_time,omitempty"`
}

// Relation queries a user's authorization (GET
// /v3/payroll-card/relations/{openid}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/payroll-card/relations/get-relation.html
func (s *PayrollCardService) Relation(ctx context.Context, subMchID, openID, appID, subAppID string) (*PayrollRelation, error) {
	if err := need("subMchID", subMchID, "openID", openID); err != nil {
		return nil, err
	}
	return call[PayrollRelation](ctx, s.c, get(pathf("/v3/payroll-card/relations/{openid}", openID),
		query("sub_mchid", subMchID, "appid", appID, "sub_appid", subAppID)))
}

// PayrollPreOrderRequest is the body of PreOrder and
// PreOrderWithAuth (the latter also needs UserName, IDCardNumber and
// EmploymentType).
type PayrollPreOrderRequest struct {
	OpenID             string `json:"openid"`
	AppID              string `json:"appid,omitempty"`
	SubMchID           string `json:"sub_mchid"`
	SubAppID           string `json:"sub_appid,omitempty"`
	AuthenticateNumber string `json:"authenticate_number"`
	ProjectName        string `json:"project_name"`
	EmployerName       string `json:"employer_name"`
	UserName           string `json:"user_name,omitempty" pay:"encrypt"`
	IDCardNumber       string `json:"id_card_number,omitempty" pay:"encrypt"`
	EmploymentType     string `json:"employment_type,omitempty"`
	AuthenticateType   string `json:"authenticate_type,omitempty"` // NORMAL, SIGN_IN, INSURANCE, CONTRACT
}

// PayrollPreOrder is the answer of PreOrder: the token of the face check.
type PayrollPreOrder struct {
	AuthenticateNumber string `json:"authenticate_number"`
	OpenID             string `json:"openid"`
	MchID              string `json:"mchid"`
	SubMchID           string `json:"sub_mchid"`
	Token              string `json:"token"`
	ExpiresIn          int64  `json:"expires_in"`
}

func (r *PayrollPreOrderRequest) check() error {
	if r == nil {
		return argError("req", "is nil")
	}
	return need("OpenID", r.OpenID, "SubMchID", r.SubMchID, "AuthenticateNumber", r.AuthenticateNumber,
		"ProjectName", r.ProjectName, "EmployerName", r.EmployerName)
}

// PreOrder starts an identity check of an authorized user (POST
// /v3/payroll-card/authentications/pre-order).
//
// See https://pay.weixin.qq.com/docs/partner/apis/payroll-card/authentications/pre-order-authentication.html
func (s *PayrollCardService) PreOrder(ctx context.Context, req *PayrollPreOrderRequest) (*PayrollPreOrder, error) {
	if err := req.check(); err != nil {
		return nil, err
	}
	return sealedCall[PayrollPreOrder](ctx, s.c, "/v3/payroll-card/authentications/pre-order", req)
}

// PreOrderWithAuth authorizes and starts an identity check at once (POST
// /v3/payroll-card/authentications/pre-order-with-auth).
//
// See https://pay.weixin.qq.com/docs/partner/apis/payroll-card/authentications/pre-order-authentication-with-auth.html
func (s *PayrollCardService) PreOrderWithAuth(ctx context.Context, req *PayrollPreOrderRequest) (*PayrollPreOrder, error) {
	if err := req.check(); err != nil {
		return nil, err
	}
	if err := need("UserName", req.UserName, "IDCardNumber", req.IDCardNumber, "EmploymentType", req.EmploymentType); err != nil {
		return nil, err
	}
	return sealedCall[PayrollPreOrder](ctx, s.c, "/v3/payroll-card/authentications/pre-order-with-auth", req)
}

// PayrollAuthentication is the result of an identity check.
type PayrollAuthentication struct {
	MchID                    string `json:"mchid"`
	SubMchID                 string `json:"sub_mchid"`
	OpenID                   string `json:"openid"`
	AuthenticateScene        string `json:"authenticate_scene"` // FROM_MINI_APP, FROM_HARDWARE
	AuthenticateSource       string `json:"authenticate_source"`
	ProjectName              string `json:"project_name"`
	EmployerName             string `json:"employer_name"`
	AuthenticateState        string `json:"authenticate_state"` // AUTHENTICATE_PROCESSING, AUTHENTICATE_SUCCESS, AUTHENTICATE_FAILED
	AuthenticateTime         string `json:"authenticate_time,omitempty"`
	AuthenticateNumber       string `json:"authenticate_number"`
	AuthenticateFailedReason string `json:"authenticate_failed_reason,omitempty"`
	AuthenticateType         string `json:"authenticate_type,omitempty"`
}

// Authentication queries an identity check (GET
// /v3/payroll-card/authentications/{authenticate_number}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/payroll-card/authentications/get-authentication.html
func (s *PayrollCardService) Authentication(ctx context.Context, subMchID, authenticateNumber string) (*PayrollAuthentication, error) {
	if err := need("subMchID", subMchID, "authenticateNumber", authenticateNumber); err != nil {
		return nil, err
	}
	return call[PayrollAuthentication](ctx, s.c, get(pathf("/v3/payroll-card/authentications/{authenticate_number}", authenticateNumber), query("sub_mchid", subMchID)))
}

// PayrollAuthenticationFilter selects Authentications: OpenID, SubMchID
// and AuthenticateDate ("2006-01-02") are required; PageSize 1..10.
type PayrollAuthenticationFilter struct {
	OpenID            string
	AppID             string
	SubAppID          string
	SubMchID          string
	AuthenticateDate  string
	AuthenticateState string
	PageSize          int
}

// Authentications iterates over a user's identity checks of a day (GET
// /v3/payroll-card/authentications).
//
// See https://pay.weixin.qq.com/docs/partner/apis/payroll-card/authentications/list-authentications.html
func (s *PayrollCardService) Authentications(ctx context.Context, f *PayrollAuthenticationFilter) iter.Seq2[PayrollAuthentication, error] {
	if f == nil {
		return errSeq[PayrollAuthentication](argError("f", "is nil"))
	}
	if err := need("OpenID", f.OpenID, "SubMchID", f.SubMchID, "AuthenticateDate", f.AuthenticateDate); err != nil {
		return errSeq[PayrollAuthentication](err)
	}
	r := *f
	return pages[PayrollAuthentication](ctx, s.c, "/v3/payroll-card/authentications", func() map[string]string {
		return map[string]string{"openid": r.OpenID, "appid": r.AppID, "sub_appid": r.SubAppID, "sub_mchid": r.SubMchID,
			"authenticate_date": r.AuthenticateDate, "authenticate_state": r.AuthenticateState}
	}, r.PageSize)
}

// PayrollTransferDetail is one salary transfer (fen); UserName is plain
// text.
type PayrollTransferDetail struct {
	OutDetailNo    string `json:"out_detail_no"`
	TransferAmount int64  `json:"transfer_amount"`
	TransferRemark string `json:"transfer_remark"`
	OpenID         string `json:"openid"`
	UserName       string `json:"user_name" pay:"encrypt"`
}

// PayrollTransferBatchRequest is the body of TransferBatch (fen).
type PayrollTransferBatchRequest struct {
	SubMchID           string                  `json:"sub_mchid"`
	SubAppID           string                  `json:"sub_appid,omitempty"`
	AuthorizationType  string                  `json:"authorization_type"` // INFORMATION_AUTHORIZATION_TYPE, FUND_AUTHORIZATION_TYPE, INFORMATION_AND_FUND_AUTHORIZATION_TYPE
	OutBatchNo         string                  `json:"out_batch_no"`
	BatchName          string                  `json:"batch_name"`
	BatchRemark        string                  `json:"batch_remark"`
	TotalAmount        int64                   `json:"total_amount"`
	TotalNum           int64                   `json:"total_num"`
	TransferDetailList []PayrollTransferDetail `json:"transfer_detail_list"`
	SpAppID            string                  `json:"sp_appid,omitempty"`
	EmploymentType     string                  `json:"employment_type,omitempty"`
	EmploymentScene    string                  `json:"employment_scene,omitempty"` // LOGISTICS, MANUFACTURING, HOTEL, CATERING, EVENT, RETAIL, OTHERS
	BusinessType       string                  `json:"business_type,omitempty"`    // UNDEFINE, PROMOTION
}

// PayrollTransferBatch is the answer of TransferBatch.
type PayrollTransferBatch struct {
	OutBatchNo string `json:"out_batch_no"`
	BatchID    string `json:"batch_id"`
	CreateTime string `json:"create_time"`
}

// TransferBatch pays salaries to payroll card users (POST
// /v3/payroll-card/transfer-batches). TotalNum and TotalAmount must match
// the details.
//
// See https://pay.weixin.qq.com/docs/partner/apis/payroll-card/transfer-batch/create-transfer-batch.html
func (s *PayrollCardService) TransferBatch(ctx context.Context, req *PayrollTransferBatchRequest) (*PayrollTransferBatch, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("SubMchID", req.SubMchID, "AuthorizationType", req.AuthorizationType, "OutBatchNo", req.OutBatchNo,
		"BatchName", req.BatchName, "BatchRemark", req.BatchRemark); err != nil {
		return nil, err
	}
	var sum int64
	for _, d := range req.TransferDetailList {
		if d.TransferAmount <= 0 || d.OutDetailNo == "" || d.OpenID == "" {
			return nil, argError("TransferDetailList", "each detail needs OutDetailNo, OpenID and a positive amount")
		}
		sum += d.TransferAmount
	}
	if len(req.TransferDetailList) == 0 || int64(len(req.TransferDetailList)) != req.TotalNum || sum != req.TotalAmount {
		return nil, argError("TotalNum/TotalAmount", "must match TransferDetailList")
	}
	return sealedCall[PayrollTransferBatch](ctx, s.c, "/v3/payroll-card/transfer-batches", req)
}
