package pay_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/pay"
)

func yogaPlan(no string) pay.CreatePayScorePlanRequest {
	return pay.CreatePayScorePlanRequest{
		ServiceID: "500001", AppID: "wxd678efh567hg6787", PlanName: "瑜伽课3节", PlanDuration: 300,
		DeductionQuantity: 3, TotalOriginalPrice: 45000, TotalActualPrice: 40000, MerchantPlanNo: no,
		PlanDetailList: []pay.PayScorePlanDetail{
			{OriginalPrice: 15000, ActualPrice: 15000, PlanDetailName: "第一节课"},
			{OriginalPrice: 15000, PlanDiscountDescription: "享受九折&优惠", ActualPrice: 13500, PlanDetailName: "第二节课"},
			{OriginalPrice: 15000, ActualPrice: 11500, PlanDetailName: "第三节课"},
		},
	}
}

func TestPayScorePlanFlow(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			rec := &bodyRecorder{next: srv.Client().Transport, bodies: map[string]string{}}
			c := newClient(t, srv, m.client, pay.WithHTTPClient(&http.Client{Transport: rec}))
			ps := c.PayScore
			req := yogaPlan("PLAN1")
			p, err := ps.CreatePlan(ctx(t), &req)
			if err != nil || p.PlanID == "" || p.PlanState != pay.PayScorePlanNormal || p.MchID != srv.Opts.MchID ||
				len(p.PlanDetailList) != 3 || p.PlanDetailList[2].PlanDetailNo != 3 || p.PlanDetailList[1].ActualPrice != 13500 {
				t.Fatal(p, err)
			}
			want := `{"service_id":"500001","appid":"wxd678efh567hg6787","plan_name":"瑜伽课3节","plan_duration":300,` +
				`"deduction_quantity":3,"total_original_price":45000,"total_actual_price":40000,"plan_detail_list":[` +
				`{"original_price":15000,"actual_price":15000,"plan_detail_name":"第一节课"},` +
				`{"original_price":15000,"plan_discount_description":"享受九折&优惠","actual_price":13500,"plan_detail_name":"第二节课"},` +
				`{"original_price":15000,"actual_price":11500,"plan_detail_name":"第三节课"}],"merchant_plan_no":"PLAN1"}`
			if got := rec.bodies["/v3/payscore/plan/payscore-plans"]; got != want {
				t.Fatalf("body\n got %s\nwant %s", got, want)
			}
			if again, err := ps.CreatePlan(ctx(t), &req); err != nil || again.PlanID != p.PlanID {
				t.Fatal("retry", again, err)
			}
			other := yogaPlan("PLAN1")
			other.PlanName = "别的计划"
			_, err = ps.CreatePlan(ctx(t), &other)
			wantPayError(t, err, 400, "RESOURCE_ALREADY_EXISTS")
			if got, err := ps.GetPlan(ctx(t), "PLAN1"); err != nil || got.PlanID != p.PlanID || got.TotalActualPrice != 40000 {
				t.Fatal(got, err)
			}
			_, err = ps.GetPlan(ctx(t), "NOPE")
			wantPayError(t, err, 404, "NOT_FOUND")

			// Sign plan: create, sign, serve the details in order.
			sreq := &pay.CreateUserSignPlanRequest{ServiceID: "500001", PlanID: p.PlanID, AppID: "wxd678efh567hg6787",
				OpenID: "oUser1", MerchantSignPlanNo: "SIGN1", NotifyURL: "https://e.example/plan?a=1&b=2",
				SignPlanDetail: []pay.UserSignPlanDetailNo{{1, "D1"}, {2, "D2"}, {3, "D3"}}}
			cs, err := ps.CreateUserSignPlan(ctx(t), sreq)
			if err != nil || cs.Package == "" || cs.SignPlan.SignState != pay.UserSignPlanUnsigned || cs.SignPlan.PlanID != p.PlanID ||
				len(cs.SignPlan.SignedDetailList) != 3 || cs.SignPlan.SignedDetailList[1].MerchantPlanDetailNo != "D2" ||
				cs.SignPlan.SignedDetailList[1].PlanDetailState != "NOT_USED" || cs.SignPlan.TotalOriginPrice != 45000 {
				t.Fatal(cs, err)
			}
			if body := rec.bodies["/v3/payscore/sign-plan/user-sign-plans"]; !strings.Contains(body, `"notify_url":"https://e.example/plan?a=1&b=2"`) ||
				!strings.Contains(body, `"sign_plan_detail":[{"plan_detail_no":1,"merchant_plan_detail_no":"D1"}`) {
				t.Fatal(body)
			}
			order := &pay.SignPlanServiceOrderRequest{ServiceID: "500001", SignPlanID: cs.SignPlan.SignPlanID, PlanDetailNo: 1,
				AppID: "wxd678efh567hg6787", OpenID: "oUser1", NotifyURL: "https://e.example/o", ServiceIntroduction: "瑜伽课",
				TimeRange: pay.ServiceTimeRange{StartTime: "20091225091010"}, OutTradeNo: "D1"}
			_, err = ps.CreateSignPlanServiceOrder(ctx(t), order)
			wantPayError(t, err, 400, "INVALID_REQUEST") // not signed yet
			if _, ok := srv.SignUserSignPlan("", "SIGN1"); !ok {
				t.Fatal("sign")
			}
			order.PlanDetailNo, order.OutTradeNo = 2, "D2"
			_, err = ps.CreateSignPlanServiceOrder(ctx(t), order)
			wantPayError(t, err, 400, "INVALID_REQUEST") // out of order
			order.PlanDetailNo, order.OutTradeNo = 1, "D1"
			o, err := ps.CreateSignPlanServiceOrder(ctx(t), order)
			if err != nil || o.State != pay.ServiceOrderCreated || o.OrderID == "" || o.OutOrderNo != "D1" ||
				len(o.PostPayments) != 1 || o.PostPayments[0].Amount != 15000 {
				t.Fatal(o, err)
			}
			sp, err := ps.GetUserSignPlan(ctx(t), "SIGN1")
			if err != nil || sp.SignState != pay.UserSignPlanSigned || sp.GoingDetailNo != 1 || sp.SignTime == "" ||
				sp.SignedDetailList[0].OrderID != o.OrderID {
				t.Fatal(sp, err)
			}

			// Stopping the plan stops new signatures; the signed plan goes on.
			st, err := ps.StopPlan(ctx(t), "PLAN1")
			if err != nil || st.PlanState != pay.PayScorePlanStop || st.StopMchID != srv.Opts.MchID || st.StopTime == "" {
				t.Fatal(st, err)
			}
			_, err = ps.StopPlan(ctx(t), "PLAN1")
			wantPayError(t, err, 400, "INVALID_REQUEST")
			sreq2 := *sreq
			sreq2.MerchantSignPlanNo = "SIGN2"
			_, err = ps.CreateUserSignPlan(ctx(t), &sreq2)
			wantPayError(t, err, 400, "INVALID_REQUEST")

			stopped, err := ps.StopUserSignPlan(ctx(t), "SIGN1", "用户协商后停止")
			if err != nil || stopped.SignState != pay.UserSignPlanCanceled || stopped.CancelSignTime == "" {
				t.Fatal(stopped, err)
			}
			if got := rec.bodies["/v3/payscore/sign-plan/user-sign-plans/merchant-sign-plan-no/SIGN1/stop"]; got != `{"stop_reason":"用户协商后停止"}` {
				t.Fatal(got)
			}
			_, err = ps.StopUserSignPlan(ctx(t), "SIGN1", "again")
			wantPayError(t, err, 400, "INVALID_REQUEST")
		})
	}
}

