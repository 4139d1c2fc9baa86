package miniprogram_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleOCRService_IDCard() {
	_, client, done := exampleClient()
	defer done()
	ctx := context.Background()

	// By URL: WeChat fetches the picture.
	front, err := client.OCR.IDCard(ctx, miniprogram.ImageURL("https://example.com/id-front.jpg"), miniprogram.OCRPhoto)
	fmt.Println(front.Type, err)
	// By upload: the picture is streamed.
	back, err := client.OCR.IDCard(ctx, miniprogram.ImageFile("id-back.jpg", strings.NewReader("back side")), miniprogram.OCRPhoto)
	fmt.Println(back.Type, err)
	// Output:
	// Front <nil>
	// Back <nil>
}
