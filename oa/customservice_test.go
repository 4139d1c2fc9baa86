package oa_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestCustomServiceAccounts(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	if err := c.CustomService.AddAccount(ctx, "alice@shop", "Alice"); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /customservice/kfaccount/add"); jsonA(t, body) != `{"kf_account":"alice@shop","nickname":"Alice"}` {
		t.Errorf("add body = %v", body)
	}
	if err := c.CustomService.AddAccount(ctx, "bob_2@shop", "Bob"); err != nil {
		t.Fatal(err)
	}
	apiCodeA(t, c.CustomService.AddAccount(ctx, "alice@shop", "Alice again"), 65406)

	if err := c.CustomService.UpdateAccount(ctx, "alice@shop", "Alice Liddell"); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /customservice/kfaccount/update"); jsonA(t, body) != `{"kf_account":"alice@shop","nickname":"Alice Liddell"}` {
		t.Errorf("update body = %v", body)
	}
	apiCodeA(t, c.CustomService.UpdateAccount(ctx, "carol@shop", "Carol"), 65401)

	list, err := c.CustomService.Accounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Account != "alice@shop" || list[0].Nickname != "Alice Liddell" || list[0].ID == "" || list[1].Account != "bob_2@shop" {
		t.Errorf("accounts = %+v", list)
	}

	if err := c.CustomService.DeleteAccount(ctx, "bob_2@shop"); err != nil {
		t.Fatal(err)
	}
	rr, _ := reqA(t, srv, "GET /customservice/kfaccount/del")
	if rr.Query.Get("kf_account") != "bob_2@shop" || len(rr.Body) != 0 {
		t.Errorf("del request = %v %q", rr.Query, rr.Body)
	}
	apiCodeA(t, c.CustomService.DeleteAccount(ctx, "bob_2@shop"), 65401)
	if list, _ := c.CustomService.Accounts(ctx); len(list) != 1 {
		t.Errorf("accounts after delete = %+v", list)
	}

	online, err := c.CustomService.OnlineAccounts(ctx)
	if err != nil || len(online) != 0 {
		t.Fatalf("online = %+v, %v", online, err)
	}
	srv.SetKFOnline(fakewechat.DefaultAppID, "alice@shop", true, 3)
	online, err = c.CustomService.OnlineAccounts(ctx)
	if err != nil || len(online) != 1 || online[0].Account != "alice@shop" || online[0].Status != 1 || online[0].AcceptedCase != 3 || online[0].ID != list[0].ID {
		t.Errorf("online = %+v, %v", online, err)
	}

	const none = "POST /none"
	for _, bad := range []string{"alice", "@shop", "alice@", "toolongprefix@shop", "al-ice@shop", "a@" + strings.Repeat("x", 31)} {
		argErrA(t, srv, none, c.CustomService.AddAccount(ctx, bad, "A"), "kf_account")
	}
	argErrA(t, srv, none, c.CustomService.AddAccount(ctx, "a@shop", ""), "nickname")
	argErrA(t, srv, none, c.CustomService.UpdateAccount(ctx, "a@shop", strings.Repeat("名", 17)), "nickname")
	argErrA(t, srv, none, c.CustomService.DeleteAccount(ctx, "nope"), "kf_account")
}

func TestCustomServiceUploadHeadImage(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	if err := c.CustomService.AddAccount(ctx, "alice@shop", "Alice"); err != nil {
		t.Fatal(err)
	}
	img := bytes.Repeat([]byte{0xff, 0xd8, 7}, 1000)
	if err := c.CustomService.UploadHeadImage(ctx, "alice@shop", "alice.jpg", bytes.NewReader(img)); err != nil {
		t.Fatal(err)
	}
	rr, _ := srv.LastRequest("POST /customservice/kfaccount/uploadheadimg")
	if rr.Query.Get("kf_account") != "alice@shop" {
		t.Errorf("query = %v", rr.Query)
	}
	if _, name, data := multipartOf(t, srv, "POST /customservice/kfaccount/uploadheadimg"); name != "alice.jpg" || !bytes.Equal(data, img) {
		t.Errorf("uploaded %q, %d bytes", name, len(data))
	}
	list, _ := c.CustomService.Accounts(ctx)
	if list[0].HeadImgURL == "" {
		t.Errorf("no avatar after upload: %+v", list[0])
	}

	path := filepath.Join(t.TempDir(), "avatar.png")
	if err := os.WriteFile(path, []byte("png"), 0o600); err != nil {
		t.Fatal(err)
	}
	apiCodeA(t, c.CustomService.UploadHeadImageFile(ctx, "alice@shop", path), 40005)
	if _, name, _ := multipartOf(t, srv, "POST /customservice/kfaccount/uploadheadimg"); name != "avatar.png" {
		t.Errorf("file upload name = %q", name)
	}
	apiCodeA(t, c.CustomService.UploadHeadImage(ctx, "bob@shop", "b.jpg", bytes.NewReader(img)), 65401)
	if err := c.CustomService.UploadHeadImageFile(ctx, "alice@shop", filepath.Join(t.TempDir(), "missing.jpg")); !os.IsNotExist(err) {
		t.Errorf("missing file err = %v", err)
	}
	argErrA(t, srv, "POST /none", c.CustomService.UploadHeadImage(ctx, "alice@shop", "", bytes.NewReader(img)), "media")
	argErrA(t, srv, "POST /none", c.CustomService.UploadHeadImage(ctx, "alice@shop", "a.jpg", nil), "media")
}
