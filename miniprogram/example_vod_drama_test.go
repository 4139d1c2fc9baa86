package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleVODService_ReplaceDramaMedia() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	episode, err := client.VOD.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "我的演艺 - 第 1 集", MediaType: "MP4"}, strings.NewReader("video bytes"))
	if err != nil {
		log.Fatal(err)
	}
	drama, err := client.VOD.AuditDrama(ctx, &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLowCost, Name: "我的演艺", MediaCount: 1, MediaIDList: []int64{episode},
		Producer: "制作方", Description: "剧情简介", CoverMaterialID: "cover_material_id"})
	if err != nil {
		log.Fatal(err)
	}
	srv.MPSetDramaAudit(fakewechat.DefaultAppID, drama, 3, "") // the review approves the drama

	// Replace the episode of the approved drama with a new cut.
	newCut, err := client.VOD.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "我的演艺 - 第 1 集", MediaType: "MP4"}, strings.NewReader("better video"))
	if err != nil {
		log.Fatal(err)
	}
	if err := client.VOD.SubmitReplaceDramaMedias(ctx, drama, []miniprogram.DramaMediaReplacement{{Old: episode, New: newCut}}); err != nil {
		log.Fatal(err)
	}
	srv.MPSetDramaReview(fakewechat.DefaultAppID, drama, miniprogram.DramaAuditReplace, 3) // the review approves it
	review, err := client.VOD.DramaLatestAudit(ctx, drama, miniprogram.DramaAuditReplace)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("replacement review status:", review.Status)
	if err := client.VOD.ReplaceDramaMedia(ctx, drama, episode, newCut); err != nil {
		log.Fatal(err)
	}
	d, err := client.VOD.GetDrama(ctx, drama)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.MediaList[0].MediaID == newCut)
	// Output:
	// replacement review status: 3
	// true
}

func ExampleVODService_ListPackages() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	// The traffic left in the valid general packages, in MB.
	var left int64
	for p, err := range client.VOD.Packages(context.Background(), miniprogram.VODPackageQuery{Status: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		left += p.All - p.Used
	}
	fmt.Println(left, "MB")
	// Output: 8800 MB
}

func ExampleVODService_AuthorizeCopyright() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	episode, err := client.VOD.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "我的演艺 - 第 1 集", MediaType: "MP4"}, strings.NewReader("video bytes"))
	if err != nil {
		log.Fatal(err)
	}
	drama, err := client.VOD.AuditDrama(ctx, &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLowCost, Name: "我的演艺", MediaCount: 1, MediaIDList: []int64{episode},
		Producer: "制作方", Description: "剧情简介", CoverMaterialID: "cover_material_id"})
	if err != nil {
		log.Fatal(err)
	}
	srv.MPSetDramaAudit(fakewechat.DefaultAppID, drama, 3, "") // the review approves the drama

	// Let every drama mini program of a company play the drama, with no end date.
	company := miniprogram.CopyrightGrantee{AuthorizationType: miniprogram.CopyrightToSubject, AuthorizedSubjectCertNo: "91440300MA5FAKE000"}
	results, err := client.VOD.AuthorizeCopyright(ctx, company, []int64{drama}, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(results[0].DramaID == drama, results[0].ErrCode)
	// Output: true 0
}
