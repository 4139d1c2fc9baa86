package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
)

func init() { register("mock", "run the fake WeChat server", runMock) }

// runMock serves the fake WeChat server until SIGINT or SIGTERM.
func runMock(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveMock(ctx, args, stdout, stderr)
}

// appFlag collects repeated --app appid:secret values.
type appFlag [][2]string

func (a *appFlag) String() string {
	ids := make([]string, len(*a))
	for i, p := range *a {
		ids[i] = p[0] + ":***"
	}
	return strings.Join(ids, ",")
}

func (a *appFlag) Set(v string) error {
	id, secret, ok := strings.Cut(v, ":")
	if !ok || id == "" || secret == "" {
		return errors.New("want appid:secret")
	}
	*a = append(*a, [2]string{id, secret})
	return nil
}

// serveMock runs the server until ctx is done. It prints the base URL, alone
// on a line, to stdout once the server listens.
func serveMock(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wechat mock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (port 0 picks a free port)")
	var apps appFlag
	fs.Var(&apps, "app", "register an app as appid:secret (repeatable); "+fakewechat.DefaultAppID+" is always registered")
	ttl := fs.Duration("token-ttl", fakewechat.DefaultTokenTTL, "lifetime of access tokens and tickets")
	grace := fs.Duration("grace", fakewechat.DefaultGracePeriod, "how long a superseded access_token keeps working")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wechat mock [--addr 127.0.0.1:8080] [--app appid:secret ...] [--token-ttl 7200s] [--grace 5m]")
		fmt.Fprintln(stderr, "\nControl endpoints: GET /fake/stats, GET|POST|DELETE /fake/faults, POST /fake/reset, POST /fake/expire, POST /fake/clock, GET /fake/requests.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "wechat mock: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *ttl <= 0 || *grace < 0 {
		fmt.Fprintln(stderr, "wechat mock: --token-ttl must be positive and --grace not negative")
		return 2
	}
	opts := []fakewechat.Option{
		fakewechat.WithAddr(*addr),
		fakewechat.WithTokenTTL(*ttl),
		fakewechat.WithGracePeriod(*grace),
	}
	for _, a := range apps {
		opts = append(opts, fakewechat.WithApp(a[0], a[1]))
	}
	srv := fakewechat.New(opts...)
	url, err := srv.Start()
	if err != nil {
		fmt.Fprintf(stderr, "wechat mock: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, url)
	ids := []string{fakewechat.DefaultAppID}
	for _, a := range apps {
		ids = append(ids, a[0])
	}
	fmt.Fprintf(stderr, "wechat mock: serving the fake WeChat API on %s (apps: %s); stop with Ctrl-C\n", url, strings.Join(ids, ", "))
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	fmt.Fprintln(stderr, "wechat mock: stopped")
	return 0
}
