package fakewechat

func init() { builtin = append(builtin, registerWeComInvoice) }

// WeComReimburseInvoices are the e-invoices the WeCom fake knows, by
// card_id and encrypt_code, each owned by the openid (user/convert_to_openid)
// of a seeded member.
var WeComReimburseInvoices = []struct{ CardID, EncryptCode, OpenID string }{
	{"pjZ8Yt1XGILfi-WeComInvoice01", "wcInvoiceEncryptCode01", wecomOpenID(WeComSeedUser1)},
	{"pjZ8Yt1XGILfi-WeComInvoice02", "wcInvoiceEncryptCode02", wecomOpenID(WeComSeedUser1)},
	{"pjZ8Yt1XGILfi-WeComInvoice03", "wcInvoiceEncryptCode03", wecomOpenID(WeComSeedUser2)},
}

func (ref oaInvoiceRef) wecomOwner() string {
	for _, inv := range WeComReimburseInvoices {
		if inv.CardID == ref.CardID && inv.EncryptCode == ref.EncryptCode {
			return inv.OpenID
		}
	}
	return ""
}

// E-invoices of WeCom (电子发票), https://developer.work.weixin.qq.com/document/path/90284,
// 99454, 90421 and 90422: the invoices of WeComReimburseInvoices with a
// reimburse_status per corp, answered in the docs' example shape.
func registerWeComInvoice(s *Server) {
	store := func(r *Request) *oaReimburseStore {
		return Value(wecomCorpState(r), "wecom.reimburse", func() *oaReimburseStore { return &oaReimburseStore{status: map[string]string{}} })
	}
	// find answers 40058 for a missing card_id/encrypt_code and 72017 for an
	// unknown invoice.
	find := func(ref oaInvoiceRef) (string, error) {
		if ref.CardID == "" || ref.EncryptCode == "" {
			return "", Errorf(wcCodeInvalidParameter, "invalid Parameter: card_id or encrypt_code missing")
		}
		if owner := ref.wecomOwner(); owner != "" {
			return owner, nil
		}
		return "", ErrCode(CodeInvoiceNotFound)
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/card/invoice/reimburse/getinvoiceinfo"), func(r *Request) (any, error) {
		var in oaInvoiceRef
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		owner, err := find(in)
		if err != nil {
			return nil, err
		}
		rs := store(r)
		rs.mu.Lock()
		defer rs.mu.Unlock()
		return OK(rs.answer(in, owner)), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/card/invoice/reimburse/getinvoiceinfobatch"), func(r *Request) (any, error) {
		var in struct {
			List []oaInvoiceRef `json:"item_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.List) == 0 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: item_list empty")
		}
		rs := store(r)
		rs.mu.Lock()
		defer rs.mu.Unlock()
		list := make([]M, 0, len(in.List))
		for _, ref := range in.List {
			owner, err := find(ref)
			if err != nil {
				return nil, err
			}
			inv := rs.answer(ref, owner)
			delete(inv, "begin_time")
			delete(inv, "end_time")
			list = append(list, inv)
		}
		return OK(M{"item_list": list}), nil
	})
	// update applies status to refs, all or none: 40058 for an unknown
	// status, an invoice of another openid (batch) or a change of a closed
	// invoice.
	update := func(r *Request, openid, status string, refs []oaInvoiceRef) (any, error) {
		switch status {
		case "INVOICE_REIMBURSE_INIT", "INVOICE_REIMBURSE_LOCK", "INVOICE_REIMBURSE_CLOSURE":
		default:
			return nil, Errorf(wcCodeInvalidParameter, "invalid reimburse_status")
		}
		rs := store(r)
		rs.mu.Lock()
		defer rs.mu.Unlock()
		for _, ref := range refs {
			owner, err := find(ref)
			switch {
			case err != nil:
				return nil, err
			case openid != "" && owner != openid:
				return nil, Errorf(wcCodeInvalidParameter, "invoice not of openid")
			case rs.get(ref) == "INVOICE_REIMBURSE_CLOSURE":
				return nil, Errorf(wcCodeInvalidParameter, "invoice already reimbursed")
			}
		}
		for _, ref := range refs {
			rs.status[ref.CardID+"/"+ref.EncryptCode] = status
		}
		return nil, nil
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/card/invoice/reimburse/updateinvoicestatus"), func(r *Request) (any, error) {
		var in struct {
			oaInvoiceRef
			Status string `json:"reimburse_status"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		return update(r, "", in.Status, []oaInvoiceRef{in.oaInvoiceRef})
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/card/invoice/reimburse/updatestatusbatch"), func(r *Request) (any, error) {
		var in struct {
			OpenID string         `json:"openid"`
			Status string         `json:"reimburse_status"`
			List   []oaInvoiceRef `json:"invoice_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.OpenID == "" || len(in.List) == 0 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: openid or invoice_list missing")
		}
		return update(r, in.OpenID, in.Status, in.List)
	})
}
