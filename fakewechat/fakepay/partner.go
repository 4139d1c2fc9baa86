package fakepay

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// partnerOrder is a sub-merchant order kept by the fake, rendered like the
// partner query APIs.
type partnerOrder struct {
	SpAppID        string            `json:"sp_appid"`
	SpMchID        string            `json:"sp_mchid"`
	SubAppID       string            `json:"sub_appid,omitempty"`
	SubMchID       string            `json:"sub_mchid"`
	OutTradeNo     string            `json:"out_trade_no"`
	TransactionID  string            `json:"transaction_id,omitempty"`
	TradeType      string            `json:"trade_type,omitempty"`
	TradeState     string            `json:"trade_state"`
	TradeStateDesc string            `json:"trade_state_desc"`
	BankType       string            `json:"bank_type,omitempty"`
	Attach         string            `json:"attach,omitempty"`
	SuccessTime    string            `json:"success_time,omitempty"`
	Payer          map[string]string `json:"payer"`
	Amount         map[string]any    `json:"amount"`

	total         int64
	refunded      int64
	prepayID      string
	profitSharing bool
}

const partnerTxPrefix = "/v3/pay/partner/transactions/"

func init() { routes = append(routes, (*Server).routePartner) }

func (s *Server) routePartner(w http.ResponseWriter, r *http.Request, body []byte) bool {
	p := r.URL.Path
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	rest, isTx := strings.CutPrefix(p, partnerTxPrefix)
	switch {
	case isTx && post && !strings.Contains(rest, "/") && rest != "codepay": // codepay: codepay.go
		s.servePartnerPrepay(w, r, body, strings.ToUpper(rest))
	case isTx && post && strings.HasPrefix(rest, "out-trade-no/") && strings.HasSuffix(rest, "/close"):
		s.servePartnerClose(w, r, body, strings.TrimSuffix(strings.TrimPrefix(rest, "out-trade-no/"), "/close"))
	case isTx && get && strings.HasPrefix(rest, "out-trade-no/"):
		s.servePartnerQuery(w, r, strings.TrimPrefix(rest, "out-trade-no/"), "")
	case isTx && get && strings.HasPrefix(rest, "id/"):
		s.servePartnerQuery(w, r, "", strings.TrimPrefix(rest, "id/"))
	case post && p == "/v3/refund/domestic/refunds" && strings.Contains(string(body), `"sub_mchid"`):
		s.servePartnerRefund(w, r, body)
	case get && strings.HasPrefix(p, "/v3/refund/domestic/refunds/") && r.URL.Query().Has("sub_mchid"):
		s.servePartnerQueryRefund(w, r, strings.TrimPrefix(p, "/v3/refund/domestic/refunds/"))
	case get && p == "/v3/bill/tradebill" && r.URL.Query().Has("sub_mchid"):
		if !s.knownSub(w, r, r.URL.Query().Get("sub_mchid")) {
			return true
		}
		return false // the sub-merchant exists: the common bill route answers
	default:
		return false
	}
	return true
}

// knownSub answers 400 itself for a sub_mchid the service provider does
// not serve.
func (s *Server) knownSub(w http.ResponseWriter, r *http.Request, sub string) bool {
	s.mu.Lock()
	ok := sub != "" && s.a.subs[sub]
	s.mu.Unlock()
	if !ok {
		s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "子商户号与服务商不存在受理关系: "+sub)
	}
	return ok
}

