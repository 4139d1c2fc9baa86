package fakewechat

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Channels shop products (微信小店 商品管理), kept per app: see the
// "Channels shop" section of the package doc for the rules.
func init() {
	for code, msg := range map[int]string{
		CodeChannelsProductTitleEmpty: "商品标题为空",
		CodeChannelsProductTitleLong:  "商品标题过长",
		CodeChannelsProductTitleShort: "商品标题过短",
		CodeChannelsProductImgsEmpty:  "商品头图为空",
		CodeChannelsProductImgsMany:   "商品头图过多",
		CodeChannelsProductSKUCount:   "商品sku数量不合理(sku数量必须在1-500之间)",
		CodeChannelsProductCats:       "商品的类目长度不对",
		CodeChannelsProductImageURL:   "图片/视频url非法,url前缀应为mmecimage.cn/p/",
		CodeChannelsProductOutID:      "out_product_id过长",
		CodeChannelsProductPriceZero:  "SKU价格为0",
		CodeChannelsProductAuditing:   "商品正在审核中,无法编辑或删除,请先调用撤回商品审核接口",
		CodeChannelsProductArgs:       "参数有误,请按照文档要求传参",
		CodeChannelsProductNotFound:   "商品不存在",
		CodeChannelsProductNotListed:  "商品未上架",
		CodeChannelsStockZero:         "增加减少数量为0",
		CodeChannelsStockShort:        "库存不足以减扣",
		CodeChannelsStockNeverListed:  "该商品从未曾经上架成功过,不允许直接更新库存",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerChannelsProducts)
}

// Errcodes of the Channels shop product endpoints, as the docs list them.
const (
	CodeChannelsProductCats       = 10020011
	CodeChannelsProductSKUCount   = 10020013
	CodeChannelsProductTitleEmpty = 10020020
	CodeChannelsProductTitleLong  = 10020021
	CodeChannelsProductImgsEmpty  = 10020022
	CodeChannelsProductImgsMany   = 10020023
	CodeChannelsProductImageURL   = 10020035
	CodeChannelsProductOutID      = 10020036
	CodeChannelsProductPriceZero  = 10020039
	CodeChannelsProductTitleShort = 10020042
	CodeChannelsProductAuditing   = 10020049
	CodeChannelsProductArgs       = 10020051
	CodeChannelsProductNotFound   = 10020052
	CodeChannelsProductNotListed  = 10020065
	CodeChannelsStockZero         = 10020218
	CodeChannelsStockShort        = 10020219
	CodeChannelsStockNeverListed  = 10020289
)

// ChannelsImagePrefix starts every image URL the shop APIs accept.
const ChannelsImagePrefix = "https://mmecimage.cn/p/"

// chProductIn is the product of add and update, with the docs' field names.
type chProductIn struct {
	ProductID    json.RawMessage `json:"product_id"`
	OutProductID string          `json:"out_product_id"`
	Title        string          `json:"title"`
	HeadImgs     []string        `json:"head_imgs"`
	DescInfo     *struct {
		Imgs []string `json:"imgs"`
	} `json:"desc_info"`
	Cats   []json.RawMessage `json:"cats"`
	CatsV2 []json.RawMessage `json:"cats_v2"`
	SKUs   []struct {
		SKUID     json.RawMessage `json:"sku_id"`
		ThumbImg  string          `json:"thumb_img"`
		SalePrice int64           `json:"sale_price"`
		StockNum  int64           `json:"stock_num"`
	} `json:"skus"`
}

type chSKU struct {
	ID    string
	Stock int64
}

type chProduct struct {
	ID         string
	Status     int
	EditStatus int
	Listed     bool // listed at least once
	Draft      M    // the body of add or update
	Online     M    // the draft when last listed
	SKUs       []*chSKU
	Created    string
}

type chProducts struct {
	mu      sync.Mutex
	next    int64
	nextSKU int64
	list    []*chProduct // in creation order
}

func (s *Server) chProducts(appid string) *chProducts {
	return Value(s.State(appid), "channels.products", func() *chProducts {
		return &chProducts{next: 10000000000001, nextSKU: 1000000001}
	})
}

