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
	in := &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLicensed, Name: "简介剧", MediaCount: 1, MediaIDList: []int64{m}, Producer: "制作方",
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

// The current docs' qualification: type 2 (no license, low cost) needs no
// registration number, a first submission without a type is refused before
// sending, and the fake refuses one that reaches it anyway, as WeChat does
// ("剧目资质类型不正确").
func TestVODAuditDramaQualification(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	v := c.VOD
	m, err := v.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "资质剧 - 第 1 集", MediaType: "MP4"}, strings.NewReader("video"))
	if err != nil {
		t.Fatal(err)
	}
	in := &miniprogram.DramaAudit{Name: "资质剧", MediaCount: 1, MediaIDList: []int64{m}, Producer: "制作方",
		Description: "简介", CoverMaterialID: "cover", Recommendations: strings.Repeat("荐", miniprogram.MaxDramaRecommendations+1)}
	for _, tc := range []struct {
		qt  int
		arg string
	}{{0, "qualification_type"}, {3, "qualification_type"}, {miniprogram.QualificationLicensed, "registration_number"}, {miniprogram.QualificationLowCost, "recommendations"}} {
		in.QualificationType = tc.qt
		k := len(srv.Requests())
		_, err = v.AuditDrama(ctx, in)
		wantArgError(t, srv, k, err, tc.arg)
	}
	in.Recommendations = strings.Repeat("荐", miniprogram.MaxDramaRecommendations)
	drama, err := v.AuditDrama(ctx, in) // type 2: no registration number needed
	if err != nil || drama == 0 {
		t.Fatalf("qualification_type 2: %d, %v", drama, err)
	}
	// Past the SDK's checks, the fake refuses a first submission without a type.
	body := map[string]any{"name": "资质剧二", "media_count": 1, "media_id_list": []int64{m}, "producer": "p", "description": "d", "cover_material_id": "c"}
	err = c.Call(ctx, "POST", "/wxa/sec/vod/auditdrama", nil, body, nil)
	if err == nil || !strings.Contains(err.Error(), "剧目资质类型不正确") {
		t.Fatalf("raw submission without qualification_type: %v", err)
	}
}
