package miniprogram_test

import (
	"context"
	"fmt"
	"image/png"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleCodeService_GetUnlimited() {
	_, client, done := exampleClient()
	defer done()

	img, err := client.Code.GetUnlimited(context.Background(), &miniprogram.UnlimitedCode{
		Scene: "shop=42", Page: "pages/shop/shop", CodeOptions: miniprogram.CodeOptions{Width: 280},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer img.Close()
	// Stream it where it belongs (a file, an HTTP response...); here, decode it.
	cfg, err := png.DecodeConfig(img)
	fmt.Println(img.ContentType, cfg.Width, err)
	// Output: image/png 280 <nil>
}
