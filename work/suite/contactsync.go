package suite

import (
	"context"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

// The address-book migration endpoints take the contact_sync access_token
// of RegisterInfo, passed explicitly.
var (
	apiSetScope           = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/agent/set_scope", Auth: wechat.AuthNone}
	apiContactSyncSuccess = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/sync/contact_sync_success", Auth: wechat.AuthNone}
)

// AppScope is the visible range of set_scope: a field left empty clears
// that part of the range.
type AppScope struct {
	AgentID    int64    `json:"agentid"`
	AllowUser  []string `json:"allow_user,omitempty"`
	AllowParty []int64  `json:"allow_party,omitempty"`
	AllowTag   []int64  `json:"allow_tag,omitempty"`
}

// ScopeResult lists the users, departments and tags set_scope refused.
type ScopeResult struct {
	InvalidUser  []string `json:"invaliduser"`
	InvalidParty []int64  `json:"invalidparty"`
	InvalidTag   []int64  `json:"invalidtag"`
}

func syncToken(accessToken string) (url.Values, error) {
	if err := require("access_token", accessToken); err != nil {
		return nil, err
	}
	return url.Values{"access_token": {accessToken}}, nil
}

// SetScope sets the visible range of app scope.AgentID in a corp that was
// just registered through a registration code (注册定制化) whose template
// enables the address-book migration: a new corp's apps see the root
// department until then. accessToken is RegisterInfo.ContactSync.AccessToken
// (the same as the AccessToken of the registration-complete push), not the
// provider_access_token; it works until ContactSyncSuccess or 30 minutes
// after the registration, whichever comes first.
// https://developer.work.weixin.qq.com/document/path/90583
func (p *Provider) SetScope(ctx context.Context, accessToken string, scope AppScope) (*ScopeResult, error) {
	q, err := syncToken(accessToken)
	if err != nil {
		return nil, err
	}
	if scope.AgentID <= 0 {
		return nil, invalidArg("agentid", "must be positive")
	}
	return call[ScopeResult](ctx, p.core, apiSetScope, q, scope)
}

// ContactSyncSuccess ends the address-book migration of a registered corp:
// it unlocks the corp's address book and invalidates accessToken (the
// contact_sync access_token of RegisterInfo).
// https://developer.work.weixin.qq.com/document/path/90584
func (p *Provider) ContactSyncSuccess(ctx context.Context, accessToken string) error {
	q, err := syncToken(accessToken)
	if err != nil {
		return err
	}
	_, err = call[struct{}](ctx, p.core, apiContactSyncSuccess, q, nil)
	return err
}
