package work

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	vacationConfigs  = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/oa/vacation/getcorpconf"}
	vacationQuota    = epPost("/cgi-bin/oa/vacation/getuservacationquota")
	vacationSetQuota = epPost("/cgi-bin/oa/vacation/setoneuserquota")
)

// VacationConfig is a leave type of the corp; TimeAttr 0 by day, 1 by hour.
type VacationConfig struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	TimeAttr     int    `json:"time_attr"`
	DurationType int    `json:"duration_type"`
	QuotaAttr    struct {
		Type              int   `json:"type"`
		AutoresetTime     int64 `json:"autoreset_time"`
		AutoresetDuration int64 `json:"autoreset_duration"`
	} `json:"quota_attr"`
	PerdayDuration int64 `json:"perday_duration"`
}

// Configs returns the leave types of the corp.
// https://developer.work.weixin.qq.com/document/path/93375
func (s *VacationService) Configs(ctx context.Context) ([]VacationConfig, error) {
	out, err := callB[struct {
		Lists []VacationConfig `json:"lists"`
	}](ctx, s.c, vacationConfigs, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Lists, nil
}

// VacationQuota is a member's balance of one leave type, in seconds.
type VacationQuota struct {
	ID                 int64  `json:"id"`
	AssignDuration     int64  `json:"assignduration"`
	UsedDuration       int64  `json:"usedduration"`
	LeftDuration       int64  `json:"leftduration"`
	VacationName       string `json:"vacationname"`
	RealAssignDuration int64  `json:"real_assignduration"`
}

// UserQuota returns a member's leave balances.
// https://developer.work.weixin.qq.com/document/path/93376
func (s *VacationService) UserQuota(ctx context.Context, userID string) ([]VacationQuota, error) {
	if err := needB("userid", userID); err != nil {
		return nil, err
	}
	body := struct {
		UserID string `json:"userid"`
	}{userID}
	out, err := callB[struct {
		Lists []VacationQuota `json:"lists"`
	}](ctx, s.c, vacationQuota, nil, body)
	if err != nil {
		return nil, err
	}
	return out.Lists, nil
}

// QuotaChange sets a member's balance of a leave type: LeftDuration in
// seconds, TimeAttr 0 by day, 1 by hour.
type QuotaChange struct {
	UserID       string `json:"userid"`
	VacationID   int64  `json:"vacation_id"`
	LeftDuration int64  `json:"leftduration"`
	TimeAttr     int    `json:"time_attr"`
	Remarks      string `json:"remarks,omitempty"`
}

// SetUserQuota sets a member's balance of a leave type.
// https://developer.work.weixin.qq.com/document/path/93377
func (s *VacationService) SetUserQuota(ctx context.Context, q *QuotaChange) error {
	if q == nil || q.UserID == "" {
		return paramErr("userid", "required")
	}
	if q.VacationID <= 0 {
		return paramErr("vacation_id", "required")
	}
	if q.LeftDuration < 0 || (q.TimeAttr != 0 && q.TimeAttr != 1) {
		return paramErr("leftduration", "non-negative, time_attr 0 or 1")
	}
	return s.c.Do(ctx, vacationSetQuota, nil, q, nil)
}
