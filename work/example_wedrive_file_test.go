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

func ExampleWeDriveFileService_Open() {
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
	space, err := bot.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "zhangsan", SpaceName: "Projects"})
	if err != nil {
		log.Fatal(err)
	}
	// The space id is also the id of its root folder.
	id, err := bot.WeDriveFile.Upload(ctx, "zhangsan", space, space, "notes.txt", strings.NewReader("hello wedrive"))
	if err != nil {
		log.Fatal(err)
	}
	f, err := bot.WeDriveFile.Open(ctx, nil, "zhangsan", id)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.Filename, string(b))
	// Output: notes.txt hello wedrive
}