func TestPartnerPayScorePlanFlow(t *testing.T) {
	srv := newServer(t, modes[0].server)
	rec := &bodyRecorder{next: srv.Client().Transport, bodies: map[string]string{}}
	c := newClient(t, srv, modes[0].client, pay.WithHTTPClient(&http.Client{Transport: rec}))
	ps := c.PartnerPayScore
	req := &pay.PartnerCreatePayScorePlanRequest{CreatePayScorePlanRequest: yogaPlan("PP1"), SubMchID: "1900000109", SubAppID: "wxsub"}
	p, err := ps.CreatePlan(ctx(t), req)
	if err != nil || p.PlanID == "" {
		t.Fatal(p, err)
	}
	if body := rec.bodies["/v3/payscore/plan/partner/payscore-plans"]; !strings.HasSuffix(body, `"merchant_plan_no":"PP1","sub_mchid":"1900000109","sub_appid":"wxsub"}`) {
		t.Fatal(body)
	}
	// Plans are per sub-merchant.
	_, err = ps.GetPlan(ctx(t), "1900000110", "PP1")
	wantPayError(t, err, 404, "NOT_FOUND")
	_, err = c.PayScore.GetPlan(ctx(t), "PP1")
	wantPayError(t, err, 404, "NOT_FOUND")
	if got, err := ps.GetPlan(ctx(t), "1900000109", "PP1"); err != nil || got.PlanID != p.PlanID {
		t.Fatal(got, err)
	}

	sreq := &pay.PartnerCreateUserSignPlanRequest{
		CreateUserSignPlanRequest: pay.CreateUserSignPlanRequest{ServiceID: "500001", PlanID: p.PlanID, AppID: "wxsp",
			MerchantSignPlanNo: "PS1", NotifyURL: "https://e.example/n",
			SignPlanDetail: []pay.UserSignPlanDetailNo{{1, "A1"}, {2, "A2"}, {3, "A3"}}},
		SubMchID: "1900000109", SubAppID: "wxsub", SubOpenID: "oSub1",
	}
	cs, err := ps.CreateUserSignPlan(ctx(t), sreq)
	if err != nil || cs.SignPlan.SubOpenID != "oSub1" || cs.SignPlan.OpenID != "" {
		t.Fatal(cs, err)
	}
	if sp, err := ps.GetUserSignPlan(ctx(t), "1900000109", "PS1"); err != nil || sp.SignPlanID != cs.SignPlan.SignPlanID {
		t.Fatal(sp, err)
	}
	stopped, err := ps.StopUserSignPlan(ctx(t), "1900000109", "PS1", "用户退课")
	if err != nil || stopped.SignState != pay.UserSignPlanCanceled || stopped.CancelReason != "用户退课" {
		t.Fatal(stopped, err)
	}
	if got := rec.bodies["/v3/payscore/sign-plan/partner/user-sign-plans/merchant-sign-plan-no/PS1/stop"]; got != `{"sub_mchid":"1900000109","stop_reason":"用户退课"}` {
		t.Fatal(got)
	}
	st, err := ps.StopPlan(ctx(t), "1900000109", "PP1")
	if err != nil || st.PlanState != pay.PayScorePlanStop {
		t.Fatal(st, err)
	}
	if got := rec.bodies["/v3/payscore/plan/partner/payscore-plans/merchant-plan-no/PP1/stop"]; got != `{"sub_mchid":"1900000109"}` {
		t.Fatal(got)
	}
}

