package pay_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// headerRecorder keeps the Wechatpay-Serial header of each request, by path.
type headerRecorder struct {
	bodyRecorder
	serials map[string]string
}

func (r *headerRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.serials[req.URL.Path] = req.Header.Get("Wechatpay-Serial")
	r.mu.Unlock()
	return r.bodyRecorder.RoundTrip(req)
}

func brandSend(no string) *pay.SendBrandRedPacketRequest {
	return &pay.SendBrandRedPacketRequest{
		BrandID: 1234, BrandAppID: "wxf636efh567hg4356", Scene: "CUSTOM_SEND", TemplateID: "123400001",
		OutBatchNo: no, BatchName: "双十一营销用品牌红包", BatchRemark: "双十一营销用品牌红包", TotalAmount: 300, TotalNum: 2,
		DetailList: []pay.BrandRedPacketSendDetail{
			{OutDetailNo: "x23zy545Bd5436", Amount: 100, OpenID: "o-MYE42l80oelYMDE34nYD456Xoy", UserName: "张三", Remark: "来自XX的红包"},
			{OutDetailNo: "x23zy545Bd5437", Amount: 200, OpenID: "o-MYE42l80oelYMDE34nYD456Xoz"},
		},
	}
}

func TestBrandRedPacketSendFlow(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			rec := &headerRecorder{bodyRecorder: bodyRecorder{next: srv.Client().Transport, bodies: map[string]string{}}, serials: map[string]string{}}
			c := newClient(t, srv, m.client, pay.WithHTTPClient(&http.Client{Transport: rec}))
			br := c.BrandRedPacket
			req := brandSend("plfk2020042013")
			sent, err := br.Send(ctx(t), req)
			if err != nil || sent.BatchState != pay.BrandRedPacketBatchAccepted || sent.BatchNo == "" || sent.OutBatchNo != "plfk2020042013" || sent.CreateTime == "" {
				t.Fatal(sent, err)
			}
			if req.DetailList[0].UserName != "张三" {
				t.Fatal("Send changed the caller's request")
			}
			const path = "/v3/fund-app/brand-redpacket/brand-merchant-batches"
			wantSerial := srv.Keys.Platform.Serial
			if m.client != pay.VerifyCertificates { // the public key encrypts when configured
				wantSerial = fakepay.PublicKeyID
			}
			if got := rec.serials[path]; !strings.EqualFold(got, wantSerial) {
				t.Fatalf("Wechatpay-Serial %q, want %q", got, wantSerial)
			}
			var body map[string]any
			if err := json.Unmarshal([]byte(rec.bodies[path]), &body); err != nil {
				t.Fatal(err)
			}
			details := body["detail_list"].([]any)
			if name := details[0].(map[string]any)["user_name"].(string); name == "张三" || name == "" {
				t.Fatalf("user_name not encrypted: %q", name)
			}
			if _, ok := details[1].(map[string]any)["user_name"]; ok {
				t.Fatal("empty user_name sent")
			}
			if body["scene"] != "CUSTOM_SEND" || body["brand_id"] != float64(1234) || body["total_num"] != float64(2) {
				t.Fatal(body)
			}
			if name, ok := srv.BrandRedPacketUserName("plfk2020042013", "x23zy545Bd5436"); !ok || name != "张三" {
				t.Fatal("fake decrypted", name, ok)
			}
			// A retry with the same content answers the same batch.
			if again, err := br.Send(ctx(t), brandSend("plfk2020042013")); err != nil || again.BatchNo != sent.BatchNo {
				t.Fatal(again, err)
			}
			changed := brandSend("plfk2020042013")
			changed.DetailList[0].UserName = "李四"
			_, err = br.Send(ctx(t), changed)
			wantPayError(t, err, 400, "RESOURCE_ALREADY_EXISTS")

			b, err := br.QueryBatchByOutBatchNo(ctx(t), "plfk2020042013", pay.BrandRedPacketViewAll)
			if err != nil || b.BatchState != pay.BrandRedPacketBatchAccepted || b.BatchNo != sent.BatchNo || b.TotalAmount != 300 ||
				b.BatchName != "双十一营销用品牌红包" || b.BrandID != 1234 || len(b.DetailList) != 0 {
				t.Fatal(b, err)
			}
			d, err := br.QueryDetailByOutDetailNo(ctx(t), "plfk2020042013", "x23zy545Bd5436")
			if err != nil || d.DetailState != pay.BrandRedPacketDetailProcessing || d.Amount != 100 || d.Remark != "来自XX的红包" ||
				d.OpenID != "o-MYE42l80oelYMDE34nYD456Xoy" || d.BatchNo != sent.BatchNo || d.DetailNo == "" {
				t.Fatal(d, err)
			}
			// The query by WeChat Pay numbers sees the sent batch too.
			if byNo, err := br.QueryDetail(ctx(t), sent.BatchNo, d.DetailNo); err != nil || byNo.OutDetailNo != "x23zy545Bd5436" {
				t.Fatal(byNo, err)
			}

			srv.FinishBrandRedPacketBatch("plfk2020042013")
			b, err = br.QueryBatchByOutBatchNo(ctx(t), "plfk2020042013", pay.BrandRedPacketViewSuccess)
			if err != nil || b.BatchState != pay.BrandRedPacketBatchFinished || b.SuccessNum != 2 || b.SuccessAmount != 300 ||
				len(b.DetailList) != 2 || b.DetailList[1].OutDetailNo != "x23zy545Bd5437" || b.DetailList[1].DetailState != pay.BrandRedPacketDetailSuccess {
				t.Fatal(b, err)
			}
			if b, err := br.QueryBatchByOutBatchNo(ctx(t), "plfk2020042013", ""); err != nil || len(b.DetailList) != 0 {
				t.Fatal(b, err)
			}

			_, err = br.QueryBatchByOutBatchNo(ctx(t), "nope", "")
			wantPayError(t, err, 404, "NOT_FOUND")
			_, err = br.QueryDetailByOutDetailNo(ctx(t), "plfk2020042013", "nope")
			wantPayError(t, err, 404, "NOT_FOUND")
		})
	}
}

