package oa

import (
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	cardCreate          = wechat.Endpoint{Method: http.MethodPost, Path: "/card/create"}
	cardPayCell         = wechat.Endpoint{Method: http.MethodPost, Path: "/card/paycell/set"}
	cardSelfConsumeCell = wechat.Endpoint{Method: http.MethodPost, Path: "/card/selfconsumecell/set"}
	cardCodeGet         = wechat.Endpoint{Method: http.MethodPost, Path: "/card/code/get"}
	cardCodeConsume     = wechat.Endpoint{Method: http.MethodPost, Path: "/card/code/consume"}
	cardCodeDecrypt     = wechat.Endpoint{Method: http.MethodPost, Path: "/card/code/decrypt"}
)

// CardType is the type of a card (card_type).
type CardType string

// Card types.
const (
	CardTypeGroupon       CardType = "GROUPON"        // 团购券
	CardTypeCash          CardType = "CASH"           // 代金券
	CardTypeDiscount      CardType = "DISCOUNT"       // 折扣券
	CardTypeGift          CardType = "GIFT"           // 兑换券
	CardTypeGeneralCoupon CardType = "GENERAL_COUPON" // 优惠券
	CardTypeMemberCard    CardType = "MEMBER_CARD"    // 会员卡
)

// Code types of base_info.code_type.
const (
	CodeTypeText        = "CODE_TYPE_TEXT"
	CodeTypeBarcode     = "CODE_TYPE_BARCODE"
	CodeTypeQRCode      = "CODE_TYPE_QRCODE"
	CodeTypeOnlyQRCode  = "CODE_TYPE_ONLY_QRCODE"
	CodeTypeOnlyBarcode = "CODE_TYPE_ONLY_BARCODE"
	CodeTypeNone        = "CODE_TYPE_NONE"
)

// Date types of base_info.date_info.type.
const (
	DateTypeFixTimeRange = "DATE_TYPE_FIX_TIME_RANGE"
	DateTypeFixTerm      = "DATE_TYPE_FIX_TERM"
	DateTypePermanent    = "DATE_TYPE_PERMANENT" // member cards only
)

// Card is a card or coupon: its type and the object of that type, only one
// of which is set.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Create_a_Coupon_Voucher_or_Card.html
type Card struct {
	CardType      CardType       `json:"card_type"`
	Groupon       *Groupon       `json:"groupon,omitempty"`
	Cash          *Cash          `json:"cash,omitempty"`
	Discount      *Discount      `json:"discount,omitempty"`
	Gift          *Gift          `json:"gift,omitempty"`
	GeneralCoupon *GeneralCoupon `json:"general_coupon,omitempty"`
	MemberCard    *MemberCard    `json:"member_card,omitempty"`
}

// Info returns the base and advanced info of the card's type object (nil
// when the object matching CardType is missing).
func (c *Card) Info() (*CardBaseInfo, *CardAdvancedInfo) {
	switch {
	case c.CardType == CardTypeGroupon && c.Groupon != nil:
		return c.Groupon.BaseInfo, c.Groupon.AdvancedInfo
	case c.CardType == CardTypeCash && c.Cash != nil:
		return c.Cash.BaseInfo, c.Cash.AdvancedInfo
	case c.CardType == CardTypeDiscount && c.Discount != nil:
		return c.Discount.BaseInfo, c.Discount.AdvancedInfo
	case c.CardType == CardTypeGift && c.Gift != nil:
		return c.Gift.BaseInfo, c.Gift.AdvancedInfo
	case c.CardType == CardTypeGeneralCoupon && c.GeneralCoupon != nil:
		return c.GeneralCoupon.BaseInfo, c.GeneralCoupon.AdvancedInfo
	case c.CardType == CardTypeMemberCard && c.MemberCard != nil:
		return c.MemberCard.BaseInfo, c.MemberCard.AdvancedInfo
	}
	return nil, nil
}

