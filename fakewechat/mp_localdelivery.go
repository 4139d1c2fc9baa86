package fakewechat

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"sync"
)

// Local delivery (即时配送, /cgi-bin/express/local/business/*) keeps orders
// per app. The couriers and bound accounts are fixed (MPLocalShops): the
// sandbox account TEST/test_shop_id and a DADA test account, with the
// secrets the docs publish for them. Every order request must carry
// delivery_sign = sha1(shopid + shop_order_id + secret) (resultcode 1
// "签名校验失败" otherwise, as the couriers answer), a bound shopid (930560)
// and, where the docs require them, delivery_id of that account, openid,
// receiver, cargo, order_info and shop (930561). pre_add quotes a fixed fee
// (MPLocalFee yuan plus the order's tip) and stores nothing; add creates the
// order in state 101 with a waybill_id (930562 if shop_order_id is taken);
// readd places an ended order again (930562 while it is active). addtips
// needs state 101, the order's waybill_id (930563) and a tip larger than the
// last (930561). precancel and cancel answer the fee by state: 0 before a
// rider is assigned, 2 yuan until pickup, 5 yuan after; cancel moves the
// order to 103, 203 or 303 (303: the goods return to the shop);
// confirm_return takes an order in 303-305 to 401. An unknown order answers
// 930563, an ended one 930565. test_update_order (shopid test_shop_id
// only, no signature) sets any documented order_status on an active order.
func init() {
	stdMessages[CodeMPLocalUnboundShop] = "shop not bound"
	stdMessages[CodeMPLocalBadArgs] = "invalid args"
	stdMessages[CodeMPLocalOrderExists] = "order exists"
	stdMessages[CodeMPLocalOrderNotFound] = "order not exists"
	stdMessages[CodeMPLocalOrderEnded] = "order is finished"
	builtin = append(builtin, registerMPLocalDelivery)
}

// Errcodes of the local delivery endpoints.
const (
	CodeMPLocalUnboundShop   = 930560
	CodeMPLocalBadArgs       = 930561
	CodeMPLocalOrderExists   = 930562
	CodeMPLocalOrderNotFound = 930563
	CodeMPLocalOrderEnded    = 930565
)

// MPLocalFee is the delivery fee (yuan) the fake quotes for every order.
const MPLocalFee = 11.5

// MPLocalShop is a courier account bound to every app of the fake.
type MPLocalShop struct {
	DeliveryID string
	ShopID     string
	AppSecret  string
}

// MPLocalShops are the bound courier accounts: the sandbox account and
// the DADA test account of the docs.
var MPLocalShops = []MPLocalShop{
	{DeliveryID: "TEST", ShopID: "test_shop_id", AppSecret: "test_app_secrect"},
	{DeliveryID: "DADA", ShopID: "dadaaee18818d97e236", AppSecret: "1c6f40492d6d89caaad80b85f7d31670"},
}

var mpLocalCompanies = []M{{"delivery_id": "SFTC", "delivery_name": "顺丰同城急送"}, {"delivery_id": "SS", "delivery_name": "闪送"},
	{"delivery_id": "MTPS", "delivery_name": "美团配送"}, {"delivery_id": "DADA", "delivery_name": "达达"}, {"delivery_id": "TEST", "delivery_name": "测试配送公司"}}

var mpLocalStates = []int{101, 102, 103, 201, 202, 203, 204, 205, 301, 302, 303, 304, 305, 401, 501, 502}

func mpLocalEnded(st int) bool {
	return slices.Contains([]int{103, 203, 204, 205, 302, 401, 501, 502}, st)
}

type mpLocalOrder struct {
	shopID, orderID, deliveryID, waybill string
	status                               int
	tips                                 float64
}

type mpLocal struct {
	mu     sync.Mutex
	orders map[string]*mpLocalOrder // shopid + "/" + shop_order_id
	seq    int
}

func (s *Server) mpLocal(appid string) *mpLocal {
	return Value(s.State(appid), "mp.localdelivery", func() *mpLocal { return &mpLocal{orders: map[string]*mpLocalOrder{}} })
}

// MPLocalOrderStatus returns the order_status of a local delivery order, 0
// when there is none.
func (s *Server) MPLocalOrderStatus(appid, shopID, shopOrderID string) int {
	l := s.mpLocal(appid)
	l.mu.Lock()
	defer l.mu.Unlock()
	if o := l.orders[shopID+"/"+shopOrderID]; o != nil {
		return o.status
	}
	return 0
}

type mpLocalHead struct {
	ShopID       string  `json:"shopid"`
	ShopOrderID  string  `json:"shop_order_id"`
	DeliverySign string  `json:"delivery_sign"`
	DeliveryID   string  `json:"delivery_id"`
	WaybillID    string  `json:"waybill_id"`
	Tips         float64 `json:"tips"`
	ReasonID     int     `json:"cancel_reason_id"`
	Reason       string  `json:"cancel_reason"`
	OpenID       string  `json:"openid"`
	OrderInfo    *struct {
		Tips float64 `json:"tips"`
	} `json:"order_info"`
	Receiver *M `json:"receiver"`
	Cargo    *M `json:"cargo"`
	Shop     *M `json:"shop"`
}

