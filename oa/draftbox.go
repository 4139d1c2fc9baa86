package oa

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	draftAdd      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/draft/add"}
	draftGet      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/draft/get"}
	draftDelete   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/draft/delete"}
	draftUpdate   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/draft/update"}
	draftCount    = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/draft/count"}
	draftBatchGet = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/draft/batchget"}
	draftSwitch   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/draft/switch"}
)

// maxArticlePageSize is the largest count of draft/batchget and
// freepublish/batchget.
const maxArticlePageSize = 20

// DraftArticle is an article of a draft or of a published message.
type DraftArticle struct {
	// ArticleType is "news" (图文消息, the default) or "newspic" (图片消息).
	ArticleType string `json:"article_type,omitempty"`
	Title       string `json:"title"`
	Author      string `json:"author,omitempty"`
	// Digest is shown only for single-article messages.
	Digest string `json:"digest,omitempty"`
	// Content is the HTML body (under 20,000 characters and 1 MB); images
	// must be uploaded with MaterialService.UploadImage.
	Content          string `json:"content"`
	ContentSourceURL string `json:"content_source_url,omitempty"`
	// ThumbMediaID is the cover, a permanent image or thumb material;
	// required for "news".
	ThumbMediaID string `json:"thumb_media_id,omitempty"`
	// ShowCoverPic (1) shows the cover in the body; answers of draft/get
	// carry it (https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Get_draft.html).
	ShowCoverPic int `json:"show_cover_pic,omitempty"`
	// NeedOpenComment (1) opens comments; OnlyFansCanComment (1) restricts
	// them to followers.
	NeedOpenComment    int `json:"need_open_comment"`
	OnlyFansCanComment int `json:"only_fans_can_comment"`
	// PicCrop2351 and PicCrop11 crop the cover ("X1_Y1_X2_Y2" ratios).
	PicCrop2351 string `json:"pic_crop_235_1,omitempty"`
	PicCrop11   string `json:"pic_crop_1_1,omitempty"`
	// ImageInfo lists the images of a "newspic" article.
	ImageInfo *DraftImageInfo `json:"image_info,omitempty"`
	// URL is the preview (draft) or permanent (published) link, in answers
	// only.
	URL string `json:"url,omitempty"`
	// IsDeleted tells, in published articles only, that it was deleted.
	IsDeleted bool `json:"is_deleted,omitempty"`
}

// DraftImageInfo lists the images (permanent materials) of a "newspic"
// article.
type DraftImageInfo struct {
	ImageList []struct {
		ImageMediaID string `json:"image_media_id"`
	} `json:"image_list"`
}

// DraftNews is the content of a draft or of a published message.
type DraftNews struct {
	NewsItem   []DraftArticle `json:"news_item"`
	CreateTime int64          `json:"create_time,omitempty"` // unix seconds
	UpdateTime int64          `json:"update_time,omitempty"` // unix seconds
}

// DraftItem is an entry of the draft list. Content.NewsItem has no Content
// when the list was asked without content.
type DraftItem struct {
	MediaID    string    `json:"media_id"`
	Content    DraftNews `json:"content"`
	UpdateTime int64     `json:"update_time"`
}

// DraftList is one page of the draft list.
type DraftList struct {
	TotalCount int         `json:"total_count"`
	ItemCount  int         `json:"item_count"`
	Items      []DraftItem `json:"item"`
}

// articlePageBody is the body of draft/batchget and freepublish/batchget.
type articlePageBody struct {
	Offset    int `json:"offset"`
	Count     int `json:"count"`
	NoContent int `json:"no_content"`
}

func newArticlePageBody(offset, count int, noContent bool) (*articlePageBody, error) {
	if count < 1 || count > maxArticlePageSize {
		return nil, invalidArg("count", fmt.Sprintf("%d is not in 1..%d", count, maxArticlePageSize))
	}
	if offset < 0 {
		return nil, invalidArg("offset", "negative")
	}
	b := &articlePageBody{Offset: offset, Count: count}
	if noContent {
		b.NoContent = 1
	}
	return b, nil
}

// articlePages iterates over a batchget list with pages of pageSize (0
// means 20).
func articlePages[T any](ctx context.Context, pageSize int, list func(ctx context.Context, offset, count int) ([]T, int, error)) iter.Seq2[T, error] {
	if pageSize == 0 {
		pageSize = maxArticlePageSize
	}
	return wechat.OffsetPages(ctx, pageSize, list)
}

