package work

import (
	"context"
	"net/http"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	interceptAdd    = epPost("/cgi-bin/externalcontact/add_intercept_rule")
	interceptList   = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/externalcontact/get_intercept_rule_list"}
	interceptGet    = epPost("/cgi-bin/externalcontact/get_intercept_rule")
	interceptUpdate = epPost("/cgi-bin/externalcontact/update_intercept_rule")
	interceptDel    = epPost("/cgi-bin/externalcontact/del_intercept_rule")
)

// Limits of the sensitive-word rules.
const (
	MaxInterceptRuleName  = 20   // characters of a rule name
	MaxInterceptWords     = 300  // words of a rule
	MaxInterceptWordLen   = 32   // characters of a word
	MaxInterceptRangeNode = 1000 // members or departments per range list
	MaxInterceptRules     = 100  // rules of a corp
)

// Intercept types and extra semantics of a rule.
const (
	InterceptWarnAndBlock = 1 // warn and block the message
	InterceptWarnOnly     = 2 // only warn

	InterceptPhoneNumber = 1 // semantics: mobile numbers
	InterceptEmail       = 2 // semantics: email addresses
	InterceptRedPacket   = 3 // semantics: red packets
)

// InterceptRange is the members and departments a rule applies to.
type InterceptRange struct {
	UserList       []string `json:"user_list,omitempty"`
	DepartmentList []int64  `json:"department_list,omitempty"`
}

// InterceptExtraRule holds a rule's extra semantics (InterceptPhoneNumber...).
type InterceptExtraRule struct {
	SemanticsList []int `json:"semantics_list"`
}

// InterceptRule is a chat sensitive-word rule (敏感词规则). Add sends
// SemanticsList; Get answers the semantics in ExtraRule. RuleID is a
// number in Get's answer and a string elsewhere in the docs.
type InterceptRule struct {
	RuleID          wechat.FlexID       `json:"rule_id,omitempty"`
	RuleName        string              `json:"rule_name"`
	WordList        []string            `json:"word_list"`
	SemanticsList   []int               `json:"semantics_list,omitempty"`
	ExtraRule       *InterceptExtraRule `json:"extra_rule,omitempty"`
	InterceptType   int                 `json:"intercept_type"`
	ApplicableRange *InterceptRange     `json:"applicable_range,omitempty"`
	CreateTime      int64               `json:"create_time,omitempty"`
}

// InterceptRuleSummary is one rule of List.
type InterceptRuleSummary struct {
	RuleID     wechat.FlexID `json:"rule_id"`
	RuleName   string        `json:"rule_name"`
	CreateTime int64         `json:"create_time"`
}

// InterceptRuleUpdate changes a rule: the fields set, an ExtraRule with an
// empty SemanticsList clears the semantics, and the range changes.
type InterceptRuleUpdate struct {
	RuleID                string              `json:"rule_id"`
	RuleName              string              `json:"rule_name,omitempty"`
	WordList              []string            `json:"word_list,omitempty"`
	ExtraRule             *InterceptExtraRule `json:"extra_rule,omitempty"`
	InterceptType         int                 `json:"intercept_type,omitempty"`
	AddApplicableRange    *InterceptRange     `json:"add_applicable_range,omitempty"`
	RemoveApplicableRange *InterceptRange     `json:"remove_applicable_range,omitempty"`
}

type ruleIDBody struct {
	RuleID string `json:"rule_id"`
}

func checkInterceptName(name string) error {
	if n := utf8.RuneCountInString(name); n == 0 || n > MaxInterceptRuleName {
		return paramErr("rule_name", "1 to 20 characters")
	}
	return nil
}

func checkInterceptWords(words []string) error {
	if len(words) > MaxInterceptWords {
		return paramErr("word_list", "at most 300 words")
	}
	for _, w := range words {
		if n := utf8.RuneCountInString(w); n == 0 || n > MaxInterceptWordLen {
			return paramErr("word_list", "words of 1 to 32 characters")
		}
	}
	return nil
}