func (s *Server) servePartnerPrepay(w http.ResponseWriter, r *http.Request, body []byte, tradeType string) {
	var b struct {
		SpAppID     string `json:"sp_appid"`
		SpMchID     string `json:"sp_mchid"`
		SubAppID    string `json:"sub_appid"`
		SubMchID    string `json:"sub_mchid"`
		Description string `json:"description"`
		OutTradeNo  string `json:"out_trade_no"`
		NotifyURL   string `json:"notify_url"`
		Attach      string `json:"attach"`
		Amount      struct {
			Total    int64  `json:"total"`
			Currency string `json:"currency"`
		} `json:"amount"`
		Payer *struct {
			SpOpenID  string `json:"sp_openid"`
			SubOpenID string `json:"sub_openid"`
		} `json:"payer"`
		SceneInfo *struct {
			PayerClientIP string          `json:"payer_client_ip"`
			H5Info        json.RawMessage `json:"h5_info"`
		} `json:"scene_info"`
		SettleInfo *struct {
			ProfitSharing bool `json:"profit_sharing"`
		} `json:"settle_info"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	switch {
	case tradeType != "JSAPI" && tradeType != "APP" && tradeType != "H5" && tradeType != "NATIVE":
		s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "no such API")
		return
	case b.SpAppID == "" || b.SubMchID == "" || b.Description == "" || b.OutTradeNo == "" || b.NotifyURL == "":
		bad("sp_appid、sub_mchid、description、out_trade_no、notify_url必填")
		return
	case b.SpMchID != s.requestMchID(r):
		s.fail(w, r, http.StatusBadRequest, "MCH_NOT_EXISTS", "sp_mchid与请求的商户号不一致")
		return
	case b.Amount.Total <= 0:
		bad("amount.total必须大于0")
		return
	case tradeType == "JSAPI" && (b.Payer == nil || (b.Payer.SpOpenID == "") == (b.Payer.SubOpenID == "")):
		bad("payer.sp_openid与payer.sub_openid必须且只能填一个")
		return
	case b.Payer != nil && b.Payer.SubOpenID != "" && b.SubAppID == "":
		bad("传入sub_openid时sub_appid必填")
		return
	case tradeType == "H5" && (b.SceneInfo == nil || len(b.SceneInfo.H5Info) == 0):
		bad("scene_info.h5_info必填")
		return
	}
	if !s.knownSub(w, r, b.SubMchID) {
		return
	}
	k := key(b.SubMchID, b.OutTradeNo)
	s.mu.Lock()
	o := s.a.porders[k]
	if o != nil && o.TradeState != "NOTPAY" {
		s.mu.Unlock()
		s.fail(w, r, http.StatusBadRequest, "ORDERPAID", "订单状态为"+o.TradeState)
		return
	}
	if o == nil {
		payer := map[string]string{}
		if b.Payer != nil {
			if b.Payer.SpOpenID != "" {
				payer["sp_openid"] = b.Payer.SpOpenID
			}
			if b.Payer.SubOpenID != "" {
				payer["sub_openid"] = b.Payer.SubOpenID
			}
		}
		tt := tradeType
		if tt == "H5" {
			tt = "MWEB"
		}
		o = &partnerOrder{
			SpAppID: b.SpAppID, SpMchID: b.SpMchID, SubAppID: b.SubAppID, SubMchID: b.SubMchID, OutTradeNo: b.OutTradeNo,
			TradeType: tt, TradeState: "NOTPAY", TradeStateDesc: "订单未支付", Attach: b.Attach, Payer: payer,
			Amount: map[string]any{"total": b.Amount.Total, "currency": "CNY"},
			total:  b.Amount.Total, prepayID: s.id("wx"), profitSharing: b.SettleInfo != nil && b.SettleInfo.ProfitSharing,
		}
		s.a.porders[k] = o
	}
	prepay := o.prepayID
	s.mu.Unlock()
	s.reply(w, r, http.StatusOK, prepayAnswer(tradeType, prepay))
}

func (s *Server) findPartnerOrderLocked(sub, outTradeNo, transactionID string) *partnerOrder {
	if outTradeNo != "" {
		return s.a.porders[key(sub, outTradeNo)]
	}
	for _, o := range s.a.porders {
		if o.SubMchID == sub && o.TransactionID != "" && o.TransactionID == transactionID {
			return o
		}
	}
	return nil
}

func (s *Server) servePartnerQuery(w http.ResponseWriter, r *http.Request, outTradeNo, transactionID string) {
	q := r.URL.Query()
	if q.Get("sp_mchid") != s.requestMchID(r) || q.Get("sub_mchid") == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "sp_mchid、sub_mchid必填")
		return
	}
	s.mu.Lock()
	o := s.findPartnerOrderLocked(q.Get("sub_mchid"), outTradeNo, transactionID)
	var out []byte
	if o != nil {
		out, _ = json.Marshal(o)
	}
	s.mu.Unlock()
	if o == nil {
		s.fail(w, r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
		return
	}
	s.replyRaw(w, r, out)
}

func (s *Server) servePartnerClose(w http.ResponseWriter, r *http.Request, body []byte, outTradeNo string) {
	var b struct {
		SpMchID  string `json:"sp_mchid"`
		SubMchID string `json:"sub_mchid"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	if b.SpMchID != s.requestMchID(r) || b.SubMchID == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "sp_mchid、sub_mchid必填")
		return
	}
	s.mu.Lock()
	o := s.a.porders[key(b.SubMchID, outTradeNo)]
	state := ""
	if o != nil {
		state = o.TradeState
		if state == "NOTPAY" {
			o.TradeState, o.TradeStateDesc = "CLOSED", "订单已关闭"
		}
	}
	s.mu.Unlock()
	switch {
	case o == nil:
		s.fail(w, r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
	case state == "SUCCESS" || state == "REFUND":
		s.fail(w, r, http.StatusBadRequest, "ORDERPAID", "订单已支付")
	default:
		s.reply(w, r, http.StatusNoContent, nil)
	}
}

