package fakewechat

import (
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"time"
)

// Error is a WeChat API error answer {"errcode":Code,"errmsg":Msg}. Endpoint
// handlers return it (or wrap it) to answer an error; the server appends the
// ", rid: xxxxxxxx-xxxxxxxx-xxxxxxxx" suffix real WeChat adds to errmsg.
//
// Global return codes: https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html
type Error struct {
	Code int    // errcode; never 0
	Msg  string // errmsg without the rid suffix; empty means the standard message of Code
}

// Errorf returns an *Error with code and a formatted errmsg.
func Errorf(code int, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// ErrCode returns an *Error with code and its standard WeChat errmsg.
func ErrCode(code int) *Error { return &Error{Code: code} }

// Error implements error.
func (e *Error) Error() string {
	return fmt.Sprintf("fakewechat: errcode %d: %s", e.Code, e.message(""))
}

// Error codes the fake server answers itself. Any other code can be answered
// by a handler or injected with a Fault.
const (
	CodeSystemBusy        = -1    // system error, retry later
	CodeInvalidCredential = 40001 // access_token invalid or not latest (or wrong secret on old APIs)
	CodeInvalidGrantType  = 40002
	CodeInvalidAppID      = 40013
	CodeInvalidURL        = 40066
	CodeInvalidArgs       = 40097
	CodeInvalidSecret     = 40125
	CodeIPNotInWhitelist  = 40164
	CodeTokenMissing      = 41001
	CodeAppIDMissing      = 41002
	CodeSecretMissing     = 41004
	CodeTokenExpired      = 42001
	CodeRequireGET        = 43001
	CodeRequirePOST       = 43002
	CodeEmptyPostData     = 44002
	CodeDailyQuota        = 45009 // reach max api daily quota limit (rate limit)
	CodeDataFormat        = 47001
)

var stdMessages = map[int]string{
	CodeSystemBusy:        "system error",
	CodeInvalidCredential: "invalid credential, access_token is invalid or not latest",
	CodeInvalidGrantType:  "invalid grant_type",
	CodeInvalidAppID:      "invalid appid",
	CodeInvalidURL:        "invalid url",
	CodeInvalidArgs:       "invalid args",
	CodeInvalidSecret:     "invalid appsecret",
	CodeTokenMissing:      "access_token missing",
	CodeAppIDMissing:      "appid missing",
	CodeSecretMissing:     "appsecret missing",
	CodeTokenExpired:      "access_token expired",
	CodeRequireGET:        "require GET method",
	CodeRequirePOST:       "require POST method",
	CodeEmptyPostData:     "empty post data",
	CodeDailyQuota:        "reach max api daily quota limit",
	CodeDataFormat:        "data format error",
	45011:                 "api minute-quota reach limit  mustslower  retry next minute",
	48001:                 "api unauthorized",
	40003:                 "invalid openid",
	40007:                 "invalid media_id",
	40029:                 "invalid code",
	40163:                 "code been used",
}

// message is the errmsg without rid; clientIP fills the 40164 message.
func (e *Error) message(clientIP string) string {
	if e.Msg != "" {
		return e.Msg
	}
	if e.Code == CodeIPNotInWhitelist {
		if clientIP == "" {
			clientIP = "127.0.0.1"
		}
		v6 := clientIP
		if !strings.Contains(clientIP, ":") {
			v6 = "::ffff:" + clientIP
		}
		return fmt.Sprintf("invalid ip %s ipv6 %s, not in whitelist", clientIP, v6)
	}
	if m, ok := stdMessages[e.Code]; ok {
		return m
	}
	return fmt.Sprintf("errcode %d", e.Code)
}

// rid returns a WeChat-like request id: 8 hex digits of the unix time, then
// two groups of 8 random hex digits.
func rid(now time.Time) string {
	return fmt.Sprintf("%08x-%08x-%08x", uint32(now.Unix()), rand.Uint32(), rand.Uint32())
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
