package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/weixin-go/wechat/callback"
	"github.com/weixin-go/wechat/callback/msgcrypt"
	"github.com/weixin-go/wechat/fakewechat"
)

// demoCallback serves a callback handler in safe mode, sends it an
// encrypted text message as WeChat would, and decrypts the reply.
func demoCallback(ctx context.Context, w io.Writer) error {
	const token, aesKey = "demotoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	mux := callback.NewMux()
	mux.HandleText(func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
		return callback.Text("You said: " + m.Content), nil
	})
	handler, err := callback.NewServer(callback.Config{Token: token, EncodingAESKey: aesKey, AppID: fakewechat.DefaultAppID, Handler: mux})
	if err != nil {
		return err
	}
	hs := httptest.NewServer(handler)
	defer hs.Close()

	crypt, err := msgcrypt.New(token, aesKey, fakewechat.DefaultAppID)
	if err != nil {
		return err
	}
	now := strconv.FormatInt(time.Now().Unix(), 10)
	msg := "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><FromUserName><![CDATA[oDemo_alice_0000000000000001]]></FromUserName>" +
		"<CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>1</MsgId></xml>"
	enc, err := crypt.Encrypt([]byte(msg))
	if err != nil {
		return err
	}
	q := url.Values{"timestamp": {now}, "nonce": {"42"}, "encrypt_type": {"aes"},
		"msg_signature": {msgcrypt.MsgSignature(token, now, "42", enc)}}
	body := "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hs.URL+"/?"+q.Encode(), strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := hs.Client().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("callback answered HTTP %d: %s", resp.StatusCode, raw)
	}
	encReply, err := callback.ParseEnvelope(raw)
	if err != nil {
		return err
	}
	reply, err := crypt.Decrypt(encReply)
	if err != nil {
		return err
	}
	m, err := callback.ParseXML(reply)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "encrypted callback answered with an encrypted %s reply: %q\n", m.MsgType, m.Content)
	return nil
}
