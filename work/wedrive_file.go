package work

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	fileList     = epPost("/cgi-bin/wedrive/file_list")
	fileUpload   = epPost("/cgi-bin/wedrive/file_upload")
	fileDownload = epPost("/cgi-bin/wedrive/file_download")
	fileCreate   = epPost("/cgi-bin/wedrive/file_create")
	fileRename   = epPost("/cgi-bin/wedrive/file_rename")
	fileMove     = epPost("/cgi-bin/wedrive/file_move")
	fileDelete   = epPost("/cgi-bin/wedrive/file_delete")
	fileInfo     = epPost("/cgi-bin/wedrive/file_info")
)

// MaxWeDriveUpload is the largest file Upload sends (WeCom's limit for
// file_upload, whose content travels base64-encoded in JSON).
const MaxWeDriveUpload = 10 << 20

// WeDrive file types: folders, files, and online documents.
const (
	WeDriveFolder = 1
	WeDriveFile   = 2
	WeDriveDoc    = 3
	WeDriveSheet  = 4
)

// DriveFile is a WeDrive file or folder.
type DriveFile struct {
	FileID       string `json:"fileid"`
	FileName     string `json:"file_name"`
	SpaceID      string `json:"spaceid"`
	FatherID     string `json:"fatherid"`
	FileSize     int64  `json:"file_size"`
	CTime        int64  `json:"ctime"`
	MTime        int64  `json:"mtime"`
	FileType     int    `json:"file_type"`
	FileStatus   int    `json:"file_status"`
	CreateUserID string `json:"create_userid"`
	UpdateUserID string `json:"update_userid"`
	SHA          string `json:"sha,omitempty"`
	MD5          string `json:"md5,omitempty"`
	URL          string `json:"url,omitempty"`
}

// FileQuery lists a folder (FatherID, the space id for its root).
// SortType 1 by name, 2 by size, 3 by modification time (and the
// descending 4 to 6); Limit up to 1000.
type FileQuery struct {
	UserID   string `json:"userid"`
	SpaceID  string `json:"spaceid"`
	FatherID string `json:"fatherid"`
	SortType int    `json:"sort_type"`
	Start    int    `json:"start"`
	Limit    int    `json:"limit"`
}

// FilePage is one page of a folder.
type FilePage struct {
	HasMore   bool `json:"has_more"`
	NextStart int  `json:"next_start"`
	FileList  struct {
		Item []DriveFile `json:"item"`
	} `json:"file_list"`
}

func (q *FileQuery) check() error {
	if q == nil {
		return paramErr("userid", "required")
	}
	if err := needB("userid", q.UserID, "spaceid", q.SpaceID, "fatherid", q.FatherID); err != nil {
		return err
	}
	if q.Limit < 1 || q.Limit > 1000 {
		return paramErr("limit", "1 to 1000")
	}
	if q.SortType == 0 {
		q.SortType = 1
	}
	return nil
}

// List returns one page of a folder.
// https://developer.work.weixin.qq.com/document/path/93657
func (s *WeDriveFileService) List(ctx context.Context, q *FileQuery) (*FilePage, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	return callB[FilePage](ctx, s.c, fileList, nil, q)
}

// All iterates over a folder from q.Start.
func (s *WeDriveFileService) All(ctx context.Context, q FileQuery) iter.Seq2[DriveFile, error] {
	return func(yield func(DriveFile, error) bool) {
		for {
			p, err := s.List(ctx, &q)
			if err != nil {
				yield(DriveFile{}, err)
				return
			}
			for _, f := range p.FileList.Item {
				if !yield(f, nil) {
					return
				}
			}
			if !p.HasMore || p.NextStart <= q.Start {
				return
			}
			q.Start = p.NextStart
		}
	}
}

// Upload uploads content (at most MaxWeDriveUpload bytes) as fileName into
// folder fatherID of a space and returns the new file id.
// https://developer.work.weixin.qq.com/document/path/93657
func (s *WeDriveFileService) Upload(ctx context.Context, userID, spaceID, fatherID, fileName string, content io.Reader) (string, error) {
	if err := needB("userid", userID, "spaceid", spaceID, "fatherid", fatherID, "file_name", fileName); err != nil {
		return "", err
	}
	if content == nil {
		return "", paramErr("file_base64_content", "content required")
	}
	data, err := io.ReadAll(io.LimitReader(content, MaxWeDriveUpload+1))
	if err != nil {
		return "", fmt.Errorf("work: read upload content: %w", err)
	}
	if len(data) > MaxWeDriveUpload {
		return "", paramErr("file_base64_content", "larger than 10 MiB")
	}
	body := struct {
		UserID   string `json:"userid"`
		SpaceID  string `json:"spaceid"`
		FatherID string `json:"fatherid"`
		FileName string `json:"file_name"`
		Content  string `json:"file_base64_content"`
	}{userID, spaceID, fatherID, fileName, base64.StdEncoding.EncodeToString(data)}
	out, err := callB[struct {
		FileID string `json:"fileid"`
	}](ctx, s.c, fileUpload, nil, body)
	if err != nil {
		return "", err
	}
	return out.FileID, nil
}

// FileDownload is where to fetch a file: GET DownloadURL with the cookie
// CookieName=CookieValue (Open does it).
type FileDownload struct {
	DownloadURL string `json:"download_url"`
	CookieName  string `json:"cookie_name"`
	CookieValue string `json:"cookie_value"`
}

type fileUserBody struct {
	UserID string `json:"userid"`
	FileID string `json:"fileid"`
}

