package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
)

func init() {
	register("mock", "run the fake WeChat server (and, with merchants in --fixtures, a fake WeChat Pay server)", runMock)
}

// runMock serves the fake WeChat server until SIGINT or SIGTERM.
func runMock(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveMock(ctx, args, stdout, stderr)
}

// appFlag collects repeated --app appid:secret values.
type appFlag [][2]string

func (a *appFlag) String() string {
	if a == nil {
		return ""
	}
	ids := make([]string, len(*a))
	for i, p := range *a {
		ids[i] = p[0] + ":xxxxx"
	}
	return strings.Join(ids, ",")
}

// Set records v; check validates the values after parsing, so that a
// malformed value (perhaps a secret given without its appid) is never
// quoted by the flag package's error.
func (a *appFlag) Set(v string) error {
	id, secret, _ := strings.Cut(v, ":")
	*a = append(*a, [2]string{id, secret})
	return nil
}

// check reports the first --app value that is not appid:secret.
func (a appFlag) check() error {
	for i, p := range a {
		if p[0] == "" || p[1] == "" {
			return fmt.Errorf("--app value %d is not appid:secret", i+1)
		}
	}
	return nil
}

const mockAbout = `Serves the fake WeChat API (package fakewechat) on loopback and prints its base URL.
` + fakewechat.DefaultAppID + ` (secret fakewechat.DefaultSecret) is always registered.

--fixtures FILE preloads apps with their secrets, followers and templates, and
merchants (with merchants, a fake WeChat Pay server is started too: its HTTPS URL
is printed on stderr and its TLS certificate written to --pay-cert-out). The format:

  {"apps": [{"appid": "wx...", "secret": "...",
             "followers": [{"openid": "<28 characters>", "unionid": "..."}],
             "templates": [{"template_id": "...", "title": "...", "content": "..."}],
             "user_page_size": 10000}],
   "merchants": [{"mchid": "1230000109", "apiv3_key": "<32 bytes>", "apiv2_key": "<32 bytes>",
                  "cert_file": "apiclient_cert.pem", "key_file": "apiclient_key.pem"}]}

POST /fake/reset empties the state and loads the fixtures again.
Control endpoints: GET /fake/stats, GET|POST|DELETE /fake/faults, POST /fake/reset,
POST /fake/expire, POST /fake/clock, GET /fake/requests.`

// serveMock runs the server until ctx is done. It prints the base URL, alone
// on a line, to stdout once the server listens.
func serveMock(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("mock [--addr 127.0.0.1:8080] [--app appid:secret ...] [--fixtures FILE] [--token-ttl 7200s] [--grace 5m]",
		mockAbout, stdout, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (port 0 picks a free port)")
	var apps appFlag
	fs.Var(&apps, "app", "register an app as appid:secret (repeatable)")
	fixturesFile := fs.String("fixtures", "", "JSON file of apps, followers, templates and merchants to preload (format above)")
	payCertOut := fs.String("pay-cert-out", "", "where to write the fake Pay server's TLS certificate (default: fakepay-cert.pem in the temporary directory)")
	ttl := fs.Duration("token-ttl", fakewechat.DefaultTokenTTL, "lifetime of access tokens and tickets")
	grace := fs.Duration("grace", fakewechat.DefaultGracePeriod, "how long a superseded access_token keeps working")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return fs.usageError("unexpected argument %q", pos[0])
	}
	if err := apps.check(); err != nil {
		return fs.usageError("%v", err)
	}
	if *ttl <= 0 || *grace < 0 {
		return fs.usageError("--token-ttl must be positive and --grace not negative")
	}
	var fx *fakewechat.Fixtures
	if *fixturesFile != "" {
		var err error
		if fx, err = fakewechat.LoadFixtures(*fixturesFile); err != nil {
			fmt.Fprintln(stderr, "wechat mock:", errText(err))
			return 2
		}
	}
	opts := []fakewechat.Option{
		fakewechat.WithTokenTTL(*ttl),
		fakewechat.WithGracePeriod(*grace),
	}
	for _, a := range apps {
		opts = append(opts, fakewechat.WithApp(a[0], a[1]))
	}
	srv := fakewechat.New(opts...)
	ids := []string{fakewechat.DefaultAppID}
	for _, a := range apps {
		ids = append(ids, a[0])
	}
	if fx != nil {
		if err := fx.Apply(srv); err != nil {
			fmt.Fprintln(stderr, "wechat mock: --fixtures:", errText(err))
			return 2
		}
		ids = append(ids, fx.AppIDs()...)
	}
	var pay *fakepay.Server
	if fx != nil && len(fx.Merchants) > 0 {
		merchants, err := fx.PayMerchants()
		if err == nil {
			pay, err = fakepay.NewServer(fakepay.Options{Mode: fakepay.ModePublicKey, Merchants: merchants})
		}
		if err != nil {
			fmt.Fprintln(stderr, "wechat mock: --fixtures:", errText(err))
			return 2
		}
		defer pay.Close()
		if *payCertOut == "" {
			*payCertOut = filepath.Join(os.TempDir(), "fakepay-cert.pem")
		}
		if err := os.WriteFile(*payCertOut, pay.CertificatePEM(), 0o644); err != nil {
			fmt.Fprintln(stderr, "wechat mock: writing the fake Pay certificate:", errText(err))
			return 1
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "wechat mock:", errText(err))
		return 1
	}
	url := "http://" + ln.Addr().String()
	fmt.Fprintln(stdout, url)
	fmt.Fprintf(stderr, "wechat mock: serving the fake WeChat API on %s (apps: %s); stop with Ctrl-C\n", url, strings.Join(ids, ", "))
	if pay != nil {
		mchs := make([]string, 0, len(fx.Merchants)+1)
		mchs = append(mchs, fakepay.DefaultMchID)
		for _, m := range fx.Merchants {
			mchs = append(mchs, m.MchID)
		}
		fmt.Fprintf(stderr, "wechat mock: serving the fake WeChat Pay API on %s (merchants: %s; TLS certificate in %s)\n", pay.URL, strings.Join(mchs, ", "), *payCertOut)
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	if err := serveUntil(ctx, newHTTPServer(withFixtureReset(srv, fx), logger), ln, nil); err != nil {
		fmt.Fprintln(stderr, "wechat mock:", errText(err))
		return 1
	}
	fmt.Fprintln(stderr, "wechat mock: stopped")
	return 0
}

// withFixtureReset loads the fixtures again after POST /fake/reset, which
// empties the server's state.
func withFixtureReset(srv *fakewechat.Server, fx *fakewechat.Fixtures) http.Handler {
	if fx == nil {
		return srv
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/fake/reset" {
			srv.ServeHTTP(w, r)
			return
		}
		srv.Reset()
		if err := fx.Apply(srv); err != nil {
			http.Error(w, `{"errcode":-1,"errmsg":"reloading fixtures: `+strings.ReplaceAll(err.Error(), `"`, `'`)+`"}`, http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = io.WriteString(w, `{"errcode":0,"errmsg":"ok"}`)
	})
}
