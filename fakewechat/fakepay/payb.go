package fakepay

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// stateB keeps what the media, onboarding, complaint, marketing and
// PayScore endpoints need. Its zero value is ready.
type stateB struct {
	mu sync.Mutex

	media map[string][]byte // media id -> content

	complaints   map[string]*complaint
	complaintIDs []string // creation order
	complaintURL string

	stocks      map[string]*cashStock
	stockReqs   map[string]string // out_request_no -> stock id
	coupons     map[string]*cashCoupon
	couponReqs  map[string]string // stock id + out_request_no -> coupon id
	favorNotify string

	serviceOrders        map[string]*serviceOrder
	partnerServiceOrders map[string]*serviceOrder // by sub_mchid/out_order_no
	partnerPermissions   map[string]*partnerPermission

	applyments map[string]*applyment // by business_code
	sensitive  map[string]string     // decrypted sensitive fields, by JSON path
	settlement map[string]map[string]any

	subject subjectState // opening-intention confirmation (apply4subject.go)
}

// route is one endpoint of the fake: a method, a path template with {name}
// segments and its handler.
type route struct {
	method, tmpl string
	h            func(s *Server, c *call)
}

// call is one request being served.
type call struct {
	w      http.ResponseWriter
	r      *http.Request
	body   []byte
	params map[string]string
	json   map[string]any
}

func (c *call) q(k string) string { return c.r.URL.Query().Get(k) }

// str returns the string at a dotted path of the JSON body.
func (c *call) str(p string) string {
	v, _ := lookup(c.json, p).(string)
	return v
}

// num returns the integer at a dotted path of the JSON body.
func (c *call) num(p string) int64 {
	n, _ := lookup(c.json, p).(json.Number)
	i, _ := n.Int64()
	return i
}

func lookup(m map[string]any, p string) any {
	var cur any = m
	for _, k := range strings.Split(p, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = mm[k]
	}
	return cur
}

// match reports whether path p fits template tmpl, returning its params.
func match(tmpl, p string) (map[string]string, bool) {
	ts, ps := strings.Split(tmpl, "/"), strings.Split(p, "/")
	if len(ts) != len(ps) {
		return nil, false
	}
	params := map[string]string{}
	for i, t := range ts {
		if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
			if ps[i] == "" {
				return nil, false
			}
			v, err := url.PathUnescape(ps[i])
			if err != nil {
				return nil, false
			}
			params[t[1:len(t)-1]] = v
			continue
		}
		if t != ps[i] {
			return nil, false
		}
	}
	return params, true
}

// routesB are the endpoints of this file's groups, then the canned ones.
var routesB []route

func init() {
	routesB = append(routesB, applymentRoutes...)
	routesB = append(routesB, complaintRoutes...)
	routesB = append(routesB, cashCouponRoutes...)
	routesB = append(routesB, serviceOrderRoutes...)
	routesB = append(routesB, partnerPayScoreRoutes...)
	for _, cr := range append(cannedRoutes, cannedMore...) {
		routesB = append(routesB, cr.route())
	}
	routesB = append(routesB, sealedRoutes...)
	routes = append(routes, (*Server).serveB)
}

// serveB serves the endpoints of routesB; false when none matches.
func (s *Server) serveB(w http.ResponseWriter, r *http.Request, body []byte) bool {
	p := r.URL.EscapedPath()
	for _, rt := range routesB {
		if rt.method != r.Method {
			continue
		}
		params, ok := match(rt.tmpl, p)
		if !ok {
			continue
		}
		c := &call{w: w, r: r, body: body, params: params}
		if len(body) > 0 {
			dec := json.NewDecoder(bytes.NewReader(body))
			dec.UseNumber()
			if err := dec.Decode(&c.json); err != nil {
				s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "请求体不是合法的JSON对象")
				return true
			}
		}
		rt.h(s, c)
		return true
	}
	return false
}

// bad answers 400 PARAM_ERROR naming the field.
func (s *Server) bad(c *call, field string) {
	s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "参数错误: " + field,
		Detail: map[string]any{"field": field, "location": "body"}})
}

// requireJSON checks that each dotted path of the body is present and not
// empty; it answers PARAM_ERROR and returns false otherwise.
func (s *Server) requireJSON(c *call, paths ...string) bool {
	for _, p := range paths {
		switch v := lookup(c.json, p).(type) {
		case nil:
			s.bad(c, p)
			return false
		case string:
			if v == "" {
				s.bad(c, p)
				return false
			}
		}
	}
	return true
}

// requireQuery checks that each query parameter is present.
func (s *Server) requireQuery(c *call, keys ...string) bool {
	for _, k := range keys {
		if c.q(k) == "" {
			s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "参数错误: " + k,
				Detail: map[string]any{"field": k, "location": "query"}})
			return false
		}
	}
	return true
}

