package work

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	momentList        = epPost("/cgi-bin/externalcontact/get_moment_list")
	momentTask        = epPost("/cgi-bin/externalcontact/get_moment_task")
	momentCustomers   = epPost("/cgi-bin/externalcontact/get_moment_customer_list")
	momentSendResults = epPost("/cgi-bin/externalcontact/get_moment_send_result")
	momentComments    = epPost("/cgi-bin/externalcontact/get_moment_comments")
)

// MomentQuery selects the moments of List; the period is at most a month.
// FilterType 0 corp moments, 1 members' moments, 2 all.
type MomentQuery struct {
	StartTime  int64  `json:"start_time"`
	EndTime    int64  `json:"end_time"`
	Creator    string `json:"creator,omitempty"`
	FilterType int    `json:"filter_type,omitempty"`
	Cursor     string `json:"cursor,omitempty"`
	Limit      int    `json:"limit,omitempty"`
}

// Moment is a customer moment (客户朋友圈).
type Moment struct {
	MomentID    string        `json:"moment_id"`
	Creator     string        `json:"creator,omitempty"`
	CreateTime  int64         `json:"create_time"`
	CreateType  int           `json:"create_type"`
	VisibleType int           `json:"visible_type"`
	Text        *CustomerText `json:"text,omitempty"`
	Image       []struct {
		MediaID string `json:"media_id"`
	} `json:"image,omitempty"`
	Video *struct {
		MediaID      string `json:"media_id"`
		ThumbMediaID string `json:"thumb_media_id"`
	} `json:"video,omitempty"`
	Link *struct {
		Title string `json:"title"`
		URL   string `json:"url"`
	} `json:"link,omitempty"`
	Location *struct {
		Latitude  string `json:"latitude"`
		Longitude string `json:"longitude"`
		Name      string `json:"name"`
	} `json:"location,omitempty"`
}

// MomentPage is one page of List.
type MomentPage struct {
	NextCursor string   `json:"next_cursor"`
	Moments    []Moment `json:"moment_list"`
}

// List returns one page of moments.
// https://developer.work.weixin.qq.com/document/path/93333
func (s *CustomerMomentService) List(ctx context.Context, q *MomentQuery) (*MomentPage, error) {
	if q == nil || q.StartTime <= 0 || q.EndTime < q.StartTime {
		return nil, paramErr("start_time", "invalid period")
	}
	return callB[MomentPage](ctx, s.c, momentList, nil, q)
}

// All iterates over the moments of q from q.Cursor.
func (s *CustomerMomentService) All(ctx context.Context, q MomentQuery) iter.Seq2[Moment, error] {
	return cursorPagesB(ctx, q.Cursor, func(ctx context.Context, cursor string) ([]Moment, string, error) {
		q.Cursor = cursor
		p, err := s.List(ctx, &q)
		if err != nil {
			return nil, "", err
		}
		return p.Moments, p.NextCursor, nil
	})
}

// MomentTask is a member's task of a corp moment: PublishStatus 0 not
// published, 1 published.
type MomentTask struct {
	UserID        string `json:"userid"`
	PublishStatus int    `json:"publish_status"`
}

// MomentTaskPage is one page of Tasks.
type MomentTaskPage struct {
	NextCursor string       `json:"next_cursor"`
	Tasks      []MomentTask `json:"task_list"`
}

type momentPageBody struct {
	MomentID string `json:"moment_id"`
	UserID   string `json:"userid,omitempty"`
	Cursor   string `json:"cursor,omitempty"`
	Limit    int    `json:"limit,omitempty"`
}

// Tasks returns one page of the member tasks of a corp moment.
// https://developer.work.weixin.qq.com/document/path/93333
func (s *CustomerMomentService) Tasks(ctx context.Context, momentID, cursor string, limit int) (*MomentTaskPage, error) {
	if err := needB("moment_id", momentID); err != nil {
		return nil, err
	}
	return callB[MomentTaskPage](ctx, s.c, momentTask, nil, momentPageBody{momentID, "", cursor, limit})
}

// MomentCustomer is a customer who can see a moment of a member.
type MomentCustomer struct {
	UserID         string `json:"userid,omitempty"`
	ExternalUserID string `json:"external_userid"`
}

// MomentCustomerPage is one page of Customers or SendResults.
type MomentCustomerPage struct {
	NextCursor string           `json:"next_cursor"`
	Customers  []MomentCustomer `json:"customer_list"`
}

// Customers returns one page of the customers a member's moment can reach.
// https://developer.work.weixin.qq.com/document/path/93333
func (s *CustomerMomentService) Customers(ctx context.Context, momentID, userID, cursor string, limit int) (*MomentCustomerPage, error) {
	if err := needB("moment_id", momentID, "userid", userID); err != nil {
		return nil, err
	}
	return callB[MomentCustomerPage](ctx, s.c, momentCustomers, nil, momentPageBody{momentID, userID, cursor, limit})
}

