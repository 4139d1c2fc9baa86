package pay

import (
	"compress/gzip"
	"context"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// ErrBillHash reports a downloaded bill whose SHA-1 differs from hash_value:
// discard what was written.
var ErrBillHash = errors.New("pay: bill hash mismatch")

// Bill is the answer of the trade bill and fund-flow bill APIs.
type Bill struct {
	HashType    string `json:"hash_type"` // SHA1
	HashValue   string `json:"hash_value"`
	DownloadURL string `json:"download_url"`
	// TarType is the tar_type the bill was requested with ("GZIP" or ""); it
	// tells DownloadBill to decompress.
	TarType string `json:"-"`
}

// TradeBillRequest selects a trade bill. BillDate is "2006-01-02"; BillType
// is ALL (default), SUCCESS or REFUND; TarType "GZIP" asks for a compressed
// file.
type TradeBillRequest struct {
	BillDate string
	BillType string
	TarType  string
}

// FundFlowBillRequest selects a fund-flow bill. AccountType is BASIC
// (default), OPERATION or FEES.
type FundFlowBillRequest struct {
	BillDate    string
	AccountType string
	TarType     string
}

func (c *Client) bill(ctx context.Context, path string, q url.Values, tarType string) (*Bill, error) {
	if tarType != "" {
		if tarType != "GZIP" {
			return nil, errors.New(`pay: TarType must be "" or "GZIP"`)
		}
		q.Set("tar_type", tarType)
	}
	b, err := call[Bill](ctx, c, get(path, q))
	if err != nil {
		return nil, err
	}
	b.TarType = tarType
	return b, nil
}

// TradeBill asks for the download URL of a trade bill (GET
// /v3/bill/tradebill).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/bill-download/trade-bill/get-trade-bill.html
func (c *Client) TradeBill(ctx context.Context, req *TradeBillRequest) (*Bill, error) {
	if req == nil || req.BillDate == "" {
		return nil, errors.New("pay: TradeBillRequest.BillDate is required")
	}
	bt := req.BillType
	if bt == "" {
		bt = "ALL"
	}
	return c.bill(ctx, "/v3/bill/tradebill", url.Values{"bill_date": {req.BillDate}, "bill_type": {bt}}, req.TarType)
}

// FundFlowBill asks for the download URL of a fund-flow bill (GET
// /v3/bill/fundflowbill).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/bill-download/fund-bill/get-fund-bill.html
func (c *Client) FundFlowBill(ctx context.Context, req *FundFlowBillRequest) (*Bill, error) {
	if req == nil || req.BillDate == "" {
		return nil, errors.New("pay: FundFlowBillRequest.BillDate is required")
	}
	at := req.AccountType
	if at == "" {
		at = "BASIC"
	}
	return c.bill(ctx, "/v3/bill/fundflowbill", url.Values{"bill_date": {req.BillDate}, "account_type": {at}}, req.TarType)
}

// DownloadBill streams the bill behind b.DownloadURL into w, decompressing
// when b.TarType is GZIP, and checks the SHA-1 of the (decompressed) bill
// against b.HashValue while streaming. The file is never held in memory.
// The download response is not signed by WeChat Pay (as documented); the
// hash is what authenticates it, so on ErrBillHash the bytes already
// written to w must be discarded. The signed request is sent only to the
// client's API host. It returns the number of bill bytes written.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/bill-download/download-bill.html
func (c *Client) DownloadBill(ctx context.Context, b *Bill, w io.Writer) (int64, error) {
	if b == nil || b.DownloadURL == "" {
		return 0, errors.New("pay: Bill.DownloadURL is required")
	}
	if !strings.EqualFold(b.HashType, "SHA1") {
		return 0, fmt.Errorf("pay: unsupported bill hash_type %q", b.HashType)
	}
	want, err := hex.DecodeString(b.HashValue)
	if err != nil || len(want) != sha1.Size {
		return 0, errors.New("pay: bill hash_value is not a SHA-1 hex digest")
	}
	u, err := url.Parse(b.DownloadURL)
	if err != nil || u.Host != c.host {
		// Never send our Authorization to another host.
		return 0, fmt.Errorf("pay: bill download URL host is not %s", c.host)
	}
	pathQuery := u.EscapedPath()
	if u.RawQuery != "" {
		pathQuery += "?" + u.RawQuery
	}
	auth, err := c.authorization(http.MethodGet, pathQuery, nil, c.now().Unix())
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+pathQuery, nil)
	if err != nil {
		return 0, fmt.Errorf("pay: building bill request: %w", err)
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Accept", "*/*")
	req.Header.Set("Accept-Encoding", "identity")
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, fmt.Errorf("pay: downloading bill: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := readLimited(resp.Body, resp.ContentLength, 64<<10)
		reqID := first(resp.Header, hdrRequestID)
		if err := c.verify(ctx, headersOf(resp.Header), body); err != nil {
			return 0, &ResponseVerificationError{StatusCode: resp.StatusCode, RequestID: reqID, Err: err}
		}
		return 0, parseError(resp.StatusCode, reqID, body)
	}
	var src io.Reader = resp.Body
	if b.TarType == "GZIP" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return 0, fmt.Errorf("pay: bill is not gzip: %w", err)
		}
		defer zr.Close()
		src = zr
	}
	h := sha1.New()
	n, err := io.Copy(hashWriter{w, h}, src)
	if err != nil {
		return n, fmt.Errorf("pay: streaming bill: %w", err)
	}
	if subtle.ConstantTimeCompare(h.Sum(nil), want) != 1 {
		return n, ErrBillHash
	}
	return n, nil
}

// hashWriter writes to w and feeds h with exactly what w accepted.
type hashWriter struct {
	w io.Writer
	h hash.Hash
}

func (hw hashWriter) Write(p []byte) (int, error) {
	n, err := hw.w.Write(p)
	hw.h.Write(p[:n])
	return n, err
}
