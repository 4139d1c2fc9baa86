package wechat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Auth says which credential an endpoint takes.
type Auth uint8

const (
	// AuthAccessToken adds access_token to the query (the default).
	AuthAccessToken Auth = iota
	// AuthNone sends no token (token endpoints, code2session with appsecret, ...).
	AuthNone
)

// Endpoint describes one WeChat API endpoint. Product packages declare one
// per API and pass it to Do, Stream or Upload. Path is relative to the
// client's base URL, or an absolute URL for resources WeChat serves from
// other hosts (QR code images, video download URLs), usually with AuthNone.
type Endpoint struct {
	Method string
	Path   string
	Auth   Auth
	// TokenParam is the query parameter that carries the token:
	// "access_token" when empty; "component_access_token" for third-party
	// platform endpoints.
	TokenParam string
}

// maxJSONResponse bounds a JSON response read into memory.
const maxJSONResponse = 32 << 20

// HTTPError is a non-2xx HTTP answer that carries no WeChat errcode.
type HTTPError struct {
	StatusCode int
	Method     string
	Path       string
}

func (e *HTTPError) Error() string {
	return "wechat: " + e.Method + " " + e.Path + ": HTTP " + strconv.Itoa(e.StatusCode)
}

// Do calls ep: body (if not nil) is sent as JSON, the access token is added
// as WeChat expects, an errcode becomes an *APIError, and the JSON response
// is decoded into out (if not nil). An answer with a non-zero errcode is
// decoded into out as well, beside the *APIError, since some carry results
// (the failed items of a batch). A rejected token is refreshed and the
// call retried once.
func (c *Client) Do(ctx context.Context, ep Endpoint, query url.Values, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = encodeJSON(body); err != nil {
			return fmt.Errorf("wechat: encode %s %s: %w", ep.Method, ep.Path, err)
		}
	}
	return c.roundTrip(ctx, ep, query, payload, nil, func(resp *http.Response) error {
		return c.decodeResponse(ep, resp, out)
	})
}

// Call reaches any endpoint by method and path, with the access token, for
// APIs the SDK does not wrap yet. out may be a struct, a map or *json.RawMessage.
func (c *Client) Call(ctx context.Context, method, path string, query url.Values, body, out any) error {
	return c.Do(ctx, Endpoint{Method: method, Path: path}, query, body, out)
}

// Download is a streamed binary response. The caller must Close it.
type Download struct {
	io.ReadCloser
	ContentType string
	// Filename is taken from Content-Disposition when WeChat sends one.
	Filename string
	// Length is the Content-Length, or -1 if unknown.
	Length int64
}

// Stream calls ep and returns the response body as a stream, for media and
// image downloads. If WeChat answers a JSON error in place of the binary it
// is returned as an *APIError; a JSON answer without error (for example a
// video's download URL) is returned as a Download of type application/json.
func (c *Client) Stream(ctx context.Context, ep Endpoint, query url.Values, body any) (*Download, error) {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = encodeJSON(body); err != nil {
			return nil, fmt.Errorf("wechat: encode %s %s: %w", ep.Method, ep.Path, err)
		}
	}
	var dl *Download
	err := c.roundTrip(ctx, ep, query, payload, nil, func(resp *http.Response) error {
		ct := resp.Header.Get("Content-Type")
		if isJSONish(ct) || resp.StatusCode/100 != 2 {
			data, err := readLimited(resp.Body, maxJSONResponse)
			resp.Body.Close()
			if err != nil {
				return fmt.Errorf("wechat: read %s %s: %w", ep.Method, ep.Path, err)
			}
			if err := checkErrcode(ep, resp.StatusCode, data); err != nil {
				return err
			}
			dl = &Download{ReadCloser: io.NopCloser(bytes.NewReader(data)), ContentType: ct, Length: int64(len(data))}
			return nil
		}
		dl = &Download{ReadCloser: resp.Body, ContentType: ct, Length: resp.ContentLength}
		if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil {
			dl.Filename = params["filename"]
		}
		return nil
	})
	return dl, err
}

