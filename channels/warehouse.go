package channels

import (
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	warehouseCreate       = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/create"}
	warehouseGet          = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/get"}
	warehouseList         = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/list/get"}
	warehouseUpdateDetail = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/detail/update"}
	warehouseCoverAdd     = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/coverlocations/add"}
	warehouseCoverDel     = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/coverlocations/del"}
	warehousePriorityGet  = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/address/prioritysort/get"}
	warehousePrioritySet  = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/address/prioritysort/set"}
	warehouseStockUpdate  = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/stock/update"}
	warehouseStockGet     = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/warehouse/stock/get"}
)

const (
	// MaxWarehousePage is the largest page of WarehouseService.ListPage.
	MaxWarehousePage = 10
	// MaxOutWarehouseID is the longest out_warehouse_id, in characters.
	MaxOutWarehouseID = 128
)

// CoverLocation is an area a regional warehouse covers (覆盖区域), by
// administrative codes: AddressID1 (province) is required; a zero level and
// those after it widen the area (A,0,0,0 is province A; A,B,0,0 is city B of
// A; and so on down to the street, AddressID4).
type CoverLocation struct {
	AddressID1 int64 `json:"address_id1"`
	AddressID2 int64 `json:"address_id2"`
	AddressID3 int64 `json:"address_id3"`
	AddressID4 int64 `json:"address_id4"`
}

// Warehouse is a regional warehouse (区域仓库).
type Warehouse struct {
	// OutWarehouseID is the merchant's id of the warehouse, unique in the
	// shop: up to 128 letters, digits, '-', '_' and '.'.
	OutWarehouseID string `json:"out_warehouse_id"`
	Name           string `json:"name"`
	Intro          string `json:"intro"`
	// CoverLocations may be left out at creation and added later.
	CoverLocations []CoverLocation `json:"cover_locations,omitempty"`
}

// WarehousePage is one page of warehouse ids.
type WarehousePage struct {
	OutWarehouseIDs []string `json:"out_warehouse_ids"`
	// NextKey asks for the next page; "" on the last one.
	NextKey string `json:"next_key"`
}

// checkOutWarehouseID checks the documented naming rule of out_warehouse_id.
func checkOutWarehouseID(id string) error {
	if err := required("out_warehouse_id", id); err != nil {
		return err
	}
	if len(id) > MaxOutWarehouseID {
		return invalidArg("out_warehouse_id", "over 128 characters")
	}
	for _, r := range id {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '-' || r == '_' || r == '.') {
			return invalidArg("out_warehouse_id", "only letters, digits, '-', '_' and '.'")
		}
	}
	return nil
}

// checkLocations checks that every location names its province; required
// says whether at least one is needed.
func checkLocations(locs []CoverLocation, needed bool) error {
	if needed && len(locs) == 0 {
		return invalidArg("cover_locations", "empty")
	}
	for _, l := range locs {
		if l.AddressID1 == 0 {
			return invalidArg("address_id1", "zero")
		}
	}
	return nil
}

// Create creates a regional warehouse.
// https://developers.weixin.qq.com/doc/store/API/warehouse/create.html
func (s *WarehouseService) Create(ctx context.Context, w *Warehouse) error {
	if w == nil {
		return invalidArg("warehouse", "nil")
	}
	if err := checkOutWarehouseID(w.OutWarehouseID); err != nil {
		return err
	}
	if err := required("name", w.Name, "intro", w.Intro); err != nil {
		return err
	}
	if err := checkLocations(w.CoverLocations, false); err != nil {
		return err
	}
	return s.c.Do(ctx, warehouseCreate, nil, w, nil)
}

// Get returns a regional warehouse and the areas it covers.
// https://developers.weixin.qq.com/doc/store/API/warehouse/get.html
func (s *WarehouseService) Get(ctx context.Context, outWarehouseID string) (*Warehouse, error) {
	body, err := byID("out_warehouse_id", outWarehouseID)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		Data Warehouse `json:"data"`
	}](ctx, s.c, warehouseGet, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// ListPage returns one page of up to pageSize (1 to 10; 0 means 10)
// warehouse ids, oldest first: nextKey is "" for the first page, then the
// NextKey of the previous page.
// https://developers.weixin.qq.com/doc/store/API/warehouse/get_list.html
func (s *WarehouseService) ListPage(ctx context.Context, pageSize int, nextKey string) (*WarehousePage, error) {
	if pageSize == 0 {
		pageSize = MaxWarehousePage
	}
	if pageSize < 1 || pageSize > MaxWarehousePage {
		return nil, invalidArg("page_size", "must be 1 to 10")
	}
	body := struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key,omitempty"`
	}{pageSize, nextKey}
	out, err := call[struct {
		Data WarehousePage `json:"data"`
	}](ctx, s.c, warehouseList, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// List iterates over the ids of the shop's warehouses, oldest first,
// MaxWarehousePage at a time.
// https://developers.weixin.qq.com/doc/store/API/warehouse/get_list.html
func (s *WarehouseService) List(ctx context.Context) iter.Seq2[string, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, key string) ([]string, string, error) {
		p, err := s.ListPage(ctx, MaxWarehousePage, key)
		if err != nil {
			return nil, "", err
		}
		return p.OutWarehouseIDs, p.NextKey, nil
	})
}

