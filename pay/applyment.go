package pay

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
)

// ApplymentService onboards sub-merchants for a service provider
// (特约商户进件). Fields tagged `pay:"encrypt"` are given in PLAIN TEXT:
// Submit and ModifySettlement encrypt them with the WeChat Pay public key
// (or newest platform certificate) and send its id as Wechatpay-Serial.
// Submit is idempotent by BusinessCode (retry with the same code); queries
// are safe to retry; ModifySettlement should be retried only after
// SettlementApplication shows no application.
type ApplymentService struct{ service }

// sealCopy returns a deep copy of req with every string field tagged
// `pay:"encrypt"` encrypted, and the serial to send as Wechatpay-Serial
// ("" when nothing needed encryption).
func sealCopy[T any](ctx context.Context, c *Client, req *T) (*T, string, error) {
	b, err := json.Marshal(req)
	if err != nil {
		return nil, "", fmt.Errorf("pay: encoding request: %w", err)
	}
	out := new(T)
	if err := json.Unmarshal(b, out); err != nil {
		return nil, "", fmt.Errorf("pay: copying request: %w", err)
	}
	var fields []*string
	collectSensitive(reflect.ValueOf(out).Elem(), &fields)
	if len(fields) == 0 {
		return out, "", nil
	}
	pub, serial, err := c.encryptionKey(ctx)
	if err != nil {
		return nil, "", err
	}
	for _, f := range fields {
		if *f, err = encryptOAEP(pub, *f); err != nil {
			return nil, "", err
		}
	}
	return out, serial, nil
}

// collectSensitive gathers the non-empty string fields tagged
// `pay:"encrypt"` reachable from v.
func collectSensitive(v reflect.Value, out *[]*string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			collectSensitive(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			collectSensitive(v.Index(i), out)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := v.Field(i)
			if !t.Field(i).IsExported() {
				continue
			}
			if t.Field(i).Tag.Get("pay") == "encrypt" && f.Kind() == reflect.String {
				if f.String() != "" {
					*out = append(*out, f.Addr().Interface().(*string))
				}
				continue
			}
			collectSensitive(f, out)
		}
	}
}

// ApplymentContactInfo is the super administrator of the sub-merchant.
type ApplymentContactInfo struct {
	ContactType                 string `json:"contact_type"` // LEGAL, SUPER
	ContactName                 string `json:"contact_name" pay:"encrypt"`
	ContactIDDocType            string `json:"contact_id_doc_type,omitempty"`
	ContactIDNumber             string `json:"contact_id_number,omitempty" pay:"encrypt"`
	ContactIDDocCopy            string `json:"contact_id_doc_copy,omitempty"`
	ContactIDDocCopyBack        string `json:"contact_id_doc_copy_back,omitempty"`
	ContactPeriodBegin          string `json:"contact_period_begin,omitempty"`
	ContactPeriodEnd            string `json:"contact_period_end,omitempty"`
	BusinessAuthorizationLetter string `json:"business_authorization_letter,omitempty"`
	OpenID                      string `json:"openid,omitempty" pay:"encrypt"`
	MobilePhone                 string `json:"mobile_phone" pay:"encrypt"`
	ContactEmail                string `json:"contact_email" pay:"encrypt"`
}

// BusinessLicenseInfo is a business license (media ids from
// MediaService.UploadImage).
type BusinessLicenseInfo struct {
	LicenseCopy    string `json:"license_copy"`
	LicenseNumber  string `json:"license_number"`
	MerchantName   string `json:"merchant_name"`
	LegalPerson    string `json:"legal_person"`
	LicenseAddress string `json:"license_address,omitempty"`
	PeriodBegin    string `json:"period_begin,omitempty"`
	PeriodEnd      string `json:"period_end,omitempty"`
}

// CertificateInfo is a registration certificate of a non-company subject.
type CertificateInfo struct {
	CertCopy       string `json:"cert_copy"`
	CertType       string `json:"cert_type"`
	CertNumber     string `json:"cert_number"`
	MerchantName   string `json:"merchant_name"`
	CompanyAddress string `json:"company_address"`
	LegalPerson    string `json:"legal_person"`
	PeriodBegin    string `json:"period_begin"`
	PeriodEnd      string `json:"period_end"`
}

