package fakewechat

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestHandleJSON(t *testing.T) {
	s := newFixed(t)
	s.HandleJSON("POST /cgi-bin/menu/create", func(r *Request) (any, error) {
		m, err := r.JSON()
		if err != nil {
			return nil, err
		}
		r.State().Set("menu", m)
		return nil, nil
	})
	s.HandleJSON("GET /cgi-bin/menu/get", func(r *Request) (any, error) {
		m, ok := r.State().Get("menu")
		if !ok {
			return nil, Errorf(46003, "menu no exist")
		}
		return M{"menu": m, "appid": r.AppID, "q": r.Query.Get("x")}, nil
	})
	s.HandleJSON("GET /t/wrapped", func(r *Request) (any, error) {
		return nil, fmt.Errorf("context: %w", ErrCode(CodeDailyQuota))
	})
	s.HandleJSON("GET /t/plain", func(r *Request) (any, error) { return nil, errors.New("boom") })
	s.HandleJSON("GET /t/raw-json", func(r *Request) (any, error) { return json.RawMessage(`{"x":1}`), nil })
	s.HandleJSON("GET /t/unmarshalable", func(r *Request) (any, error) { return func() {}, nil })
	s.HandleJSON("/t/anymethod", func(r *Request) (any, error) { return OK(M{"m": r.HTTP.Method}), nil })
	s.HandleJSON("GET /t/public", func(r *Request) (any, error) { return M{"appid": r.AppID}, nil }, Public())
	s.HandleJSON("GET /v3/items/*", func(r *Request) (any, error) { return M{"id": strings.TrimPrefix(r.HTTP.URL.Path, "/v3/items/")}, nil }, Public())
	s.HandleJSON("GET /v3/items/special/*", func(r *Request) (any, error) { return M{"special": true}, nil }, Public())
	s.HandleRaw("POST /cgi-bin/media/upload", func(w http.ResponseWriter, r *Request) {
		if err := r.HTTP.ParseMultipartForm(1 << 20); err != nil {
			s.WriteError(w, r.HTTP, ErrCode(41005))
			return
		}
		f, h, err := r.HTTP.FormFile("media")
		if err != nil {
			s.WriteError(w, r.HTTP, Errorf(41005, "media data missing"))
			return
		}
		f.Close()
		WriteJSON(w, 200, M{"type": r.Query.Get("type"), "media_id": "m-" + h.Filename, "len": len(r.Body) > 0})
	})

	tok := mustToken(t, s)
	q := "?access_token=" + tok
	wantErr(t, call(t, s, "GET", "/cgi-bin/menu/get"+q, nil), 46003, "menu no exist")
	wantErr(t, call(t, s, "POST", "/cgi-bin/menu/create"+q, "[1]"), CodeDataFormat, "data format error")
	wantErr(t, call(t, s, "POST", "/cgi-bin/menu/create"+q, "null"), CodeDataFormat, "data format error")
	wantErr(t, call(t, s, "POST", "/cgi-bin/menu/create"+q, ""), CodeEmptyPostData, "empty post data")
	if a := call(t, s, "POST", "/cgi-bin/menu/create"+q, M{"button": []any{M{"name": "a"}}}); a.errcode() != 0 || a.str("errmsg") != "ok" {
		t.Fatalf("create: %s", a.raw)
	}
	a := call(t, s, "GET", "/cgi-bin/menu/get"+q+"&x=y", nil)
	if a.str("appid") != DefaultAppID || a.str("q") != "y" || a.m["menu"] == nil {
		t.Fatalf("get: %s", a.raw)
	}
	wantErr(t, call(t, s, "GET", "/t/wrapped"+q, nil), 45009, "reach max")
	wantErr(t, call(t, s, "GET", "/t/plain"+q, nil), -1, "system error")
	if a := call(t, s, "GET", "/t/raw-json"+q, nil); string(a.raw) != `{"x":1}` {
		t.Fatalf("raw json: %s", a.raw)
	}
	if a := call(t, s, "GET", "/t/unmarshalable"+q, nil); a.status != 500 || a.errcode() != -1 {
		t.Fatalf("unmarshalable: %d %s", a.status, a.raw)
	}
	for _, m := range []string{"GET", "POST", "DELETE"} {
		if a := call(t, s, m, "/t/anymethod"+q, nil); a.str("m") != m || a.errcode() != 0 {
			t.Fatalf("%s: %s", m, a.raw)
		}
	}
	wantErr(t, call(t, s, "GET", "/t/anymethod", nil), CodeTokenMissing, "access_token missing")
	if a := call(t, s, "GET", "/t/public", nil); a.errcode() != 0 || a.str("appid") != "" {
		t.Fatalf("public: %s", a.raw)
	}
	if a := call(t, s, "GET", "/v3/items/42", nil); a.str("id") != "42" {
		t.Fatalf("prefix: %s", a.raw)
	}
	if a := call(t, s, "GET", "/v3/items/special/1", nil); a.m["special"] != true {
		t.Fatalf("longest prefix: %s", a.raw)
	}

	// Multipart through the raw handler.
	body := "--B\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEG\r\n--B--\r\n"
	req, _ := http.NewRequest("POST", s.URL()+"/cgi-bin/media/upload"+q+"&type=image", strings.NewReader(body))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=B")
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var up map[string]any
	json.NewDecoder(resp.Body).Decode(&up) //nolint:errcheck
	resp.Body.Close()
	if up["media_id"] != "m-a.jpg" || up["type"] != "image" || up["len"] != true {
		t.Fatalf("upload: %v", up)
	}
	if a := call(t, s, "POST", "/cgi-bin/media/upload"+q, "x"); a.errcode() != 41005 {
		t.Fatalf("upload without media: %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/cgi-bin/media/upload", "x"), CodeTokenMissing, "access_token missing")

	// Replacing a handler.
	s.HandleJSON("GET /t/public", func(r *Request) (any, error) { return M{"v": 2}, nil }, Public())
	if a := call(t, s, "GET", "/t/public", nil); a.num("v") != 2 {
		t.Fatalf("replaced: %s", a.raw)
	}
}

