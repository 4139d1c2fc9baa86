package oa_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestDraftBoxSwitch(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)

	open, err := c.DraftBox.SwitchOpen(ctx)
	if err != nil || open {
		t.Fatalf("SwitchOpen before = %v, %v", open, err)
	}
	rr, _ := reqA(t, srv, "POST /cgi-bin/draft/switch")
	if rr.Query.Get("checkonly") != "1" || len(rr.Body) != 0 {
		t.Errorf("check request query %v body %q", rr.Query, rr.Body)
	}
	// Checking twice changes nothing.
	if open, _ := c.DraftBox.SwitchOpen(ctx); open {
		t.Error("SwitchOpen turned the switch on")
	}

	open, err = c.DraftBox.OpenSwitch(ctx)
	if err != nil || !open {
		t.Fatalf("OpenSwitch = %v, %v", open, err)
	}
	rr, _ = reqA(t, srv, "POST /cgi-bin/draft/switch")
	if rr.Query.Has("checkonly") || len(rr.Body) != 0 {
		t.Errorf("open request query %v body %q", rr.Query, rr.Body)
	}
	// The switch stays on.
	for range 2 {
		if open, err := c.DraftBox.SwitchOpen(ctx); err != nil || !open {
			t.Errorf("SwitchOpen after = %v, %v", open, err)
		}
	}
	if open, err := c.DraftBox.OpenSwitch(ctx); err != nil || !open {
		t.Errorf("OpenSwitch again = %v, %v", open, err)
	}

	if err := srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/draft/switch", Errcode: 48001, Times: 1}); err != nil {
		t.Fatal(err)
	}
	_, err = c.DraftBox.SwitchOpen(ctx)
	apiCodeA(t, err, 48001)
}
