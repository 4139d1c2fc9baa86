package oa_test

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestCardCreate(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id, err := c.Card.Create(ctx, cashCardD(100))
	if err != nil {
		t.Fatal(err)
	}
	if len(id) != 28 || id[0] != 'p' {
		t.Errorf("card_id = %q", id)
	}
	body := bodyD(t, srv, "POST /card/create")
	card := body["card"].(map[string]any)
	cash := card["cash"].(map[string]any)
	base := cash["base_info"].(map[string]any)
	if card["card_type"] != "CASH" || len(card) != 2 || cash["reduce_cost"] != 1000.0 || cash["least_cost"] != 10000.0 {
		t.Errorf("card = %s", jsonA(t, card))
	}
	if jsonA(t, base["sku"]) != `{"quantity":100}` || jsonA(t, base["date_info"]) != `{"fixed_term":30,"type":"DATE_TYPE_FIX_TERM"}` ||
		base["get_limit"] != 2.0 || base["title"] != "10元代金券" {
		t.Errorf("base_info = %s", jsonA(t, base))
	}
	if _, ok := base["can_share"]; ok {
		t.Error("unset can_share sent")
	}
	if got := jsonA(t, cash["advanced_info"]); got != `{"time_limit":[{"begin_hour":9,"end_hour":21,"type":"MONDAY"}],"use_condition":{"least_cost":10000}}` {
		t.Errorf("advanced_info = %s", got)
	}

	// WeChat-side validation.
	bad := cashCardD(1)
	bad.Cash.BaseInfo.CodeType = "CODE_TYPE_SMOKE"
	_, err = c.Card.Create(ctx, bad)
	apiCodeA(t, err, 40072)
	bad = cashCardD(1)
	bad.Cash.BaseInfo.Title = strings.Repeat("长", 10)
	_, err = c.Card.Create(ctx, bad)
	apiCodeA(t, err, 45021)
	bad = cashCardD(1)
	bad.Cash.BaseInfo.DateInfo = &oa.CardDate{Type: oa.DateTypeFixTimeRange, BeginTimestamp: 100, EndTimestamp: 50}
	_, err = c.Card.Create(ctx, bad)
	apiCodeA(t, err, 40079)
	bad = cashCardD(1)
	bad.Cash.BaseInfo.DateInfo = &oa.CardDate{Type: oa.DateTypePermanent}
	_, err = c.Card.Create(ctx, bad)
	apiCodeA(t, err, 40079)
	bad = &oa.Card{CardType: oa.CardTypeMemberCard, MemberCard: memberCardD()}
	bad.MemberCard.Prerogative = ""
	_, err = c.Card.Create(ctx, bad)
	apiCodeA(t, err, 41011)

	// Client-side validation.
	before := srv.Count("POST /card/create")
	for _, tc := range []struct {
		card *oa.Card
		arg  string
	}{
		{nil, "card"},
		{&oa.Card{CardType: "TICKET"}, "card.card_type"},
		{&oa.Card{CardType: oa.CardTypeGift, Cash: cashCardD(1).Cash}, "card"},
		{&oa.Card{CardType: oa.CardTypeCash, Cash: cashCardD(1).Cash, Gift: &oa.Gift{}}, "card"},
		{&oa.Card{CardType: oa.CardTypeGift, Gift: &oa.Gift{BaseInfo: &oa.CardBaseInfo{BrandName: "b", LogoURL: "l"}}}, "card.base_info.title"},
		{&oa.Card{CardType: oa.CardTypeGift, Gift: &oa.Gift{BaseInfo: &oa.CardBaseInfo{Title: "t", LogoURL: "l"}}}, "card.base_info.brand_name"},
		{&oa.Card{CardType: oa.CardTypeGift, Gift: &oa.Gift{BaseInfo: &oa.CardBaseInfo{Title: "t", BrandName: "b"}}}, "card.base_info.logo_url"},
	} {
		_, err := c.Card.Create(ctx, tc.card)
		argErrA(t, srv, "POST /none", err, tc.arg)
	}
	if n := srv.Count("POST /card/create"); n != before {
		t.Errorf("%d invalid cards sent", n-before)
	}
}

