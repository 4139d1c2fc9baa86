package fakewechat

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// FuzzServeHTTP sends arbitrary requests to the handler: it must never panic
// and always answer JSON.
func FuzzServeHTTP(f *testing.F) {
	f.Add("GET", "/cgi-bin/token", "grant_type=client_credential&appid="+DefaultAppID+"&secret="+DefaultSecret, "")
	f.Add("POST", "/cgi-bin/stable_token", "", `{"grant_type":"client_credential","appid":"`+DefaultAppID+`","secret":"`+DefaultSecret+`","force_refresh":true}`)
	f.Add("GET", "/cgi-bin/ticket/getticket", "access_token=x&type=jsapi", "")
	f.Add("POST", "/fake/faults", "", `{"path":"GET /x","latency":"1ms","errcode":-1,"times":1}`)
	f.Add("POST", "/fake/clock", "", `{"advance":"1h"}`)
	f.Add("DELETE", "/nope", "%zz", "\x00")
	f.Fuzz(func(t *testing.T, method, path, query, body string) {
		if method == "" || strings.ContainsAny(method, " \t\r\n()<>@,;:\\\"/[]?={}") {
			return
		}
		s := New(WithClock(func() time.Time { return t0 }))
		s.HandleJSON("POST /cgi-bin/echo", func(r *Request) (any, error) {
			m, err := r.JSON()
			return m, err
		})
		r := httptest.NewRequest(http.MethodGet, "/", strings.NewReader(body))
		r.Method = method
		r.URL.Path = "/" + strings.TrimLeft(path, "/")
		r.URL.RawQuery = query
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("%s %s?%s: answer %d %q is not JSON", method, r.URL.Path, query, w.Code, w.Body.Bytes())
		}
	})
}

// FuzzFaultJSON decodes arbitrary control-API fault bodies: a fault that
// decodes and validates must be injectable and round-trip through JSON.
func FuzzFaultJSON(f *testing.F) {
	f.Add(`{"path":"POST /cgi-bin/menu/create","errcode":-1,"times":2}`)
	f.Add(`{"latency":250,"status":503}`)
	f.Add(`{"latency":"1.5s","drop":true}`)
	f.Add(`{"latency":[]}`)
	f.Fuzz(func(t *testing.T, in string) {
		var fl Fault
		if err := json.Unmarshal([]byte(in), &fl); err != nil {
			return
		}
		if fl.Validate() != nil {
			return
		}
		s := New()
		if err := s.Inject(fl); err != nil {
			t.Fatalf("valid fault refused: %v", err)
		}
		b, err := json.Marshal(fl)
		if err != nil {
			t.Fatal(err)
		}
		var back Fault
		if err := json.Unmarshal(b, &back); err != nil || back != fl {
			t.Fatalf("round trip of %+v: %+v, %v (json %s)", fl, back, err, b)
		}
	})
}
