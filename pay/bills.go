package pay

import (
	"context"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/url"
	"strings"
)

// ErrBillHash reports a downloaded bill, receipt or other file whose digest
// differs from hash_value: discard what was written.
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
	return c.download(ctx, b.DownloadURL, b.HashType, b.HashValue, b.TarType == "GZIP", w)
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
