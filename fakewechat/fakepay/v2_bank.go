// # Bank card payments (v2)
//
// 企业付款到银行卡 (v2_bank.go): /risk/getpublickey, /mmpaysptrans/pay_bank
// and /mmpaysptrans/query_bank, MD5 signed, with the merchant certificate.
// Rules, as WeChat Pay states them:
//
//   - getpublickey answers pub_key, the PKCS#1 PEM of the fake's bank key
//     (the key of TestKeys().Platform2, not the v3 WeChat Pay public key).
//   - pay_bank needs partner_trade_no (8 to 32 letters and digits),
//     enc_bank_no and enc_true_name (RSA-OAEP SHA-1 under that key,
//     base64), bank_code from the docs' bank list and a positive amount;
//     desc is at most 100 characters: PARAM_ERROR. The fee (cmms_amt) is
//     0.1% of the amount, 100 to 2500 fen; amount and fee are paid from the
//     merchant's transfer balance (SetTransferBalance): NOTENOUGH. The same
//     partner_trade_no with the same content answers the first payment
//     again, other content PARAM_ERROR.
//   - A payment is PROCESSING until SetBankTransferStatus: SUCCESS,
//     FAILED (amount and fee go back to the balance) or, after SUCCESS,
//     BANK_FAIL (refunded too). query_bank answers NOT_FOUND for an unknown
//     partner_trade_no, and the MD5 of the decrypted account and name.
package fakepay

import (
	"crypto/md5"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

func init() {
	v2Routes["/risk/getpublickey"] = v2Route{h: (*Server).v2BankKey, cert: true}
	v2Routes["/mmpaysptrans/pay_bank"] = v2Route{h: (*Server).v2PayBank, cert: true}
	v2Routes["/mmpaysptrans/query_bank"] = v2Route{h: (*Server).v2QueryBank, cert: true}
}

// v2BankCodes are the banks of the docs' bank list (银行编号列表).
var v2BankCodes = map[string]bool{"1002": true, "1005": true, "1026": true, "1003": true, "1001": true, "1066": true,
	"1020": true, "1004": true, "1006": true, "1009": true, "1010": true, "1021": true, "1025": true, "1027": true,
	"1022": true, "4836": true, "1056": true}

// bankTransfer is a bank card payment; it is kept JSON-encoded in
// stateA.fps under "v2bank:" + mch_id + "/" + partner_trade_no.
type bankTransfer struct {
	FP          string `json:"fp"`
	PaymentNo   string `json:"payment_no"`
	BankNoMD5   string `json:"bank_no_md5"`
	TrueNameMD5 string `json:"true_name_md5"`
	Amount      int64  `json:"amount"`
	Fee         int64  `json:"cmms_amt"`
	Status      string `json:"status"`
	CreateTime  string `json:"create_time"`
	PaySuccTime string `json:"pay_succ_time"`
	Reason      string `json:"reason"`
}

func (s *Server) bankLocked(mchID, no string) *bankTransfer {
	raw := s.a.fps["v2bank:"+mchID+"/"+no]
	if raw == "" {
		return nil
	}
	var b bankTransfer
	_ = json.Unmarshal([]byte(raw), &b)
	return &b
}

func (s *Server) putBankLocked(mchID, no string, b *bankTransfer) {
	raw, _ := json.Marshal(b)
	s.a.fps["v2bank:"+mchID+"/"+no] = string(raw)
}

func (s *Server) v2BankKey(c *v2Call) {
	key := pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&s.Keys.Platform2.Key.PublicKey)})
	c.ok(map[string]string{"pub_key": string(key)})
}

