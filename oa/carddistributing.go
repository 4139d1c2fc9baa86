package oa

import (
	"context"
	"net/http"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	cardQRCodeCreate      = wechat.Endpoint{Method: http.MethodPost, Path: "/card/qrcode/create"}
	cardLandingPageCreate = wechat.Endpoint{Method: http.MethodPost, Path: "/card/landingpage/create"}
	cardCodeDeposit       = wechat.Endpoint{Method: http.MethodPost, Path: "/card/code/deposit"}
	cardCodeDepositCount  = wechat.Endpoint{Method: http.MethodPost, Path: "/card/code/getdepositcount"}
	cardCodeCheck         = wechat.Endpoint{Method: http.MethodPost, Path: "/card/code/checkcode"}
	cardMPNewsHTML        = wechat.Endpoint{Method: http.MethodPost, Path: "/card/mpnews/gethtml"}
	cardTestWhitelist     = wechat.Endpoint{Method: http.MethodPost, Path: "/card/testwhitelist/set"}
)

// Limits of the card distributing APIs.
const (
	MaxCardCodesPerCall      = 100 // codes per ImportCodes / CheckCodes call
	MaxCardQRCodeCards       = 5   // cards of a QR_MULTIPLE_CARD QR code
	MaxCardQRCodeExpire      = 31536000
	MinCardQRCodeExpire      = 60
	MaxCardTestWhitelistSize = 10 // openids plus usernames of the test whitelist
)

// CardQRCodeCard is a card of a card QR code.
type CardQRCodeCard struct {
	CardID string `json:"card_id"`
	Code   string `json:"code,omitempty"`
	// OpenID restricts the card to one user (QR_CARD only).
	OpenID       string `json:"openid,omitempty"`
	IsUniqueCode bool   `json:"is_unique_code,omitempty"`
	OuterID      int    `json:"outer_id,omitempty"`
	OuterStr     string `json:"outer_str,omitempty"`
}

// CardQRCode is a QR code that gives one card, or several (up to 5).
// ExpireSeconds 0 gives a permanent QR code.
type CardQRCode struct {
	ExpireSeconds int
	Cards         []CardQRCodeCard
}

// CardQRCodeTicket is a created card QR code.
type CardQRCodeTicket struct {
	Ticket        string `json:"ticket"`
	ExpireSeconds int    `json:"expire_seconds"`
	URL           string `json:"url"`
	ShowQRCodeURL string `json:"show_qrcode_url"`
}

// CreateQRCode creates a QR code giving the cards of q (QR_CARD for one
// card, QR_MULTIPLE_CARD for several).
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
func (s *CardDistributingService) CreateQRCode(ctx context.Context, q *CardQRCode) (*CardQRCodeTicket, error) {
	if q == nil || len(q.Cards) == 0 {
		return nil, invalidArg("action_info", "no card")
	}
	if len(q.Cards) > MaxCardQRCodeCards {
		return nil, invalidArg("action_info", strconv.Itoa(len(q.Cards))+" cards, at most 5")
	}
	for _, c := range q.Cards {
		if err := requireCardID(c.CardID); err != nil {
			return nil, err
		}
	}
	if q.ExpireSeconds != 0 && (q.ExpireSeconds < MinCardQRCodeExpire || q.ExpireSeconds > MaxCardQRCodeExpire) {
		return nil, invalidArg("expire_seconds", "not in 60..31536000")
	}
	type actionInfo struct {
		Card         *CardQRCodeCard `json:"card,omitempty"`
		MultipleCard *struct {
			CardList []CardQRCodeCard `json:"card_list"`
		} `json:"multiple_card,omitempty"`
	}
	body := struct {
		ActionName    string     `json:"action_name"`
		ExpireSeconds int        `json:"expire_seconds,omitempty"`
		ActionInfo    actionInfo `json:"action_info"`
	}{ExpireSeconds: q.ExpireSeconds}
	if len(q.Cards) == 1 {
		body.ActionName = "QR_CARD"
		body.ActionInfo.Card = &q.Cards[0]
	} else {
		body.ActionName = "QR_MULTIPLE_CARD"
		body.ActionInfo.MultipleCard = &struct {
			CardList []CardQRCodeCard `json:"card_list"`
		}{q.Cards}
	}
	return call[CardQRCodeTicket](ctx, s.c, cardQRCodeCreate, nil, body)
}

// LandingPage is a card landing page (货架).
type LandingPage struct {
	Banner    string            `json:"banner"`
	PageTitle string            `json:"page_title"`
	CanShare  bool              `json:"can_share"`
	Scene     string            `json:"scene"` // SCENE_NEAR_BY, SCENE_MENU, SCENE_QRCODE, SCENE_ARTICLE, SCENE_H5, SCENE_IVR, SCENE_CARD_CUSTOM_CELL
	CardList  []LandingPageCard `json:"card_list"`
}

