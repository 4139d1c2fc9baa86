package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerTransferService_TransferCustomers() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	srv.AddWeComCustomer(fakewechat.DefaultCorpID, fakewechat.WeComCustomer{ExternalUserID: "wmA", Follow: []fakewechat.WeComFollow{{UserID: "zhangsan"}}})
	out, err := bot.CustomerTransfer.TransferCustomers(context.Background(), &work.CustomerTransfer{
		HandoverUserID: "zhangsan", TakeoverUserID: "lisi", ExternalUserIDs: []string{"wmA"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(out[0].ExternalUserID, out[0].ErrCode)
	// Output: wmA 0
}
