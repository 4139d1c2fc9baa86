package pay_test

import (
	"errors"
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/pay"
)

func TestPromotionTransfer(t *testing.T) {
	srv, c, rec := newV2Client(t)
	cx := ctx(t)
	before := srv.TransferBalance("")
	req := &pay.PromotionTransferRequest{MchAppID: "wx8888888888888888", PartnerTradeNo: "10000098201411111234567890",
		OpenID: "oxTWIuGaIt6gTKsQRLau2M0yL16E", CheckName: pay.CheckNameForce, ReUserName: "王小王", Amount: 10099,
		Desc: "理赔", SpbillCreateIP: "192.168.0.1"}
	resp, err := c.PromotionTransfer(cx, req)
	if err != nil || resp.PaymentNo == "" || resp.PaymentTime == "" || resp.PartnerTradeNo != req.PartnerTradeNo ||
		resp.MchAppID != req.MchAppID || resp.MchID != srv.Opts.MchID {
		t.Fatalf("PromotionTransfer: %+v %v", resp, err)
	}
	sent := rec.sent(t)
	if _, ok := sent["mch_id"]; ok {
		t.Error("mch_id sent: the transfer API names it mchid")
	}
	for k, v := range map[string]string{"mch_appid": "wx8888888888888888", "mchid": srv.Opts.MchID, "check_name": "FORCE_CHECK",
		"re_user_name": "王小王", "amount": "10099", "desc": "理赔", "spbill_create_ip": "192.168.0.1", "openid": req.OpenID} {
		if sent[k] != v {
			t.Errorf("sent %s = %q, want %q", k, sent[k], v)
		}
	}
	if want, _ := pay.V2Sign(sent, srv.Opts.APIv2Key, pay.SignTypeMD5); sent["sign"] != want {
		t.Errorf("sent sign %q", sent["sign"])
	}
	if got := srv.TransferBalance(""); got != before-10099 {
		t.Errorf("balance %d", got)
	}
	again, err := c.PromotionTransfer(cx, req)
	if err != nil || again.PaymentNo != resp.PaymentNo {
		t.Fatalf("retry: %+v %v", again, err)
	}
	info, err := c.GetPromotionTransferInfo(cx, "wx8888888888888888", req.PartnerTradeNo)
	if err != nil || info.Status != "SUCCESS" || info.PaymentAmount != 10099 || info.DetailID != resp.PaymentNo ||
		info.OpenID != req.OpenID || info.TransferName != "王小王" || info.Desc != "理赔" || info.MchID != srv.Opts.MchID {
		t.Fatalf("GetPromotionTransferInfo: %+v %v", info, err)
	}
	if s := rec.sent(t); s["mch_id"] != srv.Opts.MchID || s["appid"] != "wx8888888888888888" {
		t.Errorf("gettransferinfo sent %v", s)
	}
	_, err = c.GetPromotionTransferInfo(cx, "wx8888888888888888", "nope")
	wantV2Code(t, err, "NOT_FOUND")

	var ae *wechat.ArgumentError
	bad := *req
	bad.ReUserName = ""
	if _, err := c.PromotionTransfer(cx, &bad); !errors.As(err, &ae) {
		t.Errorf("FORCE_CHECK without name: %v", err)
	}
	bad = *req
	bad.CheckName = "OPTION_CHECK"
	if _, err := c.PromotionTransfer(cx, &bad); !errors.As(err, &ae) {
		t.Errorf("OPTION_CHECK: %v", err)
	}
	srv.SetTransferBalance("", 10)
	poor := *req
	poor.PartnerTradeNo = "T2"
	_, err = c.PromotionTransfer(cx, &poor)
	wantV2Code(t, err, "NOTENOUGH")
	poor.Amount = 5 // conflicting retry of T2 is not a retry: new number
	poor.PartnerTradeNo = "T3"
	if _, err := c.PromotionTransfer(cx, &poor); err != nil {
		t.Fatalf("T3: %v", err)
	}
	poor.Amount = 6
	_, err = c.PromotionTransfer(cx, &poor)
	wantV2Code(t, err, "PARAM_ERROR")
}
