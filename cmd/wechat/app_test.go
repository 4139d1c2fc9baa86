package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestTokenCommand(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	store := "file:" + filepath.Join(t.TempDir(), "tokens.json")
	args := []string{"token", "--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret, "--base-url", srv.URL(), "--store", store}
	code, out, errs := runCLI(t, "", args...)
	if code != 0 || strings.Count(out, "\n") != 1 || len(strings.TrimSpace(out)) < 10 {
		t.Fatalf("code %d out %q err %q", code, out, errs)
	}
	// A second run reads the file store: no new token request.
	code, out2, _ := runCLI(t, "", args...)
	if code != 0 || out2 != out || srv.Count("POST /cgi-bin/stable_token") != 1 {
		t.Fatalf("second run: %q vs %q, %d token requests", out2, out, srv.Count("POST /cgi-bin/stable_token"))
	}
}

func TestTokenCommandFromEnvironment(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	t.Setenv("WECHAT_APPID", fakewechat.DefaultAppID)
	t.Setenv("WECHAT_SECRET", fakewechat.DefaultSecret)
	t.Setenv("WECHAT_BASE_URL", srv.URL())
	t.Setenv("WECHAT_STORE", "memory")
	if code, out, errs := runCLI(t, "", "token"); code != 0 || out == "" {
		t.Fatalf("code %d out %q err %q", code, out, errs)
	}
}

func TestTokenCommandErrors(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	code, out, errs := runCLI(t, "", "token", "--appid", fakewechat.DefaultAppID, "--secret", "wrong-secret-value", "--base-url", srv.URL(), "--store", "memory")
	if code == 0 || out != "" || !strings.Contains(errs, "40125") || strings.Contains(errs, "wrong-secret-value") {
		t.Fatalf("code %d out %q err %q", code, out, errs)
	}
	if code, _, errs := runCLI(t, "", "token", "--appid", "a", "--secret", "b", "--store", "bogus"); code == 0 || !strings.Contains(errs, "unknown store") {
		t.Fatalf("code %d err %q", code, errs)
	}
	if code, _, errs := runCLI(t, "", "token", "--store", "memory"); code == 0 || !strings.Contains(errs, "required") {
		t.Fatalf("code %d err %q", code, errs)
	}
}

func TestAPICommand(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	srv.HandleJSON("POST /test/echo", func(r *fakewechat.Request) (any, error) {
		m, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return fakewechat.OK(fakewechat.M{"got": m, "q": r.Query.Get("k")}), nil
	})
	common := []string{"--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret, "--base-url", srv.URL(), "--store", "memory"}
	code, out, errs := runCLI(t, "", append([]string{"api", "POST", "/test/echo", "-d", `{"a":1}`, "-q", "k=v"}, common...)...)
	if code != 0 {
		t.Fatalf("code %d err %q", code, errs)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil || m["q"] != "v" || m["got"].(map[string]any)["a"] != 1.0 {
		t.Fatalf("out %q: %v", out, err)
	}
	// Body from stdin.
	if code, out, _ := runCLI(t, `{"b":2}`, append([]string{"api", "POST", "/test/echo", "-d", "-"}, common...)...); code != 0 || !strings.Contains(out, `"b": 2`) {
		t.Fatalf("stdin body: %d %q", code, out)
	}
	// WeChat errors exit non-zero on stderr.
	srv.Inject(fakewechat.Fault{Path: "POST /test/echo", Errcode: 45009, Times: 1})
	if code, out, errs := runCLI(t, "", append([]string{"api", "POST", "/test/echo", "-d", `{}`}, common...)...); code == 0 || out != "" || !strings.Contains(errs, "45009") {
		t.Fatalf("error: %d %q %q", code, out, errs)
	}
	if code, _, _ := runCLI(t, "", append([]string{"api", "POST", "/test/echo", "-d", `{bad`}, common...)...); code == 0 {
		t.Fatal("invalid JSON accepted")
	}
	if code, _, _ := runCLI(t, "", append([]string{"api", "POST"}, common...)...); code != 2 {
		t.Fatal("missing PATH accepted")
	}
}
