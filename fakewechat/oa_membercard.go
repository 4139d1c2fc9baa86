package fakewechat

import (
	"encoding/base64"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

func init() { builtin = append(builtin, registerOAMemberCard) }

const oaRuleTypePayMemberCard = "RULE_TYPE_PAY_MEMBER_CARD"

type oaPayGiftRule struct {
	id       int64
	baseInfo struct {
		MchIDList []string `json:"mchid_list"`
		BeginTime int64    `json:"begin_time"`
		EndTime   int64    `json:"end_time"`
	}
	memberRule M
}

// memberCode returns a code of a member card. cs.mu must be held.
func (cs *oaCardStore) memberCode(cardID, code string) (*oaCardCode, *Error) {
	cc, err := cs.code(cardID, code)
	if err != nil {
		return nil, err
	}
	if cs.cards[cc.cardID].typ != "MEMBER_CARD" {
		return nil, ErrCode(CodeCardInvalidType)
	}
	return cc, nil
}

// liveMemberCard returns a live member card. cs.mu must be held.
func (cs *oaCardStore) liveMemberCard(cardID string) (*oaCard, *Error) {
	c, err := cs.liveCard(cardID)
	if err != nil {
		return nil, err
	}
	if c.typ != "MEMBER_CARD" {
		return nil, ErrCode(CodeCardInvalidType)
	}
	return c, nil
}

// SubmitActivateForm simulates a user filling in the one-click activation
// form of a member card (set with activateuserform/set) and returns the
// activate_ticket WeChat appends to the redirect. fields maps field ids
// (USER_FORM_INFO_FLAG_MOBILE...) or custom field names to values; every
// one must be on the form.
func (s *Server) SubmitActivateForm(appid, cardID string, fields map[string]string) (string, error) {
	cs := oaCards(s.State(appid))
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c, err := cs.card(cardID)
	if err != nil {
		return "", err
	}
	if c.form == nil {
		return "", errors.New("fakewechat: no activation form set for " + cardID)
	}
	var common, custom []M
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		f := M{"name": k, "value": fields[k]}
		switch {
		case formHas(c.form, "common_field_id_list", k):
			common = append(common, f)
		case formHas(c.form, "custom_field_list", k):
			custom = append(custom, f)
		default:
			return "", errors.New("fakewechat: field " + k + " is not on the form")
		}
	}
	ticket := cs.newID("at", 32)
	cs.tickets[ticket] = M{"common_field_list": nonNil(common), "custom_field_list": nonNil(custom)}
	return ticket, nil
}

// memberCustomFields lists the custom field values of a member under the
// names of the card's custom_fieldN (name_type, else name).
func memberCustomFields(c *oaCard, m *oaMember) []M {
	var l []M
	for i, v := range m.custom {
		if v == "" {
			continue
		}
		name := fmt.Sprintf("custom_field%d", i+1)
		if f, _ := c.obj["custom_field"+strconv.Itoa(i+1)].(M); f != nil {
			if n, _ := f["name_type"].(string); n != "" {
				name = n
			} else if n, _ := f["name"].(string); n != "" {
				name = n
			}
		}
		l = append(l, M{"name": name, "value": v})
	}
	return l
}

func nonNil(l []M) []M {
	if l == nil {
		return []M{}
	}
	return l
}

func formHas(form M, list, name string) bool {
	for _, part := range []string{"required_form", "optional_form"} {
		p, _ := form[part].(M)
		l, _ := p[list].([]any)
		if slices.Contains(l, any(name)) {
			return true
		}
	}
	return false
}

func (r *oaPayGiftRule) view(now int64) M {
	return M{"rule_id": r.id, "type": oaRuleTypePayMemberCard, "base_info": r.baseInfo, "member_rule": r.memberRule,
		"effective": r.baseInfo.BeginTime <= now && now < r.baseInfo.EndTime}
}

