package fakewechat

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// WeCom address-book exports (异步导出接口): export/simple_user and
// export/user build the file of the address book at once, encrypted with
// the caller's encoding_aeskey, and serve it under WeComExportFilePrefix;
// export/get_result answers status 2 with its url, size and md5. See the
// package doc for the rules.

// WeComExportFilePrefix is where the fake serves exported files (no token
// needed, like WeCom's download links).
const WeComExportFilePrefix = "/wecom-export/"

// WeCom export job states (export/get_result).
const (
	wecomExportDone   = 2
	wecomExportFailed = 3
)

func init() {
	builtin = append(builtin, registerWeComExport)
}

type wecomExportJob struct {
	status int
	file   []byte // ciphertext; nil when the job failed
	size   int    // of the file as built
	md5    string // of the file as built
}

type wecomExports struct {
	mu   sync.Mutex
	seq  int
	jobs map[string]*wecomExportJob
}

func (s *Server) wecomExports(corp string) *wecomExports {
	return Value(s.State(corp), "wecom.export", func() *wecomExports { return &wecomExports{jobs: map[string]*wecomExportJob{}} })
}

// wecomExportKey returns the AES key of an encoding_aeskey: 43 characters
// of a-z, A-Z and 0-9, base64 of 32 bytes without its "=".
func wecomExportKey(s string) ([]byte, bool) {
	if len(s) != 43 || strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
		return nil, false
	}
	key, err := base64.StdEncoding.DecodeString(s + "=")
	return key, err == nil && len(key) == 32
}

// wecomExportEncrypt encrypts plain with AES-256-CBC, IV the key's first 16
// bytes, PKCS#7 padding to a multiple of 32 bytes.
func wecomExportEncrypt(key, plain []byte) []byte {
	n := 32 - len(plain)%32
	buf := append(bytes.Clone(plain), bytes.Repeat([]byte{byte(n)}, n)...)
	block, _ := aes.NewCipher(key)
	cipher.NewCBCEncrypter(block, key[:16]).CryptBlocks(buf, buf)
	return buf
}

func registerWeComExport(s *Server) {
	start := func(typ string) JSONHandler {
		return func(r *Request) (any, error) {
			var in struct {
				EncodingAESKey string `json:"encoding_aeskey"`
				BlockSize      *int64 `json:"block_size"`
				TagID          *int64 `json:"tagid"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			if in.EncodingAESKey == "" || typ == "taguser" && in.TagID == nil {
				return nil, ErrCode(CodeWeComMissingParameter)
			}
			key, ok := wecomExportKey(in.EncodingAESKey)
			if !ok || in.BlockSize != nil && (*in.BlockSize < 10000 || *in.BlockSize > 1000000) {
				return nil, ErrCode(CodeWeComInvalidParameter)
			}
			job := &wecomExportJob{status: wecomExportFailed}
			_, err := withDir(r, func(d *wecomDir) (any, error) {
				if typ == "taguser" && d.tags[*in.TagID] == nil {
					return nil, ErrCode(CodeWeComInvalidTagID)
				}
				var rows []M
				switch typ {
				case "simple_user":
					for _, id := range d.order {
						u := d.users[id]
						rows = append(rows, M{"userid": u.id, "name": u.fields["name"], "department": u.depts, "open_userid": "woFAKE" + u.id})
					}
				case "user":
					for _, id := range d.order {
						rows = append(rows, d.users[id].view())
					}
				default: // department, taguser: file format not modelled, the job fails
					return nil, nil
				}
				plain, _ := json.Marshal(M{"userlist": rows})
				job.status, job.file = wecomExportDone, wecomExportEncrypt(key, plain)
				sum := md5.Sum(job.file)
				job.size, job.md5 = len(job.file), hex.EncodeToString(sum[:])
				return nil, nil
			})
			if err != nil {
				return nil, err
			}
			corp, _ := wecomCaller(r)
			e := r.Server.wecomExports(corp)
			e.mu.Lock()
			defer e.mu.Unlock()
			e.seq++
			id := fmt.Sprintf("jobid_FAKE%06d", e.seq)
			e.jobs[id] = job
			return OK(M{"jobid": id}), nil
		}
	}
	// https://developer.work.weixin.qq.com/document/path/94849
	s.HandleJSON(WeComPath("POST /cgi-bin/export/simple_user"), start("simple_user"))
	// https://developer.work.weixin.qq.com/document/path/94851
	s.HandleJSON(WeComPath("POST /cgi-bin/export/user"), start("user"))
	// https://developer.work.weixin.qq.com/document/path/94852
	s.HandleJSON(WeComPath("POST /cgi-bin/export/department"), start("department"))
	// https://developer.work.weixin.qq.com/document/path/94953
	s.HandleJSON(WeComPath("POST /cgi-bin/export/taguser"), start("taguser"))

	// https://developer.work.weixin.qq.com/document/path/94854
	s.HandleJSON(WeComPath("GET /cgi-bin/export/get_result"), func(r *Request) (any, error) {
		jobID := r.Query.Get("jobid")
		if jobID == "" {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		corp, _ := wecomCaller(r)
		e := r.Server.wecomExports(corp)
		e.mu.Lock()
		defer e.mu.Unlock()
		job := e.jobs[jobID]
		if job == nil {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		list := []M{}
		if job.file != nil {
			list = append(list, M{"url": r.Server.URL() + WeComExportFilePrefix + corp + "/" + jobID,
				"size": job.size, "md5": job.md5})
		}
		return OK(M{"status": job.status, "data_list": list}), nil
	})

	s.HandleRaw("GET "+WeComExportFilePrefix+"*", func(w http.ResponseWriter, r *Request) {
		corp, jobID, _ := strings.Cut(strings.TrimPrefix(r.HTTP.URL.Path, WeComExportFilePrefix), "/")
		e := r.Server.wecomExports(corp)
		e.mu.Lock()
		job := e.jobs[jobID]
		e.mu.Unlock()
		if job == nil || job.file == nil {
			http.NotFound(w, r.HTTP)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(job.file)
	}, Public())
}

// WeComExportFile returns the ciphertext of export job jobID of corp as
// export/get_result's url serves it, or nil; tests change a copy to
// check how clients handle damaged files.
func (s *Server) WeComExportFile(corp, jobID string) []byte {
	e := s.wecomExports(corp)
	e.mu.Lock()
	defer e.mu.Unlock()
	if job := e.jobs[jobID]; job != nil {
		return bytes.Clone(job.file)
	}
	return nil
}

// SetWeComExportFile replaces the file the url of export job jobID of
// corp serves; get_result keeps answering the size and md5 of the file as
// built, as a download damaged on the way would look.
func (s *Server) SetWeComExportFile(corp, jobID string, file []byte) {
	e := s.wecomExports(corp)
	e.mu.Lock()
	defer e.mu.Unlock()
	if job := e.jobs[jobID]; job != nil {
		job.file = file
	}
}
