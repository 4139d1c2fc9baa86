package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func init() {
	register("demo", "run a tour of the SDK offline against an embedded fake WeChat server", runDemo)
}

// runDemo is the SDK's main job on a fresh machine: it starts the fake
// WeChat server on loopback and drives an official account client through
// it with the embedded defaults (the file token store), then a callback.
func runDemo(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("demo [--store FILE]",
		"Starts the fake WeChat server on loopback and drives an official account client through it\n(token, menu, tags, followers, a rejected token, an encrypted callback). No network needed.",
		stdout, stderr)
	storePath := fs.String("store", wechat.DefaultFileStorePath(), "file store path")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return fs.usageError("unexpected argument %q", pos[0])
	}
	if err := demo(stdout, *storePath); err != nil {
		fmt.Fprintln(stderr, "wechat demo:", errText(err))
		return 1
	}
	return 0
}

func demo(w io.Writer, storePath string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	srv := fakewechat.New()
	base, err := srv.Start()
	if err != nil {
		return err
	}
	defer srv.Close()
	fmt.Fprintf(w, "fake WeChat server on %s\n", base)
	// Openids are 28 characters, as WeChat's (see fakewechat.ValidOpenID).
	const alice, bob, carol = "oDemo_alice_0000000000000001", "oDemo_bob_000000000000000002", "oDemo_carol_0000000000000003"
	if err := srv.AddFollowers(fakewechat.DefaultAppID,
		fakewechat.Follower{OpenID: alice}, fakewechat.Follower{OpenID: bob}, fakewechat.Follower{OpenID: carol}); err != nil {
		return err
	}
	srv.SetUserPageSize(fakewechat.DefaultAppID, 2)

	store, err := wechat.NewFileStore(storePath)
	if err != nil {
		return err
	}
	client, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(base), wechat.WithStore(store))
	if err != nil {
		return err
	}
	defer client.Close()

	tok, err := client.AccessToken(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "access token obtained (%d characters, kept in %s)\n", len(tok), storePath)

	menu := &oa.Menu{Button: []oa.Button{
		{Type: "click", Name: "今日歌曲", Key: "V1001_TODAY_MUSIC"},
		{Name: "菜单", SubButton: []oa.Button{{Type: "view", Name: "搜索", URL: "https://www.example.com/?q=1&lang=zh"}}},
	}}
	if err := client.Menu.Create(ctx, menu); err != nil {
		return err
	}
	got, err := client.Menu.Get(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "menu created and read back: %d top-level buttons\n", len(got.Menu.Button))

	tag, err := client.UserTag.Create(ctx, "demo")
	if err != nil {
		return err
	}
	if err := client.UserTag.Tag(ctx, tag.ID, []string{alice, carol}); err != nil {
		return err
	}
	if err := client.User.UpdateRemark(ctx, bob, "Bob"); err != nil {
		return err
	}
	var names []string
	for openID, err := range client.User.All(ctx) { // pages of two, fetched as needed
		if err != nil {
			return err
		}
		u, err := client.User.Info(ctx, openID, "zh_CN")
		if err != nil {
			return err
		}
		names = append(names, fmt.Sprintf("%s (remark %q, tags %v)", u.OpenID, u.Remark, u.TagIDList))
	}
	fmt.Fprintf(w, "followers (iterated over pages): %s\n", strings.Join(names, ", "))

	_, err = client.UserTag.Create(ctx, "demo")
	var apiErr *wechat.APIError
	if errors.As(err, &apiErr) {
		fmt.Fprintf(w, "duplicate tag rejected as WeChat does: errcode %d\n", apiErr.Code)
	}

	// A token WeChat rejects is refreshed once and the call retried.
	if cur, err := client.AccessToken(ctx); err == nil {
		srv.InvalidateToken(cur)
	}
	if _, err := client.Menu.Get(ctx); err != nil {
		return err
	}
	fmt.Fprintln(w, "rejected token refreshed and call retried transparently")

	if err := demoCallback(ctx, w); err != nil {
		return err
	}

	fmt.Fprintln(w, "requests seen by the fake server:")
	for _, k := range []string{"POST /cgi-bin/stable_token", "POST /cgi-bin/menu/create", "GET /cgi-bin/menu/get", "GET /cgi-bin/user/get", "GET /cgi-bin/user/info"} {
		fmt.Fprintf(w, "  %-30s %d\n", k, srv.Count(k))
	}
	return nil
}
