package pay_test

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func cashStockRequest(no string) *pay.CreateCashStockRequest {
	begin := time.Now().Add(time.Hour)
	return &pay.CreateCashStockRequest{
		StockName: "满100减10", AvailableBeginTime: pay.FormatTime(begin), AvailableEndTime: pay.FormatTime(begin.Add(72 * time.Hour)),
		StockUseRule:  pay.CashStockRule{MaxCoupons: 2, MaxAmount: 2000, MaxCouponsPerUser: 1},
		PatternInfo:   &pay.CashPatternInfo{Description: "全场可用"},
		CouponUseRule: pay.CashCouponRule{FixedNormalCoupon: &pay.FixedNormalCoupon{CouponAmount: 1000, TransactionMinimum: 10000}, AvailableMerchants: []string{fakepay.DefaultMchID}},
		OutRequestNo:  no,
	}
}

func TestCashCouponStockLifecycle(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cc := c.CashCoupons
			st, err := cc.CreateStock(ctx(t), cashStockRequest("R1"))
			if err != nil {
				t.Fatal(err)
			}
			again, err := cc.CreateStock(ctx(t), cashStockRequest("R1"))
			if err != nil || again.StockID != st.StockID {
				t.Fatalf("retry with the same out_request_no made another stock: %v %v", again, err)
			}
			bad := cashStockRequest("R2")
			bad.StockUseRule.MaxAmount = 1999
			_, err = cc.CreateStock(ctx(t), bad)
			wantPayError(t, err, 400, "PARAM_ERROR")

			send := &pay.SendCashCouponRequest{StockID: st.StockID, OutRequestNo: "S1", AppID: "wxapp"}
			_, err = cc.Send(ctx(t), "openid1", send)
			wantPayError(t, err, 400, "STOCK_STATUS_INVALID")
			if ch, err := cc.StartStock(ctx(t), st.StockID); err != nil || ch.StartTime == "" {
				t.Fatal(ch, err)
			}
			if again, err := cc.StartStock(ctx(t), st.StockID); err != nil || again.StartTime == "" {
				t.Fatalf("start retry: %v %v", again, err)
			}
			_, err = cc.RestartStock(ctx(t), st.StockID)
			wantPayError(t, err, 400, "STOCK_STATUS_INVALID")
			got, err := cc.Send(ctx(t), "openid1", send)
			if err != nil {
				t.Fatal(err)
			}
			if again, err := cc.Send(ctx(t), "openid1", send); err != nil || again.CouponID != got.CouponID {
				t.Fatalf("send retry: %v %v", again, err)
			}
			_, err = cc.Send(ctx(t), "openid1", &pay.SendCashCouponRequest{StockID: st.StockID, OutRequestNo: "S2", AppID: "wxapp"})
			wantPayError(t, err, 400, "USER_ACCOUNT_ABNORMAL")

			cp, err := cc.GetCoupon(ctx(t), "wxapp", "openid1", got.CouponID)
			if err != nil || cp.Status != pay.CashCouponSended || cp.NormalCouponInformation.CouponAmount != 1000 {
				t.Fatal(cp, err)
			}
			if list := collect(t, cc.ListUserCoupons(ctx(t), "wxapp", "openid1", &pay.UserCashCouponFilter{Status: pay.CashCouponSended})); len(list) != 1 {
				t.Fatalf("user coupons %d", len(list))
			}
			gs, err := cc.GetStock(ctx(t), st.StockID)
			if err != nil || gs.Status != pay.CashStockRunning || gs.DistributedCoupons != 1 {
				t.Fatal(gs, err)
			}
			if _, err := cc.PauseStock(ctx(t), st.StockID); err != nil {
				t.Fatal(err)
			}
			_, err = cc.Send(ctx(t), "openid2", &pay.SendCashCouponRequest{StockID: st.StockID, OutRequestNo: "S3", AppID: "wxapp"})
			wantPayError(t, err, 400, "STOCK_STATUS_INVALID")
			if ch, err := cc.RestartStock(ctx(t), st.StockID); err != nil || ch.RestartTime == "" {
				t.Fatal(ch, err)
			}
			if _, err := cc.CreateStock(ctx(t), cashStockRequest("R3")); err != nil {
				t.Fatal(err)
			}
			if n := len(collect(t, cc.ListStocks(ctx(t), &pay.CashStockListRequest{PageSize: 1}))); n != 2 {
				t.Fatalf("stocks %d", n)
			}
			if n := len(collect(t, cc.ListStocks(ctx(t), &pay.CashStockListRequest{Status: pay.CashStockRunning}))); n != 1 {
				t.Fatalf("running stocks %d", n)
			}
			if ms := collect(t, cc.Merchants(ctx(t), st.StockID, 0)); len(ms) != 1 || ms[0] != srv.Opts.MchID {
				t.Fatal(ms)
			}
			if items := collect(t, cc.Items(ctx(t), st.StockID, 0)); len(items) != 0 {
				t.Fatal(items)
			}
			flow, err := cc.UseFlow(ctx(t), st.StockID)
			if err != nil {
				t.Fatal(err)
			}
			var csv bytes.Buffer
			if _, err := c.DownloadBill(ctx(t), &pay.Bill{HashType: flow.HashType, HashValue: flow.HashValue, DownloadURL: flow.URL}, &csv); err != nil || csv.Len() == 0 {
				t.Fatal(err)
			}
			sum := sha1.Sum(csv.Bytes())
			if hex.EncodeToString(sum[:]) != flow.HashValue {
				t.Fatal("flow hash")
			}
			if _, err := cc.RefundFlow(ctx(t), st.StockID); err != nil {
				t.Fatal(err)
			}
			if ch, err := cc.StopStock(ctx(t), st.StockID); err != nil || ch.StopTime == "" {
				t.Fatal(ch, err)
			}

			url, last := notified(t, c)
			if cb, err := cc.SetCallback(ctx(t), url, true); err != nil || cb.NotifyURL != url {
				t.Fatal(cb, err)
			}
			if cb, err := cc.Callback(ctx(t)); err != nil || cb.NotifyURL != url || cb.MchID != srv.Opts.MchID {
				t.Fatal(cb, err)
			}
			res, ok := srv.UseCashCoupon(got.CouponID, "4200000001")
			if !ok {
				t.Fatal("use")
			}
			sendNotif(t, srv, url, pay.EventCouponUse, res)
			used, err := last().CashCoupon()
			if err != nil || used.Status != pay.CashCouponUsed || used.ConsumeInformation.TransactionID != "4200000001" {
				t.Fatal(used, err)
			}
		})
	}
}

