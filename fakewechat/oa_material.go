package fakewechat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Official account media and material (素材管理): temporary media
// (media/upload, media/get, expiring after 3 days), images for articles
// (media/uploadimg), mass-send news and videos (media/uploadnews,
// media/uploadvideo) and permanent material (material/*). Uploaded bytes are
// kept and served back unchanged; a video's video_url and down_url are
// served by the fake itself under /mmbiz/video/.
func init() { builtin = append(builtin, registerOAMaterial) }

// Limits of the fake, as documented by WeChat.
const (
	oaTempMediaTTL      = 72 * time.Hour
	oaMaxNewsArticles   = 8
	oaMaxMaterialPage   = 20
	oaMaterialStateKey  = "oa.material"
	oaMaterialVideoPath = "/mmbiz/video/"
)

// Errcodes of the media and material endpoints.
const (
	CodeInvalidMediaType = 40004
	CodeInvalidFileType  = 40005
	CodeInvalidMediaID   = 40007
	CodeInvalidImageSize = 40009
	CodeInvalidVoiceSize = 40010
	CodeInvalidVideoSize = 40011
	CodeInvalidThumbSize = 40012
	CodeInvalidIndex     = 40114
	CodeMediaDataMissing = 41005
	CodeEmptyNewsData    = 44003
	CodeEmptyContent     = 44004
	CodeArticleSizeLimit = 45008
)

func init() {
	stdMessages[CodeInvalidMediaType] = "invalid media type"
	stdMessages[CodeInvalidFileType] = "invalid file type"
	stdMessages[CodeInvalidImageSize] = "invalid image size"
	stdMessages[CodeInvalidVoiceSize] = "invalid voice size"
	stdMessages[CodeInvalidVideoSize] = "invalid video size"
	stdMessages[CodeInvalidThumbSize] = "invalid thumb size"
	stdMessages[CodeInvalidIndex] = "invalid index value"
	stdMessages[CodeMediaDataMissing] = "media data missing"
	stdMessages[CodeEmptyNewsData] = "empty news data"
	stdMessages[CodeEmptyContent] = "empty content"
	stdMessages[CodeArticleSizeLimit] = "article size out of limit"
}

// oaMediaRule is what WeChat accepts for one media type.
type oaMediaRule struct {
	exts    []string
	maxSize int
	sizeErr int
}

var oaMediaRules = map[string]oaMediaRule{
	"image": {[]string{".jpg", ".jpeg", ".png", ".gif", ".bmp"}, 10 << 20, CodeInvalidImageSize},
	"voice": {[]string{".mp3", ".wma", ".wav", ".amr", ".speex"}, 2 << 20, CodeInvalidVoiceSize},
	"video": {[]string{".mp4"}, 10 << 20, CodeInvalidVideoSize},
	"thumb": {[]string{".jpg", ".jpeg"}, 64 << 10, CodeInvalidThumbSize},
}

// oaMedia is one stored media or material.
type oaMedia struct {
	id        string
	typ       string // image, voice, video, thumb, news
	filename  string
	data      []byte
	created   time.Time
	updated   time.Time
	permanent bool
	title     string // videos
	intro     string // videos
	articles  []oaArticle
}

// oaArticle is an article of a news material, as WeChat stores it.
type oaArticle struct {
	Title              string `json:"title"`
	ThumbMediaID       string `json:"thumb_media_id"`
	ShowCoverPic       int    `json:"show_cover_pic"`
	Author             string `json:"author"`
	Digest             string `json:"digest"`
	Content            string `json:"content"`
	URL                string `json:"url"`
	ContentSourceURL   string `json:"content_source_url"`
	NeedOpenComment    int    `json:"need_open_comment,omitempty"`
	OnlyFansCanComment int    `json:"only_fans_can_comment,omitempty"`
}

type oaMaterialStore struct {
	mu    sync.Mutex
	seq   int
	media map[string]*oaMedia // temporary and permanent, by id
	order []string            // permanent ids, oldest first
}

