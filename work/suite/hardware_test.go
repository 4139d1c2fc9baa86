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
