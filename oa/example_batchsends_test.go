package oa_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/oa"
)

func ExampleBatchSendsService_SendToAll() {
	_, c, done := exampleClientC()
	defer done()
	ctx := context.Background()

	msg := oa.NewMassText("Our store opens on Monday.")
	msg.ClientMsgID = "opening-2026-11" // a retry with the same id is refused
	res, err := c.BatchSends.SendToAll(ctx, msg)
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := c.BatchSends.Status(ctx, res.MsgID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Status)
	// Output: SEND_SUCCESS
}