func sendNotif(t *testing.T, srv *fakepay.Server, url, event string, res any) {
	t.Helper()
	send(t, srv, url, event, res)
}

func TestPayScoreServiceOrder(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			ps := c.PayScore
			req := &pay.CreateServiceOrderRequest{
				OutOrderNo: "SO1", AppID: "wxapp", ServiceID: "500001", ServiceIntroduction: "充电宝租借",
				TimeRange: pay.ServiceTimeRange{StartTime: "OnAccept"}, RiskFund: pay.RiskFund{Name: "DEPOSIT", Amount: 9900},
				NotifyURL: "https://e.example/ps",
			}
			o, err := ps.CreateServiceOrder(ctx(t), req)
			if err != nil || o.State != pay.ServiceOrderCreated || o.Package == "" {
				t.Fatal(o, err)
			}
			done := &pay.CompleteServiceOrderRequest{AppID: "wxapp", ServiceID: "500001",
				PostPayments: []pay.PostPayment{{Name: "租借", Amount: 300, Count: 1}}, TotalAmount: 300}
			_, err = ps.CompleteServiceOrder(ctx(t), "SO1", done)
			wantPayError(t, err, 400, "INVALID_REQUEST")
			url, last := notified(t, c)
			res, _ := srv.ConfirmServiceOrder("SO1", "openid1")
			send(t, srv, url, pay.EventPayScoreUserConfirm, res)
			if n, err := last().ServiceOrder(); err != nil || n.State != pay.ServiceOrderDoing || n.OpenID != "openid1" {
				t.Fatal(n, err)
			}
			wrong := *done
			wrong.TotalAmount = 301
			_, err = ps.CompleteServiceOrder(ctx(t), "SO1", &wrong)
			wantPayError(t, err, 400, "PARAM_ERROR")
			o, err = ps.CompleteServiceOrder(ctx(t), "SO1", done)
			if err != nil || o.State != pay.ServiceOrderDone || o.Collection.State != "USER_PAYING" {
				t.Fatal(o, err)
			}
			o, err = ps.ModifyServiceOrder(ctx(t), "SO1", &pay.ModifyServiceOrderRequest{AppID: "wxapp", ServiceID: "500001",
				PostPayments: []pay.PostPayment{{Name: "租借", Amount: 200, Count: 1}}, TotalAmount: 200, Reason: "优惠"})
			if err != nil || o.TotalAmount != 200 {
				t.Fatal(o, err)
			}
			if p, err := ps.PayServiceOrder(ctx(t), "wxapp", "500001", "SO1"); err != nil || p.OrderID == "" {
				t.Fatal(p, err)
			}
			o, err = ps.SyncServiceOrder(ctx(t), "wxapp", "500001", "SO1", "20260101120000")
			if err != nil || o.Collection.State != "USER_PAID" || o.Collection.PaidAmount != 200 {
				t.Fatal(o, err)
			}
			_, err = ps.CancelServiceOrder(ctx(t), "wxapp", "500001", "SO1", "用户取消")
			wantPayError(t, err, 400, "INVALID_REQUEST")
			got, err := ps.GetServiceOrder(ctx(t), "wxapp", "500001", "SO1", "")
			if err != nil || got.State != pay.ServiceOrderDone || got.TotalAmount != 200 {
				t.Fatal(got, err)
			}
			_, err = ps.GetServiceOrder(ctx(t), "wxapp", "500001", "", "")
			wantArg(t, err)

			// Without confirmation, then canceled.
			nc := *req
			nc.OutOrderNo, nc.OpenID = "SO2", "openid1"
			f := false
			nc.NeedUserConfirm = &f
			if o, err := ps.CreateServiceOrder(ctx(t), &nc); err != nil || o.State != pay.ServiceOrderDoing {
				t.Fatal(o, err)
			}
			if cn, err := ps.CancelServiceOrder(ctx(t), "wxapp", "500001", "SO2", "用户取消"); err != nil || cn.OutOrderNo != "SO2" {
				t.Fatal(cn, err)
			}

			// Authorizations (canned).
			if tok, err := ps.ApplyPermissions(ctx(t), "wxapp", "500001", "AUTH1", "https://e.example/p"); err != nil || tok.ApplyPermissionsToken == "" {
				t.Fatal(tok, err)
			}
			if p, err := ps.PermissionsByCode(ctx(t), "500001", "AUTH1"); err != nil || p.AuthorizationState != "AVAILABLE" {
				t.Fatal(p, err)
			}
			if p, err := ps.PermissionsByOpenID(ctx(t), "wxapp", "500001", "openid1"); err != nil || p.OpenID == "" {
				t.Fatal(p, err)
			}
			if err := ps.TerminateByCode(ctx(t), "500001", "AUTH1", "解约"); err != nil {
				t.Fatal(err)
			}
			if err := ps.TerminateByOpenID(ctx(t), "wxapp", "500001", "openid1", "解约"); err != nil {
				t.Fatal(err)
			}
			if st, err := ps.UserServiceState(ctx(t), "wxapp", "500001", "openid1"); err != nil || st.UseServiceState != "AVAILABLE" {
				t.Fatal(st, err)
			}
		})
	}
}

