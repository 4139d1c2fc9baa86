package fakewechat

import (
	"strings"
	"sync"
	"time"
)

// Order detail path and special shipping reports (发货信息管理):
// update_order_detail_path keeps the path per app (MPOrderDetailPath); it
// must hold "${商品订单号}" (10060035 "无效的路径" otherwise). opspecialorder
// takes an order of MPAddPaidOrder, by transaction id or merchant trade
// number, that is still to be shipped (268546002 otherwise), type 1 or 2
// (268546000) and, for type 1, delay_to 15 to 330 days after payment
// (268546001); the report is kept (MPSpecialOrder).
func init() {
	stdMessages[CodeMPOrderDetailPathInvalid] = "无效的路径"
	stdMessages[CodeMPSpecialOrderBadType] = "type非法"
	stdMessages[CodeMPSpecialOrderBadDelay] = "delay_to非法"
	stdMessages[CodeMPSpecialOrderNotFound] = "账户不存在这个待发货单号"
	builtin = append(builtin, registerMPShippingOrderPath)
}

// Errcodes of update_order_detail_path and opspecialorder.
const (
	CodeMPOrderDetailPathInvalid = 10060035
	CodeMPSpecialOrderBadType    = 268546000
	CodeMPSpecialOrderBadDelay   = 268546001
	CodeMPSpecialOrderNotFound   = 268546002
)

// MPSpecialReport is a special shipping report of opspecialorder.
type MPSpecialReport struct {
	Type    int   // 1 presale, 2 test
	DelayTo int64 // Unix seconds, for presale
}

type mpOrderPath struct {
	mu      sync.Mutex
	path    string
	reports map[string]MPSpecialReport // by transaction id
}

func (s *Server) mpOrderPath(appid string) *mpOrderPath {
	return Value(s.State(appid), "mp.shipping.orderpath", func() *mpOrderPath { return &mpOrderPath{reports: map[string]MPSpecialReport{}} })
}

// MPOrderDetailPath returns the path set by update_order_detail_path.
func (s *Server) MPOrderDetailPath(appid string) string {
	p := s.mpOrderPath(appid)
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.path
}

// MPSpecialOrder returns the special shipping report of a paid order.
func (s *Server) MPSpecialOrder(appid, transactionID string) (MPSpecialReport, bool) {
	p := s.mpOrderPath(appid)
	p.mu.Lock()
	defer p.mu.Unlock()
	r, ok := p.reports[transactionID]
	return r, ok
}

func registerMPShippingOrderPath(s *Server) {
	s.HandleJSON("POST /wxa/sec/order/update_order_detail_path", func(r *Request) (any, error) {
		var in struct {
			Path string `json:"path"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if !strings.Contains(in.Path, "${商品订单号}") {
			return nil, ErrCode(CodeMPOrderDetailPathInvalid)
		}
		p := s.mpOrderPath(r.AppID)
		p.mu.Lock()
		defer p.mu.Unlock()
		p.path = in.Path
		return nil, nil
	})
	s.HandleJSON("POST /wxa/sec/order/opspecialorder", func(r *Request) (any, error) {
		var in struct {
			OrderID string `json:"order_id"`
			Type    int    `json:"type"`
			DelayTo int64  `json:"delay_to"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Type != 1 && in.Type != 2 {
			return nil, ErrCode(CodeMPSpecialOrderBadType)
		}
		sh := s.mpShipping(r.AppID)
		sh.mu.Lock()
		var found *mpShipOrder
		for _, o := range sh.orders {
			if in.OrderID != "" && (o.TransactionID == in.OrderID || o.MerchantTradeNo == in.OrderID) && o.State == 1 {
				found = o
				break
			}
		}
		sh.mu.Unlock()
		if found == nil {
			return nil, ErrCode(CodeMPSpecialOrderNotFound)
		}
		const day = int64(24 * time.Hour / time.Second)
		if in.Type == 1 && (in.DelayTo < found.payTime+15*day || in.DelayTo > found.payTime+330*day) {
			return nil, ErrCode(CodeMPSpecialOrderBadDelay)
		}
		if in.Type == 2 {
			in.DelayTo = 0
		}
		p := s.mpOrderPath(r.AppID)
		p.mu.Lock()
		defer p.mu.Unlock()
		p.reports[found.TransactionID] = MPSpecialReport{Type: in.Type, DelayTo: in.DelayTo}
		return nil, nil
	})
}
