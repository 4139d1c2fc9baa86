package miniprogram_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

// approvedDrama uploads n episodes, submits them as a drama and has the
// fake approve it.
func approvedDrama(t *testing.T, srv *fakewechat.Server, c *miniprogram.Client, n int) (int64, []int64) {
	t.Helper()
	ctx := t.Context()
	ids := make([]int64, n)
	for i := range ids {
		id, err := c.VOD.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: fmt.Sprintf("剧 - 第 %d 集", i+1), MediaType: "MP4"}, strings.NewReader("video"))
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = id
	}
	drama, err := c.VOD.AuditDrama(ctx, &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLowCost, Name: "剧", MediaCount: n, MediaIDList: ids,
		Producer: "制作方", Description: "剧情", CoverMaterialID: "cover"})
	if err != nil {
		t.Fatal(err)
	}
	if !srv.MPSetDramaAudit(fakewechat.DefaultAppID, drama, 3, "") {
		t.Fatal("drama unknown to the fake")
	}
	return drama, ids
}

func TestVODReplaceDramaMedia(t *testing.T) {
	srv, c := newClient(t, fakewechat.WithClock(frozenClock))
	ctx := t.Context()
	v := c.VOD
	drama, eps := approvedDrama(t, srv, c, 2)
	fresh, err := v.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "剧 - 第 2 集", MediaType: "MP4"}, strings.NewReader("new video"))
	if err != nil {
		t.Fatal(err)
	}

	// Nothing submitted: no replacement review, and nothing to replace.
	if a, err := v.DramaLatestAudit(ctx, drama, miniprogram.DramaAuditReplace); err != nil || a.Status != 0 || a.CreateTime != 0 {
		t.Fatalf("DramaLatestAudit before = %+v, %v", a, err)
	}
	wantAPIError(t, v.ReplaceDramaMedia(ctx, drama, eps[1], fresh), fakewechat.CodeInvalidArgs)

	if err := v.SubmitReplaceDramaMedias(ctx, drama, []miniprogram.DramaMediaReplacement{{Old: eps[1], New: fresh}}); err != nil {
		t.Fatal(err)
	}
	rr, _ := last(t, srv, "POST /wxa/sec/vod/submitreplacedramamedias")
	if want := fmt.Sprintf(`{"drama_id":%d,"replace_media_list":[{"old":%d,"new":%d}]}`, drama, eps[1], fresh); string(rr.Body) != want {
		t.Fatalf("submitreplacedramamedias body %s, want %s", rr.Body, want)
	}
	now := srv.Now().Unix()
	if a, err := v.DramaLatestAudit(ctx, drama, miniprogram.DramaAuditReplace); err != nil || *a != (miniprogram.DramaAuditInfo{Status: 1, CreateTime: now}) {
		t.Fatalf("DramaLatestAudit reviewing = %+v, %v", a, err)
	}
	_, body := last(t, srv, "POST /wxa/sec/vod/getdramalatestauditinfo")
	if got := asJSON(t, body); got != fmt.Sprintf(`{"audit_type":2,"drama_id":%d}`, drama) {
		t.Fatalf("getdramalatestauditinfo body %s", got)
	}
	// Under review: not yet replaceable.
	wantAPIError(t, v.ReplaceDramaMedia(ctx, drama, eps[1], fresh), fakewechat.CodeInvalidArgs)
	if !srv.MPSetDramaReview(fakewechat.DefaultAppID, drama, miniprogram.DramaAuditReplace, 3) {
		t.Fatal("no replacement review")
	}
	if a, err := v.DramaLatestAudit(ctx, drama, miniprogram.DramaAuditReplace); err != nil || a.Status != 3 || a.AuditTime != now {
		t.Fatalf("DramaLatestAudit approved = %+v, %v", a, err)
	}
	// The drama's own review is still the first submission's.
	if a, err := v.DramaLatestAudit(ctx, drama, miniprogram.DramaAuditFirst); err != nil || a.Status != 3 {
		t.Fatalf("DramaLatestAudit first = %+v, %v", a, err)
	}

	if err := v.ReplaceDramaMedia(ctx, drama, eps[1], fresh); err != nil {
		t.Fatal(err)
	}
	_, body = last(t, srv, "POST /wxa/sec/vod/replacedramamedia")
	if got := asJSON(t, body); got != fmt.Sprintf(`{"drama_id":%d,"new_media_id":%d,"old_media_id":%d}`, drama, fresh, eps[1]) {
		t.Fatalf("replacedramamedia body %s", got)
	}
	d, err := v.GetDrama(ctx, drama)
	if err != nil || len(d.MediaList) != 2 || d.MediaList[0].MediaID != eps[0] || d.MediaList[1].MediaID != fresh {
		t.Fatalf("drama after replacement = %+v, %v", d, err)
	}
	if m, err := v.GetMedia(ctx, fresh); err != nil || m.DramaID != drama || m.AuditDetail.Status != 3 {
		t.Fatalf("new media = %+v, %v", m, err)
	}
	// Applied once.
	wantAPIError(t, v.ReplaceDramaMedia(ctx, drama, eps[1], fresh), fakewechat.CodeInvalidArgs)

	// An approved replacement expires after 7 days.
	other, _ := v.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "剧 - 第 1 集", MediaType: "MP4"}, strings.NewReader("v"))
	if err := v.SubmitReplaceDramaMedias(ctx, drama, []miniprogram.DramaMediaReplacement{{Old: eps[0], New: other}}); err != nil {
		t.Fatal(err)
	}
	srv.MPSetDramaReview(fakewechat.DefaultAppID, drama, miniprogram.DramaAuditReplace, 3)
	srv.Advance(8 * 24 * time.Hour)
	wantAPIError(t, v.ReplaceDramaMedia(ctx, drama, eps[0], other), fakewechat.CodeInvalidArgs)

	// WeChat's checks.
	wantAPIError(t, v.SubmitReplaceDramaMedias(ctx, 999, []miniprogram.DramaMediaReplacement{{Old: 1, New: 2}}), fakewechat.CodeMPVODNotFound)
	wantAPIError(t, v.SubmitReplaceDramaMedias(ctx, drama, []miniprogram.DramaMediaReplacement{{Old: other, New: fresh}}), fakewechat.CodeInvalidArgs)
	wantAPIError(t, v.SubmitReplaceDramaMedias(ctx, drama, []miniprogram.DramaMediaReplacement{{Old: eps[0], New: 99999}}), fakewechat.CodeMPVODNotFound)
	pending, _ := approvedDrama(t, srv, c, 1)
	srv.MPSetDramaAudit(fakewechat.DefaultAppID, pending, 1, "")
	wantAPIError(t, v.SubmitReplaceDramaMedias(ctx, pending, []miniprogram.DramaMediaReplacement{{Old: 1, New: 2}}), fakewechat.CodeMPVODNotApproved)
	_, err = v.DramaLatestAudit(ctx, 999, miniprogram.DramaAuditFirst)
	wantAPIError(t, err, fakewechat.CodeMPVODNotFound)

	k := len(srv.Requests())
	wantArgError(t, srv, k, v.SubmitReplaceDramaMedias(ctx, 0, []miniprogram.DramaMediaReplacement{{Old: 1, New: 2}}), "drama_id")
	wantArgError(t, srv, k, v.SubmitReplaceDramaMedias(ctx, drama, nil), "replace_media_list")
	wantArgError(t, srv, k, v.SubmitReplaceDramaMedias(ctx, drama, []miniprogram.DramaMediaReplacement{{Old: 1}}), "replace_media_list")
	wantArgError(t, srv, k, v.ReplaceDramaMedia(ctx, 0, 1, 2), "drama_id")
	wantArgError(t, srv, k, v.ReplaceDramaMedia(ctx, drama, 1, 0), "old_media_id")
	_, err = v.DramaLatestAudit(ctx, drama, 4)
	wantArgError(t, srv, k, err, "audit_type")
	_, err = v.DramaLatestAudit(ctx, -1, 0)
	wantArgError(t, srv, k, err, "drama_id")
}

