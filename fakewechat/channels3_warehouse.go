package fakewechat

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
)

// Channels shop regional warehouses (微信小店 区域仓库), kept per app: see
// the "Channels shop" section of the package doc for the rules.
func init() { builtin = append(builtin, registerChannelsWarehouses) }

// Errcodes of the Channels shop warehouse endpoints, as the docs list them.
const (
	CodeChannelsWarehouseIDInvalid = 10020200
	CodeChannelsWarehouseNotFound  = 10020202
	CodeChannelsWarehouseAddress   = 10020203
	CodeChannelsWarehouseSKULimit  = 10020204
	CodeChannelsWarehouseEmpty     = 10020205
	CodeChannelsWarehouseRepeated  = 10020206
)

// chLocation is a cover location: address_id1 to address_id4.
type chLocation [4]int64

type chLocationIn struct {
	ID1 int64 `json:"address_id1"`
	ID2 int64 `json:"address_id2"`
	ID3 int64 `json:"address_id3"`
	ID4 int64 `json:"address_id4"`
}

// loc checks a location: a province, and no level set below an unset one.
func (l chLocationIn) loc() (chLocation, *Error) {
	x := chLocation{l.ID1, l.ID2, l.ID3, l.ID4}
	for i, v := range x {
		if v < 0 || i == 0 && v == 0 || i > 0 && v != 0 && x[i-1] == 0 {
			return x, ErrCode(CodeChannelsWarehouseAddress)
		}
	}
	return x, nil
}

func (l chLocation) view() M {
	return M{"address_id1": l[0], "address_id2": l[1], "address_id3": l[2], "address_id4": l[3]}
}

type chWarehouse struct {
	ID, Name, Intro string
	Locs            []chLocation
}

type chWarehouses struct {
	mu       sync.Mutex
	list     []*chWarehouse          // in creation order
	stock    map[[3]string]int       // product, sku, warehouse -> num
	priority map[chLocation][]string // set by prioritysort/set
}

func (s *Server) chWarehouses(appid string) *chWarehouses {
	return Value(s.State(appid), "channels.warehouses", func() *chWarehouses {
		return &chWarehouses{stock: map[[3]string]int{}, priority: map[chLocation][]string{}}
	})
}

func (w *chWarehouses) find(id string) (*chWarehouse, *Error) {
	i := slices.IndexFunc(w.list, func(x *chWarehouse) bool { return x.ID == id })
	if id == "" || i < 0 {
		return nil, ErrCode(CodeChannelsWarehouseNotFound)
	}
	return w.list[i], nil
}

// validOutWarehouseID follows the docs' naming rule: 1 to 128 of
// [0-9a-zA-Z-_.].
func validOutWarehouseID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	return strings.Trim(id, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.") == ""
}

type chWarehouseIn struct {
	OutWarehouseID string          `json:"out_warehouse_id"`
	Name           string          `json:"name"`
	Intro          string          `json:"intro"`
	CoverLocations []chLocationIn  `json:"cover_locations"`
	PrioritySort   []string        `json:"priority_sort"`
	PageSize       int             `json:"page_size"`
	NextKey        string          `json:"next_key"`
	ProductID      json.RawMessage `json:"product_id"`
	SKUID          json.RawMessage `json:"sku_id"`
	DiffType       int             `json:"diff_type"`
	Num            *int            `json:"num"`
	chLocationIn
}

