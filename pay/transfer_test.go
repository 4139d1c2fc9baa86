package pay_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// rawCall sends a request signed by c but built by hand (what the typed API
// never sends), to check the fake's rules; it returns the status and the
// error code.
func rawCall(t *testing.T, srv *fakepay.Server, c *pay.Client, method, path string, body []byte, serial string) (int, string) {
	t.Helper()
	auth, err := c.Authorization(method, path, body)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(method, srv.URL+path, bytes.NewReader(body))
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Type", "application/json")
	if serial != "" {
		req.Header.Set("Wechatpay-Serial", serial)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e struct{ Code string }
	b, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(b, &e)
	return resp.StatusCode, e.Code
}

// notify delivers a signed notification of the fake to a NotifyHandler
// whose OnOther hands it to fn.
func notify(t *testing.T, srv *fakepay.Server, c *pay.Client, event string, resource any, fn func(n *pay.Notification) error) {
	t.Helper()
	h := &pay.NotifyHandler{Client: c, OnOther: func(_ context.Context, n *pay.Notification) error {
		if n.EventType != event {
			return fmt.Errorf("event %s, want %s", n.EventType, event)
		}
		return fn(n)
	}}
	hs := httptest.NewServer(h)
	defer hs.Close()
	status, body, err := srv.SendNotification(ctx(t), nil, hs.URL, event, resource, fakepay.KeyDefault)
	if err != nil || status != http.StatusNoContent {
		t.Fatalf("notification %s: %d %s %v", event, status, body, err)
	}
}

func wantArgError(t *testing.T, err error) {
	t.Helper()
	var ae *wechat.ArgumentError
	if !errors.As(err, &ae) {
		t.Fatalf("want *wechat.ArgumentError, got %T %v", err, err)
	}
}

func transferReq(no string, amount int64, name string) *pay.TransferBillRequest {
	return &pay.TransferBillRequest{
		AppID: "wx8888888888888888", OutBillNo: no, TransferSceneID: "1000", OpenID: "o-user",
		UserName: name, TransferAmount: amount, TransferRemark: "新会员开通有礼 & welcome",
		NotifyURL: "https://example.com/notify?a=1&b=2", UserRecvPerception: "现金奖励",
		TransferSceneReportInfos: []pay.TransferSceneReportInfo{{InfoType: "活动名称", InfoContent: "新会员有礼"}, {InfoType: "奖励说明", InfoContent: "注册送1元"}},
	}
}

func TestTransferBillLifecycle(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			before := srv.TransferBalance("")
			res, err := c.Transfer.InitiateBill(cx, transferReq("TB1", 300000, "张三"))
			if err != nil {
				t.Fatal(err)
			}
			if res.State != pay.TransferWaitUserConfirm || res.PackageInfo == "" || res.TransferBillNo == "" || res.CreateTime == "" {
				t.Fatalf("initiate: %+v", res)
			}
			if got := srv.TransferUserName("", "TB1"); got != "张三" {
				t.Fatalf("user_name reached the fake as %q (not encrypted with a key it holds?)", got)
			}
			if srv.TransferBalance("") != before-300000 {
				t.Fatalf("balance %d, want %d", srv.TransferBalance(""), before-300000)
			}
			// A retry with the same content answers the same bill; changed
			// content under the same number is refused.
			again, err := c.Transfer.InitiateBill(cx, transferReq("TB1", 300000, "张三"))
			if err != nil || again.TransferBillNo != res.TransferBillNo {
				t.Fatalf("retry: %+v %v", again, err)
			}
			_, err = c.Transfer.InitiateBill(cx, transferReq("TB1", 300001, "张三"))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

			p, err := c.Transfer.ConfirmParams("wx8888888888888888", res.PackageInfo, "o-user")
			if err != nil || p.MchID != srv.Opts.MchID || p.Package != res.PackageInfo {
				t.Fatalf("confirm params: %+v %v", p, err)
			}
			b1, err := c.Transfer.QueryBillByOutBillNo(cx, "TB1")
			if err != nil {
				t.Fatal(err)
			}
			b2, err := c.Transfer.QueryBillByTransferBillNo(cx, res.TransferBillNo)
			if err != nil {
				t.Fatal(err)
			}
			if b1.MchID != srv.Opts.MchID || b1.State != pay.TransferWaitUserConfirm || b1.TransferAmount != 300000 || b1.TransferBillNo != b2.TransferBillNo {
				t.Fatalf("queries: %+v / %+v", b1, b2)
			}
			if name, err := c.DecryptSensitive(b1.UserName); err != nil || name != "张三" {
				t.Fatalf("user_name of the query: %q %v", name, err)
			}
			_, err = c.Transfer.QueryBillByOutBillNo(cx, "NOPE")
			wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")

			// Receipts need a SUCCESS bill.
			_, err = c.Transfer.ApplyReceiptByOutBillNo(cx, "TB1")
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

			resource, ok := srv.ConfirmTransfer("", "TB1")
			if !ok {
				t.Fatal("confirm failed")
			}
			notify(t, srv, c, pay.EventTransferBillFinished, resource, func(n *pay.Notification) error {
				tb, err := n.TransferBill()
				if err != nil || tb.State != pay.TransferSuccess || tb.OutBillNo != "TB1" || tb.MchID != srv.Opts.MchID || !tb.State.Final() {
					return fmt.Errorf("notification %+v %v", tb, err)
				}
				return nil
			})
			_, err = c.Transfer.CancelBill(cx, "TB1")
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

			rc, err := c.Transfer.ApplyReceiptByOutBillNo(cx, "TB1")
			if err != nil || rc.State != pay.ReceiptGenerating {
				t.Fatalf("apply receipt: %+v %v", rc, err)
			}
			if _, err := c.Transfer.ApplyReceiptByTransferBillNo(cx, res.TransferBillNo); err != nil {
				t.Fatal(err)
			}
			rc, err = c.Transfer.QueryReceiptByTransferBillNo(cx, res.TransferBillNo)
			if err != nil || rc.State != pay.ReceiptFinished || rc.HashType != "SHA256" {
				t.Fatalf("query receipt: %+v %v", rc, err)
			}
			if _, err := c.Transfer.QueryReceiptByOutBillNo(cx, "TB1"); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			n, err := c.Transfer.DownloadReceipt(cx, rc, &buf)
			sum := sha256.Sum256(buf.Bytes())
			if err != nil || n == 0 || fmt.Sprintf("%x", sum) != rc.HashValue {
				t.Fatalf("download receipt: %d %v", n, err)
			}
			bad := *rc
			bad.HashValue = strings.Repeat("0", 64)
			if _, err := c.Transfer.DownloadReceipt(cx, &bad, io.Discard); !errors.Is(err, pay.ErrBillHash) {
				t.Fatalf("tampered receipt digest: %v", err)
			}
		})
	}
}

