package work

import (
	"context"
	"iter"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

// ParamError is returned, before any request is sent, when a required
// argument is missing or breaks a documented limit.
type ParamError = wechat.ArgumentError

func paramErr(param, reason string) error {
	return &wechat.ArgumentError{Pkg: "work", Arg: param, Reason: reason}
}

// needB returns a ParamError for the first empty value of pairs (name, value).
func needB(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return paramErr(pairs[i], "required")
		}
	}
	return nil
}

// callB sends body to ep and decodes the answer into a new T.
func callB[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, q url.Values, body any) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, ep, q, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// cursorPagesB iterates over a cursor-paged list whose page is fetched by fetch.
func cursorPagesB[T any](ctx context.Context, cursor string, fetch func(ctx context.Context, cursor string) ([]T, string, error)) iter.Seq2[T, error] {
	return wechat.CursorPages(ctx, cursor, fetch)
}

var (
	customerFollowUsers = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/externalcontact/get_follow_user_list"}
	customerList        = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/externalcontact/list"}
	customerGet         = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/externalcontact/get"}
	customerBatchByUser = epPost("/cgi-bin/externalcontact/batch/get_by_user")
	customerRemark      = epPost("/cgi-bin/externalcontact/remark")
	customerBehavior    = epPost("/cgi-bin/externalcontact/get_user_behavior_data")
)

// Limits of the customer APIs.
const (
	MaxBatchByUserIDs   = 100 // userids per BatchGetByUser call
	MaxBatchByUserLimit = 100 // customers per BatchGetByUser page
)

// ExternalContact is a customer (外部联系人). Type is 1 for a WeChat user, 2
// for a WeCom user.
type ExternalContact struct {
	ExternalUserID  string           `json:"external_userid"`
	Name            string           `json:"name"`
	Position        string           `json:"position,omitempty"`
	Avatar          string           `json:"avatar,omitempty"`
	CorpName        string           `json:"corp_name,omitempty"`
	CorpFullName    string           `json:"corp_full_name,omitempty"`
	Type            int              `json:"type"`
	Gender          int              `json:"gender"`
	UnionID         string           `json:"unionid,omitempty"`
	ExternalProfile *CustomerProfile `json:"external_profile,omitempty"`
}

// CustomerProfile is a WeCom customer's external profile.
type CustomerProfile struct {
	ExternalAttr []CustomerAttr `json:"external_attr,omitempty"`
}

// CustomerAttr is one attribute of an external profile: Type 0 text, 1 web
// page, 2 mini program; the matching field is set.
type CustomerAttr struct {
	Type int    `json:"type"`
	Name string `json:"name"`
	Text *struct {
		Value string `json:"value"`
	} `json:"text,omitempty"`
	Web *struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	} `json:"web,omitempty"`
	MiniProgram *struct {
		AppID    string `json:"appid"`
		PagePath string `json:"pagepath"`
		Title    string `json:"title"`
	} `json:"miniprogram,omitempty"`
}

// FollowUser is a member who added the customer, with the member's remark
// and tags for this customer.
type FollowUser struct {
	UserID         string      `json:"userid"`
	Remark         string      `json:"remark,omitempty"`
	Description    string      `json:"description,omitempty"`
	CreateTime     int64       `json:"createtime"`
	Tags           []FollowTag `json:"tags,omitempty"`
	RemarkCorpName string      `json:"remark_corp_name,omitempty"`
	RemarkMobiles  []string    `json:"remark_mobiles,omitempty"`
	OperUserID     string      `json:"oper_userid,omitempty"`
	AddWay         int         `json:"add_way"`
	State          string      `json:"state,omitempty"`
	// WechatChannels is the WeChat Channels account (视频号) the customer
	// came from, when AddWay is 10.
	WechatChannels *WechatChannelsSource `json:"wechat_channels,omitempty"`
}

