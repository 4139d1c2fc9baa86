package work

import (
	"context"
	"iter"
	"net/http"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

const acqPath = "/cgi-bin/externalcontact/customer_acquisition"

var (
	acqListLink  = epPost(acqPath + "/list_link")
	acqGetLink   = epPost(acqPath + "/get")
	acqCreate    = epPost(acqPath + "/create_link")
	acqUpdate    = epPost(acqPath + "/update_link")
	acqDelete    = epPost(acqPath + "/delete_link")
	acqCustomers = epPost(acqPath + "/customer")
	acqStatistic = epPost(acqPath + "/statistic")
	acqQuota     = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/externalcontact/customer_acquisition_quota"}
)

// Limits of the customer-acquisition APIs.
const (
	MaxAcquisitionLinkPage     = 100  // link ids per ListLinks page
	MaxAcquisitionCustomerPage = 1000 // customers per Customers page
	MaxAcquisitionLinkName     = 30   // characters of a link name
	MaxAcquisitionLinkUsers    = 500  // members a link's range may name
	MaxAcquisitionPriority     = 1000 // members of priority_userid_list
)

// AcquisitionRange is the members and departments whose customers a link
// brings; at least one list is set.
type AcquisitionRange struct {
	UserList       []string `json:"user_list,omitempty"`
	DepartmentList []int64  `json:"department_list,omitempty"`
}

// AcquisitionPriority assigns a customer first to a member who is already
// their friend: PriorityType 1 anywhere in the corp, 2 among
// PriorityUserIDList (at most 1000 members). Not open to every corp.
type AcquisitionPriority struct {
	PriorityType       int      `json:"priority_type"`
	PriorityUserIDList []string `json:"priority_userid_list,omitempty"`
}

// AcquisitionLink is a customer-acquisition link (获客链接): URL is the link
// customers open.
type AcquisitionLink struct {
	LinkID     string `json:"link_id,omitempty"`
	LinkName   string `json:"link_name"`
	URL        string `json:"url"`
	CreateTime int64  `json:"create_time"`
	SkipVerify bool   `json:"skip_verify"`
	MarkSource bool   `json:"mark_source,omitempty"`
}

// AcquisitionLinkDetail is the answer of GetLink.
type AcquisitionLinkDetail struct {
	Link           AcquisitionLink      `json:"link"`
	Range          AcquisitionRange     `json:"range"`
	PriorityOption *AcquisitionPriority `json:"priority_option,omitempty"`
}

// AcquisitionLinkConfig is what CreateLink sends (LinkName and Range
// required) and what UpdateLink changes (LinkID required, the fields set).
// SkipVerify defaults to true on WeCom's side; MarkSource marks the
// customers' source as this app.
type AcquisitionLinkConfig struct {
	LinkID         string               `json:"link_id,omitempty"`
	LinkName       string               `json:"link_name,omitempty"`
	Range          *AcquisitionRange    `json:"range,omitempty"`
	SkipVerify     *bool                `json:"skip_verify,omitempty"`
	PriorityOption *AcquisitionPriority `json:"priority_option,omitempty"`
	MarkSource     *bool                `json:"mark_source,omitempty"`
}

func (c *AcquisitionLinkConfig) check(create bool) error {
	if c == nil {
		return paramErr("link_name", "required")
	}
	if !create && c.LinkID == "" {
		return paramErr("link_id", "required")
	}
	if create && c.LinkName == "" {
		return paramErr("link_name", "required")
	}
	if utf8.RuneCountInString(c.LinkName) > MaxAcquisitionLinkName {
		return paramErr("link_name", "at most 30 characters")
	}
	if create && (c.Range == nil || len(c.Range.UserList) == 0 && len(c.Range.DepartmentList) == 0) {
		return paramErr("range", "members or departments required")
	}
	if c.Range != nil && len(c.Range.UserList) > MaxAcquisitionLinkUsers {
		return paramErr("range", "at most 500 members")
	}
	if p := c.PriorityOption; p != nil && (p.PriorityType != 1 && p.PriorityType != 2 || len(p.PriorityUserIDList) > MaxAcquisitionPriority) {
		return paramErr("priority_option", "priority_type 1 or 2, at most 1000 members")
	}
	return nil
}

// AcquisitionLinkPage is one page of ListLinks.
type AcquisitionLinkPage struct {
	LinkIDs    []string `json:"link_id_list"`
	NextCursor string   `json:"next_cursor"`
}

// AcquisitionCustomer is a customer who came through a link: ChatStatus 0
// has not written yet, 1 has written, 2 unknown; State is the
// customer_channel appended to the link's URL.
type AcquisitionCustomer struct {
	ExternalUserID string `json:"external_userid"`
	UserID         string `json:"userid"`
	ChatStatus     int    `json:"chat_status"`
	State          string `json:"state,omitempty"`
}

// AcquisitionCustomerPage is one page of Customers.
type AcquisitionCustomerPage struct {
	Customers  []AcquisitionCustomer `json:"customer_list"`
	NextCursor string                `json:"next_cursor"`
}

// AcquisitionQuota is the corp's acquisition quota: Total used so far,
// Balance left, and the parts of the balance that expire (ExpireDate is a
// day's midnight).
type AcquisitionQuota struct {
	Total     int `json:"total"`
	Balance   int `json:"balance"`
	QuotaList []struct {
		ExpireDate int64 `json:"expire_date"`
		Balance    int   `json:"balance"`
	} `json:"quota_list"`
}

// AcquisitionStatistic is a link's use over a period.
type AcquisitionStatistic struct {
	ClickLinkCustomerCnt int `json:"click_link_customer_cnt"`
	NewCustomerCnt       int `json:"new_customer_cnt"`
}

type linkIDBody struct {
	LinkID string `json:"link_id"`
}

type linkPageBody struct {
	LinkID string `json:"link_id,omitempty"`
	Cursor string `json:"cursor,omitempty"`
	Limit  int    `json:"limit,omitempty"`
}

// ListLinks returns one page of the ids of the links this app created
// (limit up to 100, 0 for WeCom's default).
// https://developer.work.weixin.qq.com/document/path/97297
func (s *CustomerAcquisitionService) ListLinks(ctx context.Context, cursor string, limit int) (*AcquisitionLinkPage, error) {
	if limit < 0 || limit > MaxAcquisitionLinkPage {
		return nil, paramErr("limit", "at most 100")
	}
	return callB[AcquisitionLinkPage](ctx, s.c, acqListLink, nil, linkPageBody{Cursor: cursor, Limit: limit})
}

// AllLinks iterates over the ids of every link this app created.
func (s *CustomerAcquisitionService) AllLinks(ctx context.Context, limit int) iter.Seq2[string, error] {
	return cursorPagesB(ctx, "", func(ctx context.Context, cursor string) ([]string, string, error) {
		p, err := s.ListLinks(ctx, cursor, limit)
		if err != nil {
			return nil, "", err
		}
		return p.LinkIDs, p.NextCursor, nil
	})
}

// GetLink returns a link with its range.
// https://developer.work.weixin.qq.com/document/path/97297
func (s *CustomerAcquisitionService) GetLink(ctx context.Context, linkID string) (*AcquisitionLinkDetail, error) {
	if err := needB("link_id", linkID); err != nil {
		return nil, err
	}
	return callB[AcquisitionLinkDetail](ctx, s.c, acqGetLink, nil, linkIDBody{linkID})
}

// CreateLink creates a link and returns it with its id and URL.
// https://developer.work.weixin.qq.com/document/path/97297
func (s *CustomerAcquisitionService) CreateLink(ctx context.Context, c *AcquisitionLinkConfig) (*AcquisitionLink, error) {
	if err := c.check(true); err != nil {
		return nil, err
	}
	body := *c
	body.LinkID = ""
	out, err := callB[struct {
		Link AcquisitionLink `json:"link"`
	}](ctx, s.c, acqCreate, nil, &body)
	if err != nil {
		return nil, err
	}
	return &out.Link, nil
}

// UpdateLink changes the set fields of link c.LinkID.
// https://developer.work.weixin.qq.com/document/path/97297
func (s *CustomerAcquisitionService) UpdateLink(ctx context.Context, c *AcquisitionLinkConfig) error {
	if err := c.check(false); err != nil {
		return err
	}
	return s.c.Do(ctx, acqUpdate, nil, c, nil)
}

// DeleteLink deletes a link; customers already added stay.
// https://developer.work.weixin.qq.com/document/path/97297
func (s *CustomerAcquisitionService) DeleteLink(ctx context.Context, linkID string) error {
	if err := needB("link_id", linkID); err != nil {
		return err
	}
	return s.c.Do(ctx, acqDelete, nil, linkIDBody{linkID}, nil)
}

// Customers returns one page of the customers added through a link (limit
// up to 1000, 0 for WeCom's default).
// https://developer.work.weixin.qq.com/document/path/101359
func (s *CustomerAcquisitionService) Customers(ctx context.Context, linkID, cursor string, limit int) (*AcquisitionCustomerPage, error) {
	if err := needB("link_id", linkID); err != nil {
		return nil, err
	}
	if limit < 0 || limit > MaxAcquisitionCustomerPage {
		return nil, paramErr("limit", "at most 1000")
	}
	return callB[AcquisitionCustomerPage](ctx, s.c, acqCustomers, nil, linkPageBody{linkID, cursor, limit})
}

// AllCustomers iterates over every customer added through a link.
func (s *CustomerAcquisitionService) AllCustomers(ctx context.Context, linkID string, limit int) iter.Seq2[AcquisitionCustomer, error] {
	return cursorPagesB(ctx, "", func(ctx context.Context, cursor string) ([]AcquisitionCustomer, string, error) {
		p, err := s.Customers(ctx, linkID, cursor, limit)
		if err != nil {
			return nil, "", err
		}
		return p.Customers, p.NextCursor, nil
	})
}

// Quota returns the corp's used and remaining acquisition quota.
// https://developer.work.weixin.qq.com/document/path/97400
func (s *CustomerAcquisitionService) Quota(ctx context.Context) (*AcquisitionQuota, error) {
	return callB[AcquisitionQuota](ctx, s.c, acqQuota, nil, nil)
}

// Statistic returns how many customers clicked a link and were added
// between the days of startTime and endTime (Unix seconds, at most 30 days
// apart, within the last 180 days).
// https://developer.work.weixin.qq.com/document/path/97400
func (s *CustomerAcquisitionService) Statistic(ctx context.Context, linkID string, startTime, endTime int64) (*AcquisitionStatistic, error) {
	if err := needB("link_id", linkID); err != nil {
		return nil, err
	}
	if startTime <= 0 || endTime < startTime {
		return nil, paramErr("start_time", "invalid period")
	}
	body := struct {
		LinkID    string `json:"link_id"`
		StartTime int64  `json:"start_time"`
		EndTime   int64  `json:"end_time"`
	}{linkID, startTime, endTime}
	return callB[AcquisitionStatistic](ctx, s.c, acqStatistic, nil, body)
}
