package pay_test

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestFundBalances(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			for _, acct := range []string{pay.FundAccountBasic, pay.FundAccountOperation, pay.FundAccountFees} {
				want := fakepay.FundBalances[acct]
				b, err := c.Fund.Balance(cx, acct)
				if err != nil || b.AvailableAmount != want[0] || b.PendingAmount != want[1] || b.SubMchID != "" {
					t.Fatalf("Balance %s: %+v %v", acct, b, err)
				}
			}
			if b, err := c.Fund.Balance(cx, pay.FundAccountBasic); err != nil || b.AvailableAmount != 10000 || b.PendingAmount != 1 {
				t.Fatalf("Balance BASIC: %+v %v", b, err)
			}
			_, err := c.Fund.Balance(cx, "DEPOSIT")
			wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")

			yesterday := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
			if b, err := c.Fund.DayEndBalance(cx, pay.FundAccountOperation, yesterday); err != nil || b.AvailableAmount != 5000 || b.PendingAmount != 0 {
				t.Fatalf("DayEndBalance: %+v %v", b, err)
			}
			tomorrow := time.Now().AddDate(0, 0, 1).Format(time.DateOnly)
			_, err = c.Fund.DayEndBalance(cx, pay.FundAccountBasic, tomorrow)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
			_, err = c.Fund.DayEndBalance(cx, pay.FundAccountBasic, time.Now().Format(time.DateOnly))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // generated the next day
			_, err = c.Fund.DayEndBalance(cx, pay.FundAccountBasic, time.Now().AddDate(0, 0, -100).Format(time.DateOnly))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
		})
	}
}

func TestFundWithdraw(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)

	req := &pay.FundWithdrawRequest{OutRequestNo: "20190611222222222200000000012122", Amount: 1, Remark: "交易提现",
		BankMemo: "xx平台提现", AccountType: pay.FundAccountBasic, NotifyURL: "https://www.weixin.qq.com/wxpay/withdraw"}
	wd, err := c.Fund.Withdraw(cx, req)
	if err != nil || wd.WithdrawID == "" || wd.OutRequestNo != req.OutRequestNo || wd.SubMchID != "" {
		t.Fatalf("Withdraw: %+v %v", wd, err)
	}
	if again, err := c.Fund.Withdraw(cx, req); err != nil || again.WithdrawID != wd.WithdrawID {
		t.Fatalf("retried Withdraw: %+v %v", again, err)
	}
	other := *req
	other.Amount = 2
	_, err = c.Fund.Withdraw(cx, &other)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

	q, err := c.Fund.QueryWithdrawByOutRequestNo(cx, req.OutRequestNo)
	if err != nil || q.Status != pay.WithdrawStatusCreateSuccess || q.WithdrawID != wd.WithdrawID || q.Amount != 1 ||
		q.Remark != "交易提现" || q.BankMemo != "xx平台提现" || q.AccountType != pay.FundAccountBasic || q.CreateTime == "" || q.UpdateTime == "" {
		t.Fatalf("QueryWithdrawByOutRequestNo: %+v %v", q, err)
	}
	if !srv.SetFundWithdrawStatus(srv.Opts.MchID, req.OutRequestNo, pay.WithdrawStatusFail, "银行账户信息有误") {
		t.Fatal("SetFundWithdrawStatus")
	}
	if srv.SetFundWithdrawStatus(srv.Opts.MchID, "NONE", pay.WithdrawStatusFail, "") {
		t.Fatal("SetFundWithdrawStatus of an unknown withdrawal")
	}
	if q, err := c.Fund.QueryWithdrawByOutRequestNo(cx, req.OutRequestNo); err != nil || q.Status != pay.WithdrawStatusFail || q.Reason != "银行账户信息有误" {
		t.Fatalf("query after failure: %+v %v", q, err)
	}
	_, err = c.Fund.QueryWithdrawByOutRequestNo(cx, "NONE")
	wantPayError(t, err, http.StatusNotFound, "ORDER_NOT_EXIST")
	_, err = c.Fund.Withdraw(cx, &pay.FundWithdrawRequest{OutRequestNo: "W2", Amount: 201, AccountType: pay.FundAccountFees})
	wantPayError(t, err, http.StatusForbidden, "NOT_ENOUGH")
	_, err = c.Fund.Withdraw(cx, &pay.FundWithdrawRequest{OutRequestNo: "W3", Amount: 1, AccountType: "DEPOSIT"})
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")

	// The failed-withdrawal file.
	date := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
	content := []byte("提现失败文件\n")
	srv.AddWithdrawBill(date, content)
	for _, tar := range []string{"", "GZIP"} {
		b, err := c.Fund.WithdrawBill(cx, "", date, tar)
		if err != nil || b.HashType != "SHA1" || b.DownloadURL == "" || b.TarType != tar {
			t.Fatalf("WithdrawBill %q: %+v %v", tar, b, err)
		}
		var buf bytes.Buffer
		if _, err := c.DownloadBill(cx, b, &buf); err != nil || !bytes.Equal(buf.Bytes(), content) {
			t.Fatalf("DownloadBill %q: %q %v", tar, buf.String(), err)
		}
	}
	_, err = c.Fund.WithdrawBill(cx, pay.WithdrawBillNoSucc, "2019-08-17", "")
	wantPayError(t, err, http.StatusBadRequest, "NO_STATEMENT_EXIST")
	_, err = c.Fund.WithdrawBill(cx, "ALL", date, "")
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")
}