func registerOAMemberCard(s *Server) {
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Create_a_membership_card.html
	s.HandleJSON("POST /card/membercard/activate", func(r *Request) (any, error) {
		var in struct {
			MembershipNumber string `json:"membership_number"`
			Code             string `json:"code"`
			CardID           string `json:"card_id"`
			InitBonus        int    `json:"init_bonus"`
			InitBalance      int    `json:"init_balance"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.MembershipNumber == "" || in.Code == "" {
			return nil, ErrCode(CodeCardMissingField)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cc, err := cs.memberCode(in.CardID, in.Code)
		if err != nil {
			return nil, err
		}
		if cc.status != userCardNormal {
			return nil, ErrCode(CodeCardCodeDeleted)
		}
		if cc.member != nil && cc.member.active {
			return nil, ErrCode(CodeCardInvalidStatus)
		}
		if cc.member == nil {
			cc.member = &oaMember{}
		}
		cc.member.number, cc.member.bonus, cc.member.balance, cc.member.active = in.MembershipNumber, in.InitBonus, in.InitBalance, true
		day := cs.day(cc.cardID, r.Now())
		day.nActive++
		day.active[cc.openid] = true
		return nil, nil
	})
	s.HandleJSON("POST /card/membercard/activateuserform/set", func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		id, _ := in["card_id"].(string)
		for _, part := range []string{"required_form", "optional_form"} {
			p, _ := in[part].(M)
			l, _ := p["common_field_id_list"].([]any)
			for _, f := range l {
				if s, _ := f.(string); !strings.HasPrefix(s, "USER_FORM_INFO_FLAG_") {
					return nil, ErrCode(CodeInvalidArgs)
				}
			}
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		c, e := cs.liveMemberCard(id)
		if e != nil {
			return nil, e
		}
		c.form = in
		return nil, nil
	})
	s.HandleJSON("POST /card/membercard/activatetempinfo/get", func(r *Request) (any, error) {
		var in struct {
			ActivateTicket string `json:"activate_ticket"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		info := cs.tickets[in.ActivateTicket]
		if info == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid activate_ticket")
		}
		return OK(M{"info": info}), nil
	})
	s.HandleJSON("POST /card/membercard/userinfo/get", func(r *Request) (any, error) {
		var in struct {
			CardID string `json:"card_id"`
			Code   string `json:"code"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.CardID == "" {
			return nil, ErrCode(CodeCardMissingCardID)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cc, err := cs.memberCode(in.CardID, in.Code)
		if err != nil {
			return nil, err
		}
		ans := M{"openid": cc.openid, "nickname": "", "membership_number": "", "bonus": 0, "balance": 0, "sex": "",
			"user_info": M{"common_field_list": []M{}, "custom_field_list": []M{}}, "user_card_status": cc.status, "has_active": false}
		if m := cc.member; m != nil {
			ans["membership_number"], ans["bonus"], ans["balance"], ans["has_active"] = m.number, m.bonus, m.balance, m.active
			ans["user_info"] = M{"common_field_list": nonNil(m.fields), "custom_field_list": nonNil(memberCustomFields(cs.cards[cc.cardID], m))}
		}
		return OK(ans), nil
	})
	s.HandleJSON("POST /card/membercard/updateuser", func(r *Request) (any, error) {
		var in struct {
			Code          string `json:"code"`
			CardID        string `json:"card_id"`
			Bonus         *int   `json:"bonus"`
			AddBonus      int    `json:"add_bonus"`
			RecordBonus   string `json:"record_bonus"`
			Balance       *int   `json:"balance"`
			AddBalance    int    `json:"add_balance"`
			RecordBalance string `json:"record_balance"`
			Custom1       string `json:"custom_field_value1"`
			Custom2       string `json:"custom_field_value2"`
			Custom3       string `json:"custom_field_value3"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Code == "" {
			return nil, ErrCode(CodeCardMissingField)
		}
		if utf8.RuneCountInString(in.RecordBonus) > 14 || utf8.RuneCountInString(in.RecordBalance) > 14 {
			return nil, ErrCode(CodeCardFieldTooLong)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cc, err := cs.memberCode(in.CardID, in.Code)
		if err != nil {
			return nil, err
		}
		if cc.status != userCardNormal {
			return nil, ErrCode(CodeCardCodeDeleted)
		}
		m := cc.member
		if m == nil || !m.active {
			return nil, Errorf(CodeCardInvalidStatus, "member card not activated")
		}
		bonus, balance := m.bonus+in.AddBonus, m.balance+in.AddBalance
		if in.Bonus != nil {
			bonus = *in.Bonus
		}
		if in.Balance != nil {
			balance = *in.Balance
		}
		if bonus < 0 || balance < 0 {
			return nil, Errorf(CodeInvalidArgs, "bonus or balance below zero")
		}
		m.bonus, m.balance = bonus, balance
		for i, v := range [3]string{in.Custom1, in.Custom2, in.Custom3} {
			if v != "" {
				m.custom[i] = v
			}
		}
		return OK(M{"result_bonus": m.bonus, "result_balance": m.balance, "openid": cc.openid}), nil
	})
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
	s.HandleJSON("POST /datacube/getcardmembercardinfo", func(r *Request) (any, error) { return memberCardStats(r, false) })
	s.HandleJSON("POST /datacube/getcardmembercarddetail", func(r *Request) (any, error) { return memberCardStats(r, true) })
	s.HandleJSON("POST /card/membercard/activate/geturl", func(r *Request) (any, error) {
		var in struct {
			CardID   string `json:"card_id"`
			OuterStr string `json:"outer_str"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.CardID == "" {
			return nil, ErrCode(CodeCardMissingCardID)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		c, err := cs.liveMemberCard(in.CardID)
		if err != nil {
			return nil, err
		}
		if c.form == nil {
			return nil, Errorf(CodeCardInvalidStatus, "no activation form set")
		}
		q := url.Values{"encrypt_card_id": {base64.StdEncoding.EncodeToString([]byte(in.CardID))}, "outer_str": {in.OuterStr}, "biz": {base64.StdEncoding.EncodeToString([]byte(r.AppID))}}
		return OK(M{"url": "https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&" + q.Encode() + "#wechat_redirect"}), nil
	})

	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Manage_Member_Card.html
	s.HandleJSON("POST /card/paygiftcard/add", func(r *Request) (any, error) {
		var in struct {
			RuleInfo struct {
				Type     string `json:"type"`
				BaseInfo *struct {
					MchIDList []string `json:"mchid_list"`
					BeginTime int64    `json:"begin_time"`
					EndTime   int64    `json:"end_time"`
				} `json:"base_info"`
				MemberRule M `json:"member_rule"`
			} `json:"rule_info"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ri := in.RuleInfo
		if ri.Type != oaRuleTypePayMemberCard || ri.BaseInfo == nil || len(ri.BaseInfo.MchIDList) == 0 || ri.MemberRule == nil {
			return nil, ErrCode(CodeInvalidArgs)
		}
		if ri.BaseInfo.EndTime <= ri.BaseInfo.BeginTime {
			return nil, ErrCode(CodeCardInvalidPeriod)
		}
		least, _ := ri.MemberRule["least_cost"].(float64)
		most, _ := ri.MemberRule["max_cost"].(float64)
		if most > 0 && least > most {
			return nil, ErrCode(CodeInvalidArgs)
		}
		cardID, _ := ri.MemberRule["card_id"].(string)
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		if _, err := cs.liveMemberCard(cardID); err != nil {
			return nil, err
		}
		succ, fail := []string{}, []M{}
		for _, mch := range ri.BaseInfo.MchIDList {
			var occupied *oaPayGiftRule
			for _, id := range cs.ruleOrder {
				o := cs.rules[id]
				if slices.Contains(o.baseInfo.MchIDList, mch) && o.baseInfo.BeginTime < ri.BaseInfo.EndTime && ri.BaseInfo.BeginTime < o.baseInfo.EndTime {
					occupied = o
				}
			}
			if occupied != nil {
				fail = append(fail, M{"mchid": mch, "occupy_rule_id": occupied.id, "occupy_appid": r.AppID,
					"errcode": 40097, "errmsg": "mchid is occupied by another rule"})
				continue
			}
			succ = append(succ, mch)
		}
		ans := M{"succ_mchid_list": succ, "fail_mchid_list": fail}
		if len(succ) > 0 {
			cs.nextRule++
			rule := &oaPayGiftRule{id: cs.nextRule, memberRule: ri.MemberRule}
			rule.baseInfo = *ri.BaseInfo
			rule.baseInfo.MchIDList = succ
			cs.rules[rule.id] = rule
			cs.ruleOrder = append(cs.ruleOrder, rule.id)
			ans["rule_id"] = rule.id
		}
		return OK(ans), nil
	})
	ruleByID := func(r *Request, del bool) (any, error) {
		var in struct {
			RuleID int64 `json:"rule_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		rule := cs.rules[in.RuleID]
		if rule == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid rule_id")
		}
		if del {
			delete(cs.rules, rule.id)
			cs.ruleOrder = slices.DeleteFunc(cs.ruleOrder, func(id int64) bool { return id == rule.id })
			return nil, nil
		}
		return OK(M{"rule_info": rule.view(r.Now().Unix())}), nil
	}
	s.HandleJSON("POST /card/paygiftcard/delete", func(r *Request) (any, error) { return ruleByID(r, true) })
	s.HandleJSON("POST /card/paygiftcard/getbyid", func(r *Request) (any, error) { return ruleByID(r, false) })
	s.HandleJSON("POST /card/paygiftcard/batchget", func(r *Request) (any, error) {
		var in struct {
			Type      string `json:"type"`
			Effective bool   `json:"effective"`
			Offset    int    `json:"offset"`
			Count     int    `json:"count"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Type != oaRuleTypePayMemberCard || in.Offset < 0 || in.Count < 1 || in.Count > 50 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		now := r.Now().Unix()
		var all []M
		for _, id := range cs.ruleOrder {
			v := cs.rules[id].view(now)
			if !in.Effective || v["effective"].(bool) {
				all = append(all, v)
			}
		}
		page := []M{}
		if in.Offset < len(all) {
			page = all[in.Offset:min(len(all), in.Offset+in.Count)]
		}
		return OK(M{"rule_list": page, "total_count": len(all)}), nil
	})
}

// memberCardStats answers getcardmembercardinfo (every member card of the
// account, one row a day) and getcardmembercarddetail (one card, by
// card_id) from the view, receive, verify and activation counters of the
// member cards. Members are the users who activated a card by the day.
func memberCardStats(r *Request, detail bool) (any, error) {
	in, begin, end, err := decodeCardStats(r)
	if err != nil {
		return nil, err
	}
	cs := oaCards(r.State())
	cs.mu.Lock()
	defer cs.mu.Unlock()
	var ids []string
	if detail {
		if in.CardID == "" {
			return nil, ErrCode(CodeCardMissingCardID)
		}
		if _, err := cs.liveMemberCard(in.CardID); err != nil {
			return nil, err
		}
		ids = []string{in.CardID}
	} else {
		if in.CondSource == nil || *in.CondSource < 0 || *in.CondSource > 1 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		// Every card of the fake is created through the API (cond_source 1).
		for _, id := range cs.order {
			if cs.cards[id].typ == "MEMBER_CARD" && *in.CondSource == 1 {
				ids = append(ids, id)
			}
		}
	}
	list := []M{}
	for d := begin; !d.After(end); d = d.AddDate(0, 0, 1) {
		k := d.Format(time.DateOnly)
		var sum oaCardDay
		users := [4]map[string]bool{{}, {}, {}, {}} // view, receive, verify, active
		members, received := map[string]bool{}, map[string]bool{}
		for _, id := range ids {
			for dk, day := range cs.days[id] {
				if dk > k {
					continue
				}
				maps.Copy(members, day.active)
				maps.Copy(received, day.receive)
				if dk != k {
					continue
				}
				sum.nView += day.nView
				sum.nReceive += day.nReceive
				sum.nVerify += day.nVerify
				sum.nActive += day.nActive
				for i, m := range []map[string]bool{day.view, day.receive, day.verify, day.active} {
					maps.Copy(users[i], m)
				}
			}
		}
		row := M{"ref_date": k, "view_cnt": sum.nView, "view_user": len(users[0]), "receive_cnt": sum.nReceive,
			"receive_user": len(users[1]), "verify_cnt": sum.nVerify, "verify_user": len(users[2]),
			"active_user": len(users[3]), "total_user": len(members)}
		if detail {
			row["cardid"], row["merchanttype"], row["submerchantid"] = in.CardID, 0, 0
			row["active_cnt"], row["new_user"], row["payOriginalFee"], row["fee"] = sum.nActive, len(users[3]), 0, 0
		} else {
			row["total_receive_user"] = len(received)
		}
		list = append(list, row)
	}
	return OK(M{"list": list}), nil
}
