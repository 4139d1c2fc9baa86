package oa_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestCardManagingGetUpdateDelete(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id, err := c.Card.Create(ctx, cashCardD(100))
	if err != nil {
		t.Fatal(err)
	}
	card, err := c.CardManaging.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/get")); got != `{"card_id":"`+id+`"}` {
		t.Errorf("get body %s", got)
	}
	base, adv := card.Info()
	if card.CardType != oa.CardTypeCash || card.Cash.ReduceCost != 1000 || base.ID != id || base.Status != oa.CardStatusNotVerify ||
		base.Title != "10元代金券" || *base.SKU != (oa.CardSKU{Quantity: 100, TotalQuantity: 100}) || adv.UseCondition.LeastCost != 10000 {
		t.Errorf("card = %+v base %+v", card, base)
	}
	_, err = c.CardManaging.Get(ctx, "pNope")
	apiCodeA(t, err, 40073)

	// A description change is not reviewed again, a title change is.
	check, err := c.CardManaging.Update(ctx, id, &oa.Card{Cash: &oa.Cash{BaseInfo: &oa.CardBaseInfo{ServicePhone: "020-888888"}}})
	if err != nil || check {
		t.Errorf("Update service_phone = %v, %v", check, err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/update")); got != `{"card_id":"`+id+`","cash":{"base_info":{"service_phone":"020-888888"}}}` {
		t.Errorf("update body %s", got)
	}
	_ = srv.ApproveCard(fakewechat.DefaultAppID, id)
	check, err = c.CardManaging.Update(ctx, id, &oa.Card{Cash: &oa.Cash{BaseInfo: &oa.CardBaseInfo{Title: "20元代金券"}}})
	if err != nil || !check {
		t.Errorf("Update title = %v, %v", check, err)
	}
	card, _ = c.CardManaging.Get(ctx, id)
	if base, _ := card.Info(); base.Title != "20元代金券" || base.ServicePhone != "020-888888" || base.Status != oa.CardStatusNotVerify {
		t.Errorf("updated base = %+v", base)
	}
	_, err = c.CardManaging.Update(ctx, id, &oa.Card{Gift: &oa.Gift{Gift: "x"}})
	apiCodeA(t, err, 40071)
	_, err = c.CardManaging.Update(ctx, id, &oa.Card{})
	argErrA(t, srv, "POST /none", err, "card")
	_, err = c.CardManaging.Update(ctx, "", &oa.Card{})
	argErrA(t, srv, "POST /none", err, "card_id")
	_, err = c.CardManaging.Update(ctx, id, nil)
	argErrA(t, srv, "POST /none", err, "card")

	if err := c.CardManaging.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/delete")); got != `{"card_id":"`+id+`"}` {
		t.Errorf("delete body %s", got)
	}
	card, _ = c.CardManaging.Get(ctx, id)
	if base, _ := card.Info(); base.Status != oa.CardStatusDelete {
		t.Errorf("status after delete = %s", base.Status)
	}
	apiCodeA(t, c.CardManaging.Delete(ctx, id), 40078)
	argErrA(t, srv, "POST /none", c.CardManaging.Delete(ctx, ""), "card_id")
}

func TestCardManagingStock(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := createdCardD(t, srv, c, cashCardD(10))
	if err := c.CardManaging.ModifyStock(ctx, id, 5); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/modifystock")); got != `{"card_id":"`+id+`","increase_stock_value":5}` {
		t.Errorf("increase body %s", got)
	}
	if err := c.CardManaging.ModifyStock(ctx, id, -12); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/modifystock")); got != `{"card_id":"`+id+`","reduce_stock_value":12}` {
		t.Errorf("reduce body %s", got)
	}
	card, _ := c.CardManaging.Get(ctx, id)
	if base, _ := card.Info(); base.SKU.Quantity != 3 {
		t.Errorf("quantity = %d, want 3", base.SKU.Quantity)
	}
	apiCodeA(t, c.CardManaging.ModifyStock(ctx, id, -4), 40122)
	argErrA(t, srv, "POST /none", c.CardManaging.ModifyStock(ctx, id, 0), "delta")
	argErrA(t, srv, "POST /none", c.CardManaging.ModifyStock(ctx, "", 1), "card_id")
}

