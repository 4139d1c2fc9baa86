package oa_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/oa"
)

func TestDataCube(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	beijing := time.FixedZone("CST", 8*60*60)
	yesterday := time.Now().In(beijing).AddDate(0, 0, -1)
	day := func(n int) time.Time { return yesterday.AddDate(0, 0, -n) }

	sum, err := c.DataCube.UserSummary(ctx, day(6), day(0))
	if err != nil || len(sum) != 14 || sum[0].RefDate != day(6).Format(time.DateOnly) || sum[1].UserSource != 30 || sum[1].NewUser != 3 {
		t.Fatalf("UserSummary = %+v, %v", sum, err)
	}
	if _, body := reqA(t, srv, "POST /datacube/getusersummary"); body["begin_date"] != day(6).Format(time.DateOnly) || body["end_date"] != day(0).Format(time.DateOnly) {
		t.Errorf("getusersummary body %v", body)
	}
	cum, err := c.DataCube.UserCumulate(ctx, day(1), day(0))
	if err != nil || len(cum) != 2 || cum[1].CumulateUser != 1217056 {
		t.Errorf("UserCumulate = %+v, %v", cum, err)
	}
	art, err := c.DataCube.ArticleSummary(ctx, day(0), day(0))
	if err != nil || len(art) != 1 || art[0].MsgID != "10000050_1" || art[0].IntPageReadUser != 45524 {
		t.Errorf("ArticleSummary = %+v, %v", art, err)
	}
	tot, err := c.DataCube.ArticleTotal(ctx, day(0), day(0))
	if err != nil || len(tot) != 1 || len(tot[0].Details) != 1 || tot[0].Details[0].StatDate != day(0).Format(time.DateOnly) ||
		tot[0].Details[0].FeedShareFromFeedCount != 19319 || tot[0].Details[0].ShareCount != 276 {
		t.Errorf("ArticleTotal = %+v, %v", tot, err)
	}
	if r, err := c.DataCube.UserRead(ctx, day(2), day(0)); err != nil || len(r) != 3 || r[0].UserSource != 99999999 {
		t.Errorf("UserRead = %+v, %v", r, err)
	}
	if r, err := c.DataCube.UserReadHour(ctx, day(0), day(0)); err != nil || len(r) != 1 || r[0].RefHour != 1200 {
		t.Errorf("UserReadHour = %+v, %v", r, err)
	}
	if r, err := c.DataCube.UserShare(ctx, day(6), day(0)); err != nil || len(r) != 7 || r[0].ShareCount != 207 {
		t.Errorf("UserShare = %+v, %v", r, err)
	}
	if r, err := c.DataCube.UserShareHour(ctx, day(0), day(0)); err != nil || len(r) != 1 || r[0].ShareUser != 4 {
		t.Errorf("UserShareHour = %+v, %v", r, err)
	}
	for name, f := range map[string]func(context.Context, time.Time, time.Time) ([]oa.UpstreamMsg, error){
		"UpstreamMsg": c.DataCube.UpstreamMsg, "UpstreamMsgHour": c.DataCube.UpstreamMsgHour,
		"UpstreamMsgWeek": c.DataCube.UpstreamMsgWeek, "UpstreamMsgMonth": c.DataCube.UpstreamMsgMonth,
	} {
		if r, err := f(ctx, day(0), day(0)); err != nil || len(r) != 1 || r[0].MsgType != 1 || r[0].MsgUser == 0 {
			t.Errorf("%s = %+v, %v", name, r, err)
		}
	}
	for name, f := range map[string]func(context.Context, time.Time, time.Time) ([]oa.UpstreamMsgDist, error){
		"UpstreamMsgDist": c.DataCube.UpstreamMsgDist, "UpstreamMsgDistWeek": c.DataCube.UpstreamMsgDistWeek,
		"UpstreamMsgDistMonth": c.DataCube.UpstreamMsgDistMonth,
	} {
		if r, err := f(ctx, day(14), day(0)); err != nil || len(r) != 15 || r[0].CountInterval != 1 || r[0].MsgUser != 246 {
			t.Errorf("%s = %d rows, %v", name, len(r), err)
		}
	}
	if r, err := c.DataCube.InterfaceSummary(ctx, day(29), day(0)); err != nil || len(r) != 30 || r[0].MaxTimeCost != 5044 {
		t.Errorf("InterfaceSummary = %d rows, %v", len(r), err)
	}
	if r, err := c.DataCube.InterfaceSummaryHour(ctx, day(0), day(0)); err != nil || len(r) != 1 || r[0].FailCount != 18 {
		t.Errorf("InterfaceSummaryHour = %+v, %v", r, err)
	}

	// Range rules, checked before sending.
	_, err = c.DataCube.UserSummary(ctx, day(7), day(0))
	argErrA(t, srv, "POST /datacube/none", err, "end_date")
	_, err = c.DataCube.ArticleSummary(ctx, day(1), day(0))
	argErrA(t, srv, "POST /datacube/none", err, "end_date")
	_, err = c.DataCube.UserRead(ctx, day(0), day(1))
	argErrA(t, srv, "POST /datacube/none", err, "end_date")
	n := srv.Count("POST /datacube/getusercumulate")
	_, err = c.DataCube.UserCumulate(ctx, day(0), time.Now().In(beijing))
	argErrA(t, srv, "POST /datacube/none", err, "end_date")
	if srv.Count("POST /datacube/getusercumulate") != n {
		t.Error("a range ending today was sent")
	}

	// The fake applies the same rules to a request the SDK did not check.
	ep := wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getusersummary"}
	err = c.Do(ctx, ep, nil, map[string]string{"begin_date": day(7).Format(time.DateOnly), "end_date": day(0).Format(time.DateOnly)}, nil)
	apiCodeA(t, err, 61501)
	err = c.Do(ctx, ep, nil, map[string]string{"begin_date": "yesterday", "end_date": day(0).Format(time.DateOnly)}, nil)
	apiCodeA(t, err, 61500)
	today := time.Now().In(beijing).Format(time.DateOnly)
	err = c.Do(ctx, ep, nil, map[string]string{"begin_date": today, "end_date": today}, nil)
	apiCodeA(t, err, 61501)
}
