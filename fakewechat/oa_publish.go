package fakewechat

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Official account publishing (发布能力): freepublish/submit takes a draft
// out of the draft box and starts a task that stays "publishing" (status 1)
// until the server clock has moved by OAPublishDelay (see Server.Advance),
// then succeeds. Published messages are listed newest first; deleting every
// article of one sets its task to status 5.
// https://developers.weixin.qq.com/doc/offiaccount/Publish/Publish.html
func init() { builtin = append(builtin, registerOAPublish) }

// OAPublishDelay is how long a fake publishing task stays in progress.
const OAPublishDelay = time.Second

// Errcodes of the publishing endpoints.
const (
	CodeInvalidArticleID = 53600
	oaPublishStateKey    = "oa.publish"
	oaFirstPublishID     = 100000001
	oaFirstMsgDataID     = 2247483647
)

func init() { stdMessages[CodeInvalidArticleID] = "Article ID 无效" }

type oaPublished struct {
	publishID string
	articleID string
	msgDataID int64
	articles  []oaDraftArticle
	submitted time.Time
	updated   time.Time
	status    int
}

type oaPublishStore struct {
	mu        sync.Mutex
	seq       int
	jobs      map[string]*oaPublished // by publish_id
	byArticle map[string]*oaPublished // by article_id
	order     []string                // article ids of every task, oldest first
}

func oaPublishes(st *State) *oaPublishStore {
	return Value(st, oaPublishStateKey, func() *oaPublishStore {
		return &oaPublishStore{jobs: map[string]*oaPublished{}, byArticle: map[string]*oaPublished{}}
	})
}

// settle moves a task whose delay is over to success. Call with ps.mu held.
func (ps *oaPublishStore) settle(p *oaPublished, now time.Time) {
	if p.status == 1 && now.Sub(p.submitted) >= OAPublishDelay {
		p.status = 0
	}
}

func (p *oaPublished) news(withContent bool) M {
	items := slices.Clone(p.articles)
	for i := range items {
		del := items[i].IsDeleted != nil && *items[i].IsDeleted
		items[i].IsDeleted = &del
		if !withContent {
			items[i].Content = ""
		}
	}
	return M{"news_item": items, "create_time": p.submitted.Unix(), "update_time": p.updated.Unix()}
}

func decodeArticleID(r *Request) (string, *int, error) {
	var in struct {
		ArticleID string `json:"article_id"`
		Index     *int   `json:"index"`
	}
	if err := r.Decode(&in); err != nil {
		return "", nil, err
	}
	return in.ArticleID, in.Index, nil
}