func TestCardManagingCodes(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	custom := cashCardD(10)
	custom.Cash.BaseInfo.UseCustomCode = true
	id := createdCardD(t, srv, c, custom)
	other := createdCardD(t, srv, c, cashCardD(10))
	code1, _ := srv.GiveCard(fakewechat.DefaultAppID, id, "oUser")
	code2, _ := srv.GiveCard(fakewechat.DefaultAppID, other, "oUser")
	code3, _ := srv.GiveCard(fakewechat.DefaultAppID, other, "oSomeoneElse")

	list, err := c.CardManaging.UserCards(ctx, "oUser", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []oa.UserCard{{CardID: id, Code: code1}, {CardID: other, Code: code2}}
	slices.SortFunc(want, func(a, b oa.UserCard) int { return strings.Compare(a.Code, b.Code) })
	if !slices.Equal(list, want) {
		t.Errorf("UserCards = %+v, want %+v", list, want)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/user/getcardlist")); got != `{"openid":"oUser"}` {
		t.Errorf("getcardlist body %s", got)
	}
	list, err = c.CardManaging.UserCards(ctx, "oUser", other)
	if err != nil || !slices.Equal(list, []oa.UserCard{{CardID: other, Code: code2}}) {
		t.Errorf("UserCards(card) = %+v, %v", list, err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/user/getcardlist")); got != `{"card_id":"`+other+`","openid":"oUser"}` {
		t.Errorf("getcardlist body %s", got)
	}
	_, err = c.CardManaging.UserCards(ctx, "", "")
	argErrA(t, srv, "POST /none", err, "openid")

	if err := c.CardManaging.UpdateCode(ctx, id, code1, "NEW-1"); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/code/update")); got != `{"card_id":"`+id+`","code":"`+code1+`","new_code":"NEW-1"}` {
		t.Errorf("code/update body %s", got)
	}
	if info, err := c.Card.Code(ctx, id, "NEW-1", false); err != nil || info.OpenID != "oUser" {
		t.Errorf("new code = %+v, %v", info, err)
	}
	apiCodeA(t, c.CardManaging.UpdateCode(ctx, id, code1, "NEW-2"), 40056)
	apiCodeA(t, c.CardManaging.UpdateCode(ctx, other, code2, "NEW-3"), 40078) // not a custom-code card
	argErrA(t, srv, "POST /none", c.CardManaging.UpdateCode(ctx, id, "NEW-1", ""), "new_code")
	argErrA(t, srv, "POST /none", c.CardManaging.UpdateCode(ctx, id, "", "x"), "code")
	argErrA(t, srv, "POST /none", c.CardManaging.UpdateCode(ctx, "", "a", "x"), "card_id")

	if err := c.CardManaging.MarkCodeUnavailable(ctx, "", code3, "refund"); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/code/unavailable")); got != `{"code":"`+code3+`","reason":"refund"}` {
		t.Errorf("unavailable body %s", got)
	}
	if info, _ := c.Card.Code(ctx, "", code3, false); info.UserCardStatus != "UNAVAILABLE" {
		t.Errorf("status = %s", info.UserCardStatus)
	}
	_, err = c.Card.ConsumeCode(ctx, "", code3)
	apiCodeA(t, err, 40127)
	apiCodeA(t, c.CardManaging.MarkCodeUnavailable(ctx, "", code3, ""), 40127)
	apiCodeA(t, c.CardManaging.MarkCodeUnavailable(ctx, "", "NEW-1", ""), 41012) // custom code without card_id
	if err := c.CardManaging.MarkCodeUnavailable(ctx, id, "NEW-1", ""); err != nil {
		t.Fatal(err)
	}
	if b := bodyD(t, srv, "POST /card/code/unavailable"); jsonA(t, b) != `{"card_id":"`+id+`","code":"NEW-1"}` {
		t.Errorf("unavailable body %v", b)
	}
	argErrA(t, srv, "POST /none", c.CardManaging.MarkCodeUnavailable(ctx, id, "", ""), "code")
	if list, _ := c.CardManaging.UserCards(ctx, "oUser", ""); len(list) != 1 {
		t.Errorf("UserCards after unavailable = %+v", list)
	}
}