// UpdateDetail changes the name and introduction of a warehouse.
// https://developers.weixin.qq.com/doc/store/API/warehouse/update_detail.html
func (s *WarehouseService) UpdateDetail(ctx context.Context, outWarehouseID, name, intro string) error {
	if err := required("out_warehouse_id", outWarehouseID, "name", name, "intro", intro); err != nil {
		return err
	}
	body := Warehouse{OutWarehouseID: outWarehouseID, Name: name, Intro: intro}
	return s.c.Do(ctx, warehouseUpdateDetail, nil, body, nil)
}

// coverLocations sends {out_warehouse_id, cover_locations} to ep.
func (s *WarehouseService) coverLocations(ctx context.Context, ep wechat.Endpoint, outWarehouseID string, locs []CoverLocation) error {
	if err := required("out_warehouse_id", outWarehouseID); err != nil {
		return err
	}
	if err := checkLocations(locs, true); err != nil {
		return err
	}
	body := struct {
		OutWarehouseID string          `json:"out_warehouse_id"`
		CoverLocations []CoverLocation `json:"cover_locations"`
	}{outWarehouseID, locs}
	return s.c.Do(ctx, ep, nil, body, nil)
}

// AddCoverLocations adds areas a warehouse covers.
// https://developers.weixin.qq.com/doc/store/API/warehouse/add_coverlocations.html
func (s *WarehouseService) AddCoverLocations(ctx context.Context, outWarehouseID string, locs ...CoverLocation) error {
	return s.coverLocations(ctx, warehouseCoverAdd, outWarehouseID, locs)
}

// DeleteCoverLocations removes areas a warehouse covers.
// https://developers.weixin.qq.com/doc/store/shop/API/warehouse/del_coverlocations.html
func (s *WarehouseService) DeleteCoverLocations(ctx context.Context, outWarehouseID string, locs ...CoverLocation) error {
	return s.coverLocations(ctx, warehouseCoverDel, outWarehouseID, locs)
}

// PrioritySort returns the ids of the warehouses covering loc, highest
// priority first (by default the oldest first).
// https://developers.weixin.qq.com/doc/store/API/warehouse/get_prioritysort.html
func (s *WarehouseService) PrioritySort(ctx context.Context, loc CoverLocation) ([]string, error) {
	if err := checkLocations([]CoverLocation{loc}, true); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Data struct {
			PrioritySort []string `json:"priority_sort"`
		} `json:"data"`
	}](ctx, s.c, warehousePriorityGet, nil, loc)
	if err != nil {
		return nil, err
	}
	return out.Data.PrioritySort, nil
}

// SetPrioritySort sets the order, highest priority first, in which orders
// to loc take stock from the warehouses outWarehouseIDs.
// https://developers.weixin.qq.com/doc/store/shop/API/warehouse/api_setaddressprioritysort
func (s *WarehouseService) SetPrioritySort(ctx context.Context, loc CoverLocation, outWarehouseIDs ...string) error {
	if err := checkLocations([]CoverLocation{loc}, true); err != nil {
		return err
	}
	for i, id := range outWarehouseIDs {
		if err := required("priority_sort", id); err != nil {
			return err
		}
		for _, o := range outWarehouseIDs[:i] {
			if o == id {
				return invalidArg("priority_sort", "repeats "+id)
			}
		}
	}
	body := struct {
		CoverLocation
		PrioritySort []string `json:"priority_sort"`
	}{loc, outWarehouseIDs}
	return s.c.Do(ctx, warehousePrioritySet, nil, body, nil)
}

// warehouseSKU is the body naming a SKU's stock in a warehouse.
type warehouseSKU struct {
	ProductID      string `json:"product_id"`
	SKUID          string `json:"sku_id"`
	OutWarehouseID string `json:"out_warehouse_id"`
}

func newWarehouseSKU(productID, skuID, outWarehouseID string) (warehouseSKU, error) {
	err := required("product_id", productID, "sku_id", skuID, "out_warehouse_id", outWarehouseID)
	return warehouseSKU{productID, skuID, outWarehouseID}, err
}

// UpdateStock changes the stock of a SKU in a warehouse: diffType is
// StockIncrease or StockDecrease by num, or StockSet to num. A SKU has
// stock in at most 100 warehouses.
// https://developers.weixin.qq.com/doc/store/API/warehouse/match.html
func (s *WarehouseService) UpdateStock(ctx context.Context, productID, skuID, outWarehouseID string, diffType, num int) error {
	key, err := newWarehouseSKU(productID, skuID, outWarehouseID)
	if err != nil {
		return err
	}
	switch {
	case diffType < StockIncrease || diffType > StockSet:
		return invalidArg("diff_type", "must be 1, 2 or 3")
	case num < 0:
		return invalidArg("num", "below 0")
	}
	body := struct {
		warehouseSKU
		DiffType int `json:"diff_type"`
		Num      int `json:"num"`
	}{key, diffType, num}
	return s.c.Do(ctx, warehouseStockUpdate, nil, body, nil)
}

// Stock returns the stock of a SKU in a warehouse.
// https://developers.weixin.qq.com/doc/store/API/warehouse/get_stock.html
func (s *WarehouseService) Stock(ctx context.Context, productID, skuID, outWarehouseID string) (int, error) {
	key, err := newWarehouseSKU(productID, skuID, outWarehouseID)
	if err != nil {
		return 0, err
	}
	out, err := call[struct {
		Data struct {
			Num int `json:"num"`
		} `json:"data"`
	}](ctx, s.c, warehouseStockGet, nil, key)
	if err != nil {
		return 0, err
	}
	return out.Data.Num, nil
}
