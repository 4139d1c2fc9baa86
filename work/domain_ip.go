package work

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var appAPIDomainIP = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/get_api_domain_ip"}

// APIDomainIPs returns the IP ranges qyapi.weixin.qq.com resolves to, for
// firewall rules; they change now and then (old and new ranges overlap for
// a while), so fetch them daily.
// https://developer.work.weixin.qq.com/document/path/97073
func (s *AppService) APIDomainIPs(ctx context.Context) ([]string, error) {
	out, err := callB[struct {
		IPList []string `json:"ip_list"`
	}](ctx, s.c, appAPIDomainIP, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.IPList, nil
}
