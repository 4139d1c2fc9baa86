package work_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

const (
	exportKeyA     = "IJUiXNpvGbODwKEBSEsAeOAPAhkqHqNCF6g19t9wfg2"
	exportKeyOther = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"
)

// exportDone returns the one file of a finished export job.
func exportDone(t *testing.T, bot *work.AgentClient, jobID string) work.ExportFile {
	t.Helper()
	res, err := bot.Export.Result(ctxA, jobID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != work.ExportJobDone || len(res.DataList) != 1 {
		t.Fatalf("result %+v", res)
	}
	f := res.DataList[0]
	if f.Size == 0 || f.Size%32 != 0 || len(f.MD5) != 32 || !strings.HasPrefix(f.URL, "http") {
		t.Fatalf("file %+v", f)
	}
	return f
}

func TestExportSimpleUser(t *testing.T) {
	_, bot := botA(t)
	if err := bot.User.Create(ctxA, &work.User{UserID: "wangwu", Name: "王五", Mobile: "13900000003", Department: []int64{1}}); err != nil {
		t.Fatal(err)
	}
	job, err := bot.Export.SimpleUser(ctxA, work.ExportJob{EncodingAESKey: exportKeyA, BlockSize: work.MinExportBlockSize})
	if err != nil || job == "" {
		t.Fatal(job, err)
	}
	users, err := bot.Export.Users(ctxA, exportDone(t, bot, job), exportKeyA)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range users {
		ids = append(ids, u.UserID)
		got, err := bot.User.Get(ctxA, u.UserID)
		if err != nil {
			t.Fatal(err)
		}
		if u.Name != got.Name || len(u.Department) != 1 || u.Department[0] != 1 || u.OpenUserID != got.OpenUserID || u.Mobile != "" {
			t.Errorf("row %+v, member %+v", u, got)
		}
	}
	if strings.Join(ids, ",") != fakewechat.WeComSeedUser1+","+fakewechat.WeComSeedUser2+",wangwu" {
		t.Fatalf("userids %v", ids)
	}
}

func TestExportUserDetails(t *testing.T) {
	_, bot := botA(t)
	job, err := bot.Export.User(ctxA, work.ExportJob{EncodingAESKey: exportKeyA})
	if err != nil {
		t.Fatal(err)
	}
	f := exportDone(t, bot, job)
	users, err := bot.Export.Users(ctxA, f, exportKeyA)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 2 {
		t.Fatalf("users %+v", users)
	}
	for _, u := range users {
		got, err := bot.User.Get(ctxA, u.UserID)
		if err != nil {
			t.Fatal(err)
		}
		if u.Name != got.Name || u.Mobile != got.Mobile || u.Email != got.Email || u.Status != got.Status || u.Mobile == "" {
			t.Errorf("row %+v, member %+v", u, got)
		}
	}
	// The raw content is the documented {"userlist": [...]}.
	data, err := bot.Export.Download(ctxA, f, exportKeyA)
	if err != nil || !bytes.HasPrefix(data, []byte(`{"userlist":[`)) {
		t.Fatalf("%s %v", data, err)
	}
}

func TestExportDepartmentAndTag(t *testing.T) {
	_, bot := botA(t)
	job, err := bot.Export.Department(ctxA, work.ExportJob{EncodingAESKey: exportKeyA})
	if err != nil {
		t.Fatal(err)
	}
	// The fake does not model these files: the job fails (status 3).
	res, err := bot.Export.Result(ctxA, job)
	if err != nil || res.Status != work.ExportJobFailed || len(res.DataList) != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	tag, err := bot.Tag.Create(ctxA, "export", 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bot.Export.TagUser(ctxA, tag, work.ExportJob{EncodingAESKey: exportKeyA}); err != nil {
		t.Fatal(err)
	}
	_, err = bot.Export.TagUser(ctxA, tag+100, work.ExportJob{EncodingAESKey: exportKeyA})
	wantCodeA(t, err, fakewechat.CodeWeComInvalidTagID)
}

func TestExportErrors(t *testing.T) {
	srv, bot := botA(t)
	_, err := bot.Export.SimpleUser(ctxA, work.ExportJob{})
	wantArgA(t, err, "encoding_aeskey")
	_, err = bot.Export.SimpleUser(ctxA, work.ExportJob{EncodingAESKey: exportKeyA[:42]})
	wantArgA(t, err, "encoding_aeskey")
	_, err = bot.Export.User(ctxA, work.ExportJob{EncodingAESKey: exportKeyA[:42] + "+"})
	wantArgA(t, err, "encoding_aeskey")
	_, err = bot.Export.User(ctxA, work.ExportJob{EncodingAESKey: exportKeyA, BlockSize: 100})
	wantArgA(t, err, "block_size")
	_, err = bot.Export.Result(ctxA, "")
	wantArgA(t, err, "jobid")
	_, err = bot.Export.Result(ctxA, "jobid_unknown")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter)

	// The fake checks the key the way WeCom does.
	for _, body := range []map[string]any{{"encoding_aeskey": "short"}, {"encoding_aeskey": exportKeyA, "block_size": 5}} {
		err = bot.Call(ctxA, "POST", "/cgi-bin/export/simple_user", nil, body, nil)
		wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter)
	}
	err = bot.Call(ctxA, "POST", "/cgi-bin/export/simple_user", nil, map[string]any{}, nil)
	wantCodeA(t, err, fakewechat.CodeWeComMissingParameter)

	job, err := bot.Export.SimpleUser(ctxA, work.ExportJob{EncodingAESKey: exportKeyA})
	if err != nil {
		t.Fatal(err)
	}
	f := exportDone(t, bot, job)

	// A wrong key: a clear error, never a panic.
	_, err = bot.Export.Users(ctxA, f, exportKeyOther)
	if !errors.Is(err, work.ErrExportFile) {
		t.Fatalf("wrong key: %v", err)
	}
	_, err = bot.Export.Download(ctxA, f, "")
	wantArgA(t, err, "encoding_aeskey")
	_, err = bot.Export.Download(ctxA, work.ExportFile{}, exportKeyA)
	wantArgA(t, err, "url")

	// A damaged file (same length) fails the md5; a truncated one the size.
	orig := srv.WeComExportFile(fakewechat.DefaultCorpID, job)
	bad := bytes.Clone(orig)
	bad[5] ^= 0xff
	srv.SetWeComExportFile(fakewechat.DefaultCorpID, job, bad)
	if _, err = bot.Export.Users(ctxA, f, exportKeyA); !errors.Is(err, work.ErrExportFile) || !strings.Contains(err.Error(), "md5") {
		t.Fatalf("damaged: %v", err)
	}
	srv.SetWeComExportFile(fakewechat.DefaultCorpID, job, orig[:len(orig)-7])
	if _, err = bot.Export.Users(ctxA, f, exportKeyA); !errors.Is(err, work.ErrExportFile) {
		t.Fatalf("truncated: %v", err)
	}
	// Without size and md5 to check, decryption still catches it.
	if _, err = bot.Export.Users(ctxA, work.ExportFile{URL: f.URL}, exportKeyA); !errors.Is(err, work.ErrExportFile) || !strings.Contains(err.Error(), "multiple of 32") {
		t.Fatalf("truncated, unchecked: %v", err)
	}
}