func TestTransferCancelFailAndRules(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	before := srv.TransferBalance("")
	if _, err := c.Transfer.InitiateBill(cx, transferReq("TC1", 500, "")); err != nil {
		t.Fatal(err)
	}
	cr, err := c.Transfer.CancelBill(cx, "TC1")
	if err != nil || cr.State != pay.TransferCanceling {
		t.Fatalf("cancel: %+v %v", cr, err)
	}
	resource, ok := srv.FinishTransferCancel("", "TC1")
	if !ok || srv.TransferBalance("") != before {
		t.Fatalf("cancel did not return the funds: %d", srv.TransferBalance(""))
	}
	notify(t, srv, c, pay.EventTransferBillFinished, resource, func(n *pay.Notification) error {
		tb, err := n.TransferBill()
		if err != nil || tb.State != pay.TransferCancelled {
			return fmt.Errorf("%+v %v", tb, err)
		}
		return nil
	})
	if _, err := c.Transfer.InitiateBill(cx, transferReq("TC2", 700, "")); err != nil {
		t.Fatal(err)
	}
	if _, ok := srv.FailTransfer("", "TC2", "OPENID_INVALID"); !ok {
		t.Fatal("fail")
	}
	b, err := c.Transfer.QueryBillByOutBillNo(cx, "TC2")
	if err != nil || b.State != pay.TransferFail || b.FailReason != "OPENID_INVALID" {
		t.Fatalf("failed bill: %+v %v", b, err)
	}
	// Over the balance.
	srv.SetTransferBalance("", 100)
	_, err = c.Transfer.InitiateBill(cx, transferReq("TC3", 101, ""))
	wantPayError(t, err, http.StatusForbidden, "NOT_ENOUGH")

	// Arguments the client refuses before sending.
	r := transferReq("TC4", 100, "")
	r.TransferSceneReportInfos = nil
	_, err = c.Transfer.InitiateBill(cx, r)
	wantArgError(t, err)
	_, err = c.Transfer.InitiateBill(cx, transferReq("TC-5", 100, ""))
	wantArgError(t, err)
	_, err = c.Transfer.InitiateBill(cx, transferReq("TC6", 200000, ""))
	wantArgError(t, err)

	// What the typed API never sends, the fake still refuses: an encrypted
	// field without Wechatpay-Serial, a user_name in plain text.
	srv.SetTransferBalance("", 1_000_000)
	body, _ := json.Marshal(transferReq("TR1", 100, "ciphertext"))
	if st, code := rawCall(t, srv, c, "POST", "/v3/fund-app/mch-transfer/transfer-bills", body, ""); st != 400 || code != "PARAM_ERROR" {
		t.Fatalf("no serial: %d %s", st, code)
	}
	if st, code := rawCall(t, srv, c, "POST", "/v3/fund-app/mch-transfer/transfer-bills", body, fakepay.PublicKeyID); st != 400 || code != "PARAM_ERROR" {
		t.Fatalf("plain user_name: %d %s", st, code)
	}
	body, _ = json.Marshal(transferReq("TR2", 100, ""))
	if st, code := rawCall(t, srv, c, "POST", "/v3/fund-app/mch-transfer/transfer-bills", body, ""); st != 200 {
		t.Fatalf("no encrypted field needs no serial: %d %s", st, code)
	}
}

