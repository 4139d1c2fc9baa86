package pay

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// E-commerce (平台收付通) refund advances and sub-merchant fund-flow bills.
//
// Not covered: the account cancellation applications
// (/v3/ecommerce/account/cancel-applications and its media upload):
// WeChat Pay retires that flow ("未来老流程(包括注销申请与注销后提现两套接口)将不再维护,并且将逐步下线") in favour of
// the cancel-withdraw applications
// (https://pay.weixin.qq.com/doc/v3/partner/4018153750).

// Results of a refund advance return.
const (
	ReturnAdvanceSuccess    = "SUCCESS"    // 回补成功
	ReturnAdvanceFailed     = "FAILED"     // the payer account lacked funds for 90 days
	ReturnAdvanceProcessing = "PROCESSING" // retried by WeChat Pay for up to 90 days
)

// EcommerceReturnAdvance is the return of an advanced refund (垫付回补): the
// amount (fen) moved back from the sub-merchant's account (payer) to the
// platform's (payee). Accounts are BASIC or OPERATION.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-refund/refunds/create-return-advance.html
type EcommerceReturnAdvance struct {
	RefundID        string `json:"refund_id"`
	AdvanceReturnID string `json:"advance_return_id"`
	ReturnAmount    int64  `json:"return_amount"`
	PayerMchID      string `json:"payer_mchid"`
	PayerAccount    string `json:"payer_account"`
	PayeeMchID      string `json:"payee_mchid"`
	PayeeAccount    string `json:"payee_account"`
	Result          string `json:"result"`
	SuccessTime     string `json:"success_time,omitempty"`
}

// ReturnAdvance moves the amount the platform advanced for the refund
// refundID (made with REFUND_SOURCE_PARTNER_ADVANCE) back from the
// sub-merchant (POST /v3/ecommerce/refunds/{refund_id}/return-advance).
// While the result is PROCESSING it may be called again; query it with
// QueryReturnAdvance.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-refund/refunds/create-return-advance.html
func (s *EcommerceService) ReturnAdvance(ctx context.Context, subMchID, refundID string) (*EcommerceReturnAdvance, error) {
	if err := needShort("subMchID", subMchID, "refundID", refundID); err != nil {
		return nil, err
	}
	return call[EcommerceReturnAdvance](ctx, s.c, post(pathf(returnAdvancePath, refundID), subMchRef{subMchID}))
}

// QueryReturnAdvance returns the advance return of the refund refundID
// (GET /v3/ecommerce/refunds/{refund_id}/return-advance).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter7_6_5.shtml
func (s *EcommerceService) QueryReturnAdvance(ctx context.Context, subMchID, refundID string) (*EcommerceReturnAdvance, error) {
	if err := needShort("subMchID", subMchID, "refundID", refundID); err != nil {
		return nil, err
	}
	return call[EcommerceReturnAdvance](ctx, s.c, get(pathf(returnAdvancePath, refundID), query("sub_mchid", subMchID)))
}

const returnAdvancePath = "/v3/ecommerce/refunds/{refund_id}/return-advance"

// needShort is need for values of at most 32 characters.
func needShort(pairs ...string) error {
	if err := need(pairs...); err != nil {
		return err
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if len(pairs[i+1]) > 32 {
			return argError(pairs[i], "at most 32 characters")
		}
	}
	return nil
}

// EcommerceFundFlowBillRequest selects the fund-flow bill of all the
// sub-merchants (account_type ALL) for BillDate ("2006-01-02", within
// three months). TarType "GZIP" asks for compressed files (recommended:
// an encrypted part is decrypted in memory).
type EcommerceFundFlowBillRequest struct {
	BillDate string
	TarType  string
}

// EncryptedBill is one part of an encrypted bill: download it with
// Client.DownloadEncryptedBill. EncryptKey is the file key encrypted for
// the merchant's certificate; HashValue is the SHA-1 of the plain
// (uncompressed) part.
type EncryptedBill struct {
	BillSequence int64  `json:"bill_sequence"`
	DownloadURL  string `json:"download_url"`
	EncryptKey   string `json:"encrypt_key"`
	HashType     string `json:"hash_type"`
	HashValue    string `json:"hash_value"`
	Nonce        string `json:"nonce"`
	// TarType is the tar_type the bill was requested with; it tells
	// DownloadEncryptedBill to decompress.
	TarType string `json:"-"`
}

// EncryptedBills is the answer of an encrypted bill request: the parts to
// download, to be joined in BillSequence order.
type EncryptedBills struct {
	DownloadBillCount int64           `json:"download_bill_count"`
	DownloadBillList  []EncryptedBill `json:"download_bill_list"`
}