func md5Upper(v string) string {
	sum := md5.Sum([]byte(v))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

func (s *Server) v2PayBank(c *v2Call) {
	m := c.m
	if c.missing("PARAM_ERROR", "partner_trade_no", "enc_bank_no", "enc_true_name", "bank_code", "amount") {
		return
	}
	no := m["partner_trade_no"]
	amount, err := strconv.ParseInt(m["amount"], 10, 64)
	bankNo, ok1 := s.decryptSensitive(s.Keys.Platform2.Serial, m["enc_bank_no"])
	name, ok2 := s.decryptSensitive(s.Keys.Platform2.Serial, m["enc_true_name"])
	switch {
	case len(no) < 8 || !alnum(no, 32):
		c.fail("PARAM_ERROR", "partner_trade_no参数错误: 8-32位数字或字母")
		return
	case !ok1 || !ok2 || bankNo == "" || name == "":
		c.fail("PARAM_ERROR", "enc_bank_no或enc_true_name解密失败，请使用getpublickey返回的公钥RSA加密")
		return
	case !v2BankCodes[m["bank_code"]]:
		c.fail("PARAM_ERROR", "bank_code参数错误")
		return
	case err != nil || amount <= 0:
		c.fail("PARAM_ERROR", "amount参数错误")
		return
	case utf8.RuneCountInString(m["desc"]) > 100:
		c.fail("PARAM_ERROR", "desc超过100个字符")
		return
	}
	fp := fingerprint(map[string]string{"bank": md5Upper(bankNo), "name": md5Upper(name), "code": m["bank_code"],
		"amount": m["amount"], "desc": m["desc"]}, "bank", "name", "code", "amount", "desc")
	fee := min(max(amount/1000, 100), 2500)
	s.mu.Lock()
	b := s.bankLocked(c.mch.MchID, no)
	switch {
	case b != nil && b.FP != fp:
		s.mu.Unlock()
		c.fail("PARAM_ERROR", "商户订单号重复且参数不一致")
		return
	case b == nil && amount+fee > s.balanceLocked(""):
		s.mu.Unlock()
		c.fail("NOTENOUGH", "余额不足")
		return
	case b == nil:
		s.a.balance[""] = s.balanceLocked("") - amount - fee
		b = &bankTransfer{FP: fp, PaymentNo: "1000" + time.Now().Format("20060102") + strconv.FormatInt(5000000000+s.seq.Add(1), 10),
			BankNoMD5: md5Upper(bankNo), TrueNameMD5: md5Upper(name), Amount: amount, Fee: fee, Status: "PROCESSING",
			CreateTime: time.Now().Format(time.DateTime)}
		s.putBankLocked(c.mch.MchID, no, b)
	}
	s.mu.Unlock()
	c.ok(map[string]string{"partner_trade_no": no, "amount": strconv.FormatInt(b.Amount, 10), "payment_no": b.PaymentNo,
		"cmms_amt": strconv.FormatInt(b.Fee, 10)})
}

func (s *Server) v2QueryBank(c *v2Call) {
	if c.missing("PARAM_ERROR", "partner_trade_no") {
		return
	}
	s.mu.Lock()
	b := s.bankLocked(c.mch.MchID, c.m["partner_trade_no"])
	s.mu.Unlock()
	if b == nil {
		c.fail("NOT_FOUND", "数据不存在")
		return
	}
	c.ok(map[string]string{"partner_trade_no": c.m["partner_trade_no"], "payment_no": b.PaymentNo, "bank_no_md5": b.BankNoMD5,
		"true_name_md5": b.TrueNameMD5, "amount": strconv.FormatInt(b.Amount, 10), "status": b.Status,
		"cmms_amt": strconv.FormatInt(b.Fee, 10), "create_time": b.CreateTime, "pay_succ_time": b.PaySuccTime, "reason": b.Reason})
}

// SetBankTransferStatus moves the merchant mchID's bank card payment
// partnerTradeNo ("" mchID: the built-in merchant) from PROCESSING to
// SUCCESS or FAILED, or from SUCCESS to BANK_FAIL; FAILED and BANK_FAIL
// refund amount and fee to the balance. It reports whether it moved.
func (s *Server) SetBankTransferStatus(mchID, partnerTradeNo, status, reason string) bool {
	if mchID == "" {
		mchID = s.Opts.MchID
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.bankLocked(mchID, partnerTradeNo)
	switch {
	case b == nil:
		return false
	case b.Status == "PROCESSING" && status == "SUCCESS":
		b.PaySuccTime = time.Now().Format(time.DateTime)
	case (b.Status == "PROCESSING" && status == "FAILED") || (b.Status == "SUCCESS" && status == "BANK_FAIL"):
		s.a.balance[""] = s.balanceLocked("") + b.Amount + b.Fee
		b.Reason = reason
	default:
		return false
	}
	b.Status = status
	s.putBankLocked(mchID, partnerTradeNo, b)
	return true
}
