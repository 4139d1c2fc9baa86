package miniprogram_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestVODDramaAuthorization(t *testing.T) {
	srv, c := newClient(t, fakewechat.WithClock(frozenClock))
	ctx := t.Context()
	v := c.VOD
	const b1, b2 = "wx00000000000000b1", "wx00000000000000b2"

	m, err := v.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "授权剧 - 第 1 集", MediaType: "MP4"}, strings.NewReader("video"))
	if err != nil {
		t.Fatal(err)
	}
	drama, err := v.AuditDrama(ctx, &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLicensed, Name: "授权剧", MediaCount: 1, MediaIDList: []int64{m},
		Producer: "制作方", Description: "剧情", CoverMaterialID: "cover", RegistrationNumber: "备案号"})
	if err != nil {
		t.Fatal(err)
	}

	// Under review, and unknown: refused drama by drama.
	res, err := v.AuthorizeDrama(ctx, b1, []int64{drama, 999}, 0)
	if err != nil || len(res) != 2 || res[0].DramaID != drama || res[0].ErrCode != fakewechat.CodeMPVODNotApproved ||
		res[1].DramaID != 999 || res[1].ErrCode != fakewechat.CodeMPVODNotFound || res[1].ErrMsg == "" {
		t.Fatalf("AuthorizeDrama before approval = %+v, %v", res, err)
	}
	_, body := last(t, srv, "POST /wxa/sec/vod/authorizedrama")
	if got := asJSON(t, body); got != `{"authorized_appid":"wx00000000000000b1","drama_id":[`+strconv.FormatInt(drama, 10)+`,999]}` {
		t.Fatalf("authorizedrama body %s", got)
	}
	if !srv.MPSetDramaAudit(fakewechat.DefaultAppID, drama, 3, "") {
		t.Fatal("drama unknown to the fake")
	}

	now := srv.Now().Unix()
	_, err = v.AuthorizeDrama(ctx, b1, []int64{drama}, now+86400)
	wantAPIError(t, err, fakewechat.CodeMPVODBadArgs)
	expire := now + 30*86400
	if res, err := v.AuthorizeDrama(ctx, b1, []int64{drama}, expire); err != nil || len(res) != 1 || res[0].ErrCode != 0 || res[0].ErrMsg != "ok" {
		t.Fatalf("AuthorizeDrama = %+v, %v", res, err)
	}
	if res, err := v.AuthorizeDrama(ctx, b2, []int64{drama}, 0); err != nil || res[0].ErrCode != 0 {
		t.Fatalf("AuthorizeDrama = %+v, %v", res, err)
	}

	list, total, err := v.ListDramaAuthorizations(ctx, miniprogram.DramaAuthorizationQuery{DramaID: drama})
	if err != nil || total != 2 || len(list) != 2 {
		t.Fatalf("ListDramaAuthorizations = %+v, %d, %v", list, total, err)
	}
	if a := list[0]; a.DramaID != drama || a.AuthorizedAppID != b1 || a.AuthorizedTime != now || a.AuthzExpireTime != expire {
		t.Fatalf("authorization %+v", a)
	}
	page, total, err := v.ListDramaAuthorizations(ctx, miniprogram.DramaAuthorizationQuery{Offset: 1, Limit: 1})
	if err != nil || total != 2 || len(page) != 1 || page[0].AuthorizedAppID != b2 || page[0].AuthzExpireTime != 0 {
		t.Fatalf("second page = %+v, %d, %v", page, total, err)
	}
	if only, total, err := v.ListDramaAuthorizations(ctx, miniprogram.DramaAuthorizationQuery{AuthorizedAppID: b2}); err != nil || total != 1 || only[0].AuthorizedAppID != b2 {
		t.Fatalf("by appid = %+v, %d, %v", only, total, err)
	}

	if res, err := v.DeauthorizeDrama(ctx, b1, []int64{drama}); err != nil || len(res) != 1 || res[0].ErrCode != 0 {
		t.Fatalf("DeauthorizeDrama = %+v, %v", res, err)
	}
	if res, err := v.DeauthorizeDrama(ctx, b1, []int64{drama}); err != nil || res[0].ErrCode != fakewechat.CodeMPVODNoAuthorization {
		t.Fatalf("DeauthorizeDrama again = %+v, %v", res, err)
	}
	if _, total, err := v.ListDramaAuthorizations(ctx, miniprogram.DramaAuthorizationQuery{}); err != nil || total != 1 {
		t.Fatalf("after deauthorization: %d, %v", total, err)
	}

	k := len(srv.Requests())
	_, err = v.AuthorizeDrama(ctx, "", []int64{drama}, 0)
	wantArgError(t, srv, k, err, "authorized_appid")
	_, err = v.AuthorizeDrama(ctx, b1, nil, 0)
	wantArgError(t, srv, k, err, "drama_id")
	_, err = v.AuthorizeDrama(ctx, b1, []int64{drama}, -1)
	wantArgError(t, srv, k, err, "authz_expire_time")
	_, err = v.DeauthorizeDrama(ctx, b1, []int64{0})
	wantArgError(t, srv, k, err, "drama_id")
	_, _, err = v.ListDramaAuthorizations(ctx, miniprogram.DramaAuthorizationQuery{Limit: 1001})
	wantArgError(t, srv, k, err, "limit")
}

func TestVODAppAuthorization(t *testing.T) {
	srv, c := newClient(t, fakewechat.WithClock(frozenClock))
	ctx := t.Context()
	v := c.VOD

	if list, err := v.AppAuthorizations(ctx); err != nil || len(list) != 0 {
		t.Fatalf("AppAuthorizations before = %+v, %v", list, err)
	}
	now := srv.Now().Unix()
	wantAPIError(t, v.AuthorizeApp(ctx, "wx00000000000000b1", now+3600), fakewechat.CodeMPVODBadArgs)
	if err := v.AuthorizeApp(ctx, "wx00000000000000b1", now+8*86400); err != nil {
		t.Fatal(err)
	}
	_, body := last(t, srv, "POST /wxa/sec/vod/authorizeapp")
	if got := asJSON(t, body); got != `{"authorized_appid":"wx00000000000000b1","authz_expire_time":`+strconv.FormatInt(now+8*86400, 10)+`}` {
		t.Fatalf("authorizeapp body %s", got)
	}
	if err := v.AuthorizeApp(ctx, "wx00000000000000b2", 0); err != nil {
		t.Fatal(err)
	}
	if err := v.AuthorizeApp(ctx, "wx00000000000000b1", 0); err != nil { // now with no end
		t.Fatal(err)
	}
	list, err := v.AppAuthorizations(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("AppAuthorizations = %+v, %v", list, err)
	}
	if a := list[0]; a.AuthorizedAppID != "wx00000000000000b1" || a.AuthorizedTime != now || a.AuthzExpireTime != 0 || list[1].AuthorizedAppID != "wx00000000000000b2" {
		t.Fatalf("AppAuthorizations = %+v", list)
	}

	k := len(srv.Requests())
	wantArgError(t, srv, k, v.AuthorizeApp(ctx, "", 0), "authorized_appid")
	wantArgError(t, srv, k, v.AuthorizeApp(ctx, "wx00000000000000b1", -5), "authz_expire_time")
}