func TestPartnerTransferBill(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	c := newClient(t, srv, pay.VerifyCertificates)
	cx := ctx(t)
	sub := fakepay.DefaultSubMchID
	req := &pay.PartnerTransferBillRequest{SubMchID: sub, TransferBillRequest: *transferReq("PT1", 1000, "李四")}
	res, err := c.Transfer.PartnerInitiateBill(cx, req)
	if err != nil || res.State != pay.TransferWaitUserConfirm {
		t.Fatalf("partner initiate: %+v %v", res, err)
	}
	if srv.TransferUserName(sub, "PT1") != "李四" || srv.TransferBalance(sub) != fakepay.DefaultTransferBalance-1000 {
		t.Fatal("partner bill not paid by the sub-merchant or name not encrypted")
	}
	b, err := c.Transfer.PartnerQueryBillByOutBillNo(cx, sub, "PT1")
	if err != nil || b.SubMchID != sub || b.MchID != srv.Opts.MchID || b.State != pay.TransferWaitUserConfirm {
		t.Fatalf("partner query: %+v %v", b, err)
	}
	if _, err := c.Transfer.PartnerQueryBillByTransferBillNo(cx, sub, res.TransferBillNo); err != nil {
		t.Fatal(err)
	}
	// The merchant API does not see the sub-merchant's bill.
	_, err = c.Transfer.QueryBillByOutBillNo(cx, "PT1")
	wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")
	srv.AddSubMerchant("1900000111")
	_, err = c.Transfer.PartnerQueryBillByOutBillNo(cx, "1900000111", "PT1")
	wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")
	_, err = c.Transfer.PartnerInitiateBill(cx, &pay.PartnerTransferBillRequest{SubMchID: "1900009999", TransferBillRequest: *transferReq("PT2", 1000, "")})
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

	p, err := c.Transfer.PartnerConfirmParams(sub, "", "wxsub", res.PackageInfo, "")
	if err != nil || p.SubMchID != sub || p.SubAppID != "wxsub" || p.AppID != "" {
		t.Fatalf("partner confirm params: %+v %v", p, err)
	}
	cr, err := c.Transfer.PartnerCancelBill(cx, sub, "PT1")
	if err != nil || cr.State != pay.TransferCanceling || cr.SubMchID != sub {
		t.Fatalf("partner cancel: %+v %v", cr, err)
	}
	resource, ok := srv.FinishTransferCancel(sub, "PT1")
	if !ok {
		t.Fatal("finish cancel")
	}
	notify(t, srv, c, pay.EventTransferBillFinished, resource, func(n *pay.Notification) error {
		tb, err := n.TransferBill()
		if err != nil || tb.SubMchID != sub || tb.State != pay.TransferCancelled {
			return fmt.Errorf("%+v %v", tb, err)
		}
		return nil
	})
}

