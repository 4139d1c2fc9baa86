package fakewechat

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Fault is a misbehaviour injected into matching requests. Faults are
// consulted in injection order before routing and the token check; every
// matching fault uses up one of its Times; latencies add up, and the first
// matching fault with an action (Drop, Status or Errcode) answers the
// request. Recorded requests and counters include faulted requests.
//
// Note that Go's http.Transport silently retries an idempotent request whose
// reused connection was dropped, so a dropped GET may be counted twice.
type Fault struct {
	// Path is "METHOD /path", "/path" (any method), a path ending in "*"
	// (prefix), or "" or "*" for every API request. /fake/ paths never match.
	Path string `json:"path"`
	// Latency delays the answer (real time, not the server clock).
	Latency time.Duration `json:"-"`
	// Drop closes the connection without any response.
	Drop bool `json:"drop,omitempty"`
	// Status answers this HTTP status: with a JSON errcode body when
	// Errcode is set, else a plain-text body.
	Status int `json:"status,omitempty"`
	// Errcode answers {"errcode":Errcode,"errmsg":Errmsg+", rid: ..."}.
	Errcode int `json:"errcode,omitempty"`
	// Errmsg overrides the standard message of Errcode.
	Errmsg string `json:"errmsg,omitempty"`
	// Times is how many matching requests the fault affects; 0 means until
	// ClearFaults or Reset.
	Times int `json:"times,omitempty"`
}

// MarshalJSON encodes Latency as a duration string.
func (f Fault) MarshalJSON() ([]byte, error) {
	type plain Fault
	return json.Marshal(struct {
		plain
		Latency string `json:"latency,omitempty"`
	}{plain(f), durString(f.Latency)})
}

func durString(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// UnmarshalJSON decodes the form written by MarshalJSON; latency may also be
// a number of milliseconds.
func (f *Fault) UnmarshalJSON(b []byte) error {
	type plain Fault
	var w struct {
		plain
		Latency json.RawMessage `json:"latency"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*f = Fault(w.plain)
	f.Latency = 0
	raw := strings.TrimSpace(string(w.Latency))
	switch {
	case raw == "" || raw == "null":
	case strings.HasPrefix(raw, `"`):
		var s string
		if err := json.Unmarshal(w.Latency, &s); err != nil {
			return err
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("fakewechat: bad fault latency: %w", err)
		}
		f.Latency = d
	default:
		ms, err := strconv.ParseFloat(raw, 64)
		if err != nil || ms < 0 || ms > float64(time.Hour/time.Millisecond) {
			return fmt.Errorf("fakewechat: bad fault latency %q", raw)
		}
		f.Latency = time.Duration(ms * float64(time.Millisecond))
	}
	return nil
}

// Validate reports whether the fault is usable.
func (f Fault) Validate() error {
	if _, _, _, err := parsePattern(f.Path); err != nil {
		return err
	}
	switch {
	case f.Latency < 0 || f.Latency > time.Hour:
		return fmt.Errorf("fakewechat: fault latency %v out of range [0, 1h]", f.Latency)
	case f.Status != 0 && (f.Status < 200 || f.Status > 599):
		return fmt.Errorf("fakewechat: fault status %d out of range [200, 599]", f.Status)
	case f.Times < 0:
		return fmt.Errorf("fakewechat: fault times %d is negative", f.Times)
	case f.Latency == 0 && !f.Drop && f.Status == 0 && f.Errcode == 0:
		return fmt.Errorf("fakewechat: fault has no effect")
	}
	return nil
}

type faultRec struct {
	f    Fault
	rt   route // matcher
	left int   // -1: unlimited
}

type faultSet struct {
	mu   sync.Mutex
	list []*faultRec
	n    atomic.Int32
}

func (fs *faultSet) active() bool { return fs.n.Load() > 0 }

// Inject adds a fault; see Fault.
func (s *Server) Inject(f Fault) error {
	if err := f.Validate(); err != nil {
		return err
	}
	method, path, prefix, _ := parsePattern(f.Path)
	rec := &faultRec{f: f, rt: route{method: method, path: path, prefix: prefix}, left: f.Times}
	if f.Times == 0 {
		rec.left = -1
	}
	s.faults.mu.Lock()
	s.faults.list = append(s.faults.list, rec)
	s.faults.n.Store(int32(len(s.faults.list)))
	s.faults.mu.Unlock()
	return nil
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	s.faults.list = nil
	s.faults.n.Store(0)
	s.faults.mu.Unlock()
}

// Faults returns the faults still in effect, Times being the uses left.
func (s *Server) Faults() []Fault {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	out := make([]Fault, 0, len(s.faults.list))
	for _, r := range s.faults.list {
		f := r.f
		if r.left > 0 {
			f.Times = r.left
		}
		out = append(out, f)
	}
	return out
}

// take consumes the faults matching the request; it returns the summed
// latency and the answering fault, if any.
func (fs *faultSet) take(method, path string) (time.Duration, *Fault) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	var lat time.Duration
	var act *Fault
	kept := fs.list[:0]
	for _, r := range fs.list {
		if act == nil && r.rt.matches(method, path) {
			lat += r.f.Latency
			if r.f.Drop || r.f.Status != 0 || r.f.Errcode != 0 {
				f := r.f
				act = &f
			}
			if r.left > 0 {
				r.left--
			}
		}
		if r.left != 0 {
			kept = append(kept, r)
		}
	}
	for i := len(kept); i < len(fs.list); i++ {
		fs.list[i] = nil
	}
	fs.list = kept
	fs.n.Store(int32(len(kept)))
	return lat, act
}

// applyFaults runs the faults matching r; it reports whether r was answered.
func (s *Server) applyFaults(w http.ResponseWriter, r *http.Request) bool {
	lat, f := s.faults.take(r.Method, r.URL.Path)
	if lat > 0 {
		t := time.NewTimer(lat)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return true
		}
	}
	switch {
	case f == nil:
		return false
	case f.Drop:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler) // aborts the response without logging
	case f.Errcode != 0:
		status := f.Status
		if status == 0 {
			status = http.StatusOK
		}
		s.writeError(w, r, status, &Error{Code: f.Errcode, Msg: f.Errmsg})
	default:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(f.Status)
		fmt.Fprintf(w, "fakewechat: injected HTTP %d\n", f.Status)
	}
	return true
}
