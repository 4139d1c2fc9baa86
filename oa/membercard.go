package oa

import (
	"context"
	"iter"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	memberCardActivate         = wechat.Endpoint{Method: http.MethodPost, Path: "/card/membercard/activate"}
	memberCardActivateUserForm = wechat.Endpoint{Method: http.MethodPost, Path: "/card/membercard/activateuserform/set"}
	memberCardActivateTempInfo = wechat.Endpoint{Method: http.MethodPost, Path: "/card/membercard/activatetempinfo/get"}
	memberCardUserInfo         = wechat.Endpoint{Method: http.MethodPost, Path: "/card/membercard/userinfo/get"}
	memberCardUpdateUser       = wechat.Endpoint{Method: http.MethodPost, Path: "/card/membercard/updateuser"}
	memberCardActivateURL      = wechat.Endpoint{Method: http.MethodPost, Path: "/card/membercard/activate/geturl"}
	memberCardInfoStats        = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getcardmembercardinfo"}
	memberCardDetailStats      = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getcardmembercarddetail"}
	payGiftCardAdd             = wechat.Endpoint{Method: http.MethodPost, Path: "/card/paygiftcard/add"}
	payGiftCardDelete          = wechat.Endpoint{Method: http.MethodPost, Path: "/card/paygiftcard/delete"}
	payGiftCardGet             = wechat.Endpoint{Method: http.MethodPost, Path: "/card/paygiftcard/getbyid"}
	payGiftCardBatchGet        = wechat.Endpoint{Method: http.MethodPost, Path: "/card/paygiftcard/batchget"}
)

// MaxPayGiftRulesPage is the largest count of a pay-gift rule page.
const MaxPayGiftRulesPage = 50

// MemberCard is a membership card (会员卡), the member_card object of a Card.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Create_a_membership_card.html
type MemberCard struct {
	BaseInfo         *CardBaseInfo     `json:"base_info,omitempty"`
	AdvancedInfo     *CardAdvancedInfo `json:"advanced_info,omitempty"`
	BackgroundPicURL string            `json:"background_pic_url,omitempty"`
	Prerogative      string            `json:"prerogative,omitempty"`
	AutoActivate     bool              `json:"auto_activate,omitempty"`
	WxActivate       bool              `json:"wx_activate,omitempty"`
	// SupplyBonus and SupplyBalance say whether the card shows bonus points
	// and a balance; Create sends false when they are nil, Update leaves
	// them unchanged.
	SupplyBonus              *bool            `json:"supply_bonus,omitempty"`
	BonusURL                 string           `json:"bonus_url,omitempty"`
	SupplyBalance            *bool            `json:"supply_balance,omitempty"`
	BalanceURL               string           `json:"balance_url,omitempty"`
	CustomField1             *MemberCardField `json:"custom_field1,omitempty"`
	CustomField2             *MemberCardField `json:"custom_field2,omitempty"`
	CustomField3             *MemberCardField `json:"custom_field3,omitempty"`
	BonusCleared             string           `json:"bonus_cleared,omitempty"`
	BonusRules               string           `json:"bonus_rules,omitempty"`
	BalanceRules             string           `json:"balance_rules,omitempty"`
	ActivateURL              string           `json:"activate_url,omitempty"`
	ActivateAppBrandUserName string           `json:"activate_app_brand_user_name,omitempty"`
	ActivateAppBrandPass     string           `json:"activate_app_brand_pass,omitempty"`
	CustomCell1              *MemberCardCell  `json:"custom_cell1,omitempty"`
	BonusRule                *MemberBonusRule `json:"bonus_rule,omitempty"`
	Discount                 int              `json:"discount,omitempty"`
}

// MemberCardField is a custom_fieldN of a membership card, such as a level.
type MemberCardField struct {
	NameType string `json:"name_type,omitempty"` // FIELD_NAME_TYPE_LEVEL...
	Name     string `json:"name,omitempty"`
	URL      string `json:"url,omitempty"`
}

// MemberCardCell is a custom entry (custom_cell1) of a membership card.
type MemberCardCell struct {
	Name string `json:"name"`
	Tips string `json:"tips,omitempty"`
	URL  string `json:"url,omitempty"`
}

