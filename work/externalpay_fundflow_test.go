package work_test

import (
	"context"
	"slices"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestExternalPayPaymentTradeNos(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	nos := mustB[[]string](t)(a.ExternalPay.PaymentTradeNos(ctx, "PAYID1"))
	if raw := rawB(t, srv, "POST /cgi-bin/externalpay/get_payment_info"); raw != `{"payment_id":"PAYID1"}` {
		t.Errorf("body %s", raw)
	}
	if !slices.Equal(nos, []string{"OUT4200000001", "OUT4200000002"}) {
		t.Errorf("trade nos %v", nos)
	}
	n := len(srv.Requests())
	_, err := a.ExternalPay.PaymentTradeNos(ctx, "")
	paramErrB(t, srv, n, err, "payment_id")
}

func TestExternalPayFundFlow(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ep := a.ExternalPay
	q := work.FundFlowQuery{BeginTime: 1605171726, EndTime: 1605172726, Limit: 2}
	page := mustB[*work.FundFlowPage](t)(ep.FundFlow(ctx, q))
	if raw := rawB(t, srv, "POST /cgi-bin/externalpay/get_fund_flow"); raw != `{"begin_time":1605171726,"end_time":1605172726,"limit":2}` {
		t.Errorf("body %s", raw)
	}
	if len(page.FundFlows) != 2 || page.NextCursor == "" {
		t.Fatalf("page %+v", page)
	}
	f := page.FundFlows[0]
	if f.Timestamp != 1605171726 || f.RequestNo != "1234567890" || f.TransactionType != 3 || f.FundFlowType != 1 ||
		f.TransactionAmount != 20 || f.AccountBalance != 40 || f.OutTradeNo != "OUT1234567890" || f.MchID != "123456" ||
		f.OperatorUserID != "ZhangSan" || len(f.Groups) != 2 || f.Groups[1].GroupName != "Rule2" || f.Remark != "REMARK" {
		t.Errorf("record %+v", f)
	}
	q.Cursor = page.NextCursor
	last := mustB[*work.FundFlowPage](t)(ep.FundFlow(ctx, q))
	if len(last.FundFlows) != 1 || last.FundFlows[0].RequestNo != "1234567892" || last.NextCursor != "" {
		t.Errorf("last page %+v", last)
	}
	// Merchant filter, through every page.
	var nos []string
	for f, err := range ep.AllFundFlow(ctx, work.FundFlowQuery{BeginTime: 1605171726, EndTime: 1605172726, MchID: "123456", Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		nos = append(nos, f.RequestNo)
	}
	if !slices.Equal(nos, []string{"1234567890", "1234567891"}) {
		t.Errorf("merchant 123456 records %v", nos)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalpay/get_fund_flow"); b["mch_id"] != "123456" || b["cursor"] != "1" {
		t.Errorf("paged body %v", b)
	}
	page = mustB[*work.FundFlowPage](t)(ep.FundFlow(ctx, work.FundFlowQuery{BeginTime: 1605172000, EndTime: 1605172726}))
	if len(page.FundFlows) != 1 || page.FundFlows[0].MchID != "654321" {
		t.Errorf("time filter %+v", page.FundFlows)
	}

	n := len(srv.Requests())
	_, err := ep.FundFlow(ctx, work.FundFlowQuery{EndTime: 1605172726})
	paramErrB(t, srv, n, err, "begin_time")
	_, err = ep.FundFlow(ctx, work.FundFlowQuery{BeginTime: 1605171726, EndTime: 1605171726 + 32*86400})
	paramErrB(t, srv, n, err, "end_time")
	_, err = ep.FundFlow(ctx, work.FundFlowQuery{BeginTime: 1605171726, EndTime: 1605172726, Limit: 201})
	paramErrB(t, srv, n, err, "limit")
	_, err = ep.FundFlow(ctx, work.FundFlowQuery{BeginTime: 1605171726, EndTime: 1605172726, MchID: "123456789012345678901234567890123"})
	paramErrB(t, srv, n, err, "mch_id")
	_, err = ep.FundFlow(ctx, work.FundFlowQuery{BeginTime: 1605171726, EndTime: 1605172726, Cursor: "bad"})
	apiCodeB(t, err, 40058)
}