func oaMaterials(st *State) *oaMaterialStore {
	return Value(st, oaMaterialStateKey, func() *oaMaterialStore {
		return &oaMaterialStore{media: map[string]*oaMedia{}}
	})
}

// newID returns a fresh media_id: 64 characters for temporary media, 43
// for permanent material, as WeChat does. Call with ms.mu held.
func (ms *oaMaterialStore) newID(permanent bool, now time.Time) string {
	ms.seq++
	id := fmt.Sprintf("%x_%08d_%x", now.UnixNano(), ms.seq, ms.seq*7919)
	n := 64
	if permanent {
		n = 43
	}
	for len(id) < n {
		id += "M"
	}
	return id[:n]
}

// lookup returns a live media: a temporary one younger than 3 days, or a
// permanent one. Call with ms.mu held.
func (ms *oaMaterialStore) lookup(id string, now time.Time) *oaMedia {
	m := ms.media[id]
	if m == nil || (!m.permanent && now.Sub(m.created) > oaTempMediaTTL) {
		return nil
	}
	return m
}

// add stores m under a fresh id with the current time. Call with ms.mu held.
func (ms *oaMaterialStore) add(m *oaMedia, now time.Time) *oaMedia {
	m.id, m.created, m.updated = ms.newID(m.permanent, now), now, now
	ms.media[m.id] = m
	if m.permanent {
		ms.order = append(ms.order, m.id)
	}
	return m
}

// oaMediaExists reports whether media_id names live media or material of one
// of types (any type when none is given). Other fakes (customer-service
// messages) use it to reject unknown media with 40007.
func oaMediaExists(r *Request, mediaID string, types ...string) bool {
	ms := oaMaterials(r.State())
	ms.mu.Lock()
	defer ms.mu.Unlock()
	m := ms.lookup(mediaID, r.Now())
	if m == nil {
		return false
	}
	if len(types) == 0 {
		return true
	}
	for _, t := range types {
		if m.typ == t {
			return true
		}
	}
	return false
}

// oaUpload is a parsed multipart upload.
type oaUpload struct {
	filename string
	data     []byte
	fields   map[string]string
}

// parseOAUpload reads the "media" file part and the other form fields.
func parseOAUpload(r *Request) (*oaUpload, *Error) {
	mt, params, err := mime.ParseMediaType(r.HTTP.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return nil, ErrCode(CodeMediaDataMissing)
	}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	up := &oaUpload{fields: map[string]string{}}
	found := false
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		if p.FormName() == "media" && p.FileName() != "" {
			up.filename, up.data, found = p.FileName(), data, true
			continue
		}
		up.fields[p.FormName()] = string(data)
	}
	if !found || len(up.data) == 0 {
		return nil, ErrCode(CodeMediaDataMissing)
	}
	return up, nil
}

// readOAUpload parses an upload and checks its file against the rule of typ.
func readOAUpload(r *Request, typ string) (*oaUpload, *Error) {
	up, e := parseOAUpload(r)
	if e == nil {
		e = checkOAFile(typ, up)
	}
	return up, e
}

// checkOAFile validates the file of an upload against the rule of typ.
func checkOAFile(typ string, up *oaUpload) *Error {
	rule, ok := oaMediaRules[typ]
	if !ok {
		return ErrCode(CodeInvalidMediaType)
	}
	ext := strings.ToLower(path.Ext(up.filename))
	okExt := false
	for _, e := range rule.exts {
		okExt = okExt || e == ext
	}
	if !okExt {
		return ErrCode(CodeInvalidFileType)
	}
	if len(up.data) > rule.maxSize {
		return ErrCode(rule.sizeErr)
	}
	return nil
}

