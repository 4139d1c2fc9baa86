package wxa

import "context"

var (
	jumpAdd      = post("/cgi-bin/wxopen/qrcodejumpadd")
	jumpGet      = post("/cgi-bin/wxopen/qrcodejumpget")
	jumpDelete   = post("/cgi-bin/wxopen/qrcodejumpdelete")
	jumpPublish  = post("/cgi-bin/wxopen/qrcodejumppublish")
	jumpDownload = post("/cgi-bin/wxopen/qrcodejumpdownload")
)

// JumpRule opens the mini program from ordinary QR codes whose URL starts
// with Prefix. OpenVersion is 1 development, 2 trial, 3 release.
type JumpRule struct {
	Prefix        string   `json:"prefix"`
	AppID         string   `json:"appid,omitempty"`
	Path          string   `json:"path"`
	PermitSubRule int      `json:"permit_sub_rule,omitempty"` // 1 allowed, 2 not
	DebugURL      []string `json:"debug_url,omitempty"`
	OpenVersion   int      `json:"open_version"`
	IsEdit        int      `json:"is_edit,omitempty"` // 0 new rule, 1 edit
	State         int      `json:"state,omitempty"`   // 1 unpublished, 2 published
}

// Add adds (IsEdit 0) or edits (IsEdit 1) a rule.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/qrcode/qrcodejumpadd.html
func (s *JumpService) Add(ctx context.Context, r *JumpRule) error {
	if r == nil {
		return invalidArg("prefix", "nil rule")
	}
	if err := required("prefix", r.Prefix, "path", r.Path); err != nil {
		return err
	}
	if r.OpenVersion < 1 || r.OpenVersion > 3 {
		return invalidArg("open_version", "must be 1, 2 or 3")
	}
	return (*service)(s).do(ctx, jumpAdd, r)
}

// JumpRules is the answer of Get.
type JumpRules struct {
	RuleList           []JumpRule `json:"rule_list"`
	QRCodeJumpOpen     int        `json:"qrcodejump_open"`
	ListSize           int        `json:"list_size"`
	QRCodeJumpPubQuota int        `json:"qrcodejump_pub_quota"`
	TotalCount         int        `json:"total_count"`
}

// JumpQuery selects rules: GetType 1 by prefixes, 2 a page.
type JumpQuery struct {
	AppID      string   `json:"appid,omitempty"`
	GetType    int      `json:"get_type"`
	PrefixList []string `json:"prefix_list,omitempty"`
	PageNum    int      `json:"page_num,omitempty"`
	PageSize   int      `json:"page_size,omitempty"`
}

// Get returns the rules.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/qrcode/qrcodejumpget.html
func (s *JumpService) Get(ctx context.Context, q *JumpQuery) (*JumpRules, error) {
	if q == nil || (q.GetType != 1 && q.GetType != 2) {
		return nil, invalidArg("get_type", "must be 1 or 2")
	}
	return call[JumpRules](ctx, s.c, jumpGet, nil, q)
}

type prefixBody struct {
	Prefix string `json:"prefix"`
	AppID  string `json:"appid,omitempty"`
}

// Delete deletes the rule of prefix.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/qrcode/qrcodejumpdelete.html
func (s *JumpService) Delete(ctx context.Context, prefix string) error {
	if err := required("prefix", prefix); err != nil {
		return err
	}
	return (*service)(s).do(ctx, jumpDelete, prefixBody{Prefix: prefix})
}

// Publish publishes the rule of prefix.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/qrcode/qrcodejumppublish.html
func (s *JumpService) Publish(ctx context.Context, prefix string) error {
	if err := required("prefix", prefix); err != nil {
		return err
	}
	return (*service)(s).do(ctx, jumpPublish, prefixBody{Prefix: prefix})
}

// DownloadCheckFile returns the file the prefix's domain must serve to
// prove ownership.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/qrcode/qrcodejumpdownload.html
func (s *JumpService) DownloadCheckFile(ctx context.Context) (*ConfirmFile, error) {
	return call[ConfirmFile](ctx, s.c, jumpDownload, nil, empty)
}
