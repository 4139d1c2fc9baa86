package work_test

import (
	"context"
	"net/http"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestOpenUserIDsToUserIDs(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	// The open_userid a provider's app gets for the seeded member.
	var conv struct {
		List []struct {
			OpenUserID string `json:"open_userid"`
		} `json:"open_userid_list"`
	}
	ep := wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/batch/userid_to_openuserid"}
	if err := a.Client.Do(ctx, ep, nil, map[string]any{"userid_list": []string{fakewechat.WeComSeedUser1}}, &conv); err != nil || len(conv.List) != 1 {
		t.Fatal(conv, err)
	}
	open := conv.List[0].OpenUserID
	got, err := a.User.OpenUserIDsToUserIDs(ctx, []string{open, fakewechat.WeComSeedUser2}, 1000005)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.UserIDs) != 1 || got.UserIDs[0] != (work.OpenUserIDPair{OpenUserID: open, UserID: fakewechat.WeComSeedUser1}) ||
		len(got.Invalid) != 1 || got.Invalid[0] != fakewechat.WeComSeedUser2 {
		t.Errorf("conversion %+v", got)
	}
	want := `{"open_userid_list":["` + open + `","` + fakewechat.WeComSeedUser2 + `"],"source_agentid":1000005}`
	if b := rawB(t, srv, "POST /cgi-bin/batch/openuserid_to_userid"); b != want {
		t.Errorf("body %s, want %s", b, want)
	}
	// A robot's open_userids have no source agent.
	if _, err := a.User.OpenUserIDsToUserIDs(ctx, []string{open}, 0); err != nil {
		t.Fatal(err)
	}
	if b := rawB(t, srv, "POST /cgi-bin/batch/openuserid_to_userid"); b != `{"open_userid_list":["`+open+`"]}` {
		t.Errorf("robot body %s", b)
	}
	n := len(srv.Requests())
	_, err = a.User.OpenUserIDsToUserIDs(ctx, nil, 0)
	paramErrB(t, srv, n, err, "open_userid_list")
	_, err = a.User.OpenUserIDsToUserIDs(ctx, make([]string, 1001), 0)
	paramErrB(t, srv, n, err, "open_userid_list")
}

func TestConvertTmpExternalUserIDs(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	srv.AddWeComCustomer(fakewechat.DefaultCorpID, fakewechat.WeComCustomer{ExternalUserID: "wmCust001", Name: "Ann", Type: 1})
	p := fakewechat.WeComTmpIDPrefix
	got, err := a.Customer.ConvertTmpExternalUserIDs(ctx, work.TmpIDBusinessMeeting, work.TmpIDUserCustomer, []string{p + "wmCust001", p + "wmNobody"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Results) != 1 || got.Results[0].ExternalUserID != "wmCust001" || got.Results[0].TmpExternalUserID != p+"wmCust001" ||
		len(got.Invalid) != 1 || got.Invalid[0] != p+"wmNobody" {
		t.Errorf("customers %+v", got)
	}
	want := `{"business_type":1,"user_type":1,"tmp_external_userid_list":["` + p + `wmCust001","` + p + `wmNobody"]}`
	if b := rawB(t, srv, "POST /cgi-bin/idconvert/convert_tmp_external_userid"); b != want {
		t.Errorf("body %s, want %s", b, want)
	}
	got, err = a.Customer.ConvertTmpExternalUserIDs(ctx, work.TmpIDBusinessSmartSheet, work.TmpIDUserLinkedCorp, []string{p + "wwOther:lisi"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Results) != 1 || got.Results[0].CorpID != "wwOther" || got.Results[0].UserID != "lisi" || got.Results[0].ExternalUserID != "" {
		t.Errorf("linked %+v", got)
	}
	n := len(srv.Requests())
	for _, c := range []struct {
		bt, ut int
		ids    []string
		param  string
	}{{0, 1, []string{"x"}, "business_type"}, {1, 5, []string{"x"}, "user_type"}, {1, 1, nil, "tmp_external_userid_list"}, {2, 2, make([]string, 101), "tmp_external_userid_list"}} {
		_, err := a.Customer.ConvertTmpExternalUserIDs(ctx, c.bt, c.ut, c.ids)
		paramErrB(t, srv, n, err, c.param)
	}
	// The fake checks the documented ranges too.
	err = a.Client.Do(ctx, wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/idconvert/convert_tmp_external_userid"}, nil,
		map[string]any{"business_type": 4, "user_type": 1, "tmp_external_userid_list": []string{"x"}}, nil)
	apiCodeB(t, err, 40058)
}
