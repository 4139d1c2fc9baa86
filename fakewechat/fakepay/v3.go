package fakepay

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Order is an order kept by the fake, rendered like a WeChat Pay transaction.
type Order struct {
	AppID          string         `json:"appid"`
	MchID          string         `json:"mchid"`
	OutTradeNo     string         `json:"out_trade_no"`
	TransactionID  string         `json:"transaction_id,omitempty"`
	TradeType      string         `json:"trade_type,omitempty"`
	TradeState     string         `json:"trade_state"`
	TradeStateDesc string         `json:"trade_state_desc"`
	BankType       string         `json:"bank_type,omitempty"`
	Attach         string         `json:"attach"`
	SuccessTime    string         `json:"success_time,omitempty"`
	Payer          map[string]any `json:"payer"`
	Amount         map[string]any `json:"amount"`

	total     int64
	prepayID  string
	notifyURL string
	refunded  int64
	combine   string
	// profitSharing: paid with settle_info.profit_sharing, so the amount is
	// frozen for profit sharing once paid.
	profitSharing bool
}

// Refund is a refund kept by the fake.
type Refund struct {
	RefundID            string         `json:"refund_id"`
	OutRefundNo         string         `json:"out_refund_no"`
	TransactionID       string         `json:"transaction_id"`
	OutTradeNo          string         `json:"out_trade_no"`
	Channel             string         `json:"channel"`
	UserReceivedAccount string         `json:"user_received_account"`
	SuccessTime         string         `json:"success_time,omitempty"`
	CreateTime          string         `json:"create_time"`
	Status              string         `json:"status"`
	FundsAccount        string         `json:"funds_account"`
	Amount              map[string]any `json:"amount"`
}

type prepayBody struct {
	AppID       string `json:"appid"`
	MchID       string `json:"mchid"`
	Description string `json:"description"`
	OutTradeNo  string `json:"out_trade_no"`
	NotifyURL   string `json:"notify_url"`
	Attach      string `json:"attach"`
	Amount      struct {
		Total    int64  `json:"total"`
		Currency string `json:"currency"`
	} `json:"amount"`
	Payer *struct {
		OpenID string `json:"openid"`
	} `json:"payer"`
	SceneInfo *struct {
		PayerClientIP string          `json:"payer_client_ip"`
		H5Info        json.RawMessage `json:"h5_info"`
	} `json:"scene_info"`
	SettleInfo *struct {
		ProfitSharing bool `json:"profit_sharing"`
	} `json:"settle_info"`
}

func (s *Server) id(prefix string) string {
	return prefix + time.Now().Format("20060102") + strconv.FormatInt(1000000000+s.seq.Add(1), 10)
}

func (s *Server) serveV3(w http.ResponseWriter, r *http.Request, body []byte) {
	for _, h := range routes {
		if h(s, w, r, body) {
			return
		}
	}
	p := r.URL.Path
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch {
	case get && p == "/v3/certificates":
		s.serveCertificates(w, r)
	case post && strings.HasPrefix(p, "/v3/pay/transactions/") && !strings.Contains(p[len("/v3/pay/transactions/"):], "/"):
		s.servePrepay(w, r, body, strings.ToUpper(p[len("/v3/pay/transactions/"):]))
	case get && strings.HasPrefix(p, "/v3/pay/transactions/id/"):
		s.serveQuery(w, r, "", strings.TrimPrefix(p, "/v3/pay/transactions/id/"))
	case post && strings.HasPrefix(p, "/v3/pay/transactions/out-trade-no/") && strings.HasSuffix(p, "/close"):
		s.serveClose(w, r, body, strings.TrimSuffix(strings.TrimPrefix(p, "/v3/pay/transactions/out-trade-no/"), "/close"))
	case get && strings.HasPrefix(p, "/v3/pay/transactions/out-trade-no/"):
		s.serveQuery(w, r, strings.TrimPrefix(p, "/v3/pay/transactions/out-trade-no/"), "")
	case post && p == "/v3/refund/domestic/refunds":
		s.serveRefund(w, r, body)
	case post && strings.HasPrefix(p, "/v3/refund/domestic/refunds/") && strings.HasSuffix(p, "/apply-abnormal-refund"):
		s.serveAbnormal(w, r, body, strings.TrimSuffix(strings.TrimPrefix(p, "/v3/refund/domestic/refunds/"), "/apply-abnormal-refund"))
	case get && strings.HasPrefix(p, "/v3/refund/domestic/refunds/"):
		s.serveQueryRefund(w, r, strings.TrimPrefix(p, "/v3/refund/domestic/refunds/"))
	case get && (p == "/v3/bill/tradebill" || p == "/v3/bill/fundflowbill"):
		q := r.URL.Query()
		if q.Get("bill_date") == "" {
			s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "bill_date is required")
			return
		}
		v, ok := s.billResponse(r, q.Get("bill_date"), q.Get("tar_type"))
		if !ok {
			s.fail(w, r, http.StatusBadRequest, "NO_STATEMENT_EXIST", "the bill does not exist")
			return
		}
		s.reply(w, r, http.StatusOK, v)
	case get && p == "/v3/billdownload/file":
		s.serveDownload(w, r)
	default:
		s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "no such API "+r.Method+" "+p)
	}
}

