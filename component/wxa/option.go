package wxa

import "context"

var (
	optionGet = post("/cgi-bin/component/get_authorizer_option")
	optionSet = post("/cgi-bin/component/set_authorizer_option")
)

// OptionService reads and sets the authorizer's options (location report,
// voice recognition, customer service: component.OptionLocationReport...)
// under their current paths, get_authorizer_option and
// set_authorizer_option, whose body names only the option. Use it on the
// client of any authorizer, official account or mini program (Wrap); the
// component's GetAuthorizerOption and SetAuthorizerOption call the older
// api_get_authorizer_option and api_set_authorizer_option, which name the
// component and the authorizer in the body.
//
// The Chinese page lists the component_access_token as access_token, the
// English one the authorizer_access_token; as nothing in the body names
// the authorizer, this service sends the authorizer's token.
// https://developers.weixin.qq.com/doc/oplatform/openApi/authorization-management/api_getauthorizeroptioninfo.html
type OptionService service

type optionReq struct {
	Name  string `json:"option_name"`
	Value string `json:"option_value,omitempty"`
}

// Get returns the value of the option name.
// https://developers.weixin.qq.com/doc/oplatform/openApi/authorization-management/api_getauthorizeroptioninfo.html
func (s *OptionService) Get(ctx context.Context, name string) (string, error) {
	if err := required("option_name", name); err != nil {
		return "", err
	}
	out, err := call[optionReq](ctx, s.c, optionGet, nil, optionReq{Name: name})
	if err != nil {
		return "", err
	}
	return out.Value, nil
}

// Set sets the option name to value.
// https://developers.weixin.qq.com/doc/oplatform/openApi/authorization-management/api_setauthorizeroptioninfo.html
func (s *OptionService) Set(ctx context.Context, name, value string) error {
	if err := required("option_name", name, "option_value", value); err != nil {
		return err
	}
	return (*service)(s).do(ctx, optionSet, optionReq{name, value})
}
