package fakewechat

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestConcurrentCounters(t *testing.T) {
	s := NewTestServer(t, WithMaxRecorded(100))
	tok, err := s.IssueToken(DefaultAppID)
	if err != nil {
		t.Fatal(err)
	}
	s.HandleJSON("POST /cgi-bin/count", func(r *Request) (any, error) {
		Value(r.State(), "n", func() *int { return new(int) })
		r.State().Do(func(m map[string]any) { *m["n"].(*int)++ })
		return nil, nil
	})
	const workers, each = 500, 4
	c := s.Client()
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range each {
				var resp *http.Response
				var err error
				switch (i + j) % 3 {
				case 0:
					resp, err = c.Get(s.URL() + "/cgi-bin/ticket/getticket?type=jsapi&access_token=" + tok)
				case 1:
					resp, err = c.Post(s.URL()+"/cgi-bin/count?access_token="+tok, "application/json", strings.NewReader("{}"))
				default:
					resp, err = c.Get(s.URL() + "/cgi-bin/token?grant_type=client_credential&appid=" + DefaultAppID + "&secret=" + DefaultSecret)
				}
				if err != nil {
					errs <- err
					return
				}
				var a map[string]any
				if err := json.NewDecoder(resp.Body).Decode(&a); err != nil || a["errcode"] != nil && a["errcode"] != 0.0 {
					errs <- fmt.Errorf("answer %v, %v", a, err)
				}
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	want := map[string]int64{}
	for i := range workers {
		for j := range each {
			want[[]string{"GET /cgi-bin/ticket/getticket", "POST /cgi-bin/count", "GET /cgi-bin/token"}[(i+j)%3]]++
		}
	}
	got := s.Stats()
	for k, n := range want {
		if got[k] != n || int64(s.Count(k)) != n {
			t.Errorf("%s: stats %d, count %d, want %d", k, got[k], s.Count(k), n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("stats %v, want %v", got, want)
	}
	if n := *Value(s.State(DefaultAppID), "n", func() *int { return new(int) }); int64(n) != want["POST /cgi-bin/count"] {
		t.Errorf("state counter %d, want %d", n, want["POST /cgi-bin/count"])
	}
	if len(s.Requests()) != 100 {
		t.Errorf("recorded %d, want the last 100", len(s.Requests()))
	}
}

func TestRecordedRequests(t *testing.T) {
	s := newFixed(t, WithMaxRecorded(3))
	req, _ := http.NewRequest("POST", s.URL()+"/cgi-bin/stable_token?x=1", strings.NewReader(`{"grant_type":"client_credential"}`))
	req.Header.Set("X-Test", "yes")
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	r, ok := s.LastRequest("POST /cgi-bin/stable_token")
	if !ok || r.Query.Get("x") != "1" || r.Header.Get("X-Test") != "yes" || string(r.Body) != `{"grant_type":"client_credential"}` || !r.Time.Equal(t0) || r.Key() != "POST /cgi-bin/stable_token" {
		t.Fatalf("recorded %+v", r)
	}
	r.Body[0] = 'X'
	r.Query.Set("x", "2")
	if r2, _ := s.LastRequest("/cgi-bin/stable_token"); r2.Body[0] != '{' || r2.Query.Get("x") != "1" {
		t.Fatal("LastRequest returned shared memory")
	}
	for i := range 4 {
		call(t, s, "GET", fmt.Sprintf("/cgi-bin/n%d", i), nil)
	}
	call(t, s, "GET", "/fake/stats", nil)
	rs := s.Requests()
	if len(rs) != 3 || rs[0].Path != "/cgi-bin/n1" || rs[2].Path != "/cgi-bin/n3" {
		t.Fatalf("ring: %v", paths(rs))
	}
	if _, ok := s.LastRequest("POST /cgi-bin/stable_token"); ok {
		t.Fatal("evicted request still found")
	}
	if _, ok := s.LastRequest("bad pattern"); ok {
		t.Fatal("bad pattern matched")
	}
	off := newFixed(t, WithMaxRecorded(0))
	mustToken(t, off)
	if len(off.Requests()) != 0 || off.Count("GET /cgi-bin/token") != 1 {
		t.Fatal("recording not disabled, or counting disabled with it")
	}
}

func paths(rs []RecordedRequest) []string {
	var p []string
	for _, r := range rs {
		p = append(p, r.Path)
	}
	return p
}

func TestCountAnyMethod(t *testing.T) {
	s := newFixed(t)
	call(t, s, "GET", "/cgi-bin/stable_token", nil)
	stable(t, s, false)
	if s.Count("/cgi-bin/stable_token") != 2 || s.Count("POST /cgi-bin/stable_token") != 1 || s.Count("GET /nothing") != 0 {
		t.Fatal(s.Stats())
	}
}

func TestAdminEndpoints(t *testing.T) {
	s := newFixed(t)
	tok := mustToken(t, s)
	mustToken(t, s)

	// /fake/stats shape: a flat object "METHOD /path" -> count.
	a := call(t, s, "GET", "/fake/stats", nil)
	var stats map[string]int
	if err := json.Unmarshal(a.raw, &stats); err != nil || len(stats) != 1 || stats["GET /cgi-bin/token"] != 2 {
		t.Fatalf("stats %s (%v)", a.raw, err)
	}

	steps := []struct {
		method, path string
		body         any
		status       int
	}{
		{"POST", "/fake/faults", `{"path":"GET /cgi-bin/token","errcode":45009,"times":1,"latency":"5ms"}`, 200},
		{"POST", "/fake/faults", `{"path":"/cgi-bin/ticket/getticket","status":503,"times":2,"latency":1}`, 200},
		{"POST", "/fake/faults", `{"path":"x"}`, 400},
		{"POST", "/fake/faults", `{"errcode":1,"latency":"soon"}`, 400},
		{"POST", "/fake/faults", `{"errcode":1,"latency":-5}`, 400},
		{"POST", "/fake/faults", `{"status":42}`, 400},
		{"POST", "/fake/faults", `not json`, 400},
		{"POST", "/fake/clock", `{"advance":"-1h"}`, 400},
		{"POST", "/fake/clock", `{"advance":1}`, 400},
		{"GET", "/fake/nothing", nil, 404},
		{"GET", "/fake/reset", nil, 404},
	}
	for _, st := range steps {
		if a := call(t, s, st.method, st.path, st.body); a.status != st.status {
			t.Fatalf("%s %s %v: %d %s", st.method, st.path, st.body, a.status, a.raw)
		}
	}
	var faults []Fault
	if err := json.Unmarshal(call(t, s, "GET", "/fake/faults", nil).raw, &faults); err != nil || len(faults) != 2 ||
		faults[0].Latency != 5*time.Millisecond || faults[1].Latency != time.Millisecond || faults[1].Status != 503 || faults[1].Times != 2 {
		t.Fatalf("faults %+v %v", faults, err)
	}
	wantErr(t, getToken(t, s, DefaultAppID, DefaultSecret), 45009, "reach max")
	call(t, s, "DELETE", "/fake/faults", nil)
	if len(s.Faults()) != 0 {
		t.Fatal("DELETE /fake/faults")
	}

	var recs []RecordedRequest
	if err := json.Unmarshal(call(t, s, "GET", "/fake/requests", nil).raw, &recs); err != nil || len(recs) != 3 || recs[0].Path != "/cgi-bin/token" {
		t.Fatalf("requests %v %v", recs, err)
	}

	if a := call(t, s, "POST", "/fake/clock", `{"advance":"1h"}`); a.num("now") != int(t0.Add(time.Hour).Unix()) {
		t.Fatalf("clock: %s", a.raw)
	}
	call(t, s, "POST", "/fake/expire", nil)
	wantErr(t, ticket(t, s, tok, "jsapi"), CodeInvalidCredential, "invalid credential") // superseded first
	newTok := mustToken(t, s)
	call(t, s, "POST", "/fake/expire", nil)
	wantErr(t, ticket(t, s, newTok, "jsapi"), CodeTokenExpired, "access_token expired")

	s.Inject(Fault{Errcode: -1}) //nolint:errcheck
	if a := call(t, s, "POST", "/fake/reset", nil); a.errcode() != 0 {
		t.Fatalf("reset: %s", a.raw)
	}
	if len(s.Stats()) != 0 || len(s.Requests()) != 0 || len(s.Faults()) != 0 {
		t.Fatal("reset left stats, requests or faults")
	}
	wantErr(t, ticket(t, s, newTok, "jsapi"), CodeInvalidCredential, "invalid credential")
	if len(s.Stats()) != 1 {
		t.Fatalf("after reset: %v", s.Stats())
	}
}

func TestFaultJSONRoundTrip(t *testing.T) {
	f := Fault{Path: "POST /x", Latency: 1500 * time.Millisecond, Drop: true, Status: 502, Errcode: -1, Errmsg: "m", Times: 3}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"latency":"1.5s"`) {
		t.Fatalf("encoded %s", b)
	}
	var g Fault
	if err := json.Unmarshal(b, &g); err != nil || g != f {
		t.Fatalf("round trip %+v, %v", g, err)
	}
}

func TestStartTwiceAndShutdown(t *testing.T) {
	s := New()
	u1, err := s.Start()
	if err != nil {
		t.Fatal(err)
	}
	if u2, _ := s.Start(); u2 != u1 || s.URL() != u1 {
		t.Fatal("second Start changed the URL")
	}
	if err := s.Shutdown(t.Context()); err != nil {
		t.Fatal(err)
	}
	if s.Shutdown(t.Context()) != nil || s.Close() != nil {
		t.Fatal("stopping twice failed")
	}
	if _, err := New(WithAddr("256.1.1.1:1")).Start(); err == nil {
		t.Fatal("bad address accepted")
	}
}

type fakeTB struct {
	cleanups []func()
	fatal    string
}

func (f *fakeTB) Helper()                        {}
func (f *fakeTB) Cleanup(fn func())              { f.cleanups = append(f.cleanups, fn) }
func (f *fakeTB) Fatalf(format string, a ...any) { f.fatal = fmt.Sprintf(format, a...) }

func TestNewTestServerTB(t *testing.T) {
	var tb fakeTB
	s := NewTestServer(&tb)
	if len(tb.cleanups) != 1 || s.URL() == "" {
		t.Fatal("no cleanup registered")
	}
	tb.cleanups[0]()
	if _, err := http.Get(s.URL() + "/fake/stats"); err == nil {
		t.Fatal("server alive after cleanup")
	}
	var bad fakeTB
	NewTestServer(&bad, WithAddr("256.1.1.1:1"))
	if !strings.Contains(bad.fatal, "listen") {
		t.Fatalf("fatal %q", bad.fatal)
	}
}