func TestVODModifyDramaBasicInfo(t *testing.T) {
	srv, c := newClient(t, fakewechat.WithClock(frozenClock))
	ctx := t.Context()
	v := c.VOD
	drama, _ := approvedDrama(t, srv, c, 1)

	in := &miniprogram.DramaBasicInfo{DramaID: drama, Description: "新的简介 & 更多", Recommendations: "好看", AlternateName: "备用名",
		QualificationType: miniprogram.QualificationLicensed, RegistrationNumber: "V123", QualificationCertificateMaterialID: "cert"}
	if err := v.ModifyDramaBasicInfo(ctx, in); err != nil {
		t.Fatal(err)
	}
	rr, _ := last(t, srv, "POST /wxa/sec/vod/modifydramabasicinfo")
	want := fmt.Sprintf(`{"drama_id":%d,"description":"新的简介 & 更多","recommendations":"好看","alternate_name":"备用名","qualification_type":1,"registration_number":"V123","qualification_certificate_material_id":"cert"}`, drama)
	if string(rr.Body) != want {
		t.Fatalf("modifydramabasicinfo body %s, want %s", rr.Body, want)
	}
	// Applied only once the review approves it.
	if d, err := v.GetDrama(ctx, drama); err != nil || d.Description != "剧情" {
		t.Fatalf("drama before review = %+v, %v", d, err)
	}
	if a, err := v.DramaLatestAudit(ctx, drama, miniprogram.DramaAuditModify); err != nil || a.Status != 1 {
		t.Fatalf("modify review = %+v, %v", a, err)
	}
	if srv.MPSetDramaReview(fakewechat.DefaultAppID, drama, miniprogram.DramaAuditReplace, 3) {
		t.Fatal("a replacement review that was never submitted")
	}
	srv.MPSetDramaReview(fakewechat.DefaultAppID, drama, miniprogram.DramaAuditModify, 3)
	if d, err := v.GetDrama(ctx, drama); err != nil || d.Description != "新的简介 & 更多" {
		t.Fatalf("drama after review = %+v, %v", d, err)
	}

	wantAPIError(t, v.ModifyDramaBasicInfo(ctx, &miniprogram.DramaBasicInfo{DramaID: 999}), fakewechat.CodeMPVODNotFound)
	k := len(srv.Requests())
	wantArgError(t, srv, k, v.ModifyDramaBasicInfo(ctx, nil), "drama_id")
	wantArgError(t, srv, k, v.ModifyDramaBasicInfo(ctx, &miniprogram.DramaBasicInfo{DramaID: drama, Description: strings.Repeat("字", 201)}), "description")
	wantArgError(t, srv, k, v.ModifyDramaBasicInfo(ctx, &miniprogram.DramaBasicInfo{DramaID: drama, QualificationType: 1}), "registration_number")
	wantArgError(t, srv, k, v.ModifyDramaBasicInfo(ctx, &miniprogram.DramaBasicInfo{DramaID: drama, QualificationType: 3}), "qualification_type")
}

