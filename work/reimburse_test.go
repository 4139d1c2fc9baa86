package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestReimburseFlow(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	inv := fakewechat.WeComReimburseInvoices
	ref := func(i int) work.InvoiceRef {
		return work.InvoiceRef{CardID: inv[i].CardID, EncryptCode: inv[i].EncryptCode}
	}

	got, err := a.Reimburse.Invoice(ctx, ref(0))
	if err != nil {
		t.Fatal(err)
	}
	if got.CardID != inv[0].CardID || got.OpenID != inv[0].OpenID || got.BeginTime == 0 || got.UserInfo.ReimburseStatus != work.InvoiceReimburseInit ||
		got.UserInfo.Fee == 0 || len(got.UserInfo.Info) != 1 || got.UserInfo.Info[0].Name == "" {
		t.Errorf("invoice %+v", got)
	}
	want := `{"card_id":"` + inv[0].CardID + `","encrypt_code":"` + inv[0].EncryptCode + `"}`
	if b := rawB(t, srv, "POST /cgi-bin/card/invoice/reimburse/getinvoiceinfo"); b != want {
		t.Errorf("get body %s, want %s", b, want)
	}

	if err := a.Reimburse.UpdateStatus(ctx, ref(0), work.InvoiceReimburseLock); err != nil {
		t.Fatal(err)
	}
	want = `{"card_id":"` + inv[0].CardID + `","encrypt_code":"` + inv[0].EncryptCode + `","reimburse_status":"INVOICE_REIMBURSE_LOCK"}`
	if b := rawB(t, srv, "POST /cgi-bin/card/invoice/reimburse/updateinvoicestatus"); b != want {
		t.Errorf("update body %s, want %s", b, want)
	}
	list, err := a.Reimburse.Invoices(ctx, []work.InvoiceRef{ref(0), ref(1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].UserInfo.ReimburseStatus != work.InvoiceReimburseLock || list[1].UserInfo.ReimburseStatus != work.InvoiceReimburseInit || list[0].BeginTime != 0 {
		t.Errorf("batch %+v", list)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/card/invoice/reimburse/getinvoiceinfobatch"); len(b["item_list"].([]any)) != 2 {
		t.Errorf("batch body %v", b)
	}

	// The batch is all or none: an invoice of another member changes nothing.
	err = a.Reimburse.UpdateStatusBatch(ctx, inv[0].OpenID, work.InvoiceReimburseClosure, []work.InvoiceRef{ref(0), ref(2)})
	apiCodeB(t, err, 40058)
	if g := mustB[*work.ReimburseInvoice](t)(a.Reimburse.Invoice(ctx, ref(0))); g.UserInfo.ReimburseStatus != work.InvoiceReimburseLock {
		t.Errorf("after failed batch: %s", g.UserInfo.ReimburseStatus)
	}
	if err := a.Reimburse.UpdateStatusBatch(ctx, inv[0].OpenID, work.InvoiceReimburseClosure, []work.InvoiceRef{ref(0), ref(1)}); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/card/invoice/reimburse/updatestatusbatch"); b["openid"] != inv[0].OpenID || b["reimburse_status"] != work.InvoiceReimburseClosure || len(b["invoice_list"].([]any)) != 2 {
		t.Errorf("batch update body %v", b)
	}
	if g := mustB[*work.ReimburseInvoice](t)(a.Reimburse.Invoice(ctx, ref(1))); g.UserInfo.ReimburseStatus != work.InvoiceReimburseClosure {
		t.Errorf("after batch: %s", g.UserInfo.ReimburseStatus)
	}
	// Closing is irreversible.
	apiCodeB(t, a.Reimburse.UpdateStatus(ctx, ref(1), work.InvoiceReimburseInit), 40058)
	_, err = a.Reimburse.Invoice(ctx, work.InvoiceRef{CardID: "nope", EncryptCode: "nope"})
	apiCodeB(t, err, fakewechat.CodeInvoiceNotFound)

	n := len(srv.Requests())
	_, err = a.Reimburse.Invoice(ctx, work.InvoiceRef{CardID: "x"})
	paramErrB(t, srv, n, err, "encrypt_code")
	_, err = a.Reimburse.Invoices(ctx, nil)
	paramErrB(t, srv, n, err, "item_list")
	paramErrB(t, srv, n, a.Reimburse.UpdateStatus(ctx, ref(2), "DONE"), "reimburse_status")
	paramErrB(t, srv, n, a.Reimburse.UpdateStatusBatch(ctx, "", work.InvoiceReimburseLock, []work.InvoiceRef{ref(2)}), "openid")
	paramErrB(t, srv, n, a.Reimburse.UpdateStatusBatch(ctx, "o", work.InvoiceReimburseLock, nil), "invoice_list")
}
