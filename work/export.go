package work

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	exportSimpleUser = epPost("/cgi-bin/export/simple_user")
	exportUser       = epPost("/cgi-bin/export/user")
	exportDepartment = epPost("/cgi-bin/export/department")
	exportTagUser    = epPost("/cgi-bin/export/taguser")
	exportGetResult  = epGet("/cgi-bin/export/get_result")
)

// Limits of ExportJob.BlockSize (rows per file; WeCom's default is the max).
const (
	MinExportBlockSize = 10000
	MaxExportBlockSize = 1000000
)

// ExportJob is the request of an export: EncodingAESKey, 43 characters of
// a-z, A-Z and 0-9 that the caller chooses, is the base64 (without its
// final "=") of the 32-byte AES key the files are encrypted with;
// BlockSize, 0 for WeCom's default, is the number of rows per file
// (MinExportBlockSize to MaxExportBlockSize).
type ExportJob struct {
	EncodingAESKey string `json:"encoding_aeskey"`
	BlockSize      int64  `json:"block_size,omitempty"`
}

type exportTagJob struct {
	TagID int64 `json:"tagid"`
	ExportJob
}

// exportKey checks an encoding_aeskey and returns its AES key.
func exportKey(encodingAESKey string) ([]byte, error) {
	if err := needB("encoding_aeskey", encodingAESKey); err != nil {
		return nil, err
	}
	if len(encodingAESKey) != 43 || strings.Trim(encodingAESKey, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
		return nil, paramErr("encoding_aeskey", "must be 43 characters of a-z, A-Z, 0-9")
	}
	key, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	if err != nil || len(key) != 32 {
		return nil, paramErr("encoding_aeskey", "not the base64 of a 32-byte key")
	}
	return key, nil
}

func (s *ExportService) start(ctx context.Context, ep wechat.Endpoint, job ExportJob, body any) (string, error) {
	if _, err := exportKey(job.EncodingAESKey); err != nil {
		return "", err
	}
	if job.BlockSize != 0 && (job.BlockSize < MinExportBlockSize || job.BlockSize > MaxExportBlockSize) {
		return "", paramErr("block_size", fmt.Sprintf("must be %d to %d", MinExportBlockSize, MaxExportBlockSize))
	}
	return startJob(ctx, s.c, ep, body)
}

// startJob sends body to ep and returns the jobid of the answer (batch
// imports and exports).
func startJob(ctx context.Context, c *wechat.Client, ep wechat.Endpoint, body any) (string, error) {
	out, err := callB[struct {
		JobID string `json:"jobid"`
	}](ctx, c, ep, nil, body)
	if err != nil {
		return "", err
	}
	return out.JobID, nil
}

// SimpleUser starts a job that exports the members the agent may see
// (导出成员): userid, name, departments and open_userid, as
// ExportService.Users reads them. It returns the job id, for Result.
// https://developer.work.weixin.qq.com/document/path/94849
func (s *ExportService) SimpleUser(ctx context.Context, job ExportJob) (string, error) {
	return s.start(ctx, exportSimpleUser, job, job)
}

// User starts a job that exports the members the agent may see with their
// details (导出成员详情), the fields UserService.Get answers. It returns
// the job id, for Result.
// https://developer.work.weixin.qq.com/document/path/94851
func (s *ExportService) User(ctx context.Context, job ExportJob) (string, error) {
	return s.start(ctx, exportUser, job, job)
}

// Department starts a job that exports the departments the agent may see
// (导出部门). It returns the job id, for Result; read the files with
// Download.
// https://developer.work.weixin.qq.com/document/path/94852
func (s *ExportService) Department(ctx context.Context, job ExportJob) (string, error) {
	return s.start(ctx, exportDepartment, job, job)
}

// TagUser starts a job that exports the members and departments of tag
// tagID (导出标签成员; BlockSize counts both). It returns the job id, for
// Result; read the files with Download.
// https://developer.work.weixin.qq.com/document/path/94953
func (s *ExportService) TagUser(ctx context.Context, tagID int64, job ExportJob) (string, error) {
	return s.start(ctx, exportTagUser, job, exportTagJob{TagID: tagID, ExportJob: job})
}

// Export job states (ExportResult.Status).
const (
	ExportJobPending = 0
	ExportJobRunning = 1
	ExportJobDone    = 2
	ExportJobFailed  = 3
)

// ExportResult is the state of an export job: Status is one of the
// ExportJob states; when done, DataList lists the encrypted files.
type ExportResult struct {
	Status   int          `json:"status"`
	DataList []ExportFile `json:"data_list"`
}

// ExportFile is one encrypted file of an export: its download URL (valid
// two hours), and the size and md5 (hex) of the ciphertext.
type ExportFile struct {
	URL  string `json:"url"`
	Size int64  `json:"size"`
	MD5  string `json:"md5"`
}

// Result returns the state of an export job this agent started.
// https://developer.work.weixin.qq.com/document/path/94854
func (s *ExportService) Result(ctx context.Context, jobID string) (*ExportResult, error) {
	if err := needB("jobid", jobID); err != nil {
		return nil, err
	}
	return callB[ExportResult](ctx, s.c, exportGetResult, url.Values{"jobid": {jobID}}, nil)
}

// ErrExportFile is wrapped by the errors of Download, Users and
// DecryptExport when a file is damaged (size, md5, length or padding) or
// the key is not the job's.
var ErrExportFile = errors.New("work: bad export file")

// maxExportFile bounds a downloaded file (a block of a million detailed
// members stays well below it).
const maxExportFile = 2 << 30

