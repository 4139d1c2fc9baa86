package miniprogram_test

import (
	"context"
	"fmt"
)

func ExampleLiveSubscribeService_AllFollowers() {
	_, client, done := exampleClient()
	defer done()

	n := 0
	for _, err := range client.LiveSubscribe.AllFollowers(context.Background()) {
		if err != nil {
			fmt.Println(err)
			return
		}
		n++
	}
	fmt.Println(n, "followers")
	// Output: 0 followers
}