// UploadFile is one file part of a multipart upload.
type UploadFile struct {
	Field    string // form field name, usually "media"
	Filename string
	Content  io.Reader
}

// Upload sends a multipart/form-data request with file and the extra form
// fields, streaming the file, and decodes the JSON answer into out. The call
// is retried (after a token refresh or a connection failure) only when
// file.Content is an io.Seeker.
func (c *Client) Upload(ctx context.Context, ep Endpoint, query url.Values, file UploadFile, fields map[string]string, out any) error {
	if err := file.Check(); err != nil {
		return err
	}
	seeker, _ := file.Content.(io.Seeker)
	var start int64
	if seeker != nil {
		var err error
		if start, err = seeker.Seek(0, io.SeekCurrent); err != nil {
			seeker = nil
		}
	}
	used := false
	mk := func() (io.Reader, string, bool) {
		if used {
			if seeker == nil {
				return nil, "", false
			}
			if _, err := seeker.Seek(start, io.SeekStart); err != nil {
				return nil, "", false
			}
		}
		used = true
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() {
			err := writeMultipart(mw, file, fields)
			if err == nil {
				err = mw.Close()
			}
			pw.CloseWithError(err)
		}()
		return pr, mw.FormDataContentType(), true
	}
	return c.roundTrip(ctx, ep, query, nil, mk, func(resp *http.Response) error {
		return c.decodeResponse(ep, resp, out)
	})
}

// Check reports an *ArgumentError, before anything is sent, when the file
// has no name (WeChat takes the format from its extension) or no content.
func (f UploadFile) Check() error {
	field := f.Field
	if field == "" {
		field = "media"
	}
	if f.Filename == "" {
		return &ArgumentError{Pkg: "wechat", Arg: field, Reason: "a filename with an extension is required"}
	}
	if f.Content == nil {
		return &ArgumentError{Pkg: "wechat", Arg: field, Reason: "nil content"}
	}
	return nil
}

func writeMultipart(mw *multipart.Writer, file UploadFile, fields map[string]string) error {
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			return err
		}
	}
	field := file.Field
	if field == "" {
		field = "media"
	}
	w, err := mw.CreateFormFile(field, file.Filename)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, file.Content)
	return err
}

// bodyFunc returns a fresh request body and its content type, or ok=false
// when the body cannot be sent again.
type bodyFunc func() (r io.Reader, contentType string, ok bool)

const jsonContentType = "application/json; charset=utf-8"