// MemberBonusRule is the bonus (积分) rule of a membership card; amounts in fen.
type MemberBonusRule struct {
	CostMoneyUnit        int `json:"cost_money_unit,omitempty"`
	IncreaseBonus        int `json:"increase_bonus,omitempty"`
	MaxIncreaseBonus     int `json:"max_increase_bonus,omitempty"`
	InitIncreaseBonus    int `json:"init_increase_bonus,omitempty"`
	CostBonusUnit        int `json:"cost_bonus_unit,omitempty"`
	ReduceMoney          int `json:"reduce_money,omitempty"`
	LeastMoneyToUseBonus int `json:"least_money_to_use_bonus,omitempty"`
	MaxReduceBonus       int `json:"max_reduce_bonus,omitempty"`
}

// Create creates a membership card and returns its card_id; it is
// Card.Create with card_type MEMBER_CARD.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Create_a_membership_card.html
func (s *MemberCardService) Create(ctx context.Context, card *MemberCard) (string, error) {
	return (*CardService)(s).Create(ctx, &Card{CardType: CardTypeMemberCard, MemberCard: card})
}

// Update changes a membership card; it is CardManaging.Update for a member
// card. SendCheck reports whether the change is reviewed again.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Manage_Member_Card.html
func (s *MemberCardService) Update(ctx context.Context, cardID string, card *MemberCard) (sendCheck bool, err error) {
	return (*CardManagingService)(s).Update(ctx, cardID, &Card{CardType: CardTypeMemberCard, MemberCard: card})
}

// MemberActivation activates a member's card (接口激活).
type MemberActivation struct {
	MembershipNumber      string `json:"membership_number"`
	Code                  string `json:"code"`
	CardID                string `json:"card_id,omitempty"`
	BackgroundPicURL      string `json:"background_pic_url,omitempty"`
	ActivateBeginTime     int64  `json:"activate_begin_time,omitempty"`
	ActivateEndTime       int64  `json:"activate_end_time,omitempty"`
	InitBonus             int    `json:"init_bonus,omitempty"`
	InitBonusRecord       string `json:"init_bonus_record,omitempty"`
	InitBalance           int    `json:"init_balance,omitempty"`
	InitCustomFieldValue1 string `json:"init_custom_field_value1,omitempty"`
	InitCustomFieldValue2 string `json:"init_custom_field_value2,omitempty"`
	InitCustomFieldValue3 string `json:"init_custom_field_value3,omitempty"`
}

// Activate activates a membership card received by a user.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Create_a_membership_card.html
func (s *MemberCardService) Activate(ctx context.Context, a *MemberActivation) error {
	if a == nil {
		return invalidArg("activation", "nil")
	}
	if err := requireCode(a.Code); err != nil {
		return err
	}
	if a.MembershipNumber == "" {
		return invalidArg("membership_number", "empty")
	}
	return s.c.Do(ctx, memberCardActivate, nil, a, nil)
}

// ActivateForm is the form of one-click activation (一键激活).
type ActivateForm struct {
	CardID           string              `json:"card_id"`
	ServiceStatement *ActivateFormLink   `json:"service_statement,omitempty"`
	BindOldCard      *ActivateFormLink   `json:"bind_old_card,omitempty"`
	RequiredForm     *ActivateFormFields `json:"required_form,omitempty"`
	OptionalForm     *ActivateFormFields `json:"optional_form,omitempty"`
}

// ActivateFormLink is a link shown on the activation form.
type ActivateFormLink struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// ActivateFormFields are the fields of a part of the activation form.
type ActivateFormFields struct {
	CanModify bool `json:"can_modify"`
	// CommonFieldIDList holds USER_FORM_INFO_FLAG_MOBILE, USER_FORM_INFO_FLAG_NAME...
	CommonFieldIDList []string            `json:"common_field_id_list,omitempty"`
	CustomFieldList   []string            `json:"custom_field_list,omitempty"`
	RichFieldList     []ActivateRichField `json:"rich_field_list,omitempty"`
}