func checkArticle(i int, a *DraftArticle) error {
	field := fmt.Sprintf("articles[%d]", i)
	switch {
	case a == nil:
		return invalidArg(field, "nil")
	case a.Title == "":
		return invalidArg(field+".title", "required")
	case a.Content == "":
		return invalidArg(field+".content", "required")
	case (a.ArticleType == "" || a.ArticleType == "news") && a.ThumbMediaID == "":
		return invalidArg(field+".thumb_media_id", "required for news articles")
	}
	return nil
}

// Add creates a draft of one or more articles (up to 8) and returns its
// media_id.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Add_draft.html
func (s *DraftBoxService) Add(ctx context.Context, articles ...*DraftArticle) (string, error) {
	if len(articles) == 0 {
		return "", invalidArg("articles", "at least one article is required")
	}
	for i, a := range articles {
		if err := checkArticle(i, a); err != nil {
			return "", err
		}
	}
	out, err := call[mediaIDBody](ctx, s.c, draftAdd, nil, struct {
		Articles []*DraftArticle `json:"articles"`
	}{articles})
	if err != nil {
		return "", err
	}
	return out.MediaID, nil
}

// Get returns a draft.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Get_draft.html
func (s *DraftBoxService) Get(ctx context.Context, mediaID string) (*DraftNews, error) {
	if mediaID == "" {
		return nil, invalidArg("media_id", "required")
	}
	return call[DraftNews](ctx, s.c, draftGet, nil, mediaIDBody{mediaID})
}

// Delete deletes a draft.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Delete_draft.html
func (s *DraftBoxService) Delete(ctx context.Context, mediaID string) error {
	if mediaID == "" {
		return invalidArg("media_id", "required")
	}
	return s.c.Do(ctx, draftDelete, nil, mediaIDBody{mediaID}, nil)
}

// Update replaces article index (0 for the first) of the draft mediaID.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Update_draft.html
func (s *DraftBoxService) Update(ctx context.Context, mediaID string, index int, article *DraftArticle) error {
	switch {
	case mediaID == "":
		return invalidArg("media_id", "required")
	case index < 0:
		return invalidArg("index", "negative")
	}
	if err := checkArticle(0, article); err != nil {
		return err
	}
	a := *article
	a.URL, a.IsDeleted = "", false
	return s.c.Do(ctx, draftUpdate, nil, struct {
		MediaID  string        `json:"media_id"`
		Index    int           `json:"index"`
		Articles *DraftArticle `json:"articles"`
	}{mediaID, index, &a}, nil)
}

// Count returns the number of drafts.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Count_drafts.html
func (s *DraftBoxService) Count(ctx context.Context) (int, error) {
	out, err := call[struct {
		TotalCount int `json:"total_count"`
	}](ctx, s.c, draftCount, nil, nil)
	if err != nil {
		return 0, err
	}
	return out.TotalCount, nil
}

// SwitchOpen reports whether the draft box and publishing switch (草稿箱开关)
// of the account is on.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Temporary_MP_Switch.html
func (s *DraftBoxService) SwitchOpen(ctx context.Context) (bool, error) {
	return s.draftSwitch(ctx, url.Values{"checkonly": {"1"}})
}

// OpenSwitch turns the draft box and publishing switch on and reports
// whether it is on. It cannot be turned off again.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Temporary_MP_Switch.html
func (s *DraftBoxService) OpenSwitch(ctx context.Context) (bool, error) {
	return s.draftSwitch(ctx, nil)
}

func (s *DraftBoxService) draftSwitch(ctx context.Context, q url.Values) (bool, error) {
	out, err := call[struct {
		IsOpen int `json:"is_open"`
	}](ctx, s.c, draftSwitch, q, nil)
	if err != nil {
		return false, err
	}
	return out.IsOpen == 1, nil
}

// List returns one page of drafts, newest first, from offset, count (1 to
// 20) at most; noContent leaves out the articles' content.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Get_draft_list.html
func (s *DraftBoxService) List(ctx context.Context, offset, count int, noContent bool) (*DraftList, error) {
	body, err := newArticlePageBody(offset, count, noContent)
	if err != nil {
		return nil, err
	}
	return call[DraftList](ctx, s.c, draftBatchGet, nil, body)
}

// All iterates over every draft, fetching pages of pageSize (1 to 20; 0
// means 20) as the loop goes. The first error is yielded and ends the
// iteration.
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Get_draft_list.html
func (s *DraftBoxService) All(ctx context.Context, pageSize int, noContent bool) iter.Seq2[DraftItem, error] {
	return articlePages(ctx, pageSize, func(ctx context.Context, offset, count int) ([]DraftItem, int, error) {
		p, err := s.List(ctx, offset, count, noContent)
		if err != nil {
			return nil, 0, err
		}
		return p.Items, p.TotalCount, nil
	})
}
