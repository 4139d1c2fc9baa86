package miniprogram_test

import (
	"encoding/json"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestServiceMarketInvokeService(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	sm := c.ServiceMarket

	in := &miniprogram.ServiceInvocation{Service: "wx79ac3de8be320b71", API: "OcrAllInOne", ClientMsgID: "id123",
		Data: map[string]any{"img_url": "https://example.com/a.jpg?x=1&y=2", "data_type": 3, "ocr_type": 1}}
	res, err := sm.InvokeService(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data != fakewechat.MPServiceMarketAnswer || res.RequestID != "" {
		t.Fatalf("InvokeService = %+v", res)
	}
	var answer struct {
		ImageWidth int `json:"image_width"`
	}
	if err := json.Unmarshal([]byte(res.Data), &answer); err != nil || answer.ImageWidth != 480 {
		t.Fatalf("data %q: %v", res.Data, err)
	}
	rr, _ := last(t, srv, "POST /wxa/servicemarket")
	if want := `{"service":"wx79ac3de8be320b71","api":"OcrAllInOne","data":{"data_type":3,"img_url":"https://example.com/a.jpg?x=1&y=2","ocr_type":1},"client_msg_id":"id123"}`; string(rr.Body) != want {
		t.Fatalf("body %s, want %s", rr.Body, want)
	}

	res, err = sm.InvokeService(ctx, &miniprogram.ServiceInvocation{Service: "wx79ac3de8be320b71", API: "AsyncApi", ClientMsgID: "id124", Data: `{"k":"v"}`, Async: true})
	if err != nil || res.RequestID != "req_id124" || res.Data != "" {
		t.Fatalf("async InvokeService = %+v, %v", res, err)
	}
	_, body := last(t, srv, "POST /wxa/servicemarket")
	if body["async"] != true || body["data"] != `{"k":"v"}` {
		t.Fatalf("async body %v", body)
	}
	_, err = sm.InvokeService(ctx, &miniprogram.ServiceInvocation{Service: "s", API: "a", ClientMsgID: "c", Data: 5})
	wantAPIError(t, err, fakewechat.CodeInvalidArgs)

	k := len(srv.Requests())
	for _, tc := range []struct {
		in  *miniprogram.ServiceInvocation
		arg string
	}{
		{nil, "service"},
		{&miniprogram.ServiceInvocation{API: "a", ClientMsgID: "c", Data: "{}"}, "service"},
		{&miniprogram.ServiceInvocation{Service: "s", ClientMsgID: "c", Data: "{}"}, "api"},
		{&miniprogram.ServiceInvocation{Service: "s", API: "a", Data: "{}"}, "client_msg_id"},
		{&miniprogram.ServiceInvocation{Service: "s", API: "a", ClientMsgID: "c"}, "data"},
	} {
		_, err := sm.InvokeService(ctx, tc.in)
		wantArgError(t, srv, k, err, tc.arg)
	}
}
