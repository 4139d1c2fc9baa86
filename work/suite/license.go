package suite

import (
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

// LicenseService buys, activates and transfers interface licenses
// (接口调用许可) with the provider_access_token.
// https://developer.work.weixin.qq.com/document/path/95652
type LicenseService struct{ c *wechat.Client }

func licenseEP(path string) wechat.Endpoint {
	return providerEP(http.MethodPost, path)
}

var (
	apiLicCreateNewOrder       = licenseEP("/cgi-bin/license/create_new_order")
	apiLicCreateRenewOrderJob  = licenseEP("/cgi-bin/license/create_renew_order_job")
	apiLicSubmitOrderJob       = licenseEP("/cgi-bin/license/submit_order_job")
	apiLicListOrder            = licenseEP("/cgi-bin/license/list_order")
	apiLicGetOrder             = licenseEP("/cgi-bin/license/get_order")
	apiLicListOrderAccount     = licenseEP("/cgi-bin/license/list_order_account")
	apiLicCancelOrder          = licenseEP("/cgi-bin/license/cancel_order")
	apiLicActiveAccount        = licenseEP("/cgi-bin/license/active_account")
	apiLicBatchActiveAccount   = licenseEP("/cgi-bin/license/batch_active_account")
	apiLicActiveInfoByCode     = licenseEP("/cgi-bin/license/get_active_info_by_code")
	apiLicBatchActiveInfo      = licenseEP("/cgi-bin/license/batch_get_active_info_by_code")
	apiLicListActivedAccount   = licenseEP("/cgi-bin/license/list_actived_account")
	apiLicActiveInfoByUser     = licenseEP("/cgi-bin/license/get_active_info_by_user")
	apiLicBatchTransfer        = licenseEP("/cgi-bin/license/batch_transfer_license")
	apiLicBatchShareActiveCode = licenseEP("/cgi-bin/license/batch_share_active_code")
	apiLicAppLicenseInfo       = licenseEP("/cgi-bin/license/get_app_license_info")
	apiLicSetAutoActive        = licenseEP("/cgi-bin/license/set_auto_active_status")
	apiLicGetAutoActive        = licenseEP("/cgi-bin/license/get_auto_active_status")
)

// Account types of a license.
const (
	AccountBase            = 1 // 基础账号
	AccountExternalContact = 2 // 互通账号
)

// AccountCount is how many accounts of each type an order buys.
type AccountCount struct {
	BaseCount            int `json:"base_count,omitempty"`
	ExternalContactCount int `json:"external_contact_count,omitempty"`
}

// AccountDuration is how long the accounts last: Months*31+Days days,
// 31 to 1860.
type AccountDuration struct {
	Months        int   `json:"months,omitempty"`
	Days          int   `json:"days,omitempty"`
	NewExpireTime int64 `json:"new_expire_time,omitempty"` // renewals: the new end (unix seconds)
}

func (d AccountDuration) check(renew bool) error {
	if renew && d.NewExpireTime > 0 {
		return nil
	}
	if days := d.Months*31 + d.Days; days < 31 || days > 1860 || d.Months < 0 || d.Days < 0 {
		return invalidArg("account_duration", "months*31+days must be 31 to 1860")
	}
	return nil
}

// NewOrder is the body of create_new_order.
type NewOrder struct {
	CorpID          string          `json:"corpid"`
	BuyerUserID     string          `json:"buyer_userid"`
	AccountCount    AccountCount    `json:"account_count"`
	AccountDuration AccountDuration `json:"account_duration"`
}

// CreateNewOrder orders new accounts for a corp and returns the order id;
// the order is paid in the provider's console.
// https://developer.work.weixin.qq.com/document/path/95644
func (s *LicenseService) CreateNewOrder(ctx context.Context, o NewOrder) (string, error) {
	if err := require("corpid", o.CorpID); err != nil {
		return "", err
	}
	if err := require("buyer_userid", o.BuyerUserID); err != nil {
		return "", err
	}
	if o.AccountCount.BaseCount < 0 || o.AccountCount.ExternalContactCount < 0 ||
		o.AccountCount.BaseCount+o.AccountCount.ExternalContactCount == 0 ||
		o.AccountCount.BaseCount > 1000000 || o.AccountCount.ExternalContactCount > 1000000 {
		return "", invalidArg("account_count", "each count 0 to 1000000, not both 0")
	}
	if err := o.AccountDuration.check(false); err != nil {
		return "", err
	}
	return orderID(call[orderAnswer](ctx, s.c, apiLicCreateNewOrder, nil, o))
}

type orderAnswer struct {
	OrderID string `json:"order_id"`
}

func orderID(out *orderAnswer, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return out.OrderID, nil
}

// RenewAccount is one account of a renewal job.
type RenewAccount struct {
	UserID string `json:"userid"`
	Type   int    `json:"type"`
}

// RenewJob is the answer of create_renew_order_job.
type RenewJob struct {
	JobID              string `json:"jobid"`
	InvalidAccountList []struct {
		Errcode int    `json:"errcode"`
		Errmsg  string `json:"errmsg"`
		UserID  string `json:"userid"`
		Type    int    `json:"type"`
	} `json:"invalid_account_list"`
}

// CreateRenewOrderJob adds up to 1000 accounts to a renewal job (jobID
// empty: a new job).
// https://developer.work.weixin.qq.com/document/path/95646
func (s *LicenseService) CreateRenewOrderJob(ctx context.Context, corpID, jobID string, accounts []RenewAccount) (*RenewJob, error) {
	if err := require("corpid", corpID); err != nil {
		return nil, err
	}
	if len(accounts) == 0 || len(accounts) > 1000 {
		return nil, invalidArg("account_list", "1 to 1000 accounts")
	}
	return call[RenewJob](ctx, s.c, apiLicCreateRenewOrderJob, nil, struct {
		CorpID      string         `json:"corpid"`
		AccountList []RenewAccount `json:"account_list"`
		JobID       string         `json:"jobid,omitempty"`
	}{corpID, accounts, jobID})
}

// SubmitOrderJob turns a renewal job into an order and returns its id.
// https://developer.work.weixin.qq.com/document/path/95646
func (s *LicenseService) SubmitOrderJob(ctx context.Context, jobID, buyerUserID string, d AccountDuration) (string, error) {
	if err := require("jobid", jobID); err != nil {
		return "", err
	}
	if err := require("buyer_userid", buyerUserID); err != nil {
		return "", err
	}
	if err := d.check(true); err != nil {
		return "", err
	}
	return orderID(call[orderAnswer](ctx, s.c, apiLicSubmitOrderJob, nil, struct {
		JobID           string          `json:"jobid"`
		BuyerUserID     string          `json:"buyer_userid"`
		AccountDuration AccountDuration `json:"account_duration"`
	}{jobID, buyerUserID, d}))
}

// OrderRef is one order of list_order.
type OrderRef struct {
	OrderID   string `json:"order_id"`
	OrderType int    `json:"order_type"` // 1 new, 2 renewal, 3 history, 4 multi-corp new
}

// ListOrders lists the orders of corpID (all corps if empty) created
// between start and end (unix seconds, 0: unbounded), page after page.
// https://developer.work.weixin.qq.com/document/path/95647
func (s *LicenseService) ListOrders(ctx context.Context, corpID string, start, end int64) iter.Seq2[OrderRef, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, cursor string) ([]OrderRef, string, error) {
		out, err := call[struct {
			NextCursor string     `json:"next_cursor"`
			HasMore    int        `json:"has_more"`
			OrderList  []OrderRef `json:"order_list"`
		}](ctx, s.c, apiLicListOrder, nil, struct {
			CorpID    string `json:"corpid,omitempty"`
			StartTime int64  `json:"start_time,omitempty"`
			EndTime   int64  `json:"end_time,omitempty"`
			Cursor    string `json:"cursor,omitempty"`
			Limit     int    `json:"limit"`
		}{corpID, start, end, cursor, 1000})
		if err != nil {
			return nil, "", err
		}
		return out.OrderList, more(out.HasMore, out.NextCursor), nil
	})
}

