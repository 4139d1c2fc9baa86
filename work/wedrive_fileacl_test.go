package work_test

import (
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestWeDriveFileACL(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	sp := newSpaceB(t, a)
	fid := mustB[string](t)(a.WeDriveFile.Upload(ctx, "zhangsan", sp, sp, "a.txt", strings.NewReader("a")))
	if err := a.WeDriveFileACL.Add(ctx, "zhangsan", fid, work.AuthInfo{Type: 1, UserID: "lisi", Auth: work.WeDriveAuthDownload}); err != nil {
		t.Fatal(err)
	}
	if err := a.WeDriveFileACL.Add(ctx, "zhangsan", fid, work.AuthInfo{Type: 2, DepartmentID: 5, Auth: work.WeDriveAuthView}); err != nil {
		t.Fatal(err)
	}
	if err := a.WeDriveFileACL.Remove(ctx, "zhangsan", fid, work.AuthInfo{Type: 1, UserID: "lisi"}); err != nil {
		t.Fatal(err)
	}
	if err := a.WeDriveFileACL.Setting(ctx, "zhangsan", fid, work.FileScopeCorp, work.WeDriveAuthEdit); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedrive/file_setting"); raw != `{"userid":"zhangsan","fileid":"`+fid+`","auth_scope":2,"auth":2}` {
		t.Errorf("setting body %s", raw)
	}
	if err := a.WeDriveFileACL.SecureSetting(ctx, fid, &work.Watermark{Text: "机密", MarginType: 2, ShowText: true}); err != nil {
		t.Fatal(err)
	}
	p := mustB[*work.FilePermission](t)(a.WeDriveFileACL.Permission(ctx, fid))
	if !p.ShareRange.EnableCorpInternal || p.ShareRange.CorpInternalAuth != 2 || p.ShareRange.EnableCorpExternal ||
		p.SecureSetting.Watermark == nil || p.SecureSetting.Watermark.Text != "机密" || !p.InheritFatherAuth.Inherit ||
		len(p.FileMemberList) != 1 || p.FileMemberList[0].DepartmentID != 5 {
		t.Errorf("permission %+v", p)
	}
	url := mustB[string](t)(a.WeDriveFileACL.Share(ctx, "zhangsan", fid))
	if url == "" {
		t.Error("no share url")
	}
	_, err := a.WeDriveFileACL.Permission(ctx, "nope")
	apiCodeB(t, err, 640019)
	apiCodeB(t, a.WeDriveFileACL.Setting(ctx, "wangwu", fid, 1, 0), 640021)

	n := len(srv.Requests())
	paramErrB(t, srv, n, a.WeDriveFileACL.Setting(ctx, "a", "f", 4, 0), "auth_scope")
	paramErrB(t, srv, n, a.WeDriveFileACL.Add(ctx, "a", "f"), "auth_info")
	paramErrB(t, srv, n, a.WeDriveFileACL.Remove(ctx, "", "f"), "userid")
	paramErrB(t, srv, n, a.WeDriveFileACL.SecureSetting(ctx, "f", &work.Watermark{MarginType: 3}), "watermark.margin_type")
	_, err = a.WeDriveFileACL.Permission(ctx, "")
	paramErrB(t, srv, n, err, "fileid")
	_, err = a.WeDriveFileACL.Share(ctx, "a", "")
	paramErrB(t, srv, n, err, "fileid")
}