// SendResults returns one page of the customers a member's moment was
// published to.
// https://developer.work.weixin.qq.com/document/path/93333
func (s *CustomerMomentService) SendResults(ctx context.Context, momentID, userID, cursor string, limit int) (*MomentCustomerPage, error) {
	if err := needB("moment_id", momentID, "userid", userID); err != nil {
		return nil, err
	}
	return callB[MomentCustomerPage](ctx, s.c, momentSendResults, nil, momentPageBody{momentID, userID, cursor, limit})
}

// MomentInteraction is a comment or a like, by a customer (ExternalUserID)
// or a member (UserID).
type MomentInteraction struct {
	ExternalUserID string `json:"external_userid,omitempty"`
	UserID         string `json:"userid,omitempty"`
	CreateTime     int64  `json:"create_time"`
}

// MomentComments is the comments and likes of a member's moment.
type MomentComments struct {
	Comments []MomentInteraction `json:"comment_list"`
	Likes    []MomentInteraction `json:"like_list"`
}

// Comments returns the comments and likes of a member's moment.
// https://developer.work.weixin.qq.com/document/path/93333
func (s *CustomerMomentService) Comments(ctx context.Context, momentID, userID string) (*MomentComments, error) {
	if err := needB("moment_id", momentID, "userid", userID); err != nil {
		return nil, err
	}
	return callB[MomentComments](ctx, s.c, momentComments, nil, momentPageBody{MomentID: momentID, UserID: userID})
}

// Strategies returns one page of moment rule group ids.
// https://developer.work.weixin.qq.com/document/path/94890
func (s *CustomerMomentService) Strategies(ctx context.Context, cursor string, limit int) (*StrategyPage, error) {
	return strategyList(ctx, s.c, momentStrategies, cursor, limit)
}

// AllStrategies iterates over every moment rule group id.
func (s *CustomerMomentService) AllStrategies(ctx context.Context, limit int) iter.Seq2[int64, error] {
	return strategyAll(ctx, s.c, momentStrategies, limit)
}

// Strategy returns a moment rule group.
// https://developer.work.weixin.qq.com/document/path/94890
func (s *CustomerMomentService) Strategy(ctx context.Context, strategyID int64) (*Strategy[MomentPrivilege], error) {
	return strategyGet[MomentPrivilege](ctx, s.c, momentStrategies, strategyID)
}

// StrategyRange returns one page of the range of a moment rule group.
// https://developer.work.weixin.qq.com/document/path/94890
func (s *CustomerMomentService) StrategyRange(ctx context.Context, strategyID int64, cursor string, limit int) (*StrategyRangePage, error) {
	return strategyRange(ctx, s.c, momentStrategies, strategyID, cursor, limit)
}

// CreateStrategy creates a moment rule group and returns its id.
// https://developer.work.weixin.qq.com/document/path/94890
func (s *CustomerMomentService) CreateStrategy(ctx context.Context, st *Strategy[MomentPrivilege]) (int64, error) {
	return strategyCreate(ctx, s.c, momentStrategies, st)
}

// EditStrategy changes a moment rule group.
// https://developer.work.weixin.qq.com/document/path/94890
func (s *CustomerMomentService) EditStrategy(ctx context.Context, e *StrategyEdit[MomentPrivilege]) error {
	return strategyEdit(ctx, s.c, momentStrategies, e)
}

// DeleteStrategy deletes a moment rule group.
// https://developer.work.weixin.qq.com/document/path/94890
func (s *CustomerMomentService) DeleteStrategy(ctx context.Context, strategyID int64) error {
	return strategyDelete(ctx, s.c, momentStrategies, strategyID)
}

var (
	momentTaskAdd    = epPost("/cgi-bin/externalcontact/add_moment_task")
	momentTaskResult = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/externalcontact/get_moment_task_result"}
	momentTaskCancel = epPost("/cgi-bin/externalcontact/cancel_moment_task")
)

// Limits of a moment publishing task.
const (
	MaxMomentText       = 2000   // characters of the text
	MaxMomentImages     = 9      // image attachments (or one video, or one link)
	MaxMomentLinkTitle  = 64     // bytes of a link title
	MaxMomentSenderUser = 100000 // members in sender_list.user_list
)

// MomentMedia is an image or a video attachment, by media id (上传附件资源).
type MomentMedia struct {
	MediaID string `json:"media_id"`
}

// MomentLink is a link attachment: MediaID is its cover image.
type MomentLink struct {
	Title   string `json:"title,omitempty"`
	URL     string `json:"url"`
	MediaID string `json:"media_id"`
}

// MomentAttachment is one attachment of a moment: MsgType "image", "video"
// or "link", and the matching field set.
type MomentAttachment struct {
	MsgType string       `json:"msgtype"`
	Image   *MomentMedia `json:"image,omitempty"`
	Video   *MomentMedia `json:"video,omitempty"`
	Link    *MomentLink  `json:"link,omitempty"`
}

