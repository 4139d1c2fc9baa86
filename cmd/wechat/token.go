package main

import (
	"context"
	"fmt"
	"io"
	"time"
)

func init() {
	register("token", "print the access token of the configured app", runToken)
}

func runToken(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("token [--appid A --secret S --base-url U --store SPEC]",
		"Prints the app's access token, taken from the token store or fetched from WeChat and stored.\nExits non-zero, printing nothing on stdout, when the token cannot be fetched or stored.",
		stdout, stderr)
	var app appFlags
	app.register(fs.FlagSet)
	timeout := fs.Duration("timeout", 30*time.Second, "give up after this long")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return fs.usageError("unexpected argument %q", pos[0])
	}
	if *timeout <= 0 {
		return fs.usageError("--timeout must be positive")
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	c, err := app.client(ctx)
	if err != nil {
		fmt.Fprintln(stderr, failure("wechat token", err, redactStore(app.store), *timeout, app.secrets()...))
		return 1
	}
	defer c.Close()
	tok, err := c.AccessToken(ctx)
	if err == nil {
		err = app.writeError()
	}
	if err != nil {
		fmt.Fprintln(stderr, failure("wechat token", err, app.tokenURL(), *timeout, app.secrets()...))
		return 1
	}
	fmt.Fprintln(stdout, tok)
	return 0
}
