package fakewechat

import (
	"encoding/json"
	"slices"
	"strconv"
	"sync"
	"time"
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

// ChannelsFundsFlows are the fixed funds-flow entries getfundsflowlist
// pages and getfundsflowdetail answers; the first has the docs' example
// flow_id.
var ChannelsFundsFlows = []M{
	chFlow("10000057741221110", 1, 3900, 45331, "2023-02-11 15:45:39", M{"related_type": 1, "order_id": "3709260970493871360"}),
	chFlow("10000057741221111", 2, 300, 45031, "2023-02-12 10:00:00", M{"related_type": 2, "aftersale_id": "1934000000000001"}),
	chFlow("10000057741221112", 1, 300, 45331, "2023-02-13 09:30:00", M{"related_type": 1, "order_id": "3709260970493871361"}),
}

func chFlow(id string, flowType int, amount, balance int64, booked string, related M) M {
	return M{"flow_id": id, "funds_type": 1, "flow_type": flowType, "amount": amount, "balance": balance,
		"bookkeeping_time": booked, "remark": "", "related_info_list": []M{related}}
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
		i := slices.IndexFunc(ChannelsFundsFlows, func(f M) bool { return f["flow_id"] == in.FlowID })
		if i < 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: flow_id %q not found", in.FlowID)
		}
		return OK(M{"funds_flow": ChannelsFundsFlows[i]}), nil
	})
	handle("POST /channels/ec/funds/getfundsflowlist", func(r *Request, _ *chFunds) (any, error) {
		in := struct {
			Page          int    `json:"page"`
			PageSize      int    `json:"page_size"`
			StartTime     int64  `json:"start_time"`
			EndTime       int64  `json:"end_time"`
			TransactionID string `json:"transaction_id"`
			NextKey       string `json:"next_key"`
		}{Page: 1, PageSize: 10}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		if in.Page < 1 || in.PageSize < 1 || in.Page > 10000 || in.PageSize > 10000 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: page and page_size")
		}
		start := (in.Page - 1) * in.PageSize
		if start+in.PageSize >= 10000 && in.NextKey == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: next_key required from page * page_size 10000")
		}
		var match []string
		for _, f := range ChannelsFundsFlows {
			t, _ := time.ParseInLocation("2006-01-02 15:04:05", f["bookkeeping_time"].(string), oaBeijing)
			if in.TransactionID == "" && (in.StartTime == 0 || t.Unix() >= in.StartTime) && (in.EndTime == 0 || t.Unix() <= in.EndTime) {
				match = append(match, f["flow_id"].(string))
			}
		}
		// A next_key is the one answered for the previous page ("chfk" and
		// this page's offset).
		if in.NextKey != "" && in.NextKey != "chfk"+strconv.Itoa(start) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: next_key")
		}
		start = min(start, len(match))
		end := start + min(in.PageSize, len(match)-start)
		next := ""
		if end < len(match) {
			next = "chfk" + strconv.Itoa(end)
		}
		return OK(M{"flow_ids": append([]string{}, match[start:end]...), "has_more": end < len(match), "next_key": next}), nil
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
