package oa_test

import (
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// activeMemberX gives a member card to openid and activates it with
// 100 bonus points and a 5000 fen balance.
func activeMemberX(t testing.TB, srv *fakewechat.Server, c *oa.Client, cardID, openid string) string {
	t.Helper()
	code, err := srv.GiveCard(fakewechat.DefaultAppID, cardID, openid)
	if err != nil {
		t.Fatal(err)
	}
	err = c.MemberCard.Activate(t.Context(), &oa.MemberActivation{CardID: cardID, Code: code, MembershipNumber: "M" + code, InitBonus: 100, InitBalance: 5000})
	if err != nil {
		t.Fatal(err)
	}
	return code
}

func TestMemberCardUpdateUser(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := memberCardIDD(t, srv, c)
	code := activeMemberX(t, srv, c, id, "oMember")

	got, err := c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{CardID: id, Code: code, AddBonus: 20, RecordBonus: "消费送积分",
		AddBalance: -1200, RecordBalance: "消费12元", CustomFieldValue1: "金卡",
		NotifyOptional: &oa.MemberNotify{IsNotifyBonus: true}})
	if err != nil {
		t.Fatal(err)
	}
	if *got != (oa.MemberUpdated{ResultBonus: 120, ResultBalance: 3800, OpenID: "oMember"}) {
		t.Errorf("updated = %+v", got)
	}
	want := `{"add_balance":-1200,"add_bonus":20,"card_id":"` + id + `","code":"` + code + `","custom_field_value1":"金卡","notify_optional":{"is_notify_balance":false,"is_notify_bonus":true},"record_balance":"消费12元","record_bonus":"消费送积分"}`
	if b := jsonA(t, bodyD(t, srv, "POST /card/membercard/updateuser")); b != want {
		t.Errorf("updateuser body %s\nwant           %s", b, want)
	}
	m, err := c.MemberCard.UserInfo(ctx, id, code)
	if err != nil {
		t.Fatal(err)
	}
	if m.Bonus != 120 || m.Balance != 3800 || jsonA(t, m.UserInfo.CustomFieldList) != `[{"name":"FIELD_NAME_TYPE_LEVEL","value":"金卡"}]` {
		t.Errorf("member after update = %+v", m)
	}

	// Totals set outright, zero included.
	zero, bonus := 0, 7
	got, err = c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{CardID: id, Code: code, Bonus: &bonus, Balance: &zero})
	if err != nil || got.ResultBonus != 7 || got.ResultBalance != 0 {
		t.Errorf("set totals = %+v, %v", got, err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /card/membercard/updateuser")); b != `{"balance":0,"bonus":7,"card_id":"`+id+`","code":"`+code+`"}` {
		t.Errorf("set totals body %s", b)
	}
	if m, _ := c.MemberCard.UserInfo(ctx, id, code); m.Bonus != 7 || m.Balance != 0 {
		t.Errorf("member after set = %+v", m)
	}

	// WeChat errors: deducting past zero, a code not activated, not a member card.
	_, err = c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{CardID: id, Code: code, AddBonus: -8})
	apiCodeA(t, err, 40097)
	fresh, _ := srv.GiveCard(fakewechat.DefaultAppID, id, "oOther")
	_, err = c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{CardID: id, Code: fresh, AddBonus: 1})
	apiCodeA(t, err, 40078)
	cash := createdCardD(t, srv, c, cashCardD(1))
	cashCode, _ := srv.GiveCard(fakewechat.DefaultAppID, cash, "oMember")
	_, err = c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{CardID: cash, Code: cashCode, AddBonus: 1})
	apiCodeA(t, err, 40071)
	_, err = c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{CardID: id, Code: "000", AddBonus: 1})
	apiCodeA(t, err, 40056)

	// Bad input never leaves the SDK.
	_, err = c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{CardID: id})
	argErrA(t, srv, "POST /none", err, "code")
	_, err = c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{Code: code, RecordBalance: strings.Repeat("元", 15)})
	argErrA(t, srv, "POST /none", err, "record_balance")
	_, err = c.MemberCard.UpdateUser(ctx, nil)
	argErrA(t, srv, "POST /none", err, "update")
	if n := srv.Count("POST /card/membercard/updateuser"); n != 6 {
		t.Errorf("%d updateuser requests, want 6", n)
	}
}

func TestMemberCardActivateURL(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := memberCardIDD(t, srv, c)

	// The activation form comes first.
	_, err := c.MemberCard.ActivateURL(ctx, id, "shop-1")
	apiCodeA(t, err, 40078)
	form := &oa.ActivateForm{CardID: id, RequiredForm: &oa.ActivateFormFields{CommonFieldIDList: []string{"USER_FORM_INFO_FLAG_MOBILE"}}}
	if err := c.MemberCard.SetActivateUserForm(ctx, form); err != nil {
		t.Fatal(err)
	}
	u, err := c.MemberCard.ActivateURL(ctx, id, "shop-1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(u, "https://mp.weixin.qq.com/bizmall/activatemembercard?") || !strings.Contains(u, "outer_str=shop-1") {
		t.Errorf("url = %q", u)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /card/membercard/activate/geturl")); b != `{"card_id":"`+id+`","outer_str":"shop-1"}` {
		t.Errorf("geturl body %s", b)
	}
	if _, err := c.MemberCard.ActivateURL(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /card/membercard/activate/geturl")); b != `{"card_id":"`+id+`"}` {
		t.Errorf("geturl body without outer_str %s", b)
	}

	cash := createdCardD(t, srv, c, cashCardD(1))
	_, err = c.MemberCard.ActivateURL(ctx, cash, "")
	apiCodeA(t, err, 40071)
	_, err = c.MemberCard.ActivateURL(ctx, "", "x")
	argErrA(t, srv, "POST /none", err, "card_id")
}
