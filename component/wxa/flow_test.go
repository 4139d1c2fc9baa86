package wxa_test

import (
	"context"
	"errors"
	"io"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/component/wxa"
	"github.com/weixin-go/wechat/fakewechat"
)

// platform starts a fake server and a component client with a verify
// ticket, authorized by the mini programs appids.
func platform(t *testing.T, appids ...string) (*fakewechat.Server, *component.Client, map[string]*wxa.Client) {
	t.Helper()
	srv := fakewechat.NewTestServer(t)
	store := wechat.NewMemoryStore()
	comp, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(store), wechat.WithHTTPClient(srv.Client()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := comp.SaveVerifyTicket(ctx, srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		t.Fatal(err)
	}
	apps := map[string]*wxa.Client{}
	for _, id := range appids {
		if _, err := comp.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, id)); err != nil {
			t.Fatal(err)
		}
		if apps[id], err = wxa.New(comp, id); err != nil {
			t.Fatal(err)
		}
	}
	return srv, comp, apps
}

// template puts a draft in the library and makes it a template.
func template(t *testing.T, srv *fakewechat.Server, comp *component.Client, version string) int64 {
	t.Helper()
	ctx := context.Background()
	draft := srv.AddTemplateDraft(fakewechat.DefaultComponentAppID, version, "release "+version)
	drafts, err := comp.TemplateDrafts(ctx)
	if err != nil || len(drafts) == 0 || drafts[len(drafts)-1].DraftID != draft {
		t.Fatalf("drafts = %+v, %v", drafts, err)
	}
	if err := comp.AddTemplate(ctx, draft, component.TemplateNormal); err != nil {
		t.Fatal(err)
	}
	list, err := comp.Templates(ctx, component.TemplateNormal)
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range list {
		if tp.UserVersion == version {
			return tp.TemplateID
		}
	}
	t.Fatalf("template %s not listed: %+v", version, list)
	return 0
}

// TestThreeMiniProgramsReleased: a platform with three authorized mini
// programs commits, submits, passes review and releases each.
func TestThreeMiniProgramsReleased(t *testing.T) {
	ids := []string{"wx1111111111111111", "wx2222222222222222", "wx3333333333333333"}
	srv, comp, apps := platform(t, ids...)
	ctx := context.Background()
	tid := template(t, srv, comp, "1.0.0")
	for _, id := range ids {
		app := apps[id]
		if err := app.Code.Commit(ctx, &wxa.Commit{TemplateID: tid, ExtJSON: `{"extAppid":"` + id + `","ext":{"shop":"` + id + `"}}`, UserVersion: "1.0.0", UserDesc: "first"}); err != nil {
			t.Fatal(id, err)
		}
		pages, err := app.Code.GetPages(ctx)
		if err != nil || len(pages) == 0 {
			t.Fatalf("%s pages = %v, %v", id, pages, err)
		}
		qr, err := app.Code.GetTrialQRCode(ctx, "pages/index/index?x=1")
		if err != nil {
			t.Fatal(err)
		}
		img, _ := io.ReadAll(qr)
		qr.Close()
		if len(img) < 8 || string(img[1:4]) != "PNG" {
			t.Fatalf("trial QR code is not an image: %q", img[:min(len(img), 16)])
		}
		if err := app.Code.Release(ctx); !isCode(err, 85019) {
			t.Fatalf("release before review: %v, want 85019", err)
		}
		auditID, err := app.Code.SubmitAudit(ctx, &wxa.AuditRequest{ItemList: []wxa.AuditItem{{Address: "pages/index/index", Tag: "shop", FirstID: 1, SecondID: 2, FirstClass: "a", SecondClass: "b", Title: "Home"}}, VersionDesc: "first"})
		if err != nil || auditID == 0 {
			t.Fatal(auditID, err)
		}
		if _, err := app.Code.SubmitAudit(ctx, nil); !isCode(err, 85009) {
			t.Fatalf("second submit: %v, want 85009", err)
		}
		st, err := app.Code.GetAuditStatus(ctx, auditID)
		if err != nil || st.Status != wxa.AuditPending {
			t.Fatalf("status = %+v, %v", st, err)
		}
		if err := app.Code.Release(ctx); !isCode(err, 85020) {
			t.Fatalf("release while pending: %v, want 85020", err)
		}
		if got := srv.SetAuditResult(id, true, ""); got != auditID {
			t.Fatalf("SetAuditResult = %d, want %d", got, auditID)
		}
		latest, err := app.Code.GetLatestAuditStatus(ctx)
		if err != nil || latest.AuditID != auditID || latest.Status != wxa.AuditSuccess || latest.UserVersion != "1.0.0" {
			t.Fatalf("latest = %+v, %v", latest, err)
		}
		if err := app.Code.Release(ctx); err != nil {
			t.Fatal(id, err)
		}
		info, err := app.Code.GetVersionInfo(ctx)
		if err != nil || info.ReleaseInfo == nil || info.ReleaseInfo.ReleaseVersion != "1.0.0" {
			t.Fatalf("version info = %+v, %v", info, err)
		}
	}
	for _, id := range ids {
		if got := srv.WxaReleased(id); got != "1.0.0" {
			t.Errorf("%s released %q", id, got)
		}
	}
	// Each mini program used its own authorizer token.
	if n := srv.Count("POST /cgi-bin/component/api_component_token"); n != 1 {
		t.Errorf("component token fetched %d times", n)
	}
}

