package fakewechat

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"sync"
)

// Virtual payment (虚拟支付, /xpay/*): MPSetXPayAppKey sets the AppKey of
// an environment (env 0 production, 1 sandbox); every request must carry
// pay_sig = hex(HMAC-SHA256(AppKey of the body's env, path + "&" + body))
// (268490003 otherwise), and query_user_balance, currency_pay and
// cancel_currency_pay also signature = hex(HMAC-SHA256(session_key of the
// body's openid, body)) (268490009 without a session, 268490003 when
// wrong). Balances are kept per environment and user: MPXPayTopUp adds
// paid tokens, present_currency presented ones, currency_pay takes the
// presented part first (268490006 when short), cancel_currency_pay gives a
// payment back up to its amount; order ids are unique (268490004).
// MPAddXPayOrder registers a paid cash order for query_order,
// refund_order (refund_fee in (0, left_fee], left_fee equal to the order's)
// and notify_provide_goods. Withdrawals succeed at once; download_bill
// (no env in its body) is signed with the production AppKey and answers a URL; upload and publish tasks finish at once, an item whose id
// is uploaded twice reporting upload_status 1.
func init() {
	stdMessages[CodeMPXPayBadOpenID] = "openid error"
	stdMessages[CodeMPXPayBadParam] = "request param error"
	stdMessages[CodeMPXPayBadSig] = "sign error"
	stdMessages[CodeMPXPayDuplicate] = "duplicate operation"
	stdMessages[CodeMPXPayRefunded] = "order refunded"
	stdMessages[CodeMPXPayShort] = "balance not enough"
	stdMessages[CodeMPXPayNoSession] = "session_key not exist or expired"
	builtin = append(builtin, registerMPXPay)
}

// Errcodes of the virtual payment endpoints.
const (
	CodeMPXPayBadOpenID = 268490001
	CodeMPXPayBadParam  = 268490002
	CodeMPXPayBadSig    = 268490003
	CodeMPXPayDuplicate = 268490004
	CodeMPXPayRefunded  = 268490005
	CodeMPXPayShort     = 268490006
	CodeMPXPayNoSession = 268490009
)

type mpXPayBalance struct {
	paid, present, sumSave, sumPresent, sumCost int64
}

type mpXPayPayment struct {
	openid   string
	amount   int64
	refunded int64
}

// MPXPayOrder is a cash order of the fake virtual payment.
type MPXPayOrder struct {
	OrderID   string
	WxOrderID string
	OpenID    string
	Fee       int64 // fen
	LeftFee   int64
	Status    int // 2 paid, 4 provided, 5 refunded
}

type mpXPayEnv struct {
	key       string
	balances  map[string]*mpXPayBalance
	payments  map[string]*mpXPayPayment
	used      map[string]bool // order ids taken
	orders    []*MPXPayOrder
	withdraws map[string]M
	uploaded  map[string]bool
	upload    []M
	publish   []M
}

type mpXPay struct {
	mu   sync.Mutex
	envs [2]*mpXPayEnv
}

func (s *Server) mpXPay(appid string) *mpXPay {
	return Value(s.State(appid), "mp.xpay", func() *mpXPay {
		x := &mpXPay{}
		for i := range x.envs {
			x.envs[i] = &mpXPayEnv{balances: map[string]*mpXPayBalance{}, payments: map[string]*mpXPayPayment{},
				used: map[string]bool{}, withdraws: map[string]M{}, uploaded: map[string]bool{}}
		}
		return x
	})
}

// MPSetXPayAppKey sets the AppKey of env (0 production, 1 sandbox).
func (s *Server) MPSetXPayAppKey(appid string, env int, key string) {
	x := s.mpXPay(appid)
	x.mu.Lock()
	x.envs[env&1].key = key
	x.mu.Unlock()
}

