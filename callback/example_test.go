package callback_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/callback"
	"github.com/weixin-go/wechat/callback/msgcrypt"
)

// A handler that answers every text message with a text reply, in safe
// mode: the push is encrypted and the reply is encrypted too. Serve it
// behind an http.Server with timeouts (see the package documentation).
func Example() {
	const token, key, appID = "TOKEN", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx1234567890abcdef"
	mux := callback.NewMux()
	mux.HandleText(func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
		return callback.Text("You said: " + m.Content), nil
	})
	srv, err := callback.NewServer(callback.Config{Token: token, EncodingAESKey: key, AppID: appID, Handler: mux})
	if err != nil {
		log.Fatal(err)
	}
	http.Handle("/wechat", srv)

	// What WeChat does, in safe mode:
	crypter, _ := msgcrypt.New(token, key, appID)
	ts := fmt.Sprint(time.Now().Unix())
	enc, _ := crypter.Encrypt([]byte(`<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName><CreateTime>` + ts + `</CreateTime><MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId></xml>`))
	target := "/wechat?encrypt_type=aes&timestamp=" + ts + "&nonce=42&signature=" + msgcrypt.Signature(token, ts, "42") +
		"&msg_signature=" + msgcrypt.MsgSignature(token, ts, "42", enc)
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest("POST", target, strings.NewReader("<xml><Encrypt><![CDATA["+enc+"]]></Encrypt></xml>")))
	envelope, _ := callback.ParseEnvelope(w.Body.Bytes())
	plain, _ := crypter.Decrypt(envelope)
	reply, _ := callback.ParseXML(plain)
	fmt.Println(reply.MsgType, reply.ToUserName, reply.Content)
	// Output: text oUser You said: hi
}

// Events are routed by name; subscribe and SCAN carry the QR code scene.
func ExampleMux_HandleEvent() {
	mux := callback.NewMux()
	mux.HandleEvent(callback.EventSubscribe, func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
		return callback.Text("welcome from scene " + m.Scene()), nil
	})
	m, _ := callback.ParseXML([]byte(`<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_42</EventKey></xml>`))
	reply, _ := mux.ServeMessage(context.Background(), m)
	fmt.Println(reply.(*callback.TextReply).Content)
	// Output: welcome from scene 42
}

// A third-party platform's authorization event URL keeps
// component_verify_ticket in the store for the API client.
func ExampleComponent() {
	store := wechat.NewMemoryStore() // in production: a redisstore shared by every instance
	comp := &callback.Component{
		AppID: "wxcomponent", Store: store,
		OnAuthorized: func(ctx context.Context, m *callback.Message) error {
			log.Printf("authorized by %s", m.AuthorizerAppID)
			return nil
		},
	}
	srv, err := callback.NewServer(callback.Config{Token: "TOKEN", EncodingAESKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", AppID: "wxcomponent", Store: store, Handler: comp})
	if err != nil {
		log.Fatal(err)
	}
	http.Handle("/wechat/component", srv)
}

// A WeCom corp with two agents, each at its own URL path.
func ExampleNewWorkServer() {
	ws, err := callback.NewWorkServer(callback.WorkConfig{
		CorpID: "ww1234567890",
		Agents: []callback.WorkAgent{
			{AgentID: "1000002", Token: "T2", EncodingAESKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", Handler: callback.NewMux()},
			{AgentID: "1000003", Token: "T3", EncodingAESKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", Handler: callback.NewMux()},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	http.Handle("/wecom/", ws) // /wecom/1000002 and /wecom/1000003
}
