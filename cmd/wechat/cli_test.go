package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
)

// Secret values put in the environment; none may ever be printed.
const (
	envSecret    = "envAppSecretValue0123456789abcdef"
	envHubSecret = "envHubSecretValue0123456789"
	envRedisPass = "envRedisPassword0123"
	envAESKey    = "envAESKeyValue0123456789abcdefghijklmnopqrs" // 43 characters
	envCBToken   = "envCallbackTokenValue"
)

func setSecretEnv(t *testing.T) {
	t.Setenv("WECHAT_APPID", "wxcli0000000000001")
	t.Setenv("WECHAT_SECRET", envSecret)
	t.Setenv("WECHAT_HUB_SECRET", envHubSecret)
	t.Setenv("WECHAT_STORE", "redis://:"+envRedisPass+"@127.0.0.1:1/0")
	t.Setenv("WECHAT_AES_KEY", envAESKey)
	t.Setenv("WECHAT_CALLBACK_TOKEN", envCBToken)
}

func assertNoSecret(t *testing.T, what, out string) {
	t.Helper()
	for _, s := range []string{envSecret, envHubSecret, envRedisPass, envAESKey, envCBToken} {
		if strings.Contains(out, s) {
			t.Errorf("%s prints secret %q:\n%s", what, s, out)
		}
	}
}

// commandArgs lists every command line to try: each command (and msg
// subcommand) with --help, with a mistyped flag, through `wechat help`.
func commandArgs() [][]string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var out [][]string
	for _, n := range names {
		prefixes := [][]string{{n}}
		if n == "msg" {
			prefixes = [][]string{{"msg", "decrypt"}, {"msg", "encrypt"}}
		}
		for _, p := range prefixes {
			out = append(out,
				append(append([]string{}, p...), "--help"),
				append(append([]string{}, p...), "-h"),
				append(append([]string{}, p...), "--secrte", "x"),
				append(append([]string{}, p...), "--timeout"), // flag without its value
			)
		}
		out = append(out, []string{"help", n})
	}
	return append(out, []string{"--help"}, []string{}, []string{"nosuchcommand"}, []string{"help", "nosuchcommand"})
}

func TestNoSecretInHelpUsageOrErrors(t *testing.T) {
	setSecretEnv(t)
	for _, args := range commandArgs() {
		code, out, errs := runCLI(t, "", args...)
		assertNoSecret(t, strings.Join(args, " "), out+errs)
		help := len(args) > 0 && (args[len(args)-1] == "--help" || args[len(args)-1] == "-h" || args[0] == "help" && len(args) == 2 && args[1] != "nosuchcommand")
		if help && code != 0 {
			t.Errorf("%v: exit %d, want 0 for help", args, code)
		}
		if !help && code == 0 {
			t.Errorf("%v: exit 0 after a usage error", args)
		}
	}
	// The help of commands acting as an app says where secrets come from.
	for _, args := range [][]string{{"token", "--help"}, {"hub", "--help"}, {"msg", "decrypt", "--help"}} {
		_, out, _ := runCLI(t, "", args...)
		for _, want := range map[string][]string{
			"token": {"(set from $WECHAT_SECRET)", "redis://:xxxxx@127.0.0.1:1/0"},
			"hub":   {"(set from $WECHAT_SECRET)", "(set from $WECHAT_HUB_SECRET)"},
			"msg":   {"(set from $WECHAT_AES_KEY)", "(set from $WECHAT_CALLBACK_TOKEN)"},
		}[args[0]] {
			if !strings.Contains(out, want) {
				t.Errorf("%v: help lacks %q:\n%s", args, want, out)
			}
		}
	}
	// Errors of commands that run: the Redis store is unreachable.
	for _, args := range [][]string{{"token"}, {"api", "GET", "/cgi-bin/menu/get"}, {"hub", "--addr", "127.0.0.1:0"}} {
		code, out, errs := runCLI(t, "", args...)
		if code == 0 || !strings.Contains(errs, "redis://:xxxxx@127.0.0.1:1/0") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		assertNoSecret(t, strings.Join(args, " "), out+errs)
	}
	// An unparsable store URL is not echoed either.
	t.Setenv("WECHAT_STORE", "redis://:"+envRedisPass+"@host:notaport/0")
	code, out, errs := runCLI(t, "", "token")
	if code == 0 {
		t.Error("bad store URL accepted")
	}
	assertNoSecret(t, "token with a bad store URL", out+errs)
}

func TestHelpShowsArguments(t *testing.T) {
	for args, want := range map[string]string{
		"api --help":         "usage: wechat api METHOD PATH",
		"help api":           "usage: wechat api METHOD PATH",
		"msg decrypt --help": "< body",
		"msg encrypt -h":     "< message",
		"msg --help":         "wechat msg decrypt",
		"token --help":       "-store",
		"hub --help":         "-tls-cert",
		"mock --help":        "--fixtures FILE",
		"demo --help":        "usage: wechat demo",
		"--help":             "commands:",
	} {
		code, out, errs := runCLI(t, "", strings.Fields(args)...)
		if code != 0 || !strings.Contains(out, want) || errs != "" {
			t.Errorf("%s: exit %d, stdout lacks %q or stderr not empty:\n%s\n%s", args, code, want, out, errs)
		}
	}
	// Wrong positional arguments: exit 2 with the usage on stderr.
	code, out, errs := runCLI(t, "", "api", "GET")
	if code != 2 || out != "" || !strings.Contains(errs, "want METHOD and PATH") || !strings.Contains(errs, "usage: wechat api METHOD PATH") {
		t.Errorf("api GET: %d %q %q", code, out, errs)
	}
}