// Open fetches file (through the client, without token: the URL is
// absolute) and returns a stream of its content decrypted with the job's
// encodingAESKey: the JSON document the docs describe. The size, md5 and
// padding are checked at the end of the stream: a Read then answers an
// error wrapping ErrExportFile in place of io.EOF, and what was read
// before must be discarded. The caller must Close the stream.
// https://developer.work.weixin.qq.com/document/path/94854
func (s *ExportService) Open(ctx context.Context, file ExportFile, encodingAESKey string) (io.ReadCloser, error) {
	key, err := exportKey(encodingAESKey)
	if err != nil {
		return nil, err
	}
	if err := needB("url", file.URL); err != nil {
		return nil, err
	}
	dl, err := s.c.Stream(ctx, wechat.Endpoint{Method: http.MethodGet, Path: file.URL, Auth: wechat.AuthNone}, nil, nil)
	if err != nil {
		return nil, err
	}
	return &exportReader{src: dl, mode: exportCipher(key), file: file, sum: md5.New()}, nil
}

// Download is Open reading the whole content.
// https://developer.work.weixin.qq.com/document/path/94854
func (s *ExportService) Download(ctx context.Context, file ExportFile, encodingAESKey string) ([]byte, error) {
	r, err := s.Open(ctx, file, encodingAESKey)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// exportReader decrypts a file as it arrives, holding back the last block
// (its padding is known only at the end).
type exportReader struct {
	src  io.ReadCloser
	mode cipher.BlockMode
	file ExportFile
	sum  hash.Hash
	n    int64
	in   []byte // ciphertext of less than a block
	out  []byte // plaintext to hand out
	held []byte // the last 32 bytes of plaintext so far
	err  error
	buf  [32 << 10]byte
}

func (r *exportReader) Read(p []byte) (int, error) {
	for len(r.out) == 0 && r.err == nil {
		r.fill()
	}
	if len(r.out) > 0 {
		n := copy(p, r.out)
		r.out = r.out[n:]
		return n, nil
	}
	return 0, r.err
}

func (r *exportReader) fill() {
	n, err := r.src.Read(r.buf[:])
	r.sum.Write(r.buf[:n])
	r.n += int64(n)
	r.in = append(r.in, r.buf[:n]...)
	if k := len(r.in) / 32 * 32; k > 0 {
		all := make([]byte, len(r.held)+k)
		copy(all, r.held)
		r.mode.CryptBlocks(all[len(r.held):], r.in[:k])
		r.in = append(r.in[:0], r.in[k:]...)
		r.out, r.held = all[:len(all)-32], all[len(all)-32:]
	}
	switch {
	case r.n > maxExportFile:
		r.err = fmt.Errorf("%w: larger than %d bytes", ErrExportFile, int64(maxExportFile))
	case err == io.EOF:
		r.err = r.finish()
	case err != nil:
		r.err = fmt.Errorf("work: download export file: %w", err)
	}
}

// finish checks the whole file and releases the held block, unpadded.
func (r *exportReader) finish() error {
	if r.file.Size != 0 && r.n != r.file.Size {
		return fmt.Errorf("%w: %d bytes, want %d", ErrExportFile, r.n, r.file.Size)
	}
	if got := hex.EncodeToString(r.sum.Sum(nil)); r.file.MD5 != "" && !strings.EqualFold(got, r.file.MD5) {
		return fmt.Errorf("%w: md5 %s, want %s", ErrExportFile, got, r.file.MD5)
	}
	if len(r.in) != 0 || r.n == 0 {
		return exportLengthErr(r.n)
	}
	last, err := unpadExport(r.held)
	if err != nil {
		return err
	}
	r.out = append(r.out, last...)
	return io.EOF
}

func (r *exportReader) Close() error { return r.src.Close() }

func exportCipher(key []byte) cipher.BlockMode {
	block, _ := aes.NewCipher(key) // exportKey returns 32 bytes
	return cipher.NewCBCDecrypter(block, key[:16])
}

func exportLengthErr(n int64) error {
	return fmt.Errorf("%w: %d bytes is not a multiple of 32 (truncated?)", ErrExportFile, n)
}

// unpadExport strips the PKCS#7 padding (1 to 32 bytes) of plain.
func unpadExport(plain []byte) ([]byte, error) {
	n := int(plain[len(plain)-1])
	if n < 1 || n > 32 || !bytes.Equal(plain[len(plain)-n:], bytes.Repeat([]byte{byte(n)}, n)) {
		return nil, fmt.Errorf("%w: bad padding (wrong encoding_aeskey?)", ErrExportFile)
	}
	return plain[:len(plain)-n], nil
}

// DecryptExport decrypts an export file with the job's encodingAESKey:
// AES-256-CBC with the key's first 16 bytes as IV, PKCS#7 padding to a
// multiple of 32 bytes. A wrong key shows as bad padding or, rarely, as
// content that is not JSON (Users reports it).
func DecryptExport(encodingAESKey string, data []byte) ([]byte, error) {
	key, err := exportKey(encodingAESKey)
	if err != nil {
		return nil, err
	}
	if len(data) == 0 || len(data)%32 != 0 {
		return nil, exportLengthErr(int64(len(data)))
	}
	plain := make([]byte, len(data))
	exportCipher(key).CryptBlocks(plain, data)
	return unpadExport(plain)
}

// Users downloads and decrypts a file of a SimpleUser or User job (see
// Download) and returns its members: for SimpleUser only UserID, Name,
// Department and OpenUserID are set.
// https://developer.work.weixin.qq.com/document/path/94854
func (s *ExportService) Users(ctx context.Context, file ExportFile, encodingAESKey string) ([]User, error) {
	data, err := s.Download(ctx, file, encodingAESKey)
	if err != nil {
		return nil, err
	}
	var doc struct {
		UserList []User `json:"userlist"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%w: content is not the JSON of a member export: %v", ErrExportFile, err)
	}
	return doc.UserList, nil
}
