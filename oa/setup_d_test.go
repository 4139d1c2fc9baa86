package oa_test

import (
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// newDClient is the test client of the Card, CardDistributing,
// CardManaging, MemberCard, EInvoice and InvoicingPlatform tests; the
// helpers of setup_a_test.go (apiCodeA, argErrA, jsonA, reqA) check them.
func newDClient(t testing.TB) (*fakewechat.Server, *oa.Client) { return newAClient(t) }

// bodyD returns the JSON body of the last request of pattern.
func bodyD(t testing.TB, srv *fakewechat.Server, pattern string) map[string]any {
	t.Helper()
	_, m := reqA(t, srv, pattern)
	return m
}

// cashCardD returns a valid cash voucher with quantity units of stock.
func cashCardD(quantity int) *oa.Card {
	return &oa.Card{CardType: oa.CardTypeCash, Cash: &oa.Cash{
		BaseInfo: &oa.CardBaseInfo{
			LogoURL: "http://mmbiz.qpic.cn/logo", BrandName: "测试商户", CodeType: oa.CodeTypeQRCode,
			Title: "10元代金券", Color: "Color010", Notice: "出示二维码", Description: "不可与其他优惠同享",
			SKU:      &oa.CardSKU{Quantity: quantity},
			DateInfo: &oa.CardDate{Type: oa.DateTypeFixTerm, FixedTerm: 30},
			GetLimit: 2,
		},
		AdvancedInfo: &oa.CardAdvancedInfo{
			UseCondition: &oa.CardUseCondition{LeastCost: 10000},
			TimeLimit:    []oa.CardTimeLimit{{Type: "MONDAY", BeginHour: 9, EndHour: 21}},
		},
		LeastCost: 10000, ReduceCost: 1000,
	}}
}

// memberCardD returns a valid membership card.
func memberCardD() *oa.MemberCard {
	return &oa.MemberCard{
		BaseInfo: &oa.CardBaseInfo{
			LogoURL: "http://mmbiz.qpic.cn/logo", BrandName: "海底捞", CodeType: oa.CodeTypeText, Title: "会员卡",
			Color: "Color010", Notice: "出示会员卡", Description: "会员专享", SKU: &oa.CardSKU{Quantity: 100},
			DateInfo: &oa.CardDate{Type: oa.DateTypePermanent},
		},
		Prerogative: "九折", SupplyBonus: &yesD,
		CustomField1: &oa.MemberCardField{NameType: "FIELD_NAME_TYPE_LEVEL", URL: "http://example.com/level"},
		BonusRule:    &oa.MemberBonusRule{CostMoneyUnit: 100, IncreaseBonus: 1},
	}
}

// createdCardD creates and approves a card.
func createdCardD(t testing.TB, srv *fakewechat.Server, c *oa.Client, card *oa.Card) string {
	t.Helper()
	id, err := c.Card.Create(t.Context(), card)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.ApproveCard(fakewechat.DefaultAppID, id); err != nil {
		t.Fatal(err)
	}
	return id
}

var (
	dayD = 24 * time.Hour
	yesD = true
)