// page cuts items by the limit and offset query parameters (limit
// 1..maxLimit, default def) and answers {data, limit, offset, total_count}.
func (s *Server) page(c *call, items []any, def, maxLimit int, extra map[string]any) {
	limit, offset := def, 0
	if v := c.q("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: fmt.Sprintf("limit 取值范围 [1,%d]", maxLimit)})
			return
		}
		limit = n
	}
	if v := c.q("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "offset 非法"})
			return
		}
		offset = n
	}
	out := map[string]any{"limit": limit, "offset": offset, "total_count": len(items)}
	for k, v := range extra {
		out[k] = v
	}
	end := min(offset+limit, len(items))
	if offset < len(items) {
		out["data"] = items[offset:end]
	} else {
		out["data"] = []any{}
	}
	s.reply(c.w, c.r, http.StatusOK, out)
}

func (s *Server) now3339() string { return s.clock().Format(time.RFC3339) }

// Upload endpoints and their limits, from the upload API pages.
var uploads = map[string]struct {
	max  int64
	exts string
	url  bool // answers media_url instead of media_id
}{
	"/v3/merchant/media/upload":              {5 << 20, ".jpg.jpeg.bmp.png", false},
	"/v3/merchant/media/video_upload":        {5 << 20, ".avi.wmv.mpeg.mp4.mov.mkv.flv.f4v.m4v.rmvb", false},
	"/v3/marketing/favor/media/image-upload": {2 << 20, ".jpg.jpeg.bmp.png", true},
	"/v3/merchant-service/images/upload":     {2 << 20, ".jpg.jpeg.bmp.png", false},
}

// serveUpload serves the multipart uploads: the signature covers the meta
// JSON part only; the file must match meta.sha256, its name an allowed
// extension and the size limit. It reports whether r was an upload.
func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) bool {
	u, ok := uploads[r.URL.Path]
	if !ok || r.Method != http.MethodPost {
		return false
	}
	fail := func(code, msg string) { s.fail(w, r, http.StatusBadRequest, code, msg) }
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		fail("PARAM_ERROR", "Content-Type 必须为 multipart/form-data")
		return true
	}
	mr := multipart.NewReader(io.LimitReader(r.Body, u.max+64<<10), params["boundary"])
	var meta []byte
	var file []byte
	var fileName string
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail("PARAM_ERROR", "multipart 格式错误")
			return true
		}
		switch part.FormName() {
		case "meta":
			meta, _ = io.ReadAll(io.LimitReader(part, 4096))
		case "file":
			if meta == nil {
				fail("PARAM_ERROR", "meta 必须在 file 之前")
				return true
			}
			fileName = part.FileName()
			file, _ = io.ReadAll(io.LimitReader(part, u.max+1))
		}
	}
	if _, err := s.checkAuth(r, meta); err != nil {
		s.fail(w, r, http.StatusUnauthorized, "SIGN_ERROR", "签名错误: "+err.Error())
		return true
	}
	var m struct {
		Filename string `json:"filename"`
		SHA256   string `json:"sha256"`
	}
	if json.Unmarshal(meta, &m) != nil || m.Filename == "" || m.SHA256 == "" {
		fail("PARAM_ERROR", "meta 缺少 filename 或 sha256")
		return true
	}
	ext := strings.ToLower(filepath.Ext(m.Filename))
	if ext == "" || !strings.Contains(u.exts+".", ext+".") {
		fail("PARAM_ERROR", "文件格式不支持: "+ext)
		return true
	}
	if file == nil || fileName == "" {
		fail("PARAM_ERROR", "缺少 file")
		return true
	}
	if int64(len(file)) > u.max {
		fail("PARAM_ERROR", "文件大小超过限制")
		return true
	}
	sum := sha256.Sum256(file)
	if !strings.EqualFold(hex.EncodeToString(sum[:]), m.SHA256) {
		fail("PARAM_ERROR", "sha256 与文件内容不一致")
		return true
	}
	id := strings.ToUpper(hex.EncodeToString(sum[:16])) + ext
	s.b.mu.Lock()
	if s.b.media == nil {
		s.b.media = map[string][]byte{}
	}
	s.b.media[id] = file
	s.b.mu.Unlock()
	if u.url {
		s.reply(w, r, http.StatusOK, map[string]string{"media_url": "https://wxpaylogo.qpic.cn/wxpaylogo/" + id})
		return true
	}
	s.reply(w, r, http.StatusOK, map[string]string{"media_id": id})
	return true
}

// Media returns the content uploaded under mediaID.
func (s *Server) Media(mediaID string) ([]byte, bool) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	b, ok := s.b.media[mediaID]
	return b, ok
}

// encryptForMerchant encrypts a sensitive answer field with the merchant
// certificate (RSA-OAEP, SHA-1), as WeChat Pay does for payer_phone.
func (s *Server) encryptForMerchant(plain string) string {
	ct, err := rsa.EncryptOAEP(sha1.New(), rand.Reader, &s.Keys.Merchant.Key.PublicKey, []byte(plain), nil)
	if err != nil {
		panic(err)
	}
	return base64.StdEncoding.EncodeToString(ct)
}
