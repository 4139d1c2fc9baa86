package fakewechat

import (
	"encoding/base64"
	"errors"
	"net/url"
	"strconv"
)

func init() { builtin = append(builtin, registerOAEInvoice) }

// Electronic invoice error codes.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
const (
	CodeInvoiceUnauthorized  = 72015 // unauthorized create invoice
	CodeInvoiceInvalidParams = 72031 // invalid params
	CodeInvoiceRejected      = 72035 // biz reject insert
	CodeInvoiceNeverAuth     = 72038 // invoice order never auth
)

func init() {
	stdMessages[CodeInvoiceUnauthorized] = "unauthorized create invoice"
	stdMessages[CodeInvoiceInvalidParams] = "invalid params"
	stdMessages[CodeInvoiceRejected] = "biz reject insert"
	stdMessages[CodeInvoiceNeverAuth] = "invoice order never auth"
}

// oaInvoiceState is the invoice state of one app, as a merchant (orders,
// settings) and as an invoicing platform (PDFs). Guarded by the card
// store's mutex.
type oaInvoiceState struct {
	orders    map[string]*oaInvoiceOrder // by order_id
	authField M
	payMch    M
	contact   M
	pdfs      map[string]int // s_media_id -> size
	nextPDF   int64
}

type oaInvoiceOrder struct {
	sPAppID, orderID string
	money            int
	authTime         int64
	openid           string
	userAuthInfo     M
	rejected         string
	inserted         bool
}

func (st *oaInvoiceState) init() {
	if st.orders == nil {
		st.orders = map[string]*oaInvoiceOrder{}
		st.pdfs = map[string]int{}
		st.nextPDF = 3015806758683700
	}
}

// InvoiceSPAppID returns the s_pappid of appid as an invoicing platform.
func InvoiceSPAppID(appid string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("wxinvoice:" + appid))
}

// AuthorizeInvoice simulates the user openid completing the authorization
// page of an order whose page URL was requested with getauthurl. A non-empty
// taxNo gives a company title, else a personal one.
func (s *Server) AuthorizeInvoice(appid, orderID, openid, title, taxNo string) error {
	cs := oaCards(s.State(appid))
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.invoice.init()
	o := cs.invoice.orders[orderID]
	if o == nil {
		return errors.New("fakewechat: no authorization page for order " + orderID)
	}
	if o.rejected != "" {
		return errors.New("fakewechat: order " + orderID + " was rejected")
	}
	o.openid, o.authTime = openid, s.Now().Unix()
	if taxNo != "" {
		o.userAuthInfo = M{"biz_field": M{"title": title, "tax_no": taxNo}}
	} else {
		o.userAuthInfo = M{"user_field": M{"title": title}}
	}
	return nil
}

