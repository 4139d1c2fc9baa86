package fakewechat

import (
	"encoding/base64"
	"slices"
	"strings"
	"sync"
)

// Logistics assistant, courier side (物流助手 运力方,
// /cgi-bin/express/delivery/{contact/get,path/update,service/business/update,template/preview}):
// the fake knows one waybill, MPProviderWaybillID with the order event
// token MPProviderToken (9300507 for another token, 40199 for another
// waybill), whose contacts are the docs' example. path/update needs a
// documented action_type, action_time and action_msg (40097) and keeps the
// steps (MPProviderPath). service/business/update needs shop_app_id (an
// appid starting with "wx", 40013 otherwise), biz_id and result_code, and
// result_msg when result_code is not 0 (40097); the results are kept
// (MPProviderReviews). template/preview needs a base64 waybill_template
// (9300512), waybill_data in the ##key##value## form (9300502) and custom
// with order_id, delivery_id and biz_id (40097), and answers the template
// as it is (the fake renders nothing).
func init() {
	stdMessages[CodeMPProviderBadWaybill] = "waybill not found"
	stdMessages[CodeMPProviderBadToken] = "invalid token"
	stdMessages[CodeMPProviderBadWaybillData] = "invalid waybill_data"
	stdMessages[CodeMPProviderBadTemplate] = "invalid template"
	builtin = append(builtin, registerMPExpressProvider)
}

// Errcodes of the courier-side logistics endpoints.
const (
	CodeMPProviderBadWaybill     = 40199
	CodeMPProviderBadToken       = 9300507
	CodeMPProviderBadWaybillData = 9300502
	CodeMPProviderBadTemplate    = 9300512
)

// The waybill the courier-side endpoints know.
const (
	MPProviderToken     = "TOKEN"
	MPProviderWaybillID = "12345678901234567890"
)

var mpProviderActions = []int{100001, 100002, 100003, 200001, 300002, 300003, 300004, 400001, 400002}

// MPProviderStep is a route step kept by path/update.
type MPProviderStep struct {
	ActionTime int64
	ActionType int
	ActionMsg  string
}

// MPProviderReview is a merchant review result of service/business/update.
type MPProviderReview struct {
	ShopAppID, BizID string
	ResultCode       int
	ResultMsg        string
}

type mpProvider struct {
	mu      sync.Mutex
	path    []MPProviderStep
	reviews []MPProviderReview
}

func (s *Server) mpProvider(appid string) *mpProvider {
	return Value(s.State(appid), "mp.express.provider", func() *mpProvider { return &mpProvider{} })
}

// MPProviderPath returns the route steps path/update added for appid.
func (s *Server) MPProviderPath(appid string) []MPProviderStep {
	p := s.mpProvider(appid)
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.path)
}

// MPProviderReviews returns the review results service/business/update
// sent for appid.
func (s *Server) MPProviderReviews(appid string) []MPProviderReview {
	p := s.mpProvider(appid)
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.reviews)
}

func mpProviderWaybill(token, waybillID string) error {
	switch {
	case token != MPProviderToken:
		return ErrCode(CodeMPProviderBadToken)
	case waybillID != MPProviderWaybillID:
		return ErrCode(CodeMPProviderBadWaybill)
	}
	return nil
}

func registerMPExpressProvider(s *Server) {
	s.HandleJSON("POST /cgi-bin/express/delivery/contact/get", func(r *Request) (any, error) {
		var in struct {
			Token     string `json:"token"`
			WaybillID string `json:"waybill_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if err := mpProviderWaybill(in.Token, in.WaybillID); err != nil {
			return nil, err
		}
		return OK(M{"waybill_id": in.WaybillID,
			"sender":   M{"address": "广东省广州市海珠区XX路XX号XX大厦XX栋XX", "name": "张三", "tel": "020-88888888", "mobile": "18666666666"},
			"receiver": M{"address": "广东省广州市天河区XX路XX号XX大厦XX栋XX", "name": "王小蒙", "tel": "029-77777777", "mobile": "18610000000"}}), nil
	})
	s.HandleJSON("POST /cgi-bin/express/delivery/path/update", func(r *Request) (any, error) {
		var in struct {
			Token      string `json:"token"`
			WaybillID  string `json:"waybill_id"`
			ActionTime int64  `json:"action_time"`
			ActionType int    `json:"action_type"`
			ActionMsg  string `json:"action_msg"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if err := mpProviderWaybill(in.Token, in.WaybillID); err != nil {
			return nil, err
		}
		if in.ActionTime <= 0 || in.ActionMsg == "" || !slices.Contains(mpProviderActions, in.ActionType) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: action_time, action_type or action_msg")
		}
		p := s.mpProvider(r.AppID)
		p.mu.Lock()
		defer p.mu.Unlock()
		p.path = append(p.path, MPProviderStep{in.ActionTime, in.ActionType, in.ActionMsg})
		return nil, nil
	})
	s.HandleJSON("POST /cgi-bin/express/delivery/service/business/update", func(r *Request) (any, error) {
		var in struct {
			ShopAppID  string `json:"shop_app_id"`
			BizID      string `json:"biz_id"`
			ResultCode *int   `json:"result_code"`
			ResultMsg  string `json:"result_msg"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		switch {
		case !strings.HasPrefix(in.ShopAppID, "wx"):
			return nil, ErrCode(CodeInvalidAppID)
		case in.BizID == "" || in.ResultCode == nil || (*in.ResultCode != 0 && in.ResultMsg == ""):
			return nil, Errorf(CodeInvalidArgs, "invalid args: biz_id, result_code or result_msg")
		}
		p := s.mpProvider(r.AppID)
		p.mu.Lock()
		defer p.mu.Unlock()
		p.reviews = append(p.reviews, MPProviderReview{in.ShopAppID, in.BizID, *in.ResultCode, in.ResultMsg})
		return nil, nil
	})
	s.HandleJSON("POST /cgi-bin/express/delivery/template/preview", func(r *Request) (any, error) {
		var in struct {
			WaybillID       string `json:"waybill_id"`
			WaybillTemplate string `json:"waybill_template"`
			WaybillData     string `json:"waybill_data"`
			Custom          *struct {
				OrderID    string `json:"order_id"`
				DeliveryID string `json:"delivery_id"`
				BizID      string `json:"biz_id"`
			} `json:"custom"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.WaybillID == "" || in.Custom == nil || in.Custom.OrderID == "" || in.Custom.DeliveryID == "" || in.Custom.BizID == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: waybill_id or custom")
		}
		if html, err := base64.StdEncoding.DecodeString(in.WaybillTemplate); err != nil || len(html) == 0 {
			return nil, ErrCode(CodeMPProviderBadTemplate)
		}
		if !strings.HasPrefix(in.WaybillData, "##") || !strings.HasSuffix(in.WaybillData, "##") || len(in.WaybillData) < 5 {
			return nil, ErrCode(CodeMPProviderBadWaybillData)
		}
		return OK(M{"waybill_id": in.WaybillID, "rendered_waybill_template": in.WaybillTemplate}), nil
	})
}
