package wxa_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component/wxa"
)

const appID = "wx5555555555555555"

func TestDomainsAndTesters(t *testing.T) {
	srv, _, apps := platform(t, appID, "wx6666666666666666")
	app, other := apps[appID], apps["wx6666666666666666"]
	ctx := context.Background()
	res, err := app.Domain.ModifyServer(ctx, wxa.DomainAdd, &wxa.ServerDomains{RequestDomain: []string{"https://a.example.com", "https://b.example.com"}, WsRequestDomain: []string{"wss://ws.example.com"}})
	if err != nil || len(res.RequestDomain) != 2 || len(res.WsRequestDomain) != 1 {
		t.Fatalf("add = %+v, %v", res, err)
	}
	res, err = app.Domain.ModifyServer(ctx, wxa.DomainDelete, &wxa.ServerDomains{RequestDomain: []string{"https://a.example.com"}})
	if err != nil || !slices.Equal(res.RequestDomain, []string{"https://b.example.com"}) {
		t.Fatalf("delete = %+v, %v", res, err)
	}
	if _, err := app.Domain.ModifyServerDirectly(ctx, wxa.DomainAdd, &wxa.ServerDomains{RequestDomain: []string{"http://insecure.example.com"}}); !isCode(err, 40097) {
		t.Fatalf("http domain: %v", err)
	}
	if _, err := app.Domain.ModifyServer(ctx, "replace", nil); !isArg(err) {
		t.Fatalf("bad action: %v", err)
	}
	eff, err := app.Domain.GetEffective(ctx)
	if err != nil || !slices.Equal(eff.EffectiveDomain.RequestDomain, []string{"https://b.example.com"}) {
		t.Fatalf("effective = %+v, %v", eff, err)
	}
	// Domains are per authorizer.
	res, err = other.Domain.ModifyServer(ctx, wxa.DomainGet, nil)
	if err != nil || len(res.RequestDomain) != 0 {
		t.Fatalf("other = %+v, %v", res, err)
	}
	wv, err := app.Domain.SetWebview(ctx, wxa.DomainSet, []string{"https://h5.example.com"})
	if err != nil || !slices.Equal(wv, []string{"https://h5.example.com"}) {
		t.Fatalf("webview = %v, %v", wv, err)
	}
	if wv, err = app.Domain.SetWebviewDirectly(ctx, wxa.DomainGet, nil); err != nil || len(wv) != 1 {
		t.Fatalf("webview get = %v, %v", wv, err)
	}
	if f, err := app.Domain.GetWebviewConfirmFile(ctx); err != nil || f.FileName == "" {
		t.Fatalf("confirm file = %+v, %v", f, err)
	}
	if p, err := app.Domain.GetPrefetchDNS(ctx); err != nil || p.SizeLimit == 0 {
		t.Fatalf("prefetch = %+v, %v", p, err)
	}
	if err := app.Domain.SetPrefetchDNS(ctx, []string{"https://dns.example.com"}); err != nil {
		t.Fatal(err)
	}

	us, err := app.Tester.Bind(ctx, "tester_wx")
	if err != nil || us == "" {
		t.Fatal(us, err)
	}
	if _, err := app.Tester.Bind(ctx, "tester_wx"); !isCode(err, 85004) {
		t.Fatalf("second bind: %v", err)
	}
	if _, err := app.Tester.Bind(ctx, "tester2"); err != nil {
		t.Fatal(err)
	}
	if list, err := app.Tester.List(ctx); err != nil || len(list) != 2 || !slices.Contains(list, us) {
		t.Fatalf("testers = %v, %v", list, err)
	}
	if list, err := other.Tester.List(ctx); err != nil || len(list) != 0 {
		t.Fatalf("other testers = %v, %v", list, err)
	}
	if err := app.Tester.Unbind(ctx, "", us); err != nil {
		t.Fatal(err)
	}
	if err := app.Tester.Unbind(ctx, "tester_wx", ""); !isCode(err, 85001) {
		t.Fatalf("unbind twice: %v", err)
	}
	if n := srv.Count("POST /wxa/bind_tester"); n != 3 {
		t.Errorf("bind_tester called %d times", n)
	}
}

