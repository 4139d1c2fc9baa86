package fakepay

import (
	"net/http"
)

// PAPayNotice is a pre-deduction notice the fake received (papay.go).
type PAPayNotice struct {
	ContractID string
	MchID      string // mchid, or sp_mchid for a service provider
	SubMchID   string // service providers only
	Count      int64  // deduct_duration.count
	Unit       string // deduct_duration.unit
	Amount     int64  // estimated_amount.amount
	Currency   string // estimated_amount.currency
	Partner    bool   // sent by a service provider
}

// papayContract keeps the notices sent for one contract.
type papayContract struct {
	notices []PAPayNotice
}

func init() {
	routesB = append(routesB,
		route{"POST", "/v3/papay/contracts/{contract_id}/notify", func(s *Server, c *call) { s.papayNotify(c, false) }},
		route{"POST", "/v3/partner-papay/contracts/{contract_id}/notify", func(s *Server, c *call) { s.papayNotify(c, true) }},
	)
}

// papayNotify records a pre-deduction notice (204).
func (s *Server) papayNotify(c *call, partner bool) {
	mch, app := "mchid", "appid"
	if partner {
		mch, app = "sp_mchid", "sp_appid"
	}
	req := []string{mch, app, "deduct_duration.count", "deduct_duration.unit", "estimated_amount.amount", "estimated_amount.currency"}
	if partner {
		req = append(req, "sub_mchid")
	}
	if !s.requireJSON(c, req...) {
		return
	}
	switch {
	case len(c.params["contract_id"]) > 32:
		s.bad(c, "contract_id")
		return
	case c.str(mch) != s.requestMchID(c.r):
		s.fail(c.w, c.r, http.StatusBadRequest, "MCH_NOT_EXISTS", mch+"与请求的商户号不一致")
		return
	case c.str("deduct_duration.unit") != "DAY":
		s.bad(c, "deduct_duration.unit")
		return
	case c.num("deduct_duration.count") <= 0:
		s.bad(c, "deduct_duration.count")
		return
	case c.str("estimated_amount.currency") != "CNY":
		s.bad(c, "estimated_amount.currency")
		return
	case c.num("estimated_amount.amount") <= 0:
		s.bad(c, "estimated_amount.amount")
		return
	}
	if partner && !s.knownSub(c.w, c.r, c.str("sub_mchid")) {
		return
	}
	n := PAPayNotice{ContractID: c.params["contract_id"], MchID: c.str(mch), SubMchID: c.str("sub_mchid"),
		Count: c.num("deduct_duration.count"), Unit: c.str("deduct_duration.unit"), Amount: c.num("estimated_amount.amount"),
		Currency: c.str("estimated_amount.currency"), Partner: partner}
	s.withMore(c, func(m *moreState) answer {
		if m.papay == nil {
			m.papay = map[string]*papayContract{}
		}
		pc := m.papay[n.ContractID]
		if pc == nil {
			pc = &papayContract{}
			m.papay[n.ContractID] = pc
		}
		pc.notices = append(pc.notices, n)
		return answer{http.StatusNoContent, nil}
	})
}

// PAPayNotices returns the pre-deduction notices received for contractID,
// oldest first.
func (s *Server) PAPayNotices(contractID string) []PAPayNotice {
	s.more.mu.Lock()
	defer s.more.mu.Unlock()
	if pc := s.more.papay[contractID]; pc != nil {
		return append([]PAPayNotice(nil), pc.notices...)
	}
	return nil
}
