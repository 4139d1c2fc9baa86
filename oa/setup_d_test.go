package oa_test

import (
	"encoding/json"
	"errors"
	"log"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// newDClient starts a fake WeChat server and returns an oa client on it, for
// the Card, CardDistributing, CardManaging, MemberCard, EInvoice and
// InvoicingPlatform tests.
func newDClient(t testing.TB) (*fakewechat.Server, *oa.Client) {
	t.Helper()
	srv := fakewechat.NewTestServer(t)
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// exampleClientD is newDClient for Example functions.
func exampleClientD() (*fakewechat.Server, *oa.Client) {
	srv := fakewechat.New()
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	return srv, c
}

// bodyD returns the JSON body of the last request of pattern.
func bodyD(t testing.TB, srv *fakewechat.Server, pattern string) map[string]any {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no request recorded for %s", pattern)
	}
	var m map[string]any
	if err := json.Unmarshal(rr.Body, &m); err != nil {
		t.Fatalf("%s body %q: %v", pattern, rr.Body, err)
	}
	return m
}

// jsonD re-encodes v (maps encode with sorted keys).
func jsonD(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// apiCodeD asserts that err is an *wechat.APIError with errcode code.
func apiCodeD(t testing.TB, err error, code int) {
	t.Helper()
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *wechat.APIError %d", err, err, code)
	}
	if apiErr.Code != code {
		t.Fatalf("errcode = %d (%v), want %d", apiErr.Code, err, code)
	}
}

// argErrD asserts that err is an *oa.InvalidArgumentError about arg and that
// nothing reached pattern.
func argErrD(t testing.TB, srv *fakewechat.Server, pattern string, err error, arg string) {
	t.Helper()
	var ae *oa.InvalidArgumentError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want *oa.InvalidArgumentError", err, err)
	}
	if ae.Arg != arg {
		t.Errorf("Arg = %q, want %q (%v)", ae.Arg, arg, err)
	}
	if n := srv.Count(pattern); n != 0 {
		t.Errorf("%d requests sent to %s for an invalid argument", n, pattern)
	}
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
