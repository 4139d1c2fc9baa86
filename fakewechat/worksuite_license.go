package fakewechat

import (
	"fmt"
	"strconv"
)

// Interface licenses (接口调用许可) of service providers: orders are
// created unpaid; PayLicenseOrder pays one and creates its activation
// codes; codes are bound to members by active_account.

// PayLicenseOrder simulates the payment of an unpaid license order in the
// provider's console: one activation code per account is created. It
// reports whether the order was unpaid.
func (s *Server) PayLicenseOrder(orderID string) bool {
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	o := w.orders[orderID]
	if o == nil || o.Status != 0 {
		return false
	}
	now := s.Now().Unix()
	o.Status, o.Paid = 1, now
	days := int64(o.Months*31 + o.Days)
	for i := range o.Base + o.External {
		typ := 1
		if i >= o.Base {
			typ = 2
		}
		w.seq++
		code := fmt.Sprintf("LIC%s%08d", o.ID[len(o.ID)-6:], w.seq)
		w.codesLic[code] = &licCode{Code: code, CorpID: o.CorpID, Order: o.ID, Type: typ, Status: 1, Created: now, Days: days}
		o.Codes = append(o.Codes, code)
	}
	return true
}

// licCursor pages list through cursor (an offset) and limit (1..1000).
func licCursor[T any](list []T, cursor string, limit int) (page []T, next string, more int, err error) {
	if limit <= 0 || limit > 1000 {
		return nil, "", 0, ErrCode(CodeInvalidArgs)
	}
	off := 0
	if cursor != "" {
		if off, err = strconv.Atoi(cursor); err != nil || off < 0 || off > len(list) {
			return nil, "", 0, Errorf(CodeInvalidArgs, "invalid cursor")
		}
	}
	end := min(off+limit, len(list))
	if end < len(list) {
		return list[off:end], strconv.Itoa(end), 1, nil
	}
	return list[off:end], "", 0, nil
}

func (c *licCode) info() M {
	m := M{"active_code": c.Code, "type": c.Type, "status": c.Status, "create_time": c.Created}
	if c.UserID != "" {
		m["userid"], m["active_time"], m["expire_time"] = c.UserID, c.Activated, c.Expires
	}
	return m
}

// activate binds code to userID of corpID.
func (w *suiteWorld) activate(now int64, corpID, code, userID string) *Error {
	c := w.codesLic[code]
	switch {
	case c == nil || c.CorpID != corpID:
		return ErrCode(CodeLicenseCodeBad)
	case c.Status != 1:
		return ErrCode(CodeLicenseCodeUsed)
	case userID == "":
		return ErrCode(CodeInvalidArgs)
	}
	c.Status, c.UserID, c.Activated, c.Expires = 2, userID, now, now+c.Days*86400
	return nil
}

