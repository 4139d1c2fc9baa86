package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerWelcomeService_Send() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	// The welcome code comes with the add_external_contact callback event.
	err := bot.CustomerWelcome.Send(context.Background(), "WELCOMECODE", &work.CustomerMessage{
		Text:        &work.CustomerText{Content: "Welcome!"},
		Attachments: []work.CustomerAttachment{{MsgType: "link", Link: &work.CustomerLink{Title: "Our shop", URL: "https://example.com"}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sent")
	// Output: sent
}