func TestVODListPackages(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	v := c.VOD

	list, total, err := v.ListPackages(ctx, miniprogram.VODPackageQuery{Status: 0, Limit: 1})
	if err != nil || total != 2 || len(list) != 1 {
		t.Fatalf("ListPackages = %+v, %d, %v", list, total, err)
	}
	rr, _ := last(t, srv, "POST /wxa/sec/vod/listpackages")
	if string(rr.Body) != `{"status":0,"offset":0,"limit":1}` {
		t.Fatalf("listpackages body %s", rr.Body)
	}
	if p := list[0]; p.PackageID != "pkg_1001" || p.All-p.Used != 8800 || p.Status != 1 || p.OrderID == "" || p.EndTime <= p.StartTime {
		t.Fatalf("package %+v", p)
	}
	var ids []string
	for p, err := range v.Packages(ctx, miniprogram.VODPackageQuery{Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.PackageID)
	}
	if strings.Join(ids, ",") != "pkg_1001,pkg_1000" {
		t.Fatalf("Packages = %v", ids)
	}
	if list, total, err := v.ListPackages(ctx, miniprogram.VODPackageQuery{Status: 3, Limit: 100}); err != nil || total != 1 || list[0].Status != 3 {
		t.Fatalf("expired = %+v, %d, %v", list, total, err)
	}
	if list, total, err := v.ListPackages(ctx, miniprogram.VODPackageQuery{Limit: 100, QueryType: 1}); err != nil || total != 1 || list[0].PackageID != "pkg_2001" {
		t.Fatalf("targeted = %+v, %d, %v", list, total, err)
	}

	k := len(srv.Requests())
	_, _, err = v.ListPackages(ctx, miniprogram.VODPackageQuery{Status: 4, Limit: 1})
	wantArgError(t, srv, k, err, "status")
	_, _, err = v.ListPackages(ctx, miniprogram.VODPackageQuery{})
	wantArgError(t, srv, k, err, "limit")
	_, _, err = v.ListPackages(ctx, miniprogram.VODPackageQuery{Limit: 101})
	wantArgError(t, srv, k, err, "limit")
	_, _, err = v.ListPackages(ctx, miniprogram.VODPackageQuery{Limit: 1, QueryType: 2})
	wantArgError(t, srv, k, err, "query_type")
}