// encryptExport encrypts data as is (the caller pads) the way WeCom does.
func encryptExport(t *testing.T, data []byte) []byte {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(exportKeyA + "=")
	if err != nil {
		t.Fatal(err)
	}
	block, _ := aes.NewCipher(key)
	out := make([]byte, len(data))
	cipher.NewCBCEncrypter(block, key[:16]).CryptBlocks(out, data)
	return out
}

func TestDecryptExportPadding(t *testing.T) {
	// 32 bytes of content get a whole block of padding (32 × 0x20).
	content := []byte(`{"userlist":[{"userid":"zs01"}]}`)
	if len(content) != 32 {
		t.Fatal(len(content))
	}
	full := append(bytes.Clone(content), bytes.Repeat([]byte{32}, 32)...)
	got, err := work.DecryptExport(exportKeyA, encryptExport(t, full))
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("%q %v", got, err)
	}
	// Padding to 32, not 16: 17 bytes of padding are valid.
	short := append(bytes.Clone(content[:15]), bytes.Repeat([]byte{17}, 17)...)
	if got, err := work.DecryptExport(exportKeyA, encryptExport(t, short)); err != nil || !bytes.Equal(got, content[:15]) {
		t.Fatalf("%q %v", got, err)
	}
	for name, plain := range map[string][]byte{
		"zero":         append(bytes.Clone(content), make([]byte, 32)...),
		"over 32":      append(bytes.Clone(content[:31]), bytes.Repeat([]byte{33}, 33)...),
		"inconsistent": append(bytes.Clone(content), append(bytes.Repeat([]byte{32}, 31), 31)...),
	} {
		if _, err := work.DecryptExport(exportKeyA, encryptExport(t, plain)); !errors.Is(err, work.ErrExportFile) {
			t.Errorf("%s: %v", name, err)
		}
	}
	enc := encryptExport(t, full)
	for _, data := range [][]byte{nil, enc[:16], enc[:63]} {
		if _, err := work.DecryptExport(exportKeyA, data); !errors.Is(err, work.ErrExportFile) {
			t.Errorf("%d bytes: %v", len(data), err)
		}
	}
	if _, err := work.DecryptExport("bad", enc); err == nil || errors.Is(err, work.ErrExportFile) {
		t.Errorf("bad key: %v", err)
	}
}

