package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleUserStorageService_Set() {
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
	ctx := context.Background()
	session, err := client.Auth.Code2Session(ctx, srv.MPLoginCode(fakewechat.DefaultAppID, "oExamplePlayer", ""))
	if err != nil {
		log.Fatal(err)
	}

	// The request is signed with the player's session_key.
	err = client.UserStorage.Set(ctx, session.OpenID, session.SessionKey,
		miniprogram.KVData{Key: "score", Value: `{"wxgame":{"score":16,"update_time":1513080573}}`})
	fmt.Println(err, srv.MPUserStorage(fakewechat.DefaultAppID, "oExamplePlayer")["score"])
	// Output: <nil> {"wxgame":{"score":16,"update_time":1513080573}}
}
