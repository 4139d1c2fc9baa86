package fakepay

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// stateC keeps combined orders and the e-commerce platform's refunds and
// withdrawals (code payments are plain orders). Guarded by Server.mu; the
// maps are made on first use.
type stateC struct {
	combines map[string]*combineOrder // by combine_out_trade_no
	e        ecomState                // e-commerce refunds and withdrawals (ecommerce.go)
}

// combineOrder is a combined order; its sub-orders are kept in
// Server.orders (out_trade_no is one table) with Order.combine set.
type combineOrder struct {
	appID, mchID, outTradeNo, tradeType, prepayID string
	deviceID, openID                              string
	scene                                         bool
	subs                                          []combineSub
}

type combineSub struct {
	MchID      string `json:"mchid"`
	SubMchID   string `json:"sub_mchid"`
	SubAppID   string `json:"sub_appid"`
	OutTradeNo string `json:"out_trade_no"`
}

func (c *stateC) combineMap() map[string]*combineOrder {
	if c.combines == nil {
		c.combines = map[string]*combineOrder{}
	}
	return c.combines
}

func init() { routes = append(routes, (*Server).routeCombine) }

const combinePrefix = "/v3/combine-transactions/"

// combineTradeTypes maps the prepay path to the trade_type WeChat Pay
// reports.
var combineTradeTypes = map[string]string{"jsapi": "JSAPI", "app": "APP", "h5": "MWEB", "native": "NATIVE"}

func (s *Server) routeCombine(w http.ResponseWriter, r *http.Request, body []byte) bool {
	rest, ok := strings.CutPrefix(r.URL.Path, combinePrefix)
	if !ok {
		return false
	}
	no, isNo := strings.CutPrefix(rest, "out-trade-no/")
	switch {
	case r.Method == http.MethodPost && combineTradeTypes[rest] != "":
		s.serveCombinePrepay(w, r, body, combineTradeTypes[rest])
	case r.Method == http.MethodPost && isNo && strings.HasSuffix(no, "/close"):
		s.serveCombineClose(w, r, body, strings.TrimSuffix(no, "/close"))
	case r.Method == http.MethodGet && isNo && !strings.Contains(no, "/"):
		s.serveCombineQuery(w, r, no)
	default:
		return false
	}
	return true
}

// combineNoOK reports whether no is a valid combine_out_trade_no or
// out_trade_no of a sub-order: min-32 digits, letters and _-|*.
func combineNoOK(no string, min int) bool {
	if len(no) < min || len(no) > 32 {
		return false
	}
	for _, c := range no {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || strings.ContainsRune("_-|*", c)) {
			return false
		}
	}
	return true
}

// prepayAnswer is the answer of an order API of tradeType (H5 or MWEB:
// h5_url, NATIVE: code_url, others: prepay_id).
func prepayAnswer(tradeType, prepayID string) map[string]string {
	switch tradeType {
	case "MWEB", "H5":
		return map[string]string{"h5_url": "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + prepayID}
	case "NATIVE":
		return map[string]string{"code_url": "weixin://wxpay/bizpayurl?pr=" + prepayID}
	}
	return map[string]string{"prepay_id": prepayID}
}

type combineBody struct {
	CombineAppID      string `json:"combine_appid"`
	CombineMchID      string `json:"combine_mchid"`
	CombineOutTradeNo string `json:"combine_out_trade_no"`
	NotifyURL         string `json:"notify_url"`
	SceneInfo         *struct {
		DeviceID      string          `json:"device_id"`
		PayerClientIP string          `json:"payer_client_ip"`
		H5Info        json.RawMessage `json:"h5_info"`
	} `json:"scene_info"`
	SubOrders []struct {
		combineSub
		Attach      string `json:"attach"`
		Description string `json:"description"`
		Amount      struct {
			TotalAmount int64  `json:"total_amount"`
			Currency    string `json:"currency"`
		} `json:"amount"`
		SettleInfo *struct {
			ProfitSharing bool `json:"profit_sharing"`
		} `json:"settle_info"`
	} `json:"sub_orders"`
	CombinePayerInfo *struct {
		OpenID string `json:"openid"`
	} `json:"combine_payer_info"`
}

// checkCombine answers 400 itself for a combined order WeChat Pay refuses
// (before looking at existing orders).
func (s *Server) checkCombine(w http.ResponseWriter, r *http.Request, b *combineBody, tradeType string) bool {
	bad := func(msg string) bool { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg); return false }
	switch {
	case b.CombineAppID == "" || b.CombineOutTradeNo == "" || b.NotifyURL == "" || len(b.SubOrders) == 0:
		return bad("combine_appid、combine_out_trade_no、notify_url、sub_orders必填")
	case b.CombineMchID != s.requestMchID(r):
		s.fail(w, r, http.StatusBadRequest, "MCH_NOT_EXISTS", "combine_mchid与请求的商户号不一致")
		return false
	case tradeType == "JSAPI" && (b.CombinePayerInfo == nil || b.CombinePayerInfo.OpenID == ""):
		return bad("combine_payer_info.openid必填")
	case tradeType == "MWEB" && (b.SceneInfo == nil || b.SceneInfo.PayerClientIP == ""):
		return bad("scene_info.payer_client_ip必填")
	}
	partner := b.SubOrders[0].SubMchID != ""
	minNo, minSubs, maxSubs := 6, 2, 10
	if partner {
		minNo, minSubs, maxSubs = 2, 1, 50
	}
	if n := len(b.SubOrders); n < minSubs || n > maxSubs {
		return bad("sub_orders数量须为" + strconv.Itoa(minSubs) + "-" + strconv.Itoa(maxSubs) + "笔")
	}
	if !combineNoOK(b.CombineOutTradeNo, minNo) {
		return bad("combine_out_trade_no格式错误")
	}
	seen := map[string]bool{}
	for _, so := range b.SubOrders {
		switch {
		case (so.SubMchID != "") != partner:
			return bad("sub_orders.sub_mchid须全部填写或全部不填")
		case partner && so.MchID != b.CombineMchID:
			return bad("sub_orders.mchid必须为服务商商户号")
		case partner && !s.knownSub(w, r, so.SubMchID):
			return false
		case !combineNoOK(so.OutTradeNo, minNo) || seen[so.OutTradeNo]:
			return bad("sub_orders.out_trade_no格式错误或重复: " + so.OutTradeNo)
		case so.Attach == "" || len([]rune(so.Attach)) > 128 || so.Description == "" || len([]rune(so.Description)) > 127:
			return bad("sub_orders.attach、description必填且不超长")
		case so.Amount.TotalAmount <= 0 || so.Amount.Currency != "CNY":
			return bad("sub_orders.amount.total_amount必须大于0,currency为CNY")
		}
		seen[so.OutTradeNo] = true
	}
	return true
}

