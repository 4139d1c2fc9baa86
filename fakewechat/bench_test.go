package fakewechat

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkHandlerTicket measures the in-process cost of an authenticated
// API call (token check, counters, recording, JSON answer).
func BenchmarkHandlerTicket(b *testing.B) {
	s := New()
	tok, _ := s.IssueToken(DefaultAppID)
	target := "/cgi-bin/ticket/getticket?type=jsapi&access_token=" + tok
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			w := httptest.NewRecorder()
			s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
			if w.Code != 200 {
				b.Fatal(w.Code)
			}
		}
	})
}

// BenchmarkHTTPTicket measures the same call over loopback HTTP.
func BenchmarkHTTPTicket(b *testing.B) {
	s := NewTestServer(b)
	tok, _ := s.IssueToken(DefaultAppID)
	url := s.URL() + "/cgi-bin/ticket/getticket?type=jsapi&access_token=" + tok
	c := s.Client()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := c.Get(url)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body) //nolint:errcheck
			resp.Body.Close()
		}
	})
}
