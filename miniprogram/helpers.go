package miniprogram

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

// InvalidArgumentError is returned, before any request is sent, when an
// argument breaks a documented WeChat rule (empty code or openid, width out
// of range...). It never contains credentials.
type InvalidArgumentError = wechat.ArgumentError

func invalidArg(arg, reason string) error {
	return &wechat.ArgumentError{Pkg: "miniprogram", Arg: arg, Reason: reason}
}

// required returns an *InvalidArgumentError for the first empty value of
// the name/value pairs.
func required(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return invalidArg(pairs[i], "empty")
		}
	}
	return nil
}

// call sends body to ep and decodes the answer into a new T.
func call[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, q url.Values, body any) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, ep, q, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// SessionSignature returns the signature WeChat asks of the session APIs
// (checksession, resetusersessionkey, getuserencryptkey): the lowercase hex
// HMAC-SHA256 of the empty string keyed with the session_key as given by
// code2session.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/checkSessionKey.html
func SessionSignature(sessionKey string) string {
	return SessionSignatureOf(sessionKey, nil)
}

// SessionSignatureOf returns the user login-state signature (用户登录态签名)
// of a POST body: the lowercase hex HMAC-SHA256 of the exact bytes sent,
// keyed with the user's session_key. The user storage APIs take it.
// https://developers.weixin.qq.com/minigame/dev/guide/open-ability/signature.html
func SessionSignatureOf(sessionKey string, postData []byte) string {
	m := hmac.New(sha256.New, []byte(sessionKey))
	m.Write(postData)
	return hex.EncodeToString(m.Sum(nil))
}

// sessionQuery is the query of the session APIs.
func sessionQuery(openID, sessionKey string) (url.Values, error) {
	if err := required("openid", openID, "session_key", sessionKey); err != nil {
		return nil, err
	}
	return url.Values{"openid": {openID}, "signature": {SessionSignature(sessionKey)}, "sig_method": {"hmac_sha256"}}, nil
}

// boolInt encodes a boolean the way the live-broadcast APIs take it (1 or 0).
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
