package work_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func newSpaceB(t *testing.T, a *work.AgentClient) string {
	t.Helper()
	id, err := a.WeDriveSpace.Create(context.Background(), &work.SpaceCreate{UserID: "zhangsan", SpaceName: "s"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestWeDriveFile(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	sp := newSpaceB(t, a)
	folder, _, err := a.WeDriveFile.Create(ctx, "zhangsan", sp, sp, work.WeDriveFolder, "文档")
	if err != nil {
		t.Fatal(err)
	}
	content := bytes.Repeat([]byte("wedrive\x00\xff"), 1000)
	fid, err := a.WeDriveFile.Upload(ctx, "zhangsan", sp, folder, "b.bin", bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/wedrive/file_upload"); b["fatherid"] != folder || b["file_name"] != "b.bin" || len(b["file_base64_content"].(string)) != 4*((len(content)+2)/3) {
		t.Errorf("upload body keys %v %v", b["fatherid"], b["file_name"])
	}
	_, err = a.WeDriveFile.Upload(ctx, "zhangsan", sp, folder, "b.bin", strings.NewReader("x"))
	apiCodeB(t, err, 640022)
	docID, docURL, err := a.WeDriveFile.Create(ctx, "zhangsan", sp, folder, work.WeDriveDoc, "a-doc")
	if err != nil || docURL == "" {
		t.Fatalf("doc %q %q %v", docID, docURL, err)
	}
	mustB[string](t)(a.WeDriveFile.Upload(ctx, "zhangsan", sp, folder, "c.txt", strings.NewReader("c")))

	dl, err := a.WeDriveFile.Open(ctx, srv.Client(), "zhangsan", fid)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(dl)
	dl.Close()
	if err != nil || !bytes.Equal(got, content) || dl.Filename != "b.bin" || dl.Length != int64(len(content)) {
		t.Errorf("download %d bytes, %q, %v", len(got), dl.Filename, err)
	}
	info := mustB[*work.FileDownload](t)(a.WeDriveFile.DownloadInfo(ctx, "zhangsan", fid))
	if info.CookieName == "" || info.DownloadURL == "" {
		t.Errorf("download info %+v", info)
	}
	_, err = a.WeDriveFile.Open(ctx, srv.Client(), "zhangsan", docID)
	apiCodeB(t, err, 40058)

	q := work.FileQuery{UserID: "zhangsan", SpaceID: sp, FatherID: folder, Limit: 2}
	p, err := a.WeDriveFile.List(ctx, &q)
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedrive/file_list"); raw != `{"userid":"zhangsan","spaceid":"`+sp+`","fatherid":"`+folder+`","sort_type":1,"start":0,"limit":2}` {
		t.Errorf("list body %s", raw)
	}
	if len(p.FileList.Item) != 2 || !p.HasMore || p.NextStart != 2 || p.FileList.Item[0].FileName != "a-doc" || p.FileList.Item[1].FileSize != int64(len(content)) {
		t.Fatalf("page %+v", p)
	}
	var names []string
	for f, err := range a.WeDriveFile.All(ctx, q) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.FileName)
	}
	if strings.Join(names, ",") != "a-doc,b.bin,c.txt" {
		t.Errorf("all %v", names)
	}

	f := mustB[*work.DriveFile](t)(a.WeDriveFile.Rename(ctx, "zhangsan", fid, "renamed.bin"))
	if f.FileName != "renamed.bin" || f.FileID != fid {
		t.Errorf("renamed %+v", f)
	}
	moved := mustB[[]work.DriveFile](t)(a.WeDriveFile.Move(ctx, "zhangsan", sp, false, fid))
	if raw := rawB(t, srv, "POST /cgi-bin/wedrive/file_move"); raw != `{"userid":"zhangsan","fatherid":"`+sp+`","replace":false,"fileid":["`+fid+`"]}` {
		t.Errorf("move body %s", raw)
	}
	if len(moved) != 1 || moved[0].FatherID != sp {
		t.Errorf("moved %+v", moved)
	}
	fi := mustB[*work.DriveFile](t)(a.WeDriveFile.Info(ctx, "zhangsan", fid))
	if fi.FatherID != sp || fi.SpaceID != sp || fi.FileType != work.WeDriveFile || fi.SHA == "" || fi.CreateUserID != "zhangsan" {
		t.Errorf("info %+v", fi)
	}
	_, err = a.WeDriveFile.Info(ctx, "wangwu", fid)
	apiCodeB(t, err, 640021)
	if err := a.WeDriveFile.Delete(ctx, "zhangsan", fid, docID); err != nil {
		t.Fatal(err)
	}
	_, err = a.WeDriveFile.Info(ctx, "zhangsan", fid)
	apiCodeB(t, err, 640019)

	n := len(srv.Requests())
	_, err = a.WeDriveFile.Upload(ctx, "a", "s", "f", "n", io.LimitReader(zeroReaderB{}, work.MaxWeDriveUpload+1))
	paramErrB(t, srv, n, err, "file_base64_content")
	_, err = a.WeDriveFile.Upload(ctx, "a", "s", "f", "", strings.NewReader("x"))
	paramErrB(t, srv, n, err, "file_name")
	_, _, err = a.WeDriveFile.Create(ctx, "a", "s", "f", work.WeDriveFile, "n")
	paramErrB(t, srv, n, err, "file_type")
	_, err = a.WeDriveFile.List(ctx, &work.FileQuery{UserID: "a", SpaceID: "s", FatherID: "f"})
	paramErrB(t, srv, n, err, "limit")
	_, err = a.WeDriveFile.Move(ctx, "a", "f", false)
	paramErrB(t, srv, n, err, "fileid")
	paramErrB(t, srv, n, a.WeDriveFile.Delete(ctx, "a"), "fileid")
	_, err = a.WeDriveFile.Rename(ctx, "a", "f", "")
	paramErrB(t, srv, n, err, "new_name")
	_, err = a.WeDriveFile.DownloadInfo(ctx, "a", "")
	paramErrB(t, srv, n, err, "fileid")
}

type zeroReaderB struct{}

func (zeroReaderB) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
