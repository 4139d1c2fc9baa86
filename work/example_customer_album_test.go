package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerProductAlbumService_All() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	bot, _ := corp.Agent("bot")
	ctx := context.Background()
	for _, p := range []work.Product{
		{Description: "Coffee beans", Price: 6800, Attachments: []work.ProductAttachment{work.ProductImage("MEDIA_ID_1")}},
		{Description: "Grinder", Price: 29900, ProductSN: "G100", Attachments: []work.ProductAttachment{work.ProductImage("MEDIA_ID_2")}},
	} {
		if _, err := bot.CustomerProductAlbum.Add(ctx, &p); err != nil {
			log.Fatal(err)
		}
	}
	for p, err := range bot.CustomerProductAlbum.All(ctx, 0) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.Description, p.Price)
	}
	// Output:
	// Coffee beans 6800
	// Grinder 29900
}