// DownloadInfo returns where to download a file.
// https://developer.work.weixin.qq.com/document/path/93657
func (s *WeDriveFileService) DownloadInfo(ctx context.Context, userID, fileID string) (*FileDownload, error) {
	if err := needB("userid", userID, "fileid", fileID); err != nil {
		return nil, err
	}
	return callB[FileDownload](ctx, s.c, fileDownload, nil, fileUserBody{userID, fileID})
}

// Open downloads a file as a stream with hc (http.DefaultClient if nil);
// the caller must close it.
func (s *WeDriveFileService) Open(ctx context.Context, hc *http.Client, userID, fileID string) (*wechat.Download, error) {
	info, err := s.DownloadInfo(ctx, userID, fileID)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(info.DownloadURL, "https://") && !strings.HasPrefix(info.DownloadURL, "http://") {
		return nil, fmt.Errorf("work: wedrive file_download answered no download URL")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, info.DownloadURL, nil)
	if err != nil {
		return nil, fmt.Errorf("work: wedrive download: %w", err)
	}
	if info.CookieName != "" {
		req.AddCookie(&http.Cookie{Name: info.CookieName, Value: info.CookieValue})
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("work: wedrive download of %s failed", fileID)
	}
	if resp.StatusCode/100 != 2 {
		resp.Body.Close()
		return nil, &wechat.HTTPError{StatusCode: resp.StatusCode, Method: http.MethodGet, Path: "wedrive file " + fileID}
	}
	dl := &wechat.Download{ReadCloser: resp.Body, ContentType: resp.Header.Get("Content-Type"), Length: resp.ContentLength}
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil {
		dl.Filename = params["filename"]
	}
	return dl, nil
}

// Create creates a folder or an online document (fileType WeDriveFolder,
// WeDriveDoc or WeDriveSheet) and returns its id and URL.
// https://developer.work.weixin.qq.com/document/path/93657
func (s *WeDriveFileService) Create(ctx context.Context, userID, spaceID, fatherID string, fileType int, name string) (fileID, url string, err error) {
	if err := needB("userid", userID, "spaceid", spaceID, "fatherid", fatherID, "file_name", name); err != nil {
		return "", "", err
	}
	if fileType != WeDriveFolder && fileType != WeDriveDoc && fileType != WeDriveSheet {
		return "", "", paramErr("file_type", "1 (folder), 3 (doc) or 4 (sheet)")
	}
	body := struct {
		UserID   string `json:"userid"`
		SpaceID  string `json:"spaceid"`
		FatherID string `json:"fatherid"`
		FileType int    `json:"file_type"`
		FileName string `json:"file_name"`
	}{userID, spaceID, fatherID, fileType, name}
	out, err := callB[struct {
		FileID string `json:"fileid"`
		URL    string `json:"url"`
	}](ctx, s.c, fileCreate, nil, body)
	if err != nil {
		return "", "", err
	}
	return out.FileID, out.URL, nil
}

// Rename renames a file and returns it.
// https://developer.work.weixin.qq.com/document/path/93657
func (s *WeDriveFileService) Rename(ctx context.Context, userID, fileID, newName string) (*DriveFile, error) {
	if err := needB("userid", userID, "fileid", fileID, "new_name", newName); err != nil {
		return nil, err
	}
	body := struct {
		fileUserBody
		NewName string `json:"new_name"`
	}{fileUserBody{userID, fileID}, newName}
	out, err := callB[struct {
		File DriveFile `json:"file"`
	}](ctx, s.c, fileRename, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.File, nil
}

// Move moves files into folder fatherID; replace overwrites files of the
// same name.
// https://developer.work.weixin.qq.com/document/path/93657
func (s *WeDriveFileService) Move(ctx context.Context, userID, fatherID string, replace bool, fileIDs ...string) ([]DriveFile, error) {
	if err := needB("userid", userID, "fatherid", fatherID); err != nil {
		return nil, err
	}
	if len(fileIDs) == 0 {
		return nil, paramErr("fileid", "required")
	}
	body := struct {
		UserID   string   `json:"userid"`
		FatherID string   `json:"fatherid"`
		Replace  bool     `json:"replace"`
		FileID   []string `json:"fileid"`
	}{userID, fatherID, replace, fileIDs}
	out, err := callB[struct {
		FileList struct {
			Item []DriveFile `json:"item"`
		} `json:"file_list"`
	}](ctx, s.c, fileMove, nil, body)
	if err != nil {
		return nil, err
	}
	return out.FileList.Item, nil
}

// Delete deletes files.
// https://developer.work.weixin.qq.com/document/path/93657
func (s *WeDriveFileService) Delete(ctx context.Context, userID string, fileIDs ...string) error {
	if err := needB("userid", userID); err != nil {
		return err
	}
	if len(fileIDs) == 0 {
		return paramErr("fileid", "required")
	}
	body := struct {
		UserID string   `json:"userid"`
		FileID []string `json:"fileid"`
	}{userID, fileIDs}
	return s.c.Do(ctx, fileDelete, nil, body, nil)
}

// Info returns a file.
// https://developer.work.weixin.qq.com/document/path/93657
func (s *WeDriveFileService) Info(ctx context.Context, userID, fileID string) (*DriveFile, error) {
	if err := needB("userid", userID, "fileid", fileID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		FileInfo DriveFile `json:"file_info"`
	}](ctx, s.c, fileInfo, nil, fileUserBody{userID, fileID})
	if err != nil {
		return nil, err
	}
	return &out.FileInfo, nil
}
