package fakewechat

import "slices"

func init() { builtin = append(builtin, registerWeComExternalPay) }

// WeComMerchant is a payment merchant of a corp (对外收款商户号), added by
// AddWeComMerchant: BindStatus 1 applying, 2 bound, 3 revoked.
type WeComMerchant struct {
	MchID        string
	MerchantName string
	BindStatus   int
}

// AddWeComMerchant binds a payment merchant to corpID (the admin binds
// merchants in the admin console; the API only reads them and sets their
// scope). A bound merchant starts with an empty scope of use.
func (s *Server) AddWeComMerchant(corpID string, m WeComMerchant) {
	t := wcTableOf(s, corpID, "pay_merchant")
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.items[m.MchID]; !ok {
		t.order = append(t.order, m.MchID)
	}
	t.items[m.MchID] = M{"mch_id": m.MchID, "merchant_name": m.MerchantName, "bind_status": m.BindStatus,
		"allow_use_scope": M{"user": []any{}, "partyid": []any{}, "tagid": []any{}}}
}

// wcPayBills are the fixed payment records of get_bill_list, shaped like
// the docs' example, in the time range of the docs' request example.
var wcPayBills = []M{
	wcPayBill("4200000001", "zhangshan", 1605171800, 100, true),
	wcPayBill("4200000002", "lisi", 1605172000, 2500, false),
	wcPayBill("4200000003", "zhangshan", 1605172500, 300, false),
}

func wcPayBill(id, payee string, payTime int64, fee int, refunded bool) M {
	b := M{"transaction_id": id, "bill_type": 1, "trade_state": 1, "pay_time": payTime, "out_trade_no": "OUT" + id,
		"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mAAAA", "total_fee": fee, "payee_userid": payee, "payment_type": 1,
		"mch_id": "123454", "remark": "", "commodity_list": []M{{"description": "手机", "amount": 1}},
		"total_refund_fee": 0, "refund_list": []M{}}
	if refunded {
		b["out_refund_no"] = "REF" + id
		b["total_refund_fee"] = fee
		b["refund_list"] = []M{{"out_refund_no": "REF" + id, "refund_userid": payee, "refund_comment": "退款",
			"refund_reqtime": payTime + 60, "refund_status": 1, "refund_fee": fee}}
	}
	return b
}

// External payments (对外收款), https://developer.work.weixin.qq.com/document/path/93727
// and 93666: merchants are state (AddWeComMerchant); bills are fixed data.
func registerWeComExternalPay(s *Server) {
	const p = "POST /cgi-bin/externalpay/"
	merchant := func(r *Request) (M, M, *Error) {
		in, err := r.JSON()
		if err != nil {
			return nil, nil, Errorf(wcCodeInvalidParameter, "invalid json")
		}
		if e := wcNeed(in, "mch_id"); e != nil {
			return nil, nil, e
		}
		m, ok := wcTab(r, "pay_merchant").get(wcStr(in, "mch_id"))
		if !ok {
			return nil, nil, Errorf(wcCodeInvalidParameter, "invalid mch_id")
		}
		return in, m, nil
	}
	s.HandleJSON(WeComPath(p+"getmerchant"), func(r *Request) (any, error) {
		_, m, e := merchant(r)
		if e != nil {
			return nil, e
		}
		if wcInt(m, "bind_status") != 2 {
			delete(m, "allow_use_scope")
		}
		return OK(m), nil
	})
	s.HandleJSON(WeComPath(p+"set_mch_use_scope"), func(r *Request) (any, error) {
		in, m, e := merchant(r)
		if e != nil {
			return nil, e
		}
		if wcInt(m, "bind_status") != 2 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid mch_id: merchant not bound")
		}
		scope, ok := in["allow_use_scope"].(M)
		if !ok {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: allow_use_scope missing")
		}
		set := M{}
		for _, k := range []string{"user", "partyid", "tagid"} {
			v, _ := scope[k].([]any)
			if v == nil {
				v = []any{}
			}
			set[k] = v
		}
		wcTab(r, "pay_merchant").modify(wcStr(m, "mch_id"), func(m M) { m["allow_use_scope"] = set })
		return nil, nil
	})
	s.HandleJSON(WeComPath(p+"get_bill_list"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "begin_time", "end_time"); e != nil {
			return nil, e
		}
		begin, end := int64(wcInt(in, "begin_time")), int64(wcInt(in, "end_time"))
		if begin <= 0 || end < begin || end-begin > 31*86400 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid time range")
		}
		payee := wcStr(in, "payee_userid")
		bills := slices.DeleteFunc(slices.Clone(wcPayBills), func(b M) bool {
			t := b["pay_time"].(int64)
			return t < begin || t > end || payee != "" && b["payee_userid"] != payee
		})
		page, next, e := wcPage(bills, wcStr(in, "cursor"), wcInt(in, "limit"), 1000, 1000)
		if e != nil {
			return nil, e
		}
		out := M{"bill_list": page}
		if next != "" {
			out["next_cursor"] = next
		}
		return OK(out), nil
	})
}