func TestCodeSettings(t *testing.T) {
	_, _, apps := platform(t, appID)
	app := apps[appID]
	ctx := context.Background()
	if err := app.Search.SetSearchable(ctx, false); err != nil {
		t.Fatal(err)
	}
	if ok, err := app.Search.Searchable(ctx); err != nil || ok {
		t.Fatalf("searchable = %v, %v", ok, err)
	}
	if err := app.Code.SetSupportVersion(ctx, "2.21.0"); err != nil {
		t.Fatal(err)
	}
	if v, err := app.Code.GetSupportVersion(ctx); err != nil || v.NowVersion != "2.21.0" || len(v.UVInfo.Items) == 0 {
		t.Fatalf("support = %+v, %v", v, err)
	}
	if err := app.Code.SetVisible(ctx, false); err != nil {
		t.Fatal(err)
	}
	if st, err := app.Code.GetVisitStatus(ctx); err != nil || st != 1 {
		t.Fatalf("visit = %v, %v", st, err)
	}
	if q, err := app.Code.QueryQuota(ctx); err != nil || q.Limit == 0 {
		t.Fatalf("quota = %+v, %v", q, err)
	}
	if c, err := app.Code.GetAuditCategories(ctx); err != nil || len(c) == 0 || c[0].FirstID == 0 {
		t.Fatalf("categories = %+v, %v", c, err)
	}
	if p, err := app.Code.GetGrayReleasePlan(ctx); err != nil || p.Status != 0 {
		t.Fatalf("gray plan = %+v, %v", p, err)
	}
	if err := app.Code.GrayRelease(ctx, &wxa.GrayRelease{GrayPercentage: 101}); !isArg(err) {
		t.Fatalf("gray 101: %v", err)
	}
	if id, err := app.Code.UploadMedia(ctx, "shot.png", strings.NewReader("png")); err != nil || id == "" {
		t.Fatal(id, err)
	}
	if p, err := app.Code.GetCodePrivacyInfo(ctx); err != nil || len(p.WithoutAuthList) == 0 {
		t.Fatalf("code privacy = %+v, %v", p, err)
	}
	if o, err := app.Code.GetOrderPathInfo(ctx, 1); err != nil || o.Path == "" {
		t.Fatalf("order path = %+v, %v", o, err)
	}
	if _, err := app.Code.GetPages(ctx); !isCode(err, 85085) {
		t.Fatalf("pages before commit: %v", err)
	}
}

