package fakewechat

import (
	"encoding/base64"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

func init() { builtin = append(builtin, registerOACard) }

// Card error codes.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Card_coupons_error_code.html
const (
	CodeCardInvalidActionInfo = 40053
	CodeCardInvalidType       = 40071
	CodeCardInvalidCodeType   = 40072
	CodeCardInvalidCardID     = 40073
	CodeCardInvalidStatus     = 40078
	CodeCardInvalidTime       = 40079
	CodeCardConsumed          = 40099
	CodeCardInvalidPeriod     = 40100
	CodeCardInvalidCode       = 40116
	CodeCardInvalidQuantity   = 40122
	CodeCardCodeDeleted       = 40127
	CodeCardMissingField      = 41011
	CodeCardMissingCardID     = 41012
	CodeCardFieldTooLong      = 45021
	CodeCardNoStock           = 45031
	CodeCardGetLimit          = 45033
	CodeCardInvalidSerialCode = 40056
)

func init() {
	stdMessages[CodeCardInvalidActionInfo] = "invalid actioninfo"
	stdMessages[CodeCardInvalidType] = "invalid card type"
	stdMessages[CodeCardInvalidCodeType] = "invalid code type"
	stdMessages[CodeCardInvalidCardID] = "invalid card id"
	stdMessages[CodeCardInvalidStatus] = "invalid card status"
	stdMessages[CodeCardInvalidTime] = "invalid time"
	stdMessages[CodeCardConsumed] = "invalid code, this code has consumed"
	stdMessages[CodeCardInvalidPeriod] = "invalid time period"
	stdMessages[CodeCardInvalidCode] = "invalid code"
	stdMessages[CodeCardInvalidQuantity] = "invalid quantity"
	stdMessages[CodeCardCodeDeleted] = "invalid user-card status, hint: the card was deleted or gifted"
	stdMessages[CodeCardMissingField] = "missing required field"
	stdMessages[CodeCardMissingCardID] = "missing card id"
	stdMessages[CodeCardFieldTooLong] = "field too long"
	stdMessages[CodeCardNoStock] = "card stock is 0"
	stdMessages[CodeCardGetLimit] = "user get card reach get_limit"
	stdMessages[CodeCardInvalidSerialCode] = "invalid serial code"
}

// Card statuses and user card statuses of the fake.
const (
	cardStatusNotVerify = "CARD_STATUS_NOT_VERIFY"
	cardStatusVerifyOK  = "CARD_STATUS_VERIFY_OK"
	cardStatusDelete    = "CARD_STATUS_DELETE"

	userCardNormal      = "NORMAL"
	userCardConsumed    = "CONSUMED"
	userCardUnavailable = "UNAVAILABLE"
)

var oaCardTypes = map[string]string{
	"GROUPON": "groupon", "CASH": "cash", "DISCOUNT": "discount", "GIFT": "gift",
	"GENERAL_COUPON": "general_coupon", "MEMBER_CARD": "member_card",
}

var oaCodeTypes = map[string]bool{
	"CODE_TYPE_TEXT": true, "CODE_TYPE_BARCODE": true, "CODE_TYPE_QRCODE": true,
	"CODE_TYPE_ONLY_QRCODE": true, "CODE_TYPE_ONLY_BARCODE": true, "CODE_TYPE_NONE": true,
}

// oaCard is a card of the fake.
type oaCard struct {
	id, typ  string // typ: GROUPON..., or INVOICE for invoice templates
	obj      M      // the object of the type as created or updated, base_info included
	status   string
	quantity int
	total    int
	created  time.Time

	deposited    []string        // imported codes not given yet
	depositedAll map[string]bool // every imported code
	received     map[string]int  // openid -> codes received
	payCell      bool
	selfConsume  M
	form         M // activation form of a member card
}

func (c *oaCard) baseInfo() M {
	b, _ := c.obj["base_info"].(M)
	if b == nil {
		b = M{}
		c.obj["base_info"] = b
	}
	return b
}

func (c *oaCard) baseString(key string) string { s, _ := c.baseInfo()[key].(string); return s }
func (c *oaCard) baseBool(key string) bool     { b, _ := c.baseInfo()[key].(bool); return b }
func (c *oaCard) depositMode() bool {
	return c.baseString("get_custom_code_mode") == "GET_CUSTOM_CODE_MODE_DEPOSIT"
}

// oaCardCode is a code held by a user.
type oaCardCode struct {
	cardID, code, openid string
	status               string
	begin, end           int64
	reimburse            string // invoices
	member               *oaMember
}

type oaMember struct {
	number  string
	bonus   int
	balance int
	fields  []M // common_field_list
	active  bool
	custom  [3]string // custom_field_value1..3 set by updateuser
}

// oaCardDay holds the daily counters of a card.
type oaCardDay struct {
	view, receive, verify, given, expire      map[string]bool
	nView, nReceive, nVerify, nGiven, nExpire int
	active                                    map[string]bool // member cards activated
	nActive                                   int
}

// oaCardStore is the card state of one app.
type oaCardStore struct {
	mu        sync.Mutex
	cards     map[string]*oaCard
	order     []string
	codes     map[string]*oaCardCode
	whitelist []string
	days      map[string]map[string]*oaCardDay // card_id -> yyyy-mm-dd -> counters
	seq       int
	tickets   map[string]M // activate_ticket -> info
	rules     map[int64]*oaPayGiftRule
	ruleOrder []int64
	nextRule  int64
	invoice   oaInvoiceState
}

func oaCards(st *State) *oaCardStore {
	return Value(st, "oa.cards", func() *oaCardStore {
		return &oaCardStore{cards: map[string]*oaCard{}, codes: map[string]*oaCardCode{},
			days: map[string]map[string]*oaCardDay{}, tickets: map[string]M{},
			rules: map[int64]*oaPayGiftRule{}, nextRule: 1000}
	})
}

// card returns a live card or the error WeChat answers. cs.mu must be held.
func (cs *oaCardStore) card(id string) (*oaCard, *Error) {
	if id == "" {
		return nil, ErrCode(CodeCardMissingCardID)
	}
	c := cs.cards[id]
	if c == nil {
		return nil, ErrCode(CodeCardInvalidCardID)
	}
	return c, nil
}

// code returns the code (of cardID when not empty). cs.mu must be held.
func (cs *oaCardStore) code(cardID, code string) (*oaCardCode, *Error) {
	cc := cs.codes[code]
	if cc == nil || (cardID != "" && cc.cardID != cardID) {
		return nil, ErrCode(CodeCardInvalidSerialCode)
	}
	return cc, nil
}

func (cs *oaCardStore) day(cardID string, t time.Time) *oaCardDay {
	m := cs.days[cardID]
	if m == nil {
		m = map[string]*oaCardDay{}
		cs.days[cardID] = m
	}
	k := t.Format(time.DateOnly)
	d := m[k]
	if d == nil {
		d = &oaCardDay{view: map[string]bool{}, receive: map[string]bool{}, verify: map[string]bool{}, given: map[string]bool{}, expire: map[string]bool{}, active: map[string]bool{}}
		m[k] = d
	}
	return d
}

func (cs *oaCardStore) newID(prefix string, n int) string {
	cs.seq++
	id := fmt.Sprintf("%s%d%s", prefix, cs.seq, randToken(n))
	return id[:n]
}

// checkBaseInfo validates the base_info of a new card.
func checkCardBaseInfo(b M, typ string, now time.Time) *Error {
	for _, k := range []string{"logo_url", "brand_name", "title", "code_type"} {
		if s, _ := b[k].(string); s == "" {
			return Errorf(CodeCardMissingField, "missing required field %s", k)
		}
	}
	if !oaCodeTypes[b["code_type"].(string)] {
		return ErrCode(CodeCardInvalidCodeType)
	}
	if utf8.RuneCountInString(b["title"].(string)) > 9 || utf8.RuneCountInString(b["brand_name"].(string)) > 12 {
		return ErrCode(CodeCardFieldTooLong)
	}
	sku, _ := b["sku"].(M)
	q, ok := sku["quantity"].(float64)
	if !ok {
		return Errorf(CodeCardMissingField, "missing required field sku.quantity")
	}
	if q < 0 || q > 100000000 || q != float64(int(q)) {
		return ErrCode(CodeCardInvalidQuantity)
	}
	di, _ := b["date_info"].(M)
	switch t, _ := di["type"].(string); t {
	case "DATE_TYPE_FIX_TIME_RANGE":
		begin, _ := di["begin_timestamp"].(float64)
		end, _ := di["end_timestamp"].(float64)
		if end <= begin || int64(end) <= now.Unix() {
			return ErrCode(CodeCardInvalidTime)
		}
	case "DATE_TYPE_FIX_TERM":
		if ft, _ := di["fixed_term"].(float64); ft <= 0 {
			return ErrCode(CodeCardInvalidTime)
		}
	case "DATE_TYPE_PERMANENT":
		if typ != "MEMBER_CARD" {
			return ErrCode(CodeCardInvalidTime)
		}
	default:
		return Errorf(CodeCardMissingField, "missing required field date_info.type")
	}
	return nil
}

// validity returns the begin and end of a code received now.
func (c *oaCard) validity(now time.Time) (int64, int64) {
	di, _ := c.baseInfo()["date_info"].(M)
	switch di["type"] {
	case "DATE_TYPE_FIX_TIME_RANGE":
		b, _ := di["begin_timestamp"].(float64)
		e, _ := di["end_timestamp"].(float64)
		return int64(b), int64(e)
	case "DATE_TYPE_FIX_TERM":
		ft, _ := di["fixed_term"].(float64)
		fb, _ := di["fixed_begin_term"].(float64)
		b := now.Add(time.Duration(fb) * 24 * time.Hour)
		return b.Unix(), b.Add(time.Duration(ft) * 24 * time.Hour).Unix()
	}
	return now.Unix(), 0
}

// view returns the card as card/get answers it.
func (c *oaCard) view() M {
	obj := maps.Clone(c.obj)
	b := maps.Clone(c.baseInfo())
	b["id"] = c.id
	b["status"] = c.status
	b["sku"] = M{"quantity": c.quantity, "total_quantity": c.total}
	obj["base_info"] = b
	return M{"card_type": c.typ, oaCardTypes[c.typ]: obj}
}

// GiveCard simulates a user receiving a card (a QR code scanned, addCard
// accepted) and returns the code. The card must be approved
// (ApproveCard) or the user on the test whitelist; it takes one unit of
// stock and, for cards with imported codes, one imported code.
func (s *Server) GiveCard(appid, cardID, openid string) (string, error) {
	cs := oaCards(s.State(appid))
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c, err := cs.card(cardID)
	if err != nil {
		return "", err
	}
	if c.status == cardStatusDelete || (c.status != cardStatusVerifyOK && !slices.Contains(cs.whitelist, openid)) {
		return "", ErrCode(CodeCardInvalidStatus)
	}
	if c.quantity <= 0 {
		return "", ErrCode(CodeCardNoStock)
	}
	if lim, _ := c.baseInfo()["get_limit"].(float64); lim > 0 && c.received[openid] >= int(lim) {
		return "", ErrCode(CodeCardGetLimit)
	}
	var code string
	if c.depositMode() {
		if len(c.deposited) == 0 {
			return "", ErrCode(CodeCardNoStock)
		}
		code, c.deposited = c.deposited[0], c.deposited[1:]
	} else {
		for code == "" || cs.codes[code] != nil {
			cs.seq++
			code = fmt.Sprintf("%012d", (int64(cs.seq)*7919+int64(len(cs.codes))*104729)%1000000000000)
		}
	}
	now := s.Now()
	begin, end := c.validity(now)
	c.quantity--
	if c.received == nil {
		c.received = map[string]int{}
	}
	c.received[openid]++
	cs.codes[code] = &oaCardCode{cardID: c.id, code: code, openid: openid, status: userCardNormal, begin: begin, end: end}
	d := cs.day(c.id, now)
	d.nView++
	d.view[openid] = true
	d.nReceive++
	d.receive[openid] = true
	return code, nil
}

// ApproveCard ends the review of a card (CARD_STATUS_VERIFY_OK), as WeChat
// does after creation or after an update that needs a new review.
func (s *Server) ApproveCard(appid, cardID string) error {
	cs := oaCards(s.State(appid))
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c, err := cs.card(cardID)
	if err != nil {
		return err
	}
	if c.status == cardStatusDelete {
		return ErrCode(CodeCardInvalidStatus)
	}
	c.status = cardStatusVerifyOK
	return nil
}

// cardIDHandler answers a {"card_id"} request with fn, run on the card (a
// card not deleted when live) under the store lock.
func cardIDHandler(live bool, fn func(r *Request, cs *oaCardStore, c *oaCard) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		var in struct {
			CardID string `json:"card_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		lookup := cs.card
		if live {
			lookup = cs.liveCard
		}
		c, err := lookup(in.CardID)
		if err != nil {
			return nil, err
		}
		return fn(r, cs, c)
	}
}

// usableCodeHandler answers a {"card_id","code"} request with fn, run under
// the store lock on a code still NORMAL. card_id may only be left out for
// cards without custom codes.
func usableCodeHandler(fn func(r *Request, cs *oaCardStore, cc *oaCardCode) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		var in struct {
			CardID string `json:"card_id"`
			Code   string `json:"code"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cc, err := cs.code(in.CardID, in.Code)
		if err != nil {
			return nil, err
		}
		if in.CardID == "" && cs.cards[cc.cardID].baseBool("use_custom_code") {
			return nil, ErrCode(CodeCardMissingCardID)
		}
		switch cc.status {
		case userCardNormal:
			return fn(r, cs, cc)
		case userCardConsumed:
			return nil, ErrCode(CodeCardConsumed)
		}
		return nil, ErrCode(CodeCardCodeDeleted)
	}
}

const oaCardEncryptPrefix = "wxcard1:"

// EncryptCardCode returns the encrypt_code WeChat puts in card page URLs
// and events for code, which only the app's /card/code/decrypt decodes.
func (s *Server) EncryptCardCode(appid, code string) string {
	return base64.StdEncoding.EncodeToString([]byte(oaCardEncryptPrefix + appid + ":" + code))
}

func registerOACard(s *Server) {
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Create_a_Coupon_Voucher_or_Card.html
	s.HandleJSON("POST /card/create", func(r *Request) (any, error) {
		var in struct {
			Card M `json:"card"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		typ, _ := in.Card["card_type"].(string)
		key, ok := oaCardTypes[typ]
		if !ok {
			return nil, ErrCode(CodeCardInvalidType)
		}
		obj, _ := in.Card[key].(M)
		if obj == nil {
			return nil, Errorf(CodeCardMissingField, "missing required field %s", key)
		}
		b, _ := obj["base_info"].(M)
		if err := checkCardBaseInfo(b, typ, r.Now()); err != nil {
			return nil, err
		}
		if typ == "MEMBER_CARD" {
			if p, _ := obj["prerogative"].(string); p == "" {
				return nil, Errorf(CodeCardMissingField, "missing required field prerogative")
			}
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		q := int(b["sku"].(M)["quantity"].(float64))
		delete(b, "sku")
		c := &oaCard{id: "p" + cs.newID("", 27), typ: typ, obj: obj, status: cardStatusNotVerify,
			quantity: q, total: q, created: r.Now(), depositedAll: map[string]bool{}}
		cs.cards[c.id] = c
		cs.order = append(cs.order, c.id)
		return M{"card_id": c.id}, nil
	})
	cell := func(set func(c *oaCard, in M)) JSONHandler {
		return func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			id, _ := in["card_id"].(string)
			if _, ok := in["is_open"].(bool); !ok {
				return nil, Errorf(CodeCardMissingField, "missing required field is_open")
			}
			cs := oaCards(r.State())
			cs.mu.Lock()
			defer cs.mu.Unlock()
			c, e := cs.card(id)
			if e != nil {
				return nil, e
			}
			set(c, in)
			return nil, nil
		}
	}
	s.HandleJSON("POST /card/paycell/set", cell(func(c *oaCard, in M) { c.payCell = in["is_open"].(bool) }))
	s.HandleJSON("POST /card/selfconsumecell/set", cell(func(c *oaCard, in M) { c.selfConsume = in }))

	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Redeeming_a_coupon_voucher_or_card.html
	s.HandleJSON("POST /card/code/get", func(r *Request) (any, error) {
		var in struct {
			CardID       string `json:"card_id"`
			Code         string `json:"code"`
			CheckConsume bool   `json:"check_consume"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cc, err := cs.code(in.CardID, in.Code)
		if err != nil {
			return nil, err
		}
		can := cc.status == userCardNormal && (cc.end == 0 || r.Now().Unix() < cc.end)
		if in.CheckConsume && !can {
			if cc.status == userCardConsumed {
				return nil, ErrCode(CodeCardConsumed)
			}
			return nil, ErrCode(CodeCardCodeDeleted)
		}
		return OK(M{"card": M{"card_id": cc.cardID, "begin_time": cc.begin, "end_time": cc.end},
			"openid": cc.openid, "can_consume": can, "user_card_status": cc.status}), nil
	})
	s.HandleJSON("POST /card/code/consume", usableCodeHandler(func(r *Request, cs *oaCardStore, cc *oaCardCode) (any, error) {
		cc.status = userCardConsumed
		d := cs.day(cc.cardID, r.Now())
		d.nVerify++
		d.verify[cc.openid] = true
		return OK(M{"card": M{"card_id": cc.cardID}, "openid": cc.openid}), nil
	}))
	s.HandleJSON("POST /card/code/decrypt", func(r *Request) (any, error) {
		var in struct {
			EncryptCode string `json:"encrypt_code"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		raw, err := base64.StdEncoding.DecodeString(in.EncryptCode)
		prefix := oaCardEncryptPrefix + r.AppID + ":"
		if err != nil || !strings.HasPrefix(string(raw), prefix) {
			return nil, ErrCode(CodeCardInvalidCode)
		}
		return OK(M{"code": strings.TrimPrefix(string(raw), prefix)}), nil
	})
}
