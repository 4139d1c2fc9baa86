package work

import (
	"context"
	"iter"

	wechat "github.com/weixin-go/wechat"
)

// strategyAPI is the shape shared by customer rule groups and moment rule
// groups: /list, /get, /get_range, /create, /edit, /del under prefix.
type strategyAPI struct {
	list, get, rng, create, edit, del wechat.Endpoint
}

func newStrategyAPI(prefix string) strategyAPI {
	return strategyAPI{epPost(prefix + "/list"), epPost(prefix + "/get"), epPost(prefix + "/get_range"),
		epPost(prefix + "/create"), epPost(prefix + "/edit"), epPost(prefix + "/del")}
}

var (
	customerStrategies = newStrategyAPI("/cgi-bin/externalcontact/customer_strategy")
	momentStrategies   = newStrategyAPI("/cgi-bin/externalcontact/moment_strategy")
)

// MaxStrategyPage is the largest page of rule groups and ranges.
const MaxStrategyPage = 1000

// StrategyPage is one page of rule group ids.
type StrategyPage struct {
	Strategies []struct {
		StrategyID int64 `json:"strategy_id"`
	} `json:"strategy"`
	NextCursor string `json:"next_cursor"`
}

// IDs returns the rule group ids of the page.
func (p *StrategyPage) IDs() []int64 {
	ids := make([]int64, len(p.Strategies))
	for i, s := range p.Strategies {
		ids[i] = s.StrategyID
	}
	return ids
}

// StrategyRange is a member (Type 1, UserID) or a department (Type 2,
// PartyID) a rule group applies to.
type StrategyRange struct {
	Type    int    `json:"type"`
	UserID  string `json:"userid,omitempty"`
	PartyID int64  `json:"partyid,omitempty"`
}

// StrategyRangePage is one page of a rule group's range.
type StrategyRangePage struct {
	Range      []StrategyRange `json:"range"`
	NextCursor string          `json:"next_cursor"`
}

// Strategy is a rule group (规则组) with its privileges P
// (CustomerPrivilege or MomentPrivilege).
type Strategy[P any] struct {
	StrategyID   int64    `json:"strategy_id,omitempty"`
	ParentID     int64    `json:"parent_id,omitempty"`
	StrategyName string   `json:"strategy_name"`
	CreateTime   int64    `json:"create_time,omitempty"`
	AdminList    []string `json:"admin_list"`
	Privilege    *P       `json:"privilege,omitempty"`
	// Range is the initial range (Create only).
	Range []StrategyRange `json:"range,omitempty"`
}

// StrategyEdit changes a rule group: the fields set and the range changes.
type StrategyEdit[P any] struct {
	StrategyID   int64           `json:"strategy_id"`
	StrategyName string          `json:"strategy_name,omitempty"`
	AdminList    []string        `json:"admin_list,omitempty"`
	Privilege    *P              `json:"privilege,omitempty"`
	RangeAdd     []StrategyRange `json:"range_add,omitempty"`
	RangeDel     []StrategyRange `json:"range_del,omitempty"`
}

// CustomerPrivilege is what the admins of a customer rule group may do.
type CustomerPrivilege struct {
	ViewCustomerList        bool `json:"view_customer_list"`
	ViewCustomerData        bool `json:"view_customer_data"`
	ViewRoomList            bool `json:"view_room_list"`
	ContactMe               bool `json:"contact_me"`
	JoinRoom                bool `json:"join_room"`
	ShareCustomer           bool `json:"share_customer"`
	OperResignCustomer      bool `json:"oper_resign_customer"`
	OperResignGroup         bool `json:"oper_resign_group"`
	SendCustomerMsg         bool `json:"send_customer_msg"`
	EditWelcomeMsg          bool `json:"edit_welcome_msg"`
	ViewBehaviorData        bool `json:"view_behavior_data"`
	ViewRoomData            bool `json:"view_room_data"`
	SendGroupMsg            bool `json:"send_group_msg"`
	RoomDeduplication       bool `json:"room_deduplication"`
	RapidReply              bool `json:"rapid_reply"`
	OnjobCustomerTransfer   bool `json:"onjob_customer_transfer"`
	EditAntiSpamRule        bool `json:"edit_anti_spam_rule"`
	ExportCustomerList      bool `json:"export_customer_list"`
	ExportCustomerData      bool `json:"export_customer_data"`
	ExportCustomerGroupList bool `json:"export_customer_group_list"`
	ManageCustomerTag       bool `json:"manage_customer_tag"`
}

// MomentPrivilege is what the admins of a moment rule group may do.
type MomentPrivilege struct {
	ViewMomentList           bool `json:"view_moment_list"`
	SendMoment               bool `json:"send_moment"`
	ManageMomentCoverAndSign bool `json:"manage_moment_cover_and_sign"`
}

type strategyIDBody struct {
	StrategyID int64 `json:"strategy_id"`
}