// FinanceInstitutionInfo describes a financial institution subject.
type FinanceInstitutionInfo struct {
	FinanceType        string   `json:"finance_type"`
	FinanceLicensePics []string `json:"finance_license_pics"`
}

// IDCardInfo is a mainland identity card.
type IDCardInfo struct {
	IDCardCopy      string `json:"id_card_copy"`
	IDCardNational  string `json:"id_card_national"`
	IDCardName      string `json:"id_card_name" pay:"encrypt"`
	IDCardNumber    string `json:"id_card_number" pay:"encrypt"`
	IDCardAddress   string `json:"id_card_address,omitempty" pay:"encrypt"`
	CardPeriodBegin string `json:"card_period_begin"`
	CardPeriodEnd   string `json:"card_period_end"`
}

// IDDocInfo is another identity document.
type IDDocInfo struct {
	IDDocCopy      string `json:"id_doc_copy"`
	IDDocCopyBack  string `json:"id_doc_copy_back,omitempty"`
	IDDocName      string `json:"id_doc_name" pay:"encrypt"`
	IDDocNumber    string `json:"id_doc_number" pay:"encrypt"`
	IDDocAddress   string `json:"id_doc_address,omitempty" pay:"encrypt"`
	DocPeriodBegin string `json:"doc_period_begin"`
	DocPeriodEnd   string `json:"doc_period_end"`
}

// IdentityInfo is the identity of the legal representative or operator.
type IdentityInfo struct {
	IDHolderType        string      `json:"id_holder_type,omitempty"` // LEGAL, SUPER
	IDDocType           string      `json:"id_doc_type"`              // IDENTIFICATION_TYPE_IDCARD, ...
	AuthorizeLetterCopy string      `json:"authorize_letter_copy,omitempty"`
	IDCardInfo          *IDCardInfo `json:"id_card_info,omitempty"`
	IDDocInfo           *IDDocInfo  `json:"id_doc_info,omitempty"`
	Owner               bool        `json:"owner,omitempty"`
}

// UBOInfo is an ultimate beneficial owner.
type UBOInfo struct {
	UBOIDDocType     string `json:"ubo_id_doc_type"`
	UBOIDDocCopy     string `json:"ubo_id_doc_copy"`
	UBOIDDocCopyBack string `json:"ubo_id_doc_copy_back,omitempty"`
	UBOIDDocName     string `json:"ubo_id_doc_name" pay:"encrypt"`
	UBOIDDocNumber   string `json:"ubo_id_doc_number" pay:"encrypt"`
	UBOIDDocAddress  string `json:"ubo_id_doc_address" pay:"encrypt"`
	UBOPeriodBegin   string `json:"ubo_period_begin"`
	UBOPeriodEnd     string `json:"ubo_period_end"`
}

// ApplymentSubjectInfo is the legal subject of the sub-merchant.
type ApplymentSubjectInfo struct {
	SubjectType            string                  `json:"subject_type"` // SUBJECT_TYPE_INDIVIDUAL, SUBJECT_TYPE_ENTERPRISE, ...
	FinanceInstitution     bool                    `json:"finance_institution,omitempty"`
	BusinessLicenseInfo    *BusinessLicenseInfo    `json:"business_license_info,omitempty"`
	CertificateInfo        *CertificateInfo        `json:"certificate_info,omitempty"`
	CertificateLetterCopy  string                  `json:"certificate_letter_copy,omitempty"`
	FinanceInstitutionInfo *FinanceInstitutionInfo `json:"finance_institution_info,omitempty"`
	IdentityInfo           IdentityInfo            `json:"identity_info"`
	UBOInfoList            []UBOInfo               `json:"ubo_info_list,omitempty"`
}

// BizStoreInfo is a physical store sales scene.
type BizStoreInfo struct {
	BizStoreName     string   `json:"biz_store_name"`
	BizAddressCode   string   `json:"biz_address_code"`
	BizStoreAddress  string   `json:"biz_store_address"`
	StoreEntrancePic []string `json:"store_entrance_pic"`
	IndoorPic        []string `json:"indoor_pic"`
	BizSubAppID      string   `json:"biz_sub_appid,omitempty"`
}

