package oa

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	menuCreate         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/menu/create"}
	menuGet            = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/menu/get"}
	menuCurrent        = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/get_current_selfmenu_info"}
	menuDelete         = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/menu/delete"}
	menuAddConditional = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/menu/addconditional"}
	menuDelConditional = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/menu/delconditional"}
	menuTryMatch       = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/menu/trymatch"}
)

// Button types.
const (
	ButtonClick              = "click"
	ButtonView               = "view"
	ButtonMiniProgram        = "miniprogram"
	ButtonScanCodePush       = "scancode_push"
	ButtonScanCodeWaitMsg    = "scancode_waitmsg"
	ButtonPicSysPhoto        = "pic_sysphoto"
	ButtonPicPhotoOrAlbum    = "pic_photo_or_album"
	ButtonPicWeixin          = "pic_weixin"
	ButtonLocationSelect     = "location_select"
	ButtonMediaID            = "media_id"
	ButtonArticleID          = "article_id"
	ButtonArticleViewLimited = "article_view_limited"
)

// Menu size limits.
const (
	MaxMenuButtons = 3 // first-level buttons
	MaxSubButtons  = 5 // second-level buttons under one button
)

// Button is a menu button. A button with SubButtons has no Type.
type Button struct {
	Type string `json:"type,omitempty"`
	Name string `json:"name"`
	// Key is pushed back in the click event (click, scancode_*, pic_*, location_select).
	Key string `json:"key,omitempty"`
	// URL is opened by view buttons, and by miniprogram buttons on old clients.
	URL       string   `json:"url,omitempty"`
	MediaID   string   `json:"media_id,omitempty"`
	ArticleID string   `json:"article_id,omitempty"`
	AppID     string   `json:"appid,omitempty"`
	PagePath  string   `json:"pagepath,omitempty"`
	SubButton []Button `json:"sub_button,omitempty"`
}

// MatchRule selects the users who see a conditional menu. At least one
// field must be set.
type MatchRule struct {
	TagID string `json:"tag_id,omitempty"`
	// ClientPlatformType is 1 for iOS, 2 for Android, 3 for others.
	ClientPlatformType string `json:"client_platform_type,omitempty"`
	// Sex, Country, Province, City and Language are no longer matched by
	// WeChat (user profiles stopped exposing them) but are still accepted.
	Sex      string `json:"sex,omitempty"`
	Country  string `json:"country,omitempty"`
	Province string `json:"province,omitempty"`
	City     string `json:"city,omitempty"`
	Language string `json:"language,omitempty"`
}

func (m *MatchRule) empty() bool { return m == nil || *m == MatchRule{} }

var errMenuID = errors.New("oa: menuid is neither a JSON number nor a string")

// MenuID identifies a conditional menu. WeChat sends it as a number or as a
// string depending on the API; both decode.
type MenuID string

// UnmarshalJSON accepts a JSON number or string.
func (id *MenuID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = MenuID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return errMenuID
	}
	*id = MenuID(n.String())
	return nil
}

// Menu is a default menu, or a conditional menu when MatchRule is set.
type Menu struct {
	Button    []Button   `json:"button"`
	MatchRule *MatchRule `json:"matchrule,omitempty"`
	// MenuID is set on conditional menus read back with Get.
	MenuID MenuID `json:"menuid,omitempty"`
}

// Validate checks the menu's shape against WeChat's limits.
func (m *Menu) Validate() error {
	if m == nil {
		return invalidArg("button", "nil menu")
	}
	if len(m.Button) == 0 || len(m.Button) > MaxMenuButtons {
		return invalidArg("button", "a menu has 1 to "+strconv.Itoa(MaxMenuButtons)+" buttons, got "+strconv.Itoa(len(m.Button)))
	}
	for i, b := range m.Button {
		if b.Name == "" {
			return invalidArg("button["+strconv.Itoa(i)+"].name", "empty")
		}
		if len(b.SubButton) > MaxSubButtons {
			return invalidArg("button["+strconv.Itoa(i)+"].sub_button", "at most "+strconv.Itoa(MaxSubButtons)+" sub buttons")
		}
		if len(b.SubButton) == 0 && b.Type == "" {
			return invalidArg("button["+strconv.Itoa(i)+"].type", "a button without sub buttons needs a type")
		}
		for j, sb := range b.SubButton {
			if sb.Name == "" || sb.Type == "" {
				return invalidArg("button["+strconv.Itoa(i)+"].sub_button["+strconv.Itoa(j)+"]", "name and type are required")
			}
		}
	}
	return nil
}

