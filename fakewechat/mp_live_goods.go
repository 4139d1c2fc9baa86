package fakewechat

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// Live broadcast goods library (直播商品): goods/add checks the product
// (name 3-14 characters, cover image a live temporary image, price by
// type) and queues it for review (audit_status 1); MPSetLiveGoodsAudit
// approves or rejects it; resetaudit withdraws the review, audit resubmits;
// a product under review can neither be deleted nor updated; getapproved
// pages the library by status and getgoodswarehouse reports states.
func init() {
	stdMessages[CodeMPLiveGoodsName] = "goods name length invalid"
	stdMessages[CodeMPLiveGoodsPrice] = "goods price invalid"
	stdMessages[CodeMPLiveGoodsAuditing] = "goods is auditing"
	builtin = append(builtin, registerMPLiveGoods)
}

// Errcodes of the live goods endpoints.
const (
	CodeMPLiveGoodsName     = 300002
	CodeMPLiveGoodsPrice    = 300003
	CodeMPLiveGoodsAuditing = 300014
)

type mpLiveGoods struct {
	GoodsID     int     `json:"goodsId"`
	CoverImgURL string  `json:"coverImgUrl"`
	Name        string  `json:"name"`
	PriceType   int     `json:"priceType"`
	Price       float64 `json:"price"`
	Price2      float64 `json:"price2"`
	URL         string  `json:"url"`
	AuditStatus int     `json:"-"`
	auditID     int
}

// findGoods returns a product of the library or nil. l.mu must be held.
func (l *mpLive) findGoods(id int) *mpLiveGoods {
	i := slices.IndexFunc(l.goods, func(g *mpLiveGoods) bool { return g.GoodsID == id })
	if i < 0 {
		return nil
	}
	return l.goods[i]
}

// MPSetLiveGoodsAudit sets the audit status of a product (2 approved, 3
// rejected) and reports whether it exists.
func (s *Server) MPSetLiveGoodsAudit(appid string, goodsID, status int) bool {
	l := s.mpLive(appid)
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.findGoods(goodsID)
	if g == nil {
		return false
	}
	g.AuditStatus = status
	return true
}

func checkLiveGoods(r *Request, g *mpLiveGoods) *Error {
	n := utf8.RuneCountInString(g.Name)
	switch {
	case n < 3 || n > 14:
		return ErrCode(CodeMPLiveGoodsName)
	case !oaMediaExists(r, g.CoverImgURL, "image"):
		return ErrCode(CodeMPLiveImageInvalid)
	case g.URL == "":
		return Errorf(CodeInvalidArgs, "invalid args: url")
	case g.Price <= 0 || (g.PriceType != 1 && g.Price2 <= 0) || g.PriceType < 1 || g.PriceType > 3:
		return ErrCode(CodeMPLiveGoodsPrice)
	case g.PriceType == 2 && g.Price2 <= g.Price, g.PriceType == 3 && g.Price2 >= g.Price:
		return ErrCode(CodeMPLiveGoodsPrice)
	}
	return nil
}