// WechatChannelsSource is the WeChat Channels account (视频号) a customer
// was added from: its nickname and the scene, Source, numbered as the docs
// list them.
// https://developer.work.weixin.qq.com/document/path/92114
type WechatChannelsSource struct {
	Nickname string `json:"nickname"`
	Source   int    `json:"source"`
}

// FollowTag is a tag a member put on a customer; Type 1 is a corp tag, 2 a
// member's own tag, 3 a strategy tag.
type FollowTag struct {
	GroupName string `json:"group_name"`
	TagName   string `json:"tag_name"`
	TagID     string `json:"tag_id,omitempty"`
	Type      int    `json:"type"`
}

// CustomerDetail is the answer of Get: the customer and its follow users.
type CustomerDetail struct {
	ExternalContact ExternalContact `json:"external_contact"`
	FollowUser      []FollowUser    `json:"follow_user"`
	// NextCursor pages follow_user when the customer has many of them.
	NextCursor string `json:"next_cursor,omitempty"`
}

// FollowInfo is the follow information of BatchGetByUser: like FollowUser
// but with tag ids only.
type FollowInfo struct {
	UserID         string   `json:"userid"`
	Remark         string   `json:"remark,omitempty"`
	Description    string   `json:"description,omitempty"`
	CreateTime     int64    `json:"createtime"`
	TagID          []string `json:"tag_id,omitempty"`
	RemarkCorpName string   `json:"remark_corp_name,omitempty"`
	RemarkMobiles  []string `json:"remark_mobiles,omitempty"`
	OperUserID     string   `json:"oper_userid,omitempty"`
	AddWay         int      `json:"add_way"`
	State          string   `json:"state,omitempty"`
}

// CustomerFollow is one item of BatchGetByUser.
type CustomerFollow struct {
	ExternalContact ExternalContact `json:"external_contact"`
	FollowInfo      FollowInfo      `json:"follow_info"`
}

// CustomerPage is one page of BatchGetByUser.
type CustomerPage struct {
	Customers  []CustomerFollow `json:"external_contact_list"`
	NextCursor string           `json:"next_cursor"`
	// FailInfo lists userids that could not be read (since 2023).
	FailInfo *struct {
		UnlicensedUserIDs []string `json:"unlicensed_userid_list,omitempty"`
	} `json:"fail_info,omitempty"`
}

// FollowUsers returns the members with the customer-contact feature.
// https://developer.work.weixin.qq.com/document/path/92571
func (s *CustomerService) FollowUsers(ctx context.Context) ([]string, error) {
	out, err := callB[struct {
		FollowUser []string `json:"follow_user"`
	}](ctx, s.c, customerFollowUsers, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.FollowUser, nil
}

// List returns the external userids of the customers of member userID.
// https://developer.work.weixin.qq.com/document/path/92113
func (s *CustomerService) List(ctx context.Context, userID string) ([]string, error) {
	if err := needB("userid", userID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		ExternalUserID []string `json:"external_userid"`
	}](ctx, s.c, customerList, url.Values{"userid": {userID}}, nil)
	if err != nil {
		return nil, err
	}
	return out.ExternalUserID, nil
}

