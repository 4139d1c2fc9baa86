package fakewechat

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestInjectErrcodes(t *testing.T) {
	cases := []struct {
		code int
		msg  string
	}{
		{CodeSystemBusy, "system error"},
		{CodeInvalidCredential, "invalid credential, access_token is invalid or not latest"},
		{CodeTokenExpired, "access_token expired"},
		{CodeDailyQuota, "reach max api daily quota limit"},
		{CodeIPNotInWhitelist, "invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist"},
		{48001, "api unauthorized"},
		{99999, "errcode 99999"},
	}
	for _, c := range cases {
		t.Run(c.msg, func(t *testing.T) {
			s := newFixed(t)
			if err := s.Inject(Fault{Path: "GET /cgi-bin/token", Errcode: c.code, Times: 2}); err != nil {
				t.Fatal(err)
			}
			for range 2 {
				a := getToken(t, s, DefaultAppID, DefaultSecret)
				if a.status != http.StatusOK {
					t.Fatalf("status %d", a.status)
				}
				wantErr(t, a, c.code, c.msg)
			}
			mustToken(t, s)
			if n := s.Count("GET /cgi-bin/token"); n != 3 {
				t.Fatalf("count %d, want 3", n)
			}
			if len(s.Faults()) != 0 {
				t.Fatal("used-up fault kept")
			}
		})
	}
	s := newFixed(t)
	s.Inject(Fault{Errcode: 40164, Errmsg: "custom words"}) //nolint:errcheck
	wantErr(t, getToken(t, s, DefaultAppID, DefaultSecret), 40164, "custom words")
}

func TestFaultKinds(t *testing.T) {
	s := newFixed(t)
	tok := mustToken(t, s)
	tq := "/cgi-bin/ticket/getticket?type=jsapi&access_token=" + tok
	cases := []struct {
		name  string
		fault Fault
		check func(t *testing.T, a answer, elapsed time.Duration)
	}{
		{"latency", Fault{Path: "GET /cgi-bin/ticket/getticket", Latency: 80 * time.Millisecond, Times: 1}, func(t *testing.T, a answer, el time.Duration) {
			if el < 80*time.Millisecond || a.errcode() != 0 || a.str("ticket") == "" {
				t.Fatalf("after %v: %s", el, a.raw)
			}
		}},
		{"status", Fault{Path: "/cgi-bin/ticket/getticket", Status: 503, Times: 1}, func(t *testing.T, a answer, _ time.Duration) {
			if a.status != 503 || !strings.Contains(string(a.raw), "injected HTTP 503") {
				t.Fatalf("%d %s", a.status, a.raw)
			}
		}},
		{"status with errcode", Fault{Path: "/cgi-bin/*", Status: 502, Errcode: -1, Times: 1}, func(t *testing.T, a answer, _ time.Duration) {
			if a.status != 502 {
				t.Fatalf("status %d", a.status)
			}
			wantErr(t, a, -1, "system error")
		}},
		{"any path with latency and errcode", Fault{Latency: 30 * time.Millisecond, Errcode: 45009, Times: 1}, func(t *testing.T, a answer, el time.Duration) {
			if el < 30*time.Millisecond {
				t.Fatalf("no latency: %v", el)
			}
			wantErr(t, a, 45009, "reach max api daily quota limit")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := s.Inject(c.fault); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			a := call(t, s, "GET", tq, nil)
			c.check(t, a, time.Since(start))
			if a2 := call(t, s, "GET", tq, nil); a2.errcode() != 0 || a2.status != 200 {
				t.Fatalf("fault outlived Times: %d %s", a2.status, a2.raw)
			}
		})
	}
}

