package channels_test

import (
	"fmt"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

const img = fakewechat.ChannelsImagePrefix + "wx1/HJE9eJaEc5bJk"

// newProduct returns a valid product with one SKU.
func newProduct(title string) *channels.Product {
	return &channels.Product{
		OutProductID: "out-1",
		Title:        title,
		HeadImgs:     []string{img + "1", img + "2", img + "3"},
		DescInfo:     &channels.ProductDesc{Imgs: []string{img + "d"}, Desc: "A&B <好>"},
		Cats:         []channels.ProductCat{{CatID: "6033"}, {CatID: "6057"}, {CatID: "6091"}},
		Attrs:        []channels.ProductAttr{{AttrKey: "产地", AttrValue: "中国大陆"}},
		ExpressInfo:  &channels.ExpressInfo{TemplateID: "5189", Weight: 380},
		SKUs: []channels.SKU{{OutSKUID: "sku-1", ThumbImg: img + "t", SalePrice: 1300, StockNum: 100, SKUCode: "A1",
			SKUAttrs: []channels.ProductAttr{{AttrKey: "颜色", AttrValue: "红"}}}},
	}
}

func TestProductLifecycle(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	added, err := c.Products.Add(ctx, newProduct("糖醋排骨【预订价10元】"))
	if err != nil || added.ProductID == "" || added.CreateTime == "" {
		t.Fatalf("Add = %+v, %v", added, err)
	}
	want := `{"out_product_id":"out-1","title":"糖醋排骨【预订价10元】","head_imgs":["` + img + `1","` + img + `2","` + img + `3"],` +
		`"desc_info":{"imgs":["` + img + `d"],"desc":"A&B <好>"},"deliver_method":0,` +
		`"cats":[{"cat_id":"6033"},{"cat_id":"6057"},{"cat_id":"6091"}],"attrs":[{"attr_key":"产地","attr_value":"中国大陆"}],` +
		`"express_info":{"template_id":"5189","weight":380},` +
		`"skus":[{"out_sku_id":"sku-1","thumb_img":"` + img + `t","sale_price":1300,"stock_num":100,"sku_code":"A1","sku_attrs":[{"attr_key":"颜色","attr_value":"红"}]}]}`
	if got := lastBody(t, srv, "POST /channels/ec/product/add"); got != want {
		t.Errorf("add body\n got %s\nwant %s", got, want)
	}
	id := added.ProductID.String()

	// A draft: no online data, not in the default list.
	d, err := c.Products.Get(ctx, id, channels.ProductDataBoth)
	if err != nil || d.Product != nil || d.EditProduct == nil {
		t.Fatalf("Get = %+v, %v", d, err)
	}
	e := d.EditProduct
	if e.ProductID != added.ProductID || e.Title != "糖醋排骨【预订价10元】" || e.Status != channels.ProductInitial || e.EditStatus != 1 ||
		len(e.SKUs) != 1 || e.SKUs[0].SKUID == "" || e.SKUs[0].StockNum != 100 || e.DescInfo.Desc != "A&B <好>" {
		t.Fatalf("EditProduct = %+v", e)
	}
	if got := lastBody(t, srv, "POST /channels/ec/product/get"); got != `{"product_id":"`+id+`","data_type":3}` {
		t.Errorf("get body = %s", got)
	}
	skuID := e.SKUs[0].SKUID.String()
	if n := countIDs(t, c, channels.ProductListOptions{}); n != 0 {
		t.Errorf("listed %d products before listing", n)
	}
	// Stock cannot change before the first listing.
	wantAPIError(t, c.Products.UpdateStock(ctx, id, skuID, channels.StockIncrease, 5), fakewechat.CodeChannelsStockNeverListed)
	// Delisting a product not listed.
	wantAPIError(t, c.Products.Delisting(ctx, id), fakewechat.CodeChannelsProductNotListed)

	if err := c.Products.Listing(ctx, id); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/product/listing"); got != `{"product_id":"`+id+`"}` {
		t.Errorf("listing body = %s", got)
	}
	d, err = c.Products.Get(ctx, id, 0)
	if err != nil || d.Product == nil || d.EditProduct != nil || d.Product.Status != channels.ProductListed || d.Product.Title != "糖醋排骨【预订价10元】" {
		t.Fatalf("Get online = %+v, %v", d, err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/product/get"); got != `{"product_id":"`+id+`"}` {
		t.Errorf("get body = %s", got)
	}

	// Update: the draft changes, the online data stays until listed again.
	p := newProduct("百岁山天然矿泉水1L*15瓶")
	p.ProductID = added.ProductID
	p.SKUs[0].SKUID = wechat.FlexID(skuID)
	p.SKUs = append(p.SKUs, channels.SKU{OutSKUID: "sku-2", SalePrice: 2600, StockNum: 7})
	if err := c.Products.Update(ctx, p); err != nil {
		t.Fatal(err)
	}
	if body := asMap(t, lastBody(t, srv, "POST /channels/ec/product/update")); body["product_id"] != id || body["skus"].([]any)[0].(map[string]any)["sku_id"] != skuID {
		t.Errorf("update body = %v", body)
	}
	d, err = c.Products.Get(ctx, id, channels.ProductDataBoth)
	if err != nil || d.Product.Title != "糖醋排骨【预订价10元】" || d.EditProduct.Title != "百岁山天然矿泉水1L*15瓶" ||
		len(d.EditProduct.SKUs) != 2 || d.EditProduct.SKUs[0].SKUID.String() != skuID || d.EditProduct.SKUs[1].SKUID == "" {
		t.Fatalf("Get after update = %+v %+v, %v", d.Product, d.EditProduct, err)
	}

	// Stock.
	if err := c.Products.UpdateStock(ctx, id, skuID, channels.StockDecrease, 30); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/product/stock/update"); got != `{"product_id":"`+id+`","sku_id":"`+skuID+`","diff_type":2,"num":30}` {
		t.Errorf("stock/update body = %s", got)
	}
	st, err := c.Products.Stock(ctx, id, skuID)
	if err != nil || st.NormalStockNum != 70 || st.TotalStockNum != 70 || st.LimitedDiscountStockNum != 0 {
		t.Fatalf("Stock = %+v, %v", st, err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/product/stock/get"); got != `{"product_id":"`+id+`","sku_id":"`+skuID+`"}` {
		t.Errorf("stock/get body = %s", got)
	}
	wantAPIError(t, c.Products.UpdateStock(ctx, id, skuID, channels.StockDecrease, 71), fakewechat.CodeChannelsStockShort)
	if err := c.Products.UpdateStock(ctx, id, skuID, channels.StockSet, 0); err != nil {
		t.Fatal(err)
	}
	if st, _ := c.Products.Stock(ctx, id, skuID); st.NormalStockNum != 0 {
		t.Errorf("stock after set 0 = %d", st.NormalStockNum)
	}

	// Delisting and the status filter.
	if err := c.Products.Delisting(ctx, id); err != nil {
		t.Fatal(err)
	}
	delisted := channels.ProductDelisted
	if n := countIDs(t, c, channels.ProductListOptions{Status: &delisted}); n != 1 {
		t.Errorf("%d delisted products, want 1", n)
	}
	if got := lastBody(t, srv, "POST /channels/ec/product/list/get"); got != `{"status":11,"page_size":10}` {
		t.Errorf("list body = %s", got)
	}

	if err := c.Products.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err = c.Products.Get(ctx, id, 0)
	wantAPIError(t, err, fakewechat.CodeChannelsProductNotFound)
	wantAPIError(t, c.Products.Listing(ctx, id), fakewechat.CodeChannelsProductNotFound)
	deleted := channels.ProductDeleted
	if n := countIDs(t, c, channels.ProductListOptions{Status: &deleted}); n != 1 {
		t.Errorf("%d deleted products, want 1", n)
	}
}

// countIDs lists the product ids of opts.
func countIDs(t *testing.T, c *channels.Client, opts channels.ProductListOptions) int {
	t.Helper()
	n := 0
	for _, err := range c.Products.List(t.Context(), opts) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	return n
}

func TestProductListPages(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	var want []string
	for i := range 7 {
		a, err := c.Products.Add(ctx, newProduct(fmt.Sprintf("挂耳咖啡第%d号", i)))
		if err != nil {
			t.Fatal(err)
		}
		if i != 3 { // product 3 stays a draft
			if err := c.Products.Listing(ctx, a.ProductID.String()); err != nil {
				t.Fatal(err)
			}
			want = append(want, a.ProductID.String())
		}
	}
	var got []string
	for id, err := range c.Products.List(ctx, channels.ProductListOptions{PageSize: 4}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id.String())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("List = %v, want %v", got, want)
	}
	if n := srv.Count("POST /channels/ec/product/list/get"); n != 2 {
		t.Errorf("%d pages fetched, want 2", n)
	}
	body := asMap(t, lastBody(t, srv, "POST /channels/ec/product/list/get"))
	if body["page_size"] != float64(4) || body["next_key"] == "" || body["status"] != nil {
		t.Errorf("second page body = %v", body)
	}
	page, err := c.Products.ListPage(ctx, channels.ProductListOptions{PageSize: 30}, "")
	if err != nil || page.TotalNum != 6 || len(page.ProductIDs) != 6 || page.NextKey != "" {
		t.Fatalf("ListPage = %+v, %v", page, err)
	}
	_, err = c.Products.ListPage(ctx, channels.ProductListOptions{}, "bogus")
	wantAPIError(t, err, fakewechat.CodeChannelsProductArgs)
	// An error ends the iteration after yielding it.
	srv.Inject(fakewechat.Fault{Path: "POST /channels/ec/product/list/get", Errcode: -1, Times: 1})
	n := 0
	for _, err := range c.Products.List(ctx, channels.ProductListOptions{}) {
		n++
		wantAPIError(t, err, -1)
	}
	if n != 1 {
		t.Errorf("%d items after an error", n)
	}
}

