package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"
)

func init() {
	register("token", "print the access token of the configured app", runToken)
}

func runToken(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wechat token", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var app appFlags
	app.register(fs)
	timeout := fs.Duration("timeout", 30*time.Second, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	c, err := app.client()
	if err != nil {
		fmt.Fprintln(stderr, "wechat token:", err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	tok, err := c.AccessToken(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "wechat token:", err)
		return 1
	}
	fmt.Fprintln(stdout, tok)
	return 0
}
