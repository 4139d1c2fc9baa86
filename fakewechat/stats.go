package fakewechat

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type counters struct{ m sync.Map } // "METHOD /path" -> *atomic.Int64

func (c *counters) inc(key string) {
	v, ok := c.m.Load(key)
	if !ok {
		v, _ = c.m.LoadOrStore(key, new(atomic.Int64))
	}
	v.(*atomic.Int64).Add(1)
}

func (c *counters) reset() { c.m.Clear() }

// Stats returns the number of API requests received per "METHOD /path"
// (without query). /fake/ requests are not counted.
func (s *Server) Stats() map[string]int64 {
	out := map[string]int64{}
	s.counts.m.Range(func(k, v any) bool {
		if n := v.(*atomic.Int64).Load(); n > 0 {
			out[k.(string)] = n
		}
		return true
	})
	return out
}

// Count returns the number of requests received for "METHOD /path", or for
// "/path" with any method.
func (s *Server) Count(pattern string) int {
	pattern = strings.TrimSpace(pattern)
	if strings.HasPrefix(pattern, "/") {
		var n int64
		s.counts.m.Range(func(k, v any) bool {
			if _, p, _ := strings.Cut(k.(string), " "); p == pattern {
				n += v.(*atomic.Int64).Load()
			}
			return true
		})
		return int(n)
	}
	if v, ok := s.counts.m.Load(pattern); ok {
		return int(v.(*atomic.Int64).Load())
	}
	return 0
}

// RecordedRequest is a copy of a request received by the server.
type RecordedRequest struct {
	Time   time.Time   `json:"time"` // server clock
	Method string      `json:"method"`
	Path   string      `json:"path"`
	Query  url.Values  `json:"query"`
	Header http.Header `json:"header"`
	Body   []byte      `json:"body"`
}

// Key returns "METHOD /path".
func (r RecordedRequest) Key() string { return r.Method + " " + r.Path }

type recorder struct {
	mu    sync.Mutex
	max   int
	buf   []RecordedRequest
	start int // index of the oldest once len(buf) == max
}

func (rc *recorder) add(r *http.Request, body []byte, now time.Time) {
	if rc.max == 0 {
		return
	}
	rr := RecordedRequest{
		Time: now, Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(),
		Header: r.Header.Clone(), Body: append([]byte(nil), body...),
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.buf) < rc.max {
		rc.buf = append(rc.buf, rr)
		return
	}
	rc.buf[rc.start] = rr
	rc.start = (rc.start + 1) % rc.max
}

func (rc *recorder) reset() {
	rc.mu.Lock()
	rc.buf, rc.start = nil, 0
	rc.mu.Unlock()
}

// Requests returns copies of the recorded requests, oldest first.
func (s *Server) Requests() []RecordedRequest {
	rc := &s.recorder
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := make([]RecordedRequest, 0, len(rc.buf))
	out = append(out, rc.buf[rc.start:]...)
	out = append(out, rc.buf[:rc.start]...)
	for i := range out {
		out[i] = out[i].clone()
	}
	return out
}

// LastRequest returns the most recent recorded request matching pattern
// ("METHOD /path" or "/path").
func (s *Server) LastRequest(pattern string) (RecordedRequest, bool) {
	method, path, prefix, err := parsePattern(pattern)
	if err != nil {
		return RecordedRequest{}, false
	}
	rt := route{method: method, path: path, prefix: prefix}
	rc := &s.recorder
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for i := len(rc.buf) - 1; i >= 0; i-- {
		r := rc.buf[(rc.start+i)%len(rc.buf)]
		if rt.matches(r.Method, r.Path) {
			return r.clone(), true
		}
	}
	return RecordedRequest{}, false
}

func (r RecordedRequest) clone() RecordedRequest {
	c := r
	c.Query = url.Values{}
	for k, v := range r.Query {
		c.Query[k] = append([]string(nil), v...)
	}
	c.Header = r.Header.Clone()
	c.Body = append([]byte(nil), r.Body...)
	return c
}
