package oa

import (
	"context"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	invoiceAuthURL      = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/getauthurl"}
	invoiceAuthData     = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/getauthdata"}
	invoiceRejectInsert = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/rejectinsert"}
	invoiceSetBizAttr   = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/setbizattr"}
)

// Authorization page types of InvoiceAuthRequest.Type.
const (
	InvoiceAuthApply = 0 // 申请开票: the user confirms the title the merchant knows
	InvoiceAuthTitle = 1 // 填写抬头: the user fills in the title
	InvoiceAuthTake  = 2 // 领票授权: the user takes an invoice already issued
)

// InvoiceAuthRequest asks for the URL of an authorization page (授权页).
type InvoiceAuthRequest struct {
	SPAppID     string `json:"s_pappid"`
	OrderID     string `json:"order_id"`
	Money       int    `json:"money"`     // fen
	Timestamp   int64  `json:"timestamp"` // Unix seconds
	Source      string `json:"source"`    // app, web, wap, wxa
	RedirectURL string `json:"redirect_url,omitempty"`
	// Ticket is the wx_card api_ticket; AuthURL fills it in when empty.
	Ticket string `json:"ticket"`
	Type   int    `json:"type"`
}

// InvoiceAuthURL is an authorization page.
type InvoiceAuthURL struct {
	AuthURL string `json:"auth_url"`
	// AppID is the Mini Program to open, for source "wxa".
	AppID string `json:"appid,omitempty"`
}

// AuthURL returns the URL of the authorization page where a user
// authorizes an invoice for an order.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) AuthURL(ctx context.Context, req *InvoiceAuthRequest) (*InvoiceAuthURL, error) {
	if req == nil {
		return nil, invalidArg("request", "nil")
	}
	if err := requireOrder(req.SPAppID, req.OrderID); err != nil {
		return nil, err
	}
	switch req.Source {
	case "app", "web", "wap", "wxa":
	default:
		return nil, invalidArg("source", "not app, web, wap or wxa")
	}
	if req.Type < InvoiceAuthApply || req.Type > InvoiceAuthTake {
		return nil, invalidArg("type", "not 0, 1 or 2")
	}
	body := *req
	if body.Ticket == "" {
		t, err := s.c.CardTicket(ctx)
		if err != nil {
			return nil, err
		}
		body.Ticket = t
	}
	return call[InvoiceAuthURL](ctx, s.c, invoiceAuthURL, nil, &body)
}

func requireOrder(sPAppID, orderID string) error {
	if sPAppID == "" {
		return invalidArg("s_pappid", "empty")
	}
	if orderID == "" {
		return invalidArg("order_id", "empty")
	}
	return nil
}

// InvoiceCustomValue is a custom field filled in by the user.
type InvoiceCustomValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// InvoiceAuthData is the authorization state of an order and, once
// authorized, the invoice title the user gave.
type InvoiceAuthData struct {
	// InvoiceStatus is "auth success", "never auth", "auth time out"...
	InvoiceStatus string `json:"invoice_status"`
	AuthTime      int64  `json:"auth_time"`
	UserAuthInfo  *struct {
		// UserField is a personal title.
		UserField *struct {
			Title       string               `json:"title"`
			Phone       string               `json:"phone,omitempty"`
			Email       string               `json:"email,omitempty"`
			CustomField []InvoiceCustomValue `json:"custom_field,omitempty"`
		} `json:"user_field,omitempty"`
		// BizField is a company title.
		BizField *struct {
			Title       string               `json:"title"`
			TaxNo       string               `json:"tax_no"`
			Addr        string               `json:"addr,omitempty"`
			Phone       string               `json:"phone,omitempty"`
			BankType    string               `json:"bank_type,omitempty"`
			BankNo      string               `json:"bank_no,omitempty"`
			CustomField []InvoiceCustomValue `json:"custom_field,omitempty"`
		} `json:"biz_field,omitempty"`
	} `json:"user_auth_info,omitempty"`
}

type invoiceOrder struct {
	SPAppID string `json:"s_pappid"`
	OrderID string `json:"order_id"`
}

// AuthData returns the authorization state of an order.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) AuthData(ctx context.Context, sPAppID, orderID string) (*InvoiceAuthData, error) {
	if err := requireOrder(sPAppID, orderID); err != nil {
		return nil, err
	}
	return call[InvoiceAuthData](ctx, s.c, invoiceAuthData, nil, invoiceOrder{sPAppID, orderID})
}

// RejectInsert tells the user that the invoice of an order will not be
// issued, with a reason and optionally a link.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) RejectInsert(ctx context.Context, sPAppID, orderID, reason, link string) error {
	if err := requireOrder(sPAppID, orderID); err != nil {
		return err
	}
	if reason == "" {
		return invalidArg("reason", "empty")
	}
	return s.c.Do(ctx, invoiceRejectInsert, nil, struct {
		invoiceOrder
		Reason string `json:"reason"`
		URL    string `json:"url,omitempty"`
	}{invoiceOrder{sPAppID, orderID}, reason, link}, nil)
}

