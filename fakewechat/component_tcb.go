package fakewechat

import (
	"slices"
	"sync"
)

// Batch cloud development of a third-party platform (/componenttcb/...,
// /tcb/modifyenv). See the package documentation for the rules.
func init() { builtin = append(builtin, registerComponentTCB) }

// codeTCBMissingParam is the cloud development errcode for a missing
// required parameter (缺少必填参数).
const codeTCBMissingParam = 40101

type tcbShare struct {
	env, appid string
	confirmed  bool
}

// componentTCB is the cloud development state of every component.
type componentTCB struct {
	mu     sync.Mutex
	envs   map[string][]M        // component -> environments
	shares map[string][]tcbShare // component -> shares
}

func (s *Server) componentTCB() *componentTCB {
	return Value(s.State(""), "component.tcb", func() *componentTCB {
		return &componentTCB{envs: map[string][]M{}, shares: map[string][]tcbShare{}}
	})
}

// envsOf returns the environments of component, starting with the
// documentation's example.
func (t *componentTCB) envsOf(component string) []M {
	if _, ok := t.envs[component]; !ok {
		t.envs[component] = []M{{"env": "test2-4a89da", "alias": "test2", "create_time": "2020-04-04 14:10:28", "update_time": "2020-04-04 14:10:36",
			"status": "NORMAL", "package_id": "basic", "package_name": "基础版 1", "dbinstance_id": "tnt-fpbvu9gpc", "bucket_id": "6d79-myttest3-9gyi5pwab13c4d59-1304480914"}}
	}
	return t.envs[component]
}

func (t *componentTCB) hasEnv(component, env string) bool {
	return slices.ContainsFunc(t.envsOf(component), func(e M) bool { return e["env"] == env })
}

// ConfirmCloudEnvShare simulates the administrator of the mini program
// appid confirming the environments componentAppID shared with it
// (batchshareenv): they become listed by batchgetenvid. It returns how
// many shares were confirmed.
func (s *Server) ConfirmCloudEnvShare(componentAppID, appid string) int {
	t := s.componentTCB()
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for i, sh := range t.shares[componentAppID] {
		if sh.appid == appid && !sh.confirmed {
			t.shares[componentAppID][i].confirmed = true
			n++
		}
	}
	return n
}

// onTCB checks that the access_token is a component's and runs fn with
// the state locked.
func (s *Server) onTCB(fn func(r *Request, t *componentTCB) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		if _, ok := s.componentSecret(r.AppID); !ok {
			return nil, ErrCode(CodeInvalidCredential)
		}
		t := s.componentTCB()
		t.mu.Lock()
		defer t.mu.Unlock()
		return fn(r, t)
	}
}

func validSourceType(v *int) bool { return v == nil || *v == 1 }

func registerComponentTCB(s *Server) {
	authorized := func(component, appid string) bool {
		w := s.compWorld()
		w.mu.Lock()
		defer w.mu.Unlock()
		_, ok := w.auths[component][appid]
		return ok
	}
	s.HandleJSON("POST /componenttcb/describeenvs", s.onTCB(func(r *Request, t *componentTCB) (any, error) {
		return OK(M{"info_list": slices.Clone(t.envsOf(r.AppID))}), nil
	}))
	s.HandleJSON("POST /componenttcb/batchgetenvid", s.onTCB(func(r *Request, t *componentTCB) (any, error) {
		var in struct {
			AppIDs     []string `json:"appids"`
			SourceType *int     `json:"source_type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.AppIDs) == 0 {
			return nil, Errorf(codeTCBMissingParam, "missing parameter: appids")
		}
		if !validSourceType(in.SourceType) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: source_type")
		}
		rel, errs := []M{}, []M{}
		for _, id := range in.AppIDs {
			if !authorized(r.AppID, id) {
				errs = append(errs, M{"env": "", "appid": id, "errmsg": "invalid appid"})
				continue
			}
			envs := []string{}
			for _, sh := range t.shares[r.AppID] {
				if sh.appid == id && sh.confirmed && !slices.Contains(envs, sh.env) {
					envs = append(envs, sh.env)
				}
			}
			rel = append(rel, M{"appid": id, "env_list": envs})
		}
		return OK(M{"relation_data": rel, "err_list": errs}), nil
	}))
	s.HandleJSON("POST /componenttcb/batchshareenv", s.onTCB(func(r *Request, t *componentTCB) (any, error) {
		var in struct {
			Data []struct {
				Env    string   `json:"env"`
				AppIDs []string `json:"appids"`
			} `json:"data"`
			SourceType *int `json:"source_type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.Data) == 0 {
			return nil, Errorf(codeTCBMissingParam, "missing parameter: data")
		}
		if !validSourceType(in.SourceType) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: source_type")
		}
		errs, msgs := []M{}, []M{}
		for _, d := range in.Data {
			if d.Env == "" || len(d.AppIDs) == 0 {
				return nil, Errorf(codeTCBMissingParam, "missing parameter: data.env, data.appids")
			}
			for _, id := range d.AppIDs {
				switch {
				case !t.hasEnv(r.AppID, d.Env):
					errs = append(errs, M{"env": d.Env, "appid": id, "errmsg": "invalid env"})
				case !authorized(r.AppID, id):
					errs = append(errs, M{"env": d.Env, "appid": id, "errmsg": "invalid appid"})
				default:
					t.shares[r.AppID] = append(t.shares[r.AppID], tcbShare{env: d.Env, appid: id})
					msgs = append(msgs, M{"appid": id, "url": "https://mp.weixin.qq.com/fake/tcbshare?appid=" + id + "&env=" + d.Env})
				}
			}
		}
		return OK(M{"err_list": errs, "msg_info_list": msgs}), nil
	}))
	s.HandleJSON("POST /tcb/modifyenv", func(r *Request) (any, error) {
		var in struct {
			Env string `json:"env"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Env == "" {
			return nil, Errorf(codeTCBMissingParam, "missing parameter: env")
		}
		if _, ok := s.componentSecret(r.AppID); !ok {
			return nil, nil // an authorizer's own environment
		}
		t := s.componentTCB()
		t.mu.Lock()
		defer t.mu.Unlock()
		if !t.hasEnv(r.AppID, in.Env) {
			now := r.Now().Format("2006-01-02 15:04:05")
			t.envs[r.AppID] = append(t.envsOf(r.AppID), M{"env": in.Env, "alias": in.Env, "create_time": now, "update_time": now,
				"status": "NORMAL", "package_id": "basic", "package_name": "基础版 1", "dbinstance_id": "", "bucket_id": ""})
		}
		return nil, nil
	})
}
