package oa

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	invoiceSetURL       = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/seturl"}
	invoiceCreateCard   = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/platform/createcard"}
	invoiceSetPDF       = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/platform/setpdf"}
	invoiceGetPDF       = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/platform/getpdf"}
	invoiceInsert       = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/insert"}
	invoiceUpdateStatus = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/platform/updatestatus"}
)

// Reimbursement statuses of an invoice card.
const (
	InvoiceReimburseInit    = "INVOICE_REIMBURSE_INIT"    // not reimbursed
	InvoiceReimburseLock    = "INVOICE_REIMBURSE_LOCK"    // being reimbursed
	InvoiceReimburseClosure = "INVOICE_REIMBURSE_CLOSURE" // reimbursed
)

// URL returns the invoicing platform's own pre-invoicing URL, whose
// s_pappid parameter identifies the platform to merchants.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
func (s *InvoicingPlatformService) URL(ctx context.Context) (string, error) {
	out, err := call[struct {
		InvoiceURL string `json:"invoice_url"`
	}](ctx, s.c, invoiceSetURL, nil, struct{}{})
	if err != nil {
		return "", err
	}
	return out.InvoiceURL, nil
}

// SPAppID returns the s_pappid of the platform, read from URL's answer.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
func (s *InvoicingPlatformService) SPAppID(ctx context.Context) (string, error) {
	raw, err := s.URL(ctx)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("oa: malformed invoice_url in the answer of %s", invoiceSetURL.Path)
	}
	id := u.Query().Get("s_pappid")
	if id == "" {
		return "", fmt.Errorf("oa: no s_pappid in the invoice_url answered by %s", invoiceSetURL.Path)
	}
	return id, nil
}

// InvoiceCardTemplate is an invoice card template (invoice_info).
type InvoiceCardTemplate struct {
	BaseInfo InvoiceCardBaseInfo `json:"base_info"`
	Payee    string              `json:"payee"`
	Type     string              `json:"type"` // 增值税电子普通发票...
}

// InvoiceCardBaseInfo is the base_info of an invoice card template.
type InvoiceCardBaseInfo struct {
	LogoURL              string `json:"logo_url"`
	Title                string `json:"title"`
	CustomURLName        string `json:"custom_url_name,omitempty"`
	CustomURL            string `json:"custom_url,omitempty"`
	CustomURLSubTitle    string `json:"custom_url_sub_title,omitempty"`
	PromotionURLName     string `json:"promotion_url_name,omitempty"`
	PromotionURL         string `json:"promotion_url,omitempty"`
	PromotionURLSubTitle string `json:"promotion_url_sub_title,omitempty"`
}

// CreateCard creates an invoice card template and returns its card_id.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
func (s *InvoicingPlatformService) CreateCard(ctx context.Context, t *InvoiceCardTemplate) (string, error) {
	if t == nil {
		return "", invalidArg("invoice_info", "nil")
	}
	if t.BaseInfo.LogoURL == "" || t.BaseInfo.Title == "" {
		return "", invalidArg("invoice_info.base_info", "logo_url and title are required")
	}
	if t.Payee == "" || t.Type == "" {
		return "", invalidArg("invoice_info", "payee and type are required")
	}
	out, err := call[struct {
		CardID string `json:"card_id"`
	}](ctx, s.c, invoiceCreateCard, nil, struct {
		InvoiceInfo *InvoiceCardTemplate `json:"invoice_info"`
	}{t})
	if err != nil {
		return "", err
	}
	return out.CardID, nil
}

// SetPDF uploads an invoice PDF (field "pdf") and returns its s_media_id,
// valid 3 days until an invoice card uses it. The upload is retried only
// when r is an io.Seeker.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
func (s *InvoicingPlatformService) SetPDF(ctx context.Context, filename string, r io.Reader) (string, error) {
	if r == nil {
		return "", invalidArg("pdf", "nil reader")
	}
	if filename == "" {
		filename = "invoice.pdf"
	}
	var out struct {
		SMediaID string `json:"s_media_id"`
	}
	if err := s.c.Upload(ctx, invoiceSetPDF, nil, wechat.UploadFile{Field: "pdf", Filename: filename, Content: r}, nil, &out); err != nil {
		return "", err
	}
	return out.SMediaID, nil
}

// InvoicePDF is a temporary link to an uploaded PDF.
type InvoicePDF struct {
	PDFURL           string `json:"pdf_url"`
	PDFURLExpireTime int64  `json:"pdf_url_expire_time"` // seconds the URL stays valid
}

