package oa_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestCardDistributingQRCode(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id1 := createdCardD(t, srv, c, cashCardD(10))
	id2 := createdCardD(t, srv, c, cashCardD(10))

	qr, err := c.CardDistributing.CreateQRCode(ctx, &oa.CardQRCode{ExpireSeconds: 1800,
		Cards: []oa.CardQRCodeCard{{CardID: id1, OpenID: "oUser", IsUniqueCode: true, OuterStr: "shop1"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`{"action_info":{"card":{"card_id":"%s","is_unique_code":true,"openid":"oUser","outer_str":"shop1"}},"action_name":"QR_CARD","expire_seconds":1800}`, id1)
	if got := jsonA(t, bodyD(t, srv, "POST /card/qrcode/create")); got != want {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
	if qr.Ticket == "" || qr.ExpireSeconds != 1800 || !strings.HasPrefix(qr.URL, "http://weixin.qq.com/q/") ||
		!strings.Contains(qr.ShowQRCodeURL, "showqrcode?ticket=") {
		t.Errorf("qr = %+v", qr)
	}

	qr, err = c.CardDistributing.CreateQRCode(ctx, &oa.CardQRCode{Cards: []oa.CardQRCodeCard{{CardID: id1}, {CardID: id2}}})
	if err != nil {
		t.Fatal(err)
	}
	want = fmt.Sprintf(`{"action_info":{"multiple_card":{"card_list":[{"card_id":"%s"},{"card_id":"%s"}]}},"action_name":"QR_MULTIPLE_CARD"}`, id1, id2)
	if got := jsonA(t, bodyD(t, srv, "POST /card/qrcode/create")); got != want {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
	if qr.ExpireSeconds != 0 {
		t.Errorf("permanent QR code expires in %d", qr.ExpireSeconds)
	}

	_, err = c.CardDistributing.CreateQRCode(ctx, &oa.CardQRCode{Cards: []oa.CardQRCodeCard{{CardID: "pMissing"}}})
	apiCodeA(t, err, 40073)
	six := make([]oa.CardQRCodeCard, 6)
	for i := range six {
		six[i].CardID = id1
	}
	for _, tc := range []struct {
		q   *oa.CardQRCode
		arg string
	}{
		{nil, "action_info"},
		{&oa.CardQRCode{Cards: six}, "action_info"},
		{&oa.CardQRCode{Cards: []oa.CardQRCodeCard{{}}}, "card_id"},
		{&oa.CardQRCode{ExpireSeconds: 30, Cards: []oa.CardQRCodeCard{{CardID: id1}}}, "expire_seconds"},
	} {
		_, err := c.CardDistributing.CreateQRCode(ctx, tc.q)
		argErrA(t, srv, "POST /none", err, tc.arg)
	}
}

func TestCardDistributingLandingPageAndHTML(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := createdCardD(t, srv, c, cashCardD(10))
	page, err := c.CardDistributing.CreateLandingPage(ctx, &oa.LandingPage{Banner: "http://mmbiz.qpic.cn/banner", PageTitle: "优惠券",
		CanShare: true, Scene: "SCENE_H5", CardList: []oa.LandingPageCard{{CardID: id, ThumbURL: "http://mmbiz.qpic.cn/thumb"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`{"banner":"http://mmbiz.qpic.cn/banner","can_share":true,"card_list":[{"card_id":"%s","thumb_url":"http://mmbiz.qpic.cn/thumb"}],"page_title":"优惠券","scene":"SCENE_H5"}`, id)
	if got := jsonA(t, bodyD(t, srv, "POST /card/landingpage/create")); got != want {
		t.Errorf("body = %s", got)
	}
	if page.PageID == 0 || !strings.Contains(page.URL, fmt.Sprintf("page_id=%d", page.PageID)) {
		t.Errorf("page = %+v", page)
	}
	_, err = c.CardDistributing.CreateLandingPage(ctx, &oa.LandingPage{Banner: "b", PageTitle: "t", Scene: "SCENE_MOON", CardList: []oa.LandingPageCard{{CardID: id}}})
	apiCodeA(t, err, 40097)
	_, err = c.CardDistributing.CreateLandingPage(ctx, &oa.LandingPage{Banner: "b", Scene: "SCENE_H5"})
	argErrA(t, srv, "POST /none", err, "card_list")
	_, err = c.CardDistributing.CreateLandingPage(ctx, &oa.LandingPage{Scene: "SCENE_H5", CardList: []oa.LandingPageCard{{CardID: id}}})
	argErrA(t, srv, "POST /none", err, "banner")

	html, err := c.CardDistributing.MPNewsHTML(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(html, "<iframe") || !strings.Contains(html, "cardid="+id) {
		t.Errorf("html = %s", html)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/mpnews/gethtml")); got != `{"card_id":"`+id+`"}` {
		t.Errorf("gethtml body %s", got)
	}
	pending, err := c.Card.Create(ctx, cashCardD(1))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CardDistributing.MPNewsHTML(ctx, pending)
	apiCodeA(t, err, 40078)
	_, err = c.CardDistributing.MPNewsHTML(ctx, "")
	argErrA(t, srv, "POST /none", err, "card_id")
}

func TestCardDistributingCodes(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	card := cashCardD(10)
	card.Cash.BaseInfo.UseCustomCode = true
	card.Cash.BaseInfo.GetCustomCodeMode = "GET_CUSTOM_CODE_MODE_DEPOSIT"
	id := createdCardD(t, srv, c, card)

	res, err := c.CardDistributing.ImportCodes(ctx, id, []string{"A001", "A002", "A001", strings.Repeat("9", 21)})
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/code/deposit")); got != `{"card_id":"`+id+`","code":["A001","A002","A001","999999999999999999999"]}` {
		t.Errorf("deposit body %s", got)
	}
	if !slices.Equal(res.SuccCode, []string{"A001", "A002"}) || !slices.Equal(res.DuplicateCode, []string{"A001"}) || len(res.FailCode) != 1 {
		t.Errorf("imported = %+v", res)
	}
	n, err := c.CardDistributing.CodeCount(ctx, id)
	if err != nil || n != 2 {
		t.Errorf("CodeCount = %d, %v", n, err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/code/getdepositcount")); got != `{"card_id":"`+id+`"}` {
		t.Errorf("getdepositcount body %s", got)
	}
	chk, err := c.CardDistributing.CheckCodes(ctx, id, []string{"A002", "B001"})
	if err != nil || !slices.Equal(chk.ExistCode, []string{"A002"}) || !slices.Equal(chk.NotExistCode, []string{"B001"}) {
		t.Errorf("CheckCodes = %+v, %v", chk, err)
	}
	if b := bodyD(t, srv, "POST /card/code/checkcode"); jsonA(t, b["code"]) != `["A002","B001"]` {
		t.Errorf("checkcode body %v", b)
	}
	// A user receives an imported code.
	code, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oUser")
	if err != nil || code != "A001" {
		t.Fatalf("GiveCard = %q, %v", code, err)
	}
	if n, _ := c.CardDistributing.CodeCount(ctx, id); n != 1 {
		t.Errorf("CodeCount after a card was received = %d", n)
	}
	_, err = c.Card.ConsumeCode(ctx, "", code) // custom codes need the card_id
	apiCodeA(t, err, 41012)

	plain := createdCardD(t, srv, c, cashCardD(1))
	_, err = c.CardDistributing.ImportCodes(ctx, plain, []string{"X"})
	apiCodeA(t, err, 40078)
	_, err = c.CardDistributing.CodeCount(ctx, "pNope")
	apiCodeA(t, err, 40073)

	many := make([]string, 101)
	for i := range many {
		many[i] = fmt.Sprint(i)
	}
	_, err = c.CardDistributing.ImportCodes(ctx, id, many)
	argErrA(t, srv, "POST /none", err, "code")
	_, err = c.CardDistributing.CheckCodes(ctx, id, nil)
	argErrA(t, srv, "POST /none", err, "code")
	_, err = c.CardDistributing.CheckCodes(ctx, id, []string{""})
	argErrA(t, srv, "POST /none", err, "code")
	_, err = c.CardDistributing.ImportCodes(ctx, "", []string{"x"})
	argErrA(t, srv, "POST /none", err, "card_id")
	_, err = c.CardDistributing.CodeCount(ctx, "")
	argErrA(t, srv, "POST /none", err, "card_id")
}

func TestCardDistributingWhitelist(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	if err := c.CardDistributing.SetTestWhitelist(ctx, []string{"o1", "o2"}, []string{"tester"}); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/testwhitelist/set")); got != `{"openid":["o1","o2"],"username":["tester"]}` {
		t.Errorf("body %s", got)
	}
	if err := c.CardDistributing.SetTestWhitelist(ctx, nil, []string{"tester"}); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/testwhitelist/set")); got != `{"username":["tester"]}` {
		t.Errorf("body %s", got)
	}
	id, err := c.Card.Create(ctx, cashCardD(5))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, id, "o1"); err == nil {
		t.Error("o1 was removed from the whitelist but received a card under review")
	}
	argErrA(t, srv, "POST /card/none", c.CardDistributing.SetTestWhitelist(ctx, nil, nil), "openid")
	eleven := make([]string, 11)
	for i := range eleven {
		eleven[i] = fmt.Sprint("o", i)
	}
	argErrA(t, srv, "POST /card/none", c.CardDistributing.SetTestWhitelist(ctx, eleven, nil), "openid")
}
