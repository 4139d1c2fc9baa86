package fakewechat

import "sync"

// WeComAuthorizedDevice is a hardware device whose raw data a corp grants
// to a suite's app (devicedata/get_auth_info).
type WeComAuthorizedDevice struct {
	SN, RemarkName, DefaultName, ModelName string
	// Type 1: attendance or door-access device. Ability adds 1
	// (attendance), 2 (door access) and 4 (temperature).
	Type, Ability int
}

// suiteDevices is the devices granted per corp and app agent id.
type suiteDevices struct {
	mu      sync.Mutex
	granted map[[2]any]map[string]WeComAuthorizedDevice // corp, agent id -> SN -> device
}

func (s *Server) suiteDevices() *suiteDevices {
	return Value(s.State(""), "worksuite.devices", func() *suiteDevices {
		return &suiteDevices{granted: map[[2]any]map[string]WeComAuthorizedDevice{}}
	})
}

// suiteAgent returns the agent id of suiteID in corpID and whether the
// suite is installed there.
func (s *Server) suiteAgent(suiteID, corpID string) (int64, bool) {
	if !s.suiteInstalledIn(suiteID, corpID) {
		return 0, false
	}
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	id, ok := w.agents[[2]string{suiteID, corpID}]
	return id, ok
}

// AuthorizeSuiteDevice grants the raw data of device d of corpID to the
// app of suiteID there (replacing a device of the same SN); it reports
// false, granting nothing, when the suite is not installed in the corp or
// d has no SN.
func (s *Server) AuthorizeSuiteDevice(suiteID, corpID string, d WeComAuthorizedDevice) bool {
	agent, ok := s.suiteAgent(suiteID, corpID)
	if !ok || d.SN == "" {
		return false
	}
	ds := s.suiteDevices()
	ds.mu.Lock()
	defer ds.mu.Unlock()
	key := [2]any{corpID, agent}
	if ds.granted[key] == nil {
		ds.granted[key] = map[string]WeComAuthorizedDevice{}
	}
	ds.granted[key][d.SN] = d
	return true
}

// RevokeSuiteDevice withdraws the grant of device sn of corpID from the
// app of suiteID; it reports whether the device was granted.
func (s *Server) RevokeSuiteDevice(suiteID, corpID, sn string) bool {
	agent, ok := s.suiteAgent(suiteID, corpID)
	if !ok {
		return false
	}
	ds := s.suiteDevices()
	ds.mu.Lock()
	defer ds.mu.Unlock()
	m := ds.granted[[2]any{corpID, agent}]
	_, had := m[sn]
	delete(m, sn)
	return had
}

func registerSuiteDevices(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/96097
	// agentid is required of a suite's app (40056 unless its own agent id).
	s.HandleJSON(WeComPath("POST /cgi-bin/devicedata/get_auth_info"), func(r *Request) (any, error) {
		var in struct {
			AgentID int64 `json:"agentid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		corp, agent := wecomCaller(r)
		w := s.suiteWorld()
		w.mu.Lock()
		isSuite := false
		for k, id := range w.agents {
			isSuite = isSuite || (k[1] == corp && id == agent)
		}
		w.mu.Unlock()
		if isSuite && in.AgentID != agent {
			return nil, ErrCode(CodeWeComInvalidAgentID)
		}
		ds := s.suiteDevices()
		ds.mu.Lock()
		defer ds.mu.Unlock()
		m := ds.granted[[2]any{corp, agent}]
		items := []M{}
		for _, sn := range sortedKeys(m) {
			d := m[sn]
			items = append(items, M{"device_sn": d.SN, "remark_name": d.RemarkName, "default_name": d.DefaultName,
				"model_name": d.ModelName, "device_type": d.Type, "device_ability": d.Ability})
		}
		return OK(M{"device_list": M{"item": items}}), nil
	})
}

func init() { builtin = append(builtin, registerSuiteDevices) }