// validate checks what WeChat requires of every new card before sending it.
func (c *Card) validate() error {
	if c == nil {
		return invalidArg("card", "nil")
	}
	switch c.CardType {
	case CardTypeGroupon, CardTypeCash, CardTypeDiscount, CardTypeGift, CardTypeGeneralCoupon, CardTypeMemberCard:
	default:
		return invalidArg("card.card_type", "unknown card type "+strconv.Quote(string(c.CardType)))
	}
	n := 0
	for _, set := range []bool{c.Groupon != nil, c.Cash != nil, c.Discount != nil, c.Gift != nil, c.GeneralCoupon != nil, c.MemberCard != nil} {
		if set {
			n++
		}
	}
	base, _ := c.Info()
	if n != 1 || base == nil {
		return invalidArg("card", "exactly the object of card_type "+string(c.CardType)+" must be set")
	}
	if base.Title == "" {
		return invalidArg("card.base_info.title", "empty")
	}
	if base.BrandName == "" {
		return invalidArg("card.base_info.brand_name", "empty")
	}
	if base.LogoURL == "" {
		return invalidArg("card.base_info.logo_url", "empty")
	}
	return nil
}

// CardBaseInfo is base_info, the fields common to every card type. Fields
// marked read-only are only answered by CardManaging.Get.
type CardBaseInfo struct {
	ID     string `json:"id,omitempty"`     // read-only: card_id
	Status string `json:"status,omitempty"` // read-only: CARD_STATUS_NOT_VERIFY, CARD_STATUS_VERIFY_OK...

	LogoURL      string    `json:"logo_url,omitempty"`
	BrandName    string    `json:"brand_name,omitempty"`
	CodeType     string    `json:"code_type,omitempty"` // CodeTypeText...
	Title        string    `json:"title,omitempty"`
	SubTitle     string    `json:"sub_title,omitempty"`
	Color        string    `json:"color,omitempty"` // Color010...: one of WeChat's named colours
	Notice       string    `json:"notice,omitempty"`
	Description  string    `json:"description,omitempty"`
	SKU          *CardSKU  `json:"sku,omitempty"`
	DateInfo     *CardDate `json:"date_info,omitempty"`
	ServicePhone string    `json:"service_phone,omitempty"`

	UseCustomCode     bool    `json:"use_custom_code,omitempty"`
	GetCustomCodeMode string  `json:"get_custom_code_mode,omitempty"` // GET_CUSTOM_CODE_MODE_DEPOSIT for imported codes
	BindOpenID        bool    `json:"bind_openid,omitempty"`
	LocationIDList    []int64 `json:"location_id_list,omitempty"`
	UseAllLocations   bool    `json:"use_all_locations,omitempty"`
	Source            string  `json:"source,omitempty"`

	CenterTitle               string `json:"center_title,omitempty"`
	CenterSubTitle            string `json:"center_sub_title,omitempty"`
	CenterURL                 string `json:"center_url,omitempty"`
	CenterAppBrandUserName    string `json:"center_app_brand_user_name,omitempty"`
	CenterAppBrandPass        string `json:"center_app_brand_pass,omitempty"`
	CustomURLName             string `json:"custom_url_name,omitempty"`
	CustomURL                 string `json:"custom_url,omitempty"`
	CustomURLSubTitle         string `json:"custom_url_sub_title,omitempty"`
	CustomAppBrandUserName    string `json:"custom_app_brand_user_name,omitempty"`
	CustomAppBrandPass        string `json:"custom_app_brand_pass,omitempty"`
	PromotionURLName          string `json:"promotion_url_name,omitempty"`
	PromotionURL              string `json:"promotion_url,omitempty"`
	PromotionURLSubTitle      string `json:"promotion_url_sub_title,omitempty"`
	PromotionAppBrandUserName string `json:"promotion_app_brand_user_name,omitempty"`
	PromotionAppBrandPass     string `json:"promotion_app_brand_pass,omitempty"`

	GetLimit       int          `json:"get_limit,omitempty"`
	UseLimit       int          `json:"use_limit,omitempty"`
	CanShare       *bool        `json:"can_share,omitempty"`
	CanGiveFriend  *bool        `json:"can_give_friend,omitempty"`
	NeedPushOnView bool         `json:"need_push_on_view,omitempty"`
	PayInfo        *CardPayInfo `json:"pay_info,omitempty"`
}

// CardSKU is the stock of a card.
type CardSKU struct {
	Quantity      int `json:"quantity"`
	TotalQuantity int `json:"total_quantity,omitempty"` // read-only
}

