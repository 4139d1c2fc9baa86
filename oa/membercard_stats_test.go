package oa_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestMemberCardStats(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := memberCardIDD(t, srv, c)
	activeMemberX(t, srv, c, id, "oMember1")
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oMember2"); err != nil {
		t.Fatal(err)
	}
	cash := createdCardD(t, srv, c, cashCardD(5))
	if _, err := srv.GiveCard(fakewechat.DefaultAppID, cash, "oMember3"); err != nil {
		t.Fatal(err)
	}
	today := srv.Now()
	yesterday := today.AddDate(0, 0, -1)
	day, prev := today.Format("2006-01-02"), yesterday.Format("2006-01-02")

	stats, err := c.MemberCard.Stats(ctx, yesterday, today, oa.CardSourceAPI)
	if err != nil {
		t.Fatal(err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /datacube/getcardmembercardinfo")); b != `{"begin_date":"`+prev+`","cond_source":1,"end_date":"`+day+`"}` {
		t.Errorf("info body %s", b)
	}
	want := []oa.MemberCardStats{{RefDate: prev},
		{RefDate: day, ViewCount: 2, ViewUser: 2, ReceiveCount: 2, ReceiveUser: 2, ActiveUser: 1, TotalUser: 1, TotalReceiveUser: 2}}
	if jsonA(t, stats) != jsonA(t, want) {
		t.Errorf("stats = %s\nwant    %s", jsonA(t, stats), jsonA(t, want))
	}
	stats, err = c.MemberCard.Stats(ctx, today, today, oa.CardSourcePlatform)
	if err != nil || jsonA(t, stats) != jsonA(t, []oa.MemberCardStats{{RefDate: day}}) {
		t.Errorf("platform stats = %+v, %v", stats, err)
	}

	detail, err := c.MemberCard.CardStats(ctx, id, today, today)
	if err != nil {
		t.Fatal(err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /datacube/getcardmembercarddetail")); b != `{"begin_date":"`+day+`","card_id":"`+id+`","end_date":"`+day+`"}` {
		t.Errorf("detail body %s", b)
	}
	wantDetail := []oa.MemberCardDetailStats{{RefDate: day, CardID: id, SubMerchantID: "0", ViewCount: 2, ViewUser: 2,
		ReceiveCount: 2, ReceiveUser: 2, ActiveCount: 1, ActiveUser: 1, TotalUser: 1, NewUser: 1}}
	if jsonA(t, detail) != jsonA(t, wantDetail) {
		t.Errorf("detail = %s\nwant     %s", jsonA(t, detail), jsonA(t, wantDetail))
	}

	// WeChat errors: not a member card, an unknown card.
	_, err = c.MemberCard.CardStats(ctx, cash, today, today)
	apiCodeA(t, err, 40071)
	_, err = c.MemberCard.CardStats(ctx, "pNoSuchCard", today, today)
	apiCodeA(t, err, 40073)

	// Dates and sources are checked before sending.
	_, err = c.MemberCard.Stats(ctx, today, yesterday, oa.CardSourceAPI)
	argErrA(t, srv, "POST /none", err, "end_date")
	_, err = c.MemberCard.Stats(ctx, today.AddDate(0, 0, -62), today, oa.CardSourceAPI)
	argErrA(t, srv, "POST /none", err, "end_date")
	if _, err := c.MemberCard.Stats(ctx, today.AddDate(0, 0, -61), today, oa.CardSourceAPI); err != nil {
		t.Errorf("62 days: %v", err)
	}
	_, err = c.MemberCard.Stats(ctx, today, today, 2)
	argErrA(t, srv, "POST /none", err, "cond_source")
	_, err = c.MemberCard.CardStats(ctx, "", today, today)
	argErrA(t, srv, "POST /none", err, "card_id")
	_, err = c.MemberCard.CardStats(ctx, id, today.AddDate(0, 0, -62), today)
	argErrA(t, srv, "POST /none", err, "end_date")
	if n := srv.Count("POST /datacube/getcardmembercardinfo"); n != 3 {
		t.Errorf("%d info requests, want 3", n)
	}
}