// PayPartnerOrder simulates the user paying a sub-merchant order and
// returns the transaction as the partner payment notification carries it.
// An order placed with settle_info.profit_sharing has its amount frozen for
// profit sharing.
func (s *Server) PayPartnerOrder(subMchID, outTradeNo string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.a.porders[key(subMchID, outTradeNo)]
	if o == nil || (o.TradeState != "NOTPAY" && o.TradeState != "USERPAYING") {
		return nil, false
	}
	s.payPartnerLocked(subMchID, o)
	return toMap(o), true
}

// payPartnerLocked marks o, an order of sub, paid.
func (s *Server) payPartnerLocked(sub string, o *partnerOrder) {
	o.TradeState, o.TradeStateDesc = "SUCCESS", "支付成功"
	o.TransactionID = "4200" + strconv.FormatInt(3000000000+s.seq.Add(1), 10)
	o.BankType = "OTHERS"
	o.SuccessTime = time.Now().Format(time.RFC3339)
	o.Amount["payer_total"] = o.total
	o.Amount["payer_currency"] = "CNY"
	if o.profitSharing {
		s.freezeLocked(sub, o.TransactionID, o.total)
	}
}

func (s *Server) servePartnerRefund(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID      string `json:"sub_mchid"`
		TransactionID string `json:"transaction_id"`
		OutTradeNo    string `json:"out_trade_no"`
		OutRefundNo   string `json:"out_refund_no"`
		Amount        struct {
			Refund   int64  `json:"refund"`
			Total    int64  `json:"total"`
			Currency string `json:"currency"`
		} `json:"amount"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	if b.SubMchID == "" || b.OutRefundNo == "" || (b.TransactionID == "") == (b.OutTradeNo == "") || b.Amount.Currency != "CNY" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "sub_mchid、out_refund_no、amount必填，transaction_id与out_trade_no二选一")
		return
	}
	if !s.knownSub(w, r, b.SubMchID) {
		return
	}
	fp, _ := json.Marshal(b)
	k := key(b.SubMchID, b.OutRefundNo)
	s.mu.Lock()
	if ex := s.a.prefunds[k]; ex != nil {
		out, _ := json.Marshal(ex)
		same := s.a.fps["refund:"+k] == string(fp)
		s.mu.Unlock()
		if !same {
			s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商户退款单号重复，且与原退款内容不一致")
			return
		}
		s.replyRaw(w, r, out)
		return
	}
	o := s.findPartnerOrderLocked(b.SubMchID, b.OutTradeNo, b.TransactionID)
	var code, msg string
	if o == nil {
		code, msg = refundCheck(false, "", 0, 0, 0, 0)
	} else {
		code, msg = refundCheck(true, o.TradeState, o.total, o.refunded, b.Amount.Total, b.Amount.Refund)
	}
	if code != "" {
		s.mu.Unlock()
		s.failRefund(w, r, code, msg)
		return
	}
	s.a.fps["refund:"+k] = string(fp)
	o.refunded += b.Amount.Refund
	o.TradeState, o.TradeStateDesc = "REFUND", "转入退款"
	rf := s.newRefund(b.OutRefundNo, o.TransactionID, o.OutTradeNo, o.total, b.Amount.Refund)
	s.a.prefunds[k] = rf
	out, _ := json.Marshal(rf)
	s.mu.Unlock()
	s.replyRaw(w, r, out)
}

func (s *Server) servePartnerQueryRefund(w http.ResponseWriter, r *http.Request, outRefundNo string) {
	s.mu.Lock()
	rf := s.a.prefunds[key(r.URL.Query().Get("sub_mchid"), outRefundNo)]
	var out []byte
	if rf != nil {
		out, _ = json.Marshal(rf)
	}
	s.mu.Unlock()
	if rf == nil {
		s.fail(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "退款单不存在")
		return
	}
	s.replyRaw(w, r, out)
}

// SetPartnerRefundStatus moves a sub-merchant refund to status and returns
// the partner refund notification resource (with sp_mchid and sub_mchid).
func (s *Server) SetPartnerRefundStatus(subMchID, outRefundNo, status string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rf := s.a.prefunds[key(subMchID, outRefundNo)]
	if rf == nil {
		return nil, false
	}
	rf.Status = status
	if status == "SUCCESS" {
		rf.SuccessTime = time.Now().Format(time.RFC3339)
	}
	return map[string]any{
		"sp_mchid": s.Opts.MchID, "sub_mchid": subMchID, "out_trade_no": rf.OutTradeNo, "transaction_id": rf.TransactionID,
		"out_refund_no": rf.OutRefundNo, "refund_id": rf.RefundID, "refund_status": status,
		"success_time": rf.SuccessTime, "user_received_account": rf.UserReceivedAccount,
		"amount": map[string]any{"total": rf.Amount["total"], "refund": rf.Amount["refund"],
			"payer_total": rf.Amount["payer_total"], "payer_refund": rf.Amount["payer_refund"]},
	}, true
}
