package work_test

import (
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestCustomerProductAlbum(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	pa := a.CustomerProductAlbum
	id, err := pa.Add(ctx, &work.Product{ProductID: "ignored", Description: "咖啡豆 <特价> & 包邮", Price: 30000, ProductSN: "SKU001", CreateTime: 5,
		Attachments: []work.ProductAttachment{work.ProductImage("MEDIA1"), work.ProductImage("MEDIA2")}})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/add_product_album"); raw != `{"description":"咖啡豆 <特价> & 包邮","price":30000,"product_sn":"SKU001","attachments":[{"type":"image","image":{"media_id":"MEDIA1"}},{"type":"image","image":{"media_id":"MEDIA2"}}]}` {
		t.Errorf("add body %s", raw)
	}
	p, err := pa.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if p.ProductID != id || p.Description != "咖啡豆 <特价> & 包邮" || p.Price != 30000 || p.ProductSN != "SKU001" || p.CreateTime == 0 ||
		len(p.Attachments) != 2 || p.Attachments[1].Image.MediaID != "MEDIA2" || p.Attachments[0].Type != "image" {
		t.Errorf("product %+v", p)
	}
	price := int64(0)
	if err := pa.Update(ctx, &work.ProductUpdate{ProductID: id, Price: &price, Attachments: []work.ProductAttachment{work.ProductImage("MEDIA3")}}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/update_product_album"); raw != `{"product_id":"`+id+`","price":0,"attachments":[{"type":"image","image":{"media_id":"MEDIA3"}}]}` {
		t.Errorf("update body %s", raw)
	}
	p = mustB[*work.Product](t)(pa.Get(ctx, id))
	if p.Price != 0 || p.Description != "咖啡豆 <特价> & 包邮" || len(p.Attachments) != 1 || p.Attachments[0].Image.MediaID != "MEDIA3" {
		t.Errorf("updated %+v", p)
	}
	for i := range 2 {
		mustB[string](t)(pa.Add(ctx, &work.Product{Description: "商品" + string(rune('A'+i)), Price: int64(100 * (i + 1)), Attachments: []work.ProductAttachment{work.ProductImage("M")}}))
	}
	page := mustB[*work.ProductPage](t)(pa.List(ctx, "", 2))
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/get_product_album_list"); b["limit"] != float64(2) || b["cursor"] != nil {
		t.Errorf("list body %v", b)
	}
	if len(page.Products) != 2 || page.Products[0].ProductID != id || page.Products[1].Price != 100 || page.NextCursor == "" {
		t.Errorf("page %+v", page)
	}
	var descs []string
	for p, err := range pa.All(ctx, 2) {
		if err != nil {
			t.Fatal(err)
		}
		descs = append(descs, p.Description)
	}
	if len(descs) != 3 || descs[2] != "商品B" {
		t.Errorf("all %v", descs)
	}
	if err := pa.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err = pa.Get(ctx, id)
	apiCodeB(t, err, 40058)
	apiCodeB(t, pa.Delete(ctx, id), 40058)
	apiCodeB(t, pa.Update(ctx, &work.ProductUpdate{ProductID: id, Description: "x"}), 40058)

	n := len(srv.Requests())
	img := []work.ProductAttachment{work.ProductImage("M")}
	for _, c := range []struct {
		p   *work.Product
		arg string
	}{
		{nil, "description"},
		{&work.Product{Price: 1, Attachments: img}, "description"},
		{&work.Product{Description: strings.Repeat("字", 301), Price: 1, Attachments: img}, "description"},
		{&work.Product{Description: "d", Price: 5000001, Attachments: img}, "price"},
		{&work.Product{Description: "d", Price: -1, Attachments: img}, "price"},
		{&work.Product{Description: "d", Price: 1, ProductSN: "SKU-1", Attachments: img}, "product_sn"},
		{&work.Product{Description: "d", Price: 1, ProductSN: strings.Repeat("a", 129), Attachments: img}, "product_sn"},
		{&work.Product{Description: "d", Price: 1}, "attachments"},
		{&work.Product{Description: "d", Price: 1, Attachments: make([]work.ProductAttachment, 10)}, "attachments"},
		{&work.Product{Description: "d", Price: 1, Attachments: []work.ProductAttachment{{Type: "video"}}}, "attachments"},
	} {
		_, err := pa.Add(ctx, c.p)
		paramErrB(t, srv, n, err, c.arg)
	}
	paramErrB(t, srv, n, pa.Update(ctx, &work.ProductUpdate{Description: "x"}), "product_id")
	big := int64(6000000)
	paramErrB(t, srv, n, pa.Update(ctx, &work.ProductUpdate{ProductID: "p", Price: &big}), "price")
	paramErrB(t, srv, n, pa.Delete(ctx, ""), "product_id")
	_, err = pa.Get(ctx, "")
	paramErrB(t, srv, n, err, "product_id")
	_, err = pa.List(ctx, "", 101)
	paramErrB(t, srv, n, err, "limit")
}
