package wxa

import (
	"context"
	"io"

	wechat "github.com/weixin-go/wechat"
)

var (
	privacySet            = post("/cgi-bin/component/setprivacysetting")
	privacyGet            = post("/cgi-bin/component/getprivacysetting")
	privacyUploadExtFile  = post("/cgi-bin/component/uploadprivacyextfile")
	privacyApplyInterface = post("/wxa/security/apply_privacy_interface")
	privacyGetInterface   = get("/wxa/security/get_privacy_interface")
)

// PrivacyOwner is the developer's contact and storage settings of the
// privacy guide (one contact is required).
type PrivacyOwner struct {
	ContactEmail         string `json:"contact_email,omitempty"`
	ContactPhone         string `json:"contact_phone,omitempty"`
	ContactQQ            string `json:"contact_qq,omitempty"`
	ContactWeixin        string `json:"contact_weixin,omitempty"`
	ExtFileMediaID       string `json:"ext_file_media_id,omitempty"`
	NoticeMethod         string `json:"notice_method"`
	StoreExpireTimestamp string `json:"store_expire_timestamp,omitempty"`
	StoreRegion          int    `json:"store_region,omitempty"`
}

// PrivacyItem is one kind of user information and why it is collected.
type PrivacyItem struct {
	PrivacyKey   string `json:"privacy_key"`
	PrivacyText  string `json:"privacy_text"`
	PrivacyLabel string `json:"privacy_label,omitempty"`
}

// PrivacySetting is the user privacy guide (用户隐私保护指引).
type PrivacySetting struct {
	// PrivacyVer is 1 for the current guide, 2 for the one in development.
	PrivacyVer   int           `json:"privacy_ver,omitempty"`
	OwnerSetting PrivacyOwner  `json:"owner_setting"`
	SettingList  []PrivacyItem `json:"setting_list"`
}

// Set sets the privacy guide.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/privacy_config/set_privacy_setting.html
func (s *PrivacyService) Set(ctx context.Context, p *PrivacySetting) error {
	if p == nil || p.OwnerSetting.NoticeMethod == "" {
		return invalidArg("owner_setting.notice_method", "empty")
	}
	o := p.OwnerSetting
	if o.ContactEmail == "" && o.ContactPhone == "" && o.ContactQQ == "" && o.ContactWeixin == "" {
		return invalidArg("owner_setting", "one contact is required")
	}
	return (*service)(s).do(ctx, privacySet, p)
}

// PrivacyInfo is the answer of Get.
type PrivacyInfo struct {
	CodeExist    int           `json:"code_exist"`
	PrivacyList  []string      `json:"privacy_list"`
	SettingList  []PrivacyItem `json:"setting_list"`
	UpdateTime   int64         `json:"update_time"`
	OwnerSetting PrivacyOwner  `json:"owner_setting"`
	PrivacyDesc  struct {
		PrivacyDescList []struct {
			PrivacyKey  string `json:"privacy_key"`
			PrivacyDesc string `json:"privacy_desc"`
		} `json:"privacy_desc_list"`
	} `json:"privacy_desc"`
}

// Get returns the privacy guide of privacyVer (1 current, 2 in development).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/privacy_config/get_privacy_setting.html
func (s *PrivacyService) Get(ctx context.Context, privacyVer int) (*PrivacyInfo, error) {
	body := struct {
		PrivacyVer int `json:"privacy_ver,omitempty"`
	}{privacyVer}
	return call[PrivacyInfo](ctx, s.c, privacyGet, nil, body)
}

// UploadExtFile uploads the supplementary privacy document (a .txt file of
// at most 100 KB) and returns its ext_file_media_id for PrivacyOwner.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/privacy_config/upload_privacy_exfile.html
func (s *PrivacyService) UploadExtFile(ctx context.Context, filename string, r io.Reader) (string, error) {
	var out struct {
		ExtFileMediaID string `json:"ext_file_media_id"`
	}
	if err := s.c.Upload(ctx, privacyUploadExtFile, nil, wechat.UploadFile{Field: "file", Filename: filename, Content: r}, nil, &out); err != nil {
		return "", err
	}
	return out.ExtFileMediaID, nil
}

// InterfaceApplication is the request of ApplyInterface.
type InterfaceApplication struct {
	APIName   string   `json:"api_name"`
	Content   string   `json:"content"`
	URLList   []string `json:"url_list,omitempty"`
	PicList   []string `json:"pic_list,omitempty"`
	VideoList []string `json:"video_list,omitempty"`
}

// ApplyInterface applies for a privacy interface (such as
// wx.getLocation) and returns the audit id.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/apply_api/apply_privacy_interface.html
func (s *PrivacyService) ApplyInterface(ctx context.Context, a *InterfaceApplication) (int64, error) {
	if a == nil {
		return 0, invalidArg("api_name", "nil application")
	}
	if err := required("api_name", a.APIName, "content", a.Content); err != nil {
		return 0, err
	}
	out, err := call[struct {
		AuditID int64 `json:"audit_id"`
	}](ctx, s.c, privacyApplyInterface, nil, a)
	if err != nil {
		return 0, err
	}
	return out.AuditID, nil
}

// PrivacyInterface is a privacy interface and the state of its
// application: Status 1 pending, 2 rejected, 3 approved... as documented.
type PrivacyInterface struct {
	APIName    string `json:"api_name"`
	APIChName  string `json:"api_ch_name"`
	APIDesc    string `json:"api_desc"`
	ApplyTime  int64  `json:"apply_time"`
	Status     int    `json:"status"`
	AuditID    int64  `json:"audit_id"`
	FailReason string `json:"fail_reason"`
	APILink    string `json:"api_link"`
	GroupName  string `json:"group_name"`
}

// GetInterfaces lists the privacy interfaces and their applications.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/apply_api/get_privacy_interface.html
func (s *PrivacyService) GetInterfaces(ctx context.Context) ([]PrivacyInterface, error) {
	out, err := call[struct {
		List []PrivacyInterface `json:"interface_list"`
	}](ctx, s.c, privacyGetInterface, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}
