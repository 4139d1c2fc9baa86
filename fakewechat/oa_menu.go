package fakewechat

import (
	"slices"
	"strconv"
	"sync"
)

// Errcodes of the menu endpoints.
const (
	oaCodeButtonSize       = 40016
	oaCodeButtonType       = 40017
	oaCodeButtonNameSize   = 40018
	oaCodeButtonKeySize    = 40019
	oaCodeButtonURLSize    = 40020
	oaCodeSubButtonSize    = 40023
	oaCodeSubButtonType    = 40024
	oaCodeSubButtonName    = 40025
	oaCodeSubButtonKeySize = 40026
	oaCodeSubButtonURLSize = 40027
	oaCodeMenuNotExist     = 46003
	oaCodeNoSuchMenuID     = 65301
	oaCodeNoDefaultMenu    = 65303
	oaCodeMatchRuleEmpty   = 65304
	oaFirstMenuID          = 208379533
)

func init() {
	for code, msg := range map[int]string{
		oaCodeButtonSize: "invalid button size", oaCodeButtonType: "invalid button type",
		oaCodeButtonNameSize: "invalid button name size", oaCodeButtonKeySize: "invalid button key size",
		oaCodeButtonURLSize: "invalid button url size", oaCodeSubButtonSize: "invalid sub button size",
		oaCodeSubButtonType: "invalid sub button type", oaCodeSubButtonName: "invalid sub button name size",
		oaCodeSubButtonKeySize: "invalid sub button key size", oaCodeSubButtonURLSize: "invalid sub button url size",
		oaCodeMenuNotExist: "menu no exist", oaCodeNoSuchMenuID: "there is no menu which menuid is given",
		oaCodeNoDefaultMenu: "there is no selfmenu, please create selfmenu first", oaCodeMatchRuleEmpty: "match rule empty",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerOAMenu)
}

type oaButton struct {
	Type      string     `json:"type,omitempty"`
	Name      string     `json:"name"`
	Key       string     `json:"key,omitempty"`
	URL       string     `json:"url,omitempty"`
	MediaID   string     `json:"media_id,omitempty"`
	ArticleID string     `json:"article_id,omitempty"`
	AppID     string     `json:"appid,omitempty"`
	PagePath  string     `json:"pagepath,omitempty"`
	SubButton []oaButton `json:"sub_button"`
}

type oaMatchRule struct {
	TagID              string `json:"tag_id,omitempty"`
	ClientPlatformType string `json:"client_platform_type,omitempty"`
	Sex                string `json:"sex,omitempty"`
	Country            string `json:"country,omitempty"`
	Province           string `json:"province,omitempty"`
	City               string `json:"city,omitempty"`
	Language           string `json:"language,omitempty"`
}

type oaCondMenu struct {
	id     int64
	button []oaButton
	rule   oaMatchRule
}

type oaMenus struct {
	mu     sync.Mutex
	def    []oaButton // nil: no menu
	conds  []oaCondMenu
	nextID int64
}

func (s *Server) oaMenus(appid string) *oaMenus {
	return Value(s.State(appid), "oa.menus", func() *oaMenus { return &oaMenus{nextID: oaFirstMenuID} })
}

var oaButtonTypes = []string{"click", "view", "miniprogram", "scancode_push", "scancode_waitmsg", "pic_sysphoto",
	"pic_photo_or_album", "pic_weixin", "location_select", "media_id", "article_id", "article_view_limited", "view_limited"}

// checkButton validates one button the way WeChat does: name at most 16
// bytes (60 for sub buttons), key at most 128 bytes, url at most 1024 bytes.
func checkButton(b oaButton, sub bool) *Error {
	typ, name, key, urlc, nameMax := oaCodeButtonType, oaCodeButtonNameSize, oaCodeButtonKeySize, oaCodeButtonURLSize, 16
	if sub {
		typ, name, key, urlc, nameMax = oaCodeSubButtonType, oaCodeSubButtonName, oaCodeSubButtonKeySize, oaCodeSubButtonURLSize, 60
	}
	if b.Name == "" || len(b.Name) > nameMax {
		return ErrCode(name)
	}
	if !sub && len(b.SubButton) > 0 {
		if len(b.SubButton) > 5 {
			return ErrCode(oaCodeSubButtonSize)
		}
		for _, sb := range b.SubButton {
			if err := checkButton(sb, true); err != nil {
				return err
			}
		}
		return nil
	}
	if sub && len(b.SubButton) > 0 {
		return ErrCode(oaCodeSubButtonSize)
	}
	if !slices.Contains(oaButtonTypes, b.Type) {
		return ErrCode(typ)
	}
	switch b.Type {
	case "view", "miniprogram":
		if b.URL == "" || len(b.URL) > 1024 {
			return ErrCode(urlc)
		}
	case "media_id", "view_limited":
		if b.MediaID == "" {
			return Errorf(40007, "invalid media_id")
		}
	case "article_id", "article_view_limited":
		if b.ArticleID == "" {
			return Errorf(CodeInvalidArgs, "invalid article_id")
		}
	default:
		if b.Key == "" || len(b.Key) > 128 {
			return ErrCode(key)
		}
	}
	return nil
}

func checkMenu(buttons []oaButton) *Error {
	if len(buttons) == 0 || len(buttons) > 3 {
		return ErrCode(oaCodeButtonSize)
	}
	for _, b := range buttons {
		if err := checkButton(b, false); err != nil {
			return err
		}
	}
	return nil
}