func TestProductWeChatErrors(t *testing.T) {
	_, c := newClient(t)
	ctx := t.Context()
	tests := []struct {
		name string
		edit func(p *channels.Product)
		code int
	}{
		{"title short", func(p *channels.Product) { p.Title = "咖啡" }, fakewechat.CodeChannelsProductTitleShort},
		{"title ascii only", func(p *channels.Product) { p.Title = "Classic Whole Wheat" }, fakewechat.CodeChannelsProductTitleShort},
		{"image host", func(p *channels.Product) { p.HeadImgs[1] = "https://example.com/a.jpg" }, fakewechat.CodeChannelsProductImageURL},
		{"no category", func(p *channels.Product) { p.Cats = nil }, fakewechat.CodeChannelsProductCats},
		{"price zero", func(p *channels.Product) { p.SKUs[0].SalePrice = 0 }, fakewechat.CodeChannelsProductPriceZero},
		{"repeated image", func(p *channels.Product) { p.HeadImgs[2] = p.HeadImgs[0] }, fakewechat.CodeChannelsProductArgs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProduct("挂耳咖啡十包装")
			tt.edit(p)
			_, err := c.Products.Add(ctx, p)
			wantAPIError(t, err, tt.code)
		})
	}
	p := newProduct("挂耳咖啡十包装")
	p.ProductID = "999"
	wantAPIError(t, c.Products.Update(ctx, p), fakewechat.CodeChannelsProductNotFound)
	_, err := c.Products.Stock(ctx, "999", "1")
	wantAPIError(t, err, fakewechat.CodeChannelsProductNotFound)
}

