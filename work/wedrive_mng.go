package work

import "context"

var (
	wedriveProInfo  = epPost("/cgi-bin/wedrive/mng_pro_info")
	wedriveCapacity = epPost("/cgi-bin/wedrive/mng_capacity")
)

// WeDriveProInfo is the corp's WeDrive professional edition: whether it has
// it, its VIP accounts and when it expires (Unix seconds).
type WeDriveProInfo struct {
	IsPro           bool   `json:"is_pro"`
	TotalVIPAcctNum uint32 `json:"total_vip_acct_num"`
	UseVIPAcctNum   uint32 `json:"use_vip_acct_num"`
	ProExpireTime   int64  `json:"pro_expire_time"`
}

// WeDriveCapacity is the corp's WeDrive capacity in bytes: for everyone
// and for professional (VIP) accounts.
type WeDriveCapacity struct {
	TotalCapacityForAll uint64 `json:"total_capacity_for_all"`
	TotalCapacityForVIP uint64 `json:"total_capacity_for_vip"`
}

// ProInfo returns the corp's WeDrive professional-edition information.
// https://developer.work.weixin.qq.com/document/path/95856
func (s *WeDriveSpaceService) ProInfo(ctx context.Context) (*WeDriveProInfo, error) {
	return callB[WeDriveProInfo](ctx, s.c, wedriveProInfo, nil, struct{}{})
}

// Capacity returns the corp's WeDrive capacity.
// https://developer.work.weixin.qq.com/document/path/95856
func (s *WeDriveSpaceService) Capacity(ctx context.Context) (*WeDriveCapacity, error) {
	return callB[WeDriveCapacity](ctx, s.c, wedriveCapacity, nil, struct{}{})
}
