package callback

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/weixin-go/wechat"
)

// FuzzComponentPush sends arbitrary third-party platform notifications,
// encrypted, to a Server whose handler is a Component: nothing panics, a
// 5xx is answered only for a notification the Component refuses (so that
// WeChat retries), a ticket for another component is never stored, and an
// accepted ticket is stored as sent.
func FuzzComponentPush(f *testing.F) {
	for _, s := range []string{
		`<xml><AppId>` + tAppID + `</AppId><CreateTime>1413192605</CreateTime><InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>ticket@@@x</ComponentVerifyTicket></xml>`,
		`<xml><AppId>wxother</AppId><CreateTime>1413192605</CreateTime><InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>t2</ComponentVerifyTicket></xml>`,
		`<xml><AppId>` + tAppID + `</AppId><CreateTime>1413192760</CreateTime><InfoType>authorized</InfoType><AuthorizerAppid>wxauth</AuthorizerAppid><AuthorizationCode>code</AuthorizationCode><AuthorizationCodeExpiredTime>1413196360</AuthorizationCodeExpiredTime></xml>`,
		`<xml><AppId>` + tAppID + `</AppId><CreateTime>1413192760</CreateTime><InfoType>updateauthorized</InfoType><AuthorizerAppid>wxauth</AuthorizerAppid></xml>`,
		`<xml><AppId>` + tAppID + `</AppId><CreateTime>1413192760</CreateTime><InfoType>unauthorized</InfoType><AuthorizerAppid>wxauth</AuthorizerAppid></xml>`,
		`<xml><InfoType>notify_third_fasteregister</InfoType></xml>`,
		`{"AppId":"` + tAppID + `","InfoType":"component_verify_ticket","ComponentVerifyTicket":"j"}`,
		`<xml><InfoType>component_verify_ticket</InfoType></xml>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		store := wechat.NewMemoryStore()
		var authorized int
		comp := &Component{AppID: tAppID, Store: store, Now: tClock,
			OnAuthorized: func(context.Context, *Message) error { authorized++; return nil }}
		s, _ := newTestServer(t, comp, func(c *Config) { c.Store = wechat.NewMemoryStore() })
		w := do(s, push{plain: msg, encrypt: true}.request(t))
		m, perr := parseAny(msg)
		if w.Code >= 500 {
			if perr != nil {
				t.Fatalf("unparsable push answered %d", w.Code)
			}
			if _, err := comp.ServeMessage(context.Background(), m); !errors.Is(err, ErrComponentPush) {
				t.Fatalf("status %d for a notification the Component accepts: %v", w.Code, err)
			}
			return
		}
		if w.Code != http.StatusOK {
			return
		}
		b, err := store.Get(context.Background(), wechat.StoreKey(tAppID, wechat.KeyComponentVerifyTicket))
		if err == nil {
			var tok wechat.Token
			if json.Unmarshal(b, &tok) != nil || m.InfoType != InfoTypeComponentVerifyTicket || tok.Value != m.ComponentVerifyTicket ||
				(m.AppID != "" && m.AppID != tAppID) {
				t.Fatalf("stored ticket %s for %+v", b, m)
			}
		}
		if authorized > 0 && m.AuthorizationCode == "" {
			t.Fatalf("OnAuthorized called without a code")
		}
	})
}

func parseAny(msg string) (*Message, error) {
	if isJSON([]byte(msg)) {
		return ParseJSON([]byte(msg))
	}
	return ParseXML([]byte(msg))
}
