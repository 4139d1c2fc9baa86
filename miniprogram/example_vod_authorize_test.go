package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleVODService_AuthorizeDrama() {
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
	media, err := client.VOD.UploadSingleFile(ctx, miniprogram.VODUpload{MediaName: "我的演艺 - 第 1 集", MediaType: "MP4"}, strings.NewReader("video bytes"))
	if err != nil {
		log.Fatal(err)
	}
	drama, err := client.VOD.AuditDrama(ctx, &miniprogram.DramaAudit{QualificationType: miniprogram.QualificationLicensed, Name: "我的演艺", MediaCount: 1, MediaIDList: []int64{media},
		Producer: "制作方", Description: "剧情简介", CoverMaterialID: "cover_material_id", RegistrationNumber: "备案号"})
	if err != nil {
		log.Fatal(err)
	}
	srv.MPSetDramaAudit(fakewechat.DefaultAppID, drama, 3, "") // the review approves the drama

	// Let another mini program play the drama, with no end date.
	results, err := client.VOD.AuthorizeDrama(ctx, "wx00000000000000b1", []int64{drama}, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(results[0].DramaID == drama, results[0].ErrCode)
	list, total, err := client.VOD.ListDramaAuthorizations(ctx, miniprogram.DramaAuthorizationQuery{DramaID: drama})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(total, list[0].AuthorizedAppID, list[0].AuthzExpireTime)
	// Output:
	// true 0
	// 1 wx00000000000000b1 0
}

func ExampleVODService_AuthorizeApp() {
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

	// Let another mini program play every drama for 30 days.
	ctx := context.Background()
	expire := time.Now().Add(30 * 24 * time.Hour).Unix()
	if err := client.VOD.AuthorizeApp(ctx, "wx00000000000000b1", expire); err != nil {
		log.Fatal(err)
	}
	list, err := client.VOD.AppAuthorizations(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(list), list[0].AuthorizedAppID, list[0].AuthzExpireTime == expire)
	// Output: 1 wx00000000000000b1 true
}