func TestFaultNonMatching(t *testing.T) {
	s := newFixed(t)
	s.Inject(Fault{Path: "POST /cgi-bin/token", Errcode: -1})  //nolint:errcheck
	s.Inject(Fault{Path: "GET /cgi-bin/token/x", Errcode: -1}) //nolint:errcheck
	s.Inject(Fault{Path: "GET /sns/*", Status: 500})           //nolint:errcheck
	mustToken(t, s)
	if got := len(s.Faults()); got != 3 {
		t.Fatalf("%d faults left, want 3 unlimited", got)
	}
	if call(t, s, "GET", "/fake/stats", nil).status != 200 {
		t.Fatal("fault applied to /fake/")
	}
	s.ClearFaults()
	if len(s.Faults()) != 0 {
		t.Fatal("ClearFaults")
	}
}

func TestFaultOrderFirstActionWins(t *testing.T) {
	s := newFixed(t)
	s.Inject(Fault{Path: "/cgi-bin/token", Latency: 10 * time.Millisecond, Times: 1}) //nolint:errcheck
	s.Inject(Fault{Path: "/cgi-bin/token", Errcode: 45009, Times: 1})                 //nolint:errcheck
	s.Inject(Fault{Path: "/cgi-bin/token", Errcode: -1, Times: 1})                    //nolint:errcheck
	wantErr(t, getToken(t, s, DefaultAppID, DefaultSecret), 45009, "reach max")
	wantErr(t, getToken(t, s, DefaultAppID, DefaultSecret), -1, "system error")
	mustToken(t, s)
}

func TestFaultDrop(t *testing.T) {
	s := newFixed(t)
	if err := s.Inject(Fault{Path: "POST /cgi-bin/stable_token", Drop: true, Times: 1}); err != nil {
		t.Fatal(err)
	}
	// POST is not retried by http.Transport, so the drop reaches the caller.
	req, _ := http.NewRequest("POST", s.URL()+"/cgi-bin/stable_token", strings.NewReader(`{}`))
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("dropped request answered %d", resp.StatusCode)
	}
	if a := stable(t, s, false); a.str("access_token") == "" {
		t.Fatalf("after drop: %s", a.raw)
	}
	if n := s.Count("POST /cgi-bin/stable_token"); n != 2 {
		t.Fatalf("count %d, want 2", n)
	}
}

func TestFaultDropWithoutHijacker(t *testing.T) {
	s := New()
	s.Inject(Fault{Drop: true}) //nolint:errcheck
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Fatalf("recovered %v, want http.ErrAbortHandler", r)
		}
	}()
	s.ServeHTTP(noHijack{}, mustReq(t, "GET", "/cgi-bin/token"))
}

type noHijack struct{}

func (noHijack) Header() http.Header         { return http.Header{} }
func (noHijack) Write(b []byte) (int, error) { return len(b), nil }
func (noHijack) WriteHeader(int)             {}

func mustReq(t *testing.T, method, target string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(method, "http://fake"+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.RemoteAddr = "127.0.0.1:1234"
	return r
}

func TestFaultValidate(t *testing.T) {
	bad := []Fault{
		{},
		{Path: "nope", Errcode: 1},
		{Path: "get /x", Errcode: 1},
		{Status: 42},
		{Status: 600},
		{Latency: -time.Second},
		{Latency: 2 * time.Hour},
		{Errcode: 1, Times: -1},
	}
	s := New()
	for _, f := range bad {
		if err := s.Inject(f); err == nil {
			t.Errorf("Inject(%+v) accepted", f)
		}
	}
	if len(s.Faults()) != 0 {
		t.Fatal("invalid fault stored")
	}
}

func TestFaultLatencyCancelled(t *testing.T) {
	s := newFixed(t)
	s.Inject(Fault{Latency: time.Minute}) //nolint:errcheck
	c := s.Client()
	c.Timeout = 50 * time.Millisecond
	start := time.Now()
	if _, err := c.Get(s.URL() + "/cgi-bin/token"); err == nil {
		t.Fatal("no timeout")
	}
	if time.Since(start) > 5*time.Second {
		t.Fatal("client timeout not honoured")
	}
}
