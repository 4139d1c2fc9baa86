package fakewechat

import "sync"

// E-invoice reimbursement (报销方, /card/invoice/reimburse/*): the fake holds
// the fixed invoices of ReimburseInvoices (the docs' example shape), each
// with a reimburse_status per app starting at INVOICE_REIMBURSE_INIT. An
// unknown card_id/encrypt_code answers 72017 (invoice not found); a status
// other than INIT, LOCK or CLOSURE, a change of a CLOSURE invoice, 0 or more
// than 100 invoices, or a batch whose invoices are not all the openid's,
// answer 40097 and change nothing.
func init() {
	stdMessages[CodeInvoiceNotFound] = "invoice not exist"
	builtin = append(builtin, registerOAReimburse)
}

// CodeInvoiceNotFound is the errcode of an unknown invoice.
const CodeInvoiceNotFound = 72017

// ReimburseInvoices are the invoices the fake knows, by card_id and
// encrypt_code, owned by the openid of each.
var ReimburseInvoices = []struct{ CardID, EncryptCode, OpenID string }{
	{"pjZ8Yt1XGILfi-FUsewpnnolGgZk", "O/mPnGTpBu22a1szmK2OgzZEmiVswFJIAfyVzPIXPd4ETKFjFmjrc8EpWoIDx4Ou", "oA_test_follower_00000000000"},
	{"pjZ8Yt1XGILfi-FUsewpnnolGgZl", "O/mPnGTpBu22a1szmK2OgzZEmiVswFJIAfyVzPIXPd4ETKFjFmjrc8EpWoIDx4Ov", "oA_test_follower_00000000000"},
}

type oaReimburseStore struct {
	mu     sync.Mutex
	status map[string]string
}

func oaReimburse(st *State) *oaReimburseStore {
	return Value(st, "oa.reimburse", func() *oaReimburseStore { return &oaReimburseStore{status: map[string]string{}} })
}

type oaInvoiceRef struct {
	CardID      string `json:"card_id"`
	EncryptCode string `json:"encrypt_code"`
}

// find returns the owner of the invoice, "" when unknown.
func (ref oaInvoiceRef) owner() string {
	for _, inv := range ReimburseInvoices {
		if inv.CardID == ref.CardID && inv.EncryptCode == ref.EncryptCode {
			return inv.OpenID
		}
	}
	return ""
}

func (rs *oaReimburseStore) get(ref oaInvoiceRef) string {
	if st := rs.status[ref.CardID+"/"+ref.EncryptCode]; st != "" {
		return st
	}
	return "INVOICE_REIMBURSE_INIT"
}

func (rs *oaReimburseStore) answer(ref oaInvoiceRef, openid string) M {
	return M{"card_id": ref.CardID, "begin_time": 1497254400, "end_time": 1497254400, "openid": openid, "type": "增值税电子普通发票",
		"payee": "测试-收款方", "detail": "detail", "user_info": M{"fee": 123, "title": "灌哥发票", "billing_time": 1504085973,
			"billing_no": "00000001", "billing_code": "234234234234", "info": []M{{"name": "NAME", "num": 1, "unit": "个", "fee": 123, "price": 123}},
			"fee_without_tax": 2345, "tax": 123, "detail": "项目", "pdf_url": "pdf_url", "reimburse_status": rs.get(ref), "check_code": "check_code"}}
}

func registerOAReimburse(s *Server) {
	bad := ErrCode(CodeInvalidArgs)
	validStatus := func(st string) bool {
		return st == "INVOICE_REIMBURSE_INIT" || st == "INVOICE_REIMBURSE_LOCK" || st == "INVOICE_REIMBURSE_CLOSURE"
	}
	s.HandleJSON("POST /card/invoice/reimburse/getinvoiceinfo", func(r *Request) (any, error) {
		var in oaInvoiceRef
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		owner := in.owner()
		if owner == "" {
			return nil, ErrCode(CodeInvoiceNotFound)
		}
		rs := oaReimburse(r.State())
		rs.mu.Lock()
		defer rs.mu.Unlock()
		return OK(rs.answer(in, owner)), nil
	})
	s.HandleJSON("POST /card/invoice/reimburse/getinvoicebatch", func(r *Request) (any, error) {
		var in struct {
			List []oaInvoiceRef `json:"item_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.List) == 0 || len(in.List) > 100 {
			return nil, bad
		}
		rs := oaReimburse(r.State())
		rs.mu.Lock()
		defer rs.mu.Unlock()
		list := make([]M, 0, len(in.List))
		for _, ref := range in.List {
			owner := ref.owner()
			if owner == "" {
				return nil, ErrCode(CodeInvoiceNotFound)
			}
			list = append(list, rs.answer(ref, owner))
		}
		return OK(M{"item_list": list}), nil
	})
	update := func(r *Request, openid, status string, refs []oaInvoiceRef) (any, error) {
		if !validStatus(status) || len(refs) == 0 || len(refs) > 100 {
			return nil, bad
		}
		rs := oaReimburse(r.State())
		rs.mu.Lock()
		defer rs.mu.Unlock()
		for _, ref := range refs {
			owner := ref.owner()
			switch {
			case owner == "":
				return nil, ErrCode(CodeInvoiceNotFound)
			case openid != "" && owner != openid, rs.get(ref) == "INVOICE_REIMBURSE_CLOSURE":
				return nil, bad
			}
		}
		for _, ref := range refs {
			rs.status[ref.CardID+"/"+ref.EncryptCode] = status
		}
		return nil, nil
	}
	s.HandleJSON("POST /card/invoice/reimburse/updateinvoicestatus", func(r *Request) (any, error) {
		var in struct {
			oaInvoiceRef
			Status string `json:"reimburse_status"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		return update(r, "", in.Status, []oaInvoiceRef{in.oaInvoiceRef})
	})
	s.HandleJSON("POST /card/invoice/reimburse/updatestatusbatch", func(r *Request) (any, error) {
		var in struct {
			OpenID string         `json:"openid"`
			Status string         `json:"reimburse_status"`
			List   []oaInvoiceRef `json:"invoice_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.OpenID == "" {
			return nil, bad
		}
		return update(r, in.OpenID, in.Status, in.List)
	})
}
