package miniprogram

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var smInvoke = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/servicemarket"}

// ServiceInvocation calls an API of a service bought on the service market
// (服务市场): Service is the service id (a provider appid), API the API name
// shown on the service's page, Data the body the provider defines (a struct
// or map, sent as a JSON object as in the docs' example) and ClientMsgID a
// unique id of the call. Async marks an asynchronous API.
type ServiceInvocation struct {
	Service     string `json:"service"`
	API         string `json:"api"`
	Data        any    `json:"data"`
	ClientMsgID string `json:"client_msg_id"`
	Async       bool   `json:"async,omitempty"`
}

// ServiceResult is the answer of a service market API: Data is the
// provider's answer (a JSON text), RequestID the id of an asynchronous call.
type ServiceResult struct {
	Data      string `json:"data"`
	RequestID string `json:"request_id"`
}

// InvokeService calls an API of the service market (调用服务市场接口).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/wx-service-market/api_invokeservice
func (s *ServiceMarketService) InvokeService(ctx context.Context, in *ServiceInvocation) (*ServiceResult, error) {
	if in == nil {
		return nil, invalidArg("service", "no invocation")
	}
	if err := required("service", in.Service, "api", in.API, "client_msg_id", in.ClientMsgID); err != nil {
		return nil, err
	}
	if in.Data == nil {
		return nil, invalidArg("data", "empty")
	}
	return call[ServiceResult](ctx, s.c, smInvoke, nil, in)
}