func registerLicense(s *Server) {
	type corpReq struct {
		CorpID string `json:"corpid"`
	}
	// https://developer.work.weixin.qq.com/document/path/95644
	s.HandleJSON(WeComPath("POST /cgi-bin/license/create_new_order"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID       string `json:"corpid"`
		BuyerUserID  string `json:"buyer_userid"`
		AccountCount struct {
			Base     int `json:"base_count"`
			External int `json:"external_contact_count"`
		} `json:"account_count"`
		AccountDuration struct {
			Months int `json:"months"`
			Days   int `json:"days"`
		} `json:"account_duration"`
	}, w *suiteWorld) (any, error) {
		n, d := in.AccountCount, in.AccountDuration
		days := d.Months*31 + d.Days
		switch {
		case in.CorpID == "":
			return nil, ErrCode(CodeWeComInvalidCorpID)
		case in.BuyerUserID == "":
			return nil, ErrCode(CodeInvalidArgs)
		case n.Base < 0 || n.External < 0 || n.Base+n.External == 0 || n.Base > 1000000 || n.External > 1000000:
			return nil, ErrCode(CodeLicenseAccountCount)
		case d.Months < 0 || d.Days < 0 || days < 31 || days > 1860:
			return nil, ErrCode(CodeLicenseDuration)
		}
		w.seq++
		o := &licOrder{ID: fmt.Sprintf("OI%012d", w.seq), Provider: p, CorpID: in.CorpID, Buyer: in.BuyerUserID, Type: 1,
			Base: n.Base, External: n.External, Months: d.Months, Days: d.Days, Created: r.Now().Unix()}
		w.orders[o.ID] = o
		return OK(M{"order_id": o.ID}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95647
	s.HandleJSON(WeComPath("POST /cgi-bin/license/list_order"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID    string `json:"corpid"`
		StartTime int64  `json:"start_time"`
		EndTime   int64  `json:"end_time"`
		Cursor    string `json:"cursor"`
		Limit     int    `json:"limit"`
	}, w *suiteWorld) (any, error) {
		var list []M
		for _, id := range sortedKeys(w.orders) {
			o := w.orders[id]
			if o.Provider != p || (in.CorpID != "" && o.CorpID != in.CorpID) ||
				(in.StartTime > 0 && o.Created < in.StartTime) || (in.EndTime > 0 && o.Created > in.EndTime) {
				continue
			}
			list = append(list, M{"order_id": o.ID, "order_type": o.Type})
		}
		page, next, more, err := licCursor(list, in.Cursor, in.Limit)
		if err != nil {
			return nil, err
		}
		return OK(M{"next_cursor": next, "has_more": more, "order_list": nonNil(page)}), nil
	}), Public())

	order := func(w *suiteWorld, p, id string) (*licOrder, error) {
		o := w.orders[id]
		if o == nil || o.Provider != p {
			return nil, ErrCode(CodeLicenseOrderBad)
		}
		return o, nil
	}

	// https://developer.work.weixin.qq.com/document/path/95648
	s.HandleJSON(WeComPath("POST /cgi-bin/license/get_order"), onProvider(s, func(r *Request, p string, in *struct {
		OrderID string `json:"order_id"`
	}, w *suiteWorld) (any, error) {
		o, err := order(w, p, in.OrderID)
		if err != nil {
			return nil, err
		}
		return OK(M{"order": M{"order_id": o.ID, "order_type": o.Type, "order_status": o.Status, "corpid": o.CorpID,
			"price":            int64(o.Base*5000+o.External*3000) * int64(o.Months*31+o.Days) / 31,
			"account_count":    M{"base_count": o.Base, "external_contact_count": o.External},
			"account_duration": M{"months": o.Months, "days": o.Days}, "create_time": o.Created, "pay_time": o.Paid}}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95649
	s.HandleJSON(WeComPath("POST /cgi-bin/license/list_order_account"), onProvider(s, func(r *Request, p string, in *struct {
		OrderID string `json:"order_id"`
		Limit   int    `json:"limit"`
		Cursor  string `json:"cursor"`
	}, w *suiteWorld) (any, error) {
		o, err := order(w, p, in.OrderID)
		if err != nil {
			return nil, err
		}
		if o.Status != 1 {
			return nil, Errorf(CodeLicenseOrderBad, "order not paid")
		}
		list := make([]M, len(o.Codes))
		for i, c := range o.Codes {
			list[i] = M{"active_code": c, "type": w.codesLic[c].Type}
		}
		page, next, more, err := licCursor(list, in.Cursor, in.Limit)
		if err != nil {
			return nil, err
		}
		return OK(M{"next_cursor": next, "has_more": more, "account_list": nonNil(page)}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/96106
	s.HandleJSON(WeComPath("POST /cgi-bin/license/cancel_order"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID  string `json:"corpid"`
		OrderID string `json:"order_id"`
	}, w *suiteWorld) (any, error) {
		o, err := order(w, p, in.OrderID)
		if err != nil {
			return nil, err
		}
		if o.CorpID != in.CorpID || o.Status != 0 {
			return nil, Errorf(CodeLicenseOrderBad, "only an unpaid order of this corp can be cancelled")
		}
		o.Status = 2
		return OK(nil), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95553
	s.HandleJSON(WeComPath("POST /cgi-bin/license/active_account"), onProvider(s, func(r *Request, p string, in *struct {
		ActiveCode string `json:"active_code"`
		CorpID     string `json:"corpid"`
		UserID     string `json:"userid"`
	}, w *suiteWorld) (any, error) {
		if err := w.activate(r.Now().Unix(), in.CorpID, in.ActiveCode, in.UserID); err != nil {
			return nil, err
		}
		return OK(nil), nil
	}), Public())

	s.HandleJSON(WeComPath("POST /cgi-bin/license/batch_active_account"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID     string `json:"corpid"`
		ActiveList []struct {
			ActiveCode string `json:"active_code"`
			UserID     string `json:"userid"`
		} `json:"active_list"`
	}, w *suiteWorld) (any, error) {
		if len(in.ActiveList) == 0 || len(in.ActiveList) > 1000 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		res := make([]M, len(in.ActiveList))
		for i, a := range in.ActiveList {
			code := 0
			if err := w.activate(r.Now().Unix(), in.CorpID, a.ActiveCode, a.UserID); err != nil {
				code = err.Code
			}
			res[i] = M{"active_code": a.ActiveCode, "userid": a.UserID, "errcode": code}
		}
		return OK(M{"active_result": res}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95552
	s.HandleJSON(WeComPath("POST /cgi-bin/license/get_active_info_by_code"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID     string `json:"corpid"`
		ActiveCode string `json:"active_code"`
	}, w *suiteWorld) (any, error) {
		c := w.codesLic[in.ActiveCode]
		if c == nil || c.CorpID != in.CorpID {
			return nil, ErrCode(CodeLicenseCodeBad)
		}
		return OK(M{"active_info": c.info()}), nil
	}), Public())

	s.HandleJSON(WeComPath("POST /cgi-bin/license/batch_get_active_info_by_code"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID         string   `json:"corpid"`
		ActiveCodeList []string `json:"active_code_list"`
	}, w *suiteWorld) (any, error) {
		if len(in.ActiveCodeList) == 0 || len(in.ActiveCodeList) > 1000 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		infos, invalid := []M{}, []string{}
		for _, code := range in.ActiveCodeList {
			if c := w.codesLic[code]; c != nil && c.CorpID == in.CorpID {
				infos = append(infos, c.info())
			} else {
				invalid = append(invalid, code)
			}
		}
		return OK(M{"active_info_list": infos, "invalid_active_code_list": invalid}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95544
	s.HandleJSON(WeComPath("POST /cgi-bin/license/list_actived_account"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID string `json:"corpid"`
		Limit  int    `json:"limit"`
		Cursor string `json:"cursor"`
	}, w *suiteWorld) (any, error) {
		if in.CorpID == "" {
			return nil, ErrCode(CodeWeComInvalidCorpID)
		}
		var list []M
		for _, code := range sortedKeys(w.codesLic) {
			if c := w.codesLic[code]; c.CorpID == in.CorpID && c.Status == 2 {
				list = append(list, M{"userid": c.UserID, "type": c.Type, "expire_time": c.Expires, "active_time": c.Activated})
			}
		}
		page, next, more, err := licCursor(list, in.Cursor, in.Limit)
		if err != nil {
			return nil, err
		}
		return OK(M{"next_cursor": next, "has_more": more, "account_list": nonNil(page)}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95555
	s.HandleJSON(WeComPath("POST /cgi-bin/license/get_active_info_by_user"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID string `json:"corpid"`
		UserID string `json:"userid"`
	}, w *suiteWorld) (any, error) {
		if in.CorpID == "" || in.UserID == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		infos := []M{}
		for _, code := range sortedKeys(w.codesLic) {
			if c := w.codesLic[code]; c.CorpID == in.CorpID && c.UserID == in.UserID {
				infos = append(infos, c.info())
			}
		}
		status := 0
		if len(infos) > 0 {
			status = 1
		}
		return OK(M{"active_status": status, "active_info_list": infos}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95673
	s.HandleJSON(WeComPath("POST /cgi-bin/license/batch_transfer_license"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID       string `json:"corpid"`
		TransferList []struct {
			Handover string `json:"handover_userid"`
			Takeover string `json:"takeover_userid"`
		} `json:"transfer_list"`
	}, w *suiteWorld) (any, error) {
		if in.CorpID == "" || len(in.TransferList) == 0 || len(in.TransferList) > 500 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		res := make([]M, len(in.TransferList))
		for i, t := range in.TransferList {
			code := CodeLicenseCodeBad
			for _, k := range sortedKeys(w.codesLic) {
				if c := w.codesLic[k]; c.CorpID == in.CorpID && c.UserID == t.Handover && t.Takeover != "" {
					c.UserID, code = t.Takeover, 0
				}
			}
			res[i] = M{"handover_userid": t.Handover, "takeover_userid": t.Takeover, "errcode": code}
		}
		return OK(M{"transfer_result": res}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95873
	s.HandleJSON(WeComPath("POST /cgi-bin/license/set_auto_active_status"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID string `json:"corpid"`
		Status *int   `json:"auto_active_status"`
	}, w *suiteWorld) (any, error) {
		if in.CorpID == "" || in.Status == nil || (*in.Status != 0 && *in.Status != 1) {
			return nil, ErrCode(CodeInvalidArgs)
		}
		w.auto[in.CorpID] = *in.Status == 1
		return OK(nil), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95874
	s.HandleJSON(WeComPath("POST /cgi-bin/license/get_auto_active_status"), onProvider(s, func(r *Request, p string, in *corpReq, w *suiteWorld) (any, error) {
		if in.CorpID == "" {
			return nil, ErrCode(CodeWeComInvalidCorpID)
		}
		st := 0
		if w.auto[in.CorpID] {
			st = 1
		}
		return OK(M{"auto_active_status": st}), nil
	}), Public())
}
