package work_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleMiniProgramService_Code2Session() {
	srv, bot, stop := exampleCorpA()
	defer stop()
	// In production the code comes from wx.qy.login in the mini program.
	code := srv.WeComMiniProgramCode(fakewechat.DefaultCorpID, fakewechat.DefaultAgentID, "zhangsan")
	sess, err := bot.MiniProgram.Code2Session(context.Background(), code)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sess.UserID, sess.CorpID == fakewechat.DefaultCorpID)
	// Output: zhangsan true
}
