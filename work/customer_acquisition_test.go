package work_test

import (
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestCustomerAcquisitionLinks(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	acq := a.CustomerAcquisition
	skip := false
	l, err := acq.CreateLink(ctx, &work.AcquisitionLinkConfig{LinkID: "ignored", LinkName: "春季活动 & 推广", Range: &work.AcquisitionRange{UserList: []string{"zhangsan", "lisi"}, DepartmentList: []int64{1}},
		SkipVerify: &skip, PriorityOption: &work.AcquisitionPriority{PriorityType: 1, PriorityUserIDList: []string{"lisi"}}})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/customer_acquisition/create_link"); raw != `{"link_name":"春季活动 & 推广","range":{"user_list":["zhangsan","lisi"],"department_list":[1]},"skip_verify":false,"priority_option":{"priority_type":1,"priority_userid_list":["lisi"]}}` {
		t.Errorf("create body %s", raw)
	}
	if l.LinkID == "" || l.LinkName != "春季活动 & 推广" || !strings.HasPrefix(l.URL, "https://work.weixin.qq.com/ca/") || l.CreateTime == 0 {
		t.Fatalf("link %+v", l)
	}
	d, err := acq.GetLink(ctx, l.LinkID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Link.LinkName != l.LinkName || d.Link.URL != l.URL || d.Link.SkipVerify || len(d.Range.UserList) != 2 || d.Range.DepartmentList[0] != 1 ||
		d.PriorityOption == nil || d.PriorityOption.PriorityUserIDList[0] != "lisi" {
		t.Errorf("detail %+v", d)
	}
	// skip_verify defaults to true
	l2 := mustB[*work.AcquisitionLink](t)(acq.CreateLink(ctx, &work.AcquisitionLinkConfig{LinkName: "二号", Range: &work.AcquisitionRange{DepartmentList: []int64{2}}}))
	if d2 := mustB[*work.AcquisitionLinkDetail](t)(acq.GetLink(ctx, l2.LinkID)); !d2.Link.SkipVerify || len(d2.Range.UserList) != 0 {
		t.Errorf("detail 2 %+v", d2)
	}
	if err := acq.UpdateLink(ctx, &work.AcquisitionLinkConfig{LinkID: l.LinkID, LinkName: "改名", Range: &work.AcquisitionRange{UserList: []string{"wangwu"}}}); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/customer_acquisition/update_link"); b["link_id"] != l.LinkID || b["skip_verify"] != nil {
		t.Errorf("update body %v", b)
	}
	d = mustB[*work.AcquisitionLinkDetail](t)(acq.GetLink(ctx, l.LinkID))
	if d.Link.LinkName != "改名" || len(d.Range.UserList) != 1 || d.Range.UserList[0] != "wangwu" || d.Link.CreateTime != l.CreateTime || d.Link.URL != l.URL {
		t.Errorf("updated %+v", d)
	}
	p := mustB[*work.AcquisitionLinkPage](t)(acq.ListLinks(ctx, "", 1))
	if len(p.LinkIDs) != 1 || p.LinkIDs[0] != l.LinkID || p.NextCursor == "" {
		t.Errorf("page %+v", p)
	}
	var ids []string
	for id, err := range acq.AllLinks(ctx, 1) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if len(ids) != 2 || ids[1] != l2.LinkID {
		t.Errorf("all %v", ids)
	}
	if err := acq.DeleteLink(ctx, l2.LinkID); err != nil {
		t.Fatal(err)
	}
	_, err = acq.GetLink(ctx, l2.LinkID)
	apiCodeB(t, err, 40058)
	apiCodeB(t, acq.DeleteLink(ctx, l2.LinkID), 40058)
	apiCodeB(t, acq.UpdateLink(ctx, &work.AcquisitionLinkConfig{LinkID: "nope", LinkName: "x"}), 40058)

	n := len(srv.Requests())
	_, err = acq.CreateLink(ctx, &work.AcquisitionLinkConfig{Range: &work.AcquisitionRange{UserList: []string{"a"}}})
	paramErrB(t, srv, n, err, "link_name")
	_, err = acq.CreateLink(ctx, &work.AcquisitionLinkConfig{LinkName: strings.Repeat("名", 31), Range: &work.AcquisitionRange{UserList: []string{"a"}}})
	paramErrB(t, srv, n, err, "link_name")
	_, err = acq.CreateLink(ctx, &work.AcquisitionLinkConfig{LinkName: "x", Range: &work.AcquisitionRange{}})
	paramErrB(t, srv, n, err, "range")
	_, err = acq.CreateLink(ctx, &work.AcquisitionLinkConfig{LinkName: "x", Range: &work.AcquisitionRange{UserList: make([]string, 501)}})
	paramErrB(t, srv, n, err, "range")
	_, err = acq.CreateLink(ctx, &work.AcquisitionLinkConfig{LinkName: "x", Range: &work.AcquisitionRange{UserList: []string{"a"}}, PriorityOption: &work.AcquisitionPriority{PriorityType: 3}})
	paramErrB(t, srv, n, err, "priority_option")
	_, err = acq.CreateLink(ctx, nil)
	paramErrB(t, srv, n, err, "link_name")
	paramErrB(t, srv, n, acq.UpdateLink(ctx, &work.AcquisitionLinkConfig{LinkName: "x"}), "link_id")
	paramErrB(t, srv, n, acq.DeleteLink(ctx, ""), "link_id")
	_, err = acq.GetLink(ctx, "")
	paramErrB(t, srv, n, err, "link_id")
	_, err = acq.ListLinks(ctx, "", 101)
	paramErrB(t, srv, n, err, "limit")
}