func TestAccountCategoryPrivacy(t *testing.T) {
	_, _, apps := platform(t, appID)
	app := apps[appID]
	ctx := context.Background()
	if r, err := app.Account.SetNickname(ctx, &wxa.Nickname{NickName: "shop"}); err != nil || r.AuditID == 0 {
		t.Fatalf("setnickname = %+v, %v", r, err)
	}
	if a, err := app.Account.QueryNickname(ctx, 444444); err != nil || a.AuditStat != 3 {
		t.Fatalf("querynickname = %+v, %v", a, err)
	}
	if c, err := app.Account.CheckNickname(ctx, "shop"); err != nil || !c.HitCondition {
		t.Fatalf("check = %+v, %v", c, err)
	}
	if err := app.Account.ModifyHeadImage(ctx, &wxa.HeadImage{MediaID: "m", X2: 1, Y2: 1}); err != nil {
		t.Fatal(err)
	}
	if err := app.Account.ModifySignature(ctx, "a good shop"); err != nil {
		t.Fatal(err)
	}
	if err := app.Account.ModifySignature(ctx, "abc"); !isArg(err) {
		t.Fatalf("short signature: %v", err)
	}
	if b, err := app.Account.GetBasicInfo(ctx); err != nil || b.AppID != appID || b.SignatureInfo.ModifyQuota.ModifyQuota == 0 {
		t.Fatalf("basic = %+v, %v", b, err)
	}
	if tree, err := app.Category.GetAll(ctx); err != nil || len(tree.Categories) == 0 {
		t.Fatalf("all = %+v, %v", tree, err)
	}
	if tree, err := app.Category.GetByType(ctx, 1); err != nil || len(tree.Categories) == 0 {
		t.Fatalf("by type = %+v, %v", tree, err)
	}
	if err := app.Category.Add(ctx, []wxa.NewCategory{{First: 1, Second: 2, Certicates: []wxa.Certificate{{Key: "k", Value: "v"}}}}); err != nil {
		t.Fatal(err)
	}
	if err := app.Category.Modify(ctx, &wxa.NewCategory{First: 1, Second: 2}); err != nil {
		t.Fatal(err)
	}
	if err := app.Category.Delete(ctx, 1, 2); err != nil {
		t.Fatal(err)
	}
	if c, err := app.Category.Get(ctx); err != nil || len(c.Categories) == 0 || c.Limit == 0 {
		t.Fatalf("get = %+v, %v", c, err)
	}
	if err := app.Privacy.Set(ctx, &wxa.PrivacySetting{PrivacyVer: 2, OwnerSetting: wxa.PrivacyOwner{ContactEmail: "a@example.com", NoticeMethod: "弹窗"}, SettingList: []wxa.PrivacyItem{{PrivacyKey: "Location", PrivacyText: "导航"}}}); err != nil {
		t.Fatal(err)
	}
	if err := app.Privacy.Set(ctx, &wxa.PrivacySetting{OwnerSetting: wxa.PrivacyOwner{NoticeMethod: "弹窗"}}); !isArg(err) {
		t.Fatalf("no contact: %v", err)
	}
	if p, err := app.Privacy.Get(ctx, 1); err != nil || len(p.SettingList) == 0 {
		t.Fatalf("privacy = %+v, %v", p, err)
	}
	if id, err := app.Privacy.UploadExtFile(ctx, "ext.txt", strings.NewReader("text")); err != nil || id == "" {
		t.Fatal(id, err)
	}
	if id, err := app.Privacy.ApplyInterface(ctx, &wxa.InterfaceApplication{APIName: "wx.getLocation", Content: "navigation"}); err != nil || id == 0 {
		t.Fatal(id, err)
	}
	if l, err := app.Privacy.GetInterfaces(ctx); err != nil || len(l) == 0 {
		t.Fatalf("interfaces = %+v, %v", l, err)
	}
}

