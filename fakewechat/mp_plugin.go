package fakewechat

import (
	"sort"
	"strconv"
	"sync"
	"time"
)

// Plugin management (/wxa/plugin for the mini program using a plugin,
// /wxa/devplugin for the plugin's developer): applications are kept across
// apps (MPPluginApplications); see the package documentation for the rules.
func init() {
	stdMessages[CodeMPPluginCannotApply] = "该插件不能申请"
	stdMessages[CodeMPPluginAdded] = "已经添加该插件"
	stdMessages[CodeMPPluginNotExist] = "该插件不存在"
	stdMessages[CodeMPPluginNotPending] = "无法进行此操作，只有“待确认”的申请可操作通过/拒绝"
	stdMessages[CodeMPPluginNotRefused] = "无法进行此操作，只有“已拒绝/已超时”的申请可操作删除"
	stdMessages[CodeMPPluginNotApplied] = "该appid不在申请列表内"
	stdMessages[CodeMPPluginPendingDelete] = "“待确认”的申请不可删除"
	stdMessages[CodeMPPluginNotAdded] = "不存在该插件appid"
	builtin = append(builtin, registerMPPlugins)
}

// Errcodes of plugin management; their messages are the docs' descriptions.
const (
	CodeMPPluginCannotApply   = 89236
	CodeMPPluginAdded         = 89237
	CodeMPPluginNotExist      = 89239
	CodeMPPluginNotPending    = 89240
	CodeMPPluginNotRefused    = 89241
	CodeMPPluginNotApplied    = 89242
	CodeMPPluginPendingDelete = 89243
	CodeMPPluginNotAdded      = 89044
)

// MPPluginApplication is a mini program's application to use a plugin.
type MPPluginApplication struct {
	PluginAppID, AppID string
	Status             int // 1 applying, 2 approved, 3 refused, 4 timed out
	Reason             string
	RefuseReason       string
	UserVersion        string // the last update's user_version
	CreatedAt          time.Time
}

type mpPlugins struct {
	mu   sync.Mutex
	apps map[[2]string]*MPPluginApplication // by plugin appid, user appid
}

func (s *Server) mpPlugins() *mpPlugins {
	return Value(s.State(""), "mp.plugins", func() *mpPlugins {
		return &mpPlugins{apps: map[[2]string]*MPPluginApplication{}}
	})
}

// MPPluginApplications returns the applications to use the plugin
// pluginAppID, oldest first.
func (s *Server) MPPluginApplications(pluginAppID string) []MPPluginApplication {
	st := s.mpPlugins()
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.listLocked(func(a *MPPluginApplication) bool { return a.PluginAppID == pluginAppID })
}

// SetMPPluginStatus sets the status of appid's application to use
// pluginAppID, as time or the developer would (4 for timed out).
func (s *Server) SetMPPluginStatus(pluginAppID, appid string, status int) bool {
	st := s.mpPlugins()
	st.mu.Lock()
	defer st.mu.Unlock()
	a, ok := st.apps[[2]string{pluginAppID, appid}]
	if ok {
		a.Status = status
	}
	return ok
}

func (st *mpPlugins) listLocked(keep func(*MPPluginApplication) bool) []MPPluginApplication {
	var out []MPPluginApplication
	for _, a := range st.apps {
		if keep(a) {
			out = append(out, *a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].AppID+out[i].PluginAppID < out[j].AppID+out[j].PluginAppID
	})
	return out
}

func (s *Server) appRegistered(appid string) bool {
	s.creds.mu.RLock()
	defer s.creds.mu.RUnlock()
	_, ok := s.creds.apps[appid]
	return ok
}

