package fakewechat

import (
	"slices"
	"sync"
)

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
	mu       sync.Mutex
	granted  map[[2]any]map[string]WeComAuthorizedDevice // corp, agent id -> SN -> device
	checkins map[string][]WeComDeviceCheckin             // corp -> records in upload order
}

// WeComDeviceCheckin is a raw attendance record of a device of a corp
// (devicedata/get_checkin_data); the fake takes CheckinTime as the time
// the device uploaded it.
type WeComDeviceCheckin struct {
	SN, OpenUserID string
	UserType       int // 0 member, 2 student
	CheckinTime    int64
}

// AddSuiteDeviceCheckin records an attendance record of device c.SN of
// corpID; apps read it once the device is granted to them
// (AuthorizeSuiteDevice).
func (s *Server) AddSuiteDeviceCheckin(corpID string, c WeComDeviceCheckin) {
	ds := s.suiteDevices()
	ds.mu.Lock()
	defer ds.mu.Unlock()
	ds.checkins[corpID] = append(ds.checkins[corpID], c)
}

// deviceMonth is the longest begin_time..end_time span of device data.
const deviceMonth = 31 * 24 * 3600

// deviceCheckinQuery is the body of devicedata/get_checkin_data.
type deviceCheckinQuery struct {
	UserType       int      `json:"user_type"`
	BeginTime      int64    `json:"begin_time"`
	EndTime        int64    `json:"end_time"`
	DataFilterType int      `json:"data_filter_type"`
	DeviceSNList   []string `json:"device_sn_list"`
	OpenUserIDList []string `json:"open_userid_list"`
	Cursor         string   `json:"cursor"`
	Limit          int      `json:"limit"`
	AgentID        int64    `json:"agentid"`
}

// check validates q and returns the name of the first wrong field.
func (q *deviceCheckinQuery) check() string {
	list := q.DeviceSNList
	if q.DataFilterType == 2 {
		list = q.OpenUserIDList
	}
	switch {
	case q.UserType != 0 && q.UserType != 2:
		return "user_type"
	case q.BeginTime <= 0 || q.EndTime < q.BeginTime || q.EndTime-q.BeginTime > deviceMonth:
		return "end_time"
	case q.DataFilterType != 1 && q.DataFilterType != 2:
		return "data_filter_type"
	case len(list) == 0 || len(list) > 100:
		return "device_sn_list/open_userid_list"
	case q.Limit < 0 || q.Limit > 500:
		return "limit"
	}
	return ""
}

func (q *deviceCheckinQuery) match(c WeComDeviceCheckin) bool {
	if c.UserType != q.UserType || c.CheckinTime < q.BeginTime || c.CheckinTime > q.EndTime {
		return false
	}
	if q.DataFilterType == 1 {
		return slices.Contains(q.DeviceSNList, c.SN)
	}
	return slices.Contains(q.OpenUserIDList, c.OpenUserID)
}

func (s *Server) suiteDevices() *suiteDevices {
	return Value(s.State(""), "worksuite.devices", func() *suiteDevices {
		return &suiteDevices{granted: map[[2]any]map[string]WeComAuthorizedDevice{}, checkins: map[string][]WeComDeviceCheckin{}}
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

// deviceCaller returns the corp and agent id of a devicedata request; a
// suite's app must send its own agentid (40056).
func (s *Server) deviceCaller(r *Request, agentID int64) (string, int64, error) {
	corp, agent := wecomCaller(r)
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	for k, id := range w.agents {
		if k[1] == corp && id == agent && agentID != agent {
			return "", 0, ErrCode(CodeWeComInvalidAgentID)
		}
	}
	return corp, agent, nil
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
		corp, agent, err := s.deviceCaller(r, in.AgentID)
		if err != nil {
			return nil, err
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

	// https://developer.work.weixin.qq.com/document/path/96027
	// Records of devices granted to the app, in upload order; limit 0
	// means 200; cursor is an opaque offset. Wrong fields answer 40097.
	s.HandleJSON(WeComPath("POST /cgi-bin/devicedata/get_checkin_data"), func(r *Request) (any, error) {
		var in deviceCheckinQuery
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		corp, agent, err := s.deviceCaller(r, in.AgentID)
		if err != nil {
			return nil, err
		}
		if f := in.check(); f != "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: %s", f)
		}
		ds := s.suiteDevices()
		ds.mu.Lock()
		defer ds.mu.Unlock()
		granted := ds.granted[[2]any{corp, agent}]
		var list []M
		for _, c := range ds.checkins[corp] {
			if _, ok := granted[c.SN]; ok && in.match(c) {
				list = append(list, M{"open_userid": c.OpenUserID, "checkin_time": c.CheckinTime, "device_sn": c.SN})
			}
		}
		if in.Limit == 0 {
			in.Limit = 200
		}
		page, next, _, err := licCursor(list, in.Cursor, in.Limit)
		if err != nil {
			return nil, err
		}
		return OK(M{"checkindata": M{"items": nonNil(page)}, "next_cursor": next}), nil
	})
}

func init() { builtin = append(builtin, registerSuiteDevices) }
