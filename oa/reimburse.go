package oa

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	reimburseInfo        = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/reimburse/getinvoiceinfo"}
	reimburseBatch       = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/reimburse/getinvoicebatch"}
	reimburseUpdate      = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/reimburse/updateinvoicestatus"}
	reimburseUpdateBatch = wechat.Endpoint{Method: http.MethodPost, Path: "/card/invoice/reimburse/updatestatusbatch"}
	maxReimburseInvoices = 100
)

// Former names of the reimbursement statuses.
const (
	// Deprecated: use InvoiceReimburseInit, the name package work uses too.
	ReimburseInit = InvoiceReimburseInit
	// Deprecated: use InvoiceReimburseLock.
	ReimburseLock = InvoiceReimburseLock
	// Deprecated: use InvoiceReimburseClosure.
	ReimburseClosure = InvoiceReimburseClosure
)

// InvoiceRef is an invoice in a user's card package.
type InvoiceRef struct {
	CardID      string `json:"card_id"`
	EncryptCode string `json:"encrypt_code"`
}

func (r InvoiceRef) check() error {
	if r.CardID == "" || r.EncryptCode == "" {
		return invalidArg("card_id", "card_id and encrypt_code are required")
	}
	return nil
}

// InvoiceUserInfo is the content of an invoice; amounts are in fen.
type InvoiceUserInfo struct {
	Fee                   int64         `json:"fee"`
	Title                 string        `json:"title"`
	BillingTime           int64         `json:"billing_time"`
	BillingNo             string        `json:"billing_no"`
	BillingCode           string        `json:"billing_code"`
	Info                  []InvoiceItem `json:"info"`
	FeeWithoutTax         int64         `json:"fee_without_tax"`
	Tax                   int64         `json:"tax"`
	Detail                string        `json:"detail"`
	PDFURL                string        `json:"pdf_url"`
	TripPDFURL            string        `json:"trip_pdf_url,omitempty"`
	ReimburseStatus       string        `json:"reimburse_status"`
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

// ReimburseInvoice is an invoice as the reimbursing party sees it.
type ReimburseInvoice struct {
	CardID    string          `json:"card_id"`
	BeginTime int64           `json:"begin_time"`
	EndTime   int64           `json:"end_time"`
	OpenID    string          `json:"openid"`
	Type      string          `json:"type"`
	Payee     string          `json:"payee"`
	Detail    string          `json:"detail"`
	UserInfo  InvoiceUserInfo `json:"user_info"`
}

// Invoice returns an invoice the user chose to reimburse.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Reimburser_API_List.html
func (s *ReimburseService) Invoice(ctx context.Context, ref InvoiceRef) (*ReimburseInvoice, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	return call[ReimburseInvoice](ctx, s.c, reimburseInfo, nil, ref)
}

func checkInvoiceRefs(refs []InvoiceRef) error {
	if len(refs) == 0 || len(refs) > maxReimburseInvoices {
		return invalidArg("item_list", "1 to 100 invoices")
	}
	for _, r := range refs {
		if err := r.check(); err != nil {
			return err
		}
	}
	return nil
}

// Invoices returns up to 100 invoices.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Reimburser_API_List.html
func (s *ReimburseService) Invoices(ctx context.Context, refs []InvoiceRef) ([]ReimburseInvoice, error) {
	if err := checkInvoiceRefs(refs); err != nil {
		return nil, err
	}
	out, err := call[struct {
		List []ReimburseInvoice `json:"item_list"`
	}](ctx, s.c, reimburseBatch, nil, struct {
		List []InvoiceRef `json:"item_list"`
	}{refs})
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

func checkReimburseStatus(status string) error {
	switch status {
	case InvoiceReimburseInit, InvoiceReimburseLock, InvoiceReimburseClosure:
		return nil
	}
	return invalidArg("reimburse_status", "must be INVOICE_REIMBURSE_INIT, _LOCK or _CLOSURE")
}

// UpdateStatus sets the reimbursement status of an invoice.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Reimburser_API_List.html
func (s *ReimburseService) UpdateStatus(ctx context.Context, ref InvoiceRef, status string) error {
	if err := ref.check(); err != nil {
		return err
	}
	if err := checkReimburseStatus(status); err != nil {
		return err
	}
	return s.c.Do(ctx, reimburseUpdate, nil, struct {
		InvoiceRef
		Status string `json:"reimburse_status"`
	}{ref, status}, nil)
}

// UpdateStatusBatch sets the reimbursement status of up to 100 invoices of
// the user openID; all change or none.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Reimburser_API_List.html
func (s *ReimburseService) UpdateStatusBatch(ctx context.Context, openID, status string, refs []InvoiceRef) error {
	if err := requireOpenID(openID); err != nil {
		return err
	}
	if err := checkReimburseStatus(status); err != nil {
		return err
	}
	if err := checkInvoiceRefs(refs); err != nil {
		return err
	}
	return s.c.Do(ctx, reimburseUpdateBatch, nil, struct {
		OpenID string       `json:"openid"`
		Status string       `json:"reimburse_status"`
		List   []InvoiceRef `json:"invoice_list"`
	}{openID, status, refs}, nil)
}
