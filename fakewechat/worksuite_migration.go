package fakewechat

import "slices"

// OpenIDMigration returns the ID types (1 userid and corpid, 3
// external_userid) that provider providerCorpID set as migrated for
// corpID with finish_openid_migration (agentID 0: its third-party apps;
// otherwise that customized app), sorted.
func (s *Server) OpenIDMigration(providerCorpID, corpID string, agentID int64) []int {
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []int
	for k := range migrations(s)[migrationKey{providerCorpID, corpID, agentID}] {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

type migrationKey struct {
	provider, corp string
	agent          int64
}

func migrations(s *Server) map[migrationKey]map[int]bool {
	return Value(s.State(""), "worksuite.migrations", func() map[migrationKey]map[int]bool { return map[migrationKey]map[int]bool{} })
}

// installedAgent reports whether corp installed a suite, and with agent
// (non-zero) whether it is the agent of one of its installed suites.
func (w *suiteWorld) installedAgent(corp string, agent int64) bool {
	for _, suite := range sortedKeys(w.installs) {
		if a, ok := w.installs[suite][corp]; ok && (agent == 0 || a.agentID == agent) {
			return true
		}
	}
	return false
}

func registerSuiteMigration(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/99375
	// https://developer.work.weixin.qq.com/document/path/99378
	s.HandleJSON(WeComPath("POST /cgi-bin/service/finish_openid_migration"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID     string `json:"corpid"`
		AgentID    int64  `json:"agentid"`
		OpenIDType []int  `json:"openid_type"`
	}, w *suiteWorld) (any, error) {
		switch {
		case in.CorpID == "":
			return nil, ErrCode(CodeWeComInvalidCorpID)
		case len(in.OpenIDType) == 0:
			return nil, Errorf(CodeInvalidArgs, "invalid args: openid_type")
		case !w.installedAgent(in.CorpID, 0):
			return nil, ErrCode(CodeSuiteNotAuthorized)
		case !w.installedAgent(in.CorpID, in.AgentID):
			return nil, ErrCode(CodeWeComInvalidAgentID)
		}
		for _, t := range in.OpenIDType {
			if t != 1 && t != 3 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: openid_type")
			}
		}
		k := migrationKey{p, in.CorpID, in.AgentID}
		m := migrations(s)
		if m[k] == nil {
			m[k] = map[int]bool{}
		}
		for _, t := range in.OpenIDType {
			m[k][t] = true
		}
		return OK(nil), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95878
	// The customers (AddWeComCustomer) with that unionid in the corps that
	// installed the suite (corpid given: that corp only, 84014 when it did
	// not install the suite), WeChat users only; external_userid as the
	// corp's apps see it.
	s.HandleJSON(WeComPath("POST /cgi-bin/service/externalcontact/unionid_to_external_userid_3rd"), onSuite(s, func(r *Request, suite string, in *struct {
		UnionID string `json:"unionid"`
		OpenID  string `json:"openid"`
		CorpID  string `json:"corpid"`
	}, w *suiteWorld) (any, error) {
		if in.UnionID == "" || in.OpenID == "" {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		corps := sortedKeys(w.installs[suite])
		if in.CorpID != "" {
			if _, ok := w.installs[suite][in.CorpID]; !ok {
				return nil, ErrCode(CodeSuiteNotAuthorized)
			}
			corps = []string{in.CorpID}
		}
		list := []M{}
		for _, corp := range corps {
			d := s.wcCustomers(corp)
			d.mu.Lock()
			for _, id := range d.order {
				if c := d.byID[id]; c != nil && c.UnionID == in.UnionID && c.Type != 2 {
					list = append(list, M{"corpid": corp, "external_userid": id})
				}
			}
			d.mu.Unlock()
		}
		return OK(M{"external_userid_info": list}), nil
	}), Public())
}