// CardDate is the validity of a card (date_info).
type CardDate struct {
	Type           string `json:"type"`                       // DateTypeFixTimeRange...
	BeginTimestamp int64  `json:"begin_timestamp,omitempty"`  // DATE_TYPE_FIX_TIME_RANGE
	EndTimestamp   int64  `json:"end_timestamp,omitempty"`    // DATE_TYPE_FIX_TIME_RANGE
	FixedTerm      int    `json:"fixed_term,omitempty"`       // DATE_TYPE_FIX_TERM: days
	FixedBeginTerm int    `json:"fixed_begin_term,omitempty"` // DATE_TYPE_FIX_TERM: days before it starts
}

// CardPayInfo is the 买单 setting of base_info.pay_info.
type CardPayInfo struct {
	SwipeCard struct {
		IsSwipeCard bool `json:"is_swipe_card"`
	} `json:"swipe_card"`
}

// CardAdvancedInfo is advanced_info, the optional marketing fields.
type CardAdvancedInfo struct {
	UseCondition    *CardUseCondition `json:"use_condition,omitempty"`
	Abstract        *CardAbstract     `json:"abstract,omitempty"`
	TextImageList   []CardTextImage   `json:"text_image_list,omitempty"`
	BusinessService []string          `json:"business_service,omitempty"` // BIZ_SERVICE_DELIVER...
	TimeLimit       []CardTimeLimit   `json:"time_limit,omitempty"`
}

// CardUseCondition is advanced_info.use_condition.
type CardUseCondition struct {
	AcceptCategory          string `json:"accept_category,omitempty"`
	RejectCategory          string `json:"reject_category,omitempty"`
	LeastCost               int    `json:"least_cost,omitempty"` // fen
	ObjectUseFor            string `json:"object_use_for,omitempty"`
	CanUseWithOtherDiscount bool   `json:"can_use_with_other_discount,omitempty"`
}

// CardAbstract is the card's cover (advanced_info.abstract).
type CardAbstract struct {
	Abstract    string   `json:"abstract,omitempty"`
	IconURLList []string `json:"icon_url_list,omitempty"`
}

// CardTextImage is one illustrated paragraph of advanced_info.text_image_list.
type CardTextImage struct {
	ImageURL string `json:"image_url"`
	Text     string `json:"text"`
}

// CardTimeLimit is one usable period of advanced_info.time_limit.
type CardTimeLimit struct {
	Type        string `json:"type"` // MONDAY...SUNDAY, HOLIDAY
	BeginHour   int    `json:"begin_hour,omitempty"`
	BeginMinute int    `json:"begin_minute,omitempty"`
	EndHour     int    `json:"end_hour,omitempty"`
	EndMinute   int    `json:"end_minute,omitempty"`
}

// Groupon is a group-buying voucher (团购券).
type Groupon struct {
	BaseInfo     *CardBaseInfo     `json:"base_info,omitempty"`
	AdvancedInfo *CardAdvancedInfo `json:"advanced_info,omitempty"`
	DealDetail   string            `json:"deal_detail,omitempty"`
}

// Cash is a cash voucher (代金券); amounts are in fen.
type Cash struct {
	BaseInfo     *CardBaseInfo     `json:"base_info,omitempty"`
	AdvancedInfo *CardAdvancedInfo `json:"advanced_info,omitempty"`
	LeastCost    int               `json:"least_cost,omitempty"`
	ReduceCost   int               `json:"reduce_cost,omitempty"`
}

// Discount is a discount coupon (折扣券); Discount 30 means 30% off.
type Discount struct {
	BaseInfo     *CardBaseInfo     `json:"base_info,omitempty"`
	AdvancedInfo *CardAdvancedInfo `json:"advanced_info,omitempty"`
	Discount     int               `json:"discount,omitempty"`
}

// Gift is a gift voucher (兑换券).
type Gift struct {
	BaseInfo     *CardBaseInfo     `json:"base_info,omitempty"`
	AdvancedInfo *CardAdvancedInfo `json:"advanced_info,omitempty"`
	Gift         string            `json:"gift,omitempty"`
}

