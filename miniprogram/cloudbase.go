package miniprogram

import (
	"context"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	tcbInvoke        = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/invokecloudfunction"}
	tcbQuery         = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasequery"}
	tcbAdd           = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databaseadd"}
	tcbUpdate        = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databaseupdate"}
	tcbDelete        = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasedelete"}
	tcbCount         = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasecount"}
	tcbAggregate     = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databaseaggregate"}
	tcbCollAdd       = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasecollectionadd"}
	tcbCollDelete    = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasecollectiondelete"}
	tcbCollGet       = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasecollectionget"}
	tcbUploadFile    = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/uploadfile"}
	tcbDownloadFiles = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/batchdownloadfile"}
	tcbDeleteFiles   = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/batchdeletefile"}
)

// InvokeCloudFunction calls the cloud function name of environment env
// with the JSON body payload and returns its answer (resp_data) (触发云函数).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/functions/invokeCloudFunction.html
func (s *CloudBaseService) InvokeCloudFunction(ctx context.Context, env, name string, payload any) (string, error) {
	if err := required("env", env, "name", name); err != nil {
		return "", err
	}
	if payload == nil {
		payload = struct{}{}
	}
	out, err := call[struct {
		RespData string `json:"resp_data"`
	}](ctx, s.c, tcbInvoke, url.Values{"env": {env}, "name": {name}}, payload)
	if err != nil {
		return "", err
	}
	return out.RespData, nil
}

// tcbQueryCall sends {env, query} to ep.
func tcbQueryCall[T any](ctx context.Context, s *CloudBaseService, ep wechat.Endpoint, env, query string) (*T, error) {
	if err := required("env", env, "query", query); err != nil {
		return nil, err
	}
	return call[T](ctx, s.c, ep, nil, map[string]string{"env": env, "query": query})
}

// DatabasePager is the paging of a query.
type DatabasePager struct {
	Offset int `json:"Offset"`
	Limit  int `json:"Limit"`
	Total  int `json:"Total"`
}

// DatabaseQueryResult is the answer of DatabaseQuery: each record is a
// JSON document.
type DatabaseQueryResult struct {
	Pager DatabasePager `json:"pager"`
	Data  []string      `json:"data"`
}

// DatabaseQuery runs a query statement, such as
// `db.collection("geo").where({done:false}).limit(10).get()` (数据库查询记录).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseQuery.html
func (s *CloudBaseService) DatabaseQuery(ctx context.Context, env, query string) (*DatabaseQueryResult, error) {
	return tcbQueryCall[DatabaseQueryResult](ctx, s, tcbQuery, env, query)
}

// DatabaseAdd runs an insert statement and returns the new ids (数据库插入记录).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseAdd.html
func (s *CloudBaseService) DatabaseAdd(ctx context.Context, env, query string) ([]string, error) {
	out, err := tcbQueryCall[struct {
		IDList []string `json:"id_list"`
	}](ctx, s, tcbAdd, env, query)
	if err != nil {
		return nil, err
	}
	return out.IDList, nil
}

// DatabaseUpdateResult is the answer of DatabaseUpdate.
type DatabaseUpdateResult struct {
	Matched  int    `json:"matched"`
	Modified int    `json:"modified"`
	ID       string `json:"id"` // the upserted record
}

// DatabaseUpdate runs an update statement (数据库更新记录).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseUpdate.html
func (s *CloudBaseService) DatabaseUpdate(ctx context.Context, env, query string) (*DatabaseUpdateResult, error) {
	return tcbQueryCall[DatabaseUpdateResult](ctx, s, tcbUpdate, env, query)
}

// DatabaseDelete runs a delete statement and returns the records deleted
// (数据库删除记录).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseDelete.html
func (s *CloudBaseService) DatabaseDelete(ctx context.Context, env, query string) (int, error) {
	out, err := tcbQueryCall[struct {
		Deleted int `json:"deleted"`
	}](ctx, s, tcbDelete, env, query)
	if err != nil {
		return 0, err
	}
	return out.Deleted, nil
}

// DatabaseCount runs a count statement (统计集合记录数).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCount.html
func (s *CloudBaseService) DatabaseCount(ctx context.Context, env, query string) (int, error) {
	out, err := tcbQueryCall[struct {
		Count int `json:"count"`
	}](ctx, s, tcbCount, env, query)
	if err != nil {
		return 0, err
	}
	return out.Count, nil
}

