package miniprogram_test

import (
	"testing"
	"time"

	"github.com/weixin-go/wechat/miniprogram"
)

func TestCloudBaseMigrate(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	cb := c.CloudBase
	imp, err := cb.DatabaseMigrateImport(ctx, "qbasetest-a5c40e", miniprogram.DatabaseImport{CollectionName: "test1", FilePath: "test_import",
		FileType: miniprogram.DatabaseFileJSON, ConflictMode: miniprogram.DatabaseImportUpsert})
	if err != nil || imp != 100074947 {
		t.Fatalf("import = %d, %v", imp, err)
	}
	if rr, _ := last(t, srv, "POST /tcb/databasemigrateimport"); string(rr.Body) != `{"env":"qbasetest-a5c40e","collection_name":"test1","file_path":"test_import","file_type":1,"stop_on_error":false,"conflict_mode":2}` {
		t.Errorf("import body %s", rr.Body)
	}
	exp, err := cb.DatabaseMigrateExport(ctx, "qbasetest-a5c40e", miniprogram.DatabaseExport{FilePath: "export/geo.csv", FileType: miniprogram.DatabaseFileCSV,
		Query: `db.collection("geo").where({age:_.gt(1)}).limit(10).skip(1).get()`})
	if err != nil || exp != 100074948 {
		t.Fatalf("export = %d, %v", exp, err)
	}
	if rr, _ := last(t, srv, "POST /tcb/databasemigrateexport"); string(rr.Body) != `{"env":"qbasetest-a5c40e","file_path":"export/geo.csv","file_type":2,"query":"db.collection(\"geo\").where({age:_.gt(1)}).limit(10).skip(1).get()"}` {
		t.Errorf("export body %s", rr.Body)
	}
	info, err := cb.DatabaseMigrateQueryInfo(ctx, "qbasetest-a5c40e", exp)
	if err != nil || info.Status != "success" || info.RecordSuccess != 3 || info.RecordFail != 0 ||
		info.FileURL != "https://tcb-mongodb-data-1254135806.cos.ap-shanghai.myqcloud.com/export/geo.csv" {
		t.Fatalf("export info = %+v, %v", info, err)
	}
	if _, body := last(t, srv, "POST /tcb/databasemigratequeryinfo"); body["job_id"] != float64(100074948) || body["env"] != "qbasetest-a5c40e" {
		t.Errorf("queryinfo body %v", body)
	}
	if info, err := cb.DatabaseMigrateQueryInfo(ctx, "qbasetest-a5c40e", imp); err != nil || info.Status != "success" || info.FileURL != "" {
		t.Fatalf("import info = %+v, %v", info, err)
	}
	_, err = cb.DatabaseMigrateQueryInfo(ctx, "qbasetest-a5c40e", 42)
	wantAPIError(t, err, 40097)

	n := len(srv.Requests())
	_, err = cb.DatabaseMigrateImport(ctx, "e", miniprogram.DatabaseImport{FilePath: "f", FileType: 1, ConflictMode: 1})
	wantArgError(t, srv, n, err, "collection_name")
	_, err = cb.DatabaseMigrateImport(ctx, "e", miniprogram.DatabaseImport{CollectionName: "c", FilePath: "f", FileType: 1, ConflictMode: 3})
	wantArgError(t, srv, n, err, "conflict_mode")
	_, err = cb.DatabaseMigrateExport(ctx, "e", miniprogram.DatabaseExport{FilePath: "f", FileType: 3, Query: "q"})
	wantArgError(t, srv, n, err, "file_type")
	_, err = cb.DatabaseMigrateExport(ctx, "", miniprogram.DatabaseExport{FilePath: "f", FileType: 1, Query: "q"})
	wantArgError(t, srv, n, err, "env")
	_, err = cb.DatabaseMigrateQueryInfo(ctx, "e", 0)
	wantArgError(t, srv, n, err, "job_id")
}

func TestCloudBaseUpdateIndex(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	cb := c.CloudBase
	create := []miniprogram.DatabaseIndex{{Name: "add_index", Unique: true, Keys: []miniprogram.DatabaseIndexKey{{Name: "test", Direction: "2dsphere"}}}}
	if err := cb.UpdateIndex(ctx, "test2-4a89da", "counters", create, []string{"drop_index"}); err != nil {
		t.Fatal(err)
	}
	if rr, _ := last(t, srv, "POST /tcb/updateindex"); string(rr.Body) != `{"env":"test2-4a89da","collection_name":"counters","create_indexes":[{"name":"add_index","unique":true,"keys":[{"name":"test","direction":"2dsphere"}]}],"drop_indexes":[{"name":"drop_index"}]}` {
		t.Errorf("body %s", rr.Body)
	}
	// Both lists are required: an empty one is sent as [].
	if err := cb.UpdateIndex(ctx, "test2-4a89da", "counters", nil, []string{"old"}); err != nil {
		t.Fatal(err)
	}
	if rr, _ := last(t, srv, "POST /tcb/updateindex"); string(rr.Body) != `{"env":"test2-4a89da","collection_name":"counters","create_indexes":[],"drop_indexes":[{"name":"old"}]}` {
		t.Errorf("drop-only body %s", rr.Body)
	}
	// The fake rejects what WeChat rejects.
	err := c.Call(ctx, "POST", "/tcb/updateindex", nil, map[string]any{"env": "e", "collection_name": "c", "create_indexes": []any{}}, nil)
	wantAPIError(t, err, 40097)

	n := len(srv.Requests())
	wantArgError(t, srv, n, cb.UpdateIndex(ctx, "e", "", create, nil), "collection_name")
	wantArgError(t, srv, n, cb.UpdateIndex(ctx, "e", "c", nil, nil), "create_indexes")
	bad := []miniprogram.DatabaseIndex{{Name: "i", Keys: []miniprogram.DatabaseIndexKey{{Name: "a", Direction: "up"}}}}
	wantArgError(t, srv, n, cb.UpdateIndex(ctx, "e", "c", bad, nil), "keys")
	wantArgError(t, srv, n, cb.UpdateIndex(ctx, "e", "c", nil, []string{""}), "drop_indexes")
}

func TestCloudBaseQcloudToken(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	before := srv.Now().Unix()
	tok, err := c.CloudBase.GetQcloudToken(ctx, 7200)
	if err != nil || tok.SecretID != "SECRETID" || tok.SecretKey != "SECRETKEY" || tok.Token != "TOKEN" ||
		tok.ExpiredTime < before+7200 || tok.ExpiredTime > srv.Now().Unix()+7200 {
		t.Fatalf("token = %+v, %v (now %d)", tok, err, before)
	}
	if rr, _ := last(t, srv, "POST /tcb/getqcloudtoken"); string(rr.Body) != `{"lifespan":7200}` {
		t.Errorf("body %s", rr.Body)
	}
	// 10 calls an hour.
	for range 9 {
		if _, err := c.CloudBase.GetQcloudToken(ctx, 60); err != nil {
			t.Fatal(err)
		}
	}
	_, err = c.CloudBase.GetQcloudToken(ctx, 60)
	wantAPIError(t, err, 45009)
	srv.Advance(time.Hour)
	if _, err := c.CloudBase.GetQcloudToken(ctx, 60); err != nil {
		t.Fatalf("an hour later: %v", err)
	}

	n := len(srv.Requests())
	_, err = c.CloudBase.GetQcloudToken(ctx, 7201)
	wantArgError(t, srv, n, err, "lifespan")
	_, err = c.CloudBase.GetQcloudToken(ctx, 0)
	wantArgError(t, srv, n, err, "lifespan")
}
