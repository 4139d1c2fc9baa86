package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
)

func init() {
	register("api", "call any endpoint: wechat api METHOD PATH [-d JSON|@file|-] [-q k=v]", runAPI)
}

type queryFlag url.Values

func (q queryFlag) String() string { return url.Values(q).Encode() }

func (q queryFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("want key=value, got %q", s)
	}
	url.Values(q).Add(k, v)
	return nil
}

func runAPI(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("api METHOD PATH [-d JSON|@FILE|-] [-q key=value ...] [flags]",
		"Calls an endpoint of the configured app with its access token and prints the answer\n(JSON indented; other content as is). METHOD is GET or POST; PATH starts with /,\nsuch as /cgi-bin/menu/get.",
		stdout, stderr)
	var app appFlags
	app.register(fs.FlagSet)
	data := fs.String("d", "", "JSON request body; @FILE reads a file, - reads stdin")
	query := queryFlag(url.Values{})
	fs.Var(query, "q", "extra query parameter key=value (repeatable)")
	timeout := fs.Duration("timeout", 60*time.Second, "give up after this long")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return fs.usageError("want METHOD and PATH, got %d arguments", len(pos))
	}
	method, path := strings.ToUpper(pos[0]), pos[1]
	if !strings.HasPrefix(path, "/") {
		return fs.usageError("PATH must start with /, got %q", path)
	}
	if *timeout <= 0 {
		return fs.usageError("--timeout must be positive")
	}
	var body any
	if *data != "" {
		raw, err := readData(*data, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "wechat api:", errText(err))
			return 1
		}
		if !json.Valid(raw) {
			fmt.Fprintln(stderr, "wechat api: -d is not valid JSON")
			return 1
		}
		body = json.RawMessage(raw)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	fail := func(err error) int {
		target := strings.TrimRight(app.baseURL, "/") + path
		fmt.Fprintln(stderr, failure("wechat api", err, target, *timeout, app.secrets()...))
		return 1
	}
	c, err := app.client(ctx)
	if err != nil {
		return fail(err)
	}
	defer c.Close()
	dl, err := c.Stream(ctx, wechat.Endpoint{Method: method, Path: path}, url.Values(query), body)
	if err != nil {
		return fail(err)
	}
	defer dl.Close()
	if err := app.writeError(); err != nil {
		fmt.Fprintln(stderr, "wechat api: warning:", errText(err))
	}
	if strings.HasPrefix(dl.ContentType, "application/json") || strings.HasPrefix(dl.ContentType, "text/plain") {
		raw, err := io.ReadAll(dl)
		if err != nil {
			return fail(err)
		}
		var pretty bytes.Buffer
		if json.Indent(&pretty, raw, "", "  ") == nil {
			raw = pretty.Bytes()
		}
		stdout.Write(raw)
		fmt.Fprintln(stdout)
		return 0
	}
	if _, err := io.Copy(stdout, dl); err != nil {
		return fail(err)
	}
	return 0
}

func readData(d string, stdin io.Reader) ([]byte, error) {
	switch {
	case d == "-":
		return io.ReadAll(io.LimitReader(stdin, 64<<20))
	case strings.HasPrefix(d, "@"):
		return os.ReadFile(d[1:])
	}
	return []byte(d), nil
}
