package work_test

import (
	"context"
	"fmt"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleChatRobot() {
	srv := fakewechat.New()
	if _, err := srv.Start(); err != nil {
		panic(err)
	}
	defer srv.Close()
	// In production: work.NewChatRobot("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY")
	robot, err := work.NewChatRobot(fakewechat.DefaultWeComRobotKey, wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix))
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	fmt.Println(robot.SendMarkdown(ctx, "**deploy** finished"))
	fmt.Println(robot.SendText(ctx, work.RobotText{Content: "please review", MentionedList: []string{"zhangsan"}}))
	// Output:
	// <nil>
	// <nil>
}