// Get returns a customer and the members who added it; cursor ("" first)
// pages the follow users when there are many.
// https://developer.work.weixin.qq.com/document/path/92114
func (s *CustomerService) Get(ctx context.Context, externalUserID, cursor string) (*CustomerDetail, error) {
	if err := needB("external_userid", externalUserID); err != nil {
		return nil, err
	}
	q := url.Values{"external_userid": {externalUserID}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	return callB[CustomerDetail](ctx, s.c, customerGet, q, nil)
}

// BatchGetByUser returns one page of the customers of up to 100 members:
// limit is at most 100 (0 for WeCom's default), cursor "" for the first page.
// https://developer.work.weixin.qq.com/document/path/92994
func (s *CustomerService) BatchGetByUser(ctx context.Context, userIDs []string, cursor string, limit int) (*CustomerPage, error) {
	if len(userIDs) == 0 || len(userIDs) > MaxBatchByUserIDs {
		return nil, paramErr("userid_list", "1 to 100 userids")
	}
	if limit < 0 || limit > MaxBatchByUserLimit {
		return nil, paramErr("limit", "at most 100")
	}
	body := struct {
		UserIDList []string `json:"userid_list"`
		Cursor     string   `json:"cursor,omitempty"`
		Limit      int      `json:"limit,omitempty"`
	}{userIDs, cursor, limit}
	return callB[CustomerPage](ctx, s.c, customerBatchByUser, nil, body)
}

// AllByUser iterates over every customer of the members, fetching pages of
// limit customers with BatchGetByUser.
func (s *CustomerService) AllByUser(ctx context.Context, userIDs []string, limit int) iter.Seq2[CustomerFollow, error] {
	return cursorPagesB(ctx, "", func(ctx context.Context, cursor string) ([]CustomerFollow, string, error) {
		p, err := s.BatchGetByUser(ctx, userIDs, cursor, limit)
		if err != nil {
			return nil, "", err
		}
		return p.Customers, p.NextCursor, nil
	})
}

// Remark is a member's remark on a customer; only the fields set are changed.
type Remark struct {
	UserID           string   `json:"userid"`
	ExternalUserID   string   `json:"external_userid"`
	Remark           string   `json:"remark,omitempty"`
	Description      string   `json:"description,omitempty"`
	RemarkCompany    string   `json:"remark_company,omitempty"`
	RemarkMobiles    []string `json:"remark_mobiles,omitempty"`
	RemarkPicMediaID string   `json:"remark_pic_mediaid,omitempty"`
}

// Remark updates a member's remark on a customer.
// https://developer.work.weixin.qq.com/document/path/92115
func (s *CustomerService) Remark(ctx context.Context, r *Remark) error {
	if r == nil {
		return paramErr("remark", "required")
	}
	if err := needB("userid", r.UserID, "external_userid", r.ExternalUserID); err != nil {
		return err
	}
	return s.c.Do(ctx, customerRemark, nil, r, nil)
}

// BehaviorQuery selects the members (by UserIDs or PartyIDs) and the
// period, at most 30 days, of BehaviorData.
type BehaviorQuery struct {
	UserIDs   []string `json:"userid,omitempty"`
	PartyIDs  []int64  `json:"partyid,omitempty"`
	StartTime int64    `json:"start_time"`
	EndTime   int64    `json:"end_time"`
}

// BehaviorData is one day of customer-contact statistics.
type BehaviorData struct {
	StatTime            int64   `json:"stat_time"`
	ChatCnt             int     `json:"chat_cnt"`
	MessageCnt          int     `json:"message_cnt"`
	ReplyPercentage     float64 `json:"reply_percentage"`
	AvgReplyTime        int     `json:"avg_reply_time"`
	NegativeFeedbackCnt int     `json:"negative_feedback_cnt"`
	NewApplyCnt         int     `json:"new_apply_cnt"`
	NewContactCnt       int     `json:"new_contact_cnt"`
}

// BehaviorData returns the daily customer-contact statistics of members.
// https://developer.work.weixin.qq.com/document/path/92132
func (s *CustomerService) BehaviorData(ctx context.Context, q *BehaviorQuery) ([]BehaviorData, error) {
	if q == nil || (len(q.UserIDs) == 0 && len(q.PartyIDs) == 0) {
		return nil, paramErr("userid", "userids or partyids required")
	}
	if q.StartTime <= 0 || q.EndTime < q.StartTime {
		return nil, paramErr("start_time", "invalid period")
	}
	out, err := callB[struct {
		BehaviorData []BehaviorData `json:"behavior_data"`
	}](ctx, s.c, customerBehavior, nil, q)
	if err != nil {
		return nil, err
	}
	return out.BehaviorData, nil
}
