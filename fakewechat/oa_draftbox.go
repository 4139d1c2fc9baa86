package fakewechat

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// Official account draft box (草稿箱): drafts are kept per app, newest
// first in lists, with the documented checks (cover thumb must be a live
// material, at most 8 articles, count 1..20).
// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Add_draft.html
func init() { builtin = append(builtin, registerOADraftBox) }

// Errcode and limits of the draft box and publishing endpoints.
const (
	CodeTitleSizeLimit = 45003 // empty or too long title
	oaMaxArticlePage   = 20
	oaDraftStateKey    = "oa.draft"
)

func init() {
	stdMessages[CodeTitleSizeLimit] = "title size out of limit"
}

// oaDraftArticle is a draft or published article as WeChat stores it.
type oaDraftArticle struct {
	ArticleType        string          `json:"article_type,omitempty"`
	Title              string          `json:"title"`
	Author             string          `json:"author"`
	Digest             string          `json:"digest"`
	Content            string          `json:"content"`
	ContentSourceURL   string          `json:"content_source_url"`
	ThumbMediaID       string          `json:"thumb_media_id"`
	NeedOpenComment    int             `json:"need_open_comment"`
	OnlyFansCanComment int             `json:"only_fans_can_comment"`
	PicCrop2351        string          `json:"pic_crop_235_1,omitempty"`
	PicCrop11          string          `json:"pic_crop_1_1,omitempty"`
	ImageInfo          *oaDraftImgInfo `json:"image_info,omitempty"`
	URL                string          `json:"url"`
	IsDeleted          *bool           `json:"is_deleted,omitempty"`
}

type oaDraftImgInfo struct {
	ImageList []struct {
		ImageMediaID string `json:"image_media_id"`
	} `json:"image_list"`
}

type oaDraft struct {
	id       string
	articles []oaDraftArticle
	created  time.Time
	updated  time.Time
}

func (d *oaDraft) news(withContent bool) M {
	items := make([]oaDraftArticle, len(d.articles))
	copy(items, d.articles)
	if !withContent {
		for i := range items {
			items[i].Content = ""
		}
	}
	return M{"news_item": items, "create_time": d.created.Unix(), "update_time": d.updated.Unix()}
}

type oaDraftStore struct {
	mu     sync.Mutex
	open   bool // the draft box switch (draft/switch)
	seq    int
	drafts map[string]*oaDraft
	order  []string // oldest first
}

func oaDrafts(st *State) *oaDraftStore {
	return Value(st, oaDraftStateKey, func() *oaDraftStore { return &oaDraftStore{drafts: map[string]*oaDraft{}} })
}

// checkOADraftArticle applies WeChat's checks to a draft article: title and
// content required, a live image or thumb material as cover for news, the
// images of newspic articles live.
func checkOADraftArticle(r *Request, a *oaDraftArticle) *Error {
	switch {
	case a.Title == "" || len([]rune(a.Title)) > 64:
		return ErrCode(CodeTitleSizeLimit)
	case a.Content == "":
		return ErrCode(CodeEmptyContent)
	}
	switch a.ArticleType {
	case "", "news":
		if !oaMediaExists(r, a.ThumbMediaID, "image", "thumb") {
			return ErrCode(CodeInvalidMediaID)
		}
	case "newspic":
		if a.ImageInfo == nil || len(a.ImageInfo.ImageList) == 0 {
			return ErrCode(CodeEmptyNewsData)
		}
		for _, img := range a.ImageInfo.ImageList {
			if !oaMediaExists(r, img.ImageMediaID, "image") {
				return ErrCode(CodeInvalidMediaID)
			}
		}
	default:
		return ErrCode(CodeInvalidArgs)
	}
	return nil
}

// oaPageArgs decodes and checks {offset,count,no_content} of the batchget
// endpoints.
func oaPageArgs(r *Request) (offset, count int, withContent bool, err error) {
	var in struct {
		Offset    int `json:"offset"`
		Count     int `json:"count"`
		NoContent int `json:"no_content"`
	}
	if err := r.Decode(&in); err != nil {
		return 0, 0, false, err
	}
	if in.Count < 1 || in.Count > oaMaxArticlePage || in.Offset < 0 {
		return 0, 0, false, ErrCode(CodeInvalidArgs)
	}
	return in.Offset, in.Count, in.NoContent != 1, nil
}

// pageNewestFirst returns the ids of ids (oldest first) at offset..offset+count
// in newest-first order.
func pageNewestFirst(ids []string, offset, count int) []string {
	rev := slices.Clone(ids)
	slices.Reverse(rev)
	if offset >= len(rev) {
		return nil
	}
	return rev[offset:min(offset+count, len(rev))]
}

