package work_test

import (
	"context"
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestAPIDomainIPs(t *testing.T) {
	srv, a := newBAgent(t)
	ips, err := a.App.APIDomainIPs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ips, fakewechat.WeComAPIDomainIPs) {
		t.Errorf("ips %v", ips)
	}
	if rr, ok := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/get_api_domain_ip")); !ok || len(rr.Body) != 0 {
		t.Errorf("request %+v", rr)
	}
}
