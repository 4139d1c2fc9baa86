package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleWeDriveSpaceService_Create() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	ctx := context.Background()
	id, err := bot.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "zhangsan", SpaceName: "Projects",
		AuthInfo: []work.AuthInfo{{Type: 1, UserID: "lisi", Auth: work.WeDriveAuthEdit}}})
	if err != nil {
		log.Fatal(err)
	}
	sp, err := bot.WeDriveSpace.Info(ctx, "lisi", id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sp.SpaceName, len(sp.AuthList.AuthInfo))
	// Output: Projects 2
}
