package fakewechat

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)

// newFixed starts a server whose clock stands still at t0 (moved by Advance).
func newFixed(t *testing.T, opts ...Option) *Server {
	t.Helper()
	return NewTestServer(t, append([]Option{WithClock(func() time.Time { return t0 })}, opts...)...)
}

type answer struct {
	status int
	raw    []byte
	m      map[string]any
}

func (a answer) errcode() int {
	if v, ok := a.m["errcode"].(float64); ok {
		return int(v)
	}
	return 0
}

func (a answer) str(k string) string { s, _ := a.m[k].(string); return s }

func (a answer) num(k string) int { f, _ := a.m[k].(float64); return int(f) }

func call(t *testing.T, s *Server, method, pathQuery string, body any) answer {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, s.URL()+pathQuery, rd)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, pathQuery, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, raw: raw}
	json.Unmarshal(raw, &a.m) //nolint:errcheck // some answers are not JSON
	return a
}

func getToken(t *testing.T, s *Server, appid, secret string) answer {
	t.Helper()
	return call(t, s, "GET", "/cgi-bin/token?"+url.Values{"grant_type": {"client_credential"}, "appid": {appid}, "secret": {secret}}.Encode(), nil)
}

func mustToken(t *testing.T, s *Server) string {
	t.Helper()
	a := getToken(t, s, DefaultAppID, DefaultSecret)
	if tok := a.str("access_token"); tok != "" {
		return tok
	}
	t.Fatalf("no token: %s", a.raw)
	return ""
}

func stable(t *testing.T, s *Server, force bool) answer {
	t.Helper()
	return call(t, s, "POST", "/cgi-bin/stable_token", M{"grant_type": "client_credential", "appid": DefaultAppID, "secret": DefaultSecret, "force_refresh": force})
}

func ticket(t *testing.T, s *Server, tok, typ string) answer {
	t.Helper()
	return call(t, s, "GET", "/cgi-bin/ticket/getticket?"+url.Values{"access_token": {tok}, "type": {typ}}.Encode(), nil)
}

var ridRE = regexp.MustCompile(`, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$`)

// wantErr checks an error answer's errcode and errmsg prefix and rid.
func wantErr(t *testing.T, a answer, code int, msgPrefix string) {
	t.Helper()
	if a.errcode() != code {
		t.Fatalf("errcode %d, want %d (answer %s)", a.errcode(), code, a.raw)
	}
	msg := a.str("errmsg")
	if !strings.HasPrefix(msg, msgPrefix) || !ridRE.MatchString(msg) {
		t.Fatalf("errmsg %q, want prefix %q and a rid suffix", msg, msgPrefix)
	}
}