func TestCustomerAcquisitionData(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	acq := a.CustomerAcquisition
	l := mustB[*work.AcquisitionLink](t)(acq.CreateLink(ctx, &work.AcquisitionLinkConfig{LinkName: "渠道", Range: &work.AcquisitionRange{UserList: []string{"zhangsan"}}}))
	p := mustB[*work.AcquisitionCustomerPage](t)(acq.Customers(ctx, l.LinkID, "", 2))
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/customer_acquisition/customer"); b["link_id"] != l.LinkID || b["limit"] != float64(2) {
		t.Errorf("customer body %v", b)
	}
	if len(p.Customers) != 2 || p.Customers[0].UserID != "zhangsan" || p.Customers[1].State != "CHANNEL_B" || p.NextCursor == "" {
		t.Errorf("customers %+v", p)
	}
	var got []work.AcquisitionCustomer
	for c, err := range acq.AllCustomers(ctx, l.LinkID, 2) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c)
	}
	if len(got) != 3 || got[2].UserID != "rocky" || got[2].ChatStatus != 1 || got[2].ExternalUserID != "woAJ2GCAAAXtWyujaWJHDDGi0mBCBBB" {
		t.Errorf("all customers %+v", got)
	}
	q := mustB[*work.AcquisitionQuota](t)(acq.Quota(ctx))
	if q.Total != 1000 || q.Balance != 500 || len(q.QuotaList) != 2 || q.QuotaList[1].ExpireDate != 1692028800 || q.QuotaList[0].Balance != 200 {
		t.Errorf("quota %+v", q)
	}
	st := mustB[*work.AcquisitionStatistic](t)(acq.Statistic(ctx, l.LinkID, 1688140800, 1688486400))
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/customer_acquisition/statistic"); raw != `{"link_id":"`+l.LinkID+`","start_time":1688140800,"end_time":1688486400}` {
		t.Errorf("statistic body %s", raw)
	}
	if st.ClickLinkCustomerCnt != 1000 || st.NewCustomerCnt != 500 {
		t.Errorf("statistic %+v", st)
	}
	_, err := acq.Statistic(ctx, l.LinkID, 1688140800, 1688140800+31*86400)
	apiCodeB(t, err, 40058)
	_, err = acq.Customers(ctx, "nope", "", 0)
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = acq.Customers(ctx, "", "", 0)
	paramErrB(t, srv, n, err, "link_id")
	_, err = acq.Customers(ctx, "x", "", 1001)
	paramErrB(t, srv, n, err, "limit")
	_, err = acq.Statistic(ctx, "", 1, 2)
	paramErrB(t, srv, n, err, "link_id")
	_, err = acq.Statistic(ctx, "x", 5, 2)
	paramErrB(t, srv, n, err, "start_time")
}