func TestCardCellsAndCodes(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := createdCardD(t, srv, c, cashCardD(10))

	if err := c.Card.SetPayCell(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/paycell/set")); got != `{"card_id":"`+id+`","is_open":true}` {
		t.Errorf("paycell body %s", got)
	}
	apiCodeA(t, c.Card.SetPayCell(ctx, "pNOPE", false), 40073)
	argErrA(t, srv, "POST /none", c.Card.SetPayCell(ctx, "", true), "card_id")

	if err := c.Card.SetSelfConsumeCell(ctx, &oa.SelfConsumeCell{CardID: id, IsOpen: true, NeedVerifyCode: true}); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/selfconsumecell/set")); got != `{"card_id":"`+id+`","is_open":true,"need_verify_cod":true}` {
		t.Errorf("selfconsumecell body %s", got)
	}
	argErrA(t, srv, "POST /none", c.Card.SetSelfConsumeCell(ctx, nil), "cell")

	code, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oUser1")
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Card.Code(ctx, id, code, true)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/code/get")); got != `{"card_id":"`+id+`","check_consume":true,"code":"`+code+`"}` {
		t.Errorf("code/get body %s", got)
	}
	if info.Card.CardID != id || info.OpenID != "oUser1" || !info.CanConsume || info.UserCardStatus != "NORMAL" ||
		info.Card.EndTime-info.Card.BeginTime != 30*86400 {
		t.Errorf("code info = %+v", info)
	}

	got, err := c.Card.ConsumeCode(ctx, "", code)
	if err != nil {
		t.Fatal(err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /card/code/consume")); b != `{"code":"`+code+`"}` {
		t.Errorf("consume body %s", b)
	}
	if got.Card.CardID != id || got.OpenID != "oUser1" {
		t.Errorf("consumed = %+v", got)
	}
	_, err = c.Card.ConsumeCode(ctx, id, code)
	apiCodeA(t, err, 40099)
	if b := bodyD(t, srv, "POST /card/code/consume"); b["card_id"] != id {
		t.Errorf("consume body %v", b)
	}
	_, err = c.Card.Code(ctx, id, code, true)
	apiCodeA(t, err, 40099)
	info, err = c.Card.Code(ctx, "", code, false)
	if err != nil || info.CanConsume || info.UserCardStatus != "CONSUMED" {
		t.Errorf("consumed code info = %+v, %v", info, err)
	}
	_, err = c.Card.Code(ctx, id, "000", false)
	apiCodeA(t, err, 40056)
	_, err = c.Card.Code(ctx, id, "", false)
	argErrA(t, srv, "POST /none", err, "code")
	_, err = c.Card.ConsumeCode(ctx, id, "")
	argErrA(t, srv, "POST /none", err, "code")

	// encrypt_code from a card page.
	plain, err := c.Card.DecryptCode(ctx, srv.EncryptCardCode(fakewechat.DefaultAppID, code))
	if err != nil || plain != code {
		t.Errorf("DecryptCode = %q, %v", plain, err)
	}
	if b := bodyD(t, srv, "POST /card/code/decrypt"); b["encrypt_code"] != srv.EncryptCardCode(fakewechat.DefaultAppID, code) {
		t.Errorf("decrypt body %v", b)
	}
	_, err = c.Card.DecryptCode(ctx, srv.EncryptCardCode("wxother", code))
	apiCodeA(t, err, 40116)
	_, err = c.Card.DecryptCode(ctx, "")
	argErrA(t, srv, "POST /none", err, "encrypt_code")
}

func TestCardGiveLimits(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id, err := c.Card.Create(ctx, cashCardD(3))
	if err != nil {
		t.Fatal(err)
	}
	// Under review: only whitelisted users receive it.
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oA"); err == nil {
		t.Fatal("card under review given")
	}
	if err := c.CardDistributing.SetTestWhitelist(ctx, []string{"oA"}, nil); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oA"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oA"); err == nil || !strings.Contains(err.Error(), "45033") {
		t.Errorf("third card for get_limit 2: %v", err)
	}
	if err := srv.ApproveCard(fakewechat.DefaultAppID, id); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oB"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oC"); err == nil || !strings.Contains(err.Error(), "45031") {
		t.Errorf("card without stock: %v", err)
	}
}