// MPXPayTopUp adds paid tokens to a user's balance in env.
func (s *Server) MPXPayTopUp(appid string, env int, openid string, amount int64) {
	x := s.mpXPay(appid)
	x.mu.Lock()
	b := x.envs[env&1].balance(openid)
	b.paid += amount
	b.sumSave += amount
	x.mu.Unlock()
}

// MPXPayBalance returns a user's total token balance in env.
func (s *Server) MPXPayBalance(appid string, env int, openid string) int64 {
	x := s.mpXPay(appid)
	x.mu.Lock()
	defer x.mu.Unlock()
	b := x.envs[env&1].balance(openid)
	return b.paid + b.present
}

// MPAddXPayOrder registers a paid cash order in env and returns its
// WeChat order id.
func (s *Server) MPAddXPayOrder(appid string, env int, openid, orderID string, fee int64) string {
	x := s.mpXPay(appid)
	x.mu.Lock()
	defer x.mu.Unlock()
	e := x.envs[env&1]
	o := &MPXPayOrder{OrderID: orderID, WxOrderID: fmt.Sprintf("wx%030d", len(e.orders)+1), OpenID: openid, Fee: fee, LeftFee: fee, Status: 2}
	e.orders = append(e.orders, o)
	return o.WxOrderID
}

// MPXPayOrders returns the cash orders of env.
func (s *Server) MPXPayOrders(appid string, env int) []MPXPayOrder {
	x := s.mpXPay(appid)
	x.mu.Lock()
	defer x.mu.Unlock()
	var out []MPXPayOrder
	for _, o := range x.envs[env&1].orders {
		out = append(out, *o)
	}
	return out
}

func (e *mpXPayEnv) balance(openid string) *mpXPayBalance {
	b := e.balances[openid]
	if b == nil {
		b = &mpXPayBalance{}
		e.balances[openid] = b
	}
	return b
}

func (e *mpXPayEnv) order(orderID, wxOrderID string) *MPXPayOrder {
	for _, o := range e.orders {
		if (orderID != "" && o.OrderID == orderID) || (orderID == "" && wxOrderID != "" && o.WxOrderID == wxOrderID) {
			return o
		}
	}
	return nil
}

func hmacHex(key string, parts ...[]byte) string {
	m := hmac.New(sha256.New, []byte(key))
	for _, p := range parts {
		m.Write(p)
	}
	return hex.EncodeToString(m.Sum(nil))
}

var mpXPayID = regexp.MustCompile(`^[0-9A-Za-z_\-|*@]{8,32}$`)

// xpayHandler checks the signatures, decodes the body into in and runs fn
// with the environment of the body, under the lock.
func (s *Server) xpayHandler(user bool, in func() any, fn func(r *Request, e *mpXPayEnv, v any) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		var head struct {
			Env    *int   `json:"env"`
			OpenID string `json:"openid"`
		}
		if err := r.Decode(&head); err != nil {
			return nil, err
		}
		if head.Env == nil && r.HTTP.URL.Path == "/xpay/download_bill" {
			head.Env = new(int) // the bill is of production, without env
		}
		if head.Env == nil || (*head.Env != 0 && *head.Env != 1) {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		v := in()
		if err := json.Unmarshal(r.Body, v); err != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		x := s.mpXPay(r.AppID)
		x.mu.Lock()
		e := x.envs[*head.Env]
		key := e.key
		x.mu.Unlock()
		if key == "" || !hmac.Equal([]byte(r.Query.Get("pay_sig")), []byte(hmacHex(key, []byte(r.HTTP.URL.Path), []byte{'&'}, r.Body))) {
			return nil, Errorf(CodeMPXPayBadSig, "pay_sig error")
		}
		if user {
			if head.OpenID == "" {
				return nil, ErrCode(CodeMPXPayBadOpenID)
			}
			sk, ok := s.MPSessionKey(r.AppID, head.OpenID)
			if !ok {
				return nil, ErrCode(CodeMPXPayNoSession)
			}
			if !hmac.Equal([]byte(r.Query.Get("signature")), []byte(hmacHex(sk, r.Body))) {
				return nil, Errorf(CodeMPXPayBadSig, "signature error")
			}
		}
		x.mu.Lock()
		defer x.mu.Unlock()
		return fn(r, e, v)
	}
}