func strategyList(ctx context.Context, c *wechat.Client, api strategyAPI, cursor string, limit int) (*StrategyPage, error) {
	if limit < 0 || limit > MaxStrategyPage {
		return nil, paramErr("limit", "at most 1000")
	}
	body := struct {
		Cursor string `json:"cursor,omitempty"`
		Limit  int    `json:"limit,omitempty"`
	}{cursor, limit}
	return callB[StrategyPage](ctx, c, api.list, nil, body)
}

func strategyAll(ctx context.Context, c *wechat.Client, api strategyAPI, limit int) iter.Seq2[int64, error] {
	return cursorPagesB(ctx, "", func(ctx context.Context, cursor string) ([]int64, string, error) {
		p, err := strategyList(ctx, c, api, cursor, limit)
		if err != nil {
			return nil, "", err
		}
		return p.IDs(), p.NextCursor, nil
	})
}

func strategyGet[P any](ctx context.Context, c *wechat.Client, api strategyAPI, id int64) (*Strategy[P], error) {
	if id <= 0 {
		return nil, paramErr("strategy_id", "required")
	}
	out, err := callB[struct {
		Strategy Strategy[P] `json:"strategy"`
	}](ctx, c, api.get, nil, strategyIDBody{id})
	if err != nil {
		return nil, err
	}
	return &out.Strategy, nil
}

func strategyRange(ctx context.Context, c *wechat.Client, api strategyAPI, id int64, cursor string, limit int) (*StrategyRangePage, error) {
	if id <= 0 {
		return nil, paramErr("strategy_id", "required")
	}
	if limit < 0 || limit > MaxStrategyPage {
		return nil, paramErr("limit", "at most 1000")
	}
	body := struct {
		StrategyID int64  `json:"strategy_id"`
		Cursor     string `json:"cursor,omitempty"`
		Limit      int    `json:"limit,omitempty"`
	}{id, cursor, limit}
	return callB[StrategyRangePage](ctx, c, api.rng, nil, body)
}

func strategyCreate[P any](ctx context.Context, c *wechat.Client, api strategyAPI, s *Strategy[P]) (int64, error) {
	if s == nil || s.StrategyName == "" {
		return 0, paramErr("strategy_name", "required")
	}
	if len(s.AdminList) == 0 {
		return 0, paramErr("admin_list", "at least one admin")
	}
	body := *s
	body.StrategyID, body.CreateTime = 0, 0
	out, err := callB[strategyIDBody](ctx, c, api.create, nil, &body)
	if err != nil {
		return 0, err
	}
	return out.StrategyID, nil
}

func strategyEdit[P any](ctx context.Context, c *wechat.Client, api strategyAPI, e *StrategyEdit[P]) error {
	if e == nil || e.StrategyID <= 0 {
		return paramErr("strategy_id", "required")
	}
	return c.Do(ctx, api.edit, nil, e, nil)
}

func strategyDelete(ctx context.Context, c *wechat.Client, api strategyAPI, id int64) error {
	if id <= 0 {
		return paramErr("strategy_id", "required")
	}
	return c.Do(ctx, api.del, nil, strategyIDBody{id}, nil)
}

// List returns one page (limit up to 1000, 0 for the default) of customer
// rule group ids.
// https://developer.work.weixin.qq.com/document/path/94883
func (s *CustomerStrategyService) List(ctx context.Context, cursor string, limit int) (*StrategyPage, error) {
	return strategyList(ctx, s.c, customerStrategies, cursor, limit)
}

// All iterates over every customer rule group id.
func (s *CustomerStrategyService) All(ctx context.Context, limit int) iter.Seq2[int64, error] {
	return strategyAll(ctx, s.c, customerStrategies, limit)
}

// Get returns a customer rule group.
// https://developer.work.weixin.qq.com/document/path/94883
func (s *CustomerStrategyService) Get(ctx context.Context, strategyID int64) (*Strategy[CustomerPrivilege], error) {
	return strategyGet[CustomerPrivilege](ctx, s.c, customerStrategies, strategyID)
}

// Range returns one page of the members and departments of a rule group.
// https://developer.work.weixin.qq.com/document/path/94883
func (s *CustomerStrategyService) Range(ctx context.Context, strategyID int64, cursor string, limit int) (*StrategyRangePage, error) {
	return strategyRange(ctx, s.c, customerStrategies, strategyID, cursor, limit)
}

// Create creates a customer rule group and returns its id.
// https://developer.work.weixin.qq.com/document/path/94883
func (s *CustomerStrategyService) Create(ctx context.Context, st *Strategy[CustomerPrivilege]) (int64, error) {
	return strategyCreate(ctx, s.c, customerStrategies, st)
}

// Edit changes a customer rule group.
// https://developer.work.weixin.qq.com/document/path/94883
func (s *CustomerStrategyService) Edit(ctx context.Context, e *StrategyEdit[CustomerPrivilege]) error {
	return strategyEdit(ctx, s.c, customerStrategies, e)
}

// Delete deletes a customer rule group.
// https://developer.work.weixin.qq.com/document/path/94883
func (s *CustomerStrategyService) Delete(ctx context.Context, strategyID int64) error {
	return strategyDelete(ctx, s.c, customerStrategies, strategyID)
}
