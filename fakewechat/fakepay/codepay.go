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
	for _, prefix := range []string{"/v3/pay/transactions/", partnerTxPrefix} {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		partner := prefix == partnerTxPrefix
		if rest == "codepay" {
			s.serveCodePay(w, r, body, partner)
			return true
		}
		no, ok := strings.CutPrefix(rest, "out-trade-no/")
		if no, rev := strings.CutSuffix(no, "/reverse"); ok && rev {
			s.serveReverse(w, r, body, no, partner)
			return true
		}
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

// codePayBody is the body of both code payment APIs: appid and mchid for a
// merchant, sp_appid, sp_mchid, sub_appid and sub_mchid for a partner.
type codePayBody struct {
	AppID       string `json:"appid"`
	MchID       string `json:"mchid"`
	SpAppID     string `json:"sp_appid"`
	SpMchID     string `json:"sp_mchid"`
	SubAppID    string `json:"sub_appid"`
	SubMchID    string `json:"sub_mchid"`
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

// checkCodePay answers 400 itself for a code payment WeChat Pay refuses.
func (s *Server) checkCodePay(w http.ResponseWriter, r *http.Request, b *codePayBody, partner bool) bool {
	bad := func(msg string) bool { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg); return false }
	app, mch := b.AppID, b.MchID
	if partner {
		app, mch = b.SpAppID, b.SpMchID
	}
	switch {
	case app == "" || mch == "" || (partner && b.SubMchID == "") || b.Description == "" || b.OutTradeNo == "" || b.Payer == nil || len(b.SceneInfo) == 0:
		return bad("appid(sp_appid)、mchid(sp_mchid、sub_mchid)、description、out_trade_no、payer、scene_info必填")
	case mch != s.requestMchID(r):
		s.fail(w, r, http.StatusBadRequest, "MCH_NOT_EXISTS", "商户号与请求的商户号不一致")
		return false
	case !outTradeNoOK(b.OutTradeNo):
		return bad("out_trade_no须为6-32位数字、大小写字母或_-*")
	case !authCodeOK(b.Payer.AuthCode):
		return bad("payer.auth_code须为10-15开头的18位数字付款码")
	case b.Amount.Total <= 0 || (b.Amount.Currency != "" && b.Amount.Currency != "CNY"):
		return bad("amount.total必须大于0,currency为CNY")
	}
	return !partner || s.knownSub(w, r, b.SubMchID)
}

func (s *Server) serveCodePay(w http.ResponseWriter, r *http.Request, body []byte, partner bool) {
	var b codePayBody
	if !s.decodeJSON(w, r, body, &b) || !s.checkCodePay(w, r, &b, partner) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	openid := "oFake" + b.Payer.AuthCode[6:]
	paid := b.Amount.Total <= CodePayPasswordAbove
	var state, tradeType string
	var answer any
	if partner {
		o := s.a.porders[key(b.SubMchID, b.OutTradeNo)]
		if o == nil {
			o = &partnerOrder{SpAppID: b.SpAppID, SpMchID: b.SpMchID, SubAppID: b.SubAppID, SubMchID: b.SubMchID,
				OutTradeNo: b.OutTradeNo, TradeType: "MICROPAY", TradeState: "USERPAYING", TradeStateDesc: "需要用户输入支付密码",
				Attach: b.Attach, Payer: map[string]string{"sp_openid": openid},
				Amount: map[string]any{"total": b.Amount.Total, "currency": "CNY"}, total: b.Amount.Total}
			s.a.porders[key(b.SubMchID, b.OutTradeNo)] = o
			if paid {
				s.payPartnerLocked(b.SubMchID, o)
			}
		}
		state, tradeType, answer = o.TradeState, o.TradeType, o
		if o.total != b.Amount.Total {
			tradeType = "" // another order's content: refused below
		}
	} else {
		o := s.orders[b.OutTradeNo]
		if o == nil {
			o = &Order{AppID: b.AppID, MchID: b.MchID, OutTradeNo: b.OutTradeNo, TradeType: "MICROPAY",
				TradeState: "USERPAYING", TradeStateDesc: "需要用户输入支付密码", Attach: b.Attach,
				Payer:  map[string]any{"openid": openid},
				Amount: map[string]any{"total": b.Amount.Total, "currency": "CNY"}, total: b.Amount.Total}
			s.orders[b.OutTradeNo] = o
			if paid {
				s.payLocked(o)
			}
		}
		state, tradeType, answer = o.TradeState, o.TradeType, o
		if o.total != b.Amount.Total {
			tradeType = ""
		}
	}
	switch {
	case tradeType != "MICROPAY": // the number belongs to another order
		s.failLocked(w, r, http.StatusForbidden, "OUT_TRADE_NO_USED", "商户订单号重复")
	case state == "USERPAYING": // only the state while the user enters the password
		s.replyLocked(w, r, map[string]string{"trade_state": state})
	default: // the order (also for a retry)
		s.replyLocked(w, r, answer)
	}
}

func (s *Server) serveReverse(w http.ResponseWriter, r *http.Request, body []byte, outTradeNo string, partner bool) {
	var b codePayBody
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	mch := b.MchID
	if partner {
		mch = b.SpMchID
	}
	if (!partner && b.AppID == "") || (partner && b.SubMchID == "") || mch != s.requestMchID(r) {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "appid、mchid(sp_mchid、sub_mchid)必填,商户号须为请求的商户号")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var state, desc, tradeType *string
	var answer map[string]string
	if partner {
		if o := s.a.porders[key(b.SubMchID, outTradeNo)]; o != nil {
			state, desc, tradeType = &o.TradeState, &o.TradeStateDesc, &o.TradeType
			answer = map[string]string{"sp_appid": o.SpAppID, "sp_mchid": o.SpMchID, "sub_appid": o.SubAppID, "sub_mchid": o.SubMchID, "out_trade_no": o.OutTradeNo}
		}
	} else if o := s.orders[outTradeNo]; o != nil && o.MchID == mch {
		state, desc, tradeType = &o.TradeState, &o.TradeStateDesc, &o.TradeType
		answer = map[string]string{"appid": o.AppID, "mchid": o.MchID, "out_trade_no": o.OutTradeNo}
	}
	switch {
	case state == nil:
		s.failLocked(w, r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
	case *tradeType != "MICROPAY":
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "仅付款码支付订单可撤销")
	case *state == "REFUND":
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "订单已退款,请使用退款接口")
	default: // unpaid: closed; paid: refunded to the user; both end REVOKED
		*state, *desc = "REVOKED", "已撤销"
		s.replyLocked(w, r, answer)
	}
}
