package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleCloudBaseService_DatabaseMigrateExport() {
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
	job, err := client.CloudBase.DatabaseMigrateExport(ctx, "test-env", miniprogram.DatabaseExport{
		FilePath: "backup/geo.json", FileType: miniprogram.DatabaseFileJSON, Query: `db.collection("geo").get()`})
	if err != nil {
		log.Fatal(err)
	}
	info, err := client.CloudBase.DatabaseMigrateQueryInfo(ctx, "test-env", job)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Status, info.RecordSuccess, info.FileURL)
	// Output:
	// success 3 https://tcb-mongodb-data-1254135806.cos.ap-shanghai.myqcloud.com/backup/geo.json
}