// TestAuditRejectedAndRevert: a rejected review keeps the online version;
// a second release can be rolled back.
func TestAuditRejectedAndRevert(t *testing.T) {
	const id = "wx4444444444444444"
	srv, comp, apps := platform(t, id)
	app := apps[id]
	ctx := context.Background()
	for i, v := range []string{"1.0.0", "1.1.0"} {
		tid := template(t, srv, comp, v)
		if err := app.Code.Commit(ctx, &wxa.Commit{TemplateID: tid, ExtJSON: "{}", UserVersion: v}); err != nil {
			t.Fatal(err)
		}
		if _, err := app.Code.SubmitAudit(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			srv.SetAuditResult(id, false, "bad screenshots")
			st, err := app.Code.GetLatestAuditStatus(ctx)
			if err != nil || st.Status != wxa.AuditRejected || st.Reason != "bad screenshots" {
				t.Fatalf("latest = %+v, %v", st, err)
			}
			if _, err := app.Code.SubmitAudit(ctx, nil); err != nil {
				t.Fatal(err)
			}
			if err := app.Code.UndoAudit(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := app.Code.SubmitAudit(ctx, nil); err != nil {
				t.Fatal(err)
			}
		}
		srv.SetAuditResult(id, true, "")
		if err := app.Code.Release(ctx); err != nil {
			t.Fatal(err)
		}
	}
	hist, err := app.Code.HistoryVersions(ctx)
	if err != nil || len(hist) != 1 || hist[0].UserVersion != "1.0.0" {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	if err := app.Code.RevertRelease(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if got := srv.WxaReleased(id); got != "1.0.0" {
		t.Fatalf("after revert released %q", got)
	}
	if err := app.Code.Commit(ctx, &wxa.Commit{TemplateID: 999, ExtJSON: "{}", UserVersion: "x"}); !isCode(err, 85014) {
		t.Fatalf("unknown template: %v", err)
	}
	if err := app.Code.Commit(ctx, &wxa.Commit{TemplateID: 0, ExtJSON: "not json", UserVersion: "x"}); !isCode(err, 85013) {
		t.Fatalf("bad ext_json: %v", err)
	}
	var ae *wechat.ArgumentError
	if err := app.Code.Commit(ctx, &wxa.Commit{TemplateID: 1}); !errors.As(err, &ae) {
		t.Fatalf("empty ext_json: %v", err)
	}
}

func isCode(err error, code int) bool {
	var ae *wechat.APIError
	return errors.As(err, &ae) && ae.Code == code
}