func more(hasMore int, next string) string {
	if hasMore == 0 {
		return ""
	}
	return next
}

// Order is the order of get_order.
type Order struct {
	OrderID         string          `json:"order_id"`
	OrderType       int             `json:"order_type"`
	OrderStatus     int             `json:"order_status"` // 0 unpaid, 1 paid, 2 cancelled, 3 expired, 4 refunding, 5 refunded, ...
	CorpID          string          `json:"corpid"`
	Price           int64           `json:"price"` // fen
	AccountCount    AccountCount    `json:"account_count"`
	AccountDuration AccountDuration `json:"account_duration"`
	CreateTime      int64           `json:"create_time"`
	PayTime         int64           `json:"pay_time"`
}

// GetOrder reads an order.
// https://developer.work.weixin.qq.com/document/path/95648
func (s *LicenseService) GetOrder(ctx context.Context, orderID string) (*Order, error) {
	if err := require("order_id", orderID); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Order Order `json:"order"`
	}](ctx, s.c, apiLicGetOrder, nil, struct {
		OrderID string `json:"order_id"`
	}{orderID})
	if err != nil {
		return nil, err
	}
	return &out.Order, nil
}

// OrderAccount is one account (activation code) of a paid order.
type OrderAccount struct {
	ActiveCode string `json:"active_code"`
	UserID     string `json:"userid,omitempty"` // renewals
	Type       int    `json:"type"`
}

