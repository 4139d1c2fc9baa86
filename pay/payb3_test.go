package pay_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestIndustryServices(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			ok := func(cond bool, v any, err error) {
				t.Helper()
				if err != nil || !cond {
					t.Fatalf("%+v %v", v, err)
				}
			}
			// Parking.
			ps, err := c.Parking.FindPlateService(cx, "wxapp", "", "粤B888888", pay.PlateBlue, "openid1")
			ok(err == nil && ps.ServiceState == "NORMAL", ps, err)
			pk, err := c.Parking.CreateParking(cx, &pay.CreateParkingRequest{OutParkingNo: "P1", PlateNumber: "粤B888888", PlateColor: pay.PlateBlue,
				NotifyURL: "https://e.example/p", StartTime: "2026-01-01T08:00:00+08:00", ParkingName: "欢乐海岸", FreeDuration: 3600})
			ok(err == nil && pk.ID != "", pk, err)
			ptx, err := c.Parking.CreateTransaction(cx, &pay.ParkingTransactionRequest{AppID: "wxapp", Description: "停车", OutTradeNo: "PT1",
				NotifyURL: "https://e.example/p", Amount: pay.Amount{Total: 888}, ParkingInfo: pay.ParkingTradeScene{ParkingID: pk.ID,
					PlateNumber: "粤B888888", PlateColor: pay.PlateBlue, StartTime: "2026-01-01T08:00:00+08:00", EndTime: "2026-01-01T09:00:00+08:00",
					ParkingName: "欢乐海岸", ChargingDuration: 3600, DeviceID: "d1"}})
			ok(err == nil && ptx.Amount.Total == 888, ptx, err)
			ptx, err = c.Parking.QueryTransaction(cx, "", "PT1")
			ok(err == nil && ptx.TradeState == "SUCCESS" && len(ptx.PromotionDetail) == 1, ptx, err)
			_, err = c.Parking.CreateTransaction(cx, &pay.ParkingTransactionRequest{AppID: "wxapp"})
			wantArg(t, err)

			// Scan and ride.
			rt, err := c.ScanAndRide.CreateTransaction(cx, &pay.RideTransactionRequest{AppID: "wxapp", Description: "地铁", OutTradeNo: "R1",
				TradeScene: "METRO", ContractID: "C1", NotifyURL: "https://e.example/r", Amount: pay.Amount{Total: 600},
				MetroInfo: &pay.MetroSceneInfo{StartTime: "2026-01-01T08:00:00+08:00"}})
			ok(err == nil && rt.TradeState == "ACCEPTED", rt, err)
			rt, err = c.ScanAndRide.QueryTransaction(cx, "", "R1")
			ok(err == nil && rt.MetroInfo.EndStation != "", rt, err)
			us, err := c.ScanAndRide.UserService(cx, "wxapp", "", "C1")
			ok(err == nil && us.UserServiceState == "NORMAL", us, err)

			// Pay-gift activities.
			ga, err := c.GiftActivity.CreateThresholdActivity(cx, &pay.CreateGiftActivityRequest{
				ActivityBaseInfo: pay.GiftActivityBaseInfo{ActivityName: "回馈", ActivitySecondTitle: "券", MerchantLogoURL: "https://e.example/l.png",
					BeginTime: "2026-01-01T00:00:00+08:00", EndTime: "2026-02-01T00:00:00+08:00", OutRequestNo: "GA1", DeliveryPurpose: "OFF_LINE_PAY"},
				AwardSendRule: pay.FullSendRule{TransactionAmountMinimum: 100, SendContent: "SINGLE_COUPON", AwardType: "BUSIFAVOR",
					AwardList: []pay.GiftAward{{StockID: "98065001", OriginalImageURL: "https://e.example/i.png"}}, MerchantOption: "MANUAL_INPUT_MERCHANT"}})
			ok(err == nil && ga.ActivityID != "", ga, err)
			gd, err := c.GiftActivity.Get(cx, ga.ActivityID)
			ok(err == nil && gd.ActivityStatus == pay.GiftActivityOngoing && gd.AwardSendRule.FullSendRule.TransactionAmountMinimum == 100, gd, err)
			ok(len(collect(t, c.GiftActivity.List(cx, nil))) == 1, nil, nil)
			ok(len(collect(t, c.GiftActivity.Merchants(cx, ga.ActivityID, 0))) == 1, nil, nil)
			ok(len(collect(t, c.GiftActivity.Goods(cx, ga.ActivityID, 0))) == 1, nil, nil)
			ch, err := c.GiftActivity.AddMerchants(cx, ga.ActivityID, "A1", []string{"100000023"})
			ok(err == nil && len(ch.InvalidMerchantIDList) == 1, ch, err)
			ch, err = c.GiftActivity.DeleteMerchants(cx, ga.ActivityID, "D1", []string{"10000022"})
			ok(err == nil && ch.DeleteTime != "", ch, err)
			tm, err := c.GiftActivity.Terminate(cx, ga.ActivityID)
			ok(err == nil && tm.TerminateTime != "", tm, err)

			// Gold plan.
			ok(true, nil, c.GoldPlan.ChangeStatus(cx, "1900000109", pay.GoldPlanOpen, ""))
			ok(true, nil, c.GoldPlan.ChangeCustomPageStatus(cx, "1900000109", pay.GoldPlanClose))
			ok(true, nil, c.GoldPlan.SetIndustryFilter(cx, "1900000109", []string{"E_COMMERCE"}))
			ok(true, nil, c.GoldPlan.OpenAdvertising(cx, "1900000109", nil))
			ok(true, nil, c.GoldPlan.CloseAdvertising(cx, "1900000109"))
			wantArg(t, c.GoldPlan.SetIndustryFilter(cx, "1900000109", nil))

			// Love feast.
			lb, err := c.LoveFeast.Brand(cx, 1234)
			ok(err == nil && lb.DonateCount == 1000, lb, err)
			lo, err := c.LoveFeast.Order(cx, "openid1", "T1")
			ok(err == nil && lo.Amount.Total == 100 && lo.MerchantOrder.StoreID == "0001", lo, err)
			ok(len(collect(t, c.LoveFeast.Orders(cx, "openid1", 1234, 20))) == 1, nil, nil)

			// Payroll card: sensitive fields encrypted for the key the fake names.
			tok, err := c.PayrollCard.CreateToken(cx, &pay.PayrollTokenRequest{OpenID: "o", SubMchID: "1900000109", UserName: "李四", IDCardNumber: "110101199003070000"})
			ok(err == nil && tok.Token != "", tok, err)
			if srv.ApplymentSensitive("user_name") != "李四" || srv.ApplymentSensitive("id_card_number") != "110101199003070000" {
				t.Fatal("payroll token fields not encrypted as WeChat Pay expects")
			}
			rel, err := c.PayrollCard.Relation(cx, "1900000109", "o", "", "")
			ok(err == nil && rel.RegisterState == "REGISTERED", rel, err)
			pre := &pay.PayrollPreOrderRequest{OpenID: "o", SubMchID: "1900000109", AuthenticateNumber: "N1", ProjectName: "项目", EmployerName: "企业"}
			po, err := c.PayrollCard.PreOrder(cx, pre)
			ok(err == nil && po.Token != "", po, err)
			_, err = c.PayrollCard.PreOrderWithAuth(cx, pre)
			wantArg(t, err)
			withAuth := *pre
			withAuth.UserName, withAuth.IDCardNumber, withAuth.EmploymentType = "王五", "110101199003070001", "LONG_TERM_EMPLOYMENT"
			po, err = c.PayrollCard.PreOrderWithAuth(cx, &withAuth)
			ok(err == nil && po.ExpiresIn == 1800, po, err)
			au, err := c.PayrollCard.Authentication(cx, "1900000109", "N1")
			ok(err == nil && au.AuthenticateState == "AUTHENTICATE_SUCCESS", au, err)
			ok(len(collect(t, c.PayrollCard.Authentications(cx, &pay.PayrollAuthenticationFilter{OpenID: "o", SubMchID: "1900000109", AuthenticateDate: "2026-01-01"}))) == 1, nil, nil)
			tb, err := c.PayrollCard.TransferBatch(cx, &pay.PayrollTransferBatchRequest{SubMchID: "1900000109", AuthorizationType: "INFORMATION_AUTHORIZATION_TYPE",
				OutBatchNo: "B1", BatchName: "工资", BatchRemark: "一月", TotalAmount: 300, TotalNum: 2, TransferDetailList: []pay.PayrollTransferDetail{
					{OutDetailNo: "D1", TransferAmount: 100, TransferRemark: "r", OpenID: "o1", UserName: "甲"},
					{OutDetailNo: "D2", TransferAmount: 200, TransferRemark: "r", OpenID: "o2", UserName: "乙"}}})
			ok(err == nil && tb.BatchID != "", tb, err)
			if srv.ApplymentSensitive("transfer_detail_list[].user_name") != "乙" {
				t.Fatal("transfer detail user_name not encrypted")
			}
			_, err = c.PayrollCard.TransferBatch(cx, &pay.PayrollTransferBatchRequest{SubMchID: "1", AuthorizationType: "x", OutBatchNo: "B2", BatchName: "n", BatchRemark: "r",
				TotalAmount: 1, TotalNum: 2, TransferDetailList: []pay.PayrollTransferDetail{{OutDetailNo: "D", TransferAmount: 1, OpenID: "o"}}})
			wantArg(t, err)
		})
	}
}