func registerMPXPay(s *Server) {
	type userIn struct {
		OpenID     string `json:"openid"`
		UserIP     string `json:"user_ip"`
		OrderID    string `json:"order_id"`
		PayOrderID string `json:"pay_order_id"`
		Amount     int64  `json:"amount"`
		PayItem    string `json:"payitem"`
		WxOrderID  string `json:"wx_order_id"`
	}
	newUser := func() any { return new(userIn) }
	s.HandleJSON("POST /xpay/query_user_balance", s.xpayHandler(true, newUser, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*userIn)
		if in.UserIP == "" {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		b := e.balance(in.OpenID)
		return OK(M{"balance": b.paid + b.present, "present_balance": b.present, "sum_save": b.sumSave, "sum_present": b.sumPresent,
			"sum_balance": b.sumSave + b.sumPresent, "sum_cost": b.sumCost, "first_save_flag": b.sumSave == 0}), nil
	}))
	s.HandleJSON("POST /xpay/currency_pay", s.xpayHandler(true, newUser, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*userIn)
		var items []json.RawMessage
		if in.UserIP == "" || in.Amount <= 0 || !mpXPayID.MatchString(in.OrderID) || json.Unmarshal([]byte(in.PayItem), &items) != nil {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		if e.used[in.OrderID] {
			return nil, ErrCode(CodeMPXPayDuplicate)
		}
		b := e.balance(in.OpenID)
		if b.paid+b.present < in.Amount {
			return nil, ErrCode(CodeMPXPayShort)
		}
		fromPresent := min(b.present, in.Amount)
		b.present -= fromPresent
		b.paid -= in.Amount - fromPresent
		b.sumCost += in.Amount
		e.used[in.OrderID] = true
		e.payments[in.OrderID] = &mpXPayPayment{openid: in.OpenID, amount: in.Amount}
		return OK(M{"order_id": in.OrderID, "balance": b.paid + b.present, "used_present_amount": fromPresent}), nil
	}))
	s.HandleJSON("POST /xpay/cancel_currency_pay", s.xpayHandler(true, newUser, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*userIn)
		if in.UserIP == "" || in.Amount <= 0 || !mpXPayID.MatchString(in.OrderID) || in.PayOrderID == "" {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		p := e.payments[in.PayOrderID]
		switch {
		case p == nil || p.openid != in.OpenID:
			return nil, Errorf(CodeMPXPayBadParam, "pay_order_id not found")
		case e.used[in.OrderID]:
			return nil, ErrCode(CodeMPXPayDuplicate)
		case p.refunded+in.Amount > p.amount:
			return nil, ErrCode(CodeMPXPayRefunded)
		}
		p.refunded += in.Amount
		e.used[in.OrderID] = true
		e.balance(in.OpenID).paid += in.Amount
		e.balance(in.OpenID).sumCost -= in.Amount
		return OK(M{"order_id": in.OrderID}), nil
	}))
	s.HandleJSON("POST /xpay/present_currency", s.xpayHandler(false, newUser, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*userIn)
		if in.OpenID == "" {
			return nil, ErrCode(CodeMPXPayBadOpenID)
		}
		if in.Amount <= 0 || !mpXPayID.MatchString(in.OrderID) {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		if e.used[in.OrderID] {
			return nil, ErrCode(CodeMPXPayDuplicate)
		}
		e.used[in.OrderID] = true
		b := e.balance(in.OpenID)
		b.present += in.Amount
		b.sumPresent += in.Amount
		return OK(M{"balance": b.paid + b.present, "order_id": in.OrderID, "present_balance": b.present}), nil
	}))
	orderView := func(o *MPXPayOrder, env int) M {
		return M{"order_id": o.OrderID, "create_time": 1700000000, "update_time": 1700000100, "status": o.Status, "biz_type": 0,
			"order_fee": o.Fee, "coupon_fee": 0, "paid_fee": o.Fee, "order_type": 0, "refund_fee": o.Fee - o.LeftFee,
			"paid_time": 1700000010, "provide_time": 0, "biz_meta": "", "env_type": env + 1, "token": "", "left_fee": o.LeftFee,
			"wx_order_id": o.WxOrderID, "channel_order_id": "", "wxpay_order_id": ""}
	}
	envOf := func(r *Request) int {
		var h struct {
			Env int `json:"env"`
		}
		_ = json.Unmarshal(r.Body, &h)
		return h.Env
	}
	s.HandleJSON("POST /xpay/query_order", s.xpayHandler(false, newUser, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*userIn)
		o := e.order(in.OrderID, in.WxOrderID)
		if o == nil {
			return nil, Errorf(CodeMPXPayBadParam, "order not found")
		}
		return OK(M{"order": orderView(o, envOf(r))}), nil
	}))
	type refundIn struct {
		userIn
		RefundOrderID string `json:"refund_order_id"`
		LeftFee       int64  `json:"left_fee"`
		RefundFee     int64  `json:"refund_fee"`
		RefundReason  string `json:"refund_reason"`
		ReqFrom       string `json:"req_from"`
	}
	s.HandleJSON("POST /xpay/refund_order", s.xpayHandler(false, func() any { return new(refundIn) }, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*refundIn)
		o := e.order(in.OrderID, in.WxOrderID)
		switch {
		case o == nil || o.OpenID != in.OpenID:
			return nil, Errorf(CodeMPXPayBadParam, "order not found")
		case !mpXPayID.MatchString(in.RefundOrderID) || in.RefundReason == "" || in.ReqFrom == "":
			return nil, ErrCode(CodeMPXPayBadParam)
		case e.used[in.RefundOrderID]:
			return nil, ErrCode(CodeMPXPayDuplicate)
		case in.LeftFee != o.LeftFee || in.RefundFee <= 0 || in.RefundFee > o.LeftFee:
			return nil, Errorf(CodeMPXPayBadParam, "refund_fee or left_fee error")
		}
		e.used[in.RefundOrderID] = true
		o.LeftFee -= in.RefundFee
		if o.LeftFee == 0 {
			o.Status = 5
		}
		return OK(M{"refund_order_id": in.RefundOrderID, "refund_wx_order_id": "wxr" + in.RefundOrderID, "pay_order_id": o.OrderID, "pay_wx_order_id": o.WxOrderID}), nil
	}))
	s.HandleJSON("POST /xpay/notify_provide_goods", s.xpayHandler(false, newUser, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*userIn)
		o := e.order(in.OrderID, in.WxOrderID)
		if o == nil || o.Status != 2 {
			return nil, Errorf(CodeMPXPayBadParam, "order not paid")
		}
		o.Status = 4
		return nil, nil
	}))
	type withdrawIn struct {
		WithdrawNo     string `json:"withdraw_no"`
		WithdrawAmount string `json:"withdraw_amount"`
	}
	s.HandleJSON("POST /xpay/create_withdraw_order", s.xpayHandler(false, func() any { return new(withdrawIn) }, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*withdrawIn)
		if !mpXPayID.MatchString(in.WithdrawNo) {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		if e.withdraws[in.WithdrawNo] != nil {
			return nil, ErrCode(CodeMPXPayDuplicate)
		}
		amount := in.WithdrawAmount
		if amount == "" {
			amount = "0.00"
		}
		w := M{"withdraw_no": in.WithdrawNo, "status": 2, "withdraw_amount": amount, "wx_withdraw_no": "wxw" + in.WithdrawNo,
			"withdraw_success_timestamp": r.Now().Unix(), "create_time": r.Now().Format("2006-01-02 15:04:05"), "fail_reason": ""}
		e.withdraws[in.WithdrawNo] = w
		return OK(M{"withdraw_no": in.WithdrawNo, "wx_withdraw_no": w["wx_withdraw_no"]}), nil
	}))
	s.HandleJSON("POST /xpay/query_withdraw_order", s.xpayHandler(false, func() any { return new(withdrawIn) }, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		w := e.withdraws[v.(*withdrawIn).WithdrawNo]
		if w == nil {
			return nil, Errorf(CodeMPXPayBadParam, "withdraw_no not found")
		}
		return OK(w), nil
	}))
	type billIn struct {
		BeginDs int `json:"begin_ds"`
		EndDs   int `json:"end_ds"`
	}
	s.HandleJSON("POST /xpay/download_bill", s.xpayHandler(false, func() any { return new(billIn) }, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*billIn)
		if in.BeginDs < 20000101 || in.EndDs < in.BeginDs {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		return OK(M{"url": fmt.Sprintf("https://xpay.example.invalid/bill/%d-%d.csv", in.BeginDs, in.EndDs)}), nil
	}))
	type goodsIn struct {
		UploadItem []struct {
			ID      string `json:"id"`
			Name    string `json:"name"`
			Price   int64  `json:"price"`
			Remark  string `json:"remark"`
			ItemURL string `json:"item_url"`
		} `json:"upload_item"`
		PublishItem []struct {
			ID string `json:"id"`
		} `json:"publish_item"`
	}
	s.HandleJSON("POST /xpay/start_upload_goods", s.xpayHandler(false, func() any { return new(goodsIn) }, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*goodsIn)
		if len(in.UploadItem) == 0 || len(in.UploadItem) > 500 {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		e.upload = nil
		for _, it := range in.UploadItem {
			if it.ID == "" || it.Name == "" || it.Price <= 0 || it.ItemURL == "" {
				return nil, ErrCode(CodeMPXPayBadParam)
			}
			st := 2
			if e.uploaded[it.ID] {
				st = 1
			}
			e.uploaded[it.ID] = true
			e.upload = append(e.upload, M{"id": it.ID, "name": it.Name, "price": it.Price, "remark": it.Remark, "item_url": it.ItemURL, "upload_status": st, "errmsg": ""})
		}
		return nil, nil
	}))
	s.HandleJSON("POST /xpay/start_publish_goods", s.xpayHandler(false, func() any { return new(goodsIn) }, func(r *Request, e *mpXPayEnv, v any) (any, error) {
		in := v.(*goodsIn)
		if len(in.PublishItem) == 0 || len(in.PublishItem) > 500 {
			return nil, ErrCode(CodeMPXPayBadParam)
		}
		e.publish = nil
		for _, it := range in.PublishItem {
			st, msg := 2, ""
			if !e.uploaded[it.ID] {
				st, msg = 3, "id not uploaded"
			}
			e.publish = append(e.publish, M{"id": it.ID, "publish_status": st, "errmsg": msg})
		}
		return nil, nil
	}))
	task := func(list func(e *mpXPayEnv) []M, field string) JSONHandler {
		return s.xpayHandler(false, func() any { return new(struct{}) }, func(r *Request, e *mpXPayEnv, v any) (any, error) {
			l := list(e)
			st := 0
			if l != nil {
				st = 3
				for _, it := range l {
					if it["upload_status"] == 3 || it["publish_status"] == 3 {
						st = 2
					}
				}
			}
			return OK(M{field: append([]M{}, l...), "status": st}), nil
		})
	}
	s.HandleJSON("POST /xpay/query_upload_goods", task(func(e *mpXPayEnv) []M { return e.upload }, "upload_item"))
	s.HandleJSON("POST /xpay/query_publish_goods", task(func(e *mpXPayEnv) []M { return e.publish }, "publish_item"))
}
