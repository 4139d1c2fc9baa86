package fakepay

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// v2sign is the fake's own implementation of the v2 XML signature.
func v2sign(m map[string]string, key, signType string) string {
	var ks []string
	for k, v := range m {
		if k != "sign" && v != "" {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	var parts []string
	for _, k := range ks {
		parts = append(parts, k+"="+m[k])
	}
	s := strings.Join(parts, "&") + "&key=" + key
	if signType == "HMAC-SHA256" {
		h := hmac.New(sha256.New, []byte(key))
		h.Write([]byte(s))
		return strings.ToUpper(hex.EncodeToString(h.Sum(nil)))
	}
	sum := md5.Sum([]byte(s))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

func parseXML(b []byte) (map[string]string, error) {
	var doc struct {
		Fields []struct {
			XMLName xml.Name
			Value   string `xml:",chardata"`
		} `xml:",any"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, f := range doc.Fields {
		m[f.XMLName.Local] = f.Value
	}
	return m, nil
}

func writeXML(w http.ResponseWriter, m map[string]string) {
	var b bytes.Buffer
	b.WriteString("<xml>")
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		b.WriteString("<" + k + "><![CDATA[" + m[k] + "]]></" + k + ">")
	}
	b.WriteString("</xml>")
	w.Header().Set("Content-Type", "text/xml")
	_, _ = w.Write(b.Bytes())
}

func (s *Server) serveV2(w http.ResponseWriter, r *http.Request, body []byte) {
	m, err := parseXML(body)
	if err != nil {
		writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "XML格式错误"})
		return
	}
	signType := m["sign_type"]
	mch := s.merchants[m["mch_id"]]
	if m["mch_id"] == "" { // the legacy transfers name it mchid
		mch = s.merchants[m["mchid"]]
	}
	if mch == nil || mch.APIv2Key == "" || m["nonce_str"] == "" || v2sign(m, mch.APIv2Key, signType) != m["sign"] {
		writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "签名错误"})
		return
	}
	signed := func(out map[string]string) {
		out["return_code"], out["return_msg"] = "SUCCESS", "OK"
		out["mch_id"], out["nonce_str"] = mch.MchID, nonceHex()
		if m["appid"] != "" {
			out["appid"] = m["appid"]
		}
		out["sign"] = v2sign(out, mch.APIv2Key, signType)
		writeXML(w, out)
	}
	switch r.URL.Path {
	default:
		s.serveMkt(w, r, m, mch)
	case "/xdc/apiv2getsignkey/sign/getsignkey":
		sum := md5.Sum([]byte(mch.MchID + mch.APIv2Key))
		writeXML(w, map[string]string{"return_code": "SUCCESS", "return_msg": "ok", "mch_id": mch.MchID,
			"sandbox_signkey": strings.ToUpper(hex.EncodeToString(sum[:]))})
	case "/pay/micropay":
		total, err := strconv.ParseInt(m["total_fee"], 10, 64)
		if m["appid"] == "" || m["body"] == "" || m["out_trade_no"] == "" || m["auth_code"] == "" || err != nil || total <= 0 {
			signed(map[string]string{"result_code": "FAIL", "err_code": "PARAM_ERROR", "err_code_des": "参数错误"})
			return
		}
		if m["auth_code"] == "USERPAYING" {
			signed(map[string]string{"result_code": "FAIL", "err_code": "USERPAYING", "err_code_des": "需要用户输入支付密码"})
			return
		}
		o := &Order{AppID: m["appid"], MchID: mch.MchID, OutTradeNo: m["out_trade_no"], TradeType: "MICROPAY",
			TradeState: "SUCCESS", TradeStateDesc: "支付成功", BankType: "CMC",
			TransactionID: "4200" + strconv.FormatInt(3000000000+s.seq.Add(1), 10),
			SuccessTime:   time.Now().Format(time.RFC3339),
			Payer:         map[string]any{"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
			Amount:        map[string]any{"total": total, "payer_total": total, "currency": "CNY", "payer_currency": "CNY"},
			total:         total}
		s.mu.Lock()
		s.orders[o.OutTradeNo] = o
		s.mu.Unlock()
		signed(map[string]string{"result_code": "SUCCESS", "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "is_subscribe": "N",
			"trade_type": "MICROPAY", "bank_type": "CMC", "fee_type": "CNY", "total_fee": m["total_fee"],
			"cash_fee": m["total_fee"], "transaction_id": o.TransactionID, "out_trade_no": o.OutTradeNo,
			"time_end": time.Now().Format("20060102150405")})
	case "/secapi/pay/reverse":
		if checkClientCert(r, mch) != nil {
			writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "证书错误: client certificate required"})
			return
		}
		s.mu.Lock()
		o := s.findOrder(m["out_trade_no"], m["transaction_id"])
		if o != nil {
			o.TradeState, o.TradeStateDesc = "REVOKED", "已撤销"
		}
		s.mu.Unlock()
		if o == nil {
			signed(map[string]string{"result_code": "FAIL", "err_code": "ORDERNOTEXIST", "err_code_des": "订单不存在", "recall": "N"})
			return
		}
		signed(map[string]string{"result_code": "SUCCESS", "recall": "N"})
	}
}

// Key chooses the signing key of a notification.
type Key int

const (
	// KeyDefault follows the server mode (public key in ModePublicKey,
	// platform certificate otherwise).
	KeyDefault Key = iota
	// KeyCertificate signs with the current platform certificate.
	KeyCertificate
	// KeyPublicKey signs with the WeChat Pay public key.
	KeyPublicKey
)

// BuildNotification returns the headers and body of a signed notification
// whose resource (JSON-encoded) is encrypted with the API v3 key.
func (s *Server) BuildNotification(eventType string, resource any, key Key) (http.Header, []byte, error) {
	pt, err := json.Marshal(resource)
	if err != nil {
		return nil, nil, err
	}
	originalType := "transaction"
	switch {
	case strings.HasPrefix(eventType, "REFUND."):
		originalType = "refund"
	case strings.HasPrefix(eventType, "MCHTRANSFER."):
		originalType = "mch_payment"
	case strings.HasPrefix(eventType, "PROFITSHARING."):
		originalType = "profitsharing"
	}
	nonce, ct := encryptResourceWith(s.apiV3KeyOf(resource), pt, originalType)
	env := map[string]any{
		"id":            "EV-" + nonceHex(),
		"create_time":   time.Now().Format(time.RFC3339),
		"resource_type": "encrypt-resource",
		"event_type":    eventType,
		"summary":       "通知",
		"resource": map[string]string{
			"original_type": originalType, "algorithm": "AEAD_AES_256_GCM",
			"ciphertext": ct, "associated_data": originalType, "nonce": nonce,
		},
	}
	body, _ := json.Marshal(env)
	h := s.SignBody(body, key)
	h.Set("Content-Type", "application/json")
	return h, body, nil
}

// SignBody signs an arbitrary body as a notification would be (fuzzing and
// negative tests).
func (s *Server) SignBody(body []byte, key Key) http.Header {
	s.mu.Lock()
	plat := s.platforms[len(s.platforms)-1]
	s.mu.Unlock()
	sg := Signer{Serial: plat.Serial, Key: plat.Key}
	if key == KeyPublicKey || (key == KeyDefault && s.Opts.Mode == ModePublicKey) {
		sg = Signer{Serial: PublicKeyID, Key: s.Keys.PublicKey.Key}
	}
	return sign(sg, s.clock(), body)
}

// SendNotification POSTs a signed, encrypted notification to url with hc
// (nil: http.DefaultClient) and returns the status and body of the answer.
func (s *Server) SendNotification(ctx context.Context, hc *http.Client, url, eventType string, resource any, key Key) (int, []byte, error) {
	h, body, err := s.BuildNotification(eventType, resource, key)
	if err != nil {
		return 0, nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header = h
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("fakepay: sending notification: %w", err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, out, nil
}
