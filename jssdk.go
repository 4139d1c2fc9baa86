package wechat

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// SignJSSDK returns the JS-SDK signature: the hex SHA-1 of
// "jsapi_ticket=T&noncestr=N&timestamp=TS&url=U", where the URL's fragment
// (from '#') is dropped. Official accounts sign with the jsapi_ticket, WeCom
// with the corp or agent ticket.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html#62
func SignJSSDK(ticket, nonce, timestamp, pageURL string) string {
	if i := strings.IndexByte(pageURL, '#'); i >= 0 {
		pageURL = pageURL[:i]
	}
	h := sha1.New()
	h.Write([]byte("jsapi_ticket=" + ticket + "&noncestr=" + nonce + "&timestamp=" + timestamp + "&url=" + pageURL))
	return hex.EncodeToString(h.Sum(nil))
}