func checkInterceptRange(arg string, r *InterceptRange) error {
	if r != nil && (len(r.UserList) > MaxInterceptRangeNode || len(r.DepartmentList) > MaxInterceptRangeNode) {
		return paramErr(arg, "at most 1000 members and 1000 departments")
	}
	return nil
}

func checkInterceptType(t int, optional bool) error {
	if t != InterceptWarnAndBlock && t != InterceptWarnOnly && !(optional && t == 0) {
		return paramErr("intercept_type", "1 (warn and block) or 2 (warn only)")
	}
	return nil
}

// Add creates a rule and returns its id: a name, 1 to 300 words, the
// intercept type and a range with members or departments are required.
// https://developer.work.weixin.qq.com/document/path/95097
func (s *CustomerInterceptService) Add(ctx context.Context, r *InterceptRule) (string, error) {
	if r == nil {
		return "", paramErr("rule_name", "required")
	}
	if err := checkInterceptName(r.RuleName); err != nil {
		return "", err
	}
	if len(r.WordList) == 0 {
		return "", paramErr("word_list", "required")
	}
	if err := checkInterceptWords(r.WordList); err != nil {
		return "", err
	}
	if err := checkInterceptType(r.InterceptType, false); err != nil {
		return "", err
	}
	if r.ApplicableRange == nil || len(r.ApplicableRange.UserList) == 0 && len(r.ApplicableRange.DepartmentList) == 0 {
		return "", paramErr("applicable_range", "members or departments required")
	}
	if err := checkInterceptRange("applicable_range", r.ApplicableRange); err != nil {
		return "", err
	}
	body := *r
	body.RuleID, body.ExtraRule, body.CreateTime = "", nil, 0
	out, err := callB[struct {
		RuleID wechat.FlexID `json:"rule_id"`
	}](ctx, s.c, interceptAdd, nil, &body)
	if err != nil {
		return "", err
	}
	return out.RuleID.String(), nil
}

// List returns every rule of the corp.
// https://developer.work.weixin.qq.com/document/path/95097
func (s *CustomerInterceptService) List(ctx context.Context) ([]InterceptRuleSummary, error) {
	out, err := callB[struct {
		RuleList []InterceptRuleSummary `json:"rule_list"`
	}](ctx, s.c, interceptList, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.RuleList, nil
}

// Get returns a rule; its range lists only members and departments in the
// app's visible range.
// https://developer.work.weixin.qq.com/document/path/95097
func (s *CustomerInterceptService) Get(ctx context.Context, ruleID string) (*InterceptRule, error) {
	if err := needB("rule_id", ruleID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		Rule InterceptRule `json:"rule"`
	}](ctx, s.c, interceptGet, nil, ruleIDBody{ruleID})
	if err != nil {
		return nil, err
	}
	return &out.Rule, nil
}

// Update changes a rule the app created.
// https://developer.work.weixin.qq.com/document/path/95097
func (s *CustomerInterceptService) Update(ctx context.Context, u *InterceptRuleUpdate) error {
	if u == nil || u.RuleID == "" {
		return paramErr("rule_id", "required")
	}
	if u.RuleName != "" {
		if err := checkInterceptName(u.RuleName); err != nil {
			return err
		}
	}
	if err := checkInterceptWords(u.WordList); err != nil {
		return err
	}
	if err := checkInterceptType(u.InterceptType, true); err != nil {
		return err
	}
	if err := checkInterceptRange("add_applicable_range", u.AddApplicableRange); err != nil {
		return err
	}
	if err := checkInterceptRange("remove_applicable_range", u.RemoveApplicableRange); err != nil {
		return err
	}
	return s.c.Do(ctx, interceptUpdate, nil, u, nil)
}

// Delete deletes a rule the app created.
// https://developer.work.weixin.qq.com/document/path/95097
func (s *CustomerInterceptService) Delete(ctx context.Context, ruleID string) error {
	if err := needB("rule_id", ruleID); err != nil {
		return err
	}
	return s.c.Do(ctx, interceptDel, nil, ruleIDBody{ruleID}, nil)
}