func oaContentType(filename string) string {
	if ct := mime.TypeByExtension(strings.ToLower(path.Ext(filename))); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

// serveOAFile writes stored bytes as WeChat serves media files.
func serveOAFile(w http.ResponseWriter, m *oaMedia) {
	h := w.Header()
	h.Set("Content-Type", oaContentType(m.filename))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": m.filename}))
	h.Set("Content-Length", strconv.Itoa(len(m.data)))
	w.WriteHeader(http.StatusOK)
	w.Write(m.data) //nolint:errcheck // client gone
}

func oaVideoURL(r *Request, id string) string {
	return "http://" + r.HTTP.Host + oaMaterialVideoPath + id
}

func (m *oaMedia) newsJSON() M {
	return M{"news_item": m.articles, "create_time": m.created.Unix(), "update_time": m.updated.Unix()}
}

// decodeOAArticles validates news articles: at least one, at most 8, each
// with a title, content and a live thumb.
func decodeOAArticles(r *Request, ms *oaMaterialStore, articles []oaArticle) *Error {
	if len(articles) == 0 {
		return ErrCode(CodeEmptyNewsData)
	}
	if len(articles) > oaMaxNewsArticles {
		return ErrCode(CodeArticleSizeLimit)
	}
	for _, a := range articles {
		if err := checkOAArticle(r, ms, a); err != nil {
			return err
		}
	}
	return nil
}

func checkOAArticle(r *Request, ms *oaMaterialStore, a oaArticle) *Error {
	if a.Title == "" {
		return Errorf(CodeEmptyNewsData, "empty news data: article title")
	}
	if a.Content == "" {
		return ErrCode(CodeEmptyContent)
	}
	if th := ms.lookup(a.ThumbMediaID, r.Now()); th == nil || (th.typ != "thumb" && th.typ != "image") {
		return ErrCode(CodeInvalidMediaID)
	}
	return nil
}

// oaNewsHandler adds news: temporary news for mass sending (uploadnews) or a
// permanent news material (add_news).
func oaNewsHandler(permanent bool) JSONHandler {
	return func(r *Request) (any, error) {
		var req struct {
			Articles []oaArticle `json:"articles"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		if e := decodeOAArticles(r, ms, req.Articles); e != nil {
			return nil, e
		}
		now := r.Now()
		m := ms.add(&oaMedia{typ: "news", permanent: permanent, articles: req.Articles}, now)
		if !permanent {
			return M{"type": "news", "media_id": m.id, "created_at": now.Unix()}, nil
		}
		for i := range m.articles {
			m.articles[i].URL = "http://mp.weixin.qq.com/s?__biz=fake&mid=" + m.id + "&idx=" + strconv.Itoa(i+1)
		}
		return M{"media_id": m.id}, nil
	}
}

func registerOAMaterial(s *Server) {
	// Temporary media.
	s.HandleRaw("POST /cgi-bin/media/upload", func(w http.ResponseWriter, r *Request) {
		typ := r.Query.Get("type")
		up, e := readOAUpload(r, typ)
		if e != nil {
			s.WriteError(w, r.HTTP, e)
			return
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		now := r.Now()
		m := ms.add(&oaMedia{typ: typ, filename: up.filename, data: up.data}, now)
		ms.mu.Unlock()
		idKey := "media_id"
		if typ == "thumb" {
			idKey = "thumb_media_id"
		}
		WriteJSON(w, http.StatusOK, M{"type": typ, idKey: m.id, "created_at": now.Unix()})
	})
	s.HandleRaw("GET /cgi-bin/media/get", func(w http.ResponseWriter, r *Request) {
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		m := ms.lookup(r.Query.Get("media_id"), r.Now())
		ms.mu.Unlock()
		switch {
		case m == nil || m.permanent || m.typ == "news":
			s.WriteError(w, r.HTTP, ErrCode(CodeInvalidMediaID))
		case m.typ == "video":
			WriteJSON(w, http.StatusOK, M{"video_url": oaVideoURL(r, m.id)})
		default:
			serveOAFile(w, m)
		}
	})
	// Video downloads behind video_url and down_url: public, like the CDN.
	s.HandleRaw("GET "+oaMaterialVideoPath+"*", func(w http.ResponseWriter, r *Request) {
		id := strings.TrimPrefix(r.HTTP.URL.Path, oaMaterialVideoPath)
		var found *oaMedia
		s.states.Range(func(_, v any) bool {
			ms := oaMaterials(v.(*State))
			ms.mu.Lock()
			if m := ms.lookup(id, r.Now()); m != nil && m.typ == "video" {
				found = m
			}
			ms.mu.Unlock()
			return found == nil
		})
		if found == nil {
			http.NotFound(w, r.HTTP)
			return
		}
		serveOAFile(w, found)
	}, Public())
	s.HandleRaw("POST /cgi-bin/media/uploadimg", func(w http.ResponseWriter, r *Request) {
		up, e := parseOAUpload(r)
		if e == nil {
			if ext := strings.ToLower(path.Ext(up.filename)); ext != ".jpg" && ext != ".jpeg" && ext != ".png" {
				e = ErrCode(CodeInvalidFileType)
			} else if len(up.data) > 1<<20 {
				e = ErrCode(CodeInvalidImageSize)
			}
		}
		if e != nil {
			s.WriteError(w, r.HTTP, e)
			return
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		id := ms.newID(true, r.Now())
		ms.mu.Unlock()
		ext := strings.TrimPrefix(strings.ToLower(path.Ext(up.filename)), ".")
		WriteJSON(w, http.StatusOK, M{"url": "http://mmbiz.qpic.cn/mmbiz_" + ext + "/" + id + "/0"})
	})
	s.HandleJSON("POST /cgi-bin/media/uploadnews", oaNewsHandler(false))
	s.HandleJSON("POST /cgi-bin/media/uploadvideo", func(r *Request) (any, error) {
		var req struct {
			MediaID     string `json:"media_id"`
			Title       string `json:"title"`
			Description string `json:"description"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		now := r.Now()
		src := ms.lookup(req.MediaID, now)
		if src == nil || src.permanent || src.typ != "video" {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		m := ms.add(&oaMedia{typ: "video", filename: src.filename, data: src.data, title: req.Title, intro: req.Description}, now)
		return M{"type": "video", "media_id": m.id, "created_at": now.Unix()}, nil
	})

	// Permanent material.
	s.HandleRaw("POST /cgi-bin/material/add_material", func(w http.ResponseWriter, r *Request) {
		typ := r.Query.Get("type")
		up, e := readOAUpload(r, typ)
		var desc struct {
			Title        string `json:"title"`
			Introduction string `json:"introduction"`
		}
		if e == nil && typ == "video" {
			if json.Unmarshal([]byte(up.fields["description"]), &desc) != nil || desc.Title == "" {
				e = Errorf(CodeInvalidArgs, "invalid args: video description needs a title")
			}
		}
		if e != nil {
			s.WriteError(w, r.HTTP, e)
			return
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		now := r.Now()
		m := ms.add(&oaMedia{typ: typ, filename: up.filename, data: up.data, permanent: true, title: desc.Title, intro: desc.Introduction}, now)
		ms.mu.Unlock()
		out := M{"media_id": m.id}
		if typ == "image" {
			out["url"] = "http://mmbiz.qpic.cn/mmbiz/" + m.id + "/0"
		}
		WriteJSON(w, http.StatusOK, out)
	})
	s.HandleJSON("POST /cgi-bin/material/add_news", oaNewsHandler(true))
	s.HandleJSON("POST /cgi-bin/material/update_news", func(r *Request) (any, error) {
		var req struct {
			MediaID  string     `json:"media_id"`
			Index    *int       `json:"index"`
			Articles *oaArticle `json:"articles"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		m := ms.lookup(req.MediaID, r.Now())
		if m == nil || !m.permanent || m.typ != "news" {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		if req.Index == nil || *req.Index < 0 || *req.Index >= len(m.articles) {
			return nil, ErrCode(CodeInvalidIndex)
		}
		if req.Articles == nil {
			return nil, ErrCode(CodeEmptyNewsData)
		}
		if e := checkOAArticle(r, ms, *req.Articles); e != nil {
			return nil, e
		}
		a := *req.Articles
		old := m.articles[*req.Index]
		a.URL, a.NeedOpenComment, a.OnlyFansCanComment = old.URL, old.NeedOpenComment, old.OnlyFansCanComment
		m.articles[*req.Index] = a
		m.updated = r.Now()
		return nil, nil
	})
	s.HandleRaw("POST /cgi-bin/material/get_material", func(w http.ResponseWriter, r *Request) {
		var req struct {
			MediaID string `json:"media_id"`
		}
		if err := r.Decode(&req); err != nil {
			s.WriteError(w, r.HTTP, err.(*Error))
			return
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		m := ms.lookup(req.MediaID, r.Now())
		var news json.RawMessage
		if m != nil && m.typ == "news" {
			news, _ = json.Marshal(m.newsJSON()) // under the lock: articles may be updated
		}
		ms.mu.Unlock()
		switch {
		case m == nil || !m.permanent:
			s.WriteError(w, r.HTTP, ErrCode(CodeInvalidMediaID))
		case m.typ == "news":
			WriteJSON(w, http.StatusOK, news)
		case m.typ == "video":
			WriteJSON(w, http.StatusOK, M{"title": m.title, "description": m.intro, "down_url": oaVideoURL(r, m.id)})
		default:
			serveOAFile(w, m)
		}
	})
	s.HandleJSON("POST /cgi-bin/material/del_material", func(r *Request) (any, error) {
		var req struct {
			MediaID string `json:"media_id"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		if m := ms.media[req.MediaID]; m == nil || !m.permanent {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		delete(ms.media, req.MediaID)
		for i, id := range ms.order {
			if id == req.MediaID {
				ms.order = append(ms.order[:i], ms.order[i+1:]...)
				break
			}
		}
		return nil, nil
	})
	s.HandleJSON("GET /cgi-bin/material/get_materialcount", func(r *Request) (any, error) {
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		n := map[string]int{}
		for _, id := range ms.order {
			n[ms.media[id].typ]++
		}
		return M{"voice_count": n["voice"], "video_count": n["video"], "image_count": n["image"], "news_count": n["news"]}, nil
	})
	s.HandleJSON("POST /cgi-bin/material/batchget_material", func(r *Request) (any, error) {
		var req struct {
			Type   string `json:"type"`
			Offset int    `json:"offset"`
			Count  int    `json:"count"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		switch req.Type {
		case "image", "video", "voice", "news":
		default:
			return nil, ErrCode(CodeInvalidMediaType)
		}
		if req.Count < 1 || req.Count > oaMaxMaterialPage || req.Offset < 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: offset %d count %d", req.Offset, req.Count)
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		var all []*oaMedia
		for _, id := range ms.order {
			if m := ms.media[id]; m.typ == req.Type {
				all = append(all, m)
			}
		}
		// Newest first, as the WeChat console lists them.
		for i, j := 0, len(all)-1; i < j; i, j = i+1, j-1 {
			all[i], all[j] = all[j], all[i]
		}
		items := []M{}
		for i := req.Offset; i < len(all) && len(items) < req.Count; i++ {
			m := all[i]
			it := M{"media_id": m.id, "update_time": m.updated.Unix()}
			if m.typ == "news" {
				it["content"] = m.newsJSON()
			} else {
				it["name"] = m.filename
				if m.typ == "image" {
					it["url"] = "http://mmbiz.qpic.cn/mmbiz/" + m.id + "/0"
				}
			}
			items = append(items, it)
		}
		// Marshal under the lock: items share the stored articles.
		b, err := json.Marshal(M{"total_count": len(all), "item_count": len(items), "item": items})
		if err != nil {
			return nil, err
		}
		return json.RawMessage(b), nil
	})
}