func TestSyncPoints(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	req := &pay.PointsSyncRequest{SubMchID: "1900000109", TransactionID: "4200000000000000000000000001", AppID: "wxd678efh567hg6787",
		OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", EarnPoints: true, IncreasedPoints: 100, PointsUpdateTime: "2020-05-20T13:29:35+08:00", TotalPoints: 1000}
	if err := c.BusinessCircle.SyncPoints(cx, req); err != nil {
		t.Fatal(err)
	}
	none := &pay.PointsSyncRequest{TransactionID: "4200000000000000000000000002", AppID: "wxd678efh567hg6787",
		OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", PointsUpdateTime: "2020-05-20T13:29:35+08:00", NoPointsRemarks: "商品不参与积分活动"}
	if err := c.BusinessCircle.SyncPoints(cx, none); err != nil {
		t.Fatal(err)
	}
	got := srv.PointsSyncs()
	if len(got) != 2 {
		t.Fatalf("PointsSyncs: %+v", got)
	}
	p := got[0]
	if p.MchID != srv.Opts.MchID || p.SubMchID != req.SubMchID || p.TransactionID != req.TransactionID || p.AppID != req.AppID ||
		p.OpenID != req.OpenID || p.EarnPoints == nil || !*p.EarnPoints || p.IncreasedPoints == nil || *p.IncreasedPoints != 100 ||
		p.PointsUpdateTime != req.PointsUpdateTime || p.TotalPoints == nil || *p.TotalPoints != 1000 {
		t.Fatalf("first sync: %+v", p)
	}
	p = got[1]
	if p.EarnPoints == nil || *p.EarnPoints || p.IncreasedPoints == nil || *p.IncreasedPoints != 0 || p.TotalPoints != nil ||
		p.NoPointsRemarks != "商品不参与积分活动" || p.SubMchID != "" {
		t.Fatalf("second sync: %+v", p)
	}
}

func TestFundArgErrors(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	ok := pay.FundWithdrawRequest{OutRequestNo: "W1", Amount: 1, AccountType: pay.FundAccountBasic}
	with := func(f func(r *pay.FundWithdrawRequest)) *pay.FundWithdrawRequest { r := ok; f(&r); return &r }
	points := pay.PointsSyncRequest{TransactionID: "4200", AppID: "wx1", OpenID: "o1", PointsUpdateTime: "2020-05-20T13:29:35+08:00"}
	for name, call := range map[string]func() error{
		"balance":      func() error { _, err := c.Fund.Balance(cx, ""); return err },
		"day-end type": func() error { _, err := c.Fund.DayEndBalance(cx, "", "2026-01-01"); return err },
		"day-end date": func() error { _, err := c.Fund.DayEndBalance(cx, pay.FundAccountBasic, "2026/01/01"); return err },
		"withdraw nil": func() error { _, err := c.Fund.Withdraw(cx, nil); return err },
		"withdraw zero": func() error {
			_, err := c.Fund.Withdraw(cx, with(func(r *pay.FundWithdrawRequest) { r.Amount = 0 }))
			return err
		},
		"withdraw chars": func() error {
			_, err := c.Fund.Withdraw(cx, with(func(r *pay.FundWithdrawRequest) { r.OutRequestNo = "W-1" }))
			return err
		},
		"withdraw type": func() error {
			_, err := c.Fund.Withdraw(cx, with(func(r *pay.FundWithdrawRequest) { r.AccountType = "" }))
			return err
		},
		"withdraw notify": func() error {
			_, err := c.Fund.Withdraw(cx, with(func(r *pay.FundWithdrawRequest) { r.NotifyURL = "http://x/y" }))
			return err
		},
		"withdraw remark": func() error {
			_, err := c.Fund.Withdraw(cx, with(func(r *pay.FundWithdrawRequest) { r.Remark = string(bytes.Repeat([]byte("提"), 57)) }))
			return err
		},
		"withdraw query": func() error { _, err := c.Fund.QueryWithdrawByOutRequestNo(cx, ""); return err },
		"bill date":      func() error { _, err := c.Fund.WithdrawBill(cx, "", "", ""); return err },
		"bill tar":       func() error { _, err := c.Fund.WithdrawBill(cx, "", "2026-01-01", "ZIP"); return err },
		"points nil":     func() error { return c.BusinessCircle.SyncPoints(cx, nil) },
		"points openid": func() error {
			r := points
			r.OpenID = ""
			return c.BusinessCircle.SyncPoints(cx, &r)
		},
		"points negative": func() error {
			r := points
			r.IncreasedPoints = -1
			return c.BusinessCircle.SyncPoints(cx, &r)
		},
	} {
		t.Run(name, func(t *testing.T) { wantArgError(t, call()) })
	}
	if n := len(srv.PointsSyncs()); n != 0 {
		t.Fatalf("%d syncs sent", n)
	}
}
