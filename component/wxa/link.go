package wxa

import "context"

var (
	linkList           = post("/cgi-bin/wxopen/wxamplinkget")
	linkLink           = post("/cgi-bin/wxopen/wxamplink")
	linkUnlink         = post("/cgi-bin/wxopen/wxampunlink")
	linkGetShowItem    = get("/wxa/getshowwxaitem")
	linkUpdateShowItem = post("/wxa/updateshowwxaitem")
)

// LinkedMiniProgram is a mini program linked to the official account:
// Status 1 linked, 2 waiting for the mini program's confirmation, 3
// rejected, 4 expired.
type LinkedMiniProgram struct {
	Status     int    `json:"status"`
	UserName   string `json:"username"`
	AppID      string `json:"appid"`
	Source     string `json:"source"`
	Nickname   string `json:"nickname"`
	Selected   int    `json:"selected"`
	Released   int    `json:"released"`
	HeadImgURL string `json:"headimg_url"`
	Email      string `json:"email"`
}

// List returns the mini programs linked to the official account.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Official__Accounts/Mini_Program_Management_Permission.html
func (s *LinkService) List(ctx context.Context) ([]LinkedMiniProgram, error) {
	out, err := call[struct {
		WxOpens struct {
			Items []LinkedMiniProgram `json:"items"`
		} `json:"wxopens"`
	}](ctx, s.c, linkList, nil, empty)
	if err != nil {
		return nil, err
	}
	return out.WxOpens.Items, nil
}

// Link links the mini program appid to the official account; it waits for
// the mini program administrator's confirmation.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Official__Accounts/Mini_Program_Management_Permission.html
func (s *LinkService) Link(ctx context.Context, appID string, notifyUsers, showProfile bool) error {
	if err := required("appid", appID); err != nil {
		return err
	}
	body := struct {
		AppID       string `json:"appid"`
		NotifyUsers int    `json:"notify_users"`
		ShowProfile int    `json:"show_profile"`
	}{appID, b2i(notifyUsers), b2i(showProfile)}
	return (*service)(s).do(ctx, linkLink, body)
}

// Unlink unlinks the mini program appid.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Official__Accounts/Mini_Program_Management_Permission.html
func (s *LinkService) Unlink(ctx context.Context, appID string) error {
	if err := required("appid", appID); err != nil {
		return err
	}
	body := struct {
		AppID string `json:"appid"`
	}{appID}
	return (*service)(s).do(ctx, linkUnlink, body)
}

// ShowItem is the mini program shown on the official account's profile.
type ShowItem struct {
	CanOpen  int    `json:"can_open"`
	IsOpen   int    `json:"is_open"`
	AppID    string `json:"appid"`
	Nickname string `json:"nickname"`
	HeadImg  string `json:"headimg"`
}

// GetShowItem returns the mini program shown on the profile of the mini
// program's own official account (扫码关注后展示的小程序).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/getshowwxaitem.html
func (s *LinkService) GetShowItem(ctx context.Context) (*ShowItem, error) {
	return call[ShowItem](ctx, s.c, linkGetShowItem, nil, nil)
}

// UpdateShowItem shows (open, with appid) or hides the mini program.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/updateshowwxaitem.html
func (s *LinkService) UpdateShowItem(ctx context.Context, open bool, appID string) error {
	if open && appID == "" {
		return invalidArg("appid", "empty")
	}
	body := struct {
		Flag  int    `json:"wxa_subscribe_biz_flag"`
		AppID string `json:"appid,omitempty"`
	}{b2i(open), appID}
	return (*service)(s).do(ctx, linkUpdateShowItem, body)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
