package pay

import (
	"context"
	"unicode/utf8"
)

// BusinessCircleService is the smart business circle (智慧商圈) of shopping
// malls: the mall tells WeChat Pay the member points a payment earned.
//
// Retries: SyncPoints for the same transaction_id is safe to repeat.
//
// See https://pay.weixin.qq.com/docs/partner/apis/smart-business-circle/points/notify-points.html
type BusinessCircleService struct{ service }

// PointsSyncRequest is the body of the points sync API. TransactionID,
// AppID (the mall's mini program) and OpenID (the customer under it) come
// from the business-circle payment notification; SubMchID is the mall's
// merchant, set only when a service provider manages the points.
// IncreasedPoints is sent even when 0; NoPointsRemarks (at most 128
// characters) says why EarnPoints is false; TotalPoints, the customer's
// total, is left out when 0. PointsUpdateTime is when the points were
// credited (RFC 3339, see FormatTime).
type PointsSyncRequest struct {
	SubMchID         string `json:"sub_mchid,omitempty"`
	TransactionID    string `json:"transaction_id"`
	AppID            string `json:"appid"`
	OpenID           string `json:"openid"`
	EarnPoints       bool   `json:"earn_points"`
	IncreasedPoints  int64  `json:"increased_points"`
	PointsUpdateTime string `json:"points_update_time"`
	NoPointsRemarks  string `json:"no_points_remarks,omitempty"`
	TotalPoints      int64  `json:"total_points,omitempty"`
}

// SyncPoints tells WeChat Pay the points a customer earned (or not) with a
// payment in the mall (POST /v3/businesscircle/points/notify). Only
// payments whose points were synced get refund notifications later.
//
// See https://pay.weixin.qq.com/docs/partner/apis/smart-business-circle/points/notify-points.html
func (s *BusinessCircleService) SyncPoints(ctx context.Context, req *PointsSyncRequest) error {
	if req == nil {
		return argError("PointsSyncRequest", "is nil")
	}
	if err := need("transaction_id", req.TransactionID, "appid", req.AppID, "openid", req.OpenID, "points_update_time", req.PointsUpdateTime); err != nil {
		return err
	}
	switch {
	case req.IncreasedPoints < 0 || req.TotalPoints < 0:
		return argError("increased_points", "and total_points must not be negative")
	case utf8.RuneCountInString(req.NoPointsRemarks) > 128:
		return argError("no_points_remarks", "must be at most 128 characters")
	}
	return s.c.do(ctx, post("/v3/businesscircle/points/notify", req), nil)
}