func TestBrandRedPacketSendErrors(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	br := c.BrandRedPacket
	tooMany := brandSend("b1")
	for len(tooMany.DetailList) < 11 {
		tooMany.DetailList = append(tooMany.DetailList, pay.BrandRedPacketSendDetail{OutDetailNo: "n" + strings.Repeat("1", len(tooMany.DetailList)), Amount: 1, OpenID: "o"})
	}
	badNo := brandSend("含中文")
	noOpenID := brandSend("b2")
	noOpenID.DetailList[1].OpenID = ""
	noBrand := brandSend("b3")
	noBrand.BrandID = 0
	for name, req := range map[string]*pay.SendBrandRedPacketRequest{"nil": nil, "11": tooMany, "out_batch_no": badNo,
		"openid": noOpenID, "brand_id": noBrand} {
		t.Run(name, func(t *testing.T) {
			_, err := br.Send(ctx(t), req)
			wantArg(t, err)
		})
	}
	_, err := br.QueryBatchByOutBatchNo(ctx(t), "b1", "SUCCESS")
	wantArg(t, err)
	_, err = br.QueryDetailByOutDetailNo(ctx(t), "b1", "")
	wantArg(t, err)
	if n := srv.RequestCount("/v3/fund-app/brand-redpacket/brand-merchant-batches"); n != 0 {
		t.Fatalf("argument errors reached the server %d times", n)
	}
	// The fake checks the documented rules on its own.
	scene := brandSend("b4")
	scene.Scene = "OTHER"
	_, err = br.Send(ctx(t), scene)
	wantPayError(t, err, 400, "PARAM_ERROR")
	dup := brandSend("b5")
	dup.DetailList[1].OutDetailNo = dup.DetailList[0].OutDetailNo
	_, err = br.Send(ctx(t), dup)
	wantPayError(t, err, 400, "PARAM_ERROR")
}