func (s *Server) serveCertificates(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	plats := append([]KeyPair(nil), s.platforms...)
	s.mu.Unlock()
	var data []map[string]any
	for _, kp := range plats {
		nonce, ct := encryptResourceWith(s.requestMerchant(r).APIv3Key, kp.CertPEM, "certificate")
		data = append(data, map[string]any{
			"serial_no":      kp.Serial,
			"effective_time": kp.Cert.NotBefore.Format(time.RFC3339),
			"expire_time":    kp.Cert.NotAfter.Format(time.RFC3339),
			"encrypt_certificate": map[string]string{
				"algorithm": "AEAD_AES_256_GCM", "nonce": nonce, "associated_data": "certificate", "ciphertext": ct,
			},
		})
	}
	s.reply(w, r, http.StatusOK, map[string]any{"data": data})
}

func (s *Server) servePrepay(w http.ResponseWriter, r *http.Request, body []byte, tradeType string) {
	var b prepayBody
	if err := json.Unmarshal(body, &b); err != nil {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "body is not JSON")
		return
	}
	switch {
	case b.AppID == "" || b.Description == "" || b.OutTradeNo == "" || b.NotifyURL == "":
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "missing required parameter")
		return
	case b.MchID != s.requestMchID(r):
		s.fail(w, r, http.StatusBadRequest, "MCH_NOT_EXISTS", "mchid mismatch")
		return
	case b.Amount.Total <= 0:
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "amount.total must be positive")
		return
	case tradeType == "JSAPI" && (b.Payer == nil || b.Payer.OpenID == ""):
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "payer.openid is required")
		return
	case tradeType == "H5" && (b.SceneInfo == nil || len(b.SceneInfo.H5Info) == 0):
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "scene_info.h5_info is required")
		return
	}
	s.mu.Lock()
	o, exists := s.orders[b.OutTradeNo]
	if exists && o.TradeState != "NOTPAY" {
		s.mu.Unlock()
		s.fail(w, r, http.StatusBadRequest, "ORDERPAID", "order is "+o.TradeState)
		return
	}
	if !exists {
		openid := ""
		if b.Payer != nil {
			openid = b.Payer.OpenID
		}
		if tradeType == "H5" {
			tradeType = "MWEB"
		}
		o = &Order{
			AppID: b.AppID, MchID: b.MchID, OutTradeNo: b.OutTradeNo, TradeType: tradeType,
			TradeState: "NOTPAY", TradeStateDesc: "订单未支付", Attach: b.Attach,
			Payer:  map[string]any{"openid": openid},
			Amount: map[string]any{"total": b.Amount.Total, "currency": "CNY"},
			total:  b.Amount.Total, prepayID: s.id("wx"), notifyURL: b.NotifyURL,
			profitSharing: b.SettleInfo != nil && b.SettleInfo.ProfitSharing,
		}
		s.orders[b.OutTradeNo] = o
	}
	prepay := o.prepayID
	s.mu.Unlock()
	s.reply(w, r, http.StatusOK, prepayAnswer(tradeType, prepay))
}

func (s *Server) findOrder(outTradeNo, transactionID string) *Order {
	if outTradeNo != "" {
		return s.orders[outTradeNo]
	}
	for _, o := range s.orders {
		if o.TransactionID != "" && o.TransactionID == transactionID {
			return o
		}
	}
	return nil
}

func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request, outTradeNo, transactionID string) {
	if r.URL.Query().Get("mchid") != s.requestMchID(r) {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "mchid is required")
		return
	}
	s.mu.Lock()
	o := s.findOrder(outTradeNo, transactionID)
	var out []byte
	if o != nil {
		out, _ = json.Marshal(o)
	}
	s.mu.Unlock()
	if o == nil {
		s.fail(w, r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
		return
	}
	s.reply(w, r, http.StatusOK, json.RawMessage(out))
}