// PDF returns a link to a PDF uploaded with SetPDF.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
func (s *InvoicingPlatformService) PDF(ctx context.Context, sMediaID string) (*InvoicePDF, error) {
	if sMediaID == "" {
		return nil, invalidArg("s_media_id", "empty")
	}
	return call[InvoicePDF](ctx, s.c, invoiceGetPDF, nil, struct {
		Action   string `json:"action"`
		SMediaID string `json:"s_media_id"`
	}{"get_url", sMediaID})
}

// InvoiceInsert puts an issued invoice into the user's card holder.
type InvoiceInsert struct {
	OrderID string         `json:"order_id"`
	CardID  string         `json:"card_id"`
	AppID   string         `json:"appid"` // the merchant's appid
	CardExt InvoiceCardExt `json:"card_ext"`
}

// InvoiceCardExt is the card_ext of an invoice insertion.
type InvoiceCardExt struct {
	NonceStr string `json:"nonce_str"`
	UserCard struct {
		InvoiceUserData InvoiceUserData `json:"invoice_user_data"`
	} `json:"user_card"`
}

// InvoiceUserData is the content of an invoice; amounts are in fen.
type InvoiceUserData struct {
	Fee                   int           `json:"fee"`
	Title                 string        `json:"title"`
	BillingTime           int64         `json:"billing_time"`
	BillingNo             string        `json:"billing_no"`
	BillingCode           string        `json:"billing_code"`
	Info                  []InvoiceItem `json:"info,omitempty"`
	FeeWithoutTax         int           `json:"fee_without_tax"`
	Tax                   int           `json:"tax"`
	SPDFMediaID           string        `json:"s_pdf_media_id"`
	STripPDFMediaID       string        `json:"s_trip_pdf_media_id,omitempty"`
	CheckCode             string        `json:"check_code"`
	BuyerNumber           string        `json:"buyer_number,omitempty"`
	BuyerAddressAndPhone  string        `json:"buyer_address_and_phone,omitempty"`
	BuyerBankAccount      string        `json:"buyer_bank_account,omitempty"`
	SellerNumber          string        `json:"seller_number,omitempty"`
	SellerAddressAndPhone string        `json:"seller_address_and_phone,omitempty"`
	SellerBankAccount     string        `json:"seller_bank_account,omitempty"`
	Remarks               string        `json:"remarks,omitempty"`
	Cashier               string        `json:"cashier,omitempty"`
	Maker                 string        `json:"maker,omitempty"`
}

// InvoiceItem is a line of an invoice.
type InvoiceItem struct {
	Name  string `json:"name"`
	Num   int    `json:"num,omitempty"`
	Unit  string `json:"unit,omitempty"`
	Fee   int    `json:"fee"`
	Price int    `json:"price,omitempty"`
}

// InsertedInvoice is the invoice card given to the user.
type InsertedInvoice struct {
	Code    string `json:"code"`
	OpenID  string `json:"openid"`
	UnionID string `json:"unionid,omitempty"`
}

// Insert puts an invoice into the card holder of the user who authorized
// the order; a nonce_str is generated when empty.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
func (s *InvoicingPlatformService) Insert(ctx context.Context, in *InvoiceInsert) (*InsertedInvoice, error) {
	if in == nil {
		return nil, invalidArg("invoice", "nil")
	}
	if in.OrderID == "" {
		return nil, invalidArg("order_id", "empty")
	}
	if err := requireCardID(in.CardID); err != nil {
		return nil, err
	}
	if in.AppID == "" {
		return nil, invalidArg("appid", "empty")
	}
	body := *in
	if body.CardExt.NonceStr == "" {
		n, err := cardNonce()
		if err != nil {
			return nil, err
		}
		body.CardExt.NonceStr = n
	}
	return call[InsertedInvoice](ctx, s.c, invoiceInsert, nil, &body)
}

// UpdateStatus changes the reimbursement status of an invoice card
// (InvoiceReimburseLock...).
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
func (s *InvoicingPlatformService) UpdateStatus(ctx context.Context, cardID, code, status string) error {
	if err := requireCardID(cardID); err != nil {
		return err
	}
	if err := requireCode(code); err != nil {
		return err
	}
	if err := checkReimburseStatus(status); err != nil {
		return err
	}
	return s.c.Do(ctx, invoiceUpdateStatus, nil, struct {
		CardID          string `json:"card_id"`
		Code            string `json:"code"`
		ReimburseStatus string `json:"reimburse_status"`
	}{cardID, code, status}, nil)
}

// DecryptCode decrypts the encrypt_code of an invoice card; it is
// Card.DecryptCode.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
func (s *InvoicingPlatformService) DecryptCode(ctx context.Context, encryptCode string) (string, error) {
	return (*CardService)(s).DecryptCode(ctx, encryptCode)
}