// InvoiceAuthField is the fields of the authorization page.
type InvoiceAuthField struct {
	UserField InvoiceUserField `json:"user_field"`
	BizField  InvoiceBizField  `json:"biz_field"`
}

// InvoiceUserField is the personal-title part of the authorization page.
type InvoiceUserField struct {
	ShowTitle    int                `json:"show_title"`
	ShowPhone    int                `json:"show_phone"`
	ShowEmail    int                `json:"show_email"`
	RequirePhone int                `json:"require_phone"`
	RequireEmail int                `json:"require_email"`
	CustomField  []InvoiceFieldSpec `json:"custom_field,omitempty"`
}

// InvoiceBizField is the company-title part of the authorization page.
type InvoiceBizField struct {
	ShowTitle       int                `json:"show_title"`
	ShowTaxNo       int                `json:"show_tax_no"`
	ShowAddr        int                `json:"show_addr"`
	ShowPhone       int                `json:"show_phone"`
	ShowBankType    int                `json:"show_bank_type"`
	ShowBankNo      int                `json:"show_bank_no"`
	RequireTaxNo    int                `json:"require_tax_no"`
	RequireAddr     int                `json:"require_addr"`
	RequirePhone    int                `json:"require_phone"`
	RequireBankType int                `json:"require_bank_type"`
	RequireBankNo   int                `json:"require_bank_no"`
	CustomField     []InvoiceFieldSpec `json:"custom_field,omitempty"`
}

// InvoiceFieldSpec is a custom field of the authorization page.
type InvoiceFieldSpec struct {
	Key       string `json:"key"`
	IsRequire int    `json:"is_require"`
	Notice    string `json:"notice,omitempty"`
}

func bizAttr(action string) url.Values { return url.Values{"action": {action}} }

// SetAuthField sets the fields the authorization page asks for.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) SetAuthField(ctx context.Context, f *InvoiceAuthField) error {
	if f == nil {
		return invalidArg("auth_field", "nil")
	}
	return s.c.Do(ctx, invoiceSetBizAttr, bizAttr("set_auth_field"), struct {
		AuthField *InvoiceAuthField `json:"auth_field"`
	}{f}, nil)
}

// AuthField returns the fields the authorization page asks for.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) AuthField(ctx context.Context) (*InvoiceAuthField, error) {
	return call[InvoiceAuthField](ctx, s.c, invoiceSetBizAttr, bizAttr("get_auth_field"), struct{}{})
}

// InvoicePayMch links a WeChat Pay merchant to an invoicing platform.
type InvoicePayMch struct {
	MchID   string `json:"mchid"`
	SPAppID string `json:"s_pappid"`
}

// SetPayMch links a WeChat Pay merchant id to the invoicing platform
// sPAppID, for invoices requested after payment.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) SetPayMch(ctx context.Context, m InvoicePayMch) error {
	if m.MchID == "" {
		return invalidArg("mchid", "empty")
	}
	if m.SPAppID == "" {
		return invalidArg("s_pappid", "empty")
	}
	return s.c.Do(ctx, invoiceSetBizAttr, bizAttr("set_pay_mch"), struct {
		PayMchInfo InvoicePayMch `json:"paymch_info"`
	}{m}, nil)
}

// PayMch returns the merchant id and invoicing platform linked by SetPayMch.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) PayMch(ctx context.Context) (*InvoicePayMch, error) {
	out, err := call[struct {
		PayMchInfo InvoicePayMch `json:"paymch_info"`
	}](ctx, s.c, invoiceSetBizAttr, bizAttr("get_pay_mch"), struct{}{})
	if err != nil {
		return nil, err
	}
	return &out.PayMchInfo, nil
}

// InvoiceContact is the merchant's contact shown to users.
type InvoiceContact struct {
	// TimeOut is how long (seconds) an invoice may take to be issued.
	TimeOut int    `json:"time_out"`
	Phone   string `json:"phone"`
}

// SetContact sets the merchant's contact information.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) SetContact(ctx context.Context, c InvoiceContact) error {
	if c.Phone == "" {
		return invalidArg("contact.phone", "empty")
	}
	if c.TimeOut <= 0 {
		return invalidArg("contact.time_out", "not positive")
	}
	return s.c.Do(ctx, invoiceSetBizAttr, bizAttr("set_contact"), struct {
		Contact InvoiceContact `json:"contact"`
	}{c}, nil)
}

// Contact returns the merchant's contact information.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
func (s *EInvoiceService) Contact(ctx context.Context) (*InvoiceContact, error) {
	out, err := call[struct {
		Contact InvoiceContact `json:"contact"`
	}](ctx, s.c, invoiceSetBizAttr, bizAttr("get_contact"), struct{}{})
	if err != nil {
		return nil, err
	}
	return &out.Contact, nil
}
