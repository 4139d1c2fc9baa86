package fakewechat

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// Nearby mini programs (附近的小程序): addnearbypoi validates the location
// (store name, address, poi id, pic_list/service_infos/kf_info as JSON
// strings) and stores it as under review; MPSetNearbyPOIAudit changes the
// review status; getnearbypoilist pages the locations with the list as a JSON
// string inside data, as WeChat does; setnearbypoishowstatus needs an
// approved location; an account holds at most 10 locations.
func init() {
	stdMessages[CodeMPNearbyPOINotFound] = "poi not exist"
	stdMessages[CodeMPNearbyPOILimit] = "poi count reach limit"
	stdMessages[CodeMPNearbyPOINotPassed] = "poi audit not pass"
	builtin = append(builtin, registerMPNearbyPOI)
}

// Errcodes of the nearby location endpoints.
const (
	CodeMPNearbyPOINotFound  = 92002
	CodeMPNearbyPOILimit     = 92003
	CodeMPNearbyPOINotPassed = 92004
	mpMaxNearbyPOIs          = 10
)

type mpNearbyPOI struct {
	POIID                string `json:"poi_id"`
	QualificationAddress string `json:"qualification_address"`
	QualificationNum     string `json:"qualification_num"`
	AuditStatus          int    `json:"audit_status"`
	DisplayStatus        int    `json:"display_status"`
	RefuseReason         string `json:"refuse_reason"`
}

type mpNearby struct {
	mu     sync.Mutex
	pois   []*mpNearbyPOI
	nextID int
}

func (s *Server) mpNearby(appid string) *mpNearby {
	return Value(s.State(appid), "mp.nearby", func() *mpNearby { return &mpNearby{nextID: 1} })
}

// MPSetNearbyPOIAudit sets the review status of a location (3 reviewing, 4
// rejected with reason, 5 approved) and reports whether it exists.
func (s *Server) MPSetNearbyPOIAudit(appid, poiID string, status int, reason string) bool {
	n := s.mpNearby(appid)
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, p := range n.pois {
		if p.POIID == poiID {
			p.AuditStatus, p.RefuseReason = status, reason
			return true
		}
	}
	return false
}

func registerMPNearbyPOI(s *Server) {
	s.HandleJSON("POST /wxa/addnearbypoi", func(r *Request) (any, error) {
		var in struct {
			IsCommNearby string `json:"is_comm_nearby"`
			StoreName    string `json:"store_name"`
			Address      string `json:"address"`
			POIID        string `json:"poi_id"`
			Credential   string `json:"credential"`
			PicList      string `json:"pic_list"`
			ServiceInfos string `json:"service_infos"`
			KFInfo       string `json:"kf_info"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		var pics struct{ List []string }
		var svc struct {
			ServiceInfos []json.RawMessage `json:"service_infos"`
		}
		var kf struct {
			OpenKF bool `json:"open_kf"`
		}
		switch {
		case in.IsCommNearby != "1" || in.StoreName == "" || in.Address == "" || in.POIID == "":
			return nil, Errorf(CodeInvalidArgs, "invalid args")
		case json.Unmarshal([]byte(in.PicList), &pics) != nil || len(pics.List) > 9,
			json.Unmarshal([]byte(in.ServiceInfos), &svc) != nil,
			json.Unmarshal([]byte(in.KFInfo), &kf) != nil:
			return nil, ErrCode(CodeDataFormat)
		}
		n := s.mpNearby(r.AppID)
		n.mu.Lock()
		defer n.mu.Unlock()
		if len(n.pois) >= mpMaxNearbyPOIs {
			return nil, ErrCode(CodeMPNearbyPOILimit)
		}
		id := fmt.Sprintf("%d", 400000000+n.nextID)
		auditID := strconv.Itoa(n.nextID)
		n.nextID++
		n.pois = append(n.pois, &mpNearbyPOI{POIID: id, QualificationAddress: in.Address, QualificationNum: in.Credential, AuditStatus: 3})
		return OK(M{"data": M{"audit_id": auditID, "poi_id": id, "related_credential": in.Credential}}), nil
	})
	s.HandleJSON("POST /wxa/delnearbypoi", func(r *Request) (any, error) {
		var in struct {
			POIID string `json:"poi_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		n := s.mpNearby(r.AppID)
		n.mu.Lock()
		defer n.mu.Unlock()
		k := len(n.pois)
		n.pois = slices.DeleteFunc(n.pois, func(p *mpNearbyPOI) bool { return p.POIID == in.POIID })
		if len(n.pois) == k {
			return nil, ErrCode(CodeMPNearbyPOINotFound)
		}
		return nil, nil
	})
	s.HandleJSON("GET /wxa/getnearbypoilist", func(r *Request) (any, error) {
		page, err1 := strconv.Atoi(r.Query.Get("page"))
		rows, err2 := strconv.Atoi(r.Query.Get("page_rows"))
		if err1 != nil || err2 != nil || page < 1 || rows < 1 || rows > 1000 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		n := s.mpNearby(r.AppID)
		n.mu.Lock()
		start := min((page-1)*rows, len(n.pois))
		list := make([]mpNearbyPOI, 0, rows)
		for _, p := range n.pois[start:min(start+rows, len(n.pois))] {
			list = append(list, *p)
		}
		left := mpMaxNearbyPOIs - len(n.pois)
		n.mu.Unlock()
		inner, _ := json.Marshal(M{"poi_list": list})
		return OK(M{"data": M{"left_count": left, "data": string(inner)}}), nil
	})
	s.HandleJSON("POST /wxa/setnearbypoishowstatus", func(r *Request) (any, error) {
		var in struct {
			POIID  string `json:"poi_id"`
			Status *int   `json:"status"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Status == nil || (*in.Status != 0 && *in.Status != 1) {
			return nil, ErrCode(CodeInvalidArgs)
		}
		n := s.mpNearby(r.AppID)
		n.mu.Lock()
		defer n.mu.Unlock()
		for _, p := range n.pois {
			if p.POIID == in.POIID {
				if p.AuditStatus != 5 {
					return nil, ErrCode(CodeMPNearbyPOINotPassed)
				}
				p.DisplayStatus = *in.Status
				return nil, nil
			}
		}
		return nil, ErrCode(CodeMPNearbyPOINotFound)
	})
}
