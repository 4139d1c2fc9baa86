package work

import "context"

var (
	contactWayAdd       = epPost("/cgi-bin/externalcontact/add_contact_way")
	contactWayGet       = epPost("/cgi-bin/externalcontact/get_contact_way")
	contactWayUpdate    = epPost("/cgi-bin/externalcontact/update_contact_way")
	contactWayDel       = epPost("/cgi-bin/externalcontact/del_contact_way")
	contactWayCloseTemp = epPost("/cgi-bin/externalcontact/close_temp_chat")
)

// Contact way types and scenes.
const (
	ContactWaySingle      = 1 // one member
	ContactWayMulti       = 2 // several members
	ContactWayMiniProgram = 1 // scene: button in a mini program
	ContactWayQRCode      = 2 // scene: QR code
)

// ContactWay is a "contact me" configuration (联系我). Type and Scene are
// fixed at creation; Update changes the other fields that are set.
type ContactWay struct {
	ConfigID      string   `json:"config_id,omitempty"`
	Type          int      `json:"type,omitempty"`
	Scene         int      `json:"scene,omitempty"`
	Style         int      `json:"style,omitempty"`
	Remark        string   `json:"remark,omitempty"`
	SkipVerify    *bool    `json:"skip_verify,omitempty"`
	State         string   `json:"state,omitempty"`
	User          []string `json:"user,omitempty"`
	Party         []int64  `json:"party,omitempty"`
	IsTemp        bool     `json:"is_temp,omitempty"`
	ExpiresIn     int64    `json:"expires_in,omitempty"`
	ChatExpiresIn int64    `json:"chat_expires_in,omitempty"`
	UnionID       string   `json:"unionid,omitempty"`
	IsExclusive   bool     `json:"is_exclusive,omitempty"`
	// Conclusions is the message sent when a temporary chat ends.
	Conclusions *CustomerMessage `json:"conclusions,omitempty"`
	// QRCode is the QR code URL (answers only).
	QRCode string `json:"qr_code,omitempty"`
}

// Add creates a contact way and returns its config id and, for the QR-code
// scene, the QR code URL.
// https://developer.work.weixin.qq.com/document/path/92228
func (s *CustomerContactWayService) Add(ctx context.Context, w *ContactWay) (configID, qrCode string, err error) {
	if w == nil || (w.Type != ContactWaySingle && w.Type != ContactWayMulti) {
		return "", "", paramErr("type", "1 (single) or 2 (multi)")
	}
	if w.Scene != ContactWayMiniProgram && w.Scene != ContactWayQRCode {
		return "", "", paramErr("scene", "1 (mini program) or 2 (QR code)")
	}
	if len(w.User) == 0 && len(w.Party) == 0 {
		return "", "", paramErr("user", "users or parties required")
	}
	out, err := callB[struct {
		ConfigID string `json:"config_id"`
		QRCode   string `json:"qr_code"`
	}](ctx, s.c, contactWayAdd, nil, w)
	if err != nil {
		return "", "", err
	}
	return out.ConfigID, out.QRCode, nil
}

type configIDBody struct {
	ConfigID string `json:"config_id"`
}

// Get returns a contact way.
// https://developer.work.weixin.qq.com/document/path/92228
func (s *CustomerContactWayService) Get(ctx context.Context, configID string) (*ContactWay, error) {
	if err := needB("config_id", configID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		ContactWay ContactWay `json:"contact_way"`
	}](ctx, s.c, contactWayGet, nil, configIDBody{configID})
	if err != nil {
		return nil, err
	}
	return &out.ContactWay, nil
}

// Update changes the set fields of contact way w.ConfigID.
// https://developer.work.weixin.qq.com/document/path/92228
func (s *CustomerContactWayService) Update(ctx context.Context, w *ContactWay) error {
	if w == nil || w.ConfigID == "" {
		return paramErr("config_id", "required")
	}
	u := *w
	u.Type, u.Scene, u.QRCode = 0, 0, ""
	return s.c.Do(ctx, contactWayUpdate, nil, &u, nil)
}

// Delete deletes a contact way.
// https://developer.work.weixin.qq.com/document/path/92228
func (s *CustomerContactWayService) Delete(ctx context.Context, configID string) error {
	if err := needB("config_id", configID); err != nil {
		return err
	}
	return s.c.Do(ctx, contactWayDel, nil, configIDBody{configID}, nil)
}

// CloseTempChat ends a temporary chat session of a contact way.
// https://developer.work.weixin.qq.com/document/path/92228
func (s *CustomerContactWayService) CloseTempChat(ctx context.Context, userID, externalUserID string) error {
	if err := needB("userid", userID, "external_userid", externalUserID); err != nil {
		return err
	}
	body := struct {
		UserID         string `json:"userid"`
		ExternalUserID string `json:"external_userid"`
	}{userID, externalUserID}
	return s.c.Do(ctx, contactWayCloseTemp, nil, body, nil)
}
