package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
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
	fs := flag.NewFlagSet("wechat api", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var app appFlags
	app.register(fs)
	data := fs.String("d", "", "JSON request body; @FILE reads a file, - reads stdin")
	query := queryFlag(url.Values{})
	fs.Var(query, "q", "extra query parameter key=value (repeatable)")
	timeout := fs.Duration("timeout", 60*time.Second, "give up after this long")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 2 {
		fmt.Fprintln(stderr, "usage: wechat api METHOD PATH [-d JSON] [-q key=value]")
		return 2
	}
	method, path := strings.ToUpper(pos[0]), pos[1]
	if !strings.HasPrefix(path, "/") {
		fmt.Fprintln(stderr, "wechat api: PATH must start with /")
		return 2
	}
	var body any
	if *data != "" {
		raw, err := readData(*data, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "wechat api:", err)
			return 1
		}
		if !json.Valid(raw) {
			fmt.Fprintln(stderr, "wechat api: -d is not valid JSON")
			return 1
		}
		body = json.RawMessage(raw)
	}
	c, err := app.client()
	if err != nil {
		fmt.Fprintln(stderr, "wechat api:", err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	dl, err := c.Stream(ctx, wechat.Endpoint{Method: method, Path: path}, url.Values(query), body)
	if err != nil {
		fmt.Fprintln(stderr, "wechat api:", err)
		return 1
	}
	defer dl.Close()
	if strings.HasPrefix(dl.ContentType, "application/json") || strings.HasPrefix(dl.ContentType, "text/plain") {
		raw, err := io.ReadAll(dl)
		if err != nil {
			fmt.Fprintln(stderr, "wechat api:", err)
			return 1
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
		fmt.Fprintln(stderr, "wechat api:", err)
		return 1
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
