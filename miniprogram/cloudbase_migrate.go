package miniprogram

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	tcbMigrateImport = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasemigrateimport"}
	tcbMigrateExport = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasemigrateexport"}
	tcbMigrateInfo   = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/databasemigratequeryinfo"}
	tcbUpdateIndex   = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/updateindex"}
)

// File types of database import and export (file_type).
const (
	DatabaseFileJSON = 1 // JSON Lines
	DatabaseFileCSV  = 2
)

// Conflict modes of a database import (conflict_mode).
const (
	DatabaseImportInsert = 1 // always insert
	DatabaseImportUpsert = 2 // update the record with the same _id, else insert
)

// DatabaseImport is an import job: FilePath is a file of the environment's
// storage (upload it first), FileType DatabaseFileJSON or DatabaseFileCSV,
// ConflictMode DatabaseImportInsert or DatabaseImportUpsert.
type DatabaseImport struct {
	CollectionName string `json:"collection_name"`
	FilePath       string `json:"file_path"`
	FileType       int    `json:"file_type"`
	StopOnError    bool   `json:"stop_on_error"`
	ConflictMode   int    `json:"conflict_mode"`
}

// DatabaseExport is an export job: the records matching Query are written
// to FilePath of the environment's storage as FileType.
type DatabaseExport struct {
	FilePath string `json:"file_path"`
	FileType int    `json:"file_type"`
	Query    string `json:"query"`
}

// DatabaseMigrateInfo is the state of an import or export job: Status
// ("success" when done), the counts of records moved and failed, and for
// an export the download URL of the file. The error message is left out:
// the docs name it both err_msg and error_msg.
type DatabaseMigrateInfo struct {
	Status        string `json:"status"`
	RecordSuccess int    `json:"record_success"`
	RecordFail    int    `json:"record_fail"`
	FileURL       string `json:"file_url"`
}

// DatabaseIndexKey is a field of an index: Direction is "1" (ascending),
// "-1" (descending) or "2dsphere" (geo).
type DatabaseIndexKey struct {
	Name      string `json:"name"`
	Direction string `json:"direction"`
}

// DatabaseIndex is an index to create.
type DatabaseIndex struct {
	Name   string             `json:"name"`
	Unique bool               `json:"unique"`
	Keys   []DatabaseIndexKey `json:"keys"`
}

func checkFileType(t int) error {
	if t != DatabaseFileJSON && t != DatabaseFileCSV {
		return invalidArg("file_type", "1 (JSON) or 2 (CSV)")
	}
	return nil
}

// tcbJob sends body with env to ep and returns the job_id of the answer.
func tcbJob(ctx context.Context, s *CloudBaseService, ep wechat.Endpoint, body any) (int64, error) {
	out, err := call[struct {
		JobID int64 `json:"job_id"`
	}](ctx, s.c, ep, nil, body)
	if err != nil {
		return 0, err
	}
	return out.JobID, nil
}

// DatabaseMigrateImport starts importing a file into a collection of env
// and returns the job id (数据库导入); follow it with DatabaseMigrateQueryInfo.
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseMigrateImport.html
func (s *CloudBaseService) DatabaseMigrateImport(ctx context.Context, env string, in DatabaseImport) (int64, error) {
	if err := required("env", env, "collection_name", in.CollectionName, "file_path", in.FilePath); err != nil {
		return 0, err
	}
	if err := checkFileType(in.FileType); err != nil {
		return 0, err
	}
	if in.ConflictMode != DatabaseImportInsert && in.ConflictMode != DatabaseImportUpsert {
		return 0, invalidArg("conflict_mode", "1 (insert) or 2 (upsert)")
	}
	return tcbJob(ctx, s, tcbMigrateImport, struct {
		Env string `json:"env"`
		DatabaseImport
	}{env, in})
}