// Create creates (replaces) the default custom menu.
// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html
func (s *MenuService) Create(ctx context.Context, menu *Menu) error {
	if err := menu.Validate(); err != nil {
		return err
	}
	body := Menu{Button: menu.Button}
	return s.c.Do(ctx, menuCreate, nil, &body, nil)
}

// Menus is the answer of menu/get: the default menu and the conditional menus.
type Menus struct {
	Menu            Menu   `json:"menu"`
	ConditionalMenu []Menu `json:"conditionalmenu,omitempty"`
}

// Get returns the menus created through the API (errcode 46003 when none).
// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Querying_Custom_Menus.html
func (s *MenuService) Get(ctx context.Context) (*Menus, error) {
	return call[Menus](ctx, s.c, menuGet, nil, nil)
}

// SelfMenuButton is a button as reported by get_current_selfmenu_info. For
// menus set on the platform website, Value holds the text or media id.
type SelfMenuButton struct {
	Type      string           `json:"type,omitempty"`
	Name      string           `json:"name"`
	Key       string           `json:"key,omitempty"`
	URL       string           `json:"url,omitempty"`
	Value     string           `json:"value,omitempty"`
	AppID     string           `json:"appid,omitempty"`
	PagePath  string           `json:"pagepath,omitempty"`
	NewsInfo  *NewsInfo        `json:"news_info,omitempty"`
	SubButton *SelfMenuButtons `json:"sub_button,omitempty"`
}

// SelfMenuButtons wraps the sub buttons, which this API nests under "list".
type SelfMenuButtons struct {
	List []SelfMenuButton `json:"list"`
}

// SelfMenu is the menu the account currently uses, however it was set.
type SelfMenu struct {
	IsMenuOpen   int `json:"is_menu_open"`
	SelfMenuInfo struct {
		Button []SelfMenuButton `json:"button"`
	} `json:"selfmenu_info"`
}

// Current returns the menu the account currently uses, whether set through
// the API or on the platform website.
// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Querying_Custom_Menus.html
func (s *MenuService) Current(ctx context.Context) (*SelfMenu, error) {
	return call[SelfMenu](ctx, s.c, menuCurrent, nil, nil)
}

// Delete deletes the default menu and every conditional menu.
// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Deleting_Custom-Defined_Menu.html
func (s *MenuService) Delete(ctx context.Context) error {
	return s.c.Do(ctx, menuDelete, nil, nil, nil)
}

// AddConditional creates a conditional (personalized) menu shown to the
// users matching menu.MatchRule, and returns its id. A default menu must
// exist first.
// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Personalized_menu_interface.html
func (s *MenuService) AddConditional(ctx context.Context, menu *Menu) (MenuID, error) {
	if err := menu.Validate(); err != nil {
		return "", err
	}
	if menu.MatchRule.empty() {
		return "", invalidArg("matchrule", "a conditional menu needs at least one match rule")
	}
	body := Menu{Button: menu.Button, MatchRule: menu.MatchRule}
	out, err := call[struct {
		MenuID MenuID `json:"menuid"`
	}](ctx, s.c, menuAddConditional, nil, &body)
	if err != nil {
		return "", err
	}
	return out.MenuID, nil
}

// DeleteConditional deletes a conditional menu.
// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Personalized_menu_interface.html
func (s *MenuService) DeleteConditional(ctx context.Context, id MenuID) error {
	if id == "" {
		return invalidArg("menuid", "empty")
	}
	return s.c.Do(ctx, menuDelConditional, nil, map[string]MenuID{"menuid": id}, nil)
}

// TryMatch returns the menu that the user (an openid or a WeChat id) would see.
// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Personalized_menu_interface.html
func (s *MenuService) TryMatch(ctx context.Context, userID string) ([]Button, error) {
	if userID == "" {
		return nil, invalidArg("user_id", "empty")
	}
	out, err := call[struct {
		Button []Button `json:"button"`
	}](ctx, s.c, menuTryMatch, nil, map[string]string{"user_id": userID})
	if err != nil {
		return nil, err
	}
	return out.Button, nil
}
