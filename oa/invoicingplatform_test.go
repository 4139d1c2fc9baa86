package oa_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestInvoicingPlatformFlow(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)

	raw, err := c.InvoicingPlatform.URL(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/invoice/seturl")); got != `{}` {
		t.Errorf("seturl body %s", got)
	}
	sp, err := c.InvoicingPlatform.SPAppID(ctx)
	if err != nil || sp != fakewechat.InvoiceSPAppID(fakewechat.DefaultAppID) || !strings.Contains(raw, "s_pappid="+sp) {
		t.Errorf("SPAppID = %q, %v (url %s)", sp, err, raw)
	}

	tpl := &oa.InvoiceCardTemplate{Payee: "某某餐饮有限公司", Type: "增值税电子普通发票",
		BaseInfo: oa.InvoiceCardBaseInfo{LogoURL: "http://mmbiz.qpic.cn/logo", Title: "某某餐饮", CustomURLName: "查看", CustomURL: "https://example.com"}}
	cardID, err := c.InvoicingPlatform.CreateCard(ctx, tpl)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/invoice/platform/createcard")); got != `{"invoice_info":{"base_info":{"custom_url":"https://example.com","custom_url_name":"查看","logo_url":"http://mmbiz.qpic.cn/logo","title":"某某餐饮"},"payee":"某某餐饮有限公司","type":"增值税电子普通发票"}}` {
		t.Errorf("createcard body %s", got)
	}
	long := *tpl
	long.BaseInfo.Title = strings.Repeat("长", 10)
	_, err = c.InvoicingPlatform.CreateCard(ctx, &long)
	apiCodeA(t, err, 45021)
	_, err = c.InvoicingPlatform.CreateCard(ctx, &oa.InvoiceCardTemplate{Payee: "p", Type: "t"})
	argErrA(t, srv, "POST /none", err, "invoice_info.base_info")
	_, err = c.InvoicingPlatform.CreateCard(ctx, &oa.InvoiceCardTemplate{BaseInfo: tpl.BaseInfo})
	argErrA(t, srv, "POST /none", err, "invoice_info")
	_, err = c.InvoicingPlatform.CreateCard(ctx, nil)
	argErrA(t, srv, "POST /none", err, "invoice_info")

	pdf := []byte("%PDF-1.4\n% fake invoice\n%%EOF\n")
	mediaID, err := c.InvoicingPlatform.SetPDF(ctx, "invoice.pdf", bytes.NewReader(pdf))
	if err != nil {
		t.Fatal(err)
	}
	rr, _ := srv.LastRequest("POST /card/invoice/platform/setpdf")
	if !strings.HasPrefix(rr.Header.Get("Content-Type"), "multipart/form-data") || !bytes.Contains(rr.Body, []byte(`name="pdf"; filename="invoice.pdf"`)) ||
		!bytes.Contains(rr.Body, pdf) {
		t.Errorf("setpdf request %s: %q", rr.Header.Get("Content-Type"), rr.Body)
	}
	if mediaID == "" {
		t.Fatal("no s_media_id")
	}
	_, err = c.InvoicingPlatform.SetPDF(ctx, "x.pdf", strings.NewReader("not a pdf"))
	apiCodeA(t, err, 72031)
	_, err = c.InvoicingPlatform.SetPDF(ctx, "x.pdf", nil)
	argErrA(t, srv, "POST /none", err, "pdf")

	link, err := c.InvoicingPlatform.PDF(ctx, mediaID)
	if err != nil || !strings.HasPrefix(link.PDFURL, "https://") || link.PDFURLExpireTime != 7200 {
		t.Errorf("PDF = %+v, %v", link, err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/invoice/platform/getpdf")); got != `{"action":"get_url","s_media_id":"`+mediaID+`"}` {
		t.Errorf("getpdf body %s", got)
	}
	_, err = c.InvoicingPlatform.PDF(ctx, "404")
	apiCodeA(t, err, 72031)
	_, err = c.InvoicingPlatform.PDF(ctx, "")
	argErrA(t, srv, "POST /none", err, "s_media_id")

	// The merchant (the same app here) gets the user's authorization first.
	ins := &oa.InvoiceInsert{OrderID: "O-9", CardID: cardID, AppID: fakewechat.DefaultAppID}
	ins.CardExt.UserCard.InvoiceUserData = oa.InvoiceUserData{Fee: 11300, Title: "张三", BillingTime: srv.Now().Unix(),
		BillingNo: "00100001", BillingCode: "044001900111", FeeWithoutTax: 10000, Tax: 1300, SPDFMediaID: mediaID, CheckCode: "12345678901234567890",
		Info: []oa.InvoiceItem{{Name: "餐饮服务", Num: 1, Unit: "次", Fee: 11300, Price: 11300}}}
	_, err = c.InvoicingPlatform.Insert(ctx, ins)
	apiCodeA(t, err, 72038)
	if _, err := c.EInvoice.AuthURL(ctx, &oa.InvoiceAuthRequest{SPAppID: sp, OrderID: "O-9", Money: 11300, Timestamp: srv.Now().Unix(), Source: "app"}); err != nil {
		t.Fatal(err)
	}
	if err := srv.AuthorizeInvoice(fakewechat.DefaultAppID, "O-9", "oBuyer", "张三", ""); err != nil {
		t.Fatal(err)
	}
	got, err := c.InvoicingPlatform.Insert(ctx, ins)
	if err != nil {
		t.Fatal(err)
	}
	body := bodyD(t, srv, "POST /card/invoice/insert")
	ext := body["card_ext"].(map[string]any)
	data := ext["user_card"].(map[string]any)["invoice_user_data"].(map[string]any)
	if body["order_id"] != "O-9" || body["appid"] != fakewechat.DefaultAppID || len(ext["nonce_str"].(string)) < 16 ||
		data["fee"] != 11300.0 || data["s_pdf_media_id"] != mediaID || jsonA(t, data["info"]) != `[{"fee":11300,"name":"餐饮服务","num":1,"price":11300,"unit":"次"}]` {
		t.Errorf("insert body %s", jsonA(t, body))
	}
	if ins.CardExt.NonceStr != "" {
		t.Error("Insert changed the caller's nonce")
	}
	if got.OpenID != "oBuyer" || got.Code == "" {
		t.Errorf("inserted = %+v", got)
	}
	_, err = c.InvoicingPlatform.Insert(ctx, ins)
	apiCodeA(t, err, 72031)
	for _, tc := range []struct {
		mod func(*oa.InvoiceInsert)
		arg string
	}{
		{func(i *oa.InvoiceInsert) { i.OrderID = "" }, "order_id"},
		{func(i *oa.InvoiceInsert) { i.CardID = "" }, "card_id"},
		{func(i *oa.InvoiceInsert) { i.AppID = "" }, "appid"},
	} {
		i := *ins
		tc.mod(&i)
		_, err := c.InvoicingPlatform.Insert(ctx, &i)
		argErrA(t, srv, "POST /none", err, tc.arg)
	}

	// The user's invoice card.
	plain, err := c.InvoicingPlatform.DecryptCode(ctx, srv.EncryptCardCode(fakewechat.DefaultAppID, got.Code))
	if err != nil || plain != got.Code {
		t.Errorf("DecryptCode = %q, %v", plain, err)
	}
	if err := c.InvoicingPlatform.UpdateStatus(ctx, cardID, got.Code, oa.InvoiceReimburseLock); err != nil {
		t.Fatal(err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /card/invoice/platform/updatestatus")); b != `{"card_id":"`+cardID+`","code":"`+got.Code+`","reimburse_status":"INVOICE_REIMBURSE_LOCK"}` {
		t.Errorf("updatestatus body %s", b)
	}
	if err := c.InvoicingPlatform.UpdateStatus(ctx, cardID, got.Code, oa.InvoiceReimburseClosure); err != nil {
		t.Fatal(err)
	}
	apiCodeA(t, c.InvoicingPlatform.UpdateStatus(ctx, cardID, got.Code, oa.InvoiceReimburseInit), 40078)
	apiCodeA(t, c.InvoicingPlatform.UpdateStatus(ctx, cardID, "nope", oa.InvoiceReimburseInit), 40056)
	argErrA(t, srv, "POST /none", c.InvoicingPlatform.UpdateStatus(ctx, cardID, got.Code, "PAID"), "reimburse_status")
	argErrA(t, srv, "POST /none", c.InvoicingPlatform.UpdateStatus(ctx, cardID, "", oa.InvoiceReimburseInit), "code")
}

func TestInvoicingPlatformErrors(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	if err := srv.Inject(fakewechat.Fault{Path: "POST /card/invoice/seturl", Errcode: 72015, Times: 1}); err != nil {
		t.Fatal(err)
	}
	_, err := c.InvoicingPlatform.SPAppID(ctx)
	apiCodeA(t, err, 72015)
	if err := srv.Inject(fakewechat.Fault{Path: "POST /card/invoice/platform/setpdf", Errcode: 72015, Times: 1}); err != nil {
		t.Fatal(err)
	}
	_, err = c.InvoicingPlatform.SetPDF(ctx, "", strings.NewReader("%PDF-1.4"))
	apiCodeA(t, err, 72015)
	if rr, _ := srv.LastRequest("POST /card/invoice/platform/setpdf"); !bytes.Contains(rr.Body, []byte(`filename="invoice.pdf"`)) {
		t.Errorf("default filename missing: %q", rr.Body)
	}
	srv.HandleJSON("POST /card/invoice/seturl", func(r *fakewechat.Request) (any, error) {
		return fakewechat.OK(fakewechat.M{"invoice_url": "https://mp.weixin.qq.com/bizmall/authinvoice?action=list"}), nil
	})
	_, err = c.InvoicingPlatform.SPAppID(ctx)
	var ae *oa.InvalidArgumentError
	if err == nil || errors.As(err, &ae) || !strings.Contains(err.Error(), "no s_pappid") {
		t.Errorf("SPAppID without s_pappid: %v (a malformed answer is not an argument error)", err)
	}
}
