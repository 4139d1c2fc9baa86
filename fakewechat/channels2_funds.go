package fakewechat

import (
	"encoding/json"
	"strconv"
	"sync"
)

// Channels shop funds (微信小店 资金结算), kept per app: the balance
// starts at the docs' example and withdrawals take from it; see the
// "Channels shop" section of the package doc.
func init() { builtin = append(builtin, registerChannelsFunds) }

// The docs' example balance, where every app's account starts.
const (
	ChannelsAvailableAmount = 45331
	ChannelsPendingAmount   = 7549
	ChannelsSubMchID        = "1588759201"
)

// ChannelsFundsFlows are the funds-flow entries getfundsflowdetail
// answers, by flow_id (the docs' example id).
var ChannelsFundsFlows = map[string]M{
	"10000057741221110": {"flow_id": "10000057741221110", "funds_type": 1, "flow_type": 1, "amount": 3900,
		"balance": ChannelsAvailableAmount, "bookkeeping_time": "2023-02-11 15:45:39", "remark": "",
		"related_info_list": []M{{"related_type": 1, "order_id": "3709260970493871360"}}},
}

type chWithdraw struct {
	ID               string
	Amount           int64
	Remark, BankMemo string
	Created, Updated int64
	Status           string
	Day              string // Beijing date of submission
}

type chFunds struct {
	mu        sync.Mutex
	available int64
	next      int64
	list      []*chWithdraw
}

func (s *Server) chFunds(appid string) *chFunds {
	return Value(s.State(appid), "channels.funds", func() *chFunds {
		return &chFunds{available: ChannelsAvailableAmount, next: 13675014323600561}
	})
}

func registerChannelsFunds(s *Server) {
	handle := func(pattern string, fn func(r *Request, f *chFunds) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			if _, err := r.JSON(); err != nil {
				return nil, err
			}
			f := s.chFunds(r.AppID)
			f.mu.Lock()
			defer f.mu.Unlock()
			return fn(r, f)
		})
	}
	handle("POST /channels/ec/funds/getbalance", func(_ *Request, f *chFunds) (any, error) {
		return OK(M{"available_amount": f.available, "pending_amount": ChannelsPendingAmount, "sub_mchid": ChannelsSubMchID}), nil
	})
	handle("POST /channels/ec/funds/getfundsflowdetail", func(r *Request, _ *chFunds) (any, error) {
		var in struct {
			FlowID string `json:"flow_id"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		flow, ok := ChannelsFundsFlows[in.FlowID]
		if !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid args: flow_id %q not found", in.FlowID)
		}
		return OK(M{"funds_flow": flow}), nil
	})
	handle("POST /channels/ec/funds/submitwithdraw", func(r *Request, f *chFunds) (any, error) {
		var in struct {
			Amount   *int64 `json:"amount"`
			Remark   string `json:"remark"`
			BankMemo string `json:"bank_memo"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		now := r.Now()
		day := now.In(oaBeijing).Format("2006-01-02")
		switch {
		case in.Amount == nil || *in.Amount <= 0:
			return nil, Errorf(CodeInvalidArgs, "invalid args: amount must be above 0")
		case *in.Amount > f.available:
			return nil, Errorf(CodeInvalidArgs, "invalid args: amount above the available balance")
		case len(f.list) > 0 && f.list[len(f.list)-1].Day == day:
			return nil, Errorf(CodeInvalidArgs, "invalid args: one withdrawal a day")
		}
		w := &chWithdraw{ID: "wd" + strconv.FormatInt(f.next, 10), Amount: *in.Amount, Remark: in.Remark, BankMemo: in.BankMemo,
			Created: now.Unix(), Updated: now.Unix(), Status: "CREATE_SUCCESS", Day: day}
		f.next++
		f.available -= w.Amount
		f.list = append(f.list, w)
		return OK(M{"withdraw_id": w.ID, "qrcode_ticket": "ticket_" + w.ID}), nil
	})
	handle("POST /channels/ec/funds/getwithdrawdetail", func(r *Request, f *chFunds) (any, error) {
		var in struct {
			WithdrawID string `json:"withdraw_id"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		for _, w := range f.list {
			if w.ID == in.WithdrawID {
				return OK(M{"amount": w.Amount, "create_time": w.Created, "update_time": w.Updated, "reason": "",
					"remark": w.Remark, "bank_memo": w.BankMemo, "bank_name": "", "bank_num": "", "status": w.Status}), nil
			}
		}
		return nil, Errorf(CodeInvalidArgs, "invalid args: withdraw_id %q not found", in.WithdrawID)
	})
	handle("POST /channels/ec/funds/getwithdrawlist", func(r *Request, f *chFunds) (any, error) {
		var in struct {
			PageNum   int   `json:"page_num"`
			PageSize  int   `json:"page_size"`
			StartTime int64 `json:"start_time"`
			EndTime   int64 `json:"end_time"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		if in.PageNum < 1 || in.PageSize < 1 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: page_num and page_size must be at least 1")
		}
		var match []string
		for _, w := range f.list {
			if (in.StartTime == 0 || w.Created >= in.StartTime) && (in.EndTime == 0 || w.Created <= in.EndTime) {
				match = append(match, w.ID)
			}
		}
		ids := []string{}
		if p := in.PageNum - 1; p <= len(match)/in.PageSize {
			if start := p * in.PageSize; start < len(match) {
				ids = match[start : start+min(in.PageSize, len(match)-start)]
			}
		}
		return OK(M{"withdraw_ids": ids, "total_num": len(match)}), nil
	})
}
