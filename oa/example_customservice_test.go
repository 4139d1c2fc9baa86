package oa_test

import (
	"context"
	"fmt"
)

func ExampleCustomServiceService_AddAccount() {
	_, c, done := exampleClientC()
	defer done()
	ctx := context.Background()

	// The suffix is the official account's WeChat ID.
	if err := c.CustomService.AddAccount(ctx, "support1@myshop", "Support"); err != nil {
		fmt.Println(err)
		return
	}
	accounts, err := c.CustomService.Accounts(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range accounts {
		fmt.Println(a.Account, a.Nickname)
	}
	// Output: support1@myshop Support
}