func TestExportOpenStreams(t *testing.T) {
	srv, bot := botA(t)
	// Enough members for a file of several download chunks.
	for i := range 400 {
		id := "member" + itoa(int64(i))
		if err := bot.User.Create(ctxA, &work.User{UserID: id, Name: strings.Repeat("名", 20) + id, Email: id + "@example.com", Department: []int64{1}}); err != nil {
			t.Fatal(err)
		}
	}
	job, err := bot.Export.User(ctxA, work.ExportJob{EncodingAESKey: exportKeyA})
	if err != nil {
		t.Fatal(err)
	}
	f := exportDone(t, bot, job)
	if f.Size < 64<<10 {
		t.Fatalf("file of %d bytes", f.Size)
	}
	whole, err := bot.Export.Download(ctxA, f, exportKeyA)
	if err != nil {
		t.Fatal(err)
	}
	r, err := bot.Export.Open(ctxA, f, exportKeyA)
	if err != nil {
		t.Fatal(err)
	}
	streamed, err := io.ReadAll(iotest.OneByteReader(r))
	r.Close()
	if err != nil || !bytes.Equal(streamed, whole) || !bytes.HasSuffix(whole, []byte("]}")) {
		t.Fatalf("streamed %d bytes, whole %d: %v", len(streamed), len(whole), err)
	}
	users, err := bot.Export.Users(ctxA, f, exportKeyA)
	if err != nil || len(users) != 402 || users[401].UserID != "member399" {
		t.Fatalf("%d users: %v", len(users), err)
	}

	// A damaged byte deep in the file: the stream ends with the error.
	bad := srv.WeComExportFile(fakewechat.DefaultCorpID, job)
	bad[40000] ^= 1
	srv.SetWeComExportFile(fakewechat.DefaultCorpID, job, bad)
	r, err = bot.Export.Open(ctxA, f, exportKeyA)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := io.ReadAll(r); !errors.Is(err, work.ErrExportFile) {
		t.Fatalf("damaged stream: %v", err)
	}
}