// LandingPageCard is a card of a landing page.
type LandingPageCard struct {
	CardID   string `json:"card_id"`
	ThumbURL string `json:"thumb_url"`
}

// CreatedLandingPage is a created landing page.
type CreatedLandingPage struct {
	URL    string `json:"url"`
	PageID int64  `json:"page_id"`
}

// CreateLandingPage creates a landing page listing several cards.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
func (s *CardDistributingService) CreateLandingPage(ctx context.Context, p *LandingPage) (*CreatedLandingPage, error) {
	if p == nil || len(p.CardList) == 0 {
		return nil, invalidArg("card_list", "no card")
	}
	if p.Banner == "" {
		return nil, invalidArg("banner", "empty")
	}
	if p.Scene == "" {
		return nil, invalidArg("scene", "empty")
	}
	return call[CreatedLandingPage](ctx, s.c, cardLandingPageCreate, nil, p)
}

func checkCodes(codes []string) error {
	if len(codes) == 0 {
		return invalidArg("code", "no code given")
	}
	if len(codes) > MaxCardCodesPerCall {
		return invalidArg("code", strconv.Itoa(len(codes))+" codes, at most 100 per call")
	}
	for _, c := range codes {
		if c == "" {
			return invalidArg("code", "empty code")
		}
	}
	return nil
}

type cardCodesBody struct {
	CardID string   `json:"card_id"`
	Code   []string `json:"code"`
}

// ImportedCodes is the answer of ImportCodes.
type ImportedCodes struct {
	SuccCode      []string `json:"succ_code"`
	DuplicateCode []string `json:"duplicate_code"`
	FailCode      []string `json:"fail_code"`
}

// ImportCodes deposits custom codes (100 at most per call) into a card
// created with get_custom_code_mode GET_CUSTOM_CODE_MODE_DEPOSIT.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
func (s *CardDistributingService) ImportCodes(ctx context.Context, cardID string, codes []string) (*ImportedCodes, error) {
	if err := requireCardID(cardID); err != nil {
		return nil, err
	}
	if err := checkCodes(codes); err != nil {
		return nil, err
	}
	return call[ImportedCodes](ctx, s.c, cardCodeDeposit, nil, cardCodesBody{cardID, codes})
}

// CodeCount returns the number of codes deposited into a card.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
func (s *CardDistributingService) CodeCount(ctx context.Context, cardID string) (int, error) {
	if err := requireCardID(cardID); err != nil {
		return 0, err
	}
	out, err := call[struct {
		Count int `json:"count"`
	}](ctx, s.c, cardCodeDepositCount, nil, map[string]string{"card_id": cardID})
	if err != nil {
		return 0, err
	}
	return out.Count, nil
}

// CheckedCodes is the answer of CheckCodes.
type CheckedCodes struct {
	ExistCode    []string `json:"exist_code"`
	NotExistCode []string `json:"not_exist_code"`
}

// CheckCodes reports which of codes (100 at most) were deposited into a card.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
func (s *CardDistributingService) CheckCodes(ctx context.Context, cardID string, codes []string) (*CheckedCodes, error) {
	if err := requireCardID(cardID); err != nil {
		return nil, err
	}
	if err := checkCodes(codes); err != nil {
		return nil, err
	}
	return call[CheckedCodes](ctx, s.c, cardCodeCheck, nil, cardCodesBody{cardID, codes})
}

// MPNewsHTML returns the HTML of a card to put in an article (图文消息).
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
func (s *CardDistributingService) MPNewsHTML(ctx context.Context, cardID string) (string, error) {
	if err := requireCardID(cardID); err != nil {
		return "", err
	}
	out, err := call[struct {
		Content string `json:"content"`
	}](ctx, s.c, cardMPNewsHTML, nil, map[string]string{"card_id": cardID})
	if err != nil {
		return "", err
	}
	return out.Content, nil
}

// SetTestWhitelist sets the users (by openid or WeChat id) who can receive
// cards still under review; it replaces the previous whitelist.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
func (s *CardDistributingService) SetTestWhitelist(ctx context.Context, openIDs, usernames []string) error {
	n := len(openIDs) + len(usernames)
	if n == 0 {
		return invalidArg("openid", "no openid nor username given")
	}
	if n > MaxCardTestWhitelistSize {
		return invalidArg("openid", strconv.Itoa(n)+" users, at most 10")
	}
	return s.c.Do(ctx, cardTestWhitelist, nil, struct {
		OpenID   []string `json:"openid,omitempty"`
		Username []string `json:"username,omitempty"`
	}{openIDs, usernames}, nil)
}
