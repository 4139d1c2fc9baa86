package fakewechat

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

func oaMultipart(t testing.TB, filename string, data []byte, fields map[string]string) (string, []byte) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v) //nolint:errcheck // in-memory
	}
	if filename != "" {
		w, err := mw.CreateFormFile("media", filename)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data) //nolint:errcheck // in-memory
	}
	mw.Close()
	return mw.FormDataContentType(), b.Bytes()
}

// FuzzOAMaterialUpload posts arbitrary bodies to the multipart endpoints: the
// fake must answer WeChat-shaped JSON, never panic, and keep what it
// accepted.
func FuzzOAMaterialUpload(f *testing.F) {
	ct, body := oaMultipart(f, "a.jpg", []byte("jpeg"), nil)
	f.Add("image", ct, body)
	ct, body = oaMultipart(f, "v.mp4", []byte("mp4"), map[string]string{"description": `{"title":"t","introduction":"i"}`})
	f.Add("video", ct, body)
	ct, body = oaMultipart(f, "", nil, map[string]string{"x": "y"})
	f.Add("voice", ct, body)
	f.Add("thumb", "multipart/form-data; boundary=zz", []byte("--zz\r\nContent-Disposition: form-data; name=\"media\"; filename=\"t.jpg\"\r\n\r\nabc\r\n--zz--"))
	f.Add("image", "text/plain", []byte("not multipart"))
	s := New()
	tok, err := s.IssueToken(DefaultAppID)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, typ, contentType string, body []byte) {
		for _, path := range []string{"/cgi-bin/media/upload", "/cgi-bin/material/add_material", "/cgi-bin/media/uploadimg"} {
			q := url.Values{"access_token": {tok}, "type": {typ}}
			req := httptest.NewRequest(http.MethodPost, path+"?"+q.Encode(), bytes.NewReader(body))
			req.Header.Set("Content-Type", contentType)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			var ans map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &ans); err != nil {
				t.Fatalf("%s answered %q", path, rec.Body.Bytes())
			}
			_, hasCode := ans["errcode"]
			_, hasID := ans["media_id"]
			_, hasThumb := ans["thumb_media_id"]
			_, hasURL := ans["url"]
			if !hasCode && !hasID && !hasThumb && !hasURL {
				t.Fatalf("%s answered %v", path, ans)
			}
		}
	})
}

func TestOAMaterialUploadRejects(t *testing.T) {
	s := New()
	tok, err := s.IssueToken(DefaultAppID)
	if err != nil {
		t.Fatal(err)
	}
	post := func(path, typ, ct string, body []byte) int {
		req := httptest.NewRequest(http.MethodPost, path+"?access_token="+tok+"&type="+typ, bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		var ans struct {
			Errcode int `json:"errcode"`
		}
		json.Unmarshal(rec.Body.Bytes(), &ans) //nolint:errcheck // zero on failure
		return ans.Errcode
	}
	ct, body := oaMultipart(t, "", nil, map[string]string{"x": "y"})
	if code := post("/cgi-bin/media/upload", "image", ct, body); code != CodeMediaDataMissing {
		t.Errorf("no file part: errcode %d", code)
	}
	ct, body = oaMultipart(t, "a.jpg", []byte("x"), nil)
	if code := post("/cgi-bin/media/upload", "news", ct, body); code != CodeInvalidMediaType {
		t.Errorf("type news: errcode %d", code)
	}
	ct, body = oaMultipart(t, "a.mp4", []byte("x"), map[string]string{"description": `{"introduction":"no title"}`})
	if code := post("/cgi-bin/material/add_material", "video", ct, body); code != CodeInvalidArgs {
		t.Errorf("video without title: errcode %d", code)
	}
	ct, body = oaMultipart(t, "a.jpg", bytes.Repeat([]byte("x"), 1<<20+1), nil)
	if code := post("/cgi-bin/media/uploadimg", "", ct, body); code != CodeInvalidImageSize {
		t.Errorf("uploadimg over 1MB: errcode %d", code)
	}
}
