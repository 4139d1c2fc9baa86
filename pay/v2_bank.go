package pay

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net/http"
	"strconv"
	"strings"
)

// FraudBaseURL is the host of the v2 RSA public key API (getpublickey).
const FraudBaseURL = "https://fraud.mch.weixin.qq.com"

// Bank transfer statuses (status of QueryBankTransfer).
const (
	BankTransferProcessing = "PROCESSING"
	BankTransferSuccess    = "SUCCESS"
	BankTransferFailed     = "FAILED"    // pay again with a new PartnerTradeNo
	BankTransferBankFail   = "BANK_FAIL" // returned by the bank after SUCCESS; amount and fee are refunded
)

// BankTransferRequest is the body of PayBank (企业付款到银行卡). BankNo
// and TrueName are plain text: PayBank encrypts them (RSA-OAEP) with
// PublicKey, fetched with BankPublicKey when nil. BankCode is WeChat Pay's
// bank number (1002 ICBC, 1005 ABC, 1026 BOC, 1003 CCB, 1001 CMB…).
// Amount is in fen, without the fee. PartnerTradeNo is 8 to 32 letters
// and digits; reuse it when retrying.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/mch_pay.php?chapter=24_2
type BankTransferRequest struct {
	PartnerTradeNo string
	BankNo         string
	TrueName       string
	BankCode       string
	Amount         int64
	Desc           string
	PublicKey      *rsa.PublicKey
}

// BankTransferResponse is the answer of PayBank: the payment is accepted
// (QueryBankTransfer tells its result). CmmsAmt is the fee in fen.
type BankTransferResponse struct {
	MchID          string
	PartnerTradeNo string
	Amount         int64
	PaymentNo      string
	CmmsAmt        int64
	Raw            map[string]string
}

// BankTransfer is the answer of QueryBankTransfer. BankNoMD5 and
// TrueNameMD5 are MD5 digests of the account and name.
type BankTransfer struct {
	MchID          string
	PartnerTradeNo string
	PaymentNo      string
	BankNoMD5      string
	TrueNameMD5    string
	Amount         int64
	Status         string // BankTransfer*
	CmmsAmt        int64
	CreateTime     string // "2006-01-02 15:04:05"
	PaySuccTime    string
	Reason         string
	Raw            map[string]string
}

// BankPublicKey fetches the RSA public key that encrypts the account
// number and name of PayBank (POST /risk/getpublickey on FraudBaseURL,
// mutual TLS; with WithBaseURL, on that base URL). The key changes
// rarely: keep it and pass it in BankTransferRequest.PublicKey.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/mch_pay.php?chapter=24_7&index=4
func (c *Client) BankPublicKey(ctx context.Context) (*rsa.PublicKey, error) {
	if c.tlsHC == nil {
		return nil, argError("WithTLSClient", "bank transfers need the merchant certificate (mutual TLS)")
	}
	hc := c.tlsHC
	if c.baseURL == DefaultBaseURL {
		h := *c.tlsHC
		h.Transport = fraudHost{next: c.tlsHC.Transport}
		hc = &h
	}
	m, err := c.postV2(ctx, hc, "/risk/getpublickey", map[string]string{"sign_type": SignTypeMD5}, false)
	if err != nil {
		return nil, err
	}
	return parseRSAPublicKey(m["pub_key"])
}

// fraudHost sends a request to FraudBaseURL's host instead.
type fraudHost struct{ next http.RoundTripper }

func (f fraudHost) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Host = strings.TrimPrefix(FraudBaseURL, "https://")
	r.Host = r.URL.Host
	next := f.next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(r)
}