func TestCardManagingList(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	var ids, approved []string
	for i := range 57 {
		id, err := c.Card.Create(ctx, cashCardD(1))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		if i%3 == 0 {
			_ = srv.ApproveCard(fakewechat.DefaultAppID, id)
			approved = append(approved, id)
		}
	}
	p, err := c.CardManaging.List(ctx, 5, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/batchget")); got != `{"count":10,"offset":5}` {
		t.Errorf("batchget body %s", got)
	}
	if p.TotalNum != 57 || !slices.Equal(p.CardIDList, ids[5:15]) {
		t.Errorf("page = %+v", p)
	}
	p, err = c.CardManaging.List(ctx, 0, 50, oa.CardStatusVerifyOK)
	if err != nil || p.TotalNum != 19 || !slices.Equal(p.CardIDList, approved) {
		t.Errorf("approved page = %+v, %v", p, err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/batchget")); got != `{"count":50,"offset":0,"status_list":["CARD_STATUS_VERIFY_OK"]}` {
		t.Errorf("batchget body %s", got)
	}

	before := srv.Count("POST /card/batchget")
	var all []string
	for id, err := range c.CardManaging.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, id)
	}
	if !slices.Equal(all, ids) {
		t.Errorf("All = %d ids", len(all))
	}
	if n := srv.Count("POST /card/batchget") - before; n != 2 {
		t.Errorf("All made %d requests, want 2", n)
	}
	before = srv.Count("POST /card/batchget")
	var first []string
	for id, err := range c.CardManaging.All(ctx, oa.CardStatusNotVerify) {
		if err != nil {
			t.Fatal(err)
		}
		first = append(first, id)
		if len(first) == 3 {
			break
		}
	}
	if n := srv.Count("POST /card/batchget") - before; n != 1 || !slices.Equal(first, []string{ids[1], ids[2], ids[4]}) {
		t.Errorf("early stop: %d requests, %v", n, first)
	}

	if err := srv.Inject(fakewechat.Fault{Path: "POST /card/batchget", Errcode: 45009, Times: 1}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, err := range c.CardManaging.All(ctx) {
		apiCodeA(t, err, 45009)
		n++
	}
	if n != 1 {
		t.Errorf("failing iteration yielded %d times, want 1 error", n)
	}

	_, err = c.CardManaging.List(ctx, 0, 51)
	argErrA(t, srv, "POST /none", err, "count")
	_, err = c.CardManaging.List(ctx, -1, 5)
	argErrA(t, srv, "POST /none", err, "offset")
}

func TestCardManagingStats(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id1 := createdCardD(t, srv, c, cashCardD(10))
	id2 := createdCardD(t, srv, c, cashCardD(10))
	for _, u := range []string{"oA", "oB"} {
		code, err := srv.GiveCard(fakewechat.DefaultAppID, id1, u)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Card.ConsumeCode(ctx, "", code); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, id1, "oA"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, id2, "oC"); err != nil {
		t.Fatal(err)
	}
	today := srv.Now()
	begin := today.Add(-2 * dayD)

	days, err := c.CardManaging.BizStats(ctx, begin, today, oa.CardSourceAPI)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`{"begin_date":"%s","cond_source":1,"end_date":"%s"}`, begin.Format(time.DateOnly), today.Format(time.DateOnly))
	if got := jsonA(t, bodyD(t, srv, "POST /datacube/getcardbizuininfo")); got != want {
		t.Errorf("body %s, want %s", got, want)
	}
	if len(days) != 3 || days[0].ReceiveCount != 0 || days[2].RefDate != today.Format(time.DateOnly) {
		t.Fatalf("days = %+v", days)
	}
	if d := days[2]; d.ReceiveCount != 4 || d.ReceiveUser != 3 || d.VerifyCount != 2 || d.VerifyUser != 2 || d.ViewUser != 3 {
		t.Errorf("today = %+v", d)
	}
	if days, _ := c.CardManaging.BizStats(ctx, begin, today, oa.CardSourcePlatform); days[2].ReceiveCount != 0 {
		t.Errorf("platform cards = %+v", days[2])
	}

	rows, err := c.CardManaging.CardStats(ctx, id1, today, today, oa.CardSourceAPI)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyD(t, srv, "POST /datacube/getcardcardinfo"); b["card_id"] != id1 {
		t.Errorf("body %v", b)
	}
	if len(rows) != 1 || rows[0].CardID != id1 || rows[0].CardType != 1 || rows[0].ReceiveCount != 3 || rows[0].ReceiveUser != 2 || rows[0].VerifyCount != 2 {
		t.Errorf("rows = %+v", rows)
	}
	rows, err = c.CardManaging.CardStats(ctx, "", today, today, oa.CardSourceAPI)
	if err != nil || len(rows) != 2 || rows[1].CardID != id2 {
		t.Errorf("all rows = %+v, %v", rows, err)
	}
	if b := bodyD(t, srv, "POST /datacube/getcardcardinfo"); b["card_id"] != nil {
		t.Errorf("body %v", b)
	}

	_, err = c.CardManaging.BizStats(ctx, today, begin, oa.CardSourceAPI)
	argErrA(t, srv, "POST /none", err, "end_date")
	_, err = c.CardManaging.BizStats(ctx, today.Add(-62*dayD), today, oa.CardSourceAPI)
	argErrA(t, srv, "POST /none", err, "end_date")
	_, err = c.CardManaging.CardStats(ctx, "", begin, today, 2)
	argErrA(t, srv, "POST /none", err, "cond_source")
	if _, err := c.CardManaging.BizStats(ctx, today.Add(-61*dayD), today, oa.CardSourceAPI); err != nil {
		t.Errorf("62 days: %v", err)
	}
}