// find returns a product that is not deleted. p.mu must be held.
func (p *chProducts) find(id string) (*chProduct, *Error) {
	for _, x := range p.list {
		if x.ID == id && x.Status != 9 {
			return x, nil
		}
	}
	return nil, ErrCode(CodeChannelsProductNotFound)
}

func (x *chProduct) sku(id string) *chSKU {
	i := slices.IndexFunc(x.SKUs, func(k *chSKU) bool { return k.ID == id })
	if i < 0 {
		return nil
	}
	return x.SKUs[i]
}

// rawID reads an id sent as a JSON string or number.
func rawID(b json.RawMessage) string {
	var s string
	if json.Unmarshal(b, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(b, &n) == nil {
		return n.String()
	}
	return ""
}

// validTitleRunes counts Chinese characters, letters and digits.
func validTitleRunes(s string) (n int, onlyASCIIAlnum bool) {
	onlyASCIIAlnum = true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
			if r > unicode.MaxASCII {
				onlyASCIIAlnum = false
			}
		} else if r != ' ' {
			onlyASCIIAlnum = false
		}
	}
	return n, onlyASCIIAlnum
}

func checkChannelsProduct(in *chProductIn) *Error {
	n, ascii := validTitleRunes(in.Title)
	switch {
	case strings.TrimSpace(in.Title) == "":
		return ErrCode(CodeChannelsProductTitleEmpty)
	case utf8.RuneCountInString(in.Title) > 60:
		return ErrCode(CodeChannelsProductTitleLong)
	case n < 5 || ascii:
		return ErrCode(CodeChannelsProductTitleShort)
	case len(in.HeadImgs) == 0:
		return ErrCode(CodeChannelsProductImgsEmpty)
	case len(in.HeadImgs) > 9:
		return ErrCode(CodeChannelsProductImgsMany)
	case len(in.HeadImgs) < 3:
		return Errorf(CodeChannelsProductArgs, "head_imgs: at least 3 images")
	case utf8.RuneCountInString(in.OutProductID) > 128:
		return ErrCode(CodeChannelsProductOutID)
	case len(in.Cats) == 0 && len(in.CatsV2) == 0:
		return ErrCode(CodeChannelsProductCats)
	case len(in.SKUs) == 0 || len(in.SKUs) > 500:
		return ErrCode(CodeChannelsProductSKUCount)
	}
	imgs := slices.Clone(in.HeadImgs)
	if in.DescInfo != nil {
		imgs = append(imgs, in.DescInfo.Imgs...)
	}
	for _, k := range in.SKUs {
		if k.ThumbImg != "" {
			imgs = append(imgs, k.ThumbImg)
		}
		if k.SalePrice <= 0 {
			return ErrCode(CodeChannelsProductPriceZero)
		}
		if k.StockNum < 0 {
			return Errorf(CodeChannelsProductArgs, "skus: stock_num below 0")
		}
	}
	for _, u := range imgs {
		if !strings.HasPrefix(u, ChannelsImagePrefix) && !strings.HasPrefix(u, "http://mmecimage.cn/p/") {
			return ErrCode(CodeChannelsProductImageURL)
		}
	}
	if len(slices.Compact(slices.Sorted(slices.Values(in.HeadImgs)))) != len(in.HeadImgs) {
		return Errorf(CodeChannelsProductArgs, "head_imgs: repeated image")
	}
	return nil
}

// view renders a product's draft or online data as get answers it.
func (x *chProduct) view(data M, online bool) M {
	out := make(M, len(data)+4)
	for k, v := range data {
		out[k] = v
	}
	id, _ := strconv.ParseInt(x.ID, 10, 64)
	out["product_id"] = id
	out["status"] = x.Status
	out["edit_status"] = x.EditStatus
	if online {
		out["edit_status"] = 4
	}
	if skus, ok := data["skus"].([]any); ok {
		view := make([]any, len(skus))
		for i, k := range skus {
			m := make(M)
			for kk, vv := range k.(M) {
				m[kk] = vv
			}
			if i < len(x.SKUs) {
				sid, _ := strconv.ParseInt(x.SKUs[i].ID, 10, 64)
				m["sku_id"] = sid
				m["stock_num"] = x.SKUs[i].Stock
			}
			view[i] = m
		}
		out["skus"] = view
	}
	return out
}