// parseRSAPublicKey reads a PEM RSA public key, PKCS#1 (as
// getpublickey answers it) or PKIX.
func parseRSAPublicKey(s string) (*rsa.PublicKey, error) {
	b, _ := pem.Decode([]byte(s))
	if b == nil {
		return nil, errors.New("pay: getpublickey answer holds no PEM pub_key")
	}
	if k, err := x509.ParsePKCS1PublicKey(b.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKIXPublicKey(b.Bytes)
	if rk, ok := k.(*rsa.PublicKey); ok && err == nil {
		return rk, nil
	}
	return nil, errors.New("pay: pub_key is not an RSA public key")
}

// PayBank pays a bank card from the merchant's balance (POST
// /mmpaysptrans/pay_bank) over mutual TLS. The answer only says the
// payment is accepted: follow it with QueryBankTransfer. A *V2Error
// carries err_code (NOTENOUGH, PARAM_ERROR, AMOUNT_LIMIT, ORDERPAID,
// SYSTEMERROR…); after SYSTEMERROR retry with the same PartnerTradeNo.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/mch_pay.php?chapter=24_2
func (c *Client) PayBank(ctx context.Context, req *BankTransferRequest) (*BankTransferResponse, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("PartnerTradeNo", req.PartnerTradeNo, "BankNo", req.BankNo, "TrueName", req.TrueName, "BankCode", req.BankCode); err != nil {
		return nil, err
	}
	switch {
	case len(req.PartnerTradeNo) < 8 || len(req.PartnerTradeNo) > 32 || strings.Trim(req.PartnerTradeNo, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "":
		return nil, argError("PartnerTradeNo", "must be 8 to 32 letters and digits")
	case req.Amount <= 0:
		return nil, argError("Amount", "must be positive")
	case c.tlsHC == nil:
		return nil, argError("WithTLSClient", "bank transfers need the merchant certificate (mutual TLS)")
	}
	pub := req.PublicKey
	if pub == nil {
		var err error
		if pub, err = c.BankPublicKey(ctx); err != nil {
			return nil, err
		}
	}
	encNo, err := encryptOAEP(pub, req.BankNo)
	if err != nil {
		return nil, err
	}
	encName, err := encryptOAEP(pub, req.TrueName)
	if err != nil {
		return nil, err
	}
	p := map[string]string{"partner_trade_no": req.PartnerTradeNo, "enc_bank_no": encNo, "enc_true_name": encName,
		"bank_code": req.BankCode, "amount": strconv.FormatInt(req.Amount, 10), "desc": req.Desc}
	m, err := c.postV2(ctx, c.tlsHC, "/mmpaysptrans/pay_bank", p, false)
	if m == nil {
		return nil, err
	}
	return &BankTransferResponse{MchID: m["mch_id"], PartnerTradeNo: m["partner_trade_no"], Amount: atoi64(m["amount"]),
		PaymentNo: m["payment_no"], CmmsAmt: atoi64(m["cmms_amt"]), Raw: m}, err
}

// QueryBankTransfer queries a bank card payment by its partner_trade_no
// (POST /mmpaysptrans/query_bank) over mutual TLS. A *V2Error with
// ErrCode NOT_FOUND may mean the payment is still being accepted: query
// again later, do not treat it as failed.
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4011941066
func (c *Client) QueryBankTransfer(ctx context.Context, partnerTradeNo string) (*BankTransfer, error) {
	if err := need("partnerTradeNo", partnerTradeNo); err != nil {
		return nil, err
	}
	if c.tlsHC == nil {
		return nil, argError("WithTLSClient", "bank transfers need the merchant certificate (mutual TLS)")
	}
	m, err := c.postV2(ctx, c.tlsHC, "/mmpaysptrans/query_bank", map[string]string{"partner_trade_no": partnerTradeNo}, false)
	if m == nil || err != nil {
		return nil, err
	}
	return &BankTransfer{MchID: m["mch_id"], PartnerTradeNo: m["partner_trade_no"], PaymentNo: m["payment_no"],
		BankNoMD5: m["bank_no_md5"], TrueNameMD5: m["true_name_md5"], Amount: atoi64(m["amount"]), Status: m["status"],
		CmmsAmt: atoi64(m["cmms_amt"]), CreateTime: m["create_time"], PaySuccTime: m["pay_succ_time"], Reason: m["reason"], Raw: m}, nil
}