// MPInfo is an official account sales scene.
type MPInfo struct {
	MPAppID    string   `json:"mp_appid,omitempty"`
	MPSubAppID string   `json:"mp_sub_appid,omitempty"`
	MPPics     []string `json:"mp_pics"`
}

// MiniProgramInfo is a mini program sales scene.
type MiniProgramInfo struct {
	MiniProgramAppID    string   `json:"mini_program_appid,omitempty"`
	MiniProgramSubAppID string   `json:"mini_program_sub_appid,omitempty"`
	MiniProgramPics     []string `json:"mini_program_pics,omitempty"`
}

// AppInfo is an APP sales scene.
type AppInfo struct {
	AppAppID    string   `json:"app_appid,omitempty"`
	AppSubAppID string   `json:"app_sub_appid,omitempty"`
	AppPics     []string `json:"app_pics"`
}

// WebInfo is a web site sales scene.
type WebInfo struct {
	Domain           string `json:"domain"`
	WebAuthorisation string `json:"web_authorisation,omitempty"`
	WebAppID         string `json:"web_appid,omitempty"`
}

// WeworkInfo is a WeCom sales scene.
type WeworkInfo struct {
	SubCorpID  string   `json:"sub_corp_id"`
	WeworkPics []string `json:"wework_pics"`
}

// SalesInfo lists the sales scenes.
type SalesInfo struct {
	SalesScenesType []string         `json:"sales_scenes_type"` // SALES_SCENES_STORE, SALES_SCENES_MP, ...
	BizStoreInfo    *BizStoreInfo    `json:"biz_store_info,omitempty"`
	MPInfo          *MPInfo          `json:"mp_info,omitempty"`
	MiniProgramInfo *MiniProgramInfo `json:"mini_program_info,omitempty"`
	AppInfo         *AppInfo         `json:"app_info,omitempty"`
	WebInfo         *WebInfo         `json:"web_info,omitempty"`
	WeworkInfo      *WeworkInfo      `json:"wework_info,omitempty"`
}

// ApplymentBusinessInfo is the business of the sub-merchant.
type ApplymentBusinessInfo struct {
	MerchantShortname string    `json:"merchant_shortname"`
	ServicePhone      string    `json:"service_phone"`
	SalesInfo         SalesInfo `json:"sales_info"`
}

// ApplymentSettlementInfo is the settlement rule.
type ApplymentSettlementInfo struct {
	SettlementID         string   `json:"settlement_id"`
	QualificationType    string   `json:"qualification_type"`
	Qualifications       []string `json:"qualifications,omitempty"`
	ActivitiesID         string   `json:"activities_id,omitempty"`
	ActivitiesRate       string   `json:"activities_rate,omitempty"`
	ActivitiesAdditions  []string `json:"activities_additions,omitempty"`
	DebitActivitiesRate  string   `json:"debit_activities_rate,omitempty"`
	CreditActivitiesRate string   `json:"credit_activities_rate,omitempty"`
}

// ApplymentBankAccountInfo is the settlement bank account.
type ApplymentBankAccountInfo struct {
	BankAccountType string `json:"bank_account_type"` // BANK_ACCOUNT_TYPE_CORPORATE, BANK_ACCOUNT_TYPE_PERSONAL
	AccountName     string `json:"account_name" pay:"encrypt"`
	AccountBank     string `json:"account_bank"`
	BankAddressCode string `json:"bank_address_code"`
	BankBranchID    string `json:"bank_branch_id,omitempty"`
	BankName        string `json:"bank_name,omitempty"`
	AccountNumber   string `json:"account_number" pay:"encrypt"`
}

// ApplymentAdditionInfo holds supplementary material.
type ApplymentAdditionInfo struct {
	LegalPersonCommitment string   `json:"legal_person_commitment,omitempty"`
	LegalPersonVideo      string   `json:"legal_person_video,omitempty"`
	BusinessAdditionPics  []string `json:"business_addition_pics,omitempty"`
	BusinessAdditionMsg   string   `json:"business_addition_msg,omitempty"`
}