func TestPayScorePlanArgumentErrors(t *testing.T) {
	srv := newServer(t, modes[0].server)
	c := newClient(t, srv, modes[0].client)
	tooFew := yogaPlan("X")
	tooFew.DeductionQuantity = 2
	rising := yogaPlan("X")
	rising.PlanDetailList[2].ActualPrice = 14000
	longName := yogaPlan("X")
	longName.PlanName = strings.Repeat("课", 21)
	sign := func(f func(r *pay.PartnerCreateUserSignPlanRequest)) error {
		r := &pay.PartnerCreateUserSignPlanRequest{CreateUserSignPlanRequest: pay.CreateUserSignPlanRequest{ServiceID: "1",
			PlanID: "2", AppID: "3", MerchantSignPlanNo: "4", NotifyURL: "5", SignPlanDetail: []pay.UserSignPlanDetailNo{{1, "a"}}},
			SubMchID: "6"}
		r.OpenID = "o"
		f(r)
		_, err := c.PartnerPayScore.CreateUserSignPlan(ctx(t), r)
		return err
	}
	for name, err := range map[string]error{
		"nil plan": func() error { _, err := c.PayScore.CreatePlan(ctx(t), nil); return err }(),
		"count":    func() error { _, err := c.PayScore.CreatePlan(ctx(t), &tooFew); return err }(),
		"rising":   func() error { _, err := c.PayScore.CreatePlan(ctx(t), &rising); return err }(),
		"name":     func() error { _, err := c.PayScore.CreatePlan(ctx(t), &longName); return err }(),
		"partner no sub": func() error {
			_, err := c.PartnerPayScore.CreatePlan(ctx(t), &pay.PartnerCreatePayScorePlanRequest{CreatePayScorePlanRequest: yogaPlan("X")})
			return err
		}(),
		"get":          func() error { _, err := c.PayScore.GetPlan(ctx(t), ""); return err }(),
		"partner get":  func() error { _, err := c.PartnerPayScore.GetPlan(ctx(t), "", "X"); return err }(),
		"stop reason":  func() error { _, err := c.PayScore.StopUserSignPlan(ctx(t), "S", strings.Repeat("x", 129)); return err }(),
		"both users":   sign(func(r *pay.PartnerCreateUserSignPlanRequest) { r.SubOpenID, r.SubAppID = "s", "a" }),
		"sub no appid": sign(func(r *pay.PartnerCreateUserSignPlanRequest) { r.OpenID, r.SubOpenID = "", "s" }),
		"no details":   sign(func(r *pay.PartnerCreateUserSignPlanRequest) { r.SignPlanDetail = nil }),
		"merchant user": func() error {
			_, err := c.PayScore.CreateUserSignPlan(ctx(t), &pay.CreateUserSignPlanRequest{ServiceID: "1", PlanID: "2", AppID: "3", MerchantSignPlanNo: "4", NotifyURL: "5", SignPlanDetail: []pay.UserSignPlanDetailNo{{1, "a"}}})
			return err
		}(),
		"order intro": func() error {
			_, err := c.PayScore.CreateSignPlanServiceOrder(ctx(t), &pay.SignPlanServiceOrderRequest{ServiceID: "1", SignPlanID: "2", PlanDetailNo: 1, AppID: "3", OpenID: "4", NotifyURL: "5", ServiceIntroduction: strings.Repeat("课", 21), OutTradeNo: "6"})
			return err
		}(),
		"order detail": func() error {
			_, err := c.PayScore.CreateSignPlanServiceOrder(ctx(t), &pay.SignPlanServiceOrderRequest{ServiceID: "1", SignPlanID: "2", AppID: "3", OpenID: "4", NotifyURL: "5", ServiceIntroduction: "x", OutTradeNo: "6"})
			return err
		}(),
	} {
		var ae *wechat.ArgumentError
		if !errors.As(err, &ae) {
			t.Errorf("%s: want *wechat.ArgumentError, got %T %v", name, err, err)
		}
	}
	if n := srv.RequestCount("/v3/payscore/plan/payscore-plans"); n != 0 {
		t.Fatalf("argument errors reached the server %d times", n)
	}
}