// ListOrderAccounts lists the accounts of a paid order, page after page.
// https://developer.work.weixin.qq.com/document/path/95649
func (s *LicenseService) ListOrderAccounts(ctx context.Context, orderID string) iter.Seq2[OrderAccount, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, cursor string) ([]OrderAccount, string, error) {
		if err := require("order_id", orderID); err != nil {
			return nil, "", err
		}
		out, err := call[struct {
			NextCursor  string         `json:"next_cursor"`
			HasMore     int            `json:"has_more"`
			AccountList []OrderAccount `json:"account_list"`
		}](ctx, s.c, apiLicListOrderAccount, nil, struct {
			OrderID string `json:"order_id"`
			Limit   int    `json:"limit"`
			Cursor  string `json:"cursor,omitempty"`
		}{orderID, 1000, cursor})
		if err != nil {
			return nil, "", err
		}
		return out.AccountList, more(out.HasMore, out.NextCursor), nil
	})
}

// CancelOrder cancels an unpaid order.
// https://developer.work.weixin.qq.com/document/path/96106
func (s *LicenseService) CancelOrder(ctx context.Context, corpID, orderID string) error {
	if err := require("corpid", corpID); err != nil {
		return err
	}
	if err := require("order_id", orderID); err != nil {
		return err
	}
	_, err := call[struct{}](ctx, s.c, apiLicCancelOrder, nil, struct {
		CorpID  string `json:"corpid"`
		OrderID string `json:"order_id"`
	}{corpID, orderID})
	return err
}

// ActiveAccount activates code for member userID of corpID.
// https://developer.work.weixin.qq.com/document/path/95553
func (s *LicenseService) ActiveAccount(ctx context.Context, corpID, code, userID string) error {
	for _, a := range [][2]string{{"corpid", corpID}, {"active_code", code}, {"userid", userID}} {
		if err := require(a[0], a[1]); err != nil {
			return err
		}
	}
	_, err := call[struct{}](ctx, s.c, apiLicActiveAccount, nil, struct {
		ActiveCode string `json:"active_code"`
		CorpID     string `json:"corpid"`
		UserID     string `json:"userid"`
	}{code, corpID, userID})
	return err
}

// Activation is one activation of batch_active_account.
type Activation struct {
	ActiveCode string `json:"active_code"`
	UserID     string `json:"userid"`
	Errcode    int    `json:"errcode,omitempty"` // in results
}

// BatchActiveAccount activates up to 1000 codes; each result has its errcode.
// https://developer.work.weixin.qq.com/document/path/95553
func (s *LicenseService) BatchActiveAccount(ctx context.Context, corpID string, list []Activation) ([]Activation, error) {
	if err := require("corpid", corpID); err != nil {
		return nil, err
	}
	if len(list) == 0 || len(list) > 1000 {
		return nil, invalidArg("active_list", "1 to 1000 activations")
	}
	out, err := call[struct {
		ActiveResult []Activation `json:"active_result"`
	}](ctx, s.c, apiLicBatchActiveAccount, nil, struct {
		CorpID     string       `json:"corpid"`
		ActiveList []Activation `json:"active_list"`
	}{corpID, list})
	if err != nil {
		return nil, err
	}
	return out.ActiveResult, nil
}

// ActiveInfo is the state of an activation code.
type ActiveInfo struct {
	ActiveCode string `json:"active_code"`
	Type       int    `json:"type"`
	Status     int    `json:"status"` // 1 not bound, 2 bound, 3 expired, 4 to be transferred, 5 merged, 6 shared
	UserID     string `json:"userid,omitempty"`
	CreateTime int64  `json:"create_time"`
	ActiveTime int64  `json:"active_time,omitempty"`
	ExpireTime int64  `json:"expire_time,omitempty"`
	MergeInfo  *struct {
		ToActiveCode   string `json:"to_active_code"`
		FromActiveCode string `json:"from_active_code"`
	} `json:"merge_info,omitempty"`
	ShareInfo *struct {
		ToCorpID   string `json:"to_corpid"`
		FromCorpID string `json:"from_corpid"`
	} `json:"share_info,omitempty"`
}

