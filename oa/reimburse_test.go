package oa_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestReimburse(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	inv := fakewechat.ReimburseInvoices
	a := oa.InvoiceRef{CardID: inv[0].CardID, EncryptCode: inv[0].EncryptCode}
	b := oa.InvoiceRef{CardID: inv[1].CardID, EncryptCode: inv[1].EncryptCode}

	got, err := c.Reimburse.Invoice(ctx, a)
	if err != nil || got.CardID != a.CardID || got.OpenID != inv[0].OpenID || got.UserInfo.Fee != 123 ||
		got.UserInfo.ReimburseStatus != oa.InvoiceReimburseInit || len(got.UserInfo.Info) != 1 {
		t.Fatalf("Invoice = %+v, %v", got, err)
	}
	if _, body := reqA(t, srv, "POST /card/invoice/reimburse/getinvoiceinfo"); body["card_id"] != a.CardID || body["encrypt_code"] != a.EncryptCode {
		t.Errorf("getinvoiceinfo body %v", body)
	}
	_, err = c.Reimburse.Invoice(ctx, oa.InvoiceRef{CardID: "x", EncryptCode: "y"})
	apiCodeA(t, err, 72017)
	_, err = c.Reimburse.Invoice(ctx, oa.InvoiceRef{CardID: "x"})
	argErrA(t, srv, "POST /none", err, "card_id")

	if err := c.Reimburse.UpdateStatus(ctx, a, oa.InvoiceReimburseLock); err != nil {
		t.Fatal(err)
	}
	list, err := c.Reimburse.Invoices(ctx, []oa.InvoiceRef{a, b})
	if err != nil || len(list) != 2 || list[0].UserInfo.ReimburseStatus != oa.InvoiceReimburseLock || list[1].UserInfo.ReimburseStatus != oa.InvoiceReimburseInit {
		t.Errorf("Invoices = %+v, %v", list, err)
	}
	argErrA(t, srv, "POST /none", c.Reimburse.UpdateStatus(ctx, a, "PAID"), "reimburse_status")
	_, err = c.Reimburse.Invoices(ctx, nil)
	argErrA(t, srv, "POST /none", err, "item_list")

	apiCodeA(t, c.Reimburse.UpdateStatusBatch(ctx, "oA_test_follower_00000000009", oa.InvoiceReimburseClosure, []oa.InvoiceRef{a, b}), 40097)
	if err := c.Reimburse.UpdateStatusBatch(ctx, inv[0].OpenID, oa.InvoiceReimburseClosure, []oa.InvoiceRef{a, b}); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /card/invoice/reimburse/updatestatusbatch"); body["openid"] != inv[0].OpenID || len(body["invoice_list"].([]any)) != 2 {
		t.Errorf("updatestatusbatch body %v", body)
	}
	if got, _ := c.Reimburse.Invoice(ctx, b); got.UserInfo.ReimburseStatus != oa.InvoiceReimburseClosure {
		t.Errorf("status after batch = %s", got.UserInfo.ReimburseStatus)
	}
	// A closed invoice cannot change any more.
	apiCodeA(t, c.Reimburse.UpdateStatus(ctx, a, oa.InvoiceReimburseInit), 40097)
}