func TestJumpICPEmbeddedLinkRegister(t *testing.T) {
	_, _, apps := platform(t, appID)
	app := apps[appID]
	ctx := context.Background()
	rule := &wxa.JumpRule{Prefix: "https://www.example.com/qr", Path: "pages/index/index", OpenVersion: 3, PermitSubRule: 1}
	if err := app.Jump.Add(ctx, rule); err != nil {
		t.Fatal(err)
	}
	if r, err := app.Jump.Get(ctx, &wxa.JumpQuery{GetType: 2, PageNum: 1, PageSize: 10}); err != nil || len(r.RuleList) == 0 {
		t.Fatalf("rules = %+v, %v", r, err)
	}
	if err := app.Jump.Publish(ctx, rule.Prefix); err != nil {
		t.Fatal(err)
	}
	if err := app.Jump.Delete(ctx, rule.Prefix); err != nil {
		t.Fatal(err)
	}
	if f, err := app.Jump.DownloadCheckFile(ctx); err != nil || f.FileContent == "" {
		t.Fatalf("check file = %+v, %v", f, err)
	}

	task, _, err := app.ICP.CreateVerifyTask(ctx, false)
	if err != nil || task == "" {
		t.Fatal(task, err)
	}
	if v, err := app.ICP.QueryVerifyTask(ctx, task); err != nil || !v.IsFinish {
		t.Fatalf("verify = %+v, %v", v, err)
	}
	for name, f := range map[string]func(context.Context) ([]wxa.ICPType, error){
		"subject": app.ICP.SubjectTypes, "nrlx": app.ICP.NrlxTypes, "cert": app.ICP.CertificateTypes, "service": app.ICP.ServiceContentTypes,
	} {
		if l, err := f(ctx); err != nil || len(l) == 0 || l[0].Name == "" {
			t.Fatalf("%s = %+v, %v", name, l, err)
		}
	}
	if d, err := app.ICP.DistrictCodes(ctx); err != nil || len(d) == 0 || len(d[0].SubList) == 0 {
		t.Fatalf("districts = %+v, %v", d, err)
	}
	m, err := app.ICP.UploadMedia(ctx, "image", 1, "icp_subject.principal_info.certificate_photo_front", "front.jpg", strings.NewReader("jpg"))
	if err != nil || m.MediaID == "" {
		t.Fatal(m, err)
	}
	var f wxa.ICPFiling
	f.ICPApplets.BaseInfo.AppID = appID
	f.ICPSubject.PrincipalInfo.VerifyTaskID = task
	if _, err := app.ICP.ApplyFiling(ctx, &f); err != nil {
		t.Fatal(err)
	}
	if e, err := app.ICP.EntranceInfo(ctx); err != nil || e.Status != wxa.ICPNotFiled {
		t.Fatalf("entrance = %+v, %v", e, err)
	}
	if o, err := app.ICP.OnlineOrder(ctx); err != nil || o.ICPApplets.BaseInfo.Name == "" {
		t.Fatalf("online = %+v, %v", o, err)
	}
	if p, err := app.ICP.QueryAuthAndICP(ctx, "proc-1"); err != nil || p.ProcedureStatus == 0 || p.OrderID == 0 {
		t.Fatalf("auth and icp = %+v, %v", p, err)
	}
	if _, err := app.ICP.QueryAuthAndICP(ctx, ""); !isArg(err) {
		t.Fatalf("empty procedure: %v", err)
	}
	if err := app.ICP.CancelApplyFiling(ctx); err != nil {
		t.Fatal(err)
	}
	if err := app.ICP.CancelFiling(ctx, 2); err != nil {
		t.Fatal(err)
	}

	if err := app.Embedded.Add(ctx, "wxfake0000000002", "payments"); err != nil {
		t.Fatal(err)
	}
	if l, err := app.Embedded.List(ctx, 0, 10); err != nil || len(l.List) == 0 {
		t.Fatalf("embedded = %+v, %v", l, err)
	}
	if err := app.Embedded.SetAuthorize(ctx, 2, []string{"wxfake0000000003"}); err != nil {
		t.Fatal(err)
	}
	if err := app.Embedded.DeleteAuthorize(ctx, "wxfake0000000003"); err != nil {
		t.Fatal(err)
	}
	if l, n, err := app.Embedded.OwnList(ctx, 0, 0); err != nil || n != 1 || len(l) != 1 {
		t.Fatalf("own = %+v %d, %v", l, n, err)
	}
	if err := app.Embedded.Delete(ctx, "wxfake0000000002"); err != nil {
		t.Fatal(err)
	}

	if err := app.Link.Link(ctx, "wxfake0000000001", true, false); err != nil {
		t.Fatal(err)
	}
	if l, err := app.Link.List(ctx); err != nil || len(l) == 0 {
		t.Fatalf("linked = %+v, %v", l, err)
	}
	if err := app.Link.Unlink(ctx, "wxfake0000000001"); err != nil {
		t.Fatal(err)
	}
	if s, err := app.Link.GetShowItem(ctx); err != nil || s.AppID == "" {
		t.Fatalf("show item = %+v, %v", s, err)
	}
	if err := app.Link.UpdateShowItem(ctx, false, ""); err != nil {
		t.Fatal(err)
	}
	if r, err := app.Register.FastRegister(ctx, "ticket"); err != nil || r.AuthorizationCode == "" {
		t.Fatalf("fastregister = %+v, %v", r, err)
	}
	if r, err := app.Register.CreateBeta(ctx, "trial", "openid"); err != nil || r.AuthorizeURL == "" {
		t.Fatalf("beta = %+v, %v", r, err)
	}
	if id, err := app.Register.VerifyBeta(ctx, &wxa.VerifyInfo{EnterpriseName: "e", Code: "c", CodeType: 1, LegalPersonaWechat: "w", LegalPersonaName: "n"}); err != nil || id == "" {
		t.Fatal(id, err)
	}
	if err := app.Register.RebindAdmin(ctx, "task"); err != nil {
		t.Fatal(err)
	}
	// The trial QR code stream of a mini program without code is an APIError.
	if _, err := app.Code.GetTrialQRCode(ctx, ""); !isCode(err, 85085) {
		t.Fatalf("qrcode without code: %v", err)
	}
}

func isArg(err error) bool {
	var ae *wechat.ArgumentError
	return errors.As(err, &ae)
}