func TestProductArgumentErrors(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	before := len(srv.Requests())
	long := strings.Repeat("咖", 61)
	tests := []struct {
		arg string
		err error
	}{
		{"title", func() error { _, err := c.Products.Add(ctx, nil); return err }()},
		{"title", func() error { p := newProduct(""); _, err := c.Products.Add(ctx, p); return err }()},
		{"title", func() error { _, err := c.Products.Add(ctx, newProduct(long)); return err }()},
		{"short_title", func() error {
			p := newProduct("挂耳咖啡十包装")
			p.ShortTitle = strings.Repeat("a", 21)
			return c.Products.Update(ctx, p)
		}()},
		{"out_product_id", func() error {
			p := newProduct("挂耳咖啡十包装")
			p.OutProductID = strings.Repeat("a", 129)
			_, err := c.Products.Add(ctx, p)
			return err
		}()},
		{"head_imgs", func() error {
			p := newProduct("挂耳咖啡十包装")
			p.HeadImgs = p.HeadImgs[:2]
			_, err := c.Products.Add(ctx, p)
			return err
		}()},
		{"skus", func() error {
			p := newProduct("挂耳咖啡十包装")
			p.SKUs = nil
			_, err := c.Products.Add(ctx, p)
			return err
		}()},
		{"product_id", func() error { _, err := c.Products.Get(ctx, "", 1); return err }()},
		{"data_type", func() error { _, err := c.Products.Get(ctx, "1", 4); return err }()},
		{"page_size", func() error {
			_, err := c.Products.ListPage(ctx, channels.ProductListOptions{PageSize: 31}, "")
			return err
		}()},
		{"product_id", c.Products.Listing(ctx, "")},
		{"product_id", c.Products.Delisting(ctx, "")},
		{"product_id", c.Products.Delete(ctx, "")},
		{"sku_id", func() error { _, err := c.Products.Stock(ctx, "1", ""); return err }()},
		{"diff_type", c.Products.UpdateStock(ctx, "1", "2", 4, 1)},
		{"num", c.Products.UpdateStock(ctx, "1", "2", channels.StockIncrease, 0)},
	}
	for _, tt := range tests {
		wantArgError(t, srv, before, tt.err, tt.arg)
	}
}
