package fakewechat

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

// serveAdmin answers the /fake/ control endpoints used in standalone mode
// (wechat mock):
//
//	GET    /fake/stats     {"METHOD /path": count, ...}
//	GET    /fake/requests  recorded requests, oldest first
//	GET    /fake/faults    faults in effect
//	POST   /fake/faults    inject a Fault: {"path","latency","drop","status","errcode","errmsg","times"}
//	DELETE /fake/faults    clear faults
//	POST   /fake/reset     Reset
//	POST   /fake/expire    ExpireTokens
//	POST   /fake/clock     {"advance":"2h"}: Advance
//
// They are neither counted nor recorded, and faults never apply to them.
func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	ok := OK(nil)
	switch r.Method + " " + r.URL.Path {
	case "GET /fake/stats":
		writeJSON(w, http.StatusOK, s.Stats())
	case "GET /fake/requests":
		writeJSON(w, http.StatusOK, s.Requests())
	case "GET /fake/faults":
		writeJSON(w, http.StatusOK, s.Faults())
	case "POST /fake/faults":
		var f Fault
		if err := decodeAdmin(r, &f); err != nil {
			adminError(w, err)
			return
		}
		if err := s.Inject(f); err != nil {
			adminError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, ok)
	case "DELETE /fake/faults":
		s.ClearFaults()
		writeJSON(w, http.StatusOK, ok)
	case "POST /fake/reset":
		s.Reset()
		writeJSON(w, http.StatusOK, ok)
	case "POST /fake/expire":
		s.ExpireTokens()
		writeJSON(w, http.StatusOK, ok)
	case "POST /fake/clock":
		var in struct {
			Advance string `json:"advance"`
		}
		if err := decodeAdmin(r, &in); err != nil {
			adminError(w, err)
			return
		}
		d, err := time.ParseDuration(in.Advance)
		if err != nil || d < 0 {
			adminError(w, errBadAdvance)
			return
		}
		s.Advance(d)
		writeJSON(w, http.StatusOK, OK(M{"now": s.Now().Unix()}))
	default:
		writeJSON(w, http.StatusNotFound, errorBody{Errcode: CodeInvalidURL, Errmsg: "fakewechat: unknown control endpoint " + r.Method + " " + r.URL.Path})
	}
}

var errBadAdvance = Errorf(CodeInvalidArgs, "advance must be a non-negative Go duration such as \"2h\"")

func decodeAdmin(r *http.Request, v any) error {
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return Errorf(CodeDataFormat, "unreadable body")
	}
	if err := json.Unmarshal(b, v); err != nil {
		return Errorf(CodeDataFormat, "data format error: %v", err)
	}
	return nil
}

func adminError(w http.ResponseWriter, err error) {
	writeJSON(w, http.StatusBadRequest, errorBody{Errcode: CodeInvalidArgs, Errmsg: err.Error()})
}
