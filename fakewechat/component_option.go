package fakewechat

import "slices"

// The authorizer options under their current paths
// (/cgi-bin/component/get_authorizer_option and set_authorizer_option):
// the body carries only option_name (and option_value), so the fake takes
// the authorizer from the access_token, an authorizer token. The options
// are those api_get_authorizer_option reads; set_authorizer_option changes
// them in every authorization of the account. A token of an account that authorized no
// component, or a component_access_token, answers 61003.
func init() { builtin = append(builtin, registerComponentOption) }

// onAuthorizerOption runs fn with the authorizations of the token's
// account, the world locked.
func (s *Server) onAuthorizerOption(fn func(in *compAuthorizerReq, auths []*compAuth) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		var in compAuthorizerReq
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		w := s.compWorld()
		w.mu.Lock()
		defer w.mu.Unlock()
		var auths []*compAuth
		for _, m := range w.auths {
			if a, ok := m[r.AppID]; ok {
				auths = append(auths, a)
			}
		}
		if len(auths) == 0 {
			return nil, ErrCode(compCodeNotAuthorized)
		}
		if _, ok := componentOptions[in.Name]; !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid option_name")
		}
		return fn(&in, auths)
	}
}

func registerComponentOption(s *Server) {
	s.HandleJSON("POST /cgi-bin/component/get_authorizer_option", s.onAuthorizerOption(func(in *compAuthorizerReq, auths []*compAuth) (any, error) {
		return M{"option_name": in.Name, "option_value": auths[0].options[in.Name]}, nil
	}))
	s.HandleJSON("POST /cgi-bin/component/set_authorizer_option", s.onAuthorizerOption(func(in *compAuthorizerReq, auths []*compAuth) (any, error) {
		if !slices.Contains(componentOptions[in.Name], in.Value) {
			return nil, Errorf(CodeInvalidArgs, "invalid option_value")
		}
		for _, a := range auths {
			a.options[in.Name] = in.Value
		}
		return nil, nil
	}))
}