// DatabaseAggregate runs an aggregate statement; each result is a JSON
// document (数据库聚合).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseAggregate.html
func (s *CloudBaseService) DatabaseAggregate(ctx context.Context, env, query string) ([]string, error) {
	out, err := tcbQueryCall[struct {
		Data []string `json:"data"`
	}](ctx, s, tcbAggregate, env, query)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// AddCollection creates a collection (新增集合).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCollectionAdd.html
func (s *CloudBaseService) AddCollection(ctx context.Context, env, name string) error {
	if err := required("env", env, "collection_name", name); err != nil {
		return err
	}
	return s.c.Do(ctx, tcbCollAdd, nil, map[string]string{"env": env, "collection_name": name}, nil)
}

// DeleteCollection deletes a collection (删除集合).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCollectionDelete.html
func (s *CloudBaseService) DeleteCollection(ctx context.Context, env, name string) error {
	if err := required("env", env, "collection_name", name); err != nil {
		return err
	}
	return s.c.Do(ctx, tcbCollDelete, nil, map[string]string{"env": env, "collection_name": name}, nil)
}

// Collection is a database collection.
type Collection struct {
	Name       string `json:"name"`
	Count      int64  `json:"count"`
	Size       int64  `json:"size"`
	IndexCount int    `json:"index_count"`
	IndexSize  int64  `json:"index_size"`
}

// Collections returns a page of collections (获取特定云环境下集合信息).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCollectionGet.html
func (s *CloudBaseService) Collections(ctx context.Context, env string, offset, limit int) ([]Collection, *DatabasePager, error) {
	if err := required("env", env); err != nil {
		return nil, nil, err
	}
	if offset < 0 || limit < 0 {
		return nil, nil, invalidArg("limit", "negative")
	}
	body := struct {
		Env    string `json:"env"`
		Limit  int    `json:"limit,omitempty"`
		Offset int    `json:"offset,omitempty"`
	}{env, limit, offset}
	out, err := call[struct {
		Collections []Collection  `json:"collections"`
		Pager       DatabasePager `json:"pager"`
	}](ctx, s.c, tcbCollGet, nil, body)
	if err != nil {
		return nil, nil, err
	}
	return out.Collections, &out.Pager, nil
}

// UploadLink is the answer of UploadFile: POST the file to URL with the
// form fields key (the path), Signature (Authorization), x-cos-security-token
// (Token) and x-cos-meta-fileid (CosFileID).
type UploadLink struct {
	URL           string `json:"url"`
	Token         string `json:"token"`
	Authorization string `json:"authorization"`
	FileID        string `json:"file_id"`
	CosFileID     string `json:"cos_file_id"`
}

// UploadFile returns the link to upload a file to path of the cloud
// storage (获取文件上传链接).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/storage/uploadFile.html
func (s *CloudBaseService) UploadFile(ctx context.Context, env, path string) (*UploadLink, error) {
	if err := required("env", env, "path", path); err != nil {
		return nil, err
	}
	return call[UploadLink](ctx, s.c, tcbUploadFile, nil, map[string]string{"env": env, "path": path})
}

// FileLink is the download link of a file.
type FileLink struct {
	FileID      string `json:"fileid"`
	DownloadURL string `json:"download_url"`
	Status      int    `json:"status"` // 0 ok
	ErrMsg      string `json:"errmsg"`
}

// DownloadFiles returns download links valid maxAge seconds for up to 50
// files (获取文件下载链接).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/storage/batchDownloadFile.html
func (s *CloudBaseService) DownloadFiles(ctx context.Context, env string, maxAge int, fileIDs ...string) ([]FileLink, error) {
	if err := required("env", env); err != nil {
		return nil, err
	}
	if len(fileIDs) == 0 || len(fileIDs) > 50 {
		return nil, invalidArg("file_list", "1 to 50 files")
	}
	type file struct {
		FileID string `json:"fileid"`
		MaxAge int    `json:"max_age"`
	}
	files := make([]file, len(fileIDs))
	for i, id := range fileIDs {
		files[i] = file{id, maxAge}
	}
	out, err := call[struct {
		FileList []FileLink `json:"file_list"`
	}](ctx, s.c, tcbDownloadFiles, nil, struct {
		Env      string `json:"env"`
		FileList []file `json:"file_list"`
	}{env, files})
	if err != nil {
		return nil, err
	}
	return out.FileList, nil
}

// DeleteFiles deletes files of the cloud storage (删除文件); each answer
// has its own Status.
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/storage/batchDeleteFile.html
func (s *CloudBaseService) DeleteFiles(ctx context.Context, env string, fileIDs ...string) ([]FileLink, error) {
	if err := required("env", env); err != nil {
		return nil, err
	}
	if len(fileIDs) == 0 {
		return nil, invalidArg("fileid_list", "empty")
	}
	out, err := call[struct {
		DeleteList []FileLink `json:"delete_list"`
	}](ctx, s.c, tcbDeleteFiles, nil, struct {
		Env        string   `json:"env"`
		FileIDList []string `json:"fileid_list"`
	}{env, fileIDs})
	if err != nil {
		return nil, err
	}
	return out.DeleteList, nil
}
