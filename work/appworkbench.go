package work

import "context"

var (
	workbenchSetTemplate = epPost("/cgi-bin/agent/set_workbench_template")
	workbenchGetTemplate = epPost("/cgi-bin/agent/get_workbench_template")
	workbenchSetData     = epPost("/cgi-bin/agent/set_workbench_data")
)

// Workbench template types.
const (
	WorkbenchTypeKeyData = "keydata"
	WorkbenchTypeImage   = "image"
	WorkbenchTypeList    = "list"
	WorkbenchTypeWebView = "webview"
	// WorkbenchTypeNormal removes the custom display (templates only).
	WorkbenchTypeNormal = "normal"
)

// Workbench is what an agent shows on the workbench: Type and the one
// field it names.
// https://developer.work.weixin.qq.com/document/path/92535
type Workbench struct {
	Type    string            `json:"type"`
	KeyData *WorkbenchItems   `json:"keydata,omitempty"`
	Image   *WorkbenchImage   `json:"image,omitempty"`
	List    *WorkbenchItems   `json:"list,omitempty"`
	WebView *WorkbenchWebView `json:"webview,omitempty"`
}

// WorkbenchItems are the items of a keydata (1 to 4: Key and Data) or list
// (1 to 3: Title) display.
type WorkbenchItems struct {
	Items []WorkbenchItem `json:"items"`
}

// WorkbenchItem is a key figure or a list line, opening JumpURL or the
// mini-program page PagePath.
type WorkbenchItem struct {
	Key      string `json:"key,omitempty"`
	Data     string `json:"data,omitempty"`
	Title    string `json:"title,omitempty"`
	JumpURL  string `json:"jump_url,omitempty"`
	PagePath string `json:"pagepath,omitempty"`
}

// WorkbenchImage is an image display.
type WorkbenchImage struct {
	URL      string `json:"url"`
	JumpURL  string `json:"jump_url,omitempty"`
	PagePath string `json:"pagepath,omitempty"`
}

// WorkbenchWebView is a web-page display; Height is "single_row" or
// "double_row".
type WorkbenchWebView struct {
	URL       string `json:"url"`
	JumpURL   string `json:"jump_url,omitempty"`
	PagePath  string `json:"pagepath,omitempty"`
	Height    string `json:"height,omitempty"`
	HideTitle bool   `json:"hide_title,omitempty"`
}

func (w *Workbench) check(template bool) error {
	if w == nil {
		return paramErr("type", "empty")
	}
	var set bool
	switch w.Type {
	case WorkbenchTypeKeyData:
		set = w.KeyData != nil && len(w.KeyData.Items) >= 1 && len(w.KeyData.Items) <= 4
	case WorkbenchTypeList:
		set = w.List != nil && len(w.List.Items) >= 1 && len(w.List.Items) <= 3
	case WorkbenchTypeImage:
		set = w.Image != nil && w.Image.URL != ""
	case WorkbenchTypeWebView:
		set = w.WebView != nil && w.WebView.URL != ""
	case WorkbenchTypeNormal:
		set = template
	default:
		return paramErr("type", "unknown type "+w.Type)
	}
	if !set {
		return paramErr(w.Type, "missing or out of the documented limits")
	}
	return nil
}

// WorkbenchTemplate is the agent's default workbench display.
type WorkbenchTemplate struct {
	AgentID int64 `json:"agentid"`
	Workbench
	// ReplaceUserData (true) overwrites the data set for single members.
	ReplaceUserData bool `json:"replace_user_data,omitempty"`
}

// SetTemplate sets the agent's workbench template; the agent id is filled in.
// https://developer.work.weixin.qq.com/document/path/92535
func (s *AppWorkbenchService) SetTemplate(ctx context.Context, w Workbench, replaceUserData bool) error {
	if err := w.check(true); err != nil {
		return err
	}
	return s.c.Do(ctx, workbenchSetTemplate, nil, WorkbenchTemplate{AgentID: s.agent.ID, Workbench: w, ReplaceUserData: replaceUserData}, nil)
}

// GetTemplate returns the agent's workbench template.
// https://developer.work.weixin.qq.com/document/path/92535
func (s *AppWorkbenchService) GetTemplate(ctx context.Context) (*WorkbenchTemplate, error) {
	return callB[WorkbenchTemplate](ctx, s.c, workbenchGetTemplate, nil, map[string]int64{"agentid": s.agent.ID})
}

// SetData sets what one member sees on the workbench (not "normal").
// https://developer.work.weixin.qq.com/document/path/92535
func (s *AppWorkbenchService) SetData(ctx context.Context, userID string, w Workbench) error {
	if err := needB("userid", userID); err != nil {
		return err
	}
	if err := w.check(false); err != nil {
		return err
	}
	return s.c.Do(ctx, workbenchSetData, nil, struct {
		AgentID int64  `json:"agentid"`
		UserID  string `json:"userid"`
		Workbench
	}{s.agent.ID, userID, w}, nil)
}