func TestBatchTransfer(t *testing.T) {
	srv := newServer(t, fakepay.ModeBoth)
	c := newClient(t, srv, pay.VerifyBoth)
	cx := ctx(t)
	req := &pay.BatchTransferRequest{AppID: "wx8888888888888888", OutBatchNo: "B1", BatchName: "2026年12月佣金", BatchRemark: "佣金", TransferSceneID: "1000"}
	for i := range 150 {
		d := pay.BatchTransferDetailInput{OutDetailNo: fmt.Sprintf("D%03d", i), TransferAmount: int64(100 + i), TransferRemark: "佣金", OpenID: "o-user"}
		if i == 0 {
			d.UserName, d.TransferAmount = "王五", 200000
		}
		req.TransferDetailList = append(req.TransferDetailList, d)
		req.TotalAmount += d.TransferAmount
	}
	req.TotalNum = 150
	res, err := c.BatchTransfer.Initiate(cx, req)
	if err != nil || res.BatchStatus != pay.BatchAccepted || res.BatchID == "" {
		t.Fatalf("initiate: %+v %v", res, err)
	}
	if again, err := c.BatchTransfer.Initiate(cx, req); err != nil || again.BatchID != res.BatchID {
		t.Fatalf("retry: %+v %v", again, err)
	}
	bad := *req
	bad.TotalAmount++
	_, err = c.BatchTransfer.Initiate(cx, &bad)
	wantArgError(t, err)

	resource, ok := srv.FinishBatch("B1", map[string]string{"D001": "OPENID_INVALID"})
	if !ok {
		t.Fatal("finish batch")
	}
	notify(t, srv, c, pay.EventTransferBatchFinished, resource, func(n *pay.Notification) error {
		b, err := n.BatchTransfer()
		if err != nil || b.BatchStatus != pay.BatchFinished || b.SuccessNum != 149 || b.FailNum != 1 {
			return fmt.Errorf("%+v %v", b, err)
		}
		return nil
	})
	bt, err := c.BatchTransfer.QueryBatchByID(cx, res.BatchID)
	if err != nil || bt.BatchStatus != pay.BatchFinished || bt.FailAmount != 101 || bt.TotalNum != 150 {
		t.Fatalf("batch: %+v %v", bt, err)
	}
	if bt2, err := c.BatchTransfer.QueryBatchByOutBatchNo(cx, "B1"); err != nil || *bt2 != *bt {
		t.Fatalf("batch by out no: %+v %v", bt2, err)
	}
	count, fails := 0, 0
	for d, err := range c.BatchTransfer.BatchDetailsByOutBatchNo(cx, "B1", "") {
		if err != nil {
			t.Fatal(err)
		}
		count++
		if d.DetailStatus == pay.DetailFail {
			fails++
		}
	}
	if count != 150 || fails != 1 {
		t.Fatalf("paged details: %d (%d failed)", count, fails)
	}
	count = 0
	for d, err := range c.BatchTransfer.BatchDetailsByID(cx, res.BatchID, "FAIL") {
		if err != nil || d.OutDetailNo != "D001" {
			t.Fatalf("failed details: %+v %v", d, err)
		}
		count++
	}
	if count != 1 {
		t.Fatalf("failed details: %d", count)
	}
	d0, err := c.BatchTransfer.QueryDetailByOutNo(cx, "B1", "D000")
	if err != nil || d0.DetailStatus != pay.DetailSuccess || d0.TransferAmount != 200000 {
		t.Fatalf("detail: %+v %v", d0, err)
	}
	if d, err := c.BatchTransfer.QueryDetailByID(cx, res.BatchID, d0.DetailID); err != nil || d.OutDetailNo != "D000" {
		t.Fatalf("detail by id: %+v %v", d, err)
	}
	if name, err := c.DecryptSensitive(d0.UserName); err != nil || name != "王五" {
		t.Fatalf("detail user_name: %q %v", name, err)
	}
	for e, err := range c.BatchTransfer.BatchDetailsByID(cx, "NOPE", "") {
		wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")
		_ = e
	}

	if _, err := c.BatchTransfer.ApplyBatchReceipt(cx, "B1"); err != nil {
		t.Fatal(err)
	}
	rc, err := c.BatchTransfer.QueryBatchReceipt(cx, "B1")
	if err != nil || rc.SignatureStatus != pay.SignatureFinished {
		t.Fatalf("batch receipt: %+v %v", rc, err)
	}
	if n, err := c.BatchTransfer.DownloadReceipt(cx, rc, io.Discard); err != nil || n == 0 {
		t.Fatalf("download: %d %v", n, err)
	}
	dr := &pay.DetailReceiptRequest{AcceptType: pay.AcceptBatchTransfer, OutBatchNo: "B1", OutDetailNo: "D000"}
	if _, err := c.BatchTransfer.ApplyDetailReceipt(cx, dr); err != nil {
		t.Fatal(err)
	}
	drc, err := c.BatchTransfer.QueryDetailReceipt(cx, dr)
	if err != nil || drc.SignatureStatus != pay.SignatureFinished || drc.OutDetailNo != "D000" {
		t.Fatalf("detail receipt: %+v %v", drc, err)
	}
	// No name was given for D002: no receipt.
	_, err = c.BatchTransfer.ApplyDetailReceipt(cx, &pay.DetailReceiptRequest{AcceptType: pay.AcceptBatchTransfer, OutBatchNo: "B1", OutDetailNo: "D002"})
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
}

