package miniprogram_test

import (
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func testExpressOrder() *miniprogram.ExpressOrder {
	return &miniprogram.ExpressOrder{OrderID: "01234567890123456789", OpenID: "oABC123456", DeliveryID: "ZTO", BizID: "xyz",
		Sender:   miniprogram.ExpressContact{Name: "张三", Mobile: "18666666666", Province: "广东省", City: "广州市", Area: "海珠区", Address: "XX路XX号"},
		Receiver: miniprogram.ExpressContact{Name: "王小蒙", Mobile: "18610000000", Province: "广东省", City: "广州市", Area: "天河区", Address: "XX路XX号"},
		Cargo:    miniprogram.ExpressCargo{Count: 1, Weight: 1.2},
		Shop:     miniprogram.ExpressShop{GoodsName: "微信气泡狗", GoodsCount: 1}}
}

func TestExpressProvider(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	p := c.ExpressProvider

	ct, err := p.GetContact(ctx, fakewechat.MPProviderToken, fakewechat.MPProviderWaybillID)
	if err != nil || ct.WaybillID != fakewechat.MPProviderWaybillID || ct.Sender.Name != "张三" || ct.Receiver.Mobile != "18610000000" {
		t.Fatalf("GetContact = %+v, %v", ct, err)
	}
	_, err = p.GetContact(ctx, "other", fakewechat.MPProviderWaybillID)
	wantAPIError(t, err, fakewechat.CodeMPProviderBadToken)
	_, err = p.GetContact(ctx, fakewechat.MPProviderToken, "1")
	wantAPIError(t, err, fakewechat.CodeMPProviderBadWaybill)

	step := miniprogram.PathItem{ActionTime: 1533052800, ActionType: miniprogram.ExpressOutForDelivery, ActionMsg: "丽影邓丽君【18666666666】正在派件"}
	if err := p.UpdatePath(ctx, fakewechat.MPProviderToken, fakewechat.MPProviderWaybillID, step); err != nil {
		t.Fatal(err)
	}
	if got := srv.MPProviderPath(fakewechat.DefaultAppID); len(got) != 1 || got[0].ActionType != 300002 || got[0].ActionMsg != step.ActionMsg {
		t.Fatalf("path kept = %+v", got)
	}
	wantAPIError(t, p.UpdatePath(ctx, "other", fakewechat.MPProviderWaybillID, step), fakewechat.CodeMPProviderBadToken)

	if err := p.UpdateBusiness(ctx, "wxABCD", "xyz", 0, "审核通过"); err != nil {
		t.Fatal(err)
	}
	if err := p.UpdateBusiness(ctx, "wxABCD", "abc", 10001, "客户编码不存在"); err != nil {
		t.Fatal(err)
	}
	if got := srv.MPProviderReviews(fakewechat.DefaultAppID); len(got) != 2 || got[1].ResultCode != 10001 || got[1].BizID != "abc" {
		t.Fatalf("reviews = %+v", got)
	}
	wantAPIError(t, p.UpdateBusiness(ctx, "ABCD", "xyz", 0, ""), fakewechat.CodeInvalidAppID)

	html, err := p.PreviewTemplate(ctx, "1234567890123", []byte("<html>test & 面单</html>"), "##ZTO_mark##11-22-33##ZTO_bagAddr##广州##", testExpressOrder())
	if err != nil || string(html) != "<html>test & 面单</html>" {
		t.Fatalf("PreviewTemplate = %q, %v", html, err)
	}
	_, body := last(t, srv, "POST /cgi-bin/express/delivery/template/preview")
	if body["waybill_template"] != "PGh0bWw+dGVzdCAmIOmdouWNlTwvaHRtbD4=" || body["custom"].(map[string]any)["order_id"] != "01234567890123456789" {
		t.Fatalf("preview body = %v", body)
	}
	_, err = p.PreviewTemplate(ctx, "1234567890123", []byte("<html/>"), "ZTO_mark", testExpressOrder())
	wantAPIError(t, err, fakewechat.CodeMPProviderBadWaybillData)
	wantAPIError(t, c.Call(ctx, "POST", "/cgi-bin/express/delivery/template/preview", nil, map[string]any{"waybill_id": "1", "waybill_template": "%%%",
		"waybill_data": "##a##b##", "custom": map[string]string{"order_id": "1", "delivery_id": "ZTO", "biz_id": "xyz"}}, nil), fakewechat.CodeMPProviderBadTemplate)

	n := len(srv.Requests())
	_, err = p.GetContact(ctx, "", "1")
	wantArgError(t, srv, n, err, "token")
	bad := step
	bad.ActionType = 1
	wantArgError(t, srv, n, p.UpdatePath(ctx, "t", "w", bad), "action_type")
	bad = step
	bad.ActionTime = 0
	wantArgError(t, srv, n, p.UpdatePath(ctx, "t", "w", bad), "action_time")
	wantArgError(t, srv, n, p.UpdateBusiness(ctx, "wxABCD", "xyz", 1, ""), "result_msg")
	wantArgError(t, srv, n, p.UpdateBusiness(ctx, "", "xyz", 0, ""), "shop_app_id")
	_, err = p.PreviewTemplate(ctx, "1", nil, "##a##b##", testExpressOrder())
	wantArgError(t, srv, n, err, "waybill_template")
	_, err = p.PreviewTemplate(ctx, "1", []byte("<html/>"), "##a##b##", nil)
	wantArgError(t, srv, n, err, "custom")
}
