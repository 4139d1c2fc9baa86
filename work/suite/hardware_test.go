package suite_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func TestAuthorizedDevices(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := installed(t, srv, corps[0])
	suiteID := fakewechat.DefaultSuiteID

	if srv.AuthorizeSuiteDevice(suiteID, corps[1], fakewechat.WeComAuthorizedDevice{SN: "SN0"}) {
		t.Fatal("device granted in a corp without the suite")
	}
	list, err := s.AuthorizedDevices(ctx, corps[0])
	if err != nil || list == nil || len(list) != 0 {
		t.Fatalf("no devices: %#v, %v", list, err)
	}
	ac, err := s.AgentClient(ctx, corps[0])
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := srv.LastRequest(fakewechat.WeComPath("POST /cgi-bin/devicedata/get_auth_info"))
	if want := fmt.Sprintf(`{"agentid":%d}`, ac.Agent().ID); string(rec.Body) != want || rec.Query.Get("access_token") == "" {
		t.Fatalf("request %s %v, want %s", rec.Body, rec.Query, want)
	}

	b := fakewechat.WeComAuthorizedDevice{SN: "SN-B", RemarkName: "前台", DefaultName: "考勤机", ModelName: "M1", Type: 1, Ability: 5}
	a := fakewechat.WeComAuthorizedDevice{SN: "SN-A", RemarkName: "大门", DefaultName: "门禁机", ModelName: "M2", Type: 1, Ability: 2}
	for _, d := range []fakewechat.WeComAuthorizedDevice{b, a} {
		if !srv.AuthorizeSuiteDevice(suiteID, corps[0], d) {
			t.Fatalf("grant %s", d.SN)
		}
	}
	list, err = s.AuthorizedDevices(ctx, corps[0])
	want := []suite.AuthorizedDevice{
		{DeviceSN: "SN-A", RemarkName: "大门", DefaultName: "门禁机", ModelName: "M2", DeviceType: 1, DeviceAbility: suite.DeviceAbilityAccess},
		{DeviceSN: "SN-B", RemarkName: "前台", DefaultName: "考勤机", ModelName: "M1", DeviceType: 1,
			DeviceAbility: suite.DeviceAbilityCheckin | suite.DeviceAbilityTemperature},
	}
	if err != nil || !reflect.DeepEqual(list, want) {
		t.Fatalf("devices %+v, %v", list, err)
	}
	if !srv.RevokeSuiteDevice(suiteID, corps[0], "SN-A") || srv.RevokeSuiteDevice(suiteID, corps[0], "SN-A") {
		t.Fatal("revoke SN-A once")
	}
	if list, err = s.AuthorizedDevices(ctx, corps[0]); err != nil || !reflect.DeepEqual(list, want[1:]) {
		t.Fatalf("after revoke %+v, %v", list, err)
	}

	// Another agent id than the suite's app answers 40056.
	var api *wechat.APIError
	err = ac.Do(ctx, wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/devicedata/get_auth_info"}, nil,
		map[string]int64{"agentid": ac.Agent().ID + 1}, nil)
	if !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidAgentID {
		t.Fatalf("wrong agentid: %v", err)
	}
	if _, err := s.AuthorizedDevices(ctx, corps[1]); !errors.Is(err, suite.ErrNotAuthorized) {
		t.Fatalf("corp without the suite: %v", err)
	}
}

func TestDeviceCheckins(t *testing.T) {
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := installed(t, srv, corps[0])
	srv.AuthorizeSuiteDevice(fakewechat.DefaultSuiteID, corps[0], fakewechat.WeComAuthorizedDevice{SN: "SN-A", Type: 1, Ability: 1})
	const t0 = 1700000000
	for i := range 501 {
		srv.AddSuiteDeviceCheckin(corps[0], fakewechat.WeComDeviceCheckin{SN: "SN-A", OpenUserID: "wo1", CheckinTime: t0 + int64(i)})
	}
	srv.AddSuiteDeviceCheckin(corps[0], fakewechat.WeComDeviceCheckin{SN: "SN-A", OpenUserID: "wo2", CheckinTime: t0 + 600})
	srv.AddSuiteDeviceCheckin(corps[0], fakewechat.WeComDeviceCheckin{SN: "SN-A", OpenUserID: "wo3", UserType: 2, CheckinTime: t0 + 601})
	srv.AddSuiteDeviceCheckin(corps[0], fakewechat.WeComDeviceCheckin{SN: "SN-B", OpenUserID: "wo2", CheckinTime: t0 + 602}) // not granted

	collect := func(q suite.DeviceCheckinQuery) ([]suite.DeviceCheckin, error) {
		var out []suite.DeviceCheckin
		for c, err := range s.DeviceCheckins(ctx, corps[0], q) {
			if err != nil {
				return out, err
			}
			out = append(out, c)
		}
		return out, nil
	}
	all, err := collect(suite.DeviceCheckinQuery{BeginTime: t0, EndTime: t0 + 3600, DeviceSNs: []string{"SN-A", "SN-B"}})
	if err != nil || len(all) != 502 || all[0] != (suite.DeviceCheckin{OpenUserID: "wo1", CheckinTime: t0, DeviceSN: "SN-A"}) ||
		all[501] != (suite.DeviceCheckin{OpenUserID: "wo2", CheckinTime: t0 + 600, DeviceSN: "SN-A"}) {
		t.Fatalf("%d records, %v", len(all), err)
	}
	// The second page was asked with the first page's cursor.
	ac, _ := s.AgentClient(ctx, corps[0])
	rec, _ := srv.LastRequest(fakewechat.WeComPath("POST /cgi-bin/devicedata/get_checkin_data"))
	want := fmt.Sprintf(`{"user_type":0,"begin_time":%d,"end_time":%d,"data_filter_type":1,"device_sn_list":["SN-A","SN-B"],"cursor":"500","limit":500,"agentid":%d}`,
		t0, t0+3600, ac.Agent().ID)
	if string(rec.Body) != want {
		t.Fatalf("body %s\nwant %s", rec.Body, want)
	}

	students, err := collect(suite.DeviceCheckinQuery{UserType: 2, BeginTime: t0, EndTime: t0 + 3600, OpenUserIDs: []string{"wo3", "wo2"}})
	if err != nil || !reflect.DeepEqual(students, []suite.DeviceCheckin{{OpenUserID: "wo3", CheckinTime: t0 + 601, DeviceSN: "SN-A"}}) {
		t.Fatalf("students %+v, %v", students, err)
	}
	// Over a month: WeCom's (the fake's) 40097.
	var api *wechat.APIError
	if _, err := collect(suite.DeviceCheckinQuery{BeginTime: t0, EndTime: t0 + 32*86400, DeviceSNs: []string{"SN-A"}}); !errors.As(err, &api) || api.Code != 40097 {
		t.Fatalf("32 days: %v", err)
	}
	var arg *suite.InvalidArgumentError
	for _, q := range []suite.DeviceCheckinQuery{
		{UserType: 1, BeginTime: t0, EndTime: t0, DeviceSNs: []string{"SN-A"}},
		{BeginTime: t0, EndTime: t0 - 1, DeviceSNs: []string{"SN-A"}},
		{BeginTime: t0, EndTime: t0},
		{BeginTime: t0, EndTime: t0, OpenUserIDs: make([]string, 101)},
	} {
		if _, err := collect(q); !errors.As(err, &arg) {
			t.Fatalf("%+v: %v", q, err)
		}
	}
}