func TestPartnerBatchTransfer(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	sub := fakepay.DefaultSubMchID
	req := &pay.PartnerBatchTransferRequest{SubMchID: sub, SubAppID: "wxsub", AuthorizationType: pay.AuthInformationAndFund,
		OutBatchNo: "PB1", BatchName: "货款", BatchRemark: "货款", TotalAmount: 300, TotalNum: 2, TransferPurpose: "GOODSPAYMENT",
		TransferDetailList: []pay.PartnerBatchTransferDetailInput{
			{OutDetailNo: "PD1", TransferAmount: 100, TransferRemark: "货款", OpenID: "o1", UserName: "赵六", UserIDCard: "110101199003070000"},
			{OutDetailNo: "PD2", TransferAmount: 200, TransferRemark: "货款", OpenID: "o2"},
		}}
	res, err := c.BatchTransfer.PartnerInitiate(cx, req)
	if err != nil || res.BatchID == "" {
		t.Fatalf("partner batch: %+v %v", res, err)
	}
	if srv.TransferBalance(sub) != fakepay.DefaultTransferBalance-300 {
		t.Fatal("partner batch not paid by the sub-merchant")
	}
	// Merchant and partner batches are apart.
	_, err = c.BatchTransfer.QueryBatchByOutBatchNo(cx, "PB1")
	wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")
	if _, ok := srv.FinishPartnerBatch("PB1", map[string]string{"PD2": "ACCOUNT_FROZEN"}); !ok {
		t.Fatal("finish partner batch")
	}
	b, err := c.BatchTransfer.PartnerQueryBatchByOutBatchNo(cx, "PB1")
	if err != nil || b.SubMchID != sub || b.SpMchID != srv.Opts.MchID || b.BatchStatus != pay.BatchFinished || b.FailAmount != 200 || b.AuthorizationType != pay.AuthInformationAndFund {
		t.Fatalf("partner batch query: %+v %v", b, err)
	}
	if b2, err := c.BatchTransfer.PartnerQueryBatchByID(cx, res.BatchID); err != nil || b2.OutBatchNo != "PB1" {
		t.Fatalf("by id: %+v %v", b2, err)
	}
	n := 0
	for d, err := range c.BatchTransfer.PartnerBatchDetailsByOutBatchNo(cx, "PB1", "SUCCESS") {
		if err != nil || d.OutDetailNo != "PD1" {
			t.Fatalf("details: %+v %v", d, err)
		}
		n++
	}
	if n != 1 {
		t.Fatalf("%d successful details", n)
	}
	var failed []string
	for d, err := range c.BatchTransfer.PartnerBatchDetailsByID(cx, res.BatchID, "FAIL") {
		if err != nil {
			t.Fatalf("details by id: %v", err)
		}
		failed = append(failed, d.OutDetailNo)
	}
	if len(failed) != 1 || failed[0] != "PD2" {
		t.Fatalf("failed details by id: %v", failed)
	}
	for _, seq := range []iter.Seq2[pay.TransferDetailCompact, error]{
		c.BatchTransfer.PartnerBatchDetailsByID(cx, "", ""),
		c.BatchTransfer.PartnerBatchDetailsByOutBatchNo(cx, "", ""),
		c.BatchTransfer.BatchDetailsByID(cx, "", ""),
		c.BatchTransfer.BatchDetailsByOutBatchNo(cx, "", ""),
	} {
		for _, err := range seq {
			var ae *wechat.ArgumentError
			if !errors.As(err, &ae) {
				t.Fatalf("empty batch number: %T %v", err, err)
			}
			break
		}
	}
	d, err := c.BatchTransfer.PartnerQueryDetailByOutNo(cx, "PB1", "PD1")
	if err != nil || d.SpMchID != srv.Opts.MchID || d.DetailStatus != pay.DetailSuccess {
		t.Fatalf("detail: %+v %v", d, err)
	}
	if name, err := c.DecryptSensitive(d.Username); err != nil || name != "赵六" {
		t.Fatalf("username: %q %v", name, err)
	}
	if d2, err := c.BatchTransfer.PartnerQueryDetailByID(cx, res.BatchID, d.DetailID); err != nil || d2.OutDetailNo != "PD1" {
		t.Fatalf("detail by id: %+v %v", d2, err)
	}
	bad := *req
	bad.AuthorizationType = ""
	_, err = c.BatchTransfer.PartnerInitiate(cx, &bad)
	wantArgError(t, err)
}

