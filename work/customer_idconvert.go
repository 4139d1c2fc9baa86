package work

import "context"

var (
	customerToOpenID          = epPost("/cgi-bin/externalcontact/convert_to_openid")
	customerUnionIDToExternal = epPost("/cgi-bin/externalcontact/unionid_to_external_userid")
	customerNewExternalIDs    = epPost("/cgi-bin/externalcontact/get_new_external_userid")
	customerChatNewExternal   = epPost("/cgi-bin/externalcontact/groupchat/get_new_external_userid")
	customerToServiceID       = epPost("/cgi-bin/externalcontact/to_service_external_userid")
	customerFromServiceID     = epPost("/cgi-bin/externalcontact/from_service_external_userid")
)

// MaxNewExternalUserIDs is how many external_userids one NewExternalUserIDs
// or GroupChatNewExternalUserIDs call converts.
const MaxNewExternalUserIDs = 1000

// NewExternalUserID pairs an external_userid of the corp's subject with the
// one of the service provider's subject.
type NewExternalUserID struct {
	ExternalUserID    string `json:"external_userid"`
	NewExternalUserID string `json:"new_external_userid"`
}

type externalUserIDAnswer struct {
	ExternalUserID string `json:"external_userid"`
}

// ConvertToOpenID returns the WeChat openid of a customer, for WeChat Pay.
// Customers who are WeCom users (ids starting with wo) are not supported.
// Self-built and third-party apps may call it.
// https://developer.work.weixin.qq.com/document/path/92323
func (s *CustomerService) ConvertToOpenID(ctx context.Context, externalUserID string) (string, error) {
	if err := needB("external_userid", externalUserID); err != nil {
		return "", err
	}
	out, err := callB[struct {
		OpenID string `json:"openid"`
	}](ctx, s.c, customerToOpenID, nil, externalUserIDAnswer{externalUserID})
	if err != nil {
		return "", err
	}
	return out.OpenID, nil
}

// UnionIDToExternalUserID returns the external_userid of the customer who
// has unionID and openID, both got in the same mini program of the corp's
// own (verified) subject. Only third-party and agent-developed (代开发) apps
// may call it, with the corp's access_token (suite.Client.AgentClient).
// https://developer.work.weixin.qq.com/document/path/93274
func (s *CustomerService) UnionIDToExternalUserID(ctx context.Context, unionID, openID string) (string, error) {
	if err := needB("unionid", unionID, "openid", openID); err != nil {
		return "", err
	}
	out, err := callB[externalUserIDAnswer](ctx, s.c, customerUnionIDToExternal, nil, map[string]string{"unionid": unionID, "openid": openID})
	if err != nil {
		return "", err
	}
	return out.ExternalUserID, nil
}

func (s *CustomerService) newExternalUserIDs(ctx context.Context, chatID string, ids []string) ([]NewExternalUserID, error) {
	if len(ids) == 0 || len(ids) > MaxNewExternalUserIDs {
		return nil, paramErr("external_userid_list", "want 1 to 1000 ids")
	}
	ep := customerNewExternalIDs
	if chatID != "" {
		ep = customerChatNewExternal
	}
	out, err := callB[struct {
		Items []NewExternalUserID `json:"items"`
	}](ctx, s.c, ep, nil, struct {
		ChatID string   `json:"chat_id,omitempty"`
		IDs    []string `json:"external_userid_list"`
	}{chatID, ids})
	if err != nil {
		return nil, err
	}
	return out.Items, nil
}

// NewExternalUserIDs converts 1 to 1000 external_userids of the corp's
// subject to the service provider's (ids already converted come back as
// they are). Only agent-developed and third-party apps (before their
// migration is finished) may call it, with the corp's access_token.
// https://developer.work.weixin.qq.com/document/path/97107
func (s *CustomerService) NewExternalUserIDs(ctx context.Context, externalUserIDs []string) ([]NewExternalUserID, error) {
	return s.newExternalUserIDs(ctx, "", externalUserIDs)
}

// GroupChatNewExternalUserIDs converts the external_userids of members of
// customer group chat chatID who are not the corp's customers, as
// NewExternalUserIDs does for customers. Same callers.
// https://developer.work.weixin.qq.com/document/path/97107
func (s *CustomerService) GroupChatNewExternalUserIDs(ctx context.Context, chatID string, externalUserIDs []string) ([]NewExternalUserID, error) {
	if err := needB("chat_id", chatID); err != nil {
		return nil, err
	}
	return s.newExternalUserIDs(ctx, chatID, externalUserIDs)
}

// ToServiceExternalUserID converts an external_userid got by an
// agent-developed (代开发) app to the one the provider's third-party app
// sees. Only agent-developed apps may call it.
// https://developer.work.weixin.qq.com/document/path/95195
func (s *CustomerService) ToServiceExternalUserID(ctx context.Context, externalUserID string) (string, error) {
	if err := needB("external_userid", externalUserID); err != nil {
		return "", err
	}
	out, err := callB[externalUserIDAnswer](ctx, s.c, customerToServiceID, nil, externalUserIDAnswer{externalUserID})
	if err != nil {
		return "", err
	}
	return out.ExternalUserID, nil
}

// FromServiceExternalUserID converts an external_userid got by the
// agent-developed or third-party app sourceAgentID of the corp to the
// corp's own. Self-built apps call it; the customer's follower (or group
// owner) must be visible to both apps.
// https://developer.work.weixin.qq.com/document/path/95884#external_userid转换
func (s *CustomerService) FromServiceExternalUserID(ctx context.Context, externalUserID string, sourceAgentID int64) (string, error) {
	if err := needB("external_userid", externalUserID); err != nil {
		return "", err
	}
	if sourceAgentID <= 0 {
		return "", paramErr("source_agentid", "want the agentid of the provider's app")
	}
	out, err := callB[externalUserIDAnswer](ctx, s.c, customerFromServiceID, nil, struct {
		ExternalUserID string `json:"external_userid"`
		SourceAgentID  int64  `json:"source_agentid"`
	}{externalUserID, sourceAgentID})
	if err != nil {
		return "", err
	}
	return out.ExternalUserID, nil
}
