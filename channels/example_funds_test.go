package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleFundsService_SubmitWithdraw() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := channels.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	b, err := client.Funds.Balance(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("available:", b.AvailableAmount, "pending:", b.PendingAmount)

	w, err := client.Funds.SubmitWithdraw(ctx, b.AvailableAmount, "月结", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The merchant confirms with the QR code of w.QRCodeTicket.
	for id, err := range client.Funds.Withdrawals(ctx, channels.WithdrawListOptions{}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		d, _ := client.Funds.WithdrawDetail(ctx, id)
		fmt.Println(id == w.WithdrawID, d.Amount, d.Status)
	}
	b, _ = client.Funds.Balance(ctx)
	fmt.Println("available:", b.AvailableAmount)
	// Output:
	// available: 45331 pending: 7549
	// true 45331 CREATE_SUCCESS
	// available: 0
}