func registerOADraftBox(s *Server) {
	s.HandleJSON("POST /cgi-bin/draft/add", func(r *Request) (any, error) {
		var in struct {
			Articles []oaDraftArticle `json:"articles"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.Articles) == 0 {
			return nil, ErrCode(CodeEmptyNewsData)
		}
		if len(in.Articles) > oaMaxNewsArticles {
			return nil, ErrCode(CodeArticleSizeLimit)
		}
		for i := range in.Articles {
			if err := checkOADraftArticle(r, &in.Articles[i]); err != nil {
				return nil, err
			}
		}
		ds := oaDrafts(r.State())
		ds.mu.Lock()
		defer ds.mu.Unlock()
		ds.seq++
		now := r.Now()
		d := &oaDraft{id: fmt.Sprintf("draft_%x_%06d", now.UnixNano(), ds.seq), articles: in.Articles, created: now, updated: now}
		for i := range d.articles {
			d.articles[i].URL = fmt.Sprintf("http://mp.weixin.qq.com/s?__biz=fake&tempkey=%s_%d", d.id, i+1)
			d.articles[i].IsDeleted = nil
		}
		ds.drafts[d.id] = d
		ds.order = append(ds.order, d.id)
		return OK(M{"media_id": d.id}), nil
	})

	s.HandleJSON("POST /cgi-bin/draft/get", withDraft(func(ds *oaDraftStore, d *oaDraft) (any, error) {
		return OK(d.news(true)), nil
	}))

	s.HandleJSON("POST /cgi-bin/draft/delete", withDraft(func(ds *oaDraftStore, d *oaDraft) (any, error) {
		ds.remove(d.id)
		return nil, nil
	}))

	s.HandleJSON("POST /cgi-bin/draft/update", func(r *Request) (any, error) {
		var in struct {
			MediaID  string          `json:"media_id"`
			Index    *int            `json:"index"`
			Articles *oaDraftArticle `json:"articles"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Articles == nil {
			return nil, ErrCode(CodeEmptyNewsData)
		}
		if err := checkOADraftArticle(r, in.Articles); err != nil {
			return nil, err
		}
		ds := oaDrafts(r.State())
		ds.mu.Lock()
		defer ds.mu.Unlock()
		d := ds.drafts[in.MediaID]
		if d == nil {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		if in.Index == nil || *in.Index < 0 || *in.Index >= len(d.articles) {
			return nil, ErrCode(CodeInvalidIndex)
		}
		a := *in.Articles
		a.URL, a.IsDeleted = d.articles[*in.Index].URL, nil
		d.articles[*in.Index] = a
		d.updated = r.Now()
		return nil, nil
	})

	s.HandleJSON("GET /cgi-bin/draft/count", func(r *Request) (any, error) {
		ds := oaDrafts(r.State())
		ds.mu.Lock()
		defer ds.mu.Unlock()
		return OK(M{"total_count": len(ds.order)}), nil
	})

	// https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Temporary_MP_Switch.html
	s.HandleJSON("POST /cgi-bin/draft/switch", func(r *Request) (any, error) {
		check := r.Query.Get("checkonly")
		if check != "" && check != "1" {
			return nil, Errorf(CodeInvalidArgs, "invalid checkonly")
		}
		ds := oaDrafts(r.State())
		ds.mu.Lock()
		defer ds.mu.Unlock()
		if check == "" {
			ds.open = true
		}
		isOpen := 0
		if ds.open {
			isOpen = 1
		}
		return OK(M{"is_open": isOpen}), nil
	})

	s.HandleJSON("POST /cgi-bin/draft/batchget", func(r *Request) (any, error) {
		offset, count, withContent, err := oaPageArgs(r)
		if err != nil {
			return nil, err
		}
		ds := oaDrafts(r.State())
		ds.mu.Lock()
		defer ds.mu.Unlock()
		items := []M{}
		for _, id := range pageNewestFirst(ds.order, offset, count) {
			d := ds.drafts[id]
			items = append(items, M{"media_id": d.id, "content": d.news(withContent), "update_time": d.updated.Unix()})
		}
		return OK(M{"total_count": len(ds.order), "item_count": len(items), "item": items}), nil
	})
}

// withDraft returns a handler that runs fn with the store locked on the
// draft named by the media_id of the body (40007 when there is none).
func withDraft(fn func(ds *oaDraftStore, d *oaDraft) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		var in struct {
			MediaID string `json:"media_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ds := oaDrafts(r.State())
		ds.mu.Lock()
		defer ds.mu.Unlock()
		d := ds.drafts[in.MediaID]
		if d == nil {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		return fn(ds, d)
	}
}

// remove deletes a draft; call with ds.mu held.
func (ds *oaDraftStore) remove(id string) bool {
	if ds.drafts[id] == nil {
		return false
	}
	delete(ds.drafts, id)
	ds.order = slices.DeleteFunc(ds.order, func(x string) bool { return x == id })
	return true
}

// take returns a copy of a draft's articles; call with ds.mu held.
func (ds *oaDraftStore) take(id string) []oaDraftArticle {
	d := ds.drafts[id]
	if d == nil {
		return nil
	}
	return slices.Clone(d.articles)
}