// GeneralCoupon is a general coupon (优惠券).
type GeneralCoupon struct {
	BaseInfo      *CardBaseInfo     `json:"base_info,omitempty"`
	AdvancedInfo  *CardAdvancedInfo `json:"advanced_info,omitempty"`
	DefaultDetail string            `json:"default_detail,omitempty"`
}

// Create creates a card or coupon and returns its card_id. The card is
// reviewed by WeChat before it can be distributed.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Create_a_Coupon_Voucher_or_Card.html
func (s *CardService) Create(ctx context.Context, card *Card) (string, error) {
	if err := card.validate(); err != nil {
		return "", err
	}
	if mc := card.MemberCard; mc != nil && (mc.SupplyBonus == nil || mc.SupplyBalance == nil) {
		// Both are required on creation.
		c, m, no := *card, *mc, false
		if m.SupplyBonus == nil {
			m.SupplyBonus = &no
		}
		if m.SupplyBalance == nil {
			m.SupplyBalance = &no
		}
		c.MemberCard = &m
		card = &c
	}
	out, err := call[struct {
		CardID string `json:"card_id"`
	}](ctx, s.c, cardCreate, nil, struct {
		Card *Card `json:"card"`
	}{card})
	if err != nil {
		return "", err
	}
	return out.CardID, nil
}

func requireCardID(cardID string) error {
	if cardID == "" {
		return invalidArg("card_id", "empty")
	}
	return nil
}

func requireCode(code string) error {
	if code == "" {
		return invalidArg("code", "empty")
	}
	return nil
}

// SetPayCell turns the 买单 entry of a card on or off.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Create_a_Coupon_Voucher_or_Card.html
func (s *CardService) SetPayCell(ctx context.Context, cardID string, open bool) error {
	if err := requireCardID(cardID); err != nil {
		return err
	}
	return s.c.Do(ctx, cardPayCell, nil, struct {
		CardID string `json:"card_id"`
		IsOpen bool   `json:"is_open"`
	}{cardID, open}, nil)
}

// SelfConsumeCell is the 自助核销 setting of a card.
type SelfConsumeCell struct {
	CardID string `json:"card_id"`
	IsOpen bool   `json:"is_open"`
	// NeedVerifyCode asks the user for the store's verification code.
	NeedVerifyCode bool `json:"need_verify_cod,omitempty"`
	// NeedRemarkAmount asks the user for the amount spent.
	NeedRemarkAmount bool `json:"need_remark_amount,omitempty"`
}

// SetSelfConsumeCell turns the self-consume (自助核销) entry of a card on or off.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Create_a_Coupon_Voucher_or_Card.html
func (s *CardService) SetSelfConsumeCell(ctx context.Context, cell *SelfConsumeCell) error {
	if cell == nil {
		return invalidArg("cell", "nil")
	}
	if err := requireCardID(cell.CardID); err != nil {
		return err
	}
	return s.c.Do(ctx, cardSelfConsumeCell, nil, cell, nil)
}

// CardCodeInfo is the state of a card code (card/code/get).
type CardCodeInfo struct {
	Card struct {
		CardID    string `json:"card_id"`
		BeginTime int64  `json:"begin_time"`
		EndTime   int64  `json:"end_time"`
	} `json:"card"`
	OpenID         string `json:"openid"`
	CanConsume     bool   `json:"can_consume"`
	UserCardStatus string `json:"user_card_status"` // NORMAL, CONSUMED, EXPIRE, GIFTING, GIFT_TIMEOUT, DELETE, UNAVAILABLE
	// OuterStr is the scene value the card was received with.
	OuterStr string `json:"outer_str,omitempty"`
}

// Code queries a code before consuming it; checkConsume makes WeChat answer
// an error when the code cannot be consumed. cardID may be empty for cards
// without custom codes.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Redeeming_a_coupon_voucher_or_card.html
func (s *CardService) Code(ctx context.Context, cardID, code string, checkConsume bool) (*CardCodeInfo, error) {
	if err := requireCode(code); err != nil {
		return nil, err
	}
	return call[CardCodeInfo](ctx, s.c, cardCodeGet, nil, struct {
		CardID       string `json:"card_id,omitempty"`
		Code         string `json:"code"`
		CheckConsume bool   `json:"check_consume"`
	}{cardID, code, checkConsume})
}

