package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestExternalPayBills(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ep := a.ExternalPay
	q := work.ExternalPayBillQuery{BeginTime: 1605171726, EndTime: 1605172726, Limit: 2}
	page := mustB[*work.ExternalPayBillPage](t)(ep.Bills(ctx, q))
	if raw := rawB(t, srv, "POST /cgi-bin/externalpay/get_bill_list"); raw != `{"begin_time":1605171726,"end_time":1605172726,"limit":2}` {
		t.Errorf("body %s", raw)
	}
	if len(page.Bills) != 2 || page.NextCursor == "" {
		t.Fatalf("page %+v", page)
	}
	b := page.Bills[0]
	if b.TransactionID != "4200000001" || b.PayeeUserID != "zhangshan" || b.PayTime != 1605171800 || b.TotalFee != 100 ||
		b.BillType != 1 || b.TradeState != 1 || b.PaymentType != 1 || b.MchID != "123454" || b.OutTradeNo != "OUT4200000001" ||
		b.ExternalUserID == "" || b.OutRefundNo != "REF4200000001" || b.TotalRefundFee != 100 ||
		len(b.Commodities) != 1 || b.Commodities[0].Description != "手机" || b.Commodities[0].Amount != 1 ||
		len(b.Refunds) != 1 || b.Refunds[0].RefundFee != 100 || b.Refunds[0].RefundReqTime != 1605171860 || b.Refunds[0].RefundUserID != "zhangshan" {
		t.Errorf("bill %+v", b)
	}
	if page.Bills[1].TotalFee != 2500 || len(page.Bills[1].Refunds) != 0 {
		t.Errorf("bill 2 %+v", page.Bills[1])
	}
	q.Cursor = page.NextCursor
	last := mustB[*work.ExternalPayBillPage](t)(ep.Bills(ctx, q))
	if len(last.Bills) != 1 || last.Bills[0].TransactionID != "4200000003" || last.NextCursor != "" {
		t.Errorf("last page %+v", last)
	}
	// Payee and time filters, through every page.
	var ids []string
	for b, err := range ep.AllBills(ctx, work.ExternalPayBillQuery{BeginTime: 1605171726, EndTime: 1605172726, PayeeUserID: "zhangshan", Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, b.TransactionID)
	}
	if len(ids) != 2 || ids[0] != "4200000001" || ids[1] != "4200000003" {
		t.Errorf("zhangshan bills %v", ids)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalpay/get_bill_list"); b["payee_userid"] != "zhangshan" || b["cursor"] != "1" {
		t.Errorf("paged body %v", b)
	}
	page = mustB[*work.ExternalPayBillPage](t)(ep.Bills(ctx, work.ExternalPayBillQuery{BeginTime: 1605171900, EndTime: 1605172100}))
	if len(page.Bills) != 1 || page.Bills[0].TransactionID != "4200000002" {
		t.Errorf("time filter %+v", page.Bills)
	}

	// Arguments checked before sending.
	n := len(srv.Requests())
	_, err := ep.Bills(ctx, work.ExternalPayBillQuery{EndTime: 1605172726})
	paramErrB(t, srv, n, err, "begin_time")
	_, err = ep.Bills(ctx, work.ExternalPayBillQuery{BeginTime: 1605171726, EndTime: 1605171726 + 32*86400})
	paramErrB(t, srv, n, err, "end_time")
	_, err = ep.Bills(ctx, work.ExternalPayBillQuery{BeginTime: 1605171726, EndTime: 1605172726, Limit: 1001})
	paramErrB(t, srv, n, err, "limit")
	// The fake rejects a bad cursor as WeCom rejects bad parameters.
	_, err = ep.Bills(ctx, work.ExternalPayBillQuery{BeginTime: 1605171726, EndTime: 1605172726, Cursor: "bad"})
	apiCodeB(t, err, 40058)
}

func TestExternalPayMerchant(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ep := a.ExternalPay
	srv.AddWeComMerchant(fakewechat.DefaultCorpID, fakewechat.WeComMerchant{MchID: "12334", MerchantName: "test", BindStatus: work.MerchantBound})
	srv.AddWeComMerchant(fakewechat.DefaultCorpID, fakewechat.WeComMerchant{MchID: "55555", MerchantName: "pending", BindStatus: work.MerchantApplying})

	m := mustB[*work.PayMerchant](t)(ep.GetMerchant(ctx, "12334"))
	if raw := rawB(t, srv, "POST /cgi-bin/externalpay/getmerchant"); raw != `{"mch_id":"12334"}` {
		t.Errorf("get body %s", raw)
	}
	if m.MchID != "12334" || m.MerchantName != "test" || m.BindStatus != work.MerchantBound || m.AllowUseScope == nil || len(m.AllowUseScope.User) != 0 {
		t.Errorf("merchant %+v", m)
	}
	if err := ep.SetMerchantScope(ctx, "12334", work.MerchantScope{User: []string{"zhangsan", "lisi"}, PartyID: []int64{1}, TagID: []int64{1, 2, 3}}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalpay/set_mch_use_scope"); raw != `{"mch_id":"12334","allow_use_scope":{"user":["zhangsan","lisi"],"partyid":[1],"tagid":[1,2,3]}}` {
		t.Errorf("set body %s", raw)
	}
	m = mustB[*work.PayMerchant](t)(ep.GetMerchant(ctx, "12334"))
	if s := m.AllowUseScope; s == nil || len(s.User) != 2 || s.User[1] != "lisi" || len(s.PartyID) != 1 || len(s.TagID) != 3 || s.TagID[2] != 3 {
		t.Errorf("scope %+v", m.AllowUseScope)
	}
	// A merchant still applying has no scope and cannot be given one.
	m = mustB[*work.PayMerchant](t)(ep.GetMerchant(ctx, "55555"))
	if m.BindStatus != work.MerchantApplying || m.AllowUseScope != nil {
		t.Errorf("applying merchant %+v", m)
	}
	apiCodeB(t, ep.SetMerchantScope(ctx, "55555", work.MerchantScope{User: []string{"zhangsan"}}), 40058)
	_, err := ep.GetMerchant(ctx, "99999")
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = ep.GetMerchant(ctx, "")
	paramErrB(t, srv, n, err, "mch_id")
	err = ep.SetMerchantScope(ctx, "123456789012345678901234567890123", work.MerchantScope{})
	paramErrB(t, srv, n, err, "mch_id")
}
