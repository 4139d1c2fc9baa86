package oa

import (
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	publishSubmit     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/freepublish/submit"}
	publishGet        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/freepublish/get"}
	publishDelete     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/freepublish/delete"}
	publishGetArticle = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/freepublish/getarticle"}
	publishBatchGet   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/freepublish/batchget"}
)

// PublishJob is a publishing task just submitted. The result comes later,
// from Status or the PUBLISHJOBFINISH event.
type PublishJob struct {
	// PublishID is answered as a number; Status takes it as it is.
	PublishID wechat.FlexID `json:"publish_id"`
	// MsgDataID identifies the message for comment management
	// (CommentArticle); answered as a string.
	MsgDataID wechat.FlexID `json:"msg_data_id"`
}

// PublishStatusCode is the state of a publishing task.
type PublishStatusCode int

// Publishing states.
const (
	PublishSucceeded      PublishStatusCode = 0 // 成功
	PublishPublishing     PublishStatusCode = 1 // 发布中
	PublishOriginalFailed PublishStatusCode = 2 // 原创失败
	PublishFailed         PublishStatusCode = 3 // 常规失败
	PublishAuditRejected  PublishStatusCode = 4 // 平台审核不通过
	PublishUserDeleted    PublishStatusCode = 5 // 成功后用户删除所有文章
	PublishBanned         PublishStatusCode = 6 // 成功后系统封禁所有文章
)

// PublishStatus is the state of a publishing task.
type PublishStatus struct {
	PublishID wechat.FlexID     `json:"publish_id"`
	Status    PublishStatusCode `json:"publish_status"`
	// ArticleID and ArticleDetail are set on success.
	ArticleID     string `json:"article_id,omitempty"`
	ArticleDetail struct {
		Count int `json:"count"`
		Item  []struct {
			Idx        int    `json:"idx"` // 1 for the first article
			ArticleURL string `json:"article_url"`
		} `json:"item"`
	} `json:"article_detail"`
	// FailIdx lists the failed articles (1 for the first) on failure.
	FailIdx []int `json:"fail_idx,omitempty"`
}

// PublishedItem is an entry of the list of published messages.
type PublishedItem struct {
	ArticleID  string    `json:"article_id"`
	Content    DraftNews `json:"content"`
	UpdateTime int64     `json:"update_time"`
}

// PublishedList is one page of the list of published messages.
type PublishedList struct {
	TotalCount int             `json:"total_count"`
	ItemCount  int             `json:"item_count"`
	Items      []PublishedItem `json:"item"`
}

type articleIDBody struct {
	ArticleID string `json:"article_id"`
}

// Submit publishes the draft mediaID. Publishing is asynchronous: poll
// Status with the returned PublishID.
// https://developers.weixin.qq.com/doc/offiaccount/Publish/Publish.html
func (s *PublishService) Submit(ctx context.Context, mediaID string) (*PublishJob, error) {
	if mediaID == "" {
		return nil, invalidArg("media_id", "required")
	}
	return call[PublishJob](ctx, s.c, publishSubmit, nil, mediaIDBody{mediaID})
}

// Status returns the state of a publishing task.
// https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_status.html
func (s *PublishService) Status(ctx context.Context, publishID wechat.FlexID) (*PublishStatus, error) {
	if publishID == "" {
		return nil, invalidArg("publish_id", "required")
	}
	return call[PublishStatus](ctx, s.c, publishGet, nil, struct {
		PublishID wechat.FlexID `json:"publish_id"`
	}{publishID})
}

// Delete deletes article index (1 for the first) of the published message
// articleID; index 0 deletes every article of the message. Deletion cannot
// be undone.
// https://developers.weixin.qq.com/doc/offiaccount/Publish/Delete_posts.html
func (s *PublishService) Delete(ctx context.Context, articleID string, index int) error {
	switch {
	case articleID == "":
		return invalidArg("article_id", "required")
	case index < 0:
		return invalidArg("index", "negative")
	}
	return s.c.Do(ctx, publishDelete, nil, struct {
		ArticleID string `json:"article_id"`
		Index     int    `json:"index"`
	}{articleID, index}, nil)
}

// GetArticle returns the articles of the published message articleID.
// https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_article_from_id.html
func (s *PublishService) GetArticle(ctx context.Context, articleID string) (*DraftNews, error) {
	if articleID == "" {
		return nil, invalidArg("article_id", "required")
	}
	return call[DraftNews](ctx, s.c, publishGetArticle, nil, articleIDBody{articleID})
}

// List returns one page of the published messages, newest first, from
// offset, count (1 to 20) at most; noContent leaves out the content.
// https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_publication_records.html
func (s *PublishService) List(ctx context.Context, offset, count int, noContent bool) (*PublishedList, error) {
	body, err := newArticlePageBody(offset, count, noContent)
	if err != nil {
		return nil, err
	}
	return call[PublishedList](ctx, s.c, publishBatchGet, nil, body)
}

// All iterates over every published message, fetching pages of pageSize
// (1 to 20; 0 means 20) as the loop goes. The first error is yielded and
// ends the iteration.
// https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_publication_records.html
func (s *PublishService) All(ctx context.Context, pageSize int, noContent bool) iter.Seq2[PublishedItem, error] {
	return articlePages(ctx, pageSize, func(ctx context.Context, offset, count int) ([]PublishedItem, int, error) {
		p, err := s.List(ctx, offset, count, noContent)
		if err != nil {
			return nil, 0, err
		}
		return p.Items, p.TotalCount, nil
	})
}
