package callback_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/weixin-go/wechat/callback"
	"github.com/weixin-go/wechat/callback/msgcrypt"
)

// A handler that answers every text message with a text reply. Safe and
// compatible modes are handled too: the reply is encrypted when the push
// was.
func Example() {
	mux := callback.NewMux()
	mux.HandleText(func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
		return callback.Text("You said: " + m.Content), nil
	})
	srv, err := callback.NewServer(callback.Config{Token: "TOKEN", EncodingAESKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", AppID: "wx1234567890abcdef", Handler: mux})
	if err != nil {
		log.Fatal(err)
	}
	http.Handle("/wechat", srv) // then http.ListenAndServe(":8080", nil)

	// What WeChat does, in plaintext mode:
	ts := fmt.Sprint(time.Now().Unix())
	body := `<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName><CreateTime>` + ts + `</CreateTime><MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId></xml>`
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest("POST", "/wechat?timestamp="+ts+"&nonce=42&signature="+msgcrypt.Signature("TOKEN", ts, "42"), strings.NewReader(body)))
	reply, _ := callback.ParseXML(w.Body.Bytes())
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
	store := newStore()
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