func chLocations(in []chLocationIn) ([]chLocation, *Error) {
	out := make([]chLocation, 0, len(in))
	for _, l := range in {
		x, e := l.loc()
		if e != nil {
			return nil, e
		}
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out, nil
}

// covering returns the ids of the warehouses covering exactly loc, in
// priority order: the set order first, then by creation.
func (w *chWarehouses) covering(loc chLocation) []string {
	ids := []string{}
	for _, id := range w.priority[loc] {
		if x, e := w.find(id); e == nil && slices.Contains(x.Locs, loc) {
			ids = append(ids, id)
		}
	}
	for _, x := range w.list {
		if slices.Contains(x.Locs, loc) && !slices.Contains(ids, x.ID) {
			ids = append(ids, x.ID)
		}
	}
	return ids
}

func registerChannelsWarehouses(s *Server) {
	handle := func(pattern string, fn func(r *Request, w *chWarehouses, in *chWarehouseIn) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			if _, err := r.JSON(); err != nil {
				return nil, err
			}
			var in chWarehouseIn
			if json.Unmarshal(r.Body, &in) != nil {
				return nil, ErrCode(CodeDataFormat)
			}
			w := s.chWarehouses(r.AppID)
			w.mu.Lock()
			defer w.mu.Unlock()
			return fn(r, w, &in)
		})
	}
	withWarehouse := func(pattern string, fn func(w *chWarehouses, x *chWarehouse, in *chWarehouseIn) (any, error)) {
		handle(pattern, func(_ *Request, w *chWarehouses, in *chWarehouseIn) (any, error) {
			x, e := w.find(in.OutWarehouseID)
			if e != nil {
				return nil, e
			}
			return fn(w, x, in)
		})
	}
	handle("POST /channels/ec/warehouse/create", func(_ *Request, w *chWarehouses, in *chWarehouseIn) (any, error) {
		switch {
		case !validOutWarehouseID(in.OutWarehouseID):
			return nil, ErrCode(CodeChannelsWarehouseIDInvalid)
		case strings.TrimSpace(in.Name) == "" || strings.TrimSpace(in.Intro) == "":
			return nil, ErrCode(CodeChannelsWarehouseEmpty)
		}
		if _, e := w.find(in.OutWarehouseID); e == nil {
			return nil, Errorf(CodeChannelsWarehouseRepeated, "out_warehouse_id already exists")
		}
		locs, e := chLocations(in.CoverLocations)
		if e != nil {
			return nil, e
		}
		w.list = append(w.list, &chWarehouse{ID: in.OutWarehouseID, Name: in.Name, Intro: in.Intro, Locs: locs})
		return nil, nil
	})
	withWarehouse("POST /channels/ec/warehouse/get", func(_ *chWarehouses, x *chWarehouse, _ *chWarehouseIn) (any, error) {
		locs := make([]M, len(x.Locs))
		for i, l := range x.Locs {
			locs[i] = l.view()
		}
		return OK(M{"data": M{"out_warehouse_id": x.ID, "name": x.Name, "intro": x.Intro, "cover_locations": locs}}), nil
	})
	handle("POST /channels/ec/warehouse/list/get", func(_ *Request, w *chWarehouses, in *chWarehouseIn) (any, error) {
		if in.PageSize < 1 || in.PageSize > 10 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: page_size must be 1 to 10")
		}
		start, end, next, ok := chPage("chwh", in.NextKey, len(w.list), in.PageSize)
		if !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid args: next_key")
		}
		ids := []string{}
		for _, x := range w.list[start:end] {
			ids = append(ids, x.ID)
		}
		return OK(M{"data": M{"out_warehouse_ids": ids, "next_key": next}}), nil
	})
	withWarehouse("POST /channels/ec/warehouse/detail/update", func(_ *chWarehouses, x *chWarehouse, in *chWarehouseIn) (any, error) {
		if strings.TrimSpace(in.Name) == "" || strings.TrimSpace(in.Intro) == "" {
			return nil, ErrCode(CodeChannelsWarehouseEmpty)
		}
		x.Name, x.Intro = in.Name, in.Intro
		return nil, nil
	})
	cover := func(add bool) func(*chWarehouses, *chWarehouse, *chWarehouseIn) (any, error) {
		return func(_ *chWarehouses, x *chWarehouse, in *chWarehouseIn) (any, error) {
			if len(in.CoverLocations) == 0 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: cover_locations empty")
			}
			locs, e := chLocations(in.CoverLocations)
			if e != nil {
				return nil, e
			}
			for _, l := range locs {
				if add && !slices.Contains(x.Locs, l) {
					x.Locs = append(x.Locs, l)
				} else if !add {
					x.Locs = slices.DeleteFunc(x.Locs, func(o chLocation) bool { return o == l })
				}
			}
			return nil, nil
		}
	}
	withWarehouse("POST /channels/ec/warehouse/coverlocations/add", cover(true))
	withWarehouse("POST /channels/ec/warehouse/coverlocations/del", cover(false))
	handle("POST /channels/ec/warehouse/address/prioritysort/get", func(_ *Request, w *chWarehouses, in *chWarehouseIn) (any, error) {
		loc, e := in.loc()
		if e != nil {
			return nil, e
		}
		return OK(M{"data": M{"priority_sort": w.covering(loc)}}), nil
	})
	handle("POST /channels/ec/warehouse/address/prioritysort/set", func(_ *Request, w *chWarehouses, in *chWarehouseIn) (any, error) {
		loc, e := in.loc()
		if e != nil {
			return nil, e
		}
		for i, id := range in.PrioritySort {
			if _, e := w.find(id); e != nil {
				return nil, e
			}
			if slices.Contains(in.PrioritySort[:i], id) {
				return nil, ErrCode(CodeChannelsWarehouseRepeated)
			}
		}
		w.priority[loc] = slices.Clone(in.PrioritySort)
		return nil, nil
	})
	// stockKey checks the product, SKU and warehouse of a stock call.
	stockKey := func(r *Request, w *chWarehouses, in *chWarehouseIn) ([3]string, *Error) {
		key := [3]string{rawID(in.ProductID), rawID(in.SKUID), in.OutWarehouseID}
		p := s.chProducts(r.AppID)
		p.mu.Lock()
		x, e := p.find(key[0])
		found := e == nil && x.sku(key[1]) != nil
		p.mu.Unlock()
		if !found {
			return key, ErrCode(CodeChannelsProductNotFound)
		}
		if _, e := w.find(key[2]); e != nil {
			return key, e
		}
		return key, nil
	}
	handle("POST /channels/ec/warehouse/stock/get", func(r *Request, w *chWarehouses, in *chWarehouseIn) (any, error) {
		key, e := stockKey(r, w, in)
		if e != nil {
			return nil, e
		}
		return OK(M{"data": M{"num": w.stock[key]}}), nil
	})
	handle("POST /channels/ec/warehouse/stock/update", func(r *Request, w *chWarehouses, in *chWarehouseIn) (any, error) {
		key, e := stockKey(r, w, in)
		if e != nil {
			return nil, e
		}
		if in.Num == nil || *in.Num < 0 || in.DiffType < 1 || in.DiffType > 3 {
			return nil, Errorf(CodeChannelsProductArgs, "invalid args: diff_type must be 1, 2 or 3 and num >= 0")
		}
		if _, ok := w.stock[key]; !ok {
			n := 0
			for k := range w.stock {
				if k[0] == key[0] && k[1] == key[1] {
					n++
				}
			}
			if n >= 100 {
				return nil, ErrCode(CodeChannelsWarehouseSKULimit)
			}
		}
		cur, num := w.stock[key], *in.Num
		switch in.DiffType {
		case 1:
			cur += num
		case 2:
			if cur < num {
				return nil, Errorf(CodeChannelsProductArgs, "invalid args: num above the stock")
			}
			cur -= num
		case 3:
			cur = num
		}
		w.stock[key] = cur
		return nil, nil
	})
}
