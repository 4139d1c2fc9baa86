package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestAppShareInfo(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	p, err := a.App.ListShareInfo(ctx, work.AppShareQuery{AgentID: 1000002, BusinessType: work.ShareUpDown, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if p.Ending != 0 || len(p.CorpList) != 2 || p.CorpList[0] != (work.SharedCorp{CorpID: "wwcorpid2", CorpName: "测试企业2", AgentID: 1112}) || p.NextCursor == "" {
		t.Errorf("page %+v", p)
	}
	if b := rawB(t, srv, "POST /cgi-bin/corpgroup/corp/list_app_share_info"); b != `{"agentid":1000002,"business_type":1,"limit":2}` {
		t.Errorf("body %s", b)
	}
	var all []string
	for c, err := range a.App.AllShareInfo(ctx, work.AppShareQuery{AgentID: 1000002, BusinessType: work.ShareUpDown, Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, c.CorpID)
	}
	if len(all) != 3 || all[2] != "wwcorpid4" {
		t.Errorf("all %v", all)
	}
	p, err = a.App.ListShareInfo(ctx, work.AppShareQuery{AgentID: 1000002, BusinessType: work.ShareCorpGroup, CorpID: "wwcorpid1"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Ending != 1 || len(p.CorpList) != 1 || p.CorpList[0].AgentID != 1111 {
		t.Errorf("one corp %+v", p)
	}
	n := len(srv.Requests())
	for _, c := range []struct {
		q     work.AppShareQuery
		param string
	}{{work.AppShareQuery{}, "agentid"}, {work.AppShareQuery{AgentID: 1, BusinessType: 2}, "business_type"}, {work.AppShareQuery{AgentID: 1, Limit: 101}, "limit"}} {
		_, err := a.App.ListShareInfo(ctx, c.q)
		paramErrB(t, srv, n, err, c.param)
	}
}
