package miniprogram_test

import (
	"strings"
	"testing"

	"github.com/weixin-go/wechat/miniprogram"
)

func TestVODAuditDramaDescription(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	v := c.VOD

	m, err := v.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "简介剧 - 第 1 集", MediaType: "MP4"}, strings.NewReader("video"))
	if err != nil {
		t.Fatal(err)
	}
	in := &miniprogram.DramaAudit{Name: "简介剧", MediaCount: 1, MediaIDList: []int64{m}, Producer: "制作方",
		Description: strings.Repeat("剧", miniprogram.MaxDramaDescription+1), CoverMaterialID: "cover", RegistrationNumber: "备案号"}
	k := len(srv.Requests())
	_, err = v.AuditDrama(ctx, in)
	wantArgError(t, srv, k, err, "description")

	in.Description = strings.Repeat("剧", miniprogram.MaxDramaDescription) // 200 characters, 600 bytes
	drama, err := v.AuditDrama(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	d, err := v.GetDrama(ctx, drama)
	if err != nil || d.Description != in.Description || d.AuditDetail.Status != 1 {
		t.Fatalf("GetDrama = %+v, %v", d, err)
	}
	k = len(srv.Requests())
	_, err = v.AuditDrama(ctx, &miniprogram.DramaAudit{DramaID: drama, Description: in.Description + "剧"})
	wantArgError(t, srv, k, err, "description")
}
