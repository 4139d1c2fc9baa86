package work_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestDocFlow(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t, fakewechat.WithClock(frozenClock))
	created := mustB[*work.CreatedDoc](t)(a.Doc.Create(ctx, &work.DocCreate{SpaceID: "s.ww1", FatherID: "s.ww1", DocType: work.DocTypeSheet, DocName: "周报&数据", AdminUsers: []string{"zhangsan", "lisi"}}))
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/create_doc"); raw != `{"spaceid":"s.ww1","fatherid":"s.ww1","doc_type":4,"doc_name":"周报&数据","admin_users":["zhangsan","lisi"]}` {
		t.Errorf("create body %s", raw)
	}
	if created.DocID == "" || !strings.HasPrefix(created.URL, "https://") {
		t.Fatalf("created %+v", created)
	}
	id := created.DocID
	info := mustB[*work.DocBaseInfo](t)(a.Doc.BaseInfo(ctx, id))
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/get_doc_base_info"); raw != `{"docid":"`+id+`"}` {
		t.Errorf("base info body %s", raw)
	}
	now := srv.Now().Unix()
	if info.DocID != id || info.DocName != "周报&数据" || info.DocType != work.DocTypeSheet || info.CreateTime != now || info.ModifyTime != now {
		t.Errorf("info %+v", info)
	}

	srv.Advance(time.Minute)
	if err := a.Doc.Rename(ctx, work.DocRef{DocID: id}, "月报"); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/rename_doc"); raw != `{"docid":"`+id+`","new_name":"月报"}` {
		t.Errorf("rename body %s", raw)
	}
	info = mustB[*work.DocBaseInfo](t)(a.Doc.BaseInfo(ctx, id))
	if info.DocName != "月报" || info.CreateTime != now || info.ModifyTime != now+60 {
		t.Errorf("renamed %+v", info)
	}
	// Names past 255 are truncated; renaming counts a non-ASCII character as 2.
	if err := a.Doc.Rename(ctx, work.DocRef{DocID: id}, strings.Repeat("文", 200)); err != nil {
		t.Fatal(err)
	}
	if info = mustB[*work.DocBaseInfo](t)(a.Doc.BaseInfo(ctx, id)); info.DocName != strings.Repeat("文", 127) {
		t.Errorf("truncated to %d characters", len([]rune(info.DocName)))
	}

	url := mustB[string](t)(a.Doc.Share(ctx, work.DocRef{DocID: id}))
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/doc_share"); raw != `{"docid":"`+id+`"}` {
		t.Errorf("share body %s", raw)
	}
	if !strings.HasPrefix(url, "https://") || !strings.Contains(url, id) {
		t.Errorf("share url %q", url)
	}

	if err := a.Doc.Delete(ctx, work.DocRef{DocID: id}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/del_doc"); raw != `{"docid":"`+id+`"}` {
		t.Errorf("delete body %s", raw)
	}
	_, err := a.Doc.BaseInfo(ctx, id)
	apiCodeB(t, err, 40058)
	apiCodeB(t, a.Doc.Rename(ctx, work.DocRef{DocID: id}, "x"), 40058)
	apiCodeB(t, a.Doc.Delete(ctx, work.DocRef{DocID: id}), 40058)
	_, err = a.Doc.Share(ctx, work.DocRef{DocID: id})
	apiCodeB(t, err, 40058)
	_, err = a.Doc.Share(ctx, work.DocRef{FormID: "unknown"})
	apiCodeB(t, err, 40058)
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/doc_share"); raw != `{"formid":"unknown"}` {
		t.Errorf("share form body %s", raw)
	}
}

func TestDocCreateTypesAndNames(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	for _, typ := range []int{work.DocTypeDoc, work.DocTypeSheet, work.DocTypeSmartSheet} {
		c := mustB[*work.CreatedDoc](t)(a.Doc.Create(ctx, &work.DocCreate{DocType: typ, DocName: "d"}))
		if raw := rawB(t, srv, "POST /cgi-bin/wedoc/create_doc"); raw != `{"doc_type":`+strconv.Itoa(typ)+`,"doc_name":"d"}` {
			t.Errorf("create body %s", raw)
		}
		if info := mustB[*work.DocBaseInfo](t)(a.Doc.BaseInfo(ctx, c.DocID)); info.DocType != typ {
			t.Errorf("type %d, want %d", info.DocType, typ)
		}
	}
	// create_doc truncates to 255 characters, whatever they are.
	c := mustB[*work.CreatedDoc](t)(a.Doc.Create(ctx, &work.DocCreate{DocType: work.DocTypeDoc, DocName: strings.Repeat("文", 300)}))
	if info := mustB[*work.DocBaseInfo](t)(a.Doc.BaseInfo(ctx, c.DocID)); info.DocName != strings.Repeat("文", work.MaxDocName) {
		t.Errorf("truncated to %d characters", len([]rune(info.DocName)))
	}
}

func TestDocArgs(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	n := len(srv.Requests())
	_, err := a.Doc.Create(ctx, nil)
	paramErrB(t, srv, n, err, "doc_type")
	_, err = a.Doc.Create(ctx, &work.DocCreate{DocType: 5, DocName: "x"})
	paramErrB(t, srv, n, err, "doc_type")
	_, err = a.Doc.Create(ctx, &work.DocCreate{DocType: work.DocTypeDoc, SpaceID: "s"})
	paramErrB(t, srv, n, err, "fatherid")
	paramErrB(t, srv, n, a.Doc.Rename(ctx, work.DocRef{}, "x"), "docid")
	paramErrB(t, srv, n, a.Doc.Rename(ctx, work.DocRef{DocID: "d", FormID: "f"}, "x"), "formid")
	paramErrB(t, srv, n, a.Doc.Rename(ctx, work.DocRef{DocID: "d"}, ""), "new_name")
	paramErrB(t, srv, n, a.Doc.Delete(ctx, work.DocRef{}), "docid")
	_, err = a.Doc.BaseInfo(ctx, "")
	paramErrB(t, srv, n, err, "docid")
	_, err = a.Doc.Share(ctx, work.DocRef{DocID: "d", FormID: "f"})
	paramErrB(t, srv, n, err, "formid")
}
