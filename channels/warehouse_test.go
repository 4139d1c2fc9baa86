package channels_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

var (
	gz     = channels.CoverLocation{AddressID1: 440000000, AddressID2: 440100000}
	tianhe = channels.CoverLocation{AddressID1: 440000000, AddressID2: 440100000, AddressID3: 440106000}
)

func TestWarehouseLifecycle(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	w := &channels.Warehouse{OutWarehouseID: "gz-1", Name: "广州仓", Intro: "A&B <仓>", CoverLocations: []channels.CoverLocation{gz}}
	if err := c.Warehouses.Create(ctx, w); err != nil {
		t.Fatal(err)
	}
	want := `{"out_warehouse_id":"gz-1","name":"广州仓","intro":"A&B <仓>","cover_locations":[{"address_id1":440000000,"address_id2":440100000,"address_id3":0,"address_id4":0}]}`
	if got := lastBody(t, srv, "POST /channels/ec/warehouse/create"); got != want {
		t.Errorf("create body\n got %s\nwant %s", got, want)
	}
	wantAPIError(t, c.Warehouses.Create(ctx, w), fakewechat.CodeChannelsWarehouseRepeated)
	if err := c.Warehouses.Create(ctx, &channels.Warehouse{OutWarehouseID: "gz_2.b", Name: "二仓", Intro: "x"}); err != nil {
		t.Fatal(err)
	}
	got, err := c.Warehouses.Get(ctx, "gz-1")
	if err != nil || got.Name != "广州仓" || got.Intro != "A&B <仓>" || !slices.Equal(got.CoverLocations, []channels.CoverLocation{gz}) {
		t.Fatalf("Get = %+v, %v", got, err)
	}
	if err := c.Warehouses.UpdateDetail(ctx, "gz-1", "广州一仓", "新"); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/warehouse/detail/update"); got != `{"out_warehouse_id":"gz-1","name":"广州一仓","intro":"新"}` {
		t.Errorf("update body = %s", got)
	}
	if err := c.Warehouses.AddCoverLocations(ctx, "gz-1", tianhe); err != nil {
		t.Fatal(err)
	}
	if err := c.Warehouses.AddCoverLocations(ctx, "gz_2.b", tianhe); err != nil {
		t.Fatal(err)
	}
	if err := c.Warehouses.DeleteCoverLocations(ctx, "gz-1", gz); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/warehouse/coverlocations/del"); got != `{"out_warehouse_id":"gz-1","cover_locations":[{"address_id1":440000000,"address_id2":440100000,"address_id3":0,"address_id4":0}]}` {
		t.Errorf("del body = %s", got)
	}
	got, _ = c.Warehouses.Get(ctx, "gz-1")
	if got.Name != "广州一仓" || !slices.Equal(got.CoverLocations, []channels.CoverLocation{tianhe}) {
		t.Errorf("after update = %+v", got)
	}

	// Priority: creation order until set.
	if ids, err := c.Warehouses.PrioritySort(ctx, tianhe); err != nil || !slices.Equal(ids, []string{"gz-1", "gz_2.b"}) {
		t.Errorf("PrioritySort = %q, %v", ids, err)
	}
	if err := c.Warehouses.SetPrioritySort(ctx, tianhe, "gz_2.b", "gz-1"); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/warehouse/address/prioritysort/set"); got != `{"address_id1":440000000,"address_id2":440100000,"address_id3":440106000,"address_id4":0,"priority_sort":["gz_2.b","gz-1"]}` {
		t.Errorf("prioritysort/set body = %s", got)
	}
	if ids, _ := c.Warehouses.PrioritySort(ctx, tianhe); !slices.Equal(ids, []string{"gz_2.b", "gz-1"}) {
		t.Errorf("PrioritySort after set = %q", ids)
	}
	wantAPIError(t, c.Warehouses.SetPrioritySort(ctx, tianhe, "nope"), fakewechat.CodeChannelsWarehouseNotFound)

	// List pages of one.
	p, err := c.Warehouses.ListPage(ctx, 1, "")
	if err != nil || !slices.Equal(p.OutWarehouseIDs, []string{"gz-1"}) || p.NextKey == "" {
		t.Fatalf("ListPage = %+v, %v", p, err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/warehouse/list/get"); got != `{"page_size":1}` {
		t.Errorf("list body = %s", got)
	}
	p, err = c.Warehouses.ListPage(ctx, 1, p.NextKey)
	if err != nil || !slices.Equal(p.OutWarehouseIDs, []string{"gz_2.b"}) || p.NextKey != "" {
		t.Fatalf("ListPage 2 = %+v, %v", p, err)
	}
	var ids []string
	for id, err := range c.Warehouses.List(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if !slices.Equal(ids, []string{"gz-1", "gz_2.b"}) {
		t.Errorf("List = %q", ids)
	}
}

func TestWarehouseStock(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	pid, sku := listedSKU(t, c)
	if err := c.Warehouses.Create(ctx, &channels.Warehouse{OutWarehouseID: "wh1", Name: "一仓", Intro: "仓"}); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Warehouses.Stock(ctx, pid, sku, "wh1"); err != nil || n != 0 {
		t.Fatalf("Stock = %d, %v", n, err)
	}
	if err := c.Warehouses.UpdateStock(ctx, pid, sku, "wh1", channels.StockSet, 100); err != nil {
		t.Fatal(err)
	}
	want := `{"product_id":"` + pid + `","sku_id":"` + sku + `","out_warehouse_id":"wh1","diff_type":3,"num":100}`
	if got := lastBody(t, srv, "POST /channels/ec/warehouse/stock/update"); got != want {
		t.Errorf("stock/update body\n got %s\nwant %s", got, want)
	}
	if err := c.Warehouses.UpdateStock(ctx, pid, sku, "wh1", channels.StockDecrease, 30); err != nil {
		t.Fatal(err)
	}
	if err := c.Warehouses.UpdateStock(ctx, pid, sku, "wh1", channels.StockIncrease, 5); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Warehouses.Stock(ctx, pid, sku, "wh1"); err != nil || n != 75 {
		t.Fatalf("Stock = %d, %v", n, err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/warehouse/stock/get"); got != `{"product_id":"`+pid+`","sku_id":"`+sku+`","out_warehouse_id":"wh1"}` {
		t.Errorf("stock/get body = %s", got)
	}
	wantAPIError(t, c.Warehouses.UpdateStock(ctx, pid, sku, "wh1", channels.StockDecrease, 76), fakewechat.CodeChannelsProductArgs)
	wantAPIError(t, c.Warehouses.UpdateStock(ctx, pid, sku, "wh9", channels.StockSet, 1), fakewechat.CodeChannelsWarehouseNotFound)
	_, err := c.Warehouses.Stock(ctx, "123", sku, "wh1")
	wantAPIError(t, err, fakewechat.CodeChannelsProductNotFound)
}

func TestWarehouseErrors(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	wantAPIError(t, c.Warehouses.UpdateDetail(ctx, "none", "a", "b"), fakewechat.CodeChannelsWarehouseNotFound)
	_, err := c.Warehouses.Get(ctx, "none")
	wantAPIError(t, err, fakewechat.CodeChannelsWarehouseNotFound)
	// A city without its province's level is rejected by WeChat, not the SDK.
	bad := channels.CoverLocation{AddressID1: 440000000, AddressID3: 440106000}
	wantAPIError(t, c.Warehouses.Create(ctx, &channels.Warehouse{OutWarehouseID: "w", Name: "n", Intro: "i", CoverLocations: []channels.CoverLocation{bad}}),
		fakewechat.CodeChannelsWarehouseAddress)

	before := len(srv.Requests())
	for _, tc := range []struct {
		arg string
		err error
	}{
		{"warehouse", c.Warehouses.Create(ctx, nil)},
		{"out_warehouse_id", c.Warehouses.Create(ctx, &channels.Warehouse{Name: "n", Intro: "i"})},
		{"out_warehouse_id", c.Warehouses.Create(ctx, &channels.Warehouse{OutWarehouseID: "仓", Name: "n", Intro: "i"})},
		{"out_warehouse_id", c.Warehouses.Create(ctx, &channels.Warehouse{OutWarehouseID: strings.Repeat("a", 129), Name: "n", Intro: "i"})},
		{"intro", c.Warehouses.Create(ctx, &channels.Warehouse{OutWarehouseID: "w", Name: "n"})},
		{"address_id1", c.Warehouses.Create(ctx, &channels.Warehouse{OutWarehouseID: "w", Name: "n", Intro: "i", CoverLocations: []channels.CoverLocation{{}}})},
		{"name", c.Warehouses.UpdateDetail(ctx, "w", "", "i")},
		{"cover_locations", c.Warehouses.AddCoverLocations(ctx, "w")},
		{"out_warehouse_id", c.Warehouses.DeleteCoverLocations(ctx, "", gz)},
		{"address_id1", c.Warehouses.SetPrioritySort(ctx, channels.CoverLocation{}, "w")},
		{"priority_sort", c.Warehouses.SetPrioritySort(ctx, gz, "w", "w")},
		{"diff_type", c.Warehouses.UpdateStock(ctx, "1", "2", "w", 4, 1)},
		{"num", c.Warehouses.UpdateStock(ctx, "1", "2", "w", channels.StockSet, -1)},
		{"sku_id", c.Warehouses.UpdateStock(ctx, "1", "", "w", channels.StockSet, 1)},
	} {
		wantArgError(t, srv, before, tc.err, tc.arg)
	}
	_, err = c.Warehouses.ListPage(ctx, 11, "")
	wantArgError(t, srv, before, err, "page_size")
	_, err = c.Warehouses.Stock(ctx, "1", "2", "")
	wantArgError(t, srv, before, err, "out_warehouse_id")
	_, err = c.Warehouses.PrioritySort(ctx, channels.CoverLocation{})
	wantArgError(t, srv, before, err, "address_id1")
	_, err = c.Warehouses.Get(ctx, "")
	wantArgError(t, srv, before, err, "out_warehouse_id")
}
