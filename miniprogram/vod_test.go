package miniprogram_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestVOD(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	app := fakewechat.DefaultAppID
	v := c.VOD

	m1, err := v.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "我的演艺 - 第 1 集", MediaType: "MP4"}, strings.NewReader("video bytes"))
	if err != nil || m1 == 0 {
		t.Fatalf("UploadSingleFile = %d, %v", m1, err)
	}
	task, err := v.PullUpload(ctx, "我的演艺 - 第 2 集", "https://example.com/2.mp4", "", "ctx")
	if err != nil {
		t.Fatal(err)
	}
	ti, err := v.GetTask(ctx, task)
	if err != nil || ti.Status != 3 || ti.MediaID == 0 {
		t.Fatalf("GetTask = %+v, %v", ti, err)
	}
	up, err := v.ApplyUpload(ctx, miniprogram.VODUpload{MediaName: "我的演艺 - 第 3 集", MediaType: "MP4", CoverType: "JPG"})
	if err != nil {
		t.Fatal(err)
	}
	var parts []miniprogram.VODPart
	for i := 1; i <= 2; i++ {
		p, err := v.UploadPart(ctx, up, i, miniprogram.VODPartVideo, bytes.NewReader(bytes.Repeat([]byte{'x'}, 1000*i)))
		if err != nil || p.ETag == "" {
			t.Fatalf("UploadPart = %+v, %v", p, err)
		}
		parts = append(parts, p)
	}
	cover, err := v.UploadPart(ctx, up, 1, miniprogram.VODPartCover, strings.NewReader("jpg"))
	if err != nil {
		t.Fatal(err)
	}
	bad := []miniprogram.VODPart{{PartNumber: 1, ETag: "forged"}}
	_, err = v.CommitUpload(ctx, up, bad, nil)
	wantAPIError(t, err, 40097)
	m3, err := v.CommitUpload(ctx, up, parts, []miniprogram.VODPart{cover})
	if err != nil || m3 == 0 {
		t.Fatalf("CommitUpload = %d, %v", m3, err)
	}

	n := 0
	for m, err := range v.Media(ctx, miniprogram.VODMediaQuery{Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		if m.AuditDetail == nil || m.AuditDetail.Status != 0 {
			t.Fatalf("media %+v", m)
		}
		n++
	}
	if n != 3 {
		t.Fatalf("iterated %d media", n)
	}
	if m, err := v.GetMedia(ctx, m1); err != nil || m.Name != "我的演艺 - 第 1 集" || m.FileSize != int64(len("video bytes")) {
		t.Fatalf("GetMedia = %+v, %v", m, err)
	}

	drama, err := v.AuditDrama(ctx, &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLicensed, Name: "我的演艺", MediaCount: 2, MediaIDList: []int64{m1, ti.MediaID},
		Producer: "腾讯", Description: "剧情", CoverMaterialID: "cover_id", RegistrationNumber: "备案号"})
	if err != nil || drama == 0 {
		t.Fatalf("AuditDrama = %d, %v", drama, err)
	}
	_, err = v.GetMediaLink(ctx, m1, srv.Now().Unix()+7200, miniprogram.MediaLinkOptions{})
	wantAPIError(t, err, fakewechat.CodeMPVODNotApproved)
	if !srv.MPSetDramaAudit(app, drama, 3, "") {
		t.Fatal("drama unknown to the fake")
	}
	link, err := v.GetMediaLink(ctx, m1, srv.Now().Unix()+7200, miniprogram.MediaLinkOptions{US: "abcd", RLimit: 3})
	if err != nil || !strings.Contains(link.MP4URL, ".mp4?") {
		t.Fatalf("GetMediaLink = %+v, %v", link, err)
	}
	d, err := v.GetDrama(ctx, drama)
	if err != nil || d.MediaCount != 2 || d.AuditDetail.Status != 3 || len(d.MediaList) != 2 {
		t.Fatalf("GetDrama = %+v, %v", d, err)
	}
	var dramas int
	for _, err := range v.Dramas(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		dramas++
	}
	if dramas != 1 {
		t.Fatalf("iterated %d dramas", dramas)
	}
	if err := v.DeleteMedia(ctx, m3); err != nil {
		t.Fatal(err)
	}
	_, err = v.GetMedia(ctx, m3)
	wantAPIError(t, err, fakewechat.CodeMPVODNotFound)
	wantAPIError(t, v.DeleteMedia(ctx, m1), 40097)

	if u, err := v.CDNUsageData(ctx, 1711814400, 1711900800, 300, 1); err != nil || len(u) != 2 {
		t.Fatalf("CDNUsageData = %+v, %v", u, err)
	}
	if l, err := v.CDNLogs(ctx, 1711814400, 1711900800, 0, 10); err != nil || len(l) != 1 {
		t.Fatalf("CDNLogs = %+v, %v", l, err)
	}

	k := len(srv.Requests())
	_, err = v.UploadPart(ctx, up, 101, 1, strings.NewReader("x"))
	wantArgError(t, srv, k, err, "part_number")
	_, err = v.AuditDrama(ctx, &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLicensed, Name: "n", Producer: "p", Description: "d", CoverMaterialID: "c", MediaCount: 2, MediaIDList: []int64{1}})
	wantArgError(t, srv, k, err, "media_id_list")
	_, err = v.GetMediaLink(ctx, m1, 1, miniprogram.MediaLinkOptions{RLimit: 10})
	wantArgError(t, srv, k, err, "rlimit")
	_, err = v.CDNUsageData(ctx, 1, 2, 7, 1)
	wantArgError(t, srv, k, err, "time_granularity")
	_, err = v.ListMedia(ctx, miniprogram.VODMediaQuery{Limit: 101})
	wantArgError(t, srv, k, err, "limit")
}
