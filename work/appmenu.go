package work

import "context"

var (
	menuCreate = epPost("/cgi-bin/menu/create")
	menuGet    = epGet("/cgi-bin/menu/get")
	menuDelete = epGet("/cgi-bin/menu/delete")
)

// AppMenu is an agent's menu: 1 to 3 buttons, each with up to 5
// sub-buttons.
type AppMenu struct {
	Button []MenuButton `json:"button"`
}

// MenuButton is a menu button. Type is click, view, scancode_push,
// scancode_waitmsg, pic_sysphoto, pic_photo_or_album, pic_weixin,
// location_select or view_miniprogram; a button with SubButton has none.
type MenuButton struct {
	Type      string       `json:"type,omitempty"`
	Name      string       `json:"name"`
	Key       string       `json:"key,omitempty"`
	URL       string       `json:"url,omitempty"`
	PagePath  string       `json:"pagepath,omitempty"`
	AppID     string       `json:"appid,omitempty"`
	SubButton []MenuButton `json:"sub_button,omitempty"`
}

func (m *AppMenu) check() error {
	if m == nil || len(m.Button) == 0 || len(m.Button) > 3 {
		return paramErr("button", "want 1 to 3 buttons")
	}
	for _, b := range m.Button {
		if b.Name == "" {
			return paramErr("button", "a button has no name")
		}
		if len(b.SubButton) > 5 {
			return paramErr("sub_button", "at most 5 sub-buttons")
		}
		if len(b.SubButton) == 0 && b.Type == "" {
			return paramErr("button", "button "+b.Name+" has no type and no sub-button")
		}
	}
	return nil
}

// Create sets the agent's menu.
// https://developer.work.weixin.qq.com/document/path/90231
func (s *AppMenuService) Create(ctx context.Context, menu *AppMenu) error {
	if err := menu.check(); err != nil {
		return err
	}
	return s.c.Do(ctx, menuCreate, (*service)(s).agentQuery(), menu, nil)
}

// Get returns the agent's menu.
// https://developer.work.weixin.qq.com/document/path/90232
func (s *AppMenuService) Get(ctx context.Context) (*AppMenu, error) {
	return callB[AppMenu](ctx, s.c, menuGet, (*service)(s).agentQuery(), nil)
}

// Delete removes the agent's menu.
// https://developer.work.weixin.qq.com/document/path/90233
func (s *AppMenuService) Delete(ctx context.Context) error {
	return s.c.Do(ctx, menuDelete, (*service)(s).agentQuery(), nil, nil)
}
