package fakewechat

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"testing"
)

func TestRejectsHTMLEscapesInBodies(t *testing.T) {
	s := newFixed(t)
	tok := mustToken(t, s)
	path := "/cgi-bin/menu/create?access_token=" + tok
	for _, esc := range []string{`A\u0026B`, `\u003cb\u003e`, `\u003Cb`, `x\u003E`} {
		a := call(t, s, "POST", path, `{"button":[{"type":"click","name":"`+esc+`","key":"k"}]}`)
		wantErr(t, a, CodeInvalidCharset, "invalid charset")
	}
	// Raw characters, other escapes and an escaped backslash are fine.
	for _, ok := range []string{`A&B <b>`, `\u4e2d`, `a\\u0026b`} {
		if a := call(t, s, "POST", path, `{"button":[{"type":"click","name":"`+ok+`","key":"k"}]}`); a.errcode() != 0 {
			t.Errorf("%s: %s", ok, a.raw)
		}
	}
	if !hasHTMLEscape([]byte(`\\\u0026`)) || hasHTMLEscape([]byte(`\u00`)) || hasHTMLEscape([]byte(`\u0027`)) {
		t.Error("hasHTMLEscape")
	}

	// In a multipart body, form fields are checked, files are not.
	upload := func(field, file string) answer {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("description", field)
		fw, _ := mw.CreateFormFile("media", "v.mp4")
		io.WriteString(fw, file)
		mw.Close()
		req, _ := http.NewRequest("POST", s.URL()+"/cgi-bin/material/add_material?type=video&access_token="+tok, &b)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		resp, err := s.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return answer{status: resp.StatusCode, raw: raw, m: decodeMap(raw)}
	}
	wantErr(t, upload(`{"title":"A\u0026B","introduction":""}`, "video"), CodeInvalidCharset, "invalid charset")
	if a := upload(`{"title":"A&B","introduction":""}`, `binary \u003c`); a.errcode() != 0 {
		t.Errorf("upload: %s", a.raw)
	}
}

func decodeMap(raw []byte) map[string]any {
	var m map[string]any
	json.Unmarshal(raw, &m) //nolint:errcheck // some answers are not JSON
	return m
}
