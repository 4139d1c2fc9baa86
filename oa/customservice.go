package oa

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

// The account endpoints live under /customservice, not /cgi-bin, as WeChat
// documents them.
var (
	kfAccountAdd           = wechat.Endpoint{Method: http.MethodPost, Path: "/customservice/kfaccount/add"}
	kfAccountUpdate        = wechat.Endpoint{Method: http.MethodPost, Path: "/customservice/kfaccount/update"}
	kfAccountDelete        = wechat.Endpoint{Method: http.MethodGet, Path: "/customservice/kfaccount/del"}
	kfAccountUploadHeadImg = wechat.Endpoint{Method: http.MethodPost, Path: "/customservice/kfaccount/uploadheadimg"}
	kfList                 = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/customservice/getkflist"}
	kfOnlineList           = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/customservice/getonlinekflist"}
)

// Limits of customer-service accounts.
const (
	maxKFPrefix   = 10
	maxKFSuffix   = 30
	maxKFNickname = 16
)

// KFAccount is a customer-service account (客服账号).
type KFAccount struct {
	// Account is the full account, "prefix@wechat_id_of_the_account".
	Account    string        `json:"kf_account"`
	Nickname   string        `json:"kf_nick"`
	ID         wechat.FlexID `json:"kf_id"`
	HeadImgURL string        `json:"kf_headimgurl"`
	// WX is the WeChat ID of the agent bound to the account, if any.
	WX string `json:"kf_wx,omitempty"`
	// InviteWX, InviteExpireTime and InviteStatus ("waiting", "rejected",
	// "expired") describe a pending binding invitation.
	InviteWX         string `json:"invite_wx,omitempty"`
	InviteExpireTime int64  `json:"invite_expire_time,omitempty"`
	InviteStatus     string `json:"invite_status,omitempty"`
}

// OnlineKFAccount is a customer-service account online.
type OnlineKFAccount struct {
	Account string `json:"kf_account"`
	// Status is 1 when the agent is online on the web client.
	Status int           `json:"status"`
	ID     wechat.FlexID `json:"kf_id"`
	// AcceptedCase is the number of sessions the agent is handling.
	AcceptedCase int `json:"accepted_case"`
}

// checkKFAccount validates "prefix@wechat_id": a prefix of at most 10
// letters, digits or underscores, and a suffix of at most 30 characters.
func checkKFAccount(account string) error {
	prefix, suffix, ok := strings.Cut(account, "@")
	switch {
	case !ok || prefix == "" || suffix == "":
		return invalidArg("kf_account", "must be prefix@wechat_id")
	case len(prefix) > maxKFPrefix:
		return invalidArg("kf_account", "prefix longer than 10 characters")
	case utf8.RuneCountInString(suffix) > maxKFSuffix:
		return invalidArg("kf_account", "suffix longer than 30 characters")
	}
	for _, r := range prefix {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return invalidArg("kf_account", "prefix may hold only letters, digits and underscores")
		}
	}
	return nil
}

func (s *CustomServiceService) save(ctx context.Context, ep wechat.Endpoint, account, nickname string) error {
	if err := checkKFAccount(account); err != nil {
		return err
	}
	if nickname == "" || utf8.RuneCountInString(nickname) > maxKFNickname {
		return invalidArg("nickname", "must be 1 to 16 characters")
	}
	return s.c.Do(ctx, ep, nil, struct {
		Account  string `json:"kf_account"`
		Nickname string `json:"nickname"`
	}{account, nickname}, nil)
}

// AddAccount adds a customer-service account (at most 100 per official
// account); the agent then binds a WeChat ID to it.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func (s *CustomServiceService) AddAccount(ctx context.Context, account, nickname string) error {
	return s.save(ctx, kfAccountAdd, account, nickname)
}

// UpdateAccount changes the nickname of a customer-service account.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func (s *CustomServiceService) UpdateAccount(ctx context.Context, account, nickname string) error {
	return s.save(ctx, kfAccountUpdate, account, nickname)
}

// DeleteAccount deletes a customer-service account.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func (s *CustomServiceService) DeleteAccount(ctx context.Context, account string) error {
	if err := checkKFAccount(account); err != nil {
		return err
	}
	return s.c.Do(ctx, kfAccountDelete, url.Values{"kf_account": {account}}, nil, nil)
}

// UploadHeadImage sets the avatar of a customer-service account from a JPEG
// image (640×640 recommended), streaming r. The upload is retried after a
// token refresh only if r is an io.Seeker.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func (s *CustomServiceService) UploadHeadImage(ctx context.Context, account, filename string, r io.Reader) error {
	if err := checkKFAccount(account); err != nil {
		return err
	}
	if err := checkUpload(filename, r); err != nil {
		return err
	}
	return s.c.Upload(ctx, kfAccountUploadHeadImg, url.Values{"kf_account": {account}},
		wechat.UploadFile{Field: "media", Filename: filename, Content: r}, nil, nil)
}

// UploadHeadImageFile is UploadHeadImage of the file at path.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func (s *CustomServiceService) UploadHeadImageFile(ctx context.Context, account, path string) error {
	return wechat.WithFile(path, func(name string, r io.Reader) error {
		return s.UploadHeadImage(ctx, account, name, r)
	})
}

// Accounts returns every customer-service account.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func (s *CustomServiceService) Accounts(ctx context.Context) ([]KFAccount, error) {
	out, err := call[struct {
		List []KFAccount `json:"kf_list"`
	}](ctx, s.c, kfList, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// OnlineAccounts returns the customer-service accounts online and their
// workload.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func (s *CustomServiceService) OnlineAccounts(ctx context.Context) ([]OnlineKFAccount, error) {
	out, err := call[struct {
		List []OnlineKFAccount `json:"kf_online_list"`
	}](ctx, s.c, kfOnlineList, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}