func TestTokenStoreNotWritable(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("uses /proc, which nobody can write files in")
	}
	srv := fakewechat.NewTestServer(t)
	for _, dir := range []string{"/proc/self", unwritableDir(t)} {
		if dir == "" {
			continue
		}
		store := "file:" + filepath.Join(dir, "tokens.json")
		code, out, errs := runCLI(t, "", "token", "--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret,
			"--base-url", srv.URL(), "--store", store)
		if code == 0 || out != "" || !strings.Contains(errs, "token store "+store+" cannot be written") || !strings.Contains(errs, "--store") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", store, code, out, errs)
		}
	}
	if n := srv.Count("POST /cgi-bin/stable_token"); n != 0 {
		t.Errorf("%d tokens fetched for a store that cannot keep them", n)
	}
}

// unwritableDir returns a directory this process cannot create files in,
// or "" (root writes everywhere).
func unwritableDir(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
		f.Close()
		return ""
	}
	return dir
}

func TestTimeoutNamesURLAndFlag(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/stable_token", Latency: 3 * time.Second, Times: 1})
	code, out, errs := runCLI(t, "", "token", "--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret,
		"--base-url", srv.URL(), "--store", "memory", "--timeout", "200ms")
	want := "wechat token: no answer from " + srv.URL() + "/cgi-bin/stable_token within 200ms (--timeout 200ms); raise --timeout"
	if code != 1 || out != "" || !strings.HasPrefix(errs, want) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	srv.Inject(fakewechat.Fault{Path: "GET /cgi-bin/menu/get", Latency: 3 * time.Second, Times: 1})
	code, _, errs = runCLI(t, "", "api", "GET", "/cgi-bin/menu/get", "--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret,
		"--base-url", srv.URL(), "--store", "memory", "--timeout", "500ms")
	if code != 1 || !strings.Contains(errs, "no answer from "+srv.URL()+"/cgi-bin/menu/get within 500ms (--timeout 500ms)") || strings.Contains(errs, "access_token") {
		t.Fatalf("api: exit %d, stderr %q", code, errs)
	}
}

func TestIPWhitelistAdvice(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/stable_token", Errcode: 40164,
		Errmsg: "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist", Times: 1})
	code, _, errs := runCLI(t, "", "token", "--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret,
		"--base-url", srv.URL(), "--store", "memory")
	if code != 1 || !strings.Contains(errs, "errcode 40164") || !strings.Contains(errs, "add 203.0.113.7 to the app's IP whitelist") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestErrorsDoNotRepeatPrefixes(t *testing.T) {
	for in, want := range map[string]string{
		"pay: request failed: pay: 401 SIGN_ERROR: 签名错误":    "pay: request failed: 401 SIGN_ERROR: 签名错误",
		"wechat: POST /cgi-bin/stable_token: errcode 40125": "POST /cgi-bin/stable_token: errcode 40125",
		"redisstore: invalid Redis URL: redisstore: x":      "redisstore: invalid Redis URL: x",
		"msgcrypt: invalid PKCS#7 padding":                  "msgcrypt: invalid PKCS#7 padding",
		"plain":                                             "plain",
	} {
		if got := errText(errors.New(in)); got != want {
			t.Errorf("errText(%q) = %q, want %q", in, got, want)
		}
	}
	srv := fakewechat.NewTestServer(t)
	_, _, errs := runCLI(t, "", "token", "--appid", fakewechat.DefaultAppID, "--secret", "wrong-secret-value", "--base-url", srv.URL(), "--store", "memory")
	if !strings.HasPrefix(errs, "wechat token: POST /cgi-bin/stable_token: errcode 40125") {
		t.Fatalf("stderr %q", errs)
	}
}

func TestDecryptWithWrongKey(t *testing.T) {
	const otherKey = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
	plain := `<xml><ToUserName><![CDATA[gh_x]]></ToUserName><MsgType><![CDATA[text]]></MsgType><Content>hi</Content></xml>`
	code, out, _ := runMsgCLI(plain, "msg", "encrypt", "--token", msgToken, "--aes-key", msgKey, "--appid", msgAppID, "--timestamp", "1714112445", "--nonce", "7")
	if code != 0 {
		t.Fatal("encrypt failed")
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	code, out, errs := runMsgCLI(lines[0], "msg", "decrypt", "--token", msgToken, "--aes-key", otherKey, "--appid", msgAppID,
		"--timestamp", "1714112445", "--nonce", "7", "--msg-signature", queryParam(lines[1], "msg_signature"))
	if code != 1 || out != "" || !strings.Contains(errs, "the EncodingAESKey (--aes-key) or the receiver id does not match") ||
		!strings.Contains(errs, msgAppID) || strings.Contains(errs, otherKey) || strings.Contains(errs, msgKey) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// Keys from the environment work and are not shown either.
	t.Setenv("WECHAT_AES_KEY", msgKey)
	t.Setenv("WECHAT_CALLBACK_TOKEN", msgToken)
	code, out, errs = runMsgCLI(lines[0], "msg", "decrypt", "--appid", msgAppID,
		"--timestamp", "1714112445", "--nonce", "7", "--msg-signature", queryParam(lines[1], "msg_signature"))
	if code != 0 || !strings.Contains(out, "<Content>hi</Content>") {
		t.Fatalf("env keys: exit %d, %q %q", code, out, errs)
	}
}

func TestServerTimeouts(t *testing.T) {
	hs := newHTTPServer(nil, discardLogger())
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 {
		t.Fatalf("timeouts %v %v %v %v", hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout)
	}
	_ = context.Background
}
