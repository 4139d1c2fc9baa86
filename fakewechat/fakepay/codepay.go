package fakepay

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// CodePayPasswordAbove is the amount (fen) above which a code payment waits
// for the user's password: USERPAYING until PayOrder.
const CodePayPasswordAbove = 100_000

func init() { routes = append(routes, (*Server).routeCodePay) }

func (s *Server) routeCodePay(w http.ResponseWriter, r *http.Request, body []byte) bool {
	if r.Method != http.MethodPost {
		return false
	}
	p := r.URL.Path
	if p == "/v3/pay/transactions/codepay" {
		s.serveCodePay(w, r, body)
		return true
	}
	no, ok := strings.CutPrefix(p, "/v3/pay/transactions/out-trade-no/")
	if no, rev := strings.CutSuffix(no, "/reverse"); ok && rev {
		s.serveReverse(w, r, body, no)
		return true
	}
	return false
}

// authCodeOK reports whether code looks like a WeChat payment code: 18
// digits starting with 10 to 15.
func authCodeOK(code string) bool {
	if len(code) != 18 || code[0] != '1' || code[1] < '0' || code[1] > '5' {
		return false
	}
	_, err := strconv.ParseUint(code, 10, 64)
	return err == nil
}

// outTradeNoOK reports whether no is 6-32 digits, letters and _-*.
func outTradeNoOK(no string) bool {
	return combineNoOK(no, 6) && !strings.Contains(no, "|")
}

func (s *Server) serveCodePay(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		AppID       string `json:"appid"`
		MchID       string `json:"mchid"`
		Description string `json:"description"`
		OutTradeNo  string `json:"out_trade_no"`
		Attach      string `json:"attach"`
		Payer       *struct {
			AuthCode string `json:"auth_code"`
		} `json:"payer"`
		Amount struct {
			Total    int64  `json:"total"`
			Currency string `json:"currency"`
		} `json:"amount"`
		SceneInfo map[string]json.RawMessage `json:"scene_info"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	switch {
	case b.AppID == "" || b.MchID == "" || b.Description == "" || b.OutTradeNo == "" || b.Payer == nil || len(b.SceneInfo) == 0:
		bad("appid、mchid、description、out_trade_no、payer、scene_info必填")
		return
	case b.MchID != s.requestMchID(r):
		s.fail(w, r, http.StatusBadRequest, "MCH_NOT_EXISTS", "mchid与请求的商户号不一致")
		return
	case !outTradeNoOK(b.OutTradeNo):
		bad("out_trade_no须为6-32位数字、大小写字母或_-*")
		return
	case !authCodeOK(b.Payer.AuthCode):
		bad("payer.auth_code须为10-15开头的18位数字付款码")
		return
	case b.Amount.Total <= 0 || (b.Amount.Currency != "" && b.Amount.Currency != "CNY"):
		bad("amount.total必须大于0,currency为CNY")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if o := s.orders[b.OutTradeNo]; o != nil {
		if o.TradeType != "MICROPAY" || o.total != b.Amount.Total {
			s.failLocked(w, r, http.StatusForbidden, "OUT_TRADE_NO_USED", "商户订单号重复")
			return
		}
		s.replyLocked(w, r, codePayAnswer(o)) // a retry: the order as it is
		return
	}
	o := &Order{
		AppID: b.AppID, MchID: b.MchID, OutTradeNo: b.OutTradeNo, TradeType: "MICROPAY",
		TradeState: "USERPAYING", TradeStateDesc: "需要用户输入支付密码", Attach: b.Attach,
		Payer:  map[string]any{"openid": "oFake" + b.Payer.AuthCode[6:]},
		Amount: map[string]any{"total": b.Amount.Total, "currency": "CNY"},
		total:  b.Amount.Total,
	}
	s.orders[b.OutTradeNo] = o
	if b.Amount.Total <= CodePayPasswordAbove {
		s.payLocked(o)
	}
	s.replyLocked(w, r, codePayAnswer(o))
}

// codePayAnswer is the code payment answer: the order once paid, only its
// trade_state while the user enters the password.
func codePayAnswer(o *Order) any {
	if o.TradeState == "USERPAYING" {
		return map[string]string{"trade_state": o.TradeState}
	}
	return o
}

func (s *Server) serveReverse(w http.ResponseWriter, r *http.Request, body []byte, outTradeNo string) {
	var b struct {
		AppID string `json:"appid"`
		MchID string `json:"mchid"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	if b.AppID == "" || b.MchID != s.requestMchID(r) {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "appid、mchid必填,mchid须为请求的商户号")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.orders[outTradeNo]
	switch {
	case o == nil || o.MchID != b.MchID:
		s.failLocked(w, r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
		return
	case o.TradeType != "MICROPAY":
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "仅付款码支付订单可撤销")
		return
	case o.TradeState == "REFUND":
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "订单已退款,请使用退款接口")
		return
	}
	// Unpaid: closed; paid: refunded to the user. Both end REVOKED.
	o.TradeState, o.TradeStateDesc = "REVOKED", "已撤销"
	s.replyLocked(w, r, map[string]string{"appid": o.AppID, "mchid": o.MchID, "out_trade_no": o.OutTradeNo})
}
