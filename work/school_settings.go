package work

import (
	"context"
	"net/url"
	"strconv"
)

var (
	schoolArchSyncMode = epPost("/cgi-bin/school/set_arch_sync_mode")
	schoolUpgradeInfo  = epPost("/cgi-bin/school/set_upgrade_info")
	schoolAllowScope   = epGet("/cgi-bin/school/agent/get_allow_scope")
)

// Sync modes of SetArchSyncMode between the home-school address book and
// the class tags.
const (
	SchoolSyncNoTagToArch = 1 // tags are not synced to the address book
	SchoolSyncNoArchToTag = 2 // the address book is not synced to tags
	SchoolSyncNone        = 3 // neither way
)

// SetArchSyncMode stops the automatic sync between the home-school address
// book and the class tags (one of the SchoolSync modes). It cannot be
// turned back on.
// https://developer.work.weixin.qq.com/document/path/92345
func (s *SchoolService) SetArchSyncMode(ctx context.Context, mode int) error {
	if mode < SchoolSyncNoTagToArch || mode > SchoolSyncNone {
		return paramErr("arch_sync_mode", "1, 2 or 3")
	}
	return s.c.Do(ctx, schoolArchSyncMode, nil, struct {
		Mode int `json:"arch_sync_mode"`
	}{mode}, nil)
}

// SetUpgradeInfo sets when grades move up a year (only the month and day
// of upgradeTime, Unix seconds, count; 0 is January 1) and whether they
// do, and returns the next upgrade time (a date).
// https://developer.work.weixin.qq.com/document/path/92949
func (s *SchoolService) SetUpgradeInfo(ctx context.Context, upgradeTime int64, on bool) (int64, error) {
	if upgradeTime < 0 {
		return 0, paramErr("upgrade_time", "Unix seconds")
	}
	sw := 0
	if on {
		sw = 1
	}
	out, err := callB[struct {
		Next int64 `json:"next_upgrade_time"`
	}](ctx, s.c, schoolUpgradeInfo, nil, struct {
		Time   int64 `json:"upgrade_time"`
		Switch int   `json:"upgrade_switch"`
	}{upgradeTime, sw})
	if err != nil {
		return 0, err
	}
	return out.Next, nil
}

// SchoolAllowScope is who may use the agent in WeChat 学校通知: the
// parents of these students and of the students of these departments.
type SchoolAllowScope struct {
	Students struct {
		UserID []string `json:"userid"`
	} `json:"students"`
	Departments struct {
		PartyID []int64 `json:"partyid"`
	} `json:"departments"`
}

// AllowScope returns the parents who may use the agent, as the school's
// admin configured it.
// https://developer.work.weixin.qq.com/document/path/94895
func (s *SchoolService) AllowScope(ctx context.Context) (*SchoolAllowScope, error) {
	out, err := callB[struct {
		AllowScope SchoolAllowScope `json:"allow_scope"`
	}](ctx, s.c, schoolAllowScope, url.Values{"agentid": {strconv.FormatInt(s.agent.ID, 10)}}, nil)
	if err != nil {
		return nil, err
	}
	return &out.AllowScope, nil
}