// ActiveInfoByCode reads an activation code.
// https://developer.work.weixin.qq.com/document/path/95552
func (s *LicenseService) ActiveInfoByCode(ctx context.Context, corpID, code string) (*ActiveInfo, error) {
	if err := require("corpid", corpID); err != nil {
		return nil, err
	}
	if err := require("active_code", code); err != nil {
		return nil, err
	}
	out, err := call[struct {
		ActiveInfo ActiveInfo `json:"active_info"`
	}](ctx, s.c, apiLicActiveInfoByCode, nil, struct {
		CorpID     string `json:"corpid"`
		ActiveCode string `json:"active_code"`
	}{corpID, code})
	if err != nil {
		return nil, err
	}
	return &out.ActiveInfo, nil
}

// BatchActiveInfo is the answer of batch_get_active_info_by_code.
type BatchActiveInfo struct {
	ActiveInfoList        []ActiveInfo `json:"active_info_list"`
	InvalidActiveCodeList []string     `json:"invalid_active_code_list"`
}

// BatchActiveInfoByCode reads up to 1000 activation codes.
// https://developer.work.weixin.qq.com/document/path/95552
func (s *LicenseService) BatchActiveInfoByCode(ctx context.Context, corpID string, codes []string) (*BatchActiveInfo, error) {
	if err := require("corpid", corpID); err != nil {
		return nil, err
	}
	if len(codes) == 0 || len(codes) > 1000 {
		return nil, invalidArg("active_code_list", "1 to 1000 codes")
	}
	return call[BatchActiveInfo](ctx, s.c, apiLicBatchActiveInfo, nil, struct {
		CorpID         string   `json:"corpid"`
		ActiveCodeList []string `json:"active_code_list"`
	}{corpID, codes})
}

// ActivatedAccount is one activated member of list_actived_account.
type ActivatedAccount struct {
	UserID     string `json:"userid"`
	Type       int    `json:"type"`
	ExpireTime int64  `json:"expire_time"`
	ActiveTime int64  `json:"active_time"`
}

// ListActivatedAccounts lists the activated members of corpID, page after page.
// https://developer.work.weixin.qq.com/document/path/95544
func (s *LicenseService) ListActivatedAccounts(ctx context.Context, corpID string) iter.Seq2[ActivatedAccount, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, cursor string) ([]ActivatedAccount, string, error) {
		if err := require("corpid", corpID); err != nil {
			return nil, "", err
		}
		out, err := call[struct {
			NextCursor  string             `json:"next_cursor"`
			HasMore     int                `json:"has_more"`
			AccountList []ActivatedAccount `json:"account_list"`
		}](ctx, s.c, apiLicListActivedAccount, nil, struct {
			CorpID string `json:"corpid"`
			Limit  int    `json:"limit"`
			Cursor string `json:"cursor,omitempty"`
		}{corpID, 1000, cursor})
		if err != nil {
			return nil, "", err
		}
		return out.AccountList, more(out.HasMore, out.NextCursor), nil
	})
}

// UserActiveInfo is the answer of get_active_info_by_user.
type UserActiveInfo struct {
	ActiveStatus   int          `json:"active_status"` // 0 not activated, 1 activated
	ActiveInfoList []ActiveInfo `json:"active_info_list"`
}

// ActiveInfoByUser reads the licenses of member userID.
// https://developer.work.weixin.qq.com/document/path/95555
func (s *LicenseService) ActiveInfoByUser(ctx context.Context, corpID, userID string) (*UserActiveInfo, error) {
	if err := require("corpid", corpID); err != nil {
		return nil, err
	}
	if err := require("userid", userID); err != nil {
		return nil, err
	}
	return call[UserActiveInfo](ctx, s.c, apiLicActiveInfoByUser, nil, struct {
		CorpID string `json:"corpid"`
		UserID string `json:"userid"`
	}{corpID, userID})
}

// Transfer moves a member's licenses to another member.
type Transfer struct {
	HandoverUserID string `json:"handover_userid"`
	TakeoverUserID string `json:"takeover_userid"`
	Errcode        int    `json:"errcode,omitempty"` // in results
}