func TestVODCopyrightAuthorization(t *testing.T) {
	srv, c := newClient(t, fakewechat.WithClock(frozenClock))
	ctx := t.Context()
	v := c.VOD
	drama, _ := approvedDrama(t, srv, c, 1)
	const grantee = "wx00000000000000c1"
	toApp := miniprogram.CopyrightGrantee{AuthorizationType: miniprogram.CopyrightToApp, AuthorizedAppID: grantee}

	now := srv.Now().Unix()
	res, err := v.AuthorizeCopyright(ctx, toApp, []int64{drama, 999}, now+30*86400)
	if err != nil || len(res) != 2 || res[0] != (miniprogram.DramaAuthResult{DramaID: drama, ErrMsg: "ok"}) ||
		res[1].DramaID != 999 || res[1].ErrCode != fakewechat.CodeMPVODNotFound {
		t.Fatalf("AuthorizeCopyright = %+v, %v", res, err)
	}
	rr, _ := last(t, srv, "POST /wxa/sec/vod/authorizecopyright")
	if want := fmt.Sprintf(`{"authorization_type":2,"authorized_appid":"%s","drama_ids":[%d,999],"expire_time":%d}`, grantee, drama, now+30*86400); string(rr.Body) != want {
		t.Fatalf("authorizecopyright body %s, want %s", rr.Body, want)
	}
	toSubject := miniprogram.CopyrightGrantee{AuthorizationType: miniprogram.CopyrightToSubject, AuthorizedSubjectCertNo: "91440300MA5FAKE000"}
	if res, err := v.AuthorizeCopyright(ctx, toSubject, []int64{drama}, 0); err != nil || res[0].ErrCode != 0 {
		t.Fatalf("AuthorizeCopyright to a subject = %+v, %v", res, err)
	}
	_, err = v.AuthorizeCopyright(ctx, toApp, []int64{drama}, now+86400)
	wantAPIError(t, err, fakewechat.CodeMPVODBadArgs)

	// The grantee sees the authorization made to its appid.
	other, err := miniprogram.New(wechat.Config{AppID: grantee, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	srv.AddApp(grantee, fakewechat.DefaultSecret)
	list, total, err := other.VOD.ListCopyrightAuthorized(ctx, miniprogram.CopyrightAuthorizedQuery{AuthorizerAppID: fakewechat.DefaultAppID})
	if err != nil || total != 1 || len(list) != 1 {
		t.Fatalf("ListCopyrightAuthorized = %+v, %d, %v", list, total, err)
	}
	if a := list[0]; a != (miniprogram.CopyrightAuthorization{AuthorizerAppID: fakewechat.DefaultAppID, AuthorizationType: 2, AuthorizedAppID: grantee,
		DramaID: drama, AuthorizedTime: now, ExpireTime: now + 30*86400}) {
		t.Fatalf("authorization %+v", a)
	}
	n := 0
	for _, err := range other.VOD.CopyrightAuthorized(ctx, miniprogram.CopyrightAuthorizedQuery{Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 1 {
		t.Fatalf("CopyrightAuthorized yielded %d", n)
	}
	if _, total, err := other.VOD.ListCopyrightAuthorized(ctx, miniprogram.CopyrightAuthorizedQuery{AuthorizerAppID: "wx00000000000000ff"}); err != nil || total != 0 {
		t.Fatalf("other authorizer: %d, %v", total, err)
	}

	if res, err := v.DeauthorizeCopyright(ctx, toApp, []int64{drama}); err != nil || res[0].ErrCode != 0 {
		t.Fatalf("DeauthorizeCopyright = %+v, %v", res, err)
	}
	_, body := last(t, srv, "POST /wxa/sec/vod/deauthorizecopyright")
	if got := asJSON(t, body); got != fmt.Sprintf(`{"authorization_type":2,"authorized_appid":"%s","drama_ids":[%d]}`, grantee, drama) {
		t.Fatalf("deauthorizecopyright body %s", got)
	}
	if res, err := v.DeauthorizeCopyright(ctx, toApp, []int64{drama}); err != nil || res[0].ErrCode != fakewechat.CodeMPVODNoAuthorization {
		t.Fatalf("DeauthorizeCopyright again = %+v, %v", res, err)
	}
	if _, total, err := other.VOD.ListCopyrightAuthorized(ctx, miniprogram.CopyrightAuthorizedQuery{}); err != nil || total != 0 {
		t.Fatalf("after deauthorization: %d, %v", total, err)
	}

	k := len(srv.Requests())
	_, err = v.AuthorizeCopyright(ctx, miniprogram.CopyrightGrantee{AuthorizationType: 3}, []int64{drama}, 0)
	wantArgError(t, srv, k, err, "authorization_type")
	_, err = v.AuthorizeCopyright(ctx, miniprogram.CopyrightGrantee{AuthorizationType: 1}, []int64{drama}, 0)
	wantArgError(t, srv, k, err, "authorized_subject_cert_no")
	_, err = v.DeauthorizeCopyright(ctx, miniprogram.CopyrightGrantee{AuthorizationType: 2}, []int64{drama})
	wantArgError(t, srv, k, err, "authorized_appid")
	_, err = v.AuthorizeCopyright(ctx, toApp, make([]int64, 101), 0)
	wantArgError(t, srv, k, err, "drama_ids")
	_, err = v.AuthorizeCopyright(ctx, toApp, []int64{0}, 0)
	wantArgError(t, srv, k, err, "drama_ids")
	_, err = v.AuthorizeCopyright(ctx, toApp, []int64{drama}, -1)
	wantArgError(t, srv, k, err, "expire_time")
	_, _, err = v.ListCopyrightAuthorized(ctx, miniprogram.CopyrightAuthorizedQuery{Limit: 1001})
	wantArgError(t, srv, k, err, "limit")
}