func (s *Server) serveClose(w http.ResponseWriter, r *http.Request, body []byte, outTradeNo string) {
	var b struct {
		MchID string `json:"mchid"`
	}
	if json.Unmarshal(body, &b) != nil || b.MchID != s.requestMchID(r) {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "mchid is required")
		return
	}
	s.mu.Lock()
	o := s.orders[outTradeNo]
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

// PayOrder simulates the user paying outTradeNo (NOTPAY, or a USERPAYING
// code payment) and returns the transaction as WeChat Pay would put it in
// the notification.
func (s *Server) PayOrder(outTradeNo string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.orders[outTradeNo]
	if o == nil || (o.TradeState != "NOTPAY" && o.TradeState != "USERPAYING") {
		return nil, false
	}
	s.payLocked(o)
	b, _ := json.Marshal(o)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return m, true
}

// payLocked marks o paid.
func (s *Server) payLocked(o *Order) {
	o.TradeState, o.TradeStateDesc = "SUCCESS", "支付成功"
	o.TransactionID = "4200" + strconv.FormatInt(3000000000+s.seq.Add(1), 10)
	o.BankType = "OTHERS"
	o.SuccessTime = time.Now().Format(time.RFC3339)
	o.Amount["payer_total"] = o.total
	o.Amount["payer_currency"] = "CNY"
	if o.profitSharing {
		s.freezeLocked("", o.TransactionID, o.total)
	}
}

func (s *Server) serveRefund(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		TransactionID string `json:"transaction_id"`
		OutTradeNo    string `json:"out_trade_no"`
		OutRefundNo   string `json:"out_refund_no"`
		Amount        struct {
			Refund   int64  `json:"refund"`
			Total    int64  `json:"total"`
			Currency string `json:"currency"`
		} `json:"amount"`
	}
	if json.Unmarshal(body, &b) != nil || b.OutRefundNo == "" || (b.TransactionID == "" && b.OutTradeNo == "") || b.Amount.Currency != "CNY" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "missing required parameter")
		return
	}
	s.mu.Lock()
	if ex := s.refunds[b.OutRefundNo]; ex != nil {
		out, _ := json.Marshal(ex)
		s.mu.Unlock()
		s.reply(w, r, http.StatusOK, json.RawMessage(out))
		return
	}
	o := s.findOrder(b.OutTradeNo, b.TransactionID)
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
	o.refunded += b.Amount.Refund
	o.TradeState, o.TradeStateDesc = "REFUND", "转入退款"
	rf := s.newRefund(b.OutRefundNo, o.TransactionID, o.OutTradeNo, o.total, b.Amount.Refund)
	s.refunds[b.OutRefundNo] = rf
	out, _ := json.Marshal(rf)
	s.mu.Unlock()
	s.reply(w, r, http.StatusOK, json.RawMessage(out))
}

// refundCheck returns the error WeChat Pay answers to refunding refund fen
// of an order (found, in state, of total fen, refunded so far) whose total
// the request gives as reqTotal; "" when the refund is accepted.
func refundCheck(found bool, state string, total, refunded, reqTotal, refund int64) (code, msg string) {
	switch {
	case !found:
		return "RESOURCE_NOT_EXISTS", "订单不存在"
	case state != "SUCCESS" && state != "REFUND":
		return "INVALID_REQUEST", "订单未支付"
	case reqTotal != total:
		return "INVALID_REQUEST", "订单金额不一致"
	case refund <= 0 || refunded+refund > total:
		return "INVALID_REQUEST", "退款金额超过订单可退金额"
	}
	return "", ""
}

func (s *Server) failRefund(w http.ResponseWriter, r *http.Request, code, msg string) {
	status := http.StatusBadRequest
	if code == "RESOURCE_NOT_EXISTS" {
		status = http.StatusNotFound
	}
	s.fail(w, r, status, code, msg)
}

// newRefund returns a PROCESSING refund of refund fen of an order.
func (s *Server) newRefund(outRefundNo, transactionID, outTradeNo string, total, refund int64) *Refund {
	return &Refund{
		RefundID: "5030" + strconv.FormatInt(3000000000+s.seq.Add(1), 10), OutRefundNo: outRefundNo,
		TransactionID: transactionID, OutTradeNo: outTradeNo, Channel: "ORIGINAL",
		UserReceivedAccount: "支付用户零钱", CreateTime: time.Now().Format(time.RFC3339), Status: "PROCESSING",
		FundsAccount: "AVAILABLE",
		Amount: map[string]any{"total": total, "refund": refund, "payer_total": total,
			"payer_refund": refund, "settlement_refund": refund, "settlement_total": total,
			"discount_refund": 0, "currency": "CNY"},
	}
}

