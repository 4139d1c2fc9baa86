package work_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMaterialService_Upload() {
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
	m, err := bot.Material.Upload(ctx, work.MediaFile, "agenda.pdf", strings.NewReader("%PDF agenda"))
	if err != nil {
		fmt.Println(err)
		return
	}
	dl, err := bot.Material.Get(ctx, m.MediaID)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer dl.Close()
	body, _ := io.ReadAll(dl)
	fmt.Println(dl.Filename, string(body))
	// Output: agenda.pdf %PDF agenda
}

func ExampleMaterialService_UploadAttachment() {
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
	a, err := bot.Material.UploadAttachment(ctx, work.MediaImage, work.AttachmentMoments, "launch.jpg", strings.NewReader("jpeg bytes"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Type, a.MediaID != "")
	// Output: image true
}
