package wechat

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

var scanErrcodeSeeds = []string{
	`{"errcode":0,"errmsg":"ok","menu":{}}`,
	`{"errcode":40001,"errmsg":"invalid credential"}`,
	`{"menu":{"errcode":5},"list":[{"errcode":7}],"s":"\"errcode\":9"}`,
	`{"errcode":1,"ErrCode":2}`, `{"errCode":-1}`, `{"errcode":null}`, `{"errcode":1,"errcode":null}`,
	`{"errcode":1.0}`, `{"errcode":1e2}`, `{"errcode":"1"}`, `{"errcode":01}`, `{"errcode":-0}`,
	`{"errcod\u0065":3}`, `{"errcode":99999999999999999999}`, `{"a":"\\","errcode":4}`,
	` { "errcode" : 12 , "x" : [ 1, {"y": "}"} ] } `, `[]`, ``, `null`, `{`, `{"errcode":1`, `{"errcode":1}x`,
}

func TestScanErrcode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		code int
		ok   bool
	}{
		{`{"errcode":0,"errmsg":"ok","menu":{}}`, 0, true},
		{`{"menu":{"errcode":5},"list":[{"errcode":7}],"s":"\"errcode\":9"}`, 0, true},
		{`{"errcode":1,"ErrCode":2}`, 2, true},
		{`{"a":"\\","errcode":4}`, 4, true},
		{` { "errcode" : 12 , "x" : [ 1, {"y": "}"} ] } `, 12, true},
		{`{"errcode":-40001}`, -40001, true},
		{`{"errcode":null}`, 0, false},
		{`{"errcode":1.0}`, 0, false},
		{`{"errcode":"1"}`, 0, false},
		{`{"errcod\u0065":3}`, 0, false},
		{`[]`, 0, false},
	} {
		code, ok := scanErrcode([]byte(tc.in))
		if code != tc.code || ok != tc.ok {
			t.Errorf("scanErrcode(%s) = %d, %v; want %d, %v", tc.in, code, ok, tc.code, tc.ok)
		}
	}
}

// FuzzScanErrcode checks the scanner against encoding/json: whenever the
// body is valid JSON that decodes into an errcode field and the scanner
// answers, both must agree.
func FuzzScanErrcode(f *testing.F) {
	for _, s := range scanErrcodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		code, ok := scanErrcode(data)
		var probe struct {
			Code int `json:"errcode"`
		}
		if !ok || json.Unmarshal(data, &probe) != nil {
			return
		}
		if probe.Code != code {
			t.Fatalf("scanErrcode(%q) = %d, encoding/json %d", data, code, probe.Code)
		}
	})
}

func BenchmarkCheckErrcode(b *testing.B) {
	body := []byte(`{"errcode":0,"errmsg":"ok","menu":{"button":[{"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC","sub_button":[]},{"type":"view","name":"搜索","url":"http://www.soso.com/","sub_button":[]}]}}`)
	ep := Endpoint{Method: "GET", Path: "/cgi-bin/menu/get"}
	b.ReportAllocs()
	for range b.N {
		if err := checkErrcode(ep, 200, body); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWriteQueryMatchesEncode(t *testing.T) {
	for _, q := range []url.Values{
		{"a": {"1"}},
		{"type": {"jsapi"}, "b": {"x y", "&="}, "中文": {"值"}, "": {""}},
		func() url.Values {
			q := url.Values{}
			for i := range 40 {
				q.Add("k"+strconv.Itoa(i), strconv.Itoa(i))
			}
			return q
		}(),
	} {
		var b strings.Builder
		writeQuery(&b, q)
		if b.String() != q.Encode() {
			t.Errorf("writeQuery = %q, Encode = %q", b.String(), q.Encode())
		}
	}
}
