package oa

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"strconv"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	cardUserCardList    = wechat.Endpoint{Method: http.MethodPost, Path: "/card/user/getcardlist"}
	cardGet             = wechat.Endpoint{Method: http.MethodPost, Path: "/card/get"}
	cardBatchGet        = wechat.Endpoint{Method: http.MethodPost, Path: "/card/batchget"}
	cardUpdate          = wechat.Endpoint{Method: http.MethodPost, Path: "/card/update"}
	cardModifyStock     = wechat.Endpoint{Method: http.MethodPost, Path: "/card/modifystock"}
	cardCodeUpdate      = wechat.Endpoint{Method: http.MethodPost, Path: "/card/code/update"}
	cardDelete          = wechat.Endpoint{Method: http.MethodPost, Path: "/card/delete"}
	cardCodeUnavailable = wechat.Endpoint{Method: http.MethodPost, Path: "/card/code/unavailable"}
	cardBizuinInfo      = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getcardbizuininfo"}
	cardCardInfo        = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getcardcardinfo"}
)

// Limits of the card managing APIs.
const (
	MaxCardListPage  = 50 // card_ids per BatchGet call
	MaxCardStatsDays = 62 // days of one card statistics query
)

// Card statuses of base_info.status and of BatchGet's status_list.
const (
	CardStatusNotVerify  = "CARD_STATUS_NOT_VERIFY"
	CardStatusVerifyFail = "CARD_STATUS_VERIFY_FAIL"
	CardStatusVerifyOK   = "CARD_STATUS_VERIFY_OK"
	CardStatusDelete     = "CARD_STATUS_DELETE"
	CardStatusDispatch   = "CARD_STATUS_DISPATCH"
)

// checkPage validates an offset/count page against the limit max.
func checkPage(offset, count, max int) error {
	if offset < 0 {
		return invalidArg("offset", "negative")
	}
	if count < 1 || count > max {
		return invalidArg("count", strconv.Itoa(count)+" not in 1.."+strconv.Itoa(max))
	}
	return nil
}

// UserCard is a card code held by a user.
type UserCard struct {
	CardID string `json:"card_id"`
	Code   string `json:"code"`
}

// UserCards returns the codes a user holds, of every card of the account or
// only of cardID when it is not empty.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) UserCards(ctx context.Context, openID, cardID string) ([]UserCard, error) {
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	out, err := call[struct {
		CardList []UserCard `json:"card_list"`
	}](ctx, s.c, cardUserCardList, nil, struct {
		OpenID string `json:"openid"`
		CardID string `json:"card_id,omitempty"`
	}{openID, cardID})
	if err != nil {
		return nil, err
	}
	return out.CardList, nil
}

// Get returns a card with its base_info id and status.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) Get(ctx context.Context, cardID string) (*Card, error) {
	if err := requireCardID(cardID); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Card Card `json:"card"`
	}](ctx, s.c, cardGet, nil, map[string]string{"card_id": cardID})
	if err != nil {
		return nil, err
	}
	return &out.Card, nil
}

// CardIDPage is one page of card_ids.
type CardIDPage struct {
	CardIDList []string `json:"card_id_list"`
	TotalNum   int      `json:"total_num"`
}

// List returns count (1..50) card_ids from offset, of the cards whose status
// is in statuses (every card when it is empty).
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) List(ctx context.Context, offset, count int, statuses ...string) (*CardIDPage, error) {
	if err := checkPage(offset, count, MaxCardListPage); err != nil {
		return nil, err
	}
	return call[CardIDPage](ctx, s.c, cardBatchGet, nil, struct {
		Offset     int      `json:"offset"`
		Count      int      `json:"count"`
		StatusList []string `json:"status_list,omitempty"`
	}{offset, count, statuses})
}

// All iterates over the card_ids of the account, 50 per request, filtered
// by status like List.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) All(ctx context.Context, statuses ...string) iter.Seq2[string, error] {
	return wechat.OffsetPages(ctx, MaxCardListPage, func(ctx context.Context, offset, count int) ([]string, int, error) {
		p, err := s.List(ctx, offset, count, statuses...)
		if err != nil {
			return nil, 0, err
		}
		return p.CardIDList, p.TotalNum, nil
	})
}

// Update changes a card: card holds the fields to change under the object
// of its type (base_info.title, color... are reviewed again). sendCheck
// reports whether the card must be reviewed again.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) Update(ctx context.Context, cardID string, card *Card) (sendCheck bool, err error) {
	if err := requireCardID(cardID); err != nil {
		return false, err
	}
	if card == nil {
		return false, invalidArg("card", "nil")
	}
	// {"card_id": ..., "<card_type>": {...}}: the typed object marshalled
	// without its card_type, so that exactly one type key remains.
	obj, err := wechat.MarshalJSON(card)
	if err != nil {
		return false, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(obj, &m); err != nil {
		return false, err
	}
	delete(m, "card_type")
	if len(m) != 1 {
		return false, invalidArg("card", "exactly one card type object must be set")
	}
	id, _ := wechat.MarshalJSON(cardID)
	m["card_id"] = id
	out, err := call[struct {
		SendCheck bool `json:"send_check"`
	}](ctx, s.c, cardUpdate, nil, m)
	if err != nil {
		return false, err
	}
	return out.SendCheck, nil
}