// normalize gives every button a non-nil sub_button, as menu/get answers.
func normalize(bs []oaButton) []oaButton {
	out := slices.Clone(bs)
	for i := range out {
		out[i].SubButton = normalize(out[i].SubButton)
		if out[i].SubButton == nil {
			out[i].SubButton = []oaButton{}
		}
	}
	return out
}

// selfMenu renders buttons the way get_current_selfmenu_info does: sub
// buttons under {"list": [...]}.
func selfMenu(bs []oaButton) []M {
	out := make([]M, 0, len(bs))
	for _, b := range bs {
		m := M{"name": b.Name}
		if len(b.SubButton) > 0 {
			m["sub_button"] = M{"list": selfMenu(b.SubButton)}
			out = append(out, m)
			continue
		}
		m["type"] = b.Type
		for k, v := range map[string]string{"key": b.Key, "url": b.URL, "value": b.MediaID + b.ArticleID, "appid": b.AppID, "pagepath": b.PagePath} {
			if v != "" {
				m[k] = v
			}
		}
		out = append(out, m)
	}
	return out
}

func registerOAMenu(s *Server) {
	s.HandleJSON("POST /cgi-bin/menu/create", func(r *Request) (any, error) {
		var in struct {
			Button []oaButton `json:"button"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if err := checkMenu(in.Button); err != nil {
			return nil, err
		}
		m := s.oaMenus(r.AppID)
		m.mu.Lock()
		m.def = normalize(in.Button)
		m.mu.Unlock()
		return nil, nil
	})
	s.HandleJSON("GET /cgi-bin/menu/get", func(r *Request) (any, error) {
		m := s.oaMenus(r.AppID)
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.def == nil {
			return nil, ErrCode(oaCodeMenuNotExist)
		}
		out := M{"menu": M{"button": m.def}}
		if len(m.conds) > 0 {
			conds := make([]M, 0, len(m.conds))
			for _, c := range m.conds {
				conds = append(conds, M{"button": c.button, "matchrule": c.rule, "menuid": c.id})
			}
			out["conditionalmenu"] = conds
		}
		return out, nil
	})
	s.HandleJSON("GET /cgi-bin/get_current_selfmenu_info", func(r *Request) (any, error) {
		m := s.oaMenus(r.AppID)
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.def == nil {
			return M{"is_menu_open": 0, "selfmenu_info": M{"button": []M{}}}, nil
		}
		return M{"is_menu_open": 1, "selfmenu_info": M{"button": selfMenu(m.def)}}, nil
	})
	s.HandleJSON("GET /cgi-bin/menu/delete", func(r *Request) (any, error) {
		m := s.oaMenus(r.AppID)
		m.mu.Lock()
		m.def, m.conds = nil, nil
		m.mu.Unlock()
		return nil, nil
	})
	s.HandleJSON("POST /cgi-bin/menu/addconditional", func(r *Request) (any, error) {
		var in struct {
			Button    []oaButton   `json:"button"`
			MatchRule *oaMatchRule `json:"matchrule"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.MatchRule == nil || *in.MatchRule == (oaMatchRule{}) {
			return nil, ErrCode(oaCodeMatchRuleEmpty)
		}
		if err := checkMenu(in.Button); err != nil {
			return nil, err
		}
		m := s.oaMenus(r.AppID)
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.def == nil {
			return nil, ErrCode(oaCodeNoDefaultMenu)
		}
		id := m.nextID
		m.nextID++
		m.conds = append(m.conds, oaCondMenu{id: id, button: normalize(in.Button), rule: *in.MatchRule})
		return M{"menuid": strconv.FormatInt(id, 10)}, nil
	})
	s.HandleJSON("POST /cgi-bin/menu/delconditional", func(r *Request) (any, error) {
		var in struct {
			MenuID string `json:"menuid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		id, err := strconv.ParseInt(in.MenuID, 10, 64)
		if err != nil {
			return nil, ErrCode(oaCodeNoSuchMenuID)
		}
		m := s.oaMenus(r.AppID)
		m.mu.Lock()
		defer m.mu.Unlock()
		n := len(m.conds)
		m.conds = slices.DeleteFunc(m.conds, func(c oaCondMenu) bool { return c.id == id })
		if len(m.conds) == n {
			return nil, ErrCode(oaCodeNoSuchMenuID)
		}
		return nil, nil
	})
	s.HandleJSON("POST /cgi-bin/menu/trymatch", func(r *Request) (any, error) {
		var in struct {
			UserID string `json:"user_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		u := d.users[in.UserID]
		var tags []int
		if u != nil {
			tags = slices.Clone(u.tags)
		}
		d.mu.Unlock()
		if u == nil {
			return nil, ErrCode(oaCodeInvalidOpenID)
		}
		m := s.oaMenus(r.AppID)
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.def == nil {
			return nil, ErrCode(oaCodeMenuNotExist)
		}
		// The most recently created matching conditional menu wins.
		for i := len(m.conds) - 1; i >= 0; i-- {
			c := m.conds[i]
			if c.rule.TagID == "" {
				continue
			}
			if id, err := strconv.Atoi(c.rule.TagID); err == nil && slices.Contains(tags, id) {
				return M{"button": c.button}, nil
			}
		}
		return M{"button": m.def}, nil
	})
}