func TestCardSignature(t *testing.T) {
	// Sorted values concatenated, then SHA-1.
	sum := sha1.Sum([]byte("1404896688" + "ojZ8Yt1TpbhmWzvf6dNf0gTfi0Q0" + "pjZ8Yt1XGILfi-FUsewpnnolGgZk" + "ticket"))
	want := hex.EncodeToString(sum[:])
	if got := oa.CardSignature("ticket", "pjZ8Yt1XGILfi-FUsewpnnolGgZk", "1404896688", "ojZ8Yt1TpbhmWzvf6dNf0gTfi0Q0"); got != want {
		t.Errorf("CardSignature = %s, want %s", got, want)
	}
	in := []string{"b", "a"}
	oa.CardSignature(in...)
	if in[0] != "b" {
		t.Error("CardSignature sorted the caller's slice")
	}

	ctx := context.Background()
	srv, c := newDClient(t)
	ticket, err := c.CardTicket(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ext, err := c.Card.AddCardExt(ctx, "pCard", "", "oUser")
	if err != nil {
		t.Fatal(err)
	}
	if ext.OpenID != "oUser" || ext.Code != "" || len(ext.NonceStr) < 16 || ext.Timestamp == "" ||
		ext.Signature != oa.CardSignature(ticket, ext.Timestamp, "pCard", "", "oUser", ext.NonceStr) {
		t.Errorf("cardExt = %+v", ext)
	}
	if got := jsonA(t, ext); strings.Contains(got, `"code"`) || !strings.Contains(got, `"signature"`) {
		t.Errorf("cardExt JSON = %s", got)
	}
	_, err = c.Card.AddCardExt(ctx, "", "", "")
	argErrA(t, srv, "POST /none", err, "card_id")

	p, err := c.Card.ChooseCard(ctx, "", "CASH", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.SignType != "SHA1" || p.CardType != "CASH" ||
		p.CardSign != oa.CardSignature(ticket, fakewechat.DefaultAppID, "", p.Timestamp, p.NonceStr, "", "CASH") {
		t.Errorf("chooseCard = %+v", p)
	}
	if n := srv.Count("GET /cgi-bin/ticket/getticket"); n != 1 {
		t.Errorf("%d ticket requests, want 1 (cached)", n)
	}
}

func TestCardInfoTypes(t *testing.T) {
	b, a := &oa.CardBaseInfo{Title: "t"}, &oa.CardAdvancedInfo{}
	for _, card := range []oa.Card{
		{CardType: oa.CardTypeGroupon, Groupon: &oa.Groupon{BaseInfo: b, AdvancedInfo: a}},
		{CardType: oa.CardTypeCash, Cash: &oa.Cash{BaseInfo: b, AdvancedInfo: a}},
		{CardType: oa.CardTypeDiscount, Discount: &oa.Discount{BaseInfo: b, AdvancedInfo: a}},
		{CardType: oa.CardTypeGift, Gift: &oa.Gift{BaseInfo: b, AdvancedInfo: a}},
		{CardType: oa.CardTypeGeneralCoupon, GeneralCoupon: &oa.GeneralCoupon{BaseInfo: b, AdvancedInfo: a}},
		{CardType: oa.CardTypeMemberCard, MemberCard: &oa.MemberCard{BaseInfo: b, AdvancedInfo: a}},
	} {
		if gb, ga := card.Info(); gb != b || ga != a {
			t.Errorf("%s: Info = %p %p", card.CardType, gb, ga)
		}
	}
	mismatch := oa.Card{CardType: oa.CardTypeGift, Cash: &oa.Cash{BaseInfo: b}}
	if gb, ga := mismatch.Info(); gb != nil || ga != nil {
		t.Error("Info of a mismatched card type")
	}
}

// FuzzCardDecode decodes arbitrary card/get answers: Info must never panic
// and a decoded card must encode again.
func FuzzCardDecode(f *testing.F) {
	f.Add(`{"card_type":"CASH","cash":{"base_info":{"id":"p1","sku":{"quantity":1,"total_quantity":2}},"reduce_cost":100}}`)
	f.Add(`{"card_type":"MEMBER_CARD","member_card":{"supply_bonus":true,"custom_field1":{"name_type":"FIELD_NAME_TYPE_LEVEL"}}}`)
	f.Add(`{"card_type":"GIFT","cash":{}}`)
	f.Add(`{"card_type":"DISCOUNT","discount":null}`)
	f.Fuzz(func(t *testing.T, in string) {
		var c oa.Card
		if err := json.Unmarshal([]byte(in), &c); err != nil {
			return
		}
		if base, _ := c.Info(); base != nil {
			if want := c.CardType; want == "" {
				t.Fatalf("Info found base_info without a card_type in %q", in)
			}
		}
		if _, err := json.Marshal(&c); err != nil {
			t.Fatalf("re-encoding %q: %v", in, err)
		}
	})
}
