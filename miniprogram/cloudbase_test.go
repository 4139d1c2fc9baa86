package miniprogram_test

import (
	"testing"
)

func TestCloudBase(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	cb := c.CloudBase
	resp, err := cb.InvokeCloudFunction(ctx, "test-env", "add", map[string]int{"a": 1})
	if err != nil || resp != `{"a":1}` {
		t.Fatalf("InvokeCloudFunction = %q, %v", resp, err)
	}
	if rr, _ := last(t, srv, "POST /tcb/invokecloudfunction"); rr.Query.Get("env") != "test-env" || rr.Query.Get("name") != "add" {
		t.Errorf("query = %v", rr.Query)
	}
	q, err := cb.DatabaseQuery(ctx, "test-env", `db.collection("geo").where({done:false}).limit(10).get()`)
	if err != nil || q.Pager.Total != 2 || len(q.Data) != 2 {
		t.Fatalf("DatabaseQuery = %+v, %v", q, err)
	}
	if _, body := last(t, srv, "POST /tcb/databasequery"); body["query"] != `db.collection("geo").where({done:false}).limit(10).get()` {
		t.Errorf("body = %v", body)
	}
	if ids, err := cb.DatabaseAdd(ctx, "e", "db.collection(\"geo\").add({data:[{a:1}]})"); err != nil || len(ids) != 2 {
		t.Fatalf("DatabaseAdd = %v, %v", ids, err)
	}
	if u, err := cb.DatabaseUpdate(ctx, "e", "q"); err != nil || u.Modified != 1 {
		t.Fatalf("DatabaseUpdate = %+v, %v", u, err)
	}
	if n, err := cb.DatabaseDelete(ctx, "e", "q"); err != nil || n != 1 {
		t.Fatalf("DatabaseDelete = %d, %v", n, err)
	}
	if n, err := cb.DatabaseCount(ctx, "e", "q"); err != nil || n != 2 {
		t.Fatalf("DatabaseCount = %d, %v", n, err)
	}
	if d, err := cb.DatabaseAggregate(ctx, "e", "q"); err != nil || len(d) != 1 {
		t.Fatalf("DatabaseAggregate = %v, %v", d, err)
	}
	if err := cb.AddCollection(ctx, "e", "geo"); err != nil {
		t.Fatal(err)
	}
	if err := cb.DeleteCollection(ctx, "e", "geo"); err != nil {
		t.Fatal(err)
	}
	if l, p, err := cb.Collections(ctx, "e", 0, 10); err != nil || len(l) != 1 || p.Total != 1 {
		t.Fatalf("Collections = %+v, %+v, %v", l, p, err)
	}
	if l, err := cb.UploadFile(ctx, "e", "test.jpg"); err != nil || l.FileID == "" {
		t.Fatalf("UploadFile = %+v, %v", l, err)
	}
	if l, err := cb.DownloadFiles(ctx, "e", 7200, "cloud://test.7465-test/test.jpg"); err != nil || len(l) != 1 || l[0].DownloadURL == "" {
		t.Fatalf("DownloadFiles = %+v, %v", l, err)
	}
	if l, err := cb.DeleteFiles(ctx, "e", "cloud://test.7465-test/test.jpg"); err != nil || len(l) != 1 {
		t.Fatalf("DeleteFiles = %+v, %v", l, err)
	}
	n := len(srv.Requests())
	_, err = cb.DatabaseQuery(ctx, "", "q")
	wantArgError(t, srv, n, err, "env")
	_, err = cb.DownloadFiles(ctx, "e", 1)
	wantArgError(t, srv, n, err, "file_list")
	if err := c.Call(ctx, "POST", "/tcb/databasecount", nil, map[string]string{"env": "e"}, nil); err == nil {
		t.Fatal("fake accepted a count without query")
	}
}
