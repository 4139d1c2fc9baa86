package wxa_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/weixin-go/wechat/callback"
	"github.com/weixin-go/wechat/component/wxa"
	"github.com/weixin-go/wechat/fakewechat"
)

// TestAuditResultPushed: the fake pushes the review result to the
// component's message URL, encrypted; callback decodes it.
func TestAuditResultPushed(t *testing.T) {
	const id = "wx7777777777777777"
	const token, aesKey = "pushtoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	srv, comp, apps := platform(t, id)
	var mu sync.Mutex
	var got []callback.WeappAudit
	var events []string
	cb, err := callback.NewServer(callback.Config{Token: token, EncodingAESKey: aesKey, AppID: fakewechat.DefaultComponentAppID,
		Handler: callback.HandlerFunc(func(_ context.Context, m *callback.Message) (callback.Reply, error) {
			mu.Lock()
			defer mu.Unlock()
			if a, ok := m.WeappAudit(); ok {
				got = append(got, a)
				events = append(events, m.Event)
			}
			return nil, nil
		})})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(cb)
	defer hs.Close()
	if err := srv.SetComponentPush(fakewechat.DefaultComponentAppID, hs.URL+"/msg/$APPID$", token, aesKey); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	app := apps[id]
	tid := template(t, srv, comp, "2.0.0")
	if err := app.Code.Commit(ctx, &wxa.Commit{TemplateID: tid, ExtJSON: "{}", UserVersion: "2.0.0"}); err != nil {
		t.Fatal(err)
	}
	for _, pass := range []bool{false, true} {
		if _, err := app.Code.SubmitAudit(ctx, nil); err != nil {
			t.Fatal(err)
		}
		srv.SetAuditResult(id, pass, "icon unclear")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 2 || strings.Join(events, ",") != "weapp_audit_fail,weapp_audit_success" ||
		got[0].Reason != "icon unclear" || got[0].FailTime == 0 || got[1].SuccTime == 0 {
		t.Fatalf("pushes = %v %+v", events, got)
	}
}
