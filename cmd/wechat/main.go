// Command wechat is the SDK's command-line tool: a fake WeChat server,
// token and API access for a configured app, a token hub, message
// encryption helpers and an offline demo.
//
//	wechat mock  [--addr 127.0.0.1:8080] [--fixtures FILE]
//	wechat token [--appid A --secret S --base-url U --store memory|file:PATH|redis://HOST:PORT/DB]
//	wechat api METHOD PATH [-d JSON]
//	wechat hub [--addr A] [--tls-cert F --tls-key F]
//	wechat msg decrypt|encrypt ...
//	wechat demo
//
// `wechat help COMMAND` or `wechat COMMAND --help` shows a command's
// arguments and flags. Secrets given through the environment (WECHAT_SECRET,
// WECHAT_HUB_SECRET, a password in WECHAT_STORE) are never printed.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand; it returns the process exit code.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

func register(name, summary string, run func(args []string, stdin io.Reader, stdout, stderr io.Writer) int) {
	commands[name] = command{summary: summary, run: run}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return 0
	case "help":
		if len(args) == 1 {
			usage(stdout)
			return 0
		}
		c, ok := commands[args[1]]
		if !ok {
			fmt.Fprintf(stderr, "wechat help: unknown command %q\n", args[1])
			usage(stderr)
			return 2
		}
		return c.run([]string{"--help"}, stdin, stdout, stderr)
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "wechat: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: wechat COMMAND [arguments] [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\n`wechat help COMMAND` or `wechat COMMAND --help` shows a command's arguments and flags.")
}
