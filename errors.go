package wechat

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// Sentinel errors that callers branch on. An *APIError matches them with
// errors.Is according to its errcode.
var (
	// ErrInvalidToken matches errcodes 40001, 40014 and 42001: the access
	// token was rejected. The SDK already refreshed and retried once.
	ErrInvalidToken = errors.New("wechat: access token invalid or expired")
	// ErrRateLimited matches errcodes 45009 (daily quota reached), 45011 and 45047.
	ErrRateLimited = errors.New("wechat: rate limited")
	// ErrSystemBusy matches errcode -1, after the SDK's own retries.
	ErrSystemBusy = errors.New("wechat: system busy")
	// ErrIPNotAllowed matches errcode 40164: the caller's IP is not in the
	// account's IP whitelist.
	ErrIPNotAllowed = errors.New("wechat: caller IP not in whitelist")
)

// APIError is an error answered by WeChat: a non-zero errcode, its errmsg and
// the request id (rid) WeChat puts in errmsg, which WeChat support asks for.
//
// See https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html
type APIError struct {
	Code    int    `json:"errcode"`
	Message string `json:"errmsg"`
	// RID is the request id WeChat appends to errmsg ("rid: ..."), if any.
	RID string `json:"-"`
	// Method and Path name the endpoint; the query (which holds the token) is never kept.
	Method string `json:"-"`
	Path   string `json:"-"`
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("wechat: ")
	if e.Path != "" {
		b.WriteString(e.Method)
		b.WriteByte(' ')
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString("errcode ")
	b.WriteString(strconv.Itoa(e.Code))
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

// Is reports whether the error matches one of the package sentinels.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrInvalidToken:
		return isTokenErrcode(e.Code)
	case ErrRateLimited:
		return e.Code == 45009 || e.Code == 45011 || e.Code == 45047
	case ErrSystemBusy:
		return e.Code == -1
	case ErrIPNotAllowed:
		return e.Code == 40164
	}
	return false
}

func isTokenErrcode(code int) bool { return code == 40001 || code == 40014 || code == 42001 }

// parseRID extracts the rid from an errmsg such as "invalid credential, rid: 6512a1b2-...".
func parseRID(msg string) string {
	i := strings.LastIndex(msg, "rid:")
	if i < 0 {
		return ""
	}
	rid := strings.TrimSpace(msg[i+4:])
	if j := strings.IndexAny(rid, " ,;"); j >= 0 {
		rid = rid[:j]
	}
	return rid
}

// secretParams are query parameters whose values never appear in errors or logs.
var secretParams = []string{"access_token", "component_access_token", "secret", "corpsecret", "appsecret", "component_appsecret", "key", "code", "refresh_token", "ticket", "js_code", "authorizer_refresh_token"}

// RedactURL returns u with the values of credential query parameters replaced by "REDACTED".
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	if u.RawQuery == "" {
		return u.String()
	}
	q := u.Query()
	for _, k := range secretParams {
		if q.Has(k) {
			q.Set(k, "REDACTED")
		}
	}
	c := *u
	c.RawQuery = q.Encode()
	c.User = nil
	return c.String()
}

// scrubError rewrites the URL inside a *url.Error so that tokens and secrets in
// the query never reach an error string.
func scrubError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			return &url.Error{Op: ue.Op, URL: RedactURL(u), Err: ue.Err}
		}
		return &url.Error{Op: ue.Op, URL: "(redacted)", Err: ue.Err}
	}
	return err
}

// ArgumentError is an invalid argument caught before any request is sent,
// such as an empty openid or too many items for one call. Product packages
// return it (under their own alias, e.g. oa.InvalidArgumentError).
type ArgumentError struct {
	Pkg    string // the package that checked, e.g. "oa"
	Arg    string // the argument or JSON field at fault, e.g. "openid_list"
	Reason string
}

func (e *ArgumentError) Error() string { return e.Pkg + ": invalid " + e.Arg + ": " + e.Reason }
