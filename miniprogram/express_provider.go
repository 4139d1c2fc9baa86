package miniprogram

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"

	wechat "github.com/weixin-go/wechat"
)

var (
	expProvContact  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/contact/get"}
	expProvPath     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/path/update"}
	expProvBusiness = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/service/business/update"}
	expProvPreview  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/template/preview"}
)

// Route steps of a waybill (action_type), for UpdatePath and
// Express.TestUpdateOrder.
const (
	ExpressPickedUp        = 100001
	ExpressPickupFailed    = 100002
	ExpressCourierAssigned = 100003
	ExpressInTransit       = 200001
	ExpressOutForDelivery  = 300002
	ExpressSigned          = 300003
	ExpressSignFailed      = 300004
	ExpressOrderCancelled  = 400001
	ExpressOrderHeldUp     = 400002
)

var expressActionTypes = []int{ExpressPickedUp, ExpressPickupFailed, ExpressCourierAssigned, ExpressInTransit,
	ExpressOutForDelivery, ExpressSigned, ExpressSignFailed, ExpressOrderCancelled, ExpressOrderHeldUp}

// WaybillContact is the sender or receiver of a waybill, address merged.
type WaybillContact struct {
	Name    string `json:"name"`
	Tel     string `json:"tel"`
	Mobile  string `json:"mobile"`
	Address string `json:"address"`
}

// WaybillContacts is the answer of GetContact.
type WaybillContacts struct {
	WaybillID string         `json:"waybill_id"`
	Sender    WaybillContact `json:"sender"`
	Receiver  WaybillContact `json:"receiver"`
}

// GetContact returns the sender and receiver of a waybill, for the courier
// company (获取面单联系人信息); token is the Token of the order event.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/express/express-by-provider/api_getcontact.html
func (s *ExpressProviderService) GetContact(ctx context.Context, token, waybillID string) (*WaybillContacts, error) {
	if err := required("token", token, "waybill_id", waybillID); err != nil {
		return nil, err
	}
	return call[WaybillContacts](ctx, s.c, expProvContact, nil, map[string]string{"token": token, "waybill_id": waybillID})
}

// UpdatePath adds a step to a waybill's route, for the courier company
// (更新运单轨迹); step.ActionType is one of ExpressPickedUp...
// https://developers.weixin.qq.com/miniprogram/dev/server/API/express/express-by-provider/api_updatepath.html
func (s *ExpressProviderService) UpdatePath(ctx context.Context, token, waybillID string, step PathItem) error {
	if err := required("token", token, "waybill_id", waybillID, "action_msg", step.ActionMsg); err != nil {
		return err
	}
	if !slices.Contains(expressActionTypes, step.ActionType) {
		return invalidArg("action_type", "not a documented route step")
	}
	if step.ActionTime <= 0 {
		return invalidArg("action_time", "must be a Unix time")
	}
	body := struct {
		Token     string `json:"token"`
		WaybillID string `json:"waybill_id"`
		PathItem
	}{token, waybillID, step}
	return s.c.Do(ctx, expProvPath, nil, body, nil)
}

// UpdateBusiness answers a merchant's account review (check_biz event),
// for the courier company (更新商户审核结果): resultCode 0 approves, any
// other refuses with resultMsg.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/express/express-by-provider/api_updatebusiness.html
func (s *ExpressProviderService) UpdateBusiness(ctx context.Context, shopAppID, bizID string, resultCode int, resultMsg string) error {
	if err := required("shop_app_id", shopAppID, "biz_id", bizID); err != nil {
		return err
	}
	if resultCode != 0 && resultMsg == "" {
		return invalidArg("result_msg", "required when result_code is not 0")
	}
	body := struct {
		ShopAppID  string `json:"shop_app_id"`
		BizID      string `json:"biz_id"`
		ResultCode int    `json:"result_code"`
		ResultMsg  string `json:"result_msg,omitempty"`
	}{shopAppID, bizID, resultCode, resultMsg}
	return s.c.Do(ctx, expProvBusiness, nil, body, nil)
}

// PreviewTemplate renders a waybill HTML template with waybillData (the
// WaybillData of the order event) and custom (the merchant's order) and
// returns the rendered HTML (预览面单模板). The template and the answer are
// base64 on the wire; both are plain HTML here.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/express/express-by-provider/api_previewtemplate.html
func (s *ExpressProviderService) PreviewTemplate(ctx context.Context, waybillID string, template []byte, waybillData string, custom *ExpressOrder) ([]byte, error) {
	if err := required("waybill_id", waybillID, "waybill_data", waybillData); err != nil {
		return nil, err
	}
	if len(template) == 0 {
		return nil, invalidArg("waybill_template", "empty")
	}
	if custom == nil {
		return nil, invalidArg("custom", "no order")
	}
	body := struct {
		WaybillID       string        `json:"waybill_id"`
		WaybillTemplate string        `json:"waybill_template"`
		WaybillData     string        `json:"waybill_data"`
		Custom          *ExpressOrder `json:"custom"`
	}{waybillID, base64.StdEncoding.EncodeToString(template), waybillData, custom}
	out, err := call[struct {
		Rendered string `json:"rendered_waybill_template"`
	}](ctx, s.c, expProvPreview, nil, body)
	if err != nil {
		return nil, err
	}
	html, err := base64.StdEncoding.DecodeString(out.Rendered)
	if err != nil {
		return nil, fmt.Errorf("miniprogram: rendered_waybill_template: %w", err)
	}
	return html, nil
}
