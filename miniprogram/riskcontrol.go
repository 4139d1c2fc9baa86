package miniprogram

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	riskRank    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/getuserriskrank"}
	soterVerify = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/soter/verify_signature"}
)

// RiskRankRequest is the body of UserRiskRank.
type RiskRankRequest struct {
	AppID        string `json:"appid"`
	OpenID       string `json:"openid"`
	Scene        int    `json:"scene"` // 0 registration, 1 marketing
	MobileNo     string `json:"mobile_no,omitempty"`
	ClientIP     string `json:"client_ip"`
	EmailAddress string `json:"email_address,omitempty"`
	ExtendedInfo string `json:"extended_info,omitempty"`
	IsTest       bool   `json:"is_test,omitempty"`
}

// RiskRank is the answer of UserRiskRank.
type RiskRank struct {
	RiskRank int   `json:"risk_rank"` // 0 normal to 4 very risky
	UnoinID  int64 `json:"unoin_id"`  // sic, the request's id
}

// UserRiskRank rates the risk of a user (获取用户安全等级).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/safety-control-capability/getUserRiskRank.html
func (s *RiskControlService) UserRiskRank(ctx context.Context, in *RiskRankRequest) (*RiskRank, error) {
	if in == nil {
		return nil, invalidArg("openid", "no request")
	}
	if err := required("appid", in.AppID, "openid", in.OpenID, "client_ip", in.ClientIP); err != nil {
		return nil, err
	}
	if in.Scene != 0 && in.Scene != 1 {
		return nil, invalidArg("scene", "must be 0 or 1")
	}
	return call[RiskRank](ctx, s.c, riskRank, nil, in)
}

// VerifySoterSignature checks a SOTER biometric signature (生物认证秘钥签名验证):
// jsonString and jsonSignature are resultJSON and resultJSONSignature of
// wx.startSoterAuthentication.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/soter/verifySignature.html
func (s *RiskControlService) VerifySoterSignature(ctx context.Context, openID, jsonString, jsonSignature string) (bool, error) {
	if err := required("openid", openID, "json_string", jsonString, "json_signature", jsonSignature); err != nil {
		return false, err
	}
	out, err := call[struct {
		IsOK bool `json:"is_ok"`
	}](ctx, s.c, soterVerify, nil, map[string]string{"openid": openID, "json_string": jsonString, "json_signature": jsonSignature})
	if err != nil {
		return false, err
	}
	return out.IsOK, nil
}