func TestApplyment(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			req := &pay.ApplymentRequest{
				BusinessCode: "BC1",
				ContactInfo:  pay.ApplymentContactInfo{ContactType: "LEGAL", ContactName: "张三", MobilePhone: "13800000000", ContactEmail: "a@b.c"},
				SubjectInfo: pay.ApplymentSubjectInfo{SubjectType: "SUBJECT_TYPE_INDIVIDUAL",
					BusinessLicenseInfo: &pay.BusinessLicenseInfo{LicenseCopy: "m1", LicenseNumber: "914201123033363296", MerchantName: "张三餐饮店", LegalPerson: "张三"},
					IdentityInfo: pay.IdentityInfo{IDDocType: "IDENTIFICATION_TYPE_IDCARD", IDCardInfo: &pay.IDCardInfo{
						IDCardCopy: "m2", IDCardNational: "m3", IDCardName: "张三", IDCardNumber: "110101199003070000", CardPeriodBegin: "2026-01-01", CardPeriodEnd: "长期"}}},
				BusinessInfo: pay.ApplymentBusinessInfo{MerchantShortname: "张三餐饮", ServicePhone: "0758XXXXX",
					SalesInfo: pay.SalesInfo{SalesScenesType: []string{"SALES_SCENES_STORE"}}},
				SettlementInfo:  pay.ApplymentSettlementInfo{SettlementID: "719", QualificationType: "餐饮"},
				BankAccountInfo: &pay.ApplymentBankAccountInfo{BankAccountType: "BANK_ACCOUNT_TYPE_PERSONAL", AccountName: "张三", AccountBank: "工商银行", BankAddressCode: "110000", AccountNumber: "6222000000000000"},
			}
			got, err := c.Applyment.Submit(ctx(t), req)
			if err != nil || got.ApplymentID == 0 {
				t.Fatal(got, err)
			}
			if req.ContactInfo.ContactName != "张三" {
				t.Fatal("Submit changed the caller's request")
			}
			for path, want := range map[string]string{"contact_info.contact_name": "张三", "contact_info.mobile_phone": "13800000000",
				"subject_info.identity_info.id_card_info.id_card_number": "110101199003070000", "bank_account_info.account_number": "6222000000000000"} {
				if v := srv.ApplymentSensitive(path); v != want {
					t.Fatalf("%s decrypted to %q", path, v)
				}
			}
			a, err := c.Applyment.ByBusinessCode(ctx(t), "BC1")
			if err != nil || a.ApplymentState != pay.ApplymentAuditing || a.ApplymentID != got.ApplymentID {
				t.Fatal(a, err)
			}
			srv.SetApplymentState("BC1", "APPLYMENT_STATE_REJECTED")
			a, err = c.Applyment.ByID(ctx(t), got.ApplymentID)
			if err != nil || a.ApplymentState != pay.ApplymentRejected || len(a.AuditDetail) != 1 {
				t.Fatal(a, err)
			}
			_, err = c.Applyment.ByBusinessCode(ctx(t), "nope")
			wantPayError(t, err, 404, "RESOURCE_NOT_EXISTS")

			ms, err := c.Applyment.ModifySettlement(ctx(t), "1511101111", &pay.ModifySettlementRequest{AccountType: "ACCOUNT_TYPE_PRIVATE",
				AccountBank: "工商银行", AccountNumber: "6222111122223333", AccountName: "张三"})
			if err != nil || ms.ApplicationNo == "" {
				t.Fatal(ms, err)
			}
			if srv.ApplymentSensitive("account_number") != "6222111122223333" {
				t.Fatal("settlement account not encrypted as WeChat Pay expects")
			}
			st, err := c.Applyment.Settlement(ctx(t), "1511101111")
			if err != nil || st.AccountNumber != "6222********3333" || st.VerifyResult != "VERIFYING" {
				t.Fatal(st, err)
			}
			app, err := c.Applyment.SettlementApplication(ctx(t), "1511101111", ms.ApplicationNo)
			if err != nil || app.VerifyResult != "AUDITING" {
				t.Fatal(app, err)
			}
		})
	}
}