func registerOAPublish(s *Server) {
	s.HandleJSON("POST /cgi-bin/freepublish/submit", func(r *Request) (any, error) {
		var in struct {
			MediaID string `json:"media_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ds := oaDrafts(r.State())
		ds.mu.Lock()
		articles := ds.take(in.MediaID)
		if articles != nil {
			ds.remove(in.MediaID)
		}
		ds.mu.Unlock()
		if articles == nil {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		ps := oaPublishes(r.State())
		ps.mu.Lock()
		defer ps.mu.Unlock()
		ps.seq++
		now := r.Now()
		p := &oaPublished{
			publishID: strconv.Itoa(oaFirstPublishID + ps.seq - 1),
			articleID: fmt.Sprintf("article_%x_%06d", now.UnixNano(), ps.seq),
			articles:  articles, submitted: now, updated: now, status: 1,
		}
		for i := range p.articles {
			p.articles[i].URL = fmt.Sprintf("http://mp.weixin.qq.com/s?__biz=fake&mid=%s&idx=%d", p.articleID, i+1)
		}
		p.msgDataID = oaRegisterMsgData(r.State(), len(articles), func(i int) bool { return articles[i].NeedOpenComment == 1 })
		ps.jobs[p.publishID] = p
		ps.byArticle[p.articleID] = p
		ps.order = append(ps.order, p.articleID)
		// As the docs show: publish_id a number (int), msg_data_id a string.
		// https://developers.weixin.qq.com/doc/subscription/api/public/api_freepublish_submit.html
		pid, _ := strconv.ParseInt(p.publishID, 10, 64)
		return OK(M{"publish_id": pid, "msg_data_id": strconv.FormatInt(p.msgDataID, 10)}), nil
	})

	s.HandleJSON("POST /cgi-bin/freepublish/get", func(r *Request) (any, error) {
		var in struct {
			PublishID string `json:"publish_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ps := oaPublishes(r.State())
		ps.mu.Lock()
		defer ps.mu.Unlock()
		p := ps.jobs[in.PublishID]
		if p == nil {
			return nil, ErrCode(CodeInvalidArgs)
		}
		ps.settle(p, r.Now())
		out := M{"publish_id": p.publishID, "publish_status": p.status}
		if p.status == 0 {
			items := make([]M, len(p.articles))
			for i, a := range p.articles {
				items[i] = M{"idx": i + 1, "article_url": a.URL}
			}
			out["article_id"] = p.articleID
			out["article_detail"] = M{"count": len(items), "item": items}
			out["fail_idx"] = []int{}
		}
		return OK(out), nil
	})

	// lookup returns a successfully published message.
	lookup := func(r *Request, ps *oaPublishStore, articleID string) *oaPublished {
		if p := ps.byArticle[articleID]; p != nil {
			ps.settle(p, r.Now())
			if p.status == 0 {
				return p
			}
		}
		return nil
	}

	// withArticle runs fn with the store locked on the published message
	// named by the article_id of the body (53600 when there is none).
	withArticle := func(fn func(r *Request, ps *oaPublishStore, p *oaPublished, index *int) (any, error)) JSONHandler {
		return func(r *Request) (any, error) {
			articleID, index, err := decodeArticleID(r)
			if err != nil {
				return nil, err
			}
			ps := oaPublishes(r.State())
			ps.mu.Lock()
			defer ps.mu.Unlock()
			p := lookup(r, ps, articleID)
			if p == nil {
				return nil, ErrCode(CodeInvalidArticleID)
			}
			return fn(r, ps, p, index)
		}
	}

	s.HandleJSON("POST /cgi-bin/freepublish/delete", withArticle(func(r *Request, ps *oaPublishStore, p *oaPublished, index *int) (any, error) {
		idx := 0
		if index != nil {
			idx = *index
		}
		if idx < 0 || idx > len(p.articles) {
			return nil, ErrCode(CodeInvalidIndex)
		}
		yes := true
		for i := range p.articles {
			if idx == 0 || idx == i+1 {
				p.articles[i].IsDeleted = &yes
			}
		}
		p.updated = r.Now()
		if !slices.ContainsFunc(p.articles, func(a oaDraftArticle) bool { return a.IsDeleted == nil }) {
			p.status = 5
			delete(ps.byArticle, p.articleID)
			ps.order = slices.DeleteFunc(ps.order, func(id string) bool { return id == p.articleID })
		}
		return nil, nil
	}))

	s.HandleJSON("POST /cgi-bin/freepublish/getarticle", withArticle(func(_ *Request, _ *oaPublishStore, p *oaPublished, _ *int) (any, error) {
		return OK(p.news(true)), nil
	}))

	s.HandleJSON("POST /cgi-bin/freepublish/batchget", func(r *Request) (any, error) {
		offset, count, withContent, err := oaPageArgs(r)
		if err != nil {
			return nil, err
		}
		ps := oaPublishes(r.State())
		ps.mu.Lock()
		defer ps.mu.Unlock()
		var published []string
		for _, id := range ps.order {
			if p := lookup(r, ps, id); p != nil {
				published = append(published, id)
			}
		}
		items := []M{}
		for _, id := range pageNewestFirst(published, offset, count) {
			p := ps.byArticle[id]
			items = append(items, M{"article_id": id, "content": p.news(withContent), "update_time": p.updated.Unix()})
		}
		return OK(M{"total_count": len(published), "item_count": len(items), "item": items}), nil
	})
}

// oaMsgData is a message sent to followers (published, or mass sent as
// news), whose articles can take comments.
type oaMsgData struct {
	commentOpen []bool // per article
}

type oaMsgDataStore struct {
	mu       sync.Mutex
	next     int64
	msgs     map[int64]*oaMsgData
	comments *oaCommentStore // see oa_comment.go
}

func oaMsgDatas(st *State) *oaMsgDataStore {
	return Value(st, "oa.msgdata", func() *oaMsgDataStore {
		return &oaMsgDataStore{next: oaFirstMsgDataID, msgs: map[int64]*oaMsgData{}}
	})
}

// oaRegisterMsgData records a message of n articles and returns its
// msg_data_id; open tells whether comments of article i are open.
func oaRegisterMsgData(st *State, n int, open func(i int) bool) int64 {
	ms := oaMsgDatas(st)
	ms.mu.Lock()
	defer ms.mu.Unlock()
	id := ms.next
	ms.next++
	m := &oaMsgData{commentOpen: make([]bool, n)}
	for i := range n {
		m.commentOpen[i] = open(i)
	}
	ms.msgs[id] = m
	return id
}
