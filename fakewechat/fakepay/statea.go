package fakepay

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// routes are v3 handlers tried, in order, before the built-in ones; a
// handler claims a request by returning true. API groups append theirs in
// init functions.
var routes []func(s *Server, w http.ResponseWriter, r *http.Request, body []byte) bool

// DefaultSubMchID is the sub-merchant every fake server knows (partner
// mode); AddSubMerchant registers more.
const DefaultSubMchID = "1900000110"

// DefaultTransferBalance is the balance (fen) transfers are paid from, per
// payer (the merchant, or each sub-merchant), until SetTransferBalance.
const DefaultTransferBalance = 10_000_000

// stateA keeps transfers, partner orders and profit sharing. Guarded by
// Server.mu.
type stateA struct {
	balance   map[string]int64 // by payer: "" (merchant) or sub_mchid
	subs      map[string]bool
	ratios    map[string]int64
	bills     map[string]*transferBill // by key(sub, out_bill_no)
	receipts  map[string]*elecsign     // by key(sub, out_bill_no)
	batches   map[string]*batch        // by out_batch_no
	sigs      map[string]*signature    // batch and detail receipts, by their key
	files     map[string][]byte        // downloadable receipts, by token
	porders   map[string]*partnerOrder // by key(sub, out_trade_no)
	prefunds  map[string]*Refund       // by key(sub, out_refund_no)
	frozen    map[string]*frozenTx     // by transaction_id
	receivers map[string]bool          // by key(sub, type+"|"+account)
	psOrders  map[string]*psOrder      // by key(sub, out_order_no)
	psReturns map[string]*psReturn     // by key(sub, out_return_no)
	fps       map[string]string        // request fingerprints, to tell a retry from a conflicting duplicate
}

func newStateA() *stateA {
	return &stateA{
		balance: map[string]int64{}, subs: map[string]bool{DefaultSubMchID: true}, ratios: map[string]int64{},
		bills: map[string]*transferBill{}, receipts: map[string]*elecsign{}, batches: map[string]*batch{},
		sigs: map[string]*signature{}, files: map[string][]byte{}, porders: map[string]*partnerOrder{},
		prefunds: map[string]*Refund{}, frozen: map[string]*frozenTx{}, receivers: map[string]bool{},
		psOrders: map[string]*psOrder{}, psReturns: map[string]*psReturn{}, fps: map[string]string{},
	}
}

func key(sub, no string) string { return sub + "/" + no }

// AddSubMerchant registers a sub-merchant of the service provider.
func (s *Server) AddSubMerchant(subMchID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.a.subs[subMchID] = true
}

// SetTransferBalance sets the balance (fen) transfers of payer are paid
// from: "" for the merchant, a sub_mchid for partner transfers.
func (s *Server) SetTransferBalance(payer string, fen int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.a.balance[payer] = fen
}

// TransferBalance returns the balance (fen) of payer.
func (s *Server) TransferBalance(payer string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.balanceLocked(payer)
}

func (s *Server) balanceLocked(payer string) int64 {
	b, ok := s.a.balance[payer]
	if !ok {
		b = DefaultTransferBalance
		s.a.balance[payer] = b
	}
	return b
}

// now3339 is the current time as WeChat Pay writes it.
func now3339() string { return time.Now().Format("2006-01-02T15:04:05-07:00") }

// decodeJSON decodes body into v or answers 400 PARAM_ERROR.
func (s *Server) decodeJSON(w http.ResponseWriter, r *http.Request, body []byte, v any) bool {
	if err := json.Unmarshal(body, v); err != nil {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "请求体不是合法的JSON: "+err.Error())
		return false
	}
	return true
}

// replyJSON answers 200 with v rendered under the lock by the caller.
func (s *Server) replyRaw(w http.ResponseWriter, r *http.Request, b []byte) {
	s.reply(w, r, http.StatusOK, json.RawMessage(b))
}

// sensitive decrypts an encrypted request field: the request must carry
// Wechatpay-Serial naming a key of this server. It answers 400 PARAM_ERROR
// itself when it cannot.
func (s *Server) sensitive(w http.ResponseWriter, r *http.Request, field, ct string) (string, bool) {
	serial := r.Header.Get("Wechatpay-Serial")
	if serial == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "请求包含加密字段"+field+"，HTTP头Wechatpay-Serial必填")
		return "", false
	}
	pt, ok := s.decryptSensitive(serial, ct)
	if !ok {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", field+"解密失败，请使用微信支付公钥或平台证书加密 (Wechatpay-Serial "+serial+")")
		return "", false
	}
	return pt, true
}

// addFile stores a downloadable receipt and returns its hash_type,
// hash_value (SHA256) and download_url.
func (s *Server) addFileLocked(content []byte) (string, string, string) {
	token := nonceHex()
	s.a.files[token] = content
	sum := sha256.Sum256(content)
	return "SHA256", hex.EncodeToString(sum[:]), s.URL + "/v3/transferdownload/signfile?token=" + token
}

func init() {
	routes = append(routes, func(s *Server, w http.ResponseWriter, r *http.Request, _ []byte) bool {
		if r.Method != http.MethodGet || r.URL.Path != "/v3/transferdownload/signfile" {
			return false
		}
		s.mu.Lock()
		content, ok := s.a.files[r.URL.Query().Get("token")]
		s.mu.Unlock()
		if !ok {
			s.fail(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "文件不存在或已过期")
			return true
		}
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write(content)
		return true
	})
}

// alnum reports whether v is 1..n ASCII letters or digits.
func alnum(v string, n int) bool {
	if v == "" || len(v) > n {
		return false
	}
	return strings.IndexFunc(v, func(c rune) bool {
		return !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
	}) < 0
}

// toMap renders v as the generic map notifications carry.
func toMap(v any) map[string]any {
	b, _ := json.Marshal(v)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return m
}

// sealForMerchant encrypts a sensitive field of an answer with the merchant
// certificate (RSA-OAEP, SHA-1), as WeChat Pay returns names.
func (s *Server) sealForMerchant(pt string) string {
	ct, err := rsa.EncryptOAEP(sha1.New(), rand.Reader, &s.Keys.Merchant.Key.PublicKey, []byte(pt), nil)
	if err != nil {
		panic(err)
	}
	return base64.StdEncoding.EncodeToString(ct)
}