// FundFlowBill asks for the download URLs of the sub-merchants' fund-flow
// bill (GET /v3/ecommerce/bill/fundflowbill), encrypted with
// AEAD_AES_256_GCM (the one algorithm DownloadEncryptedBill decrypts).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-bill-download/get-sub-merchant-fund-flow-bill.html
func (s *EcommerceService) FundFlowBill(ctx context.Context, req *EcommerceFundFlowBillRequest) (*EncryptedBills, error) {
	if req == nil || req.BillDate == "" {
		return nil, argError("BillDate", "is required")
	}
	if req.TarType != "" && req.TarType != "GZIP" {
		return nil, argError("TarType", `must be "" or "GZIP"`)
	}
	q := url.Values{"bill_date": {req.BillDate}, "account_type": {"ALL"}, "algorithm": {"AEAD_AES_256_GCM"}}
	if req.TarType != "" {
		q.Set("tar_type", req.TarType)
	}
	out, err := call[EncryptedBills](ctx, s.c, get("/v3/ecommerce/bill/fundflowbill", q))
	if err != nil {
		return nil, err
	}
	for i := range out.DownloadBillList {
		out.DownloadBillList[i].TarType = req.TarType
	}
	return out, nil
}

// MaxEncryptedBill is the largest encrypted bill part DownloadEncryptedBill
// accepts: AES-GCM authenticates the whole part before any byte may be
// used, so the part is held in memory.
const MaxEncryptedBill = 256 << 20

// DownloadEncryptedBill downloads one part of an encrypted bill, decrypts
// it (the file key with the merchant's private key, then the file with
// AEAD_AES_256_GCM and the part's nonce), decompresses it when requested
// with GZIP and writes the plain bill to w, checking its SHA-1 against
// HashValue (ErrBillHash: discard what was written). Nothing is written
// before the part is authenticated. It returns the number of bytes
// written.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4014314390
func (c *Client) DownloadEncryptedBill(ctx context.Context, b *EncryptedBill, w io.Writer) (int64, error) {
	if b == nil || b.DownloadURL == "" {
		return 0, argError("DownloadURL", "is required")
	}
	if !strings.EqualFold(b.HashType, "SHA1") {
		return 0, fmt.Errorf("pay: unsupported bill hash_type %q", b.HashType)
	}
	want, err := hex.DecodeString(b.HashValue)
	if err != nil || len(want) != sha1.Size {
		return 0, errors.New("pay: hash_value is not a SHA1 hex digest")
	}
	key, err := c.DecryptSensitive(b.EncryptKey)
	if err != nil {
		return 0, fmt.Errorf("pay: decrypting the bill key: %w", err)
	}
	resp, err := c.openUnsigned(ctx, b.DownloadURL, "download")
	if err != nil {
		return 0, err
	}
	ct, err := readLimited(resp.Body, resp.ContentLength, MaxEncryptedBill)
	resp.Body.Close()
	if err != nil {
		return 0, err
	}
	return openEncryptedBill([]byte(key), []byte(b.Nonce), ct, b.TarType == "GZIP", want, w)
}

// openEncryptedBill authenticates and decrypts ct (AES-GCM, no associated
// data), gunzips it when gz, and writes it to w while checking its SHA-1
// against want. Nothing is written unless ct is authentic.
func openEncryptedBill(key, nonce, ct []byte, gz bool, want []byte, w io.Writer) (int64, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return 0, fmt.Errorf("pay: bill key: %w", err)
	}
	if len(nonce) == 0 {
		return 0, errors.New("pay: bill nonce is missing")
	}
	aead, err := cipher.NewGCMWithNonceSize(block, len(nonce))
	if err != nil {
		return 0, fmt.Errorf("pay: bill nonce: %w", err)
	}
	plain, err := aead.Open(ct[:0], nonce, ct, nil)
	if err != nil {
		return 0, errors.New("pay: the bill does not decrypt (wrong key, nonce or a damaged file)")
	}
	var src io.Reader = bytes.NewReader(plain)
	if gz {
		zr, err := gzip.NewReader(src)
		if err != nil {
			return 0, fmt.Errorf("pay: bill is not gzip: %w", err)
		}
		defer zr.Close()
		src = zr
	}
	h := sha1.New()
	n, err := io.Copy(hashWriter{w, h}, src)
	if err != nil {
		return n, fmt.Errorf("pay: writing the bill: %w", err)
	}
	if subtle.ConstantTimeCompare(h.Sum(nil), want) != 1 {
		return n, ErrBillHash
	}
	return n, nil
}