// roundTrip is the one request path: token, URL, send, retries, and handing
// the response to handle, which turns it into a result or an error. The
// request body is payload (JSON, nil for none) or, if mk is not nil, what mk
// makes for each attempt.
func (c *Client) roundTrip(ctx context.Context, ep Endpoint, query url.Values, payload []byte, mk bodyFunc, handle func(*http.Response) error) error {
	tokenRetried := false
	for attempt := 0; ; attempt++ {
		var tok string
		if ep.Auth == AuthAccessToken {
			var err error
			if tok, err = c.tokens.Token(ctx); err != nil {
				return err
			}
		}
		var (
			rd io.Reader
			ct string
		)
		switch {
		case mk != nil:
			var ok bool
			if rd, ct, ok = mk(); !ok {
				return fmt.Errorf("wechat: %s %s: request body cannot be replayed for a retry", ep.Method, ep.Path)
			}
		case payload != nil:
			rd, ct = bytes.NewReader(payload), jsonContentType
		}
		req, err := http.NewRequestWithContext(ctx, ep.Method, c.buildURL(ep, query, tok), rd)
		if err != nil {
			return scrubError(err)
		}
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		start := time.Now()
		resp, err := c.send(req)
		if err != nil {
			err = scrubError(err)
			c.logger.LogAttrs(ctx, levelWarn, "wechat request failed", attrEP(ep), attrErr(err))
			if neverSent(err) && attempt+1 < c.maxAttempts(ctx) && sleepCtx(ctx, c.retry.delay(attempt)) == nil {
				continue
			}
			return fmt.Errorf("wechat: %s %s: %w", ep.Method, ep.Path, err)
		}
		if resp.StatusCode >= 500 && ep.Method == http.MethodGet && attempt+1 < c.maxAttempts(ctx) {
			drain(resp)
			if sleepCtx(ctx, c.retry.delay(attempt)) == nil {
				continue
			}
			return &HTTPError{StatusCode: resp.StatusCode, Method: ep.Method, Path: ep.Path}
		}
		err = handle(resp)
		if err == nil {
			if c.logger.Enabled(ctx, levelDebug) {
				c.logger.LogAttrs(ctx, levelDebug, "wechat request", attrEP(ep), attrInt("status", resp.StatusCode), attrDur(time.Since(start)))
			}
			return nil
		}
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			c.logger.LogAttrs(ctx, levelDebug, "wechat api error", attrEP(ep), attrInt("errcode", apiErr.Code), attrStr("rid", apiErr.RID))
			switch {
			case isTokenErrcode(apiErr.Code) && ep.Auth == AuthAccessToken && !tokenRetried:
				tokenRetried = true
				attempt--
				if ierr := c.tokens.Invalidate(ctx, tok); ierr != nil {
					c.logger.LogAttrs(ctx, levelWarn, "wechat token invalidate failed", attrErr(ierr))
				}
				continue
			case apiErr.Code == -1 && attempt+1 < c.maxAttempts(ctx):
				if sleepCtx(ctx, c.retry.delay(attempt)) == nil {
					continue
				}
			}
		}
		return err
	}
}

func (c *Client) send(req *http.Request) (*http.Response, error) {
	if len(c.middleware) == 0 {
		return c.httpClient.Do(req)
	}
	next := RoundTripFunc(c.httpClient.Do)
	for i := len(c.middleware) - 1; i >= 0; i-- {
		next = c.middleware[i](next)
	}
	return next(req)
}

func (c *Client) buildURL(ep Endpoint, query url.Values, tok string) string {
	path := ep.Path
	var b strings.Builder
	b.Grow(len(c.baseURL) + len(path) + len(tok) + 64)
	if !isAbsoluteURL(path) {
		b.WriteString(c.baseURL)
	}
	b.WriteString(path)
	sep := byte('?')
	if strings.IndexByte(path, '?') >= 0 {
		sep = '&'
	}
	if tok != "" {
		b.WriteByte(sep)
		if ep.TokenParam != "" {
			b.WriteString(ep.TokenParam)
			b.WriteByte('=')
		} else {
			b.WriteString("access_token=")
		}
		b.WriteString(url.QueryEscape(tok))
		sep = '&'
	}
	if len(query) > 0 {
		b.WriteByte(sep)
		writeQuery(&b, query)
	}
	return b.String()
}

