package miniprogram_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleURLSchemeService_GenerateUntil() {
	_, client, done := exampleClient()
	defer done()

	link, err := client.URLScheme.GenerateUntil(context.Background(),
		miniprogram.JumpWxa{Path: "pages/index/index", Query: "from=sms"}, time.Now().Add(7*24*time.Hour).Unix())
	fmt.Println(strings.HasPrefix(link, "weixin://dl/business/?t="), err)
	// Output: true <nil>
}
