package miniprogram_test

import (
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

// tempImage uploads a temporary image and returns its media id.
func tempImage(t *testing.T, c *miniprogram.Client) string {
	t.Helper()
	m, err := c.CustomMessage.UploadTempMedia(t.Context(), "cover.jpg", strings.NewReader("\xff\xd8 cover"))
	if err != nil {
		t.Fatal(err)
	}
	return m.MediaID
}

// approvedGoods adds n products and approves them.
func approvedGoods(t *testing.T, srv *fakewechat.Server, c *miniprogram.Client, n int) []int {
	t.Helper()
	img := tempImage(t, c)
	ids := make([]int, n)
	for i := range n {
		g, err := c.LiveGoods.Add(t.Context(), &miniprogram.Goods{CoverImgURL: img, Name: "咖啡豆" + strings.Repeat("a", i%5), PriceType: miniprogram.PriceFixed, Price: 9.9, URL: "pages/goods/goods?id=1"})
		if err != nil {
			t.Fatal(err)
		}
		srv.MPSetLiveGoodsAudit(fakewechat.DefaultAppID, g.GoodsID, miniprogram.GoodsApproved)
		ids[i] = g.GoodsID
	}
	return ids
}

func TestLiveGoodsLifecycle(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	img := tempImage(t, c)
	g := &miniprogram.Goods{CoverImgURL: img, Name: "挂耳咖啡", PriceType: miniprogram.PriceRange, Price: 10, Price2: 20, URL: "pages/goods/goods?id=1"}
	added, err := c.LiveGoods.Add(ctx, g)
	if err != nil || added.GoodsID == 0 || added.AuditID == 0 {
		t.Fatalf("Add = %+v, %v", added, err)
	}
	_, body := last(t, srv, "POST /wxaapi/broadcast/goods/add")
	if asJSON(t, body) != `{"goodsInfo":{"coverImgUrl":"`+img+`","name":"挂耳咖啡","price":10,"price2":20,"priceType":2,"url":"pages/goods/goods?id=1"}}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	st, err := c.LiveGoods.Status(ctx, []int{added.GoodsID})
	if err != nil || len(st) != 1 || st[0].AuditStatus != miniprogram.GoodsAuditing || st[0].Name != "挂耳咖啡" {
		t.Fatalf("Status = %+v, %v", st, err)
	}
	// Under review: no delete, no update.
	wantAPIError(t, c.LiveGoods.Delete(ctx, added.GoodsID), fakewechat.CodeMPLiveGoodsAuditing)
	if err := c.LiveGoods.ResetAudit(ctx, added.AuditID, added.GoodsID); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/goods/resetaudit"); body["auditId"] != float64(added.AuditID) || body["goodsId"] != float64(added.GoodsID) {
		t.Errorf("body = %v", body)
	}
	g.GoodsID, g.Name = added.GoodsID, "冷萃咖啡"
	if err := c.LiveGoods.Update(ctx, g); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/goods/update"); body["goodsInfo"].(map[string]any)["goodsId"] != float64(added.GoodsID) {
		t.Errorf("body = %v", body)
	}
	auditID, err := c.LiveGoods.Audit(ctx, added.GoodsID)
	if err != nil || auditID == added.AuditID {
		t.Fatalf("Audit = %d, %v", auditID, err)
	}
	srv.MPSetLiveGoodsAudit(fakewechat.DefaultAppID, added.GoodsID, miniprogram.GoodsApproved)
	page, err := c.LiveGoods.List(ctx, miniprogram.GoodsApproved, 0, 10)
	if err != nil || page.Total != 1 || page.Goods[0].Name != "冷萃咖啡" || page.Goods[0].PriceType != 2 {
		t.Fatalf("List = %+v, %v", page, err)
	}
	if rr, _ := last(t, srv, "GET /wxaapi/broadcast/goods/getapproved"); rr.Query.Get("status") != "2" || rr.Query.Get("offset") != "0" || rr.Query.Get("limit") != "10" {
		t.Errorf("query = %v", rr.Query)
	}
	if err := c.LiveGoods.Delete(ctx, added.GoodsID); err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, c.LiveGoods.Delete(ctx, added.GoodsID), fakewechat.CodeMPLiveGoodsNotFound)
	// WeChat's own checks.
	_, err = c.LiveGoods.Add(ctx, &miniprogram.Goods{CoverImgURL: "no-such-media", Name: "挂耳咖啡", PriceType: 1, Price: 1, URL: "p"})
	wantAPIError(t, err, fakewechat.CodeMPLiveImageInvalid)
	_, err = c.LiveGoods.Add(ctx, &miniprogram.Goods{CoverImgURL: img, Name: "挂耳咖啡", PriceType: 3, Price: 10, Price2: 20, URL: "p"})
	wantAPIError(t, err, fakewechat.CodeMPLiveGoodsPrice)

	before := len(srv.Requests())
	for _, tc := range []struct {
		g   *miniprogram.Goods
		arg string
	}{
		{nil, "goodsInfo"},
		{&miniprogram.Goods{Name: "abc", URL: "u", PriceType: 1}, "coverImgUrl"},
		{&miniprogram.Goods{CoverImgURL: "m", Name: "ab", URL: "u", PriceType: 1}, "name"},
		{&miniprogram.Goods{CoverImgURL: "m", Name: "abc", URL: "u", PriceType: 2}, "price2"},
		{&miniprogram.Goods{CoverImgURL: "m", Name: "abc", URL: "u", PriceType: 4}, "priceType"},
		{&miniprogram.Goods{GoodsID: 3, CoverImgURL: "m", Name: "abc", URL: "u", PriceType: 1}, "goodsId"},
	} {
		_, err := c.LiveGoods.Add(ctx, tc.g)
		wantArgError(t, srv, before, err, tc.arg)
	}
	wantArgError(t, srv, before, c.LiveGoods.Update(ctx, &miniprogram.Goods{CoverImgURL: "m", Name: "abc", URL: "u", PriceType: 1}), "goodsId")
	wantArgError(t, srv, before, c.LiveGoods.ResetAudit(ctx, 0, 1), "auditId")
	wantArgError(t, srv, before, c.LiveGoods.Delete(ctx, 0), "goodsId")
	_, err = c.LiveGoods.Audit(ctx, 0)
	wantArgError(t, srv, before, err, "goodsId")
	_, err = c.LiveGoods.Status(ctx, make([]int, 21))
	wantArgError(t, srv, before, err, "goods_ids")
	_, err = c.LiveGoods.List(ctx, 4, 0, 10)
	wantArgError(t, srv, before, err, "status")
	_, err = c.LiveGoods.List(ctx, 2, 0, 101)
	wantArgError(t, srv, before, err, "limit")
}

func TestLiveGoodsAll(t *testing.T) {
	srv, c := newClient(t)
	ids := approvedGoods(t, srv, c, 105)
	var got []int
	for g, err := range c.LiveGoods.All(t.Context(), miniprogram.GoodsApproved) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, g.GoodsID)
	}
	if len(got) != len(ids) || got[104] != ids[104] || srv.Count("GET /wxaapi/broadcast/goods/getapproved") != 2 {
		t.Fatalf("iterated %d goods in %d requests", len(got), srv.Count("GET /wxaapi/broadcast/goods/getapproved"))
	}
}