func TestBusiFavor(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	bf := c.BusiFavor
	cx := ctx(t)
	st, err := bf.CreateStock(cx, &pay.CreateBusiFavorStockRequest{StockName: "券", GoodsName: "全场", StockType: pay.BusiFavorNormal,
		CouponUseRule: pay.BusiFavorUseRule{CouponAvailableTime: pay.BusiFavorAvailableTime{AvailableBeginTime: "2026-01-01T00:00:00+08:00", AvailableEndTime: "2026-02-01T00:00:00+08:00"},
			FixedNormalCoupon: &pay.BusiFavorFixedCoupon{DiscountAmount: 5, TransactionMinimum: 100}, UseMethod: "OFF_LINE"},
		StockSendRule: pay.BusiFavorSendRule{MaxCoupons: 100, MaxCouponsPerUser: 5}, OutRequestNo: "B1", CouponCodeMode: "MERCHANT_UPLOAD"})
	if err != nil || st.StockID == "" {
		t.Fatal(st, err)
	}
	check := func(ok bool, v any, err error) {
		t.Helper()
		if err != nil || !ok {
			t.Fatalf("%+v %v", v, err)
		}
	}
	s, err := bf.GetStock(cx, "1212")
	check(err == nil && s.StockState == pay.BusiFavorStockRunning && s.StockSendRule.MaxCouponsPerUser == 5, s, err)
	check(true, nil, bf.ModifyStock(cx, "1212", &pay.ModifyBusiFavorStockRequest{OutRequestNo: "M1", StockName: "新名"}))
	b, err := bf.ModifyBudget(cx, "1212", &pay.ModifyBudgetRequest{TargetMaxCoupons: 300, CurrentMaxCoupons: 100, ModifyBudgetRequestNo: "MB1"})
	check(err == nil && b.MaxCoupons == 300, b, err)
	up, err := bf.UploadCodes(cx, "1212", "U1", []string{"MMAA12345"})
	check(err == nil && up.SuccessCount == 20, up, err)
	codes := collect(t, bf.Codes(cx, "1212", "", 0))
	check(len(codes) == 1 && codes[0].CodeStatus == "DISPATCHED", codes, nil)
	ci, err := bf.GetCode(cx, "1212", "ABC9588200", "")
	check(err == nil && ci.CouponInformation.CouponCode == "123446565767", ci, err)
	dc, err := bf.DeleteCode(cx, "1212", "ABC9588200", "D1")
	check(err == nil && dc.DeleteTime != "", dc, err)
	cb, err := bf.SetCallback(cx, "https://e.example/b")
	check(err == nil && cb.NotifyURL != "", cb, err)
	cb, err = bf.Callback(cx)
	check(err == nil && cb.MchID != "", cb, err)
	uc, err := bf.GetUserCoupon(cx, "wxapp", "openid1", "123446565767")
	check(err == nil && uc.CouponState == pay.BusiFavorCouponSended, uc, err)
	list := collect(t, bf.ListUserCoupons(cx, "wxapp", "openid1", nil))
	check(len(list) == 1, list, nil)
	sr, err := bf.Send(cx, &pay.SendBusiFavorRequest{OpenID: "o", AppID: "wxapp", StockID: "1002323", OutRequestNo: "S1"})
	check(err == nil && sr.SendCouponResult.CouponCode != "", sr, err)
	code, err := bf.SendGovCard(cx, "card1", &pay.SendGovCardRequest{AppID: "wxapp", OpenID: "o", OutRequestNo: "G1", SendTime: "2026-01-01T00:00:00+08:00"})
	check(err == nil && code != "", code, err)
	u, err := bf.Use(cx, &pay.UseBusiFavorRequest{CouponCode: "c", AppID: "wxapp", UseTime: "2026-01-01T00:00:00+08:00", UseRequestNo: "U1"})
	check(err == nil && u.WechatpayUseTime != "", u, err)
	ta := &pay.TradeAssociation{StockID: "1", CouponCode: "c", OutTradeNo: "T1", OutRequestNo: "A1"}
	at, err := bf.Associate(cx, ta)
	check(err == nil && at.WechatpayAssociateTime != "", at, err)
	at, err = bf.Disassociate(cx, ta)
	check(err == nil && at.WechatpayDisassociateTime != "", at, err)
	at, err = bf.Return(cx, "1", "c", "R1")
	check(err == nil && at.WechatpayReturnTime != "", at, err)
	at, err = bf.Deactivate(cx, "1", "c", "D1", "")
	check(err == nil && at.WechatpayDeactivateTime != "", at, err)
	pr, err := bf.SubsidyPay(cx, &pay.SubsidyPayRequest{StockID: "1", CouponCode: "c", TransactionID: "t", PayerMerchant: "1", PayeeMerchant: "2", Amount: 100, Description: "d", OutSubsidyNo: "O1"})
	check(err == nil && pr.Status == "PAY_RECEIPT_SUCCESS", pr, err)
	pr, err = bf.SubsidyPayReceipt(cx, "1120200119165100000000000001")
	check(err == nil && pr.Amount == 100, pr, err)
	prs, err := bf.SubsidyPayReceipts(cx, "1", "c", "")
	check(err == nil && len(prs) == 1, prs, err)
	rr, err := bf.SubsidyReturn(cx, &pay.SubsidyReturnRequest{StockID: "1", CouponCode: "c", TransactionID: "t", RefundID: "r", PayerMerchant: "1", PayeeMerchant: "2", Amount: 100, Description: "d", OutSubsidyReturnNo: "O2"})
	check(err == nil && rr.Status == "RETURN_RECEIPT_SUCCESS", rr, err)
	rr, err = bf.SubsidyReturnReceipt(cx, "1120200119165100000000000001")
	check(err == nil && rr.RefundID != "", rr, err)
	// The fake checks required fields like WeChat Pay.
	_, err = bf.ModifyBudget(cx, "1212", &pay.ModifyBudgetRequest{TargetMaxCoupons: 1})
	wantArg(t, err)
}