// ConsumedCode is the answer of a code consumption.
type ConsumedCode struct {
	Card struct {
		CardID string `json:"card_id"`
	} `json:"card"`
	OpenID string `json:"openid"`
}

// ConsumeCode consumes (核销) a code. cardID is required for cards with
// custom codes and may be empty otherwise.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Redeeming_a_coupon_voucher_or_card.html
func (s *CardService) ConsumeCode(ctx context.Context, cardID, code string) (*ConsumedCode, error) {
	if err := requireCode(code); err != nil {
		return nil, err
	}
	return call[ConsumedCode](ctx, s.c, cardCodeConsume, nil, struct {
		Code   string `json:"code"`
		CardID string `json:"card_id,omitempty"`
	}{code, cardID})
}

// DecryptCode decrypts the encrypt_code a card page or event carries into
// the real code.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Redeeming_a_coupon_voucher_or_card.html
func (s *CardService) DecryptCode(ctx context.Context, encryptCode string) (string, error) {
	if encryptCode == "" {
		return "", invalidArg("encrypt_code", "empty")
	}
	out, err := call[struct {
		Code string `json:"code"`
	}](ctx, s.c, cardCodeDecrypt, nil, map[string]string{"encrypt_code": encryptCode})
	if err != nil {
		return "", err
	}
	return out.Code, nil
}

// CardSignature returns the card signature (cardSign / signature) of the
// JS-SDK and of card pages: the hex SHA-1 of the values sorted and
// concatenated. Empty values take part too, as WeChat computes it.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html
func CardSignature(values ...string) string {
	v := slices.Clone(values)
	slices.Sort(v)
	sum := sha1.Sum([]byte(strings.Join(v, "")))
	return hex.EncodeToString(sum[:])
}

// CardExt is the cardExt of wx.addCard, to be JSON-encoded as a string.
type CardExt struct {
	Code                string `json:"code,omitempty"`
	OpenID              string `json:"openid,omitempty"`
	Timestamp           string `json:"timestamp"`
	NonceStr            string `json:"nonce_str"`
	FixedBeginTimestamp int64  `json:"fixed_begintimestamp,omitempty"`
	OuterStr            string `json:"outer_str,omitempty"`
	Signature           string `json:"signature"`
}

// ChooseCardParams are the parameters of wx.chooseCard.
type ChooseCardParams struct {
	ShopID    string `json:"shopId,omitempty"`
	CardType  string `json:"cardType,omitempty"`
	CardID    string `json:"cardId,omitempty"`
	Timestamp string `json:"timestamp"`
	NonceStr  string `json:"nonceStr"`
	SignType  string `json:"signType"`
	CardSign  string `json:"cardSign"`
}

func cardNonce() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// AddCardExt returns the signed cardExt of wx.addCard for a card, with the
// account's wx_card api_ticket. code and openid are only for cards with
// custom codes or bound to an openid; leave them empty otherwise.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html
func (s *CardService) AddCardExt(ctx context.Context, cardID, code, openID string) (*CardExt, error) {
	if err := requireCardID(cardID); err != nil {
		return nil, err
	}
	ticket, err := s.c.CardTicket(ctx)
	if err != nil {
		return nil, err
	}
	nonce, err := cardNonce()
	if err != nil {
		return nil, err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	return &CardExt{
		Code: code, OpenID: openID, Timestamp: ts, NonceStr: nonce,
		Signature: CardSignature(ticket, ts, cardID, code, openID, nonce),
	}, nil
}

// ChooseCard returns the signed parameters of wx.chooseCard, with the
// account's wx_card api_ticket. shopID, cardType and cardID narrow the
// cards offered and may be empty.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html
func (s *CardService) ChooseCard(ctx context.Context, shopID, cardType, cardID string) (*ChooseCardParams, error) {
	ticket, err := s.c.CardTicket(ctx)
	if err != nil {
		return nil, err
	}
	nonce, err := cardNonce()
	if err != nil {
		return nil, err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	return &ChooseCardParams{
		ShopID: shopID, CardType: cardType, CardID: cardID, Timestamp: ts, NonceStr: nonce, SignType: "SHA1",
		CardSign: CardSignature(ticket, s.c.AppID(), shopID, ts, nonce, cardID, cardType),
	}, nil
}