// SetRefundStatus moves a refund to status (SUCCESS, ABNORMAL, CLOSED) and
// returns it as the refund notification resource.
func (s *Server) SetRefundStatus(outRefundNo, status string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rf := s.refunds[outRefundNo]
	if rf == nil {
		return nil, false
	}
	rf.Status = status
	if status == "SUCCESS" {
		rf.SuccessTime = time.Now().Format(time.RFC3339)
	}
	mchID := s.Opts.MchID
	if o := s.orders[rf.OutTradeNo]; o != nil {
		mchID = o.MchID
	}
	return map[string]any{
		"mchid": mchID, "out_trade_no": rf.OutTradeNo, "transaction_id": rf.TransactionID,
		"out_refund_no": rf.OutRefundNo, "refund_id": rf.RefundID, "refund_status": status,
		"success_time": rf.SuccessTime, "user_received_account": rf.UserReceivedAccount,
		"amount": map[string]any{"total": rf.Amount["total"], "refund": rf.Amount["refund"],
			"payer_total": rf.Amount["payer_total"], "payer_refund": rf.Amount["payer_refund"]},
	}, true
}

func (s *Server) serveQueryRefund(w http.ResponseWriter, r *http.Request, outRefundNo string) {
	s.mu.Lock()
	rf := s.refunds[outRefundNo]
	var out []byte
	if rf != nil {
		out, _ = json.Marshal(rf)
	}
	s.mu.Unlock()
	if rf == nil {
		s.fail(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "退款单不存在")
		return
	}
	s.reply(w, r, http.StatusOK, json.RawMessage(out))
}

// AbnormalRefundFields returns the decrypted bank_account and real_name
// received for refundID (to check client-side encryption).
func (s *Server) AbnormalRefundFields(refundID string) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.abnormal[refundID]
}

// decryptSensitive opens an RSA-OAEP(SHA-1) field with the key named by serial.
func (s *Server) decryptSensitive(serial, ct string) (string, bool) {
	var key *rsa.PrivateKey
	switch serial {
	case PublicKeyID:
		key = s.Keys.PublicKey.Key
	case s.Keys.Platform.Serial:
		key = s.Keys.Platform.Key
	case s.Keys.Platform2.Serial:
		key = s.Keys.Platform2.Key
	default:
		return "", false
	}
	raw, err := base64.StdEncoding.DecodeString(ct)
	if err != nil {
		return "", false
	}
	pt, err := rsa.DecryptOAEP(sha1.New(), rand.Reader, key, raw, nil)
	if err != nil {
		return "", false
	}
	return string(pt), true
}

func (s *Server) serveAbnormal(w http.ResponseWriter, r *http.Request, body []byte, refundID string) {
	var b struct {
		OutRefundNo string `json:"out_refund_no"`
		Type        string `json:"type"`
		BankType    string `json:"bank_type"`
		BankAccount string `json:"bank_account"`
		RealName    string `json:"real_name"`
	}
	if json.Unmarshal(body, &b) != nil || b.OutRefundNo == "" || b.Type == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "missing required parameter")
		return
	}
	fields := map[string]string{}
	if b.Type == "USER_BANK_CARD" {
		serial := r.Header.Get("Wechatpay-Serial")
		acct, ok1 := s.decryptSensitive(serial, b.BankAccount)
		name, ok2 := s.decryptSensitive(serial, b.RealName)
		if !ok1 || !ok2 {
			s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "敏感信息解密失败 (Wechatpay-Serial "+serial+")")
			return
		}
		fields["bank_account"], fields["real_name"] = acct, name
	}
	s.mu.Lock()
	rf := s.refunds[b.OutRefundNo]
	if rf == nil || rf.RefundID != refundID {
		s.mu.Unlock()
		s.fail(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "退款单不存在")
		return
	}
	if rf.Status != "ABNORMAL" {
		s.mu.Unlock()
		s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "退款单状态不是ABNORMAL")
		return
	}
	rf.Status = "PROCESSING"
	s.abnormal[refundID] = fields
	out, _ := json.Marshal(rf)
	s.mu.Unlock()
	s.reply(w, r, http.StatusOK, json.RawMessage(out))
}