// ApplymentRequest is the body of Submit. Image fields are media ids from
// MediaService.UploadImage; sensitive fields are plain text (see
// ApplymentService).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter11_1_1.shtml
type ApplymentRequest struct {
	BusinessCode    string                    `json:"business_code"`
	ContactInfo     ApplymentContactInfo      `json:"contact_info"`
	SubjectInfo     ApplymentSubjectInfo      `json:"subject_info"`
	BusinessInfo    ApplymentBusinessInfo     `json:"business_info"`
	SettlementInfo  ApplymentSettlementInfo   `json:"settlement_info"`
	BankAccountInfo *ApplymentBankAccountInfo `json:"bank_account_info,omitempty"`
	AdditionInfo    *ApplymentAdditionInfo    `json:"addition_info,omitempty"`
}

// ApplymentSubmitted is the answer of Submit.
type ApplymentSubmitted struct {
	ApplymentID int64 `json:"applyment_id"`
}

// Submit submits an onboarding application (POST
// /v3/applyment4sub/applyment/).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter11_1_1.shtml
func (s *ApplymentService) Submit(ctx context.Context, req *ApplymentRequest) (*ApplymentSubmitted, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("BusinessCode", req.BusinessCode, "ContactInfo.ContactName", req.ContactInfo.ContactName,
		"SubjectInfo.SubjectType", req.SubjectInfo.SubjectType,
		"BusinessInfo.MerchantShortname", req.BusinessInfo.MerchantShortname,
		"SettlementInfo.SettlementID", req.SettlementInfo.SettlementID); err != nil {
		return nil, err
	}
	return sealedCall[ApplymentSubmitted](ctx, s.c, "/v3/applyment4sub/applyment/", req)
}

// ApplymentState is the state of an onboarding application.
type ApplymentState string

// Application states.
const (
	ApplymentEditting      ApplymentState = "APPLYMENT_STATE_EDITTING" // sic
	ApplymentAuditing      ApplymentState = "APPLYMENT_STATE_AUDITING"
	ApplymentRejected      ApplymentState = "APPLYMENT_STATE_REJECTED"
	ApplymentToBeConfirmed ApplymentState = "APPLYMENT_STATE_TO_BE_CONFIRMED"
	ApplymentToBeSigned    ApplymentState = "APPLYMENT_STATE_TO_BE_SIGNED"
	ApplymentSigning       ApplymentState = "APPLYMENT_STATE_SIGNING"
	ApplymentFinished      ApplymentState = "APPLYMENT_STATE_FINISHED"
	ApplymentCanceled      ApplymentState = "APPLYMENT_STATE_CANCELED"
)

// AuditDetail is a reason an application was rejected.
type AuditDetail struct {
	Field        string `json:"field,omitempty"`
	FieldName    string `json:"field_name,omitempty"`
	RejectReason string `json:"reject_reason"`
}

// Applyment is the status of an onboarding application.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter11_1_2.shtml
type Applyment struct {
	BusinessCode      string         `json:"business_code"`
	ApplymentID       int64          `json:"applyment_id"`
	SubMchID          string         `json:"sub_mchid,omitempty"`
	SignURL           string         `json:"sign_url,omitempty"`
	ApplymentState    ApplymentState `json:"applyment_state"`
	ApplymentStateMsg string         `json:"applyment_state_msg"`
	AuditDetail       []AuditDetail  `json:"audit_detail,omitempty"`
}

// ByBusinessCode queries an application by the service provider's
// business code (GET /v3/applyment4sub/applyment/business_code/{business_code}).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter11_1_2.shtml
func (s *ApplymentService) ByBusinessCode(ctx context.Context, businessCode string) (*Applyment, error) {
	if err := need("businessCode", businessCode); err != nil {
		return nil, err
	}
	return call[Applyment](ctx, s.c, get(pathf("/v3/applyment4sub/applyment/business_code/{business_code}", businessCode), nil))
}

// ByID queries an application by its id (GET
// /v3/applyment4sub/applyment/applyment_id/{applyment_id}).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter11_1_2.shtml
func (s *ApplymentService) ByID(ctx context.Context, applymentID int64) (*Applyment, error) {
	if applymentID <= 0 {
		return nil, argError("applymentID", "must be positive")
	}
	return call[Applyment](ctx, s.c, get(pathf("/v3/applyment4sub/applyment/applyment_id/{applyment_id}", itoa(applymentID)), nil))
}

