package miniprogram_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleServiceMarketService_InvokeService() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	// Recognize an ID card with an OCR service bought on the service market.
	res, err := client.ServiceMarket.InvokeService(context.Background(), &miniprogram.ServiceInvocation{
		Service:     "wx79ac3de8be320b71",
		API:         "OcrAllInOne",
		Data:        map[string]any{"img_url": "https://example.com/idcard.jpg", "data_type": 3, "ocr_type": 1},
		ClientMsgID: "id123",
	})
	if err != nil {
		log.Fatal(err)
	}
	var answer struct {
		IDCard struct {
			Name struct {
				Text string `json:"text"`
			} `json:"name"`
		} `json:"idcard_res"`
	}
	if err := json.Unmarshal([]byte(res.Data), &answer); err != nil {
		log.Fatal(err)
	}
	fmt.Println(answer.IDCard.Name.Text)
	// Output: abc
}