// FuzzTransferResources feeds arbitrary decrypted resources to the decoders
// of the transfer, partner and profit-sharing notifications: they never
// panic and report malformed input as ErrMalformedNotification.
func FuzzTransferResources(f *testing.F) {
	f.Add([]byte(`{"out_bill_no":"A","transfer_bill_no":"1","state":"SUCCESS","mch_id":"1","transfer_amount":1}`))
	f.Add([]byte(`{"out_batch_no":"B","batch_status":"FINISHED","total_num":"x"}`))
	f.Add([]byte(`{"sp_mchid":"1","sub_mchid":"2","payer":{"sub_openid":"o"},"amount":{"total":1}}`))
	f.Add([]byte(`{"receiver":{"amount":1e99},"out_order_no":"O"}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, b []byte) {
		n := &pay.Notification{ID: "1", EventType: "X", Plaintext: b}
		for _, err := range []error{
			second(n.TransferBill()), second(n.BatchTransfer()), second(n.PartnerTransaction()),
			second(n.PartnerRefund()), second(n.ProfitSharing()),
		} {
			if err != nil && !errors.Is(err, pay.ErrMalformedNotification) {
				t.Fatalf("error not ErrMalformedNotification: %v", err)
			}
		}
	})
}

func second[T any](_ T, err error) error { return err }
