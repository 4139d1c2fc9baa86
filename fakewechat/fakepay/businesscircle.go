package fakepay

import (
	"net/http"
	"unicode/utf8"
)

// PointsSync is a points sync the fake received
// (/v3/businesscircle/points/notify), with the mchid that signed it.
type PointsSync struct {
	MchID            string `json:"-"`
	SubMchID         string `json:"sub_mchid"`
	TransactionID    string `json:"transaction_id"`
	AppID            string `json:"appid"`
	OpenID           string `json:"openid"`
	EarnPoints       *bool  `json:"earn_points"`
	IncreasedPoints  *int64 `json:"increased_points"`
	PointsUpdateTime string `json:"points_update_time"`
	NoPointsRemarks  string `json:"no_points_remarks"`
	TotalPoints      *int64 `json:"total_points"`
}

func init() { routes = append(routes, (*Server).routeBusinessCircle) }

func (s *Server) routeBusinessCircle(w http.ResponseWriter, r *http.Request, body []byte) bool {
	if r.Method != http.MethodPost || r.URL.Path != "/v3/businesscircle/points/notify" {
		return false
	}
	var p PointsSync
	if !s.decodeJSON(w, r, body, &p) {
		return true
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	switch {
	case p.TransactionID == "" || p.AppID == "" || p.OpenID == "" || p.PointsUpdateTime == "" || p.EarnPoints == nil || p.IncreasedPoints == nil:
		bad("transaction_id、appid、openid、earn_points、increased_points、points_update_time必填")
		return true
	case len(p.TransactionID) > 64 || len(p.AppID) > 128 || len(p.OpenID) > 64 || len(p.SubMchID) > 64 ||
		len(p.PointsUpdateTime) > 32 || utf8.RuneCountInString(p.NoPointsRemarks) > 128:
		bad("参数超长")
		return true
	case *p.IncreasedPoints < 0 || p.TotalPoints != nil && *p.TotalPoints < 0:
		bad("积分值不能为负数")
		return true
	}
	p.MchID = s.requestMchID(r)
	s.mu.Lock()
	s.f.points = append(s.f.points, p)
	s.mu.Unlock()
	s.reply(w, r, http.StatusNoContent, nil)
	return true
}

// PointsSyncs returns the points syncs received, oldest first.
func (s *Server) PointsSyncs() []PointsSync {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]PointsSync(nil), s.f.points...)
}
