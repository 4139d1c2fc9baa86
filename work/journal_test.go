package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestJournal(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	for i, id := range []string{"j1", "j2", "j3"} {
		srv.AddWeComJournal(corpB, fakewechat.WeComJournal{UUID: id, TemplateID: "tplDaily", TemplateName: "日报", Submitter: "zhangsan", Receivers: []string{"boss"}, ReportTime: 1700000000 + int64(i)})
	}
	q := work.JournalQuery{StartTime: 1699990000, EndTime: 1700010000, Limit: 2, Filters: []work.KeyValue{{Key: "creator", Value: "zhangsan"}}}
	p, err := a.Journal.Records(ctx, &q)
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/oa/journal/get_record_list"); raw != `{"starttime":1699990000,"endtime":1700010000,"cursor":0,"limit":2,"filters":[{"key":"creator","value":"zhangsan"}]}` {
		t.Errorf("body %s", raw)
	}
	if len(p.JournalUUIDs) != 2 || p.NextCursor != 2 || p.EndFlag != 0 {
		t.Errorf("page %+v", p)
	}
	var all []string
	for id, err := range a.Journal.All(ctx, q) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, id)
	}
	if len(all) != 3 || all[2] != "j3" {
		t.Errorf("all %v", all)
	}
	j := mustB[*work.Journal](t)(a.Journal.Detail(ctx, "j2"))
	if j.JournalUUID != "j2" || j.TemplateName != "日报" || j.Submitter.UserID != "zhangsan" || j.Receivers[0].UserID != "boss" || j.ReportTime != 1700000001 {
		t.Errorf("journal %+v", j)
	}
	st := mustB[[]work.JournalStat](t)(a.Journal.Stats(ctx, "tplDaily", 1699990000, 1700010000))
	if len(st) != 1 || st[0].TemplateName != "日报" || st[0].TemplateID != "tplDaily" || len(st[0].ReportList) == 0 {
		t.Errorf("stats %+v", st)
	}
	doc := mustB[*work.JournalFile](t)(a.Journal.ExportDoc(ctx, "j1", "doc1"))
	if doc.URL == "" {
		t.Errorf("doc %+v", doc)
	}
	f := mustB[*work.JournalFile](t)(a.Journal.WeDriveFile(ctx, "j1", "file1"))
	if b := bodyB(t, srv, "POST /cgi-bin/oa/journal/download_wedrive_file"); b["journaluuid"] != "j1" || b["fileid"] != "file1" {
		t.Errorf("download body %v", b)
	}
	if f.DownloadURL == "" || f.CookieName == "" || f.CookieValue == "" {
		t.Errorf("file %+v", f)
	}
	_, err = a.Journal.Detail(ctx, "nope")
	apiCodeB(t, err, 40058)
	_, err = a.Journal.ExportDoc(ctx, "nope", "d")
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.Journal.Records(ctx, &work.JournalQuery{StartTime: 1, EndTime: 2})
	paramErrB(t, srv, n, err, "limit")
	_, err = a.Journal.Records(ctx, &work.JournalQuery{Limit: 1})
	paramErrB(t, srv, n, err, "starttime")
	_, err = a.Journal.Detail(ctx, "")
	paramErrB(t, srv, n, err, "journaluuid")
	_, err = a.Journal.Stats(ctx, "", 1, 2)
	paramErrB(t, srv, n, err, "template_id")
	_, err = a.Journal.WeDriveFile(ctx, "j", "")
	paramErrB(t, srv, n, err, "fileid")
}