// ModifySettlementRequest is the new settlement account of a
// sub-merchant; AccountName and AccountNumber are plain text.
//
// See https://pay.weixin.qq.com/docs/partner/apis/contracted-merchant-application/modify-settlement.html
type ModifySettlementRequest struct {
	ModifyMode      string `json:"modify_mode,omitempty"` // MODIFY_MODE_ASYNC
	AccountType     string `json:"account_type"`          // ACCOUNT_TYPE_BUSINESS, ACCOUNT_TYPE_PRIVATE
	AccountBank     string `json:"account_bank"`
	BankAddressCode string `json:"bank_address_code,omitempty"`
	BankName        string `json:"bank_name,omitempty"`
	BankBranchID    string `json:"bank_branch_id,omitempty"`
	AccountNumber   string `json:"account_number" pay:"encrypt"`
	AccountName     string `json:"account_name,omitempty" pay:"encrypt"`
}

// ModifySettlementResponse is the answer of ModifySettlement: the
// application number to follow with SettlementApplication (asynchronous
// mode).
type ModifySettlementResponse struct {
	ApplicationNo string `json:"application_no,omitempty"`
}

// ModifySettlement changes the settlement account of a sub-merchant (POST
// /v3/apply4sub/sub_merchants/{sub_mchid}/modify-settlement).
//
// See https://pay.weixin.qq.com/docs/partner/apis/contracted-merchant-application/modify-settlement.html
func (s *ApplymentService) ModifySettlement(ctx context.Context, subMchID string, req *ModifySettlementRequest) (*ModifySettlementResponse, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("subMchID", subMchID, "AccountType", req.AccountType, "AccountBank", req.AccountBank, "AccountNumber", req.AccountNumber); err != nil {
		return nil, err
	}
	return sealedCall[ModifySettlementResponse](ctx, s.c, pathf("/v3/apply4sub/sub_merchants/{sub_mchid}/modify-settlement", subMchID), req)
}

// Settlement is the settlement account of a sub-merchant (account number
// masked).
type Settlement struct {
	AccountType      string `json:"account_type"`
	AccountBank      string `json:"account_bank"`
	BankName         string `json:"bank_name,omitempty"`
	BankBranchID     string `json:"bank_branch_id,omitempty"`
	AccountNumber    string `json:"account_number"`
	VerifyResult     string `json:"verify_result"` // VERIFY_SUCCESS, VERIFY_FAIL, VERIFYING
	VerifyFailReason string `json:"verify_fail_reason,omitempty"`
}

// Settlement queries the settlement account of a sub-merchant (GET
// /v3/apply4sub/sub_merchants/{sub_mchid}/settlement).
//
// See https://pay.weixin.qq.com/docs/partner/apis/contracted-merchant-application/get-settlement.html
func (s *ApplymentService) Settlement(ctx context.Context, subMchID string) (*Settlement, error) {
	if err := need("subMchID", subMchID); err != nil {
		return nil, err
	}
	return call[Settlement](ctx, s.c, get(pathf("/v3/apply4sub/sub_merchants/{sub_mchid}/settlement", subMchID), nil))
}

// SettlementApplication is the state of a settlement account change.
type SettlementApplication struct {
	AccountName      string `json:"account_name"`
	AccountType      string `json:"account_type"`
	AccountBank      string `json:"account_bank"`
	BankName         string `json:"bank_name,omitempty"`
	BankBranchID     string `json:"bank_branch_id,omitempty"`
	AccountNumber    string `json:"account_number"`
	VerifyResult     string `json:"verify_result"` // AUDIT_SUCCESS, AUDITING, AUDIT_FAIL
	VerifyFailReason string `json:"verify_fail_reason,omitempty"`
	VerifyFinishTime string `json:"verify_finish_time,omitempty"`
}

// SettlementApplication queries a settlement account change (GET
// /v3/apply4sub/sub_merchants/{sub_mchid}/application/{application_no}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/contracted-merchant-application/get-application.html
func (s *ApplymentService) SettlementApplication(ctx context.Context, subMchID, applicationNo string) (*SettlementApplication, error) {
	if err := need("subMchID", subMchID, "applicationNo", applicationNo); err != nil {
		return nil, err
	}
	return call[SettlementApplication](ctx, s.c, get(pathf("/v3/apply4sub/sub_merchants/{sub_mchid}/application/{application_no}", subMchID, applicationNo), nil))
}
