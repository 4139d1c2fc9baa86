package work

import "context"

var kfCustomerBatchGet = epPost("/cgi-bin/kf/customer/batchget")

// KFCustomer is a WeChat user who contacted a customer-service account.
// Gender is 0 unknown, 1 male, 2 female.
type KFCustomer struct {
	ExternalUserID      string            `json:"external_userid"`
	Nickname            string            `json:"nickname"`
	Avatar              string            `json:"avatar"`
	Gender              int               `json:"gender"`
	UnionID             string            `json:"unionid,omitempty"`
	EnterSessionContext *KFSessionContext `json:"enter_session_context,omitempty"`
}

// KFSessionContext is how the customer entered the last session.
type KFSessionContext struct {
	Scene          string `json:"scene"`
	SceneParam     string `json:"scene_param"`
	WechatChannels *struct {
		Nickname     string `json:"nickname"`
		ShopNickname string `json:"shop_nickname"`
		Scene        int    `json:"scene"`
	} `json:"wechat_channels,omitempty"`
}

// KFCustomers is the answer of BatchGet.
type KFCustomers struct {
	CustomerList          []KFCustomer `json:"customer_list"`
	InvalidExternalUserID []string     `json:"invalid_external_userid"`
}

// BatchGet returns 1 to 100 customers; withContext asks for how each
// entered the last session (within 48 hours).
// https://developer.work.weixin.qq.com/document/path/95159
func (s *KFCustomerService) BatchGet(ctx context.Context, externalUserIDs []string, withContext bool) (*KFCustomers, error) {
	if len(externalUserIDs) == 0 || len(externalUserIDs) > 100 {
		return nil, paramErr("external_userid_list", "want 1 to 100 ids")
	}
	ctxFlag := 0
	if withContext {
		ctxFlag = 1
	}
	return callB[KFCustomers](ctx, s.c, kfCustomerBatchGet, nil, struct {
		List    []string `json:"external_userid_list"`
		Context int      `json:"need_enter_session_context"`
	}{externalUserIDs, ctxFlag})
}