// ModifyStock changes the stock of a card by delta: a positive delta
// increases it, a negative one reduces it.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) ModifyStock(ctx context.Context, cardID string, delta int) error {
	if err := requireCardID(cardID); err != nil {
		return err
	}
	if delta == 0 {
		return invalidArg("delta", "zero")
	}
	body := struct {
		CardID   string `json:"card_id"`
		Increase int    `json:"increase_stock_value,omitempty"`
		Reduce   int    `json:"reduce_stock_value,omitempty"`
	}{CardID: cardID}
	if delta > 0 {
		body.Increase = delta
	} else {
		body.Reduce = -delta
	}
	return s.c.Do(ctx, cardModifyStock, nil, body, nil)
}

// UpdateCode changes the custom code of a user's card to newCode.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) UpdateCode(ctx context.Context, cardID, code, newCode string) error {
	if err := requireCardID(cardID); err != nil {
		return err
	}
	if err := requireCode(code); err != nil {
		return err
	}
	if newCode == "" {
		return invalidArg("new_code", "empty")
	}
	return s.c.Do(ctx, cardCodeUpdate, nil, struct {
		CardID  string `json:"card_id"`
		Code    string `json:"code"`
		NewCode string `json:"new_code"`
	}{cardID, code, newCode}, nil)
}

// Delete deletes a card: it can no longer be received; codes already
// received remain usable.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) Delete(ctx context.Context, cardID string) error {
	if err := requireCardID(cardID); err != nil {
		return err
	}
	return s.c.Do(ctx, cardDelete, nil, map[string]string{"card_id": cardID}, nil)
}

// MarkCodeUnavailable makes a user's code unusable, for instance after a
// refund; it cannot be undone. cardID is required for custom codes and may
// be empty otherwise.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) MarkCodeUnavailable(ctx context.Context, cardID, code, reason string) error {
	if err := requireCode(code); err != nil {
		return err
	}
	return s.c.Do(ctx, cardCodeUnavailable, nil, struct {
		CardID string `json:"card_id,omitempty"`
		Code   string `json:"code"`
		Reason string `json:"reason,omitempty"`
	}{cardID, code, reason}, nil)
}

// Card statistics sources (cond_source).
const (
	CardSourcePlatform = 0 // cards created on mp.weixin.qq.com
	CardSourceAPI      = 1 // cards created through the API
)

// CardStats are the daily figures of the cards of the account, or of one
// card (then CardID and CardType are set).
type CardStats struct {
	RefDate      string `json:"ref_date"`
	CardID       string `json:"card_id,omitempty"`
	CardType     int    `json:"card_type,omitempty"`
	ViewCount    int    `json:"view_cnt"`
	ViewUser     int    `json:"view_user"`
	ReceiveCount int    `json:"receive_cnt"`
	ReceiveUser  int    `json:"receive_user"`
	VerifyCount  int    `json:"verify_cnt"`
	VerifyUser   int    `json:"verify_user"`
	GivenCount   int    `json:"given_cnt"`
	GivenUser    int    `json:"given_user"`
	ExpireCount  int    `json:"expire_cnt"`
	ExpireUser   int    `json:"expire_user"`
}

type cardStatsBody struct {
	BeginDate  string `json:"begin_date"`
	EndDate    string `json:"end_date"`
	CondSource int    `json:"cond_source"`
	CardID     string `json:"card_id,omitempty"`
}

const dateLayout = "2006-01-02"

func newCardStatsBody(begin, end time.Time, source int, cardID string) (*cardStatsBody, error) {
	if err := checkCardSource(source); err != nil {
		return nil, err
	}
	b, e, err := cardStatsDates(begin, end)
	if err != nil {
		return nil, err
	}
	return &cardStatsBody{BeginDate: b, EndDate: e, CondSource: source, CardID: cardID}, nil
}

func checkCardSource(source int) error {
	if source != CardSourcePlatform && source != CardSourceAPI {
		return invalidArg("cond_source", strconv.Itoa(source)+" not 0 or 1")
	}
	return nil
}

// cardStatsDates formats the dates of a card statistics query, at most
// MaxCardStatsDays days counting both ends.
func cardStatsDates(begin, end time.Time) (b, e string, err error) {
	b, e = begin.Format(dateLayout), end.Format(dateLayout)
	if e < b {
		return "", "", invalidArg("end_date", "before begin_date")
	}
	bd, _ := time.Parse(dateLayout, b)
	ed, _ := time.Parse(dateLayout, e)
	if ed.Sub(bd) >= MaxCardStatsDays*24*time.Hour {
		return "", "", invalidArg("end_date", "range longer than 62 days")
	}
	return b, e, nil
}

func (s *CardManagingService) stats(ctx context.Context, ep wechat.Endpoint, body *cardStatsBody) ([]CardStats, error) {
	return statsList[CardStats](ctx, s.c, ep, body)
}

// statsList sends a card statistics query and returns its list.
func statsList[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, body any) ([]T, error) {
	out, err := call[struct {
		List []T `json:"list"`
	}](ctx, c, ep, nil, body)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// BizStats returns the daily figures of every card of the account from begin
// to end (dates, 62 days at most), for the cards of source (CardSourceAPI...).
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) BizStats(ctx context.Context, begin, end time.Time, source int) ([]CardStats, error) {
	body, err := newCardStatsBody(begin, end, source, "")
	if err != nil {
		return nil, err
	}
	return s.stats(ctx, cardBizuinInfo, body)
}

// CardStats returns the daily figures of each card (of cardID only when it
// is not empty) from begin to end (62 days at most), for the cards of source.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *CardManagingService) CardStats(ctx context.Context, cardID string, begin, end time.Time, source int) ([]CardStats, error) {
	body, err := newCardStatsBody(begin, end, source, cardID)
	if err != nil {
		return nil, err
	}
	return s.stats(ctx, cardCardInfo, body)
}