func (s *Server) serveCombinePrepay(w http.ResponseWriter, r *http.Request, body []byte, tradeType string) {
	var b combineBody
	if !s.decodeJSON(w, r, body, &b) || !s.checkCombine(w, r, &b, tradeType) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	combines := s.c.combineMap()
	if co := combines[b.CombineOutTradeNo]; co != nil {
		same := co.mchID == b.CombineMchID && co.tradeType == tradeType && len(co.subs) == len(b.SubOrders)
		for i := 0; same && i < len(co.subs); i++ {
			same = co.subs[i] == b.SubOrders[i].combineSub
		}
		switch st := s.combineStateLocked(co); {
		case !same:
			s.failLocked(w, r, http.StatusForbidden, "OUT_TRADE_NO_USED", "商户订单号重复")
		case st == "CLOSED":
			s.failLocked(w, r, http.StatusBadRequest, "ORDER_CLOSED", "订单已关闭")
		case st != "NOTPAY":
			s.failLocked(w, r, http.StatusBadRequest, "ORDERPAID", "订单已支付")
		default: // a retry: the same prepay_id
			s.replyLocked(w, r, prepayAnswer(tradeType, co.prepayID))
		}
		return
	}
	for _, so := range b.SubOrders {
		if s.orders[so.OutTradeNo] != nil {
			s.failLocked(w, r, http.StatusForbidden, "OUT_TRADE_NO_USED", "商户订单号重复: "+so.OutTradeNo)
			return
		}
	}
	co := &combineOrder{appID: b.CombineAppID, mchID: b.CombineMchID, outTradeNo: b.CombineOutTradeNo,
		tradeType: tradeType, prepayID: s.id("wx"), scene: b.SceneInfo != nil}
	if b.SceneInfo != nil {
		co.deviceID = b.SceneInfo.DeviceID
	}
	if b.CombinePayerInfo != nil {
		co.openID = b.CombinePayerInfo.OpenID
	}
	for _, so := range b.SubOrders {
		co.subs = append(co.subs, so.combineSub)
		s.orders[so.OutTradeNo] = &Order{
			AppID: b.CombineAppID, MchID: so.MchID, OutTradeNo: so.OutTradeNo, TradeType: tradeType,
			TradeState: "NOTPAY", TradeStateDesc: "订单未支付", Attach: so.Attach,
			Payer:  map[string]any{"openid": co.openID},
			Amount: map[string]any{"total": so.Amount.TotalAmount, "currency": "CNY"},
			total:  so.Amount.TotalAmount, prepayID: co.prepayID, notifyURL: b.NotifyURL, combine: b.CombineOutTradeNo,
			profitSharing: so.SettleInfo != nil && so.SettleInfo.ProfitSharing,
		}
	}
	combines[co.outTradeNo] = co
	s.replyLocked(w, r, prepayAnswer(tradeType, co.prepayID))
}

