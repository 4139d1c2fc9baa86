package wxa

import "context"

var (
	testerBind   = post("/wxa/bind_tester")
	testerUnbind = post("/wxa/unbind_tester")
	testerList   = post("/wxa/memberauth")
)

// Bind makes the WeChat user wechatID a tester of the trial version and
// returns the user's userstr.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_AdminManagement/Admin.html
func (s *TesterService) Bind(ctx context.Context, wechatID string) (userStr string, err error) {
	if err := required("wechatid", wechatID); err != nil {
		return "", err
	}
	body := struct {
		WechatID string `json:"wechatid"`
	}{wechatID}
	out, err := call[struct {
		UserStr string `json:"userstr"`
	}](ctx, s.c, testerBind, nil, body)
	if err != nil {
		return "", err
	}
	return out.UserStr, nil
}

// Unbind removes a tester by WeChat id or by userstr (one is required).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_AdminManagement/unbind_tester.html
func (s *TesterService) Unbind(ctx context.Context, wechatID, userStr string) error {
	if wechatID == "" && userStr == "" {
		return invalidArg("wechatid", "wechatid or userstr is required")
	}
	body := struct {
		WechatID string `json:"wechatid,omitempty"`
		UserStr  string `json:"userstr,omitempty"`
	}{wechatID, userStr}
	return (*service)(s).do(ctx, testerUnbind, body)
}

// List returns the userstr of every tester (memberauth get_experiencer).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_AdminManagement/memberauth.html
func (s *TesterService) List(ctx context.Context) ([]string, error) {
	body := struct {
		Action string `json:"action"`
	}{"get_experiencer"}
	out, err := call[struct {
		Members []struct {
			UserStr string `json:"userstr"`
		} `json:"members"`
	}](ctx, s.c, testerList, nil, body)
	if err != nil {
		return nil, err
	}
	list := make([]string, len(out.Members))
	for i, m := range out.Members {
		list[i] = m.UserStr
	}
	return list, nil
}
