package wechat

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
)

// FuzzDecodeResponse feeds arbitrary bodies to the response path: it must
// return an error or decode, never panic, and never report success for a
// body carrying a non-zero errcode.
func FuzzDecodeResponse(f *testing.F) {
	for _, s := range []string{
		`{"errcode":0,"errmsg":"ok","menu":{}}`,
		`{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: 6512a1b2-1c2d3e4f-5a6b7c8d"}`,
		`{"errcode":"x"}`, `[]`, ``, `null`, `{"errcode":-1}`, "\xff\xfe", `{"errmsg":"rid:"}`,
	} {
		f.Add([]byte(s), 200)
	}
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		if status < 100 || status > 999 {
			status = 200
		}
		c := &Client{}
		resp := &http.Response{StatusCode: status, Body: httpBody(body)}
		var out map[string]any
		err := c.decodeResponse(Endpoint{Method: "GET", Path: "/x"}, resp, &out)
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			if apiErr.Code == 0 {
				t.Fatal("APIError with errcode 0")
			}
			_ = apiErr.Error()
			return
		}
		var probe struct {
			Code int `json:"errcode"`
		}
		if err == nil && json.Unmarshal(body, &probe) == nil && probe.Code != 0 {
			t.Fatalf("errcode %d reported as success", probe.Code)
		}
		_ = parseRID(string(body))
	})
}

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }

func httpBody(b []byte) readCloser { return readCloser{strings.NewReader(string(b))} }
