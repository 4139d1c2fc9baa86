package wxa

import "context"

var (
	accountSetNickname     = post("/wxa/setnickname")
	accountQueryNickname   = post("/wxa/api_wxa_querynickname")
	accountCheckNickname   = post("/cgi-bin/wxverify/checkwxverifynickname")
	accountModifyHeadImage = post("/cgi-bin/account/modifyheadimage")
	accountModifySignature = post("/cgi-bin/account/modifysignature")
	accountGetBasicInfo    = post("/cgi-bin/account/getaccountbasicinfo")
)

// Nickname is the request of SetNickname. The stuff fields are media ids
// (of temporary media) of the documents the name needs.
type Nickname struct {
	NickName          string `json:"nick_name"`
	IDCard            string `json:"id_card,omitempty"`
	License           string `json:"license,omitempty"`
	NamingOtherStuff1 string `json:"naming_other_stuff_1,omitempty"`
	NamingOtherStuff2 string `json:"naming_other_stuff_2,omitempty"`
	NamingOtherStuff3 string `json:"naming_other_stuff_3,omitempty"`
	NamingOtherStuff4 string `json:"naming_other_stuff_4,omitempty"`
	NamingOtherStuff5 string `json:"naming_other_stuff_5,omitempty"`
}

// NicknameResult is the answer of SetNickname: AuditID is set when the
// name goes to manual review (the result is pushed as wxa_nickname_audit).
type NicknameResult struct {
	Wording string `json:"wording"`
	AuditID int64  `json:"audit_id"`
}

// SetNickname sets the mini program's name.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/setnickname.html
func (s *AccountService) SetNickname(ctx context.Context, n *Nickname) (*NicknameResult, error) {
	if n == nil || n.NickName == "" {
		return nil, invalidArg("nick_name", "empty")
	}
	return call[NicknameResult](ctx, s.c, accountSetNickname, nil, n)
}

// NicknameAudit is the state of a name review: AuditStat 1 in review,
// 2 rejected, 3 passed.
type NicknameAudit struct {
	Nickname   string `json:"nickname"`
	AuditStat  int    `json:"audit_stat"`
	FailReason string `json:"fail_reason"`
	CreateTime int64  `json:"create_time"`
	AuditTime  int64  `json:"audit_time"`
}

// QueryNickname returns the state of the name review auditID.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/api_wxa_querynickname.html
func (s *AccountService) QueryNickname(ctx context.Context, auditID int64) (*NicknameAudit, error) {
	if auditID <= 0 {
		return nil, invalidArg("audit_id", "must be positive")
	}
	body := struct {
		AuditID int64 `json:"audit_id"`
	}{auditID}
	return call[NicknameAudit](ctx, s.c, accountQueryNickname, nil, body)
}

// NicknameCheck tells whether a name can be used: HitCondition true means
// it needs documents, described by Wording.
type NicknameCheck struct {
	HitCondition bool   `json:"hit_condition"`
	Wording      string `json:"wording"`
}

// CheckNickname checks a name before SetNickname.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/wxverify_checknickname.html
func (s *AccountService) CheckNickname(ctx context.Context, nickname string) (*NicknameCheck, error) {
	if err := required("nick_name", nickname); err != nil {
		return nil, err
	}
	body := struct {
		NickName string `json:"nick_name"`
	}{nickname}
	return call[NicknameCheck](ctx, s.c, accountCheckNickname, nil, body)
}

// HeadImage is the request of ModifyHeadImage: a temporary media id and
// the crop rectangle, as fractions of the image (0 to 1).
type HeadImage struct {
	MediaID string  `json:"head_img_media_id"`
	X1      float64 `json:"x1"`
	Y1      float64 `json:"y1"`
	X2      float64 `json:"x2"`
	Y2      float64 `json:"y2"`
}

// ModifyHeadImage changes the avatar.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/modifyheadimage.html
func (s *AccountService) ModifyHeadImage(ctx context.Context, h *HeadImage) error {
	if h == nil || h.MediaID == "" {
		return invalidArg("head_img_media_id", "empty")
	}
	for _, v := range []float64{h.X1, h.Y1, h.X2, h.Y2} {
		if v < 0 || v > 1 {
			return invalidArg("x1", "crop coordinates must be between 0 and 1")
		}
	}
	return (*service)(s).do(ctx, accountModifyHeadImage, h)
}

// ModifySignature changes the introduction (4 to 120 characters).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/modifysignature.html
func (s *AccountService) ModifySignature(ctx context.Context, signature string) error {
	if n := len([]rune(signature)); n < 4 || n > 120 {
		return invalidArg("signature", "must be 4 to 120 characters")
	}
	body := struct {
		Signature string `json:"signature"`
	}{signature}
	return (*service)(s).do(ctx, accountModifySignature, body)
}

// ModifyQuota counts the changes of a piece of information this year.
type ModifyQuota struct {
	ModifyUsedCount int `json:"modify_used_count"`
	ModifyQuota     int `json:"modify_quota"`
}

// BasicInfo is the mini program's basic information.
type BasicInfo struct {
	AppID          string `json:"appid"`
	AccountType    int    `json:"account_type"`
	PrincipalType  int    `json:"principal_type"`
	PrincipalName  string `json:"principal_name"`
	Credential     string `json:"credential"`
	RealnameStatus int    `json:"realname_status"`
	WxVerifyInfo   struct {
		QualificationVerify   bool  `json:"qualification_verify"`
		NamingVerify          bool  `json:"naming_verify"`
		AnnualReview          bool  `json:"annual_review"`
		AnnualReviewBeginTime int64 `json:"annual_review_begin_time"`
		AnnualReviewEndTime   int64 `json:"annual_review_end_time"`
	} `json:"wx_verify_info"`
	SignatureInfo struct {
		Signature string `json:"signature"`
		ModifyQuota
	} `json:"signature_info"`
	HeadImageInfo struct {
		HeadImageURL string `json:"head_image_url"`
		ModifyQuota
	} `json:"head_image_info"`
	NicknameInfo struct {
		Nickname string `json:"nickname"`
		ModifyQuota
	} `json:"nickname_info"`
	RegisteredCountry int    `json:"registered_country"`
	Nickname          string `json:"nickname"`
}

// GetBasicInfo returns the basic information.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/Mini_Program_Information_Settings.html
func (s *AccountService) GetBasicInfo(ctx context.Context) (*BasicInfo, error) {
	return call[BasicInfo](ctx, s.c, accountGetBasicInfo, nil, empty)
}
