package miniprogram_test

import (
	"context"
	"fmt"
)

func ExampleStoreService_Districts() {
	_, client, done := exampleClient()
	defer done()

	levels, err := client.Stores.Districts(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, level := range levels {
		fmt.Println(level[0].FullName)
	}
	// Output:
	// 广东省
	// 深圳市
	// 南山区
}
