package work_test

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/weixin-go/wechat/work"
)

func ExampleMaterialService_Upload() {
	bot, stop := exampleAgentA()
	defer stop()
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
