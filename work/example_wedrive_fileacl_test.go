package work_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/weixin-go/wechat/work"
)

func ExampleWeDriveFileACLService_Setting() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	ctx := context.Background()
	space, err := bot.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "zhangsan", SpaceName: "Projects"})
	if err != nil {
		log.Fatal(err)
	}
	id, err := bot.WeDriveFile.Upload(ctx, "zhangsan", space, space, "plan.txt", strings.NewReader("plan"))
	if err != nil {
		log.Fatal(err)
	}
	if err := bot.WeDriveFileACL.Setting(ctx, "zhangsan", id, work.FileScopeCorp, work.WeDriveAuthView); err != nil {
		log.Fatal(err)
	}
	p, err := bot.WeDriveFileACL.Permission(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.ShareRange.EnableCorpInternal, p.ShareRange.EnableCorpExternal)
	// Output: true false
}