// combineStateLocked sums up the sub-orders: CLOSED when one is closed,
// NOTPAY when all are unpaid, SUCCESS otherwise.
func (s *Server) combineStateLocked(co *combineOrder) string {
	state := "NOTPAY"
	for _, sub := range co.subs {
		switch s.orders[sub.OutTradeNo].TradeState {
		case "CLOSED":
			return "CLOSED"
		case "NOTPAY":
		default:
			state = "SUCCESS"
		}
	}
	return state
}

// renderCombineLocked renders co like the combined order query (and the
// combined payment notification).
func (s *Server) renderCombineLocked(co *combineOrder) map[string]any {
	subs := make([]map[string]any, 0, len(co.subs))
	for _, sub := range co.subs {
		o := s.orders[sub.OutTradeNo]
		m := map[string]any{"mchid": sub.MchID, "trade_type": o.TradeType, "trade_state": o.TradeState,
			"attach": o.Attach, "out_trade_no": o.OutTradeNo}
		amount := map[string]any{"total_amount": o.total, "currency": "CNY"}
		if sub.SubMchID != "" {
			m["sub_mchid"] = sub.SubMchID
		}
		if o.TransactionID != "" {
			m["transaction_id"], m["bank_type"], m["success_time"] = o.TransactionID, o.BankType, o.SuccessTime
			amount["payer_amount"], amount["payer_currency"] = o.total, "CNY"
		}
		m["amount"] = amount
		subs = append(subs, m)
	}
	out := map[string]any{"combine_appid": co.appID, "combine_mchid": co.mchID,
		"combine_out_trade_no": co.outTradeNo, "sub_orders": subs}
	if co.openID != "" {
		out["combine_payer_info"] = map[string]string{"openid": co.openID}
	}
	if co.scene {
		out["scene_info"] = map[string]string{"device_id": co.deviceID}
	}
	return out
}

// combineLocked finds a combined order of the requesting merchant; it
// answers 404 ORDER_NOT_EXIST itself when there is none.
func (s *Server) combineLocked(w http.ResponseWriter, r *http.Request, no string) *combineOrder {
	co := s.c.combineMap()[no]
	if co == nil || co.mchID != s.requestMchID(r) {
		s.failLocked(w, r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
		return nil
	}
	return co
}

func (s *Server) serveCombineQuery(w http.ResponseWriter, r *http.Request, no string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if co := s.combineLocked(w, r, no); co != nil {
		s.replyLocked(w, r, s.renderCombineLocked(co))
	}
}

func (s *Server) serveCombineClose(w http.ResponseWriter, r *http.Request, body []byte, no string) {
	var b struct {
		CombineAppID string       `json:"combine_appid"`
		SubOrders    []combineSub `json:"sub_orders"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	if b.CombineAppID == "" || len(b.SubOrders) == 0 {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "combine_appid、sub_orders必填")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	co := s.combineLocked(w, r, no)
	if co == nil {
		return
	}
	// The whole order closes: the same sub-orders as created (sub_appid
	// is optional).
	same := b.CombineAppID == co.appID && len(b.SubOrders) == len(co.subs)
	for i := 0; same && i < len(co.subs); i++ {
		want, got := co.subs[i], b.SubOrders[i]
		same = got.MchID == want.MchID && got.OutTradeNo == want.OutTradeNo && got.SubMchID == want.SubMchID
	}
	switch st := s.combineStateLocked(co); {
	case !same:
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "请求关单的子单信息与下单时的子单信息不一致")
	case st == "SUCCESS":
		s.failLocked(w, r, http.StatusBadRequest, "ORDERPAID", "订单已支付")
	default:
		for _, sub := range co.subs {
			o := s.orders[sub.OutTradeNo]
			o.TradeState, o.TradeStateDesc = "CLOSED", "订单已关闭"
		}
		s.mu.Unlock()
		s.reply(w, r, http.StatusNoContent, nil)
		s.mu.Lock()
	}
}

// PayCombineOrder simulates the user paying the combined order
// combineOutTradeNo (every sub-order NOTPAY) and returns it as WeChat Pay
// puts it in the combined payment notification (TRANSACTION.SUCCESS).
func (s *Server) PayCombineOrder(combineOutTradeNo string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	co := s.c.combineMap()[combineOutTradeNo]
	if co == nil || s.combineStateLocked(co) != "NOTPAY" {
		return nil, false
	}
	for _, sub := range co.subs {
		s.payLocked(s.orders[sub.OutTradeNo])
	}
	if co.openID == "" {
		co.openID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" // the payer, now known
	}
	return s.renderCombineLocked(co), true
}
