package miniprogram

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	pluginManage    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/plugin"}
	pluginDevManage = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/devplugin"}
)

// Statuses of a plugin application (Plugin.Status, PluginApplication.Status).
const (
	PluginApplying = 1 // waiting for the plugin's developer
	PluginApproved = 2
	PluginRefused  = 3
	PluginTimedOut = 4
)

// Plugin is a plugin the mini program applied for or uses.
type Plugin struct {
	AppID      string `json:"appid"`
	Status     int    `json:"status"` // PluginApplying, PluginApproved, PluginRefused or PluginTimedOut
	Nickname   string `json:"nickname"`
	HeadImgURL string `json:"headimgurl"`
}

// Apply asks the developer of the plugin pluginAppID to let the mini
// program use it, giving a reason (申请使用插件). WeChat answers 89237 when
// the plugin is already added, 89239 when it does not exist.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePlugin.html
func (s *PluginService) Apply(ctx context.Context, pluginAppID, reason string) error {
	if err := required("plugin_appid", pluginAppID, "reason", reason); err != nil {
		return err
	}
	body := map[string]string{"action": "apply", "plugin_appid": pluginAppID, "reason": reason}
	return s.c.Do(ctx, pluginManage, nil, body, nil)
}

// List returns the plugins the mini program applied for or uses
// (查询已添加的插件).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePlugin.html
func (s *PluginService) List(ctx context.Context) ([]Plugin, error) {
	out, err := call[struct {
		PluginList []Plugin `json:"plugin_list"`
	}](ctx, s.c, pluginManage, nil, map[string]string{"action": "list"})
	if err != nil {
		return nil, err
	}
	return out.PluginList, nil
}

// Unbind removes an added plugin (删除已添加的插件).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePlugin.html
func (s *PluginService) Unbind(ctx context.Context, pluginAppID string) error {
	if err := required("plugin_appid", pluginAppID); err != nil {
		return err
	}
	return s.c.Do(ctx, pluginManage, nil, map[string]string{"action": "unbind", "plugin_appid": pluginAppID}, nil)
}

// Update moves an added plugin to userVersion, which must support quick
// updates (快速更新插件版本号).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePlugin.html
func (s *PluginService) Update(ctx context.Context, pluginAppID, userVersion string) error {
	if err := required("plugin_appid", pluginAppID, "user_version", userVersion); err != nil {
		return err
	}
	body := map[string]string{"action": "update", "plugin_appid": pluginAppID, "user_version": userVersion}
	return s.c.Do(ctx, pluginManage, nil, body, nil)
}

// PluginApplication is a mini program's application to use the plugin.
type PluginApplication struct {
	AppID      string `json:"appid"`
	Status     int    `json:"status"` // PluginApplying, PluginApproved, PluginRefused or PluginTimedOut
	Nickname   string `json:"nickname"`
	HeadImgURL string `json:"headimgurl"`
	Reason     string `json:"reason"`
	ApplyURL   string `json:"apply_url"` // the applicant's mini program code
	// CreateTime is when it applied; the docs type it as a string.
	CreateTime wechat.FlexID `json:"create_time"`
	// Categories are the applicant's categories, an array whose items the
	// docs do not describe.
	Categories json.RawMessage `json:"categories,omitempty"`
}

// MaxPluginApplicationsPage is the page size AllApplications uses.
const MaxPluginApplicationsPage = 100

// Applications returns page (from 1) of the applications to use the
// plugin, num per page (获取当前所有插件使用方; for the plugin's developer).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePluginApplication.html
func (s *PluginDevService) Applications(ctx context.Context, page, num int) ([]PluginApplication, error) {
	if page < 1 {
		return nil, invalidArg("page", "starts at 1")
	}
	if num < 1 {
		return nil, invalidArg("num", "must be positive")
	}
	body := struct {
		Action string `json:"action"`
		Page   int    `json:"page"`
		Num    int    `json:"num"`
	}{"dev_apply_list", page, num}
	out, err := call[struct {
		ApplyList []PluginApplication `json:"apply_list"`
	}](ctx, s.c, pluginDevManage, nil, body)
	if err != nil {
		return nil, err
	}
	return out.ApplyList, nil
}

// AllApplications iterates over every application to use the plugin,
// fetching pages of 100 as needed. The first error is yielded and ends the
// iteration.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePluginApplication.html
func (s *PluginDevService) AllApplications(ctx context.Context) iter.Seq2[PluginApplication, error] {
	return func(yield func(PluginApplication, error) bool) {
		for page := 1; ; page++ {
			list, err := s.Applications(ctx, page, MaxPluginApplicationsPage)
			if err != nil {
				yield(PluginApplication{}, err)
				return
			}
			for _, a := range list {
				if !yield(a, nil) {
					return
				}
			}
			if len(list) < MaxPluginApplicationsPage {
				return
			}
		}
	}
}

// setStatus sends a dev_* action about the applicant appID.
func (s *PluginDevService) setStatus(ctx context.Context, action, appID, reason string) error {
	if err := required("appid", appID); err != nil {
		return err
	}
	body := struct {
		Action string `json:"action"`
		AppID  string `json:"appid"`
		Reason string `json:"reason,omitempty"`
	}{action, appID, reason}
	return s.c.Do(ctx, pluginDevManage, nil, body, nil)
}

// Agree approves the pending application of the mini program appID
// (同意申请). WeChat answers 89240 unless the application is pending.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePluginApplication.html
func (s *PluginDevService) Agree(ctx context.Context, appID string) error {
	return s.setStatus(ctx, "dev_agree", appID, "")
}

// Refuse refuses the pending application of the mini program appID, giving
// a reason (拒绝申请). The docs name appid only for dev_agree; it is sent
// here too, to say which application.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePluginApplication.html
func (s *PluginDevService) Refuse(ctx context.Context, appID, reason string) error {
	if err := required("reason", reason); err != nil {
		return err
	}
	return s.setStatus(ctx, "dev_refuse", appID, reason)
}

// Delete removes a refused or timed-out applicant (删除已拒绝的申请者);
// WeChat answers 89243 for a pending one, 89241 for an approved one.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/plugin-management/managePluginApplication.html
func (s *PluginDevService) Delete(ctx context.Context, appID string) error {
	return s.setStatus(ctx, "dev_delete", appID, "")
}
