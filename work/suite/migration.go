package suite

import (
	"context"
	"net/http"
)

var apiFinishOpenIDMigration = providerEP(http.MethodPost, "/cgi-bin/service/finish_openid_migration")

// ID types of FinishOpenIDMigration (openid_type).
const (
	// MigrateUserIDAndCorpID marks userid and corpid migrated (they can
	// only be set together).
	MigrateUserIDAndCorpID = 1
	// MigrateExternalUserID marks external_userid migrated (for a
	// customized app also external_tagid, kfid and msgid); afterwards the
	// corp's customers no longer come with their unionid.
	MigrateExternalUserID = 3
)

// FinishOpenIDMigration sets corpID's ID migration (ID迁移完成状态) of
// types (MigrateUserIDAndCorpID, MigrateExternalUserID) as finished: the
// apps then get the upgraded ids. agentID 0 sets it for every third-party
// app of the provider in the corp (page 99375); a customized app's agent
// id sets it for that app only (page 99378). Corps that installed the
// provider's apps after the upgrade need no call. This
// /cgi-bin/service/finish_openid_migration replaces the
// external_userid-only "设置迁移完成" of the ID upgrade guide.
// https://developer.work.weixin.qq.com/document/path/99375
func (p *Provider) FinishOpenIDMigration(ctx context.Context, corpID string, agentID int64, types ...int) error {
	if err := require("corpid", corpID); err != nil {
		return err
	}
	if len(types) == 0 {
		return invalidArg("openid_type", "empty")
	}
	for _, t := range types {
		if t != MigrateUserIDAndCorpID && t != MigrateExternalUserID {
			return invalidArg("openid_type", "1 (userid and corpid) or 3 (external_userid)")
		}
	}
	_, err := call[struct{}](ctx, p.core, apiFinishOpenIDMigration, nil, struct {
		CorpID     string `json:"corpid"`
		AgentID    int64  `json:"agentid,omitempty"`
		OpenIDType []int  `json:"openid_type"`
	}{corpID, agentID, types})
	return err
}
