package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleWeDriveSpaceACLService_Add() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	ctx := context.Background()
	id, err := bot.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "zhangsan", SpaceName: "Projects"})
	if err != nil {
		log.Fatal(err)
	}
	if err := bot.WeDriveSpaceACL.Add(ctx, "zhangsan", id, work.AuthInfo{Type: 2, DepartmentID: 3, Auth: work.WeDriveAuthView}); err != nil {
		log.Fatal(err)
	}
	sp, err := bot.WeDriveSpaceACL.Info(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sp.AuthList.AuthInfo[1].DepartmentID, sp.AuthList.AuthInfo[1].Auth)
	// Output: 3 4
}
