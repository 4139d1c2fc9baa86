package wechat

import (
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// SignJSSDK returns the JS-SDK signature: the lowercase hex SHA-1 of
// "jsapi_ticket=T&noncestr=N&timestamp=TS&url=U", where U is pageURL
// without its fragment (from '#'). Official accounts sign with the
// jsapi_ticket, WeCom with the corp or agent ticket.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html#62
func SignJSSDK(ticket, nonce string, timestamp int64, pageURL string) string {
	if i := strings.IndexByte(pageURL, '#'); i >= 0 {
		pageURL = pageURL[:i]
	}
	h := sha1.New()
	h.Write([]byte("jsapi_ticket=" + ticket + "&noncestr=" + nonce + "&timestamp=" + strconv.FormatInt(timestamp, 10) + "&url=" + pageURL))
	return hex.EncodeToString(h.Sum(nil))
}

// JSSDKSignature is a signed page: what wx.config and wx.agentConfig take
// besides the app id and the API list.
type JSSDKSignature struct {
	Timestamp int64
	Nonce     string
	Signature string
}

// SignJSSDKPage signs pageURL (an absolute http or https URL; its fragment
// is ignored) with the ticket that ticket returns, a fresh random nonce and
// the current time. A bad URL is an *ArgumentError, found before the
// ticket is asked for. The JSSDKConfig methods of oa and work use it.
func SignJSSDKPage(ctx context.Context, pageURL string, ticket func(context.Context) (string, error)) (JSSDKSignature, error) {
	if u, err := url.Parse(pageURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return JSSDKSignature{}, &ArgumentError{Pkg: "wechat", Arg: "url", Reason: "must be an absolute http or https URL"}
	}
	t, err := ticket(ctx)
	if err != nil {
		return JSSDKSignature{}, err
	}
	nonce := jssdkNonce()
	ts := time.Now().Unix()
	return JSSDKSignature{Timestamp: ts, Nonce: nonce, Signature: SignJSSDK(t, nonce, ts, pageURL)}, nil
}

const nonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// jssdkNonce returns 16 random letters and digits.
func jssdkNonce() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	for i := range b {
		b[i] = nonceAlphabet[int(b[i])%len(nonceAlphabet)]
	}
	return string(b[:])
}
