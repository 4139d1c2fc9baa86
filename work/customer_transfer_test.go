package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestCustomerTransfer(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ids := seedCustomersB(srv, 3)

	out, err := a.CustomerTransfer.TransferCustomers(ctx, &work.CustomerTransfer{HandoverUserID: "zhangsan", TakeoverUserID: "wangwu",
		ExternalUserIDs: []string{ids[0], "wmGhost"}, TransferSuccessMsg: "您好"})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/transfer_customer"); raw != `{"handover_userid":"zhangsan","takeover_userid":"wangwu","external_userid":["`+ids[0]+`","wmGhost"],"transfer_success_msg":"您好"}` {
		t.Errorf("body %s", raw)
	}
	if len(out) != 2 || out[0].ErrCode != 0 || out[1].ErrCode != 84061 {
		t.Errorf("outcome %+v", out)
	}
	if c, _ := srv.WeComCustomer(corpB, ids[0]); c.Follow[0].UserID != "wangwu" {
		t.Errorf("follow not moved: %+v", c.Follow)
	}
	res, err := a.CustomerTransfer.TransferResult(ctx, "zhangsan", "wangwu", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Customers) != 1 || res.Customers[0].ExternalUserID != ids[0] || res.Customers[0].Status != 2 || res.Customers[0].TakeoverTime == 0 {
		t.Errorf("result %+v", res)
	}
	// a member still here cannot be handed over as resigned, and vice versa
	_, err = a.CustomerTransfer.ResignedTransferCustomers(ctx, &work.CustomerTransfer{HandoverUserID: "zhangsan", TakeoverUserID: "lisi", ExternalUserIDs: []string{ids[1]}})
	apiCodeB(t, err, 40098)
	srv.SetWeComResigned(corpB, "zhangsan", 1700001234)

	un, err := a.CustomerTransfer.Unassigned(ctx, "", 1)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/get_unassigned_list"); b["page_size"] != float64(1) {
		t.Errorf("unassigned body %v", b)
	}
	if len(un.Info) != 1 || un.Info[0].ExternalUserID != ids[1] || un.Info[0].HandoverUserID != "zhangsan" || un.Info[0].DimissionTime != 1700001234 || un.IsLast || un.NextCursor == "" {
		t.Fatalf("unassigned %+v", un)
	}
	un = mustB[*work.UnassignedPage](t)(a.CustomerTransfer.Unassigned(ctx, un.NextCursor, 0))
	if len(un.Info) != 1 || !un.IsLast {
		t.Errorf("unassigned page 2 %+v", un)
	}
	out = mustB[[]work.TransferOutcome](t)(a.CustomerTransfer.ResignedTransferCustomers(ctx, &work.CustomerTransfer{HandoverUserID: "zhangsan", TakeoverUserID: "lisi", ExternalUserIDs: []string{ids[1]}}))
	if len(out) != 1 || out[0].ErrCode != 0 {
		t.Errorf("resigned %+v", out)
	}
	res = mustB[*work.TransferResultPage](t)(a.CustomerTransfer.ResignedTransferResult(ctx, "zhangsan", "lisi", ""))
	if len(res.Customers) != 1 || res.Customers[0].ExternalUserID != ids[1] {
		t.Errorf("resigned result %+v", res)
	}
	_, err = a.CustomerTransfer.TransferCustomers(ctx, &work.CustomerTransfer{HandoverUserID: "zhangsan", TakeoverUserID: "lisi", ExternalUserIDs: []string{ids[2]}})
	apiCodeB(t, err, 40098)
	_, err = a.CustomerTransfer.TransferResult(ctx, "zhangsan", "wangwu", "x")
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.CustomerTransfer.TransferCustomers(ctx, &work.CustomerTransfer{HandoverUserID: "a", TakeoverUserID: "b"})
	paramErrB(t, srv, n, err, "external_userid")
	_, err = a.CustomerTransfer.TransferCustomers(ctx, &work.CustomerTransfer{TakeoverUserID: "b", ExternalUserIDs: []string{"x"}})
	paramErrB(t, srv, n, err, "handover_userid")
	_, err = a.CustomerTransfer.ResignedTransferCustomers(ctx, &work.CustomerTransfer{HandoverUserID: "a", TakeoverUserID: "b", ExternalUserIDs: []string{"x"}, TransferSuccessMsg: "m"})
	paramErrB(t, srv, n, err, "transfer_success_msg")
	_, err = a.CustomerTransfer.ResignedTransferResult(ctx, "a", "", "")
	paramErrB(t, srv, n, err, "takeover_userid")
	_, err = a.CustomerTransfer.Unassigned(ctx, "", 1001)
	paramErrB(t, srv, n, err, "page_size")
}