func TestPayScorePlanServerValidation(t *testing.T) {
	srv := newServer(t, modes[0].server)
	c := newClient(t, srv, modes[0].client)
	p, err := c.PayScore.CreatePlan(ctx(t), func() *pay.CreatePayScorePlanRequest { r := yogaPlan("V1"); return &r }())
	if err != nil {
		t.Fatal(err)
	}
	base := pay.CreateUserSignPlanRequest{ServiceID: "500001", PlanID: p.PlanID, AppID: "wx", OpenID: "o",
		MerchantSignPlanNo: "V1", NotifyURL: "https://e.example", SignPlanDetail: []pay.UserSignPlanDetailNo{{1, "a"}, {2, "b"}, {3, "c"}}}
	short := base
	short.SignPlanDetail = base.SignPlanDetail[:2]
	_, err = c.PayScore.CreateUserSignPlan(ctx(t), &short)
	wantPayError(t, err, 400, "PARAM_ERROR")
	dup := base
	dup.SignPlanDetail = []pay.UserSignPlanDetailNo{{1, "a"}, {2, "a"}, {3, "c"}}
	_, err = c.PayScore.CreateUserSignPlan(ctx(t), &dup)
	wantPayError(t, err, 400, "PARAM_ERROR")
	badNo := base
	badNo.MerchantSignPlanNo = "含中文"
	_, err = c.PayScore.CreateUserSignPlan(ctx(t), &badNo)
	wantPayError(t, err, 400, "PARAM_ERROR")
	wrongService := base
	wrongService.ServiceID = "500002"
	_, err = c.PayScore.CreateUserSignPlan(ctx(t), &wrongService)
	wantPayError(t, err, 400, "PARAM_ERROR")
	unknown := base
	unknown.PlanID = "nope"
	_, err = c.PayScore.CreateUserSignPlan(ctx(t), &unknown)
	wantPayError(t, err, 404, "NOT_FOUND")
	_, err = c.PayScore.GetUserSignPlan(ctx(t), "V404")
	wantPayError(t, err, 404, "NOT_FOUND")
	if _, ok := srv.SignUserSignPlan("", "V404"); ok {
		t.Fatal("signed an unknown sign plan")
	}
}
