package oa_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/oa"
)

func TestOpenAPIHelpers(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 2)

	res, err := c.Account.CallbackCheck(ctx, oa.CheckActionAll, oa.CheckOperatorDefault)
	if err != nil || len(res.DNS) != 2 || res.DNS[0].RealOperator != "UNICOM" || len(res.Ping) != 1 || res.Ping[0].PackageLoss != "0%" {
		t.Fatalf("CallbackCheck = %+v, %v", res, err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/callback/check"); body["action"] != "all" || body["check_operator"] != "DEFAULT" {
		t.Errorf("callback/check body %v", body)
	}
	_, err = c.Account.CallbackCheck(ctx, "trace", oa.CheckOperatorDefault)
	argErrA(t, srv, "POST /none", err, "action")
	_, err = c.Account.CallbackCheck(ctx, oa.CheckActionDNS, "CMCC")
	argErrA(t, srv, "POST /none", err, "check_operator")

	if ips, err := c.Account.CallbackIPs(ctx); err != nil || len(ips) != 3 {
		t.Errorf("CallbackIPs = %v, %v", ips, err)
	}

	info, err := c.Account.RequestInfo(ctx, "61725984-6126f6f9-040f19c4")
	if err != nil || info.CostInMS != 30 || !strings.Contains(info.ResponseBody, "45009") {
		t.Errorf("RequestInfo = %+v, %v", info, err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/openapi/rid/get"); body["rid"] != "61725984-6126f6f9-040f19c4" {
		t.Errorf("rid/get body %v", body)
	}
	_, err = c.Account.RequestInfo(ctx, "")
	argErrA(t, srv, "POST /none", err, "rid")

	changed, err := c.Account.ChangeOpenIDs(ctx, "wx_from_app", []string{ids[0], "short"})
	if err != nil || len(changed) != 2 || changed[0].NewOpenID == "" || changed[0].ErrMsg != "ok" || changed[1].ErrMsg == "ok" {
		t.Errorf("ChangeOpenIDs = %+v, %v", changed, err)
	}
	_, err = c.Account.ChangeOpenIDs(ctx, "", ids)
	argErrA(t, srv, "POST /none", err, "from_appid")
	_, err = c.Account.ChangeOpenIDs(ctx, "wx_from_app", make([]string, 101))
	argErrA(t, srv, "POST /none", err, "openid_list")

	key, err := c.Account.ShortenGen(ctx, "a=1&b=<2>", time.Hour)
	if err != nil || key == "" {
		t.Fatalf("ShortenGen = %q, %v", key, err)
	}
	if rr, body := reqA(t, srv, "POST /cgi-bin/shorten/gen"); body["expire_seconds"] != 3600.0 || strings.Contains(string(rr.Body), `\u0026`) {
		t.Errorf("shorten/gen body %s", rr.Body)
	}
	d, err := c.Account.ShortenFetch(ctx, key)
	if err != nil || d.LongData != "a=1&b=<2>" || d.ExpireSeconds != 3600 || d.CreateTime == 0 {
		t.Errorf("ShortenFetch = %+v, %v", d, err)
	}
	srv.Advance(2 * time.Hour)
	_, err = c.Account.ShortenFetch(ctx, key)
	apiCodeA(t, err, 40097)
	_, err = c.Account.ShortenGen(ctx, strings.Repeat("x", 4097), 0)
	argErrA(t, srv, "POST /none", err, "long_data")
	_, err = c.Account.ShortenGen(ctx, "x", 31*24*time.Hour)
	argErrA(t, srv, "POST /none", err, "expire_seconds")
}