func registerMPPlugins(s *Server) {
	s.HandleJSON("POST /wxa/plugin", func(r *Request) (any, error) {
		var in struct {
			Action      string `json:"action"`
			PluginAppID string `json:"plugin_appid"`
			Reason      string `json:"reason"`
			UserVersion string `json:"user_version"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		st := s.mpPlugins()
		st.mu.Lock()
		defer st.mu.Unlock()
		if in.Action == "list" {
			list := []M{}
			for _, a := range st.listLocked(func(a *MPPluginApplication) bool { return a.AppID == r.AppID }) {
				list = append(list, M{"appid": a.PluginAppID, "status": a.Status, "nickname": "插件昵称", "headimgurl": "http://plugin.qq.com"})
			}
			return OK(M{"plugin_list": list}), nil
		}
		if in.PluginAppID == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: plugin_appid")
		}
		key := [2]string{in.PluginAppID, r.AppID}
		a := st.apps[key]
		switch in.Action {
		case "apply":
			switch {
			case in.Reason == "":
				return nil, Errorf(CodeInvalidArgs, "invalid args: reason")
			case in.PluginAppID == r.AppID:
				return nil, ErrCode(CodeMPPluginCannotApply)
			case !s.appRegistered(in.PluginAppID):
				return nil, ErrCode(CodeMPPluginNotExist)
			case a != nil && (a.Status == 1 || a.Status == 2):
				return nil, ErrCode(CodeMPPluginAdded)
			}
			st.apps[key] = &MPPluginApplication{PluginAppID: in.PluginAppID, AppID: r.AppID, Status: 1, Reason: in.Reason, CreatedAt: r.Now()}
		case "unbind":
			if a == nil {
				return nil, ErrCode(CodeMPPluginNotAdded)
			}
			delete(st.apps, key)
		case "update":
			if in.UserVersion == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: user_version")
			}
			if a == nil || a.Status != 2 {
				return nil, ErrCode(CodeMPPluginNotAdded)
			}
			a.UserVersion = in.UserVersion
		default:
			return nil, Errorf(CodeInvalidArgs, "invalid args: action")
		}
		return nil, nil
	})

	s.HandleJSON("POST /wxa/devplugin", func(r *Request) (any, error) {
		var in struct {
			Action string `json:"action"`
			AppID  string `json:"appid"`
			Page   int    `json:"page"`
			Num    int    `json:"num"`
			Reason string `json:"reason"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		st := s.mpPlugins()
		st.mu.Lock()
		defer st.mu.Unlock()
		if in.Action == "dev_apply_list" {
			if in.Page < 1 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: page")
			}
			if in.Num < 1 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: num")
			}
			all := st.listLocked(func(a *MPPluginApplication) bool { return a.PluginAppID == r.AppID })
			list := []M{}
			for i := (in.Page - 1) * in.Num; i < len(all) && i < in.Page*in.Num; i++ {
				a := all[i]
				list = append(list, M{"appid": a.AppID, "status": a.Status, "nickname": "名称", "headimgurl": "http://mmbiz.qpic.cn/fake",
					"reason": a.Reason, "apply_url": "http://mmbiz.qpic.cn/fake/wxacode", "create_time": strconv.FormatInt(a.CreatedAt.Unix(), 10),
					"categories": []M{}})
			}
			return OK(M{"apply_list": list}), nil
		}
		if in.AppID == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: appid")
		}
		key := [2]string{r.AppID, in.AppID}
		a, ok := st.apps[key]
		if !ok {
			return nil, ErrCode(CodeMPPluginNotApplied)
		}
		switch in.Action {
		case "dev_agree", "dev_refuse":
			if a.Status != 1 {
				return nil, ErrCode(CodeMPPluginNotPending)
			}
			if in.Action == "dev_agree" {
				a.Status = 2
				break
			}
			if in.Reason == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: reason")
			}
			a.Status, a.RefuseReason = 3, in.Reason
		case "dev_delete":
			switch a.Status {
			case 1:
				return nil, ErrCode(CodeMPPluginPendingDelete)
			case 2:
				return nil, ErrCode(CodeMPPluginNotRefused)
			}
			delete(st.apps, key)
		default:
			return nil, Errorf(CodeInvalidArgs, "invalid args: action")
		}
		return nil, nil
	})
}
