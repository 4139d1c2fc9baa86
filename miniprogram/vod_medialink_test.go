package miniprogram_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestVODMediaLinkExpiry(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	v := c.VOD

	m, err := v.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "链接剧 - 第 1 集", MediaType: "MP4"}, strings.NewReader("video"))
	if err != nil {
		t.Fatal(err)
	}
	drama, err := v.AuditDrama(ctx, &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLicensed, Name: "链接剧", MediaCount: 1, MediaIDList: []int64{m},
		Producer: "制作方", Description: "剧情", CoverMaterialID: "cover", RegistrationNumber: "备案号"})
	if err != nil {
		t.Fatal(err)
	}
	srv.MPSetDramaAudit(fakewechat.DefaultAppID, drama, 3, "")

	now := srv.Now().Unix()
	expire := now + 3600
	link, err := v.GetMediaLink(ctx, m, expire, miniprogram.MediaLinkOptions{US: "abcd", Exper: 30, RLimit: 3})
	if err != nil {
		t.Fatal(err)
	}
	hex := "t=" + strconv.FormatInt(expire, 16)
	if link.MediaID != m || link.Name != "链接剧 - 第 1 集" || !strings.Contains(link.MP4URL, ".mp4?"+hex) ||
		!strings.Contains(link.HLSURL, hex) || !strings.Contains(link.MP4URL, "us=abcd-") {
		t.Fatalf("GetMediaLink = %+v", link)
	}
	_, body := last(t, srv, "POST /wxa/sec/vod/getmedialink")
	if body["exper"] != 30.0 || body["t"] != float64(expire) || body["us"] != "abcd" || body["rlimit"] != 3.0 {
		t.Fatalf("getmedialink body %v", body)
	}

	_, err = v.GetMediaLink(ctx, m, now+7201, miniprogram.MediaLinkOptions{})
	wantAPIError(t, err, fakewechat.CodeMPVODLinkTooLong)
	_, err = v.GetMediaLink(ctx, m, now, miniprogram.MediaLinkOptions{})
	wantAPIError(t, err, 40097)
	_, err = v.GetMediaLink(ctx, m, expire, miniprogram.MediaLinkOptions{Exper: 61}) // the fake's videos last 60 s
	wantAPIError(t, err, 40097)

	k := len(srv.Requests())
	_, err = v.GetMediaLink(ctx, m, expire, miniprogram.MediaLinkOptions{Exper: -1})
	wantArgError(t, srv, k, err, "exper")
}
