package miniprogram_test

import (
	"context"
	"fmt"
)

func ExampleCustomMessageService_SendText() {
	_, client, done := exampleClient()
	defer done()
	ctx := context.Background()
	const user = "oMpExampleUser00000000000001"

	_ = client.CustomMessage.Typing(ctx, user, true)
	err := client.CustomMessage.SendText(ctx, user, "Your order has shipped.")
	fmt.Println(err)
	// Output: <nil>
}
