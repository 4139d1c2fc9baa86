package work_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/weixin-go/wechat/work"
)

func ExampleWeDriveFileService_Open() {
	srv, bot := exampleAgentB()
	defer srv.Close()
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