// mpLocalResult is an answer with the courier's resultcode 0.
func mpLocalResult(m M) M {
	out := OK(m)
	out["resultcode"], out["resultmsg"] = 0, "ok"
	return out
}

// check verifies the account and signature; a bad signature is the
// courier's answer (a resultcode), the rest WeChat's errcodes.
func (h *mpLocalHead) check(needDelivery bool) (M, error) {
	if h.ShopID == "" || h.ShopOrderID == "" || h.DeliverySign == "" || (needDelivery && h.DeliveryID == "") {
		return nil, ErrCode(CodeMPLocalBadArgs)
	}
	i := slices.IndexFunc(MPLocalShops, func(sh MPLocalShop) bool { return sh.ShopID == h.ShopID })
	if i < 0 || (needDelivery && MPLocalShops[i].DeliveryID != h.DeliveryID) {
		return nil, ErrCode(CodeMPLocalUnboundShop)
	}
	sum := sha1.Sum([]byte(h.ShopID + h.ShopOrderID + MPLocalShops[i].AppSecret))
	if hex.EncodeToString(sum[:]) != h.DeliverySign {
		return OK(M{"resultcode": 1, "resultmsg": "签名校验失败"}), nil
	}
	return nil, nil
}

func (h *mpLocalHead) checkOrder() (M, error) {
	if m, err := h.check(true); m != nil || err != nil {
		return m, err
	}
	if h.OpenID == "" || h.Receiver == nil || h.Cargo == nil || h.OrderInfo == nil || h.Shop == nil {
		return nil, ErrCode(CodeMPLocalBadArgs)
	}
	return nil, nil
}

func (h *mpLocalHead) tip() float64 {
	if h.OrderInfo == nil {
		return 0
	}
	return h.OrderInfo.Tips
}

func mpLocalCancelFee(st int) float64 {
	switch {
	case st == 101:
		return 0
	case st < 202:
		return 2 // a rider is assigned or at the shop
	}
	return 5
}

// mpLocalCancelled is the state a cancel leaves: 103 before a rider is at
// the shop, 203 while he is, 303 (returning) once the goods are picked up.
func mpLocalCancelled(st int) int {
	switch {
	case st < 200:
		return 103
	case st == 201:
		return 203
	}
	return 303
}

