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

// wcFundFlows are the fixed fund flow records of get_fund_flow, shaped like
// the docs' example: two merchants, three records.
var wcFundFlows = []M{
	wcFundFlow(1605171726, "1234567890", "123456", "ZhangSan", 20, 40),
	wcFundFlow(1605171900, "1234567891", "123456", "ZhangSan", 30, 70),
	wcFundFlow(1605172200, "1234567892", "654321", "LiSi", 50, 50),
}

func wcFundFlow(ts int64, reqNo, mch, operator string, amount, balance int) M {
	return M{"timestamp": ts, "request_no": reqNo, "transaction_type": 3, "fund_flow_type": 1,
		"transaction_amount": amount, "account_balance": balance, "out_trade_no": "OUT" + reqNo, "mch_id": mch,
		"operator_userid": operator, "group_list": []M{{"group_name": "Rule1"}, {"group_name": "Rule2"}}, "remark": "REMARK"}
}

// wcPaymentTradeNos are the fixed merchant order numbers get_payment_info
// answers for any payment_id.
var wcPaymentTradeNos = []M{{"out_trade_no": "OUT4200000001"}, {"out_trade_no": "OUT4200000002"}}

// External payments (对外收款), https://developer.work.weixin.qq.com/document/path/93727
// 93666, 95936 and 98100: merchants are state (AddWeComMerchant); bills are fixed data.
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
		return wcPayTimePage(r, wcPayBills, "pay_time", "payee_userid", "bill_list", 1000, 1000)
	})
	s.HandleJSON(WeComPath(p+"get_payment_info"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "payment_id"); e != nil {
			return nil, e
		}
		return OK(M{"bill_list": wcPaymentTradeNos}), nil
	})
	s.HandleJSON(WeComPath(p+"get_fund_flow"), func(r *Request) (any, error) {
		return wcPayTimePage(r, wcFundFlows, "timestamp", "mch_id", "fund_flow_list", 100, 200)
	})
}

// wcPayTimePage answers one page of the fixed records whose timeKey is
// between the required begin_time and end_time (at most 31 days apart)
// and, when the request sets filterKey, whose filterKey matches it.
func wcPayTimePage(r *Request, records []M, timeKey, filterKey, listKey string, def, max int) (any, error) {
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
	filter := wcStr(in, filterKey)
	kept := slices.DeleteFunc(slices.Clone(records), func(m M) bool {
		t := m[timeKey].(int64)
		return t < begin || t > end || filter != "" && m[filterKey] != filter
	})
	page, next, e := wcPage(kept, wcStr(in, "cursor"), wcInt(in, "limit"), def, max)
	if e != nil {
		return nil, e
	}
	out := M{listKey: page}
	if next != "" {
		out["next_cursor"] = next
	}
	return OK(out), nil
}
