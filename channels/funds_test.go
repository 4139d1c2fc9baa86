package channels_test

import (
	"testing"
	"time"

	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func TestFunds(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	b, err := c.Funds.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if *b != (channels.Balance{AvailableAmount: fakewechat.ChannelsAvailableAmount, PendingAmount: fakewechat.ChannelsPendingAmount, SubMchID: fakewechat.ChannelsSubMchID}) {
		t.Errorf("Balance = %+v", b)
	}
	if got := lastBody(t, srv, "POST /channels/ec/funds/getbalance"); got != `{}` {
		t.Errorf("getbalance body = %s", got)
	}

	f, err := c.Funds.FlowDetail(ctx, "10000057741221110")
	if err != nil {
		t.Fatal(err)
	}
	if f.FlowID != "10000057741221110" || f.FlowType != 1 || f.Amount != 3900 || f.BookkeepingTime != "2023-02-11 15:45:39" ||
		len(f.RelatedInfoList) != 1 || f.RelatedInfoList[0].RelatedType != 1 || f.RelatedInfoList[0].OrderID != "3709260970493871360" {
		t.Errorf("FlowDetail = %+v", f)
	}
	if got := lastBody(t, srv, "POST /channels/ec/funds/getfundsflowdetail"); got != `{"flow_id":"10000057741221110"}` {
		t.Errorf("getfundsflowdetail body = %s", got)
	}
	_, err = c.Funds.FlowDetail(ctx, "1")
	wantAPIError(t, err, fakewechat.CodeInvalidArgs)

	// A withdrawal takes from the available balance; one a day.
	w, err := c.Funds.SubmitWithdraw(ctx, 1000, "周提现 A&B", "小店")
	if err != nil || w.WithdrawID == "" || w.QRCodeTicket == "" {
		t.Fatalf("SubmitWithdraw = %+v, %v", w, err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/funds/submitwithdraw"); got != `{"amount":1000,"remark":"周提现 A&B","bank_memo":"小店"}` {
		t.Errorf("submitwithdraw body = %s", got)
	}
	if b, _ := c.Funds.Balance(ctx); b.AvailableAmount != fakewechat.ChannelsAvailableAmount-1000 || b.PendingAmount != fakewechat.ChannelsPendingAmount {
		t.Errorf("balance after withdrawal = %+v", b)
	}
	_, err = c.Funds.SubmitWithdraw(ctx, 1, "", "")
	wantAPIError(t, err, fakewechat.CodeInvalidArgs)
	srv.Advance(24 * time.Hour)
	_, err = c.Funds.SubmitWithdraw(ctx, fakewechat.ChannelsAvailableAmount, "", "")
	wantAPIError(t, err, fakewechat.CodeInvalidArgs) // above the balance
	w2, err := c.Funds.SubmitWithdraw(ctx, 331, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/funds/submitwithdraw"); got != `{"amount":331}` {
		t.Errorf("submitwithdraw body = %s", got)
	}

	d, err := c.Funds.WithdrawDetail(ctx, w.WithdrawID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Amount != 1000 || d.Remark != "周提现 A&B" || d.BankMemo != "小店" || d.Status != channels.WithdrawCreateSuccess || d.CreateTime == 0 {
		t.Errorf("WithdrawDetail = %+v", d)
	}
	if got := lastBody(t, srv, "POST /channels/ec/funds/getwithdrawdetail"); got != `{"withdraw_id":"`+w.WithdrawID+`"}` {
		t.Errorf("getwithdrawdetail body = %s", got)
	}
	_, err = c.Funds.WithdrawDetail(ctx, "wd1")
	wantAPIError(t, err, fakewechat.CodeInvalidArgs)

	var ids []string
	for id, err := range c.Funds.Withdrawals(ctx, channels.WithdrawListOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if len(ids) != 2 || ids[0] != w.WithdrawID || ids[1] != w2.WithdrawID {
		t.Errorf("Withdrawals = %v", ids)
	}
	if got := lastBody(t, srv, "POST /channels/ec/funds/getwithdrawlist"); got != `{"page_num":1,"page_size":10}` {
		t.Errorf("getwithdrawlist body = %s", got)
	}
	p, err := c.Funds.WithdrawListPage(ctx, channels.WithdrawListOptions{StartTime: d.CreateTime + 1, EndTime: d.CreateTime + 2*86400}, 1, 1)
	if err != nil || p.TotalNum != 1 || len(p.WithdrawIDs) != 1 || p.WithdrawIDs[0] != w2.WithdrawID {
		t.Errorf("WithdrawListPage = %+v, %v", p, err)
	}
	if p, err := c.Funds.WithdrawListPage(ctx, channels.WithdrawListOptions{}, 2, 1); err != nil || len(p.WithdrawIDs) != 1 || p.WithdrawIDs[0] != w2.WithdrawID || p.TotalNum != 2 {
		t.Errorf("page 2 = %+v, %v", p, err)
	}
	if p, err := c.Funds.WithdrawListPage(ctx, channels.WithdrawListOptions{}, 3, 1); err != nil || len(p.WithdrawIDs) != 0 {
		t.Errorf("page 3 = %+v, %v", p, err)
	}
}

func TestFundsArgs(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	before := len(srv.Requests())
	_, err := c.Funds.FlowDetail(ctx, "")
	wantArgError(t, srv, before, err, "flow_id")
	_, err = c.Funds.WithdrawDetail(ctx, "")
	wantArgError(t, srv, before, err, "withdraw_id")
	_, err = c.Funds.SubmitWithdraw(ctx, 0, "", "")
	wantArgError(t, srv, before, err, "amount")
	_, err = c.Funds.WithdrawListPage(ctx, channels.WithdrawListOptions{}, 0, 10)
	wantArgError(t, srv, before, err, "page_num")
	_, err = c.Funds.WithdrawListPage(ctx, channels.WithdrawListOptions{}, 1, 0)
	wantArgError(t, srv, before, err, "page_size")
	_, err = c.Funds.WithdrawListPage(ctx, channels.WithdrawListOptions{StartTime: 5, EndTime: 4}, 1, 10)
	wantArgError(t, srv, before, err, "end_time")
	srv.Inject(fakewechat.Fault{Path: "POST /channels/ec/funds/getwithdrawlist", Errcode: 48001, Times: 1})
	for _, err := range c.Funds.Withdrawals(ctx, channels.WithdrawListOptions{}) {
		wantAPIError(t, err, 48001)
	}
}

func TestFundsFlows(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	var ids []string
	for id, err := range c.Funds.Flows(ctx, channels.FlowListOptions{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if len(ids) != len(fakewechat.ChannelsFundsFlows) || ids[0] != "10000057741221110" {
		t.Fatalf("Flows = %v", ids)
	}
	// The second page carries the next_key of the first.
	if got := lastBody(t, srv, "POST /channels/ec/funds/getfundsflowlist"); got != `{"page":2,"page_size":2,"next_key":"chfk2"}` {
		t.Errorf("second page body = %s", got)
	}
	p, err := c.Funds.FlowListPage(ctx, channels.FlowListOptions{StartTime: 1676131200, EndTime: 1676217599}, 1, "") // 2023-02-12 Beijing
	if err != nil || len(p.FlowIDs) != 1 || p.FlowIDs[0] != "10000057741221111" || p.HasMore || p.NextKey != "" {
		t.Errorf("one day = %+v, %v", p, err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/funds/getfundsflowlist"); got != `{"page":1,"start_time":1676131200,"end_time":1676217599}` {
		t.Errorf("first page body = %s", got)
	}
	if p, err := c.Funds.FlowListPage(ctx, channels.FlowListOptions{TransactionID: "4200001619202211090964182530"}, 1, ""); err != nil || len(p.FlowIDs) != 0 {
		t.Errorf("by transaction = %+v, %v", p, err)
	}
	_, err = c.Funds.FlowListPage(ctx, channels.FlowListOptions{}, 2, "bad")
	wantAPIError(t, err, fakewechat.CodeInvalidArgs)

	before := len(srv.Requests())
	_, err = c.Funds.FlowListPage(ctx, channels.FlowListOptions{}, 0, "")
	wantArgError(t, srv, before, err, "page")
	_, err = c.Funds.FlowListPage(ctx, channels.FlowListOptions{PageSize: -1}, 1, "")
	wantArgError(t, srv, before, err, "page_size")
	_, err = c.Funds.FlowListPage(ctx, channels.FlowListOptions{StartTime: 2, EndTime: 1}, 1, "")
	wantArgError(t, srv, before, err, "end_time")
}
