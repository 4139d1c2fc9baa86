package fakewechat

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/weixin-go/wechat/callback/msgcrypt"
)

// Pushes of the third-party platform's message URL (消息与事件接收URL).
// SetComponentPush configures where the fake sends the events of the
// mini programs that authorized a component, encrypted with the
// component's token and EncodingAESKey as WeChat does (safe mode: the
// <Encrypt> envelope, msg_signature, timestamp, nonce, encrypt_type=aes).
// SetAuditResult sends weapp_audit_success or weapp_audit_fail.

type compPush struct {
	url   string
	crypt *msgcrypt.Crypter
}

type compPushes struct {
	mu   sync.Mutex
	urls map[string]compPush // component -> push
}

func (s *Server) compPushes() *compPushes {
	return Value(s.State(""), "component.push", func() *compPushes { return &compPushes{urls: map[string]compPush{}} })
}

// SetComponentPush sets the message URL of a component (a "$APPID$" in it
// is replaced by the authorizer's appid) with its message token and
// EncodingAESKey. An empty url stops the pushes.
func (s *Server) SetComponentPush(componentAppID, pushURL, token, encodingAESKey string) error {
	p := s.compPushes()
	p.mu.Lock()
	defer p.mu.Unlock()
	if pushURL == "" {
		delete(p.urls, componentAppID)
		return nil
	}
	c, err := msgcrypt.New(token, encodingAESKey, componentAppID)
	if err != nil {
		return err
	}
	p.urls[componentAppID] = compPush{url: pushURL, crypt: c}
	return nil
}

// pushAuthorizerEvent sends an event of the mini program appid to the
// message URL of every component it authorized; fields are the event's
// extra elements, in order. Failures are ignored, as WeChat drops a push
// after its retries.
func (s *Server) pushAuthorizerEvent(appid, event string, fields ...[2]string) {
	w := s.compWorld()
	w.mu.Lock()
	var comps []string
	for comp, auths := range w.auths {
		if _, ok := auths[appid]; ok {
			comps = append(comps, comp)
		}
	}
	w.mu.Unlock()
	p := s.compPushes()
	for _, comp := range comps {
		p.mu.Lock()
		push, ok := p.urls[comp]
		p.mu.Unlock()
		if !ok {
			continue
		}
		now := s.Now().Unix()
		var b strings.Builder
		b.WriteString("<xml><ToUserName><![CDATA[gh_" + appid + "]]></ToUserName><FromUserName><![CDATA[o" + randHex(12) + "]]></FromUserName>")
		b.WriteString("<CreateTime>" + strconv.FormatInt(now, 10) + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>")
		for _, f := range fields {
			b.WriteString("<" + f[0] + "><![CDATA[" + f[1] + "]]></" + f[0] + ">")
		}
		b.WriteString("</xml>")
		enc, err := push.crypt.Encrypt([]byte(b.String()))
		if err != nil {
			continue
		}
		ts, nonce := strconv.FormatInt(now, 10), randHex(8)
		q := url.Values{"signature": {msgcrypt.Signature(push.crypt.Token(), ts, nonce)}, "timestamp": {ts}, "nonce": {nonce},
			"encrypt_type": {"aes"}, "msg_signature": {msgcrypt.MsgSignature(push.crypt.Token(), ts, nonce, enc)}}
		target := strings.ReplaceAll(push.url, "$APPID$", appid)
		sep := "?"
		if strings.Contains(target, "?") {
			sep = "&"
		}
		body := "<xml><ToUserName><![CDATA[gh_" + appid + "]]></ToUserName><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>"
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, target+sep+q.Encode(), bytes.NewReader([]byte(body)))
		if err == nil {
			req.Header.Set("Content-Type", "text/xml")
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}
		cancel()
	}
}