// DatabaseMigrateExport starts exporting the records of a query of env to
// a file and returns the job id (数据库导出); DatabaseMigrateQueryInfo
// gives the file's URL once done.
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseMigrateExport.html
func (s *CloudBaseService) DatabaseMigrateExport(ctx context.Context, env string, in DatabaseExport) (int64, error) {
	if err := required("env", env, "file_path", in.FilePath, "query", in.Query); err != nil {
		return 0, err
	}
	if err := checkFileType(in.FileType); err != nil {
		return 0, err
	}
	return tcbJob(ctx, s, tcbMigrateExport, struct {
		Env string `json:"env"`
		DatabaseExport
	}{env, in})
}

// DatabaseMigrateQueryInfo returns the state of an import or export job
// (数据库迁移状态查询).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseMigrateQueryInfo.html
func (s *CloudBaseService) DatabaseMigrateQueryInfo(ctx context.Context, env string, jobID int64) (*DatabaseMigrateInfo, error) {
	if err := required("env", env); err != nil {
		return nil, err
	}
	if jobID <= 0 {
		return nil, invalidArg("job_id", "required")
	}
	return call[DatabaseMigrateInfo](ctx, s.c, tcbMigrateInfo, nil, struct {
		Env   string `json:"env"`
		JobID int64  `json:"job_id"`
	}{env, jobID})
}

// UpdateIndex creates the indexes create and drops the indexes named drop
// of a collection of env (变更数据库索引).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/updateIndex.html
func (s *CloudBaseService) UpdateIndex(ctx context.Context, env, collection string, create []DatabaseIndex, drop []string) error {
	if err := required("env", env, "collection_name", collection); err != nil {
		return err
	}
	if len(create) == 0 && len(drop) == 0 {
		return invalidArg("create_indexes", "nothing to create or drop")
	}
	for _, ix := range create {
		if ix.Name == "" || len(ix.Keys) == 0 {
			return invalidArg("create_indexes", "each index needs a name and keys")
		}
		for _, k := range ix.Keys {
			if k.Name == "" || k.Direction != "1" && k.Direction != "-1" && k.Direction != "2dsphere" {
				return invalidArg("keys", `a name and direction "1", "-1" or "2dsphere"`)
			}
		}
	}
	type named struct {
		Name string `json:"name"`
	}
	drops := make([]named, len(drop))
	for i, n := range drop {
		if n == "" {
			return invalidArg("drop_indexes", "empty name")
		}
		drops[i] = named{n}
	}
	if create == nil {
		create = []DatabaseIndex{}
	}
	return s.c.Do(ctx, tcbUpdateIndex, nil, struct {
		Env            string          `json:"env"`
		CollectionName string          `json:"collection_name"`
		CreateIndexes  []DatabaseIndex `json:"create_indexes"`
		DropIndexes    []named         `json:"drop_indexes"`
	}{env, collection, create, drops}, nil)
}

var tcbQcloudToken = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/getqcloudtoken"}

// MaxQcloudTokenLifespan is the longest lifespan of a Tencent Cloud
// credential, in seconds.
const MaxQcloudTokenLifespan = 7200

// QcloudToken is a temporary Tencent Cloud API credential; ExpiredTime is
// a Unix timestamp.
type QcloudToken struct {
	SecretID    string `json:"secretid"`
	SecretKey   string `json:"secretkey"`
	Token       string `json:"token"`
	ExpiredTime int64  `json:"expired_time"`
}

// GetQcloudToken returns a Tencent Cloud API credential valid for lifespan
// seconds (at most 7200) (获取腾讯云API调用凭证); WeChat allows 10 calls an
// hour.
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/utils/getQcloudToken.html
func (s *CloudBaseService) GetQcloudToken(ctx context.Context, lifespan int) (*QcloudToken, error) {
	if lifespan <= 0 || lifespan > MaxQcloudTokenLifespan {
		return nil, invalidArg("lifespan", "1 to 7200 seconds")
	}
	return call[QcloudToken](ctx, s.c, tcbQcloudToken, nil, struct {
		Lifespan int `json:"lifespan"`
	}{lifespan})
}
