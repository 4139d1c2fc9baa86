package work

import "context"

var (
	kfUpgradeConfig = epGet("/cgi-bin/kf/customer/get_upgrade_service_config")
	kfUpgrade       = epPost("/cgi-bin/kf/customer/upgrade_service")
	kfUpgradeCancel = epPost("/cgi-bin/kf/customer/cancel_upgrade_service")
)

// Kinds of upgrade service (the type of UpgradeService).
const (
	KFUpgradeMember    = 1 // a dedicated member (专员服务)
	KFUpgradeGroupChat = 2 // a customer group chat (客户群服务)
)

// KFUpgradeConfig is the upgrade service configured in the admin console:
// the members (by userid and by department) and the customer group chats
// servicers may recommend.
type KFUpgradeConfig struct {
	MemberRange struct {
		UserIDs       []string `json:"userid_list"`
		DepartmentIDs []int64  `json:"department_id_list"`
	} `json:"member_range"`
	GroupChatRange struct {
		ChatIDs []string `json:"chat_id_list"`
	} `json:"groupchat_range"`
}

// UpgradeServiceConfig returns the members and group chats configured for
// the upgrade service (「升级服务」).
// https://developer.work.weixin.qq.com/document/path/94674#获取配置的专员与客户群
func (s *KFCustomerService) UpgradeServiceConfig(ctx context.Context) (*KFUpgradeConfig, error) {
	return callB[KFUpgradeConfig](ctx, s.c, kfUpgradeConfig, nil, nil)
}

// UpgradeMember recommends member userID (configured for the upgrade
// service) to customer externalUserID of account openKfID; wording is an
// optional recommendation text.
// https://developer.work.weixin.qq.com/document/path/94674#为客户升级为专员或客户群服务
func (s *KFCustomerService) UpgradeMember(ctx context.Context, openKfID, externalUserID, userID, wording string) error {
	if err := needB("open_kfid", openKfID, "external_userid", externalUserID, "userid", userID); err != nil {
		return err
	}
	return s.c.Do(ctx, kfUpgrade, nil, kfUpgradeBody{OpenKfID: openKfID, ExternalUserID: externalUserID, Type: KFUpgradeMember,
		Member: &kfUpgradeTarget{UserID: userID, Wording: wording}}, nil)
}

// UpgradeGroupChat recommends customer group chat chatID (configured for
// the upgrade service) to customer externalUserID of account openKfID.
// https://developer.work.weixin.qq.com/document/path/94674#为客户升级为专员或客户群服务
func (s *KFCustomerService) UpgradeGroupChat(ctx context.Context, openKfID, externalUserID, chatID, wording string) error {
	if err := needB("open_kfid", openKfID, "external_userid", externalUserID, "chat_id", chatID); err != nil {
		return err
	}
	return s.c.Do(ctx, kfUpgrade, nil, kfUpgradeBody{OpenKfID: openKfID, ExternalUserID: externalUserID, Type: KFUpgradeGroupChat,
		GroupChat: &kfUpgradeTarget{ChatID: chatID, Wording: wording}}, nil)
}

// CancelUpgrade withdraws the member or group chat recommended to a
// customer.
// https://developer.work.weixin.qq.com/document/path/94674#为客户取消推荐
func (s *KFCustomerService) CancelUpgrade(ctx context.Context, openKfID, externalUserID string) error {
	if err := needB("open_kfid", openKfID, "external_userid", externalUserID); err != nil {
		return err
	}
	return s.c.Do(ctx, kfUpgradeCancel, nil, map[string]string{"open_kfid": openKfID, "external_userid": externalUserID}, nil)
}

type kfUpgradeTarget struct {
	UserID  string `json:"userid,omitempty"`
	ChatID  string `json:"chat_id,omitempty"`
	Wording string `json:"wording,omitempty"`
}

type kfUpgradeBody struct {
	OpenKfID       string           `json:"open_kfid"`
	ExternalUserID string           `json:"external_userid"`
	Type           int              `json:"type"`
	Member         *kfUpgradeTarget `json:"member,omitempty"`
	GroupChat      *kfUpgradeTarget `json:"groupchat,omitempty"`
}
