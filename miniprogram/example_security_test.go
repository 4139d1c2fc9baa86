package miniprogram_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleSecurityService_MsgSecCheck() {
	_, client, done := exampleClient()
	defer done()

	res, err := client.Security.MsgSecCheck(context.Background(), &miniprogram.TextCheck{
		Content: "今天天气不错", Scene: miniprogram.SceneComment, OpenID: "oMpExampleUser00000000000001",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Result.Suggest, res.Risky())
	// Output: pass false
}