func TestRetailStore(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	c := newClient(t, srv, pay.VerifyCertificates)
	rs, cx := c.RetailStore, ctx(t)
	acts := collect(t, rs.Activities(cx, "440300", 0))
	if len(acts) != 1 || acts[0].RuleInformation.StoreSubsidy != 100 {
		t.Fatalf("%+v", acts)
	}
	info := pay.RetailApplyInfo{GoodsOriginalPrice: 1000}
	info.StoreInfo.StoreID, info.StoreInfo.AccountingMerchantID, info.StoreInfo.MerchantID = "abc_001", "1900000109", "1900000109"
	if r, err := rs.Apply(cx, acts[0].ActivityID, "1900000109", []pay.RetailApplyInfo{info}); err != nil || len(r.SucceedApplyInfos) != 1 {
		t.Fatal(r, err)
	}
	order := &pay.QualificationOrder{PayerOpenID: "o", OutTradeNo: "T1", TotalFee: 100, StoreID: "abc_001", StoreMerchantID: "1900000109"}
	if r, err := rs.LockQualification(cx, order, []string{"8495134018"}); err != nil || len(r.SucceedQualificationIDs) != 1 {
		t.Fatal(r, err)
	}
	if r, err := rs.UnlockQualification(cx, order, []string{"8495134018"}); err != nil || r.ReturnMessage != "OK" {
		t.Fatal(r, err)
	}
	if r, err := rs.AddRepresentatives(cx, "3118550000000004", "R1", "", "o1", "o2"); err != nil || r.AddTime == "" {
		t.Fatal(r, err)
	}
	if r, err := rs.DeleteRepresentatives(cx, "3118550000000004", "R2", "2026-01-01T00:00:00+08:00", "o1"); err != nil || r.DeleteTime == "" {
		t.Fatal(r, err)
	}
	if reps := collect(t, rs.Representatives(cx, "3118550000000004", 0)); len(reps) != 1 {
		t.Fatal(reps)
	}
	stores := []pay.RetailStore{{StoreCode: "abc_001", StoreName: "幸福小店"}}
	if r, err := rs.AddStores(cx, "1001", "S1", "2026-01-01T00:00:00+08:00", stores); err != nil || r.AddTime == "" {
		t.Fatal(r, err)
	}
	if r, err := rs.DeleteStores(cx, "1001", "S2", "2026-01-01T00:00:00+08:00", stores); err != nil || r.DeleteTime == "" {
		t.Fatal(r, err)
	}
	if st, err := rs.Store(cx, "1001", "abc_001"); err != nil || st.StoreName != "幸福小店" {
		t.Fatal(st, err)
	}
	if all := collect(t, rs.Stores(cx, "1001", 0)); len(all) != 1 {
		t.Fatal(all)
	}
	if ms, err := rs.CreateMaterials(cx, "1001", "M1", 1); err != nil || len(ms) != 1 {
		t.Fatal(ms, err)
	}
	_, err := rs.AddStores(cx, "1001", "S3", "2026-01-01T00:00:00+08:00", nil)
	wantArg(t, err)
}

// Canned endpoints check the signature and the required fields like the
// stateful ones.
func TestCannedChecksSignatureAndFields(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	const p = "/v3/goldplan/merchants/close-advertising-show"
	do := func(body string, sign bool) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+p, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if sign {
			auth, err := c.Authorization(http.MethodPost, p, []byte(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", auth)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if st, b := do(`{"sub_mchid":"1"}`, false); st != 401 || !strings.Contains(b, "SIGN_ERROR") {
		t.Fatalf("unsigned: %d %s", st, b)
	}
	if st, b := do(`{"sub_mchid":""}`, true); st != 400 || !strings.Contains(b, "PARAM_ERROR") || !strings.Contains(b, "sub_mchid") {
		t.Fatalf("missing field: %d %s", st, b)
	}
	if st, b := do(`{"sub_mchid":"1"}`, true); st != 204 {
		t.Fatalf("valid: %d %s", st, b)
	}
}