// ActivateRichField is a choice field of the activation form.
type ActivateRichField struct {
	Type   string   `json:"type"` // FORM_FIELD_RADIO, FORM_FIELD_SELECT, FORM_FIELD_CHECK_BOX
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

// SetActivateUserForm sets the fields of the one-click activation form.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Create_a_membership_card.html
func (s *MemberCardService) SetActivateUserForm(ctx context.Context, form *ActivateForm) error {
	if form == nil {
		return invalidArg("form", "nil")
	}
	if err := requireCardID(form.CardID); err != nil {
		return err
	}
	return s.c.Do(ctx, memberCardActivateUserForm, nil, form, nil)
}

// MemberFieldValue is one filled field of a member's form.
type MemberFieldValue struct {
	Name      string   `json:"name"`
	Value     string   `json:"value,omitempty"`
	ValueList []string `json:"value_list,omitempty"`
}

// MemberUserInfo is the information a member filled in.
type MemberUserInfo struct {
	CommonFieldList []MemberFieldValue `json:"common_field_list"`
	CustomFieldList []MemberFieldValue `json:"custom_field_list"`
}

// ActivateTempInfo returns what a user typed in the one-click activation
// form, from the activate_ticket of the redirect.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Create_a_membership_card.html
func (s *MemberCardService) ActivateTempInfo(ctx context.Context, activateTicket string) (*MemberUserInfo, error) {
	if activateTicket == "" {
		return nil, invalidArg("activate_ticket", "empty")
	}
	out, err := call[struct {
		Info MemberUserInfo `json:"info"`
	}](ctx, s.c, memberCardActivateTempInfo, nil, map[string]string{"activate_ticket": activateTicket})
	if err != nil {
		return nil, err
	}
	return &out.Info, nil
}

// Member is a member's information (card/membercard/userinfo/get).
type Member struct {
	OpenID           string         `json:"openid"`
	Nickname         string         `json:"nickname"`
	MembershipNumber string         `json:"membership_number"`
	Bonus            int            `json:"bonus"`
	Balance          int            `json:"balance"`
	Sex              string         `json:"sex"`
	UserInfo         MemberUserInfo `json:"user_info"`
	UserCardStatus   string         `json:"user_card_status"`
	HasActive        bool           `json:"has_active"`
}

// UserInfo returns the member holding code of a membership card.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Manage_Member_Card.html
func (s *MemberCardService) UserInfo(ctx context.Context, cardID, code string) (*Member, error) {
	if err := requireCardID(cardID); err != nil {
		return nil, err
	}
	if err := requireCode(code); err != nil {
		return nil, err
	}
	return call[Member](ctx, s.c, memberCardUserInfo, nil, cardCodeBody{CardID: cardID, Code: code})
}

// MaxMemberRecord is the longest record_bonus or record_balance, in characters.
const MaxMemberRecord = 14

// MemberUpdate changes a member's bonus points, balance (fen) and custom
// field values after a purchase (更新会员信息). Bonus and Balance set the
// totals; AddBonus and AddBalance change them (negative to deduct).
type MemberUpdate struct {
	Code             string `json:"code"`
	CardID           string `json:"card_id,omitempty"`
	BackgroundPicURL string `json:"background_pic_url,omitempty"`
	Bonus            *int   `json:"bonus,omitempty"`
	AddBonus         int    `json:"add_bonus,omitempty"`
	RecordBonus      string `json:"record_bonus,omitempty"` // shown to the user, at most 14 characters
	Balance          *int   `json:"balance,omitempty"`
	AddBalance       int    `json:"add_balance,omitempty"`
	RecordBalance    string `json:"record_balance,omitempty"` // at most 14 characters
	// CustomFieldValueN are the values of the card's custom_fieldN (a level...).
	CustomFieldValue1 string        `json:"custom_field_value1,omitempty"`
	CustomFieldValue2 string        `json:"custom_field_value2,omitempty"`
	CustomFieldValue3 string        `json:"custom_field_value3,omitempty"`
	NotifyOptional    *MemberNotify `json:"notify_optional,omitempty"`
}

// MemberNotify says whether WeChat tells the member of the change.
type MemberNotify struct {
	IsNotifyBonus   bool `json:"is_notify_bonus"`
	IsNotifyBalance bool `json:"is_notify_balance"`
}

// MemberUpdated is the answer of UpdateUser: the member's totals after it.
type MemberUpdated struct {
	ResultBonus   int    `json:"result_bonus"`
	ResultBalance int    `json:"result_balance"`
	OpenID        string `json:"openid"`
}

// UpdateUser changes a member's bonus points, balance and custom field
// values, and returns the new totals.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Create_a_membership_card.html
func (s *MemberCardService) UpdateUser(ctx context.Context, u *MemberUpdate) (*MemberUpdated, error) {
	if u == nil {
		return nil, invalidArg("update", "nil")
	}
	if err := requireCode(u.Code); err != nil {
		return nil, err
	}
	for _, r := range [...]struct{ arg, s string }{{"record_bonus", u.RecordBonus}, {"record_balance", u.RecordBalance}} {
		if n := utf8.RuneCountInString(r.s); n > MaxMemberRecord {
			return nil, invalidArg(r.arg, strconv.Itoa(n)+" characters, at most "+strconv.Itoa(MaxMemberRecord))
		}
	}
	return call[MemberUpdated](ctx, s.c, memberCardUpdateUser, nil, u)
}

// ActivateURL returns the URL of the activation form (开卡组件) of a
// membership card; outerStr, echoed in the activation event, tells the
// channel apart and may be empty.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons-Mini_Program_Start_Up.html
func (s *MemberCardService) ActivateURL(ctx context.Context, cardID, outerStr string) (string, error) {
	if err := requireCardID(cardID); err != nil {
		return "", err
	}
	out, err := call[struct {
		URL string `json:"url"`
	}](ctx, s.c, memberCardActivateURL, nil, struct {
		CardID   string `json:"card_id"`
		OuterStr string `json:"outer_str,omitempty"`
	}{cardID, outerStr})
	if err != nil {
		return "", err
	}
	return out.URL, nil
}

type cardCodeBody struct {
	CardID string `json:"card_id,omitempty"`
	Code   string `json:"code"`
}

// PayGiftRule is a rule giving a membership card after a WeChat Pay payment
// (支付后投放卡券, 支付即会员).
type PayGiftRule struct {
	Type       string             `json:"type"` // RULE_TYPE_PAY_MEMBER_CARD
	BaseInfo   PayGiftBaseInfo    `json:"base_info,omitempty"`
	MemberRule *PayGiftMemberRule `json:"member_rule,omitempty"`
	// RuleID and Effective are answered by GetPayGiftRule / PayGiftRules.
	RuleID    int64 `json:"rule_id,omitempty"`
	Effective bool  `json:"effective,omitempty"`
}

// RuleTypePayMemberCard is the only type of pay-gift rule.
const RuleTypePayMemberCard = "RULE_TYPE_PAY_MEMBER_CARD"

// PayGiftBaseInfo says which merchants and when a pay-gift rule applies.
type PayGiftBaseInfo struct {
	MchIDList []string `json:"mchid_list"`
	BeginTime int64    `json:"begin_time"`
	EndTime   int64    `json:"end_time"`
}

// PayGiftMemberRule is the card given and the amounts (fen) paid.
type PayGiftMemberRule struct {
	CardID       string `json:"card_id"`
	LeastCost    int    `json:"least_cost,omitempty"`
	MaxCost      int    `json:"max_cost,omitempty"`
	JumpURL      string `json:"jump_url,omitempty"`
	AppBrandID   string `json:"app_brand_id,omitempty"`
	AppBrandPass string `json:"app_brand_pass,omitempty"`
}

// PayGiftAdded is the answer of AddPayGiftRule.
type PayGiftAdded struct {
	RuleID        int64    `json:"rule_id"`
	SuccMchIDList []string `json:"succ_mchid_list"`
	FailMchIDList []struct {
		MchID        string `json:"mchid"`
		OccupyRuleID int64  `json:"occupy_rule_id"`
		OccupyAppID  string `json:"occupy_appid"`
		ErrCode      int    `json:"errcode"`
		ErrMsg       string `json:"errmsg"`
	} `json:"fail_mchid_list"`
}

// AddPayGiftRule sets a pay-gift rule.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Manage_Member_Card.html
func (s *MemberCardService) AddPayGiftRule(ctx context.Context, rule *PayGiftRule) (*PayGiftAdded, error) {
	if rule == nil {
		return nil, invalidArg("rule_info", "nil")
	}
	if len(rule.BaseInfo.MchIDList) == 0 {
		return nil, invalidArg("rule_info.base_info.mchid_list", "empty")
	}
	if rule.BaseInfo.EndTime <= rule.BaseInfo.BeginTime {
		return nil, invalidArg("rule_info.base_info.end_time", "not after begin_time")
	}
	return call[PayGiftAdded](ctx, s.c, payGiftCardAdd, nil, struct {
		RuleInfo *PayGiftRule `json:"rule_info"`
	}{rule})
}

// DeletePayGiftRule deletes a pay-gift rule.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Manage_Member_Card.html
func (s *MemberCardService) DeletePayGiftRule(ctx context.Context, ruleID int64) error {
	return s.c.Do(ctx, payGiftCardDelete, nil, map[string]int64{"rule_id": ruleID}, nil)
}

// PayGiftRule returns a pay-gift rule.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Manage_Member_Card.html
func (s *MemberCardService) PayGiftRule(ctx context.Context, ruleID int64) (*PayGiftRule, error) {
	out, err := call[struct {
		RuleInfo PayGiftRule `json:"rule_info"`
	}](ctx, s.c, payGiftCardGet, nil, map[string]int64{"rule_id": ruleID})
	if err != nil {
		return nil, err
	}
	return &out.RuleInfo, nil
}

// PayGiftRulePage is one page of pay-gift rules.
type PayGiftRulePage struct {
	RuleList   []PayGiftRule `json:"rule_list"`
	TotalCount int           `json:"total_count"`
}

// PayGiftRules returns count (at most 50) rules from offset; effectiveOnly
// keeps the rules in force.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Manage_Member_Card.html
func (s *MemberCardService) PayGiftRules(ctx context.Context, effectiveOnly bool, offset, count int) (*PayGiftRulePage, error) {
	if err := checkPage(offset, count, MaxPayGiftRulesPage); err != nil {
		return nil, err
	}
	return call[PayGiftRulePage](ctx, s.c, payGiftCardBatchGet, nil, struct {
		Type      string `json:"type"`
		Effective bool   `json:"effective"`
		Offset    int    `json:"offset"`
		Count     int    `json:"count"`
	}{RuleTypePayMemberCard, effectiveOnly, offset, count})
}

// AllPayGiftRules iterates over every pay-gift rule, 50 per request.
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Membership_Cards/Manage_Member_Card.html
func (s *MemberCardService) AllPayGiftRules(ctx context.Context, effectiveOnly bool) iter.Seq2[PayGiftRule, error] {
	return wechat.OffsetPages(ctx, MaxPayGiftRulesPage, func(ctx context.Context, offset, count int) ([]PayGiftRule, int, error) {
		p, err := s.PayGiftRules(ctx, effectiveOnly, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.RuleList, p.TotalCount, nil
	})
}

// MemberCardStats are the daily figures of the membership cards of the
// account (getcardmembercardinfo).
type MemberCardStats struct {
	RefDate      string `json:"ref_date"`
	ViewCount    int    `json:"view_cnt"`
	ViewUser     int    `json:"view_user"`
	ReceiveCount int    `json:"receive_cnt"`
	ReceiveUser  int    `json:"receive_user"`
	ActiveUser   int    `json:"active_user"`
	VerifyCount  int    `json:"verify_cnt"`
	VerifyUser   int    `json:"verify_user"`
	// TotalUser is the number of members; TotalReceiveUser the number of
	// users who ever received a card.
	TotalUser        int `json:"total_user"`
	TotalReceiveUser int `json:"total_receive_user"`
}

// MemberCardDetailStats are the daily figures of one membership card
// (getcardmembercarddetail).
type MemberCardDetailStats struct {
	RefDate       string        `json:"ref_date"`
	MerchantType  int           `json:"merchanttype"`
	CardID        string        `json:"cardid"`
	SubMerchantID wechat.FlexID `json:"submerchantid"`
	ViewCount     int           `json:"view_cnt"`
	ViewUser      int           `json:"view_user"`
	ReceiveCount  int           `json:"receive_cnt"`
	ReceiveUser   int           `json:"receive_user"`
	VerifyCount   int           `json:"verify_cnt"`
	VerifyUser    int           `json:"verify_user"`
	ActiveCount   int           `json:"active_cnt"`
	ActiveUser    int           `json:"active_user"`
	TotalUser     int           `json:"total_user"`
	NewUser       int           `json:"new_user"`
	// PayOriginalFee and Fee (fen) are the amounts due and paid through
	// the card's quick payment (快速买单).
	PayOriginalFee int `json:"payOriginalFee"`
	Fee            int `json:"fee"`
}

// Stats returns the daily figures of the account's membership cards from
// begin to end (dates, 62 days at most), for the cards of source
// (CardSourceAPI...).
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *MemberCardService) Stats(ctx context.Context, begin, end time.Time, source int) ([]MemberCardStats, error) {
	body, err := newCardStatsBody(begin, end, source, "")
	if err != nil {
		return nil, err
	}
	return statsList[MemberCardStats](ctx, s.c, memberCardInfoStats, body)
}

// CardStats returns the daily figures of the membership card cardID from
// begin to end (dates, 62 days at most).
// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
func (s *MemberCardService) CardStats(ctx context.Context, cardID string, begin, end time.Time) ([]MemberCardDetailStats, error) {
	if err := requireCardID(cardID); err != nil {
		return nil, err
	}
	b, e, err := cardStatsDates(begin, end)
	if err != nil {
		return nil, err
	}
	return statsList[MemberCardDetailStats](ctx, s.c, memberCardDetailStats, struct {
		BeginDate string `json:"begin_date"`
		EndDate   string `json:"end_date"`
		CardID    string `json:"card_id"`
	}{b, e, cardID})
}