// writeQuery writes query as url.Values.Encode does (keys sorted), straight
// into b.
func writeQuery(b *strings.Builder, query url.Values) {
	var arr [16]string
	keys := arr[:0]
	for k := range query {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	first := true
	for _, k := range keys {
		ek := url.QueryEscape(k)
		for _, v := range query[k] {
			if !first {
				b.WriteByte('&')
			}
			first = false
			b.WriteString(ek)
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
}

func (c *Client) decodeResponse(ep Endpoint, resp *http.Response, out any) error {
	defer resp.Body.Close()
	buf := getBuf()
	defer putBuf(buf)
	if err := readAtMost(buf, resp.Body, maxJSONResponse); err != nil {
		if errors.Is(err, errTooLarge) {
			return fmt.Errorf("wechat: %s %s: response larger than %d bytes", ep.Method, ep.Path, maxJSONResponse)
		}
		return fmt.Errorf("wechat: read %s %s: %w", ep.Method, ep.Path, err)
	}
	data := buf.Bytes()
	if err := checkErrcode(ep, resp.StatusCode, data); err != nil {
		if apiErr, ok := err.(*APIError); ok && out != nil && !isTokenErrcode(apiErr.Code) && apiErr.Code != -1 {
			// Some answers carry results beside a non-zero errcode (the
			// failed items of a batch, the invalid users of a send): keep
			// them. Token errors and -1 are retried and carry none.
			_ = decodeJSON(data, out)
		}
		return err
	}
	if out == nil || len(data) == 0 {
		return nil
	}
	if err := decodeJSON(data, out); err != nil {
		return fmt.Errorf("wechat: decode %s %s response: %w", ep.Method, ep.Path, err)
	}
	return nil
}

var errTooLarge = errors.New("response too large")

// readAtMost appends what r holds to buf, failing with errTooLarge once it
// has read more than limit bytes. Unlike buf.ReadFrom(io.LimitReader(r, ...))
// it allocates nothing beyond buf's growth.
func readAtMost(buf *bytes.Buffer, r io.Reader, limit int) error {
	for {
		if buf.Available() < 512 {
			buf.Grow(512)
		}
		free := buf.AvailableBuffer()
		n, err := r.Read(free[:cap(free)])
		buf.Write(free[:n])
		if buf.Len() > limit {
			return errTooLarge
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

var errcodeKey = []byte(`"errcode"`)

// checkErrcode turns a WeChat error answer into an *APIError, and a non-2xx
// status without errcode into an *HTTPError. A successful answer is only
// scanned (scanErrcode); an error answer, or one the scanner cannot read
// cheaply, is decoded with encoding/json.
func checkErrcode(ep Endpoint, status int, data []byte) error {
	if code, ok := scanErrcode(data); (!ok || code != 0) && containsFold(data, errcodeKey) {
		var e struct {
			Code    int    `json:"errcode"`
			Message string `json:"errmsg"`
		}
		if err := json.Unmarshal(data, &e); err == nil && e.Code != 0 {
			return &APIError{Code: e.Code, Message: e.Message, RID: parseRID(e.Message), Method: ep.Method, Path: ep.Path}
		}
	}
	if status/100 != 2 {
		return &HTTPError{StatusCode: status, Method: ep.Method, Path: ep.Path}
	}
	return nil
}

// containsFold reports whether key occurs in data, ASCII case-insensitively
// (encoding/json matches field names that way: some APIs answer "errCode").
func containsFold(data, key []byte) bool {
	for i := 0; i+len(key) <= len(data); i++ {
		j := bytes.IndexByte(data[i:], key[0])
		if j < 0 {
			return false
		}
		i += j
		if i+len(key) <= len(data) && bytes.EqualFold(data[i:i+len(key)], key) {
			return true
		}
	}
	return false
}

func isAbsoluteURL(p string) bool {
	return strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "http://")
}

func isJSONish(ct string) bool {
	return strings.HasPrefix(ct, "application/json") || strings.HasPrefix(ct, "text/plain") || strings.HasPrefix(ct, "text/javascript")
}

// neverSent reports whether err happened before the request could leave
// (no connection was made), so that any request may safely be retried.
func neverSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

func readLimited(r io.Reader, n int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, n+1))
	if err == nil && int64(len(data)) > n {
		return nil, fmt.Errorf("response larger than %d bytes", n)
	}
	return data, err
}

func encodeJSON(v any) ([]byte, error) {
	if raw, ok := v.(json.RawMessage); ok {
		return raw, nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // WeChat expects URLs and Chinese text as they are
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte{'\n'}), nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuf() *bytes.Buffer { return bufPool.Get().(*bytes.Buffer) }

func putBuf(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	bufPool.Put(b)
}