func registerMPLiveGoods(s *Server) {
	type goodsIn struct {
		GoodsInfo *mpLiveGoods `json:"goodsInfo"`
		GoodsID   int          `json:"goodsId"`
		AuditID   int          `json:"auditId"`
		GoodsIDs  []int        `json:"goods_ids"`
	}
	handle := func(pattern string, fn func(r *Request, l *mpLive, in *goodsIn) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			var in goodsIn
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			l := s.mpLive(r.AppID)
			l.mu.Lock()
			defer l.mu.Unlock()
			return fn(r, l, &in)
		})
	}
	handle("POST /wxaapi/broadcast/goods/add", func(r *Request, l *mpLive, in *goodsIn) (any, error) {
		g := in.GoodsInfo
		if g == nil {
			return nil, ErrCode(CodeDataFormat)
		}
		if e := checkLiveGoods(r, g); e != nil {
			return nil, e
		}
		g.GoodsID, g.auditID, g.AuditStatus = l.nextGoods, l.nextAudit, 1
		l.nextGoods++
		l.nextAudit++
		l.goods = append(l.goods, g)
		return OK(M{"goodsId": g.GoodsID, "auditId": g.auditID}), nil
	})
	handle("POST /wxaapi/broadcast/goods/resetaudit", func(_ *Request, l *mpLive, in *goodsIn) (any, error) {
		g := l.findGoods(in.GoodsID)
		if g == nil || g.auditID != in.AuditID {
			return nil, ErrCode(CodeMPLiveGoodsNotFound)
		}
		if g.AuditStatus != 1 {
			return nil, ErrCode(CodeMPLiveRoomState)
		}
		g.AuditStatus = 0
		return nil, nil
	})
	handle("POST /wxaapi/broadcast/goods/audit", func(_ *Request, l *mpLive, in *goodsIn) (any, error) {
		g := l.findGoods(in.GoodsID)
		if g == nil {
			return nil, ErrCode(CodeMPLiveGoodsNotFound)
		}
		if g.AuditStatus == 1 || g.AuditStatus == 2 {
			return nil, ErrCode(CodeMPLiveGoodsAuditing)
		}
		g.auditID, g.AuditStatus = l.nextAudit, 1
		l.nextAudit++
		return OK(M{"auditId": g.auditID}), nil
	})
	handle("POST /wxaapi/broadcast/goods/delete", func(_ *Request, l *mpLive, in *goodsIn) (any, error) {
		g := l.findGoods(in.GoodsID)
		if g == nil {
			return nil, ErrCode(CodeMPLiveGoodsNotFound)
		}
		if g.AuditStatus == 1 {
			return nil, ErrCode(CodeMPLiveGoodsAuditing)
		}
		l.goods = slices.DeleteFunc(l.goods, func(x *mpLiveGoods) bool { return x == g })
		return nil, nil
	})
	handle("POST /wxaapi/broadcast/goods/update", func(r *Request, l *mpLive, in *goodsIn) (any, error) {
		if in.GoodsInfo == nil {
			return nil, ErrCode(CodeDataFormat)
		}
		g := l.findGoods(in.GoodsInfo.GoodsID)
		if g == nil {
			return nil, ErrCode(CodeMPLiveGoodsNotFound)
		}
		if g.AuditStatus == 1 {
			return nil, ErrCode(CodeMPLiveGoodsAuditing)
		}
		if e := checkLiveGoods(r, in.GoodsInfo); e != nil {
			return nil, e
		}
		if g.AuditStatus == 2 && (in.GoodsInfo.Name != g.Name || in.GoodsInfo.CoverImgURL != g.CoverImgURL) {
			return nil, Errorf(CodeMPLiveGoodsAuditing, "approved goods may only change price and url")
		}
		g.Name, g.CoverImgURL, g.URL = in.GoodsInfo.Name, in.GoodsInfo.CoverImgURL, in.GoodsInfo.URL
		g.PriceType, g.Price, g.Price2 = in.GoodsInfo.PriceType, in.GoodsInfo.Price, in.GoodsInfo.Price2
		return nil, nil
	})
	handle("POST /wxa/business/getgoodswarehouse", func(_ *Request, l *mpLive, in *goodsIn) (any, error) {
		if len(in.GoodsIDs) == 0 || len(in.GoodsIDs) > 20 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		out := []M{}
		for _, id := range in.GoodsIDs {
			if g := l.findGoods(id); g != nil {
				out = append(out, M{"goods_id": g.GoodsID, "cover_img_url": g.CoverImgURL, "name": g.Name, "audit_status": g.AuditStatus,
					"url": g.URL, "price": g.Price, "price2": g.Price2, "price_type": g.PriceType, "third_party_tag": 0})
			}
		}
		return OK(M{"goods": out, "total": len(out)}), nil
	})
	s.HandleJSON("GET /wxaapi/broadcast/goods/getapproved", func(r *Request) (any, error) {
		status, err1 := strconv.Atoi(r.Query.Get("status"))
		offset, err2 := strconv.Atoi(r.Query.Get("offset"))
		limit, err3 := strconv.Atoi(r.Query.Get("limit"))
		if err1 != nil || err2 != nil || err3 != nil || offset < 0 || limit < 1 || limit > 100 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		l := s.mpLive(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		var match []M
		for _, g := range l.goods {
			if g.AuditStatus == status {
				match = append(match, M{"goodsId": g.GoodsID, "coverImgUrl": g.CoverImgURL, "name": g.Name, "price": g.Price,
					"price2": g.Price2, "priceType": g.PriceType, "url": g.URL, "thirdPartyTag": 0})
			}
		}
		page := append([]M{}, match[min(offset, len(match)):min(offset+limit, len(match))]...)
		return OK(M{"goods": page, "total": len(match)}), nil
	})
}