func TestRouting404AndMethod(t *testing.T) {
	s := newFixed(t)
	cases := []struct {
		method, path string
		status, code int
		msg          string
	}{
		{"GET", "/cgi-bin/nope", 404, CodeInvalidURL, "invalid url"},
		{"GET", "/", 404, CodeInvalidURL, "invalid url"},
		{"GET", "/cgi-bin/stable_token", 200, CodeRequirePOST, "require POST method"},
		{"PUT", "/cgi-bin/token", 200, CodeRequireGET, "require GET method"},
	}
	for _, c := range cases {
		a := call(t, s, c.method, c.path, nil)
		if a.status != c.status {
			t.Fatalf("%s %s: status %d, want %d", c.method, c.path, a.status, c.status)
		}
		wantErr(t, a, c.code, c.msg)
	}
	if s.Count("GET /cgi-bin/nope") != 1 {
		t.Fatal("unknown path not counted")
	}
}

func TestHandleBadPatternPanics(t *testing.T) {
	for _, p := range []string{"GET", "get /x", "GET x", "/a b/c", "GET /a?b"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("pattern %q accepted", p)
				}
			}()
			New().HandleJSON(p, func(*Request) (any, error) { return nil, nil })
		}()
	}
	defer func() {
		if recover() == nil {
			t.Error("nil handler accepted")
		}
	}()
	New().HandleRaw("GET /x", nil)
}

func TestBuiltinRegistration(t *testing.T) {
	saved := builtin
	t.Cleanup(func() { builtin = saved })
	builtin = append(builtin[:len(builtin):len(builtin)], func(s *Server) {
		s.HandleJSON("GET /cgi-bin/builtin", func(r *Request) (any, error) { return OK(M{"appid": r.AppID}), nil })
	})
	s := newFixed(t)
	a := call(t, s, "GET", "/cgi-bin/builtin?access_token="+mustToken(t, s), nil)
	if a.str("appid") != DefaultAppID {
		t.Fatalf("builtin: %s", a.raw)
	}
}

func TestState(t *testing.T) {
	s := New()
	st := s.State("a")
	if st != s.State("a") || st == s.State("b") {
		t.Fatal("State identity")
	}
	st.Set("k", 1)
	if v, ok := st.Get("k"); !ok || v != 1 {
		t.Fatal("Get")
	}
	st.Do(func(m map[string]any) { m["k"] = m["k"].(int) + 1 })
	if v, _ := st.Get("k"); v != 2 {
		t.Fatal("Do")
	}
	if !st.Delete("k") || st.Delete("k") {
		t.Fatal("Delete")
	}
	calls := 0
	mk := func() map[string]int { calls++; return map[string]int{} }
	m1 := Value(st, "m", mk)
	m1["x"] = 1
	if m2 := Value(st, "m", mk); m2["x"] != 1 || calls != 1 {
		t.Fatal("Value did not keep the value")
	}
	s.Reset()
	if _, ok := s.State("a").Get("m"); ok {
		t.Fatal("Reset kept state")
	}
}

func TestOK(t *testing.T) {
	in := M{"a": 1}
	out := OK(in)
	if out["errcode"] != 0 || out["errmsg"] != "ok" || out["a"] != 1 || len(in) != 1 {
		t.Fatalf("OK: %v (input %v)", out, in)
	}
}

func TestErrorString(t *testing.T) {
	e := Errorf(45009, "slow down %d", 1)
	if e.Error() != "fakewechat: errcode 45009: slow down 1" {
		t.Fatal(e.Error())
	}
	if !strings.Contains(ErrCode(40164).Error(), "not in whitelist") {
		t.Fatal(ErrCode(40164).Error())
	}
}