func registerChannelsProducts(s *Server) {
	handle := func(pattern string, fn func(r *Request, p *chProducts, body []byte) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			var m map[string]any
			if err := r.Decode(&m); err != nil {
				return nil, err
			}
			p := s.chProducts(r.AppID)
			p.mu.Lock()
			defer p.mu.Unlock()
			return fn(r, p, r.Body)
		})
	}
	// save checks a product body and stores it as x's draft, keeping the
	// SKUs whose sku_id is sent and numbering the new ones.
	save := func(r *Request, p *chProducts, x *chProduct, body []byte) *Error {
		var in chProductIn
		var draft M
		if json.Unmarshal(body, &in) != nil || json.Unmarshal(body, &draft) != nil {
			return ErrCode(CodeDataFormat)
		}
		if e := checkChannelsProduct(&in); e != nil {
			return e
		}
		skus := make([]*chSKU, len(in.SKUs))
		for i, k := range in.SKUs {
			if id := rawID(k.SKUID); id != "" {
				old := x.sku(id)
				if old == nil {
					return Errorf(CodeChannelsProductArgs, "skus: unknown sku_id %s", id)
				}
				skus[i] = &chSKU{ID: id, Stock: k.StockNum}
				continue
			}
			skus[i] = &chSKU{ID: strconv.FormatInt(p.nextSKU, 10), Stock: k.StockNum}
			p.nextSKU++
		}
		delete(draft, "product_id")
		if raw, ok := draft["skus"].([]any); ok {
			for _, k := range raw {
				if m, ok := k.(M); ok {
					delete(m, "sku_id")
				}
			}
		}
		x.Draft, x.SKUs, x.EditStatus = draft, skus, 1
		return nil
	}
	handle("POST /channels/ec/product/add", func(r *Request, p *chProducts, body []byte) (any, error) {
		x := &chProduct{ID: strconv.FormatInt(p.next, 10), Created: r.Now().In(oaBeijing).Format("2006-01-02 15:04:05")}
		if e := save(r, p, x, body); e != nil {
			return nil, e
		}
		p.next++
		p.list = append(p.list, x)
		return OK(M{"data": M{"product_id": x.ID, "create_time": x.Created}}), nil
	})
	handle("POST /channels/ec/product/update", func(r *Request, p *chProducts, body []byte) (any, error) {
		var in chProductIn
		if json.Unmarshal(body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		x, e := p.find(rawID(in.ProductID))
		if e != nil {
			return nil, e
		}
		if x.EditStatus == 2 {
			return nil, ErrCode(CodeChannelsProductAuditing)
		}
		if e := save(r, p, x, body); e != nil {
			return nil, e
		}
		return nil, nil
	})
	type idIn struct {
		ProductID json.RawMessage `json:"product_id"`
		DataType  int             `json:"data_type"`
		SKUID     json.RawMessage `json:"sku_id"`
		DiffType  int             `json:"diff_type"`
		Num       int64           `json:"num"`
		Status    *int            `json:"status"`
		PageSize  int             `json:"page_size"`
		NextKey   string          `json:"next_key"`
	}
	withProduct := func(pattern string, fn func(r *Request, p *chProducts, x *chProduct, in *idIn) (any, error)) {
		handle(pattern, func(r *Request, p *chProducts, body []byte) (any, error) {
			var in idIn
			if json.Unmarshal(body, &in) != nil {
				return nil, ErrCode(CodeDataFormat)
			}
			id := rawID(in.ProductID)
			if id == "" {
				return nil, ErrCode(CodeChannelsProductArgs)
			}
			x, e := p.find(id)
			if e != nil {
				return nil, e
			}
			return fn(r, p, x, &in)
		})
	}
	withProduct("POST /channels/ec/product/get", func(_ *Request, _ *chProducts, x *chProduct, in *idIn) (any, error) {
		out := M{}
		switch in.DataType {
		case 0, 1, 3:
			if x.Online != nil {
				out["product"] = x.view(x.Online, true)
			}
			if in.DataType == 3 {
				out["edit_product"] = x.view(x.Draft, false)
			}
		case 2:
			out["edit_product"] = x.view(x.Draft, false)
		default:
			return nil, ErrCode(CodeChannelsProductArgs)
		}
		return OK(out), nil
	})
	withProduct("POST /channels/ec/product/listing", func(_ *Request, _ *chProducts, x *chProduct, _ *idIn) (any, error) {
		// The fake reviews at once: the draft goes online, approved.
		x.Online, x.Status, x.EditStatus, x.Listed = x.Draft, 5, 4, true
		return nil, nil
	})
	withProduct("POST /channels/ec/product/delisting", func(_ *Request, _ *chProducts, x *chProduct, _ *idIn) (any, error) {
		if x.EditStatus == 2 {
			return nil, ErrCode(CodeChannelsProductAuditing)
		}
		if x.Status != 5 {
			return nil, ErrCode(CodeChannelsProductNotListed)
		}
		x.Status = 11
		return nil, nil
	})
	withProduct("POST /channels/ec/product/delete", func(_ *Request, _ *chProducts, x *chProduct, _ *idIn) (any, error) {
		if x.EditStatus == 2 {
			return nil, ErrCode(CodeChannelsProductAuditing)
		}
		x.Status = 9
		return nil, nil
	})
	withProduct("POST /channels/ec/product/stock/get", func(_ *Request, _ *chProducts, x *chProduct, in *idIn) (any, error) {
		k := x.sku(rawID(in.SKUID))
		if k == nil {
			return nil, ErrCode(CodeChannelsProductArgs)
		}
		return OK(M{"data": M{"normal_stock_num": k.Stock, "limited_discount_stock_num": 0,
			"warehouse_stocks": []M{}, "total_stock_num": k.Stock}}), nil
	})
	withProduct("POST /channels/ec/product/stock/update", func(_ *Request, _ *chProducts, x *chProduct, in *idIn) (any, error) {
		k := x.sku(rawID(in.SKUID))
		switch {
		case k == nil || in.Num < 0:
			return nil, ErrCode(CodeChannelsProductArgs)
		case !x.Listed:
			return nil, ErrCode(CodeChannelsStockNeverListed)
		case in.Num == 0 && in.DiffType != 3:
			return nil, ErrCode(CodeChannelsStockZero)
		}
		switch in.DiffType {
		case 1:
			k.Stock += in.Num
		case 2:
			if k.Stock < in.Num {
				return nil, ErrCode(CodeChannelsStockShort)
			}
			k.Stock -= in.Num
		case 3:
			k.Stock = in.Num
		default:
			return nil, ErrCode(CodeChannelsProductArgs)
		}
		return nil, nil
	})
	handle("POST /channels/ec/product/list/get", func(_ *Request, p *chProducts, body []byte) (any, error) {
		var in idIn
		if json.Unmarshal(body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		if in.PageSize < 1 || in.PageSize > 30 {
			return nil, Errorf(CodeChannelsProductArgs, "page_size must be 1 to 30")
		}
		var match []*chProduct
		for _, x := range p.list {
			if in.Status != nil && x.Status == *in.Status ||
				in.Status == nil && x.Status != 6 && x.Status != 9 && x.Listed {
				match = append(match, x)
			}
		}
		start, end, next, ok := chPage("chpk", in.NextKey, len(match), in.PageSize)
		if !ok {
			return nil, Errorf(CodeChannelsProductArgs, "invalid next_key")
		}
		ids := []string{}
		for _, x := range match[start:end] {
			ids = append(ids, x.ID)
		}
		out := M{"product_ids": ids, "total_num": len(match)}
		if next != "" {
			out["next_key"] = next
		}
		return OK(out), nil
	})
}

// chPage pages n items by an opaque next_key (prefix and an offset):
// the page is items[start:end]; next is "" after the last page; ok is
// false for a malformed key.
func chPage(prefix, key string, n, size int) (start, end int, next string, ok bool) {
	if key != "" {
		off, err := strconv.Atoi(strings.TrimPrefix(key, prefix))
		if err != nil || !strings.HasPrefix(key, prefix) || off < 0 || off > n {
			return 0, 0, "", false
		}
		start = off
	}
	end = min(start+size, n)
	if end < n {
		next = prefix + strconv.Itoa(end)
	}
	return start, end, next, true
}
