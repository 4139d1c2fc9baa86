package fakewechat

import (
	"fmt"
	"mime"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// CodeWeComInvalidFileSize is WeCom's errcode for a file too small or large.
const CodeWeComInvalidFileSize = 40006

func init() {
	stdMessages[CodeWeComInvalidFileSize] = "invalid file size"
	builtin = append(builtin, registerWeComMaterial)
}

// wecomMediaRules are the documented limits of WeCom temporary media; every
// file must hold more than 5 bytes.
var wecomMediaRules = map[string]struct {
	exts []string // nil: any
	max  int
}{
	"image": {[]string{".jpg", ".jpeg", ".png"}, 10 << 20},
	"voice": {[]string{".amr"}, 2 << 20},
	"video": {[]string{".mp4"}, 10 << 20},
	"file":  {nil, 20 << 20},
}

type wecomMedia struct {
	typ      string
	filename string
	data     []byte
	created  time.Time
}

type wecomMediaStore struct {
	mu    sync.Mutex
	seq   int
	media map[string]*wecomMedia
	jobs  map[string]string // upload_by_url jobid -> media id
}

func (s *Server) wecomMedia(r *Request) *wecomMediaStore {
	corp, _ := wecomCaller(r)
	return Value(s.State(corp), "wecom.media", func() *wecomMediaStore {
		return &wecomMediaStore{media: map[string]*wecomMedia{}, jobs: map[string]string{}}
	})
}

func (ms *wecomMediaStore) add(m *wecomMedia) string {
	ms.seq++
	id := fmt.Sprintf("3wFAKE%s%06d", m.typ, ms.seq)
	ms.media[id] = m
	return id
}

// AddWeComMedia stores a temporary media of corp, as if uploaded, and
// returns its media_id.
func (s *Server) AddWeComMedia(corp, typ, filename string, data []byte) string {
	ms := s.wecomMedia(&Request{AppID: corp + "/0"})
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.add(&wecomMedia{typ: typ, filename: filename, data: data, created: s.Now()})
}

// lookup returns a media not yet expired (3 days).
func (ms *wecomMediaStore) lookup(id string, now time.Time) *wecomMedia {
	m := ms.media[id]
	if m == nil || now.Sub(m.created) > 72*time.Hour {
		return nil
	}
	return m
}

// wecomMediaExists reports whether media id of the caller's corp exists.
func wecomMediaExists(r *Request, id string) bool {
	ms := r.Server.wecomMedia(r)
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.lookup(id, r.Now()) != nil
}

func checkWeComFile(typ, filename string, size int) *Error {
	rule, ok := wecomMediaRules[typ]
	if !ok {
		return ErrCode(CodeInvalidMediaType)
	}
	if rule.exts != nil && !slices.Contains(rule.exts, strings.ToLower(path.Ext(filename))) {
		return ErrCode(CodeInvalidFileType)
	}
	if size <= 5 || size > rule.max {
		return ErrCode(CodeWeComInvalidFileSize)
	}
	return nil
}

// storeWeComUpload checks the multipart file "media" of r against the rules
// of typ and keeps it as a temporary media of the caller's corp.
func storeWeComUpload(r *Request, typ string) (*wecomMedia, string, *Error) {
	up, e := parseOAUpload(r)
	if e != nil {
		return nil, "", e
	}
	if e := checkWeComFile(typ, up.filename, len(up.data)); e != nil {
		return nil, "", e
	}
	ms := r.Server.wecomMedia(r)
	ms.mu.Lock()
	defer ms.mu.Unlock()
	m := &wecomMedia{typ: typ, filename: up.filename, data: up.data, created: r.Now()}
	return m, ms.add(m), nil
}

func registerWeComMaterial(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90253
	s.HandleJSON(WeComPath("POST /cgi-bin/media/upload"), func(r *Request) (any, error) {
		typ := r.Query.Get("type")
		if _, ok := wecomMediaRules[typ]; !ok {
			return nil, ErrCode(CodeInvalidMediaType)
		}
		m, id, e := storeWeComUpload(r, typ)
		if e != nil {
			return nil, e
		}
		return OK(M{"type": typ, "media_id": id, "created_at": strconv.FormatInt(m.created.Unix(), 10)}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/90256
	s.HandleJSON(WeComPath("POST /cgi-bin/media/uploadimg"), func(r *Request) (any, error) {
		up, e := parseOAUpload(r)
		if e != nil {
			return nil, e
		}
		if e := checkWeComFile("image", up.filename, len(up.data)); e != nil {
			return nil, e
		}
		if len(up.data) > 2<<20 {
			return nil, ErrCode(CodeWeComInvalidFileSize)
		}
		ms := r.Server.wecomMedia(r)
		ms.mu.Lock()
		defer ms.mu.Unlock()
		id := ms.add(&wecomMedia{typ: "image", filename: up.filename, data: up.data, created: r.Now()})
		return OK(M{"url": "http://" + r.HTTP.Host + WeComPrefix + "/wwpic/" + id}), nil
	})
	serve := func(voiceOnly bool) RawHandler {
		return func(w http.ResponseWriter, r *Request) {
			ms := r.Server.wecomMedia(r)
			ms.mu.Lock()
			m := ms.lookup(r.Query.Get("media_id"), r.Now())
			ms.mu.Unlock()
			if m == nil || voiceOnly && m.typ != "voice" {
				r.Server.WriteError(w, r.HTTP, ErrCode(CodeInvalidMediaID))
				return
			}
			h := w.Header()
			ct := oaContentType(m.filename)
			if voiceOnly {
				ct = "audio/speex"
			}
			h.Set("Content-Type", ct)
			h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": m.filename}))
			h.Set("Content-Length", strconv.Itoa(len(m.data)))
			w.WriteHeader(http.StatusOK)
			w.Write(m.data) //nolint:errcheck // client gone
		}
	}
	// https://developer.work.weixin.qq.com/document/path/90254
	s.HandleRaw(WeComPath("GET /cgi-bin/media/get"), serve(false))
	// https://developer.work.weixin.qq.com/document/path/90255
	s.HandleRaw(WeComPath("GET /cgi-bin/media/get/jssdk"), serve(true))

	// https://developer.work.weixin.qq.com/document/path/96219
	// The fake does not fetch the URL: the job is done at once with an
	// empty media.
	s.HandleJSON(WeComPath("POST /cgi-bin/media/upload_by_url"), func(r *Request) (any, error) {
		var in struct {
			Scene    int    `json:"scene"`
			Type     string `json:"type"`
			Filename string `json:"filename"`
			URL      string `json:"url"`
			MD5      string `json:"md5"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Scene != 1 || in.Type != "video" && in.Type != "file" || in.Filename == "" || len(in.MD5) != 32 ||
			!strings.HasPrefix(in.URL, "http://") && !strings.HasPrefix(in.URL, "https://") {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		ms := r.Server.wecomMedia(r)
		ms.mu.Lock()
		defer ms.mu.Unlock()
		id := ms.add(&wecomMedia{typ: in.Type, filename: in.Filename, created: r.Now()})
		job := "job" + id
		ms.jobs[job] = id
		return OK(M{"jobid": job}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/media/get_upload_by_url_result"), func(r *Request) (any, error) {
		var in struct {
			JobID string `json:"jobid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ms := r.Server.wecomMedia(r)
		ms.mu.Lock()
		defer ms.mu.Unlock()
		id, ok := ms.jobs[in.JobID]
		if !ok {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		m := ms.media[id]
		return OK(M{"status": 2, "detail": M{"errcode": 0, "errmsg": "ok", "media_id": id, "created_at": strconv.FormatInt(m.created.Unix(), 10)}}), nil
	})
}