// MomentSenders is the members and departments asked to publish.
type MomentSenders struct {
	UserList       []string `json:"user_list,omitempty"`
	DepartmentList []int64  `json:"department_list,omitempty"`
}

// MomentCustomerTags is the corp customer tags whose customers see a moment.
type MomentCustomerTags struct {
	TagList []string `json:"tag_list,omitempty"`
}

// MomentVisibleRange says who publishes (SenderList) and which customers
// see the moment (ExternalContactList); unset, every member in the app's
// visible range publishes to all their customers.
type MomentVisibleRange struct {
	SenderList          *MomentSenders      `json:"sender_list,omitempty"`
	ExternalContactList *MomentCustomerTags `json:"external_contact_list,omitempty"`
}

// MomentContent is a moment to publish: a text, attachments (up to 9
// images, or one video, or one link) or both, and its visible range.
type MomentContent struct {
	Text         *CustomerText       `json:"text,omitempty"`
	Attachments  []MomentAttachment  `json:"attachments,omitempty"`
	VisibleRange *MomentVisibleRange `json:"visible_range,omitempty"`
}

func (m *MomentContent) check() error {
	if m == nil || (m.Text == nil || m.Text.Content == "") && len(m.Attachments) == 0 {
		return paramErr("text", "text or attachments required")
	}
	if m.Text != nil && utf8.RuneCountInString(m.Text.Content) > MaxMomentText {
		return paramErr("text.content", "at most 2000 characters")
	}
	kind := ""
	for _, a := range m.Attachments {
		if kind != "" && a.MsgType != kind {
			return paramErr("attachments.msgtype", "images, one video or one link, not mixed")
		}
		kind = a.MsgType
		switch {
		case a.MsgType == "image" && a.Image != nil && a.Image.MediaID != "":
		case a.MsgType == "video" && a.Video != nil && a.Video.MediaID != "":
		case a.MsgType == "link" && a.Link != nil && a.Link.URL != "" && a.Link.MediaID != "":
			if len(a.Link.Title) > MaxMomentLinkTitle {
				return paramErr("attachments.link.title", "at most 64 bytes")
			}
		default:
			return paramErr("attachments."+a.MsgType, "type image, video or link with its media_id (and url)")
		}
	}
	if n := len(m.Attachments); kind == "image" && n > MaxMomentImages || kind != "image" && n > 1 {
		return paramErr("attachments", "at most 9 images, one video or one link")
	}
	if r := m.VisibleRange; r != nil && r.SenderList != nil && len(r.SenderList.UserList) > MaxMomentSenderUser {
		return paramErr("visible_range.sender_list.user_list", "at most 100000 members")
	}
	return nil
}

// AddTask creates a task asking members to publish a moment to their
// customers and returns its job id (valid 24 hours) for TaskResult.
// https://developer.work.weixin.qq.com/document/path/95094
func (s *CustomerMomentService) AddTask(ctx context.Context, m *MomentContent) (string, error) {
	if err := m.check(); err != nil {
		return "", err
	}
	out, err := callB[struct {
		JobID string `json:"jobid"`
	}](ctx, s.c, momentTaskAdd, nil, m)
	if err != nil {
		return "", err
	}
	return out.JobID, nil
}

// MomentTaskOutcome is the result of a finished publishing task: the
// moment's id and the senders and tags that were not valid.
type MomentTaskOutcome struct {
	ErrCode                    int                 `json:"errcode"`
	ErrMsg                     string              `json:"errmsg"`
	MomentID                   string              `json:"moment_id"`
	InvalidSenderList          *MomentSenders      `json:"invalid_sender_list,omitempty"`
	InvalidExternalContactList *MomentCustomerTags `json:"invalid_external_contact_list,omitempty"`
}

// MomentTaskResult is the state of a publishing task: Status 1 started, 2
// being created, 3 created (Result is set then); Type is "add_moment_task".
type MomentTaskResult struct {
	Status int                `json:"status"`
	Type   string             `json:"type"`
	Result *MomentTaskOutcome `json:"result,omitempty"`
}

// TaskResult returns the state of the publishing task of AddTask.
// https://developer.work.weixin.qq.com/document/path/95094
func (s *CustomerMomentService) TaskResult(ctx context.Context, jobID string) (*MomentTaskResult, error) {
	if err := needB("jobid", jobID); err != nil {
		return nil, err
	}
	return callB[MomentTaskResult](ctx, s.c, momentTaskResult, url.Values{"jobid": {jobID}}, nil)
}

// CancelTask stops the publishing of a corp moment by the members who have
// not published it yet; moments already published stay.
// https://developer.work.weixin.qq.com/document/path/97612
func (s *CustomerMomentService) CancelTask(ctx context.Context, momentID string) error {
	if err := needB("moment_id", momentID); err != nil {
		return err
	}
	return s.c.Do(ctx, momentTaskCancel, nil, momentPageBody{MomentID: momentID}, nil)
}