// BatchTransferLicense transfers up to 500 members' licenses; each result
// has its errcode.
// https://developer.work.weixin.qq.com/document/path/95673
func (s *LicenseService) BatchTransferLicense(ctx context.Context, corpID string, list []Transfer) ([]Transfer, error) {
	if err := require("corpid", corpID); err != nil {
		return nil, err
	}
	if len(list) == 0 || len(list) > 500 {
		return nil, invalidArg("transfer_list", "1 to 500 transfers")
	}
	out, err := call[struct {
		TransferResult []Transfer `json:"transfer_result"`
	}](ctx, s.c, apiLicBatchTransfer, nil, struct {
		CorpID       string     `json:"corpid"`
		TransferList []Transfer `json:"transfer_list"`
	}{corpID, list})
	if err != nil {
		return nil, err
	}
	return out.TransferResult, nil
}

// ShareResult is one result of batch_share_active_code.
type ShareResult struct {
	ActiveCode string `json:"active_code"`
	Errcode    int    `json:"errcode"`
	Errmsg     string `json:"errmsg"`
}

// BatchShareActiveCode shares up to 1000 unused codes of a parent corp
// with a corp of its group (上下游).
// https://developer.work.weixin.qq.com/document/path/96059
func (s *LicenseService) BatchShareActiveCode(ctx context.Context, fromCorpID, toCorpID string, codes []string) ([]ShareResult, error) {
	if err := require("from_corpid", fromCorpID); err != nil {
		return nil, err
	}
	if err := require("to_corpid", toCorpID); err != nil {
		return nil, err
	}
	if len(codes) == 0 || len(codes) > 1000 {
		return nil, invalidArg("share_list", "1 to 1000 codes")
	}
	type item struct {
		ActiveCode string `json:"active_code"`
	}
	list := make([]item, len(codes))
	for i, c := range codes {
		list[i].ActiveCode = c
	}
	out, err := call[struct {
		ShareResult []ShareResult `json:"share_result"`
	}](ctx, s.c, apiLicBatchShareActiveCode, nil, struct {
		FromCorpID string `json:"from_corpid"`
		ToCorpID   string `json:"to_corpid"`
		ShareList  []item `json:"share_list"`
	}{fromCorpID, toCorpID, list})
	if err != nil {
		return nil, err
	}
	return out.ShareResult, nil
}

// AppLicenseInfo is the answer of get_app_license_info.
type AppLicenseInfo struct {
	LicenseStatus int `json:"license_status"` // 0 trial, 1 licensed, 2 trial expired, 3 licenses expired
	TrailInfo     struct {
		StartTime int64 `json:"start_time"`
		EndTime   int64 `json:"end_time"`
	} `json:"trail_info"` // spelled as documented
	LicenseCheckTime int64 `json:"license_check_time"`
}

// AppLicenseInfo reads the license state of app appID of suiteID in corpID.
// https://developer.work.weixin.qq.com/document/path/95844
func (s *LicenseService) AppLicenseInfo(ctx context.Context, corpID, suiteID string, appID int64) (*AppLicenseInfo, error) {
	if err := require("corpid", corpID); err != nil {
		return nil, err
	}
	if err := require("suite_id", suiteID); err != nil {
		return nil, err
	}
	return call[AppLicenseInfo](ctx, s.c, apiLicAppLicenseInfo, nil, struct {
		CorpID  string `json:"corpid"`
		SuiteID string `json:"suite_id"`
		AppID   int64  `json:"appid,omitempty"`
	}{corpID, suiteID, appID})
}

// SetAutoActive turns the automatic activation of corpID's licenses on or off.
// https://developer.work.weixin.qq.com/document/path/95873
func (s *LicenseService) SetAutoActive(ctx context.Context, corpID string, on bool) error {
	if err := require("corpid", corpID); err != nil {
		return err
	}
	status := 0
	if on {
		status = 1
	}
	_, err := call[struct{}](ctx, s.c, apiLicSetAutoActive, nil, struct {
		CorpID string `json:"corpid"`
		Status int    `json:"auto_active_status"`
	}{corpID, status})
	return err
}

// AutoActive reports whether corpID's licenses are activated automatically.
// https://developer.work.weixin.qq.com/document/path/95874
func (s *LicenseService) AutoActive(ctx context.Context, corpID string) (bool, error) {
	if err := require("corpid", corpID); err != nil {
		return false, err
	}
	out, err := call[struct {
		Status int `json:"auto_active_status"`
	}](ctx, s.c, apiLicGetAutoActive, nil, struct {
		CorpID string `json:"corpid"`
	}{corpID})
	if err != nil {
		return false, err
	}
	return out.Status == 1, nil
}
