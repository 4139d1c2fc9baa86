package work

import "context"

var (
	invoiceGet         = epPost("/cgi-bin/card/invoice/reimburse/getinvoiceinfo")
	invoiceGetBatch    = epPost("/cgi-bin/card/invoice/reimburse/getinvoiceinfobatch")
	invoiceUpdate      = epPost("/cgi-bin/card/invoice/reimburse/updateinvoicestatus")
	invoiceUpdateBatch = epPost("/cgi-bin/card/invoice/reimburse/updatestatusbatch")
)

// Reimbursement statuses of an e-invoice (reimburse_status).
const (
	// InvoiceReimburseInit is the initial status: not locked, may be submitted.
	InvoiceReimburseInit = "INVOICE_REIMBURSE_INIT"
	// InvoiceReimburseLock locks the invoice in a reimbursement flow: it
	// stays in the user's card package but cannot be submitted again.
	InvoiceReimburseLock = "INVOICE_REIMBURSE_LOCK"
	// InvoiceReimburseClosure marks the invoice reimbursed and removes it
	// from the user's card package; it cannot be undone.
	InvoiceReimburseClosure = "INVOICE_REIMBURSE_CLOSURE"
)

// InvoiceRef names an e-invoice a user chose to reimburse: its card_id and
// encrypt_code.
type InvoiceRef struct {
	CardID      string `json:"card_id"`
	EncryptCode string `json:"encrypt_code"`
}

func (r InvoiceRef) check() error {
	return needB("card_id", r.CardID, "encrypt_code", r.EncryptCode)
}

func checkInvoiceRefs(param string, refs []InvoiceRef) error {
	if len(refs) == 0 {
		return paramErr(param, "at least one invoice")
	}
	for _, r := range refs {
		if err := r.check(); err != nil {
			return err
		}
	}
	return nil
}

func checkInvoiceStatus(status string) error {
	switch status {
	case InvoiceReimburseInit, InvoiceReimburseLock, InvoiceReimburseClosure:
		return nil
	}
	return paramErr("reimburse_status", "INVOICE_REIMBURSE_INIT, _LOCK or _CLOSURE")
}

// InvoiceItem is a line of goods of an e-invoice; amounts are in fen.
type InvoiceItem struct {
	Name  string `json:"name"`
	Num   int64  `json:"num"`
	Unit  string `json:"unit"`
	Fee   int64  `json:"fee"`
	Price int64  `json:"price"`
}

// InvoiceUserInfo is what the e-invoice says; amounts are in fen, times
// are Unix seconds.
type InvoiceUserInfo struct {
	Fee             int64         `json:"fee"`
	Title           string        `json:"title"`
	BillingTime     int64         `json:"billing_time"`
	BillingNo       string        `json:"billing_no"`
	BillingCode     string        `json:"billing_code"`
	Info            []InvoiceItem `json:"info"`
	FeeWithoutTax   int64         `json:"fee_without_tax"`
	Tax             int64         `json:"tax"`
	Detail          string        `json:"detail"`
	PDFURL          string        `json:"pdf_url"`
	ReimburseStatus string        `json:"reimburse_status"`
	CheckCode       string        `json:"check_code"`
}

// ReimburseInvoice is an e-invoice as the reimbursing corp sees it.
// BeginTime and EndTime (its validity) are answered by Invoice only.
type ReimburseInvoice struct {
	CardID    string          `json:"card_id"`
	BeginTime int64           `json:"begin_time,omitempty"`
	EndTime   int64           `json:"end_time,omitempty"`
	OpenID    string          `json:"openid"`
	Type      string          `json:"type"`
	Payee     string          `json:"payee"`
	Detail    string          `json:"detail"`
	UserInfo  InvoiceUserInfo `json:"user_info"`
}

// Invoice returns an e-invoice a member chose to reimburse, with its PDF link.
// Only verified corps may call it.
// https://developer.work.weixin.qq.com/document/path/90284
func (s *ReimburseService) Invoice(ctx context.Context, ref InvoiceRef) (*ReimburseInvoice, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	return callB[ReimburseInvoice](ctx, s.c, invoiceGet, nil, ref)
}

// Invoices returns several e-invoices. Only verified corps with more than
// 200 activated members may call it.
// https://developer.work.weixin.qq.com/document/path/99454
func (s *ReimburseService) Invoices(ctx context.Context, refs []InvoiceRef) ([]ReimburseInvoice, error) {
	if err := checkInvoiceRefs("item_list", refs); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		ItemList []ReimburseInvoice `json:"item_list"`
	}](ctx, s.c, invoiceGetBatch, nil, struct {
		ItemList []InvoiceRef `json:"item_list"`
	}{refs})
	if err != nil {
		return nil, err
	}
	return out.ItemList, nil
}

// UpdateStatus locks (InvoiceReimburseLock), unlocks (InvoiceReimburseInit)
// or closes (InvoiceReimburseClosure, irreversible) an e-invoice.
// https://developer.work.weixin.qq.com/document/path/90421
func (s *ReimburseService) UpdateStatus(ctx context.Context, ref InvoiceRef, status string) error {
	if err := ref.check(); err != nil {
		return err
	}
	if err := checkInvoiceStatus(status); err != nil {
		return err
	}
	return s.c.Do(ctx, invoiceUpdate, nil, struct {
		InvoiceRef
		Status string `json:"reimburse_status"`
	}{ref, status}, nil)
}

// UpdateStatusBatch sets the status of several e-invoices, all of the
// member whose openid (see UserService.ConvertToOpenID) is openID; either
// all change or none does.
// https://developer.work.weixin.qq.com/document/path/90422
func (s *ReimburseService) UpdateStatusBatch(ctx context.Context, openID, status string, refs []InvoiceRef) error {
	if err := needB("openid", openID); err != nil {
		return err
	}
	if err := checkInvoiceStatus(status); err != nil {
		return err
	}
	if err := checkInvoiceRefs("invoice_list", refs); err != nil {
		return err
	}
	return s.c.Do(ctx, invoiceUpdateBatch, nil, struct {
		OpenID string       `json:"openid"`
		Status string       `json:"reimburse_status"`
		List   []InvoiceRef `json:"invoice_list"`
	}{openID, status, refs}, nil)
}