func registerOAEInvoice(s *Server) {
	// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html
	s.HandleJSON("POST /card/invoice/getauthurl", func(r *Request) (any, error) {
		var in struct {
			SPAppID     string `json:"s_pappid"`
			OrderID     string `json:"order_id"`
			Money       int    `json:"money"`
			Timestamp   int64  `json:"timestamp"`
			Source      string `json:"source"`
			RedirectURL string `json:"redirect_url"`
			Ticket      string `json:"ticket"`
			Type        int    `json:"type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		switch {
		case in.SPAppID == "" || in.OrderID == "" || in.Money < 0 || in.Type < 0 || in.Type > 2:
			return nil, ErrCode(CodeInvoiceInvalidParams)
		case in.Source != "app" && in.Source != "web" && in.Source != "wap" && in.Source != "wxa":
			return nil, ErrCode(CodeInvoiceInvalidParams)
		}
		if t, _ := s.ticket(r.AppID, "wx_card"); in.Ticket != t {
			return nil, Errorf(CodeInvoiceInvalidParams, "invalid ticket")
		}
		if d := r.Now().Unix() - in.Timestamp; d > 600 || d < -600 {
			return nil, Errorf(CodeInvoiceInvalidParams, "invalid timestamp")
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cs.invoice.init()
		o := cs.invoice.orders[in.OrderID]
		if o == nil {
			o = &oaInvoiceOrder{sPAppID: in.SPAppID, orderID: in.OrderID}
			cs.invoice.orders[in.OrderID] = o
		}
		if o.sPAppID != in.SPAppID {
			return nil, Errorf(CodeInvoiceInvalidParams, "order_id used with another s_pappid")
		}
		o.money = in.Money
		q := url.Values{"action": {"list"}, "s_pappid": {in.SPAppID}, "order_id": {in.OrderID},
			"money": {strconv.Itoa(in.Money)}, "type": {strconv.Itoa(in.Type)}}
		ans := M{"auth_url": "https://mp.weixin.qq.com/bizmall/authinvoice?" + q.Encode()}
		if in.Source == "wxa" {
			ans["appid"] = "wxfakeinvoicewxa"
		}
		return OK(ans), nil
	})
	s.HandleJSON("POST /card/invoice/getauthdata", func(r *Request) (any, error) {
		var in struct {
			SPAppID string `json:"s_pappid"`
			OrderID string `json:"order_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.SPAppID == "" || in.OrderID == "" {
			return nil, ErrCode(CodeInvoiceInvalidParams)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cs.invoice.init()
		o := cs.invoice.orders[in.OrderID]
		switch {
		case o != nil && o.sPAppID == in.SPAppID && o.rejected != "":
			return nil, ErrCode(CodeInvoiceRejected)
		case o == nil || o.sPAppID != in.SPAppID || o.authTime == 0:
			return OK(M{"invoice_status": "never auth"}), nil
		}
		return OK(M{"invoice_status": "auth success", "auth_time": o.authTime, "user_auth_info": o.userAuthInfo}), nil
	})
	s.HandleJSON("POST /card/invoice/rejectinsert", func(r *Request) (any, error) {
		var in struct {
			SPAppID string `json:"s_pappid"`
			OrderID string `json:"order_id"`
			Reason  string `json:"reason"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.SPAppID == "" || in.OrderID == "" || in.Reason == "" {
			return nil, ErrCode(CodeInvoiceInvalidParams)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cs.invoice.init()
		o := cs.invoice.orders[in.OrderID]
		if o == nil || o.sPAppID != in.SPAppID {
			return nil, ErrCode(CodeInvoiceNeverAuth)
		}
		if o.inserted {
			return nil, Errorf(CodeInvoiceInvalidParams, "invoice already inserted")
		}
		o.rejected = in.Reason
		return nil, nil
	})
	s.HandleJSON("POST /card/invoice/setbizattr", func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		inv := &cs.invoice
		inv.init()
		obj := func(key string) (M, error) {
			m, _ := in[key].(M)
			if m == nil {
				return nil, Errorf(CodeInvoiceInvalidParams, "missing %s", key)
			}
			return m, nil
		}
		orEmpty := func(m M) M {
			if m == nil {
				return M{}
			}
			return m
		}
		switch r.Query.Get("action") {
		case "set_auth_field":
			m, err := obj("auth_field")
			if err != nil {
				return nil, err
			}
			if m["user_field"] == nil && m["biz_field"] == nil {
				return nil, ErrCode(CodeInvoiceInvalidParams)
			}
			inv.authField = m
		case "get_auth_field":
			af := orEmpty(inv.authField)
			return OK(M{"user_field": orEmpty(asM(af["user_field"])), "biz_field": orEmpty(asM(af["biz_field"]))}), nil
		case "set_pay_mch":
			m, err := obj("paymch_info")
			if err != nil {
				return nil, err
			}
			if id, _ := m["mchid"].(string); id == "" {
				return nil, ErrCode(CodeInvoiceInvalidParams)
			}
			if id, _ := m["s_pappid"].(string); id == "" {
				return nil, ErrCode(CodeInvoiceInvalidParams)
			}
			inv.payMch = m
		case "get_pay_mch":
			return OK(M{"paymch_info": orEmpty(inv.payMch)}), nil
		case "set_contact":
			m, err := obj("contact")
			if err != nil {
				return nil, err
			}
			if p, _ := m["phone"].(string); p == "" {
				return nil, ErrCode(CodeInvoiceInvalidParams)
			}
			if t, _ := m["time_out"].(float64); t <= 0 {
				return nil, ErrCode(CodeInvoiceInvalidParams)
			}
			inv.contact = m
		case "get_contact":
			return OK(M{"contact": orEmpty(inv.contact)}), nil
		default:
			return nil, Errorf(CodeInvalidArgs, "invalid action")
		}
		return nil, nil
	})
}

func asM(v any) M { m, _ := v.(M); return m }
