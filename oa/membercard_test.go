package oa_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func memberCardIDD(t testing.TB, srv *fakewechat.Server, c *oa.Client) string {
	t.Helper()
	id, err := c.MemberCard.Create(t.Context(), memberCardD())
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.ApproveCard(fakewechat.DefaultAppID, id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestMemberCardCreateUpdate(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := memberCardIDD(t, srv, c)
	body := bodyD(t, srv, "POST /card/create")["card"].(map[string]any)
	mc := body["member_card"].(map[string]any)
	if body["card_type"] != "MEMBER_CARD" || mc["prerogative"] != "九折" || mc["supply_bonus"] != true || mc["supply_balance"] != false ||
		jsonA(t, mc["custom_field1"]) != `{"name_type":"FIELD_NAME_TYPE_LEVEL","url":"http://example.com/level"}` ||
		jsonA(t, mc["bonus_rule"]) != `{"cost_money_unit":100,"increase_bonus":1}` {
		t.Errorf("member card body = %s", jsonA(t, body))
	}
	card, err := c.CardManaging.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if card.MemberCard == nil || card.MemberCard.Prerogative != "九折" || *card.MemberCard.SupplyBonus != true || card.MemberCard.BonusRule.CostMoneyUnit != 100 {
		t.Errorf("member card = %+v", card.MemberCard)
	}

	check, err := c.MemberCard.Update(ctx, id, &oa.MemberCard{Prerogative: "八折", BaseInfo: &oa.CardBaseInfo{Notice: "新须知"}})
	if err != nil || !check {
		t.Errorf("Update = %v, %v", check, err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/update")); got != `{"card_id":"`+id+`","member_card":{"base_info":{"notice":"新须知"},"prerogative":"八折"}}` {
		t.Errorf("update body %s", got)
	}
	card, _ = c.CardManaging.Get(ctx, id)
	if card.MemberCard.Prerogative != "八折" || card.MemberCard.BaseInfo.Notice != "新须知" || !*card.MemberCard.SupplyBonus {
		t.Errorf("updated = %+v", card.MemberCard)
	}
	cash := createdCardD(t, srv, c, cashCardD(1))
	_, err = c.MemberCard.Update(ctx, cash, &oa.MemberCard{Prerogative: "x"})
	apiCodeA(t, err, 40071)
	_, err = c.MemberCard.Create(ctx, &oa.MemberCard{})
	argErrA(t, srv, "POST /none", err, "card")
}

func TestMemberCardActivation(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := memberCardIDD(t, srv, c)
	form := &oa.ActivateForm{
		CardID:           id,
		ServiceStatement: &oa.ActivateFormLink{Name: "会员守则", URL: "https://example.com/rules"},
		RequiredForm: &oa.ActivateFormFields{CanModify: false, CommonFieldIDList: []string{"USER_FORM_INFO_FLAG_MOBILE"},
			RichFieldList: []oa.ActivateRichField{{Type: "FORM_FIELD_RADIO", Name: "兴趣", Values: []string{"钢琴", "舞蹈"}}}},
		OptionalForm: &oa.ActivateFormFields{CanModify: true, CustomFieldList: []string{"喜欢的食物"}},
	}
	if err := c.MemberCard.SetActivateUserForm(ctx, form); err != nil {
		t.Fatal(err)
	}
	want := `{"card_id":"` + id + `","optional_form":{"can_modify":true,"custom_field_list":["喜欢的食物"]},"required_form":{"can_modify":false,"common_field_id_list":["USER_FORM_INFO_FLAG_MOBILE"],"rich_field_list":[{"name":"兴趣","type":"FORM_FIELD_RADIO","values":["钢琴","舞蹈"]}]},"service_statement":{"name":"会员守则","url":"https://example.com/rules"}}`
	if got := jsonA(t, bodyD(t, srv, "POST /card/membercard/activateuserform/set")); got != want {
		t.Errorf("form body %s\nwant      %s", got, want)
	}
	bad := *form
	bad.RequiredForm = &oa.ActivateFormFields{CommonFieldIDList: []string{"MOBILE"}}
	apiCodeA(t, c.MemberCard.SetActivateUserForm(ctx, &bad), 40097)
	argErrA(t, srv, "POST /none", c.MemberCard.SetActivateUserForm(ctx, &oa.ActivateForm{}), "card_id")
	argErrA(t, srv, "POST /none", c.MemberCard.SetActivateUserForm(ctx, nil), "form")

	ticket, err := srv.SubmitActivateForm(fakewechat.DefaultAppID, id, map[string]string{"USER_FORM_INFO_FLAG_MOBILE": "13800000000", "喜欢的食物": "火锅"})
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.MemberCard.ActivateTempInfo(ctx, ticket)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/membercard/activatetempinfo/get")); got != `{"activate_ticket":"`+ticket+`"}` {
		t.Errorf("tempinfo body %s", got)
	}
	if jsonA(t, info) != `{"common_field_list":[{"name":"USER_FORM_INFO_FLAG_MOBILE","value":"13800000000"}],"custom_field_list":[{"name":"喜欢的食物","value":"火锅"}]}` {
		t.Errorf("info = %+v", info)
	}
	_, err = c.MemberCard.ActivateTempInfo(ctx, "nope")
	apiCodeA(t, err, 40097)
	_, err = c.MemberCard.ActivateTempInfo(ctx, "")
	argErrA(t, srv, "POST /none", err, "activate_ticket")

	code, err := srv.GiveCard(fakewechat.DefaultAppID, id, "oMember")
	if err != nil {
		t.Fatal(err)
	}
	m, err := c.MemberCard.UserInfo(ctx, id, code)
	if err != nil || m.HasActive || m.OpenID != "oMember" || m.UserCardStatus != "NORMAL" {
		t.Errorf("before activation = %+v, %v", m, err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/membercard/userinfo/get")); got != `{"card_id":"`+id+`","code":"`+code+`"}` {
		t.Errorf("userinfo body %s", got)
	}
	act := &oa.MemberActivation{MembershipNumber: "M0001", Code: code, CardID: id, InitBonus: 100, InitBalance: 5000, InitBonusRecord: "开卡赠送"}
	if err := c.MemberCard.Activate(ctx, act); err != nil {
		t.Fatal(err)
	}
	if got := jsonA(t, bodyD(t, srv, "POST /card/membercard/activate")); got != `{"card_id":"`+id+`","code":"`+code+`","init_balance":5000,"init_bonus":100,"init_bonus_record":"开卡赠送","membership_number":"M0001"}` {
		t.Errorf("activate body %s", got)
	}
	m, err = c.MemberCard.UserInfo(ctx, id, code)
	if err != nil || !m.HasActive || m.MembershipNumber != "M0001" || m.Bonus != 100 || m.Balance != 5000 {
		t.Errorf("member = %+v, %v", m, err)
	}
	apiCodeA(t, c.MemberCard.Activate(ctx, act), 40078)
	argErrA(t, srv, "POST /none", c.MemberCard.Activate(ctx, &oa.MemberActivation{Code: code}), "membership_number")
	argErrA(t, srv, "POST /none", c.MemberCard.Activate(ctx, &oa.MemberActivation{MembershipNumber: "x"}), "code")
	argErrA(t, srv, "POST /none", c.MemberCard.Activate(ctx, nil), "activation")

	cash := createdCardD(t, srv, c, cashCardD(1))
	cashCode, _ := srv.GiveCard(fakewechat.DefaultAppID, cash, "oMember")
	_, err = c.MemberCard.UserInfo(ctx, cash, cashCode)
	apiCodeA(t, err, 40071)
	_, err = c.MemberCard.UserInfo(ctx, id, "000")
	apiCodeA(t, err, 40056)
	_, err = c.MemberCard.UserInfo(ctx, "", code)
	argErrA(t, srv, "POST /none", err, "card_id")
	_, err = c.MemberCard.UserInfo(ctx, id, "")
	argErrA(t, srv, "POST /none", err, "code")
}

func TestMemberCardPayGiftRules(t *testing.T) {
	ctx := context.Background()
	srv, c := newDClient(t)
	id := memberCardIDD(t, srv, c)
	now := srv.Now().Unix()
	rule := func(mch string, begin, end int64) *oa.PayGiftRule {
		return &oa.PayGiftRule{Type: oa.RuleTypePayMemberCard,
			BaseInfo:   oa.PayGiftBaseInfo{MchIDList: []string{mch}, BeginTime: begin, EndTime: end},
			MemberRule: &oa.PayGiftMemberRule{CardID: id, LeastCost: 100, MaxCost: 10000, JumpURL: "https://example.com"}}
	}
	added, err := c.MemberCard.AddPayGiftRule(ctx, rule("1900000001", now-60, now+86400))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`{"rule_info":{"base_info":{"begin_time":%d,"end_time":%d,"mchid_list":["1900000001"]},"member_rule":{"card_id":"%s","jump_url":"https://example.com","least_cost":100,"max_cost":10000},"type":"RULE_TYPE_PAY_MEMBER_CARD"}}`, now-60, now+86400, id)
	if got := jsonA(t, bodyD(t, srv, "POST /card/paygiftcard/add")); got != want {
		t.Errorf("add body %s\nwant     %s", got, want)
	}
	if added.RuleID == 0 || !slices.Equal(added.SuccMchIDList, []string{"1900000001"}) || len(added.FailMchIDList) != 0 {
		t.Errorf("added = %+v", added)
	}
	// The merchant is taken for that period.
	again, err := c.MemberCard.AddPayGiftRule(ctx, rule("1900000001", now, now+3600))
	if err != nil {
		t.Fatal(err)
	}
	if again.RuleID != 0 || len(again.FailMchIDList) != 1 || again.FailMchIDList[0].OccupyRuleID != added.RuleID {
		t.Errorf("occupied = %+v", again)
	}
	var ids []int64
	for i := range 60 {
		a, err := c.MemberCard.AddPayGiftRule(ctx, rule(fmt.Sprint("19000001", i), now+int64(i%2)*7200, now+86400))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.RuleID)
	}

	got, err := c.MemberCard.PayGiftRule(ctx, added.RuleID)
	if err != nil {
		t.Fatal(err)
	}
	if got.RuleID != added.RuleID || !got.Effective || got.MemberRule.CardID != id || got.BaseInfo.EndTime != now+86400 {
		t.Errorf("rule = %+v", got)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /card/paygiftcard/getbyid")); b != fmt.Sprintf(`{"rule_id":%d}`, added.RuleID) {
		t.Errorf("getbyid body %s", b)
	}

	page, err := c.MemberCard.PayGiftRules(ctx, false, 10, 5)
	if err != nil || page.TotalCount != 61 || len(page.RuleList) != 5 || page.RuleList[0].RuleID != ids[9] {
		t.Errorf("page = %+v, %v", page, err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /card/paygiftcard/batchget")); b != `{"count":5,"effective":false,"offset":10,"type":"RULE_TYPE_PAY_MEMBER_CARD"}` {
		t.Errorf("batchget body %s", b)
	}
	before := srv.Count("POST /card/paygiftcard/batchget")
	n := 0
	for r, err := range c.MemberCard.AllPayGiftRules(ctx, true) {
		if err != nil {
			t.Fatal(err)
		}
		if !r.Effective {
			t.Errorf("rule %d not effective", r.RuleID)
		}
		n++
	}
	if n != 31 || srv.Count("POST /card/paygiftcard/batchget")-before != 1 {
		t.Errorf("effective rules = %d in %d requests", n, srv.Count("POST /card/paygiftcard/batchget")-before)
	}
	before = srv.Count("POST /card/paygiftcard/batchget")
	n = 0
	for _, err := range c.MemberCard.AllPayGiftRules(ctx, false) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 61 || srv.Count("POST /card/paygiftcard/batchget")-before != 2 {
		t.Errorf("all rules = %d", n)
	}

	if err := c.MemberCard.DeletePayGiftRule(ctx, added.RuleID); err != nil {
		t.Fatal(err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /card/paygiftcard/delete")); b != fmt.Sprintf(`{"rule_id":%d}`, added.RuleID) {
		t.Errorf("delete body %s", b)
	}
	_, err = c.MemberCard.PayGiftRule(ctx, added.RuleID)
	apiCodeA(t, err, 40097)
	apiCodeA(t, c.MemberCard.DeletePayGiftRule(ctx, added.RuleID), 40097)

	cash := createdCardD(t, srv, c, cashCardD(1))
	r := rule("1900009999", now, now+60)
	r.MemberRule.CardID = cash
	_, err = c.MemberCard.AddPayGiftRule(ctx, r)
	apiCodeA(t, err, 40071)
	_, err = c.MemberCard.AddPayGiftRule(ctx, rule("1", now+60, now))
	argErrA(t, srv, "POST /none", err, "rule_info.base_info.end_time")
	_, err = c.MemberCard.AddPayGiftRule(ctx, &oa.PayGiftRule{BaseInfo: oa.PayGiftBaseInfo{EndTime: 1}})
	argErrA(t, srv, "POST /none", err, "rule_info.base_info.mchid_list")
	_, err = c.MemberCard.PayGiftRules(ctx, false, 0, 51)
	argErrA(t, srv, "POST /none", err, "count")
}
