package fakewechat

import (
	"crypto/rand"
	"encoding/base64"
)

func init() {
	stdMessages[CodeDialInvalidTime] = "invalid start_time or end_time"
	builtin = append(builtin, registerWeComMisc2)
}

// WeComAPIDomainIPs are the ranges get_api_domain_ip answers (the docs'
// example).
var WeComAPIDomainIPs = []string{"182.254.11.176", "182.254.78.66"}

// CodeDialInvalidTime is the errcode of get_dial_record for an end_time
// before start_time.
const CodeDialInvalidTime = 600018

func registerWeComMisc2(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/97073
	s.HandleJSON(WeComPath("GET /cgi-bin/get_api_domain_ip"), func(r *Request) (any, error) {
		return OK(M{"ip_list": WeComAPIDomainIPs}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/96874: the fake
	// keeps no upstream/downstream corps; it answers a downstream userid
	// derived from the encrypted one and a new session_key.
	s.HandleJSON(WeComPath("POST /cgi-bin/miniprogram/transfer_session"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcNeed(in, "userid", "session_key"); e != nil {
			return nil, e
		}
		if len(wcStr(in, "userid")) > 64 || len(wcStr(in, "session_key")) > 64 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: userid or session_key longer than 64 bytes")
		}
		corp, _ := wecomCaller(r)
		key := make([]byte, 16)
		rand.Read(key) //nolint:errcheck // never fails
		return OK(M{"userid": openID("down", corp+wcStr(in, "userid")), "session_key": base64.StdEncoding.EncodeToString(key)}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/93662: two calls
	// a day and two days before the request, in the docs' example shape.
	s.HandleJSON(WeComPath("POST /cgi-bin/dial/get_dial_record"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		now := r.Now().Unix()
		start, end := int64(wcInt(in, "start_time")), int64(wcInt(in, "end_time"))
		if start > 0 && end > 0 && end < start {
			return nil, ErrCode(CodeDialInvalidTime)
		}
		if end == 0 {
			end = now
		}
		if start == 0 || end-start > 30*86400 {
			start = end - 30*86400
		}
		records := []M{
			{"call_time": now - 2*86400, "total_duration": 10, "call_type": 1,
				"caller": M{"userid": WeComSeedUser1, "duration": 10}, "callee": []M{{"phone": 138000800, "duration": 10}}},
			{"call_time": now - 86400, "total_duration": 20, "call_type": 2,
				"caller": M{"userid": WeComSeedUser1, "duration": 10}, "callee": []M{{"phone": 138000800, "duration": 5}, {"userid": WeComSeedUser2, "duration": 5}}},
		}
		var in30 []M
		for _, rec := range records {
			if t := rec["call_time"].(int64); t >= start && t <= end {
				in30 = append(in30, rec)
			}
		}
		off, limit := max(wcInt(in, "offset"), 0), wcInt(in, "limit")
		if limit <= 0 || limit > 100 {
			limit = 100
		}
		off = min(off, len(in30))
		return OK(M{"record": append([]M{}, in30[off:min(off+limit, len(in30))]...)}), nil
	})
}