func registerMPLocalDelivery(s *Server) {
	const base = "POST /cgi-bin/express/local/business/"
	// handle decodes the head, locks the app's orders and runs fn.
	handle := func(path string, fn func(l *mpLocal, h *mpLocalHead) (M, error)) {
		s.HandleJSON(base+path, func(r *Request) (any, error) {
			var h mpLocalHead
			if err := r.Decode(&h); err != nil {
				return nil, err
			}
			l := s.mpLocal(r.AppID)
			l.mu.Lock()
			defer l.mu.Unlock()
			return fn(l, &h)
		})
	}
	// order finds an order after checking the signature, and its
	// delivery_id and waybill_id when the request must carry them.
	order := func(l *mpLocal, h *mpLocalHead, needDelivery, needWaybill bool) (*mpLocalOrder, M, error) {
		if m, err := h.check(needDelivery); m != nil || err != nil {
			return nil, m, err
		}
		o := l.orders[h.ShopID+"/"+h.ShopOrderID]
		if o == nil || (needDelivery && o.deliveryID != h.DeliveryID) || (needWaybill && o.waybill != h.WaybillID) {
			return nil, nil, ErrCode(CodeMPLocalOrderNotFound)
		}
		return o, nil, nil
	}
	place := func(l *mpLocal, h *mpLocalHead) M {
		l.seq++
		o := &mpLocalOrder{shopID: h.ShopID, orderID: h.ShopOrderID, deliveryID: h.DeliveryID,
			waybill: fmt.Sprintf("%s%012d", h.DeliveryID, l.seq), status: 101, tips: h.tip()}
		l.orders[h.ShopID+"/"+h.ShopOrderID] = o
		return mpLocalResult(M{"fee": MPLocalFee + o.tips, "deliverfee": MPLocalFee, "couponfee": 0, "tips": o.tips, "insurancefee": 0,
			"distance": 1200, "waybill_id": o.waybill, "order_status": 101, "finish_code": 1234, "pickup_code": 5678, "dispatch_duration": 300})
	}

	s.HandleJSON(base+"delivery/getall", func(r *Request) (any, error) {
		return mpLocalResult(M{"list": mpLocalCompanies}), nil
	})
	s.HandleJSON(base+"shop/get", func(r *Request) (any, error) {
		list := make([]M, len(MPLocalShops))
		for i, sh := range MPLocalShops {
			list[i] = M{"delivery_id": sh.DeliveryID, "shopid": sh.ShopID, "audit_result": 0}
		}
		return mpLocalResult(M{"shop_list": list}), nil
	})
	handle("order/pre_add", func(l *mpLocal, h *mpLocalHead) (M, error) {
		if m, err := h.checkOrder(); m != nil || err != nil {
			return m, err
		}
		q := M{"fee": MPLocalFee + h.tip(), "deliverfee": MPLocalFee, "couponfee": 0, "tips": h.tip(), "insurancefee": 0,
			"distance": 1200, "dispatch_duration": 300}
		if h.DeliveryID == "DADA" {
			q["delivery_token"] = "fake_delivery_token_" + h.ShopOrderID
		}
		return mpLocalResult(q), nil
	})
	handle("order/add", func(l *mpLocal, h *mpLocalHead) (M, error) {
		if m, err := h.checkOrder(); m != nil || err != nil {
			return m, err
		}
		if l.orders[h.ShopID+"/"+h.ShopOrderID] != nil {
			return nil, ErrCode(CodeMPLocalOrderExists)
		}
		return place(l, h), nil
	})
	handle("order/readd", func(l *mpLocal, h *mpLocalHead) (M, error) {
		if m, err := h.checkOrder(); m != nil || err != nil {
			return m, err
		}
		o := l.orders[h.ShopID+"/"+h.ShopOrderID]
		if o == nil {
			return nil, ErrCode(CodeMPLocalOrderNotFound)
		}
		if !mpLocalEnded(o.status) {
			return nil, ErrCode(CodeMPLocalOrderExists)
		}
		return place(l, h), nil
	})
	handle("order/addtips", func(l *mpLocal, h *mpLocalHead) (M, error) {
		o, m, err := order(l, h, false, true)
		if o == nil {
			return m, err
		}
		switch {
		case mpLocalEnded(o.status):
			return nil, ErrCode(CodeMPLocalOrderEnded)
		case o.status != 101:
			return nil, Errorf(CodeMPLocalBadArgs, "tips only before a rider is assigned")
		case h.Tips <= o.tips:
			return nil, Errorf(CodeMPLocalBadArgs, "tips must be larger than %v", o.tips)
		}
		o.tips = h.Tips
		return mpLocalResult(nil), nil
	})
	cancel := func(apply bool) func(l *mpLocal, h *mpLocalHead) (M, error) {
		return func(l *mpLocal, h *mpLocalHead) (M, error) {
			// cancel takes no waybill_id (but SFTC needs it); precancel does.
			o, m, err := order(l, h, true, !apply || h.WaybillID != "")
			if o == nil {
				return m, err
			}
			switch {
			case apply && (h.ReasonID < 1 || h.ReasonID > 6 || (h.ReasonID == 6 && h.Reason == "")):
				return nil, Errorf(CodeMPLocalBadArgs, "invalid cancel_reason_id")
			case mpLocalEnded(o.status) || o.status >= 303:
				return nil, ErrCode(CodeMPLocalOrderEnded)
			}
			fee := mpLocalCancelFee(o.status)
			if apply {
				o.status = mpLocalCancelled(o.status)
			}
			return mpLocalResult(M{"deduct_fee": fee, "desc": fmt.Sprintf("扣除违约金%v元", fee)}), nil
		}
	}
	handle("order/precancel", cancel(false))
	handle("order/cancel", cancel(true))
	handle("order/get", func(l *mpLocal, h *mpLocalHead) (M, error) {
		o, m, err := order(l, h, false, false)
		if o == nil {
			return m, err
		}
		a := M{"order_status": o.status, "waybill_id": o.waybill, "rider_name": "", "rider_phone": "", "rider_lng": 0, "rider_lat": 0, "reach_time": 0}
		if o.status >= 102 && o.status != 103 {
			a["rider_name"], a["rider_phone"] = "测试骑手", "13800000000"
		}
		if o.status == 301 {
			a["rider_lng"], a["rider_lat"], a["reach_time"] = 113.93, 22.54, 300
		}
		return mpLocalResult(a), nil
	})
	handle("order/confirm_return", func(l *mpLocal, h *mpLocalHead) (M, error) {
		o, m, err := order(l, h, false, true)
		if o == nil {
			return m, err
		}
		if o.status < 303 || o.status > 305 {
			return nil, Errorf(CodeMPLocalBadArgs, "the goods are not returning")
		}
		o.status = 401
		return mpLocalResult(nil), nil
	})
	s.HandleJSON(base+"test_update_order", func(r *Request) (any, error) {
		var in struct {
			ShopID      string `json:"shopid"`
			ShopOrderID string `json:"shop_order_id"`
			ActionTime  int64  `json:"action_time"`
			OrderStatus int    `json:"order_status"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.ShopID != "test_shop_id" || in.ActionTime <= 0 || !slices.Contains(mpLocalStates, in.OrderStatus) {
			return nil, ErrCode(CodeMPLocalBadArgs)
		}
		l := s.mpLocal(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		o := l.orders[in.ShopID+"/"+in.ShopOrderID]
		switch {
		case o == nil:
			return nil, ErrCode(CodeMPLocalOrderNotFound)
		case mpLocalEnded(o.status):
			return nil, ErrCode(CodeMPLocalOrderEnded)
		}
		o.status = in.OrderStatus
		return mpLocalResult(nil), nil
	})
}
