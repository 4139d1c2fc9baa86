package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// cmdFlags is a command's flag set: its usage shows the command's positional
// arguments and flags (secret defaults hidden), goes to stdout when help is
// asked for (exit 0) and to stderr after a bad flag (exit 2).
type cmdFlags struct {
	*flag.FlagSet
	buf            bytes.Buffer
	stdout, stderr io.Writer
}

// newFlags returns the flag set of command name; synopsis is the command
// line after "wechat" (positional arguments included) and about says what
// the command does.
func newFlags(synopsis, about string, stdout, stderr io.Writer) *cmdFlags {
	name, _, _ := strings.Cut(synopsis, " [")
	name, _, _ = strings.Cut(name, " --")
	f := &cmdFlags{FlagSet: flag.NewFlagSet("wechat "+name, flag.ContinueOnError), stdout: stdout, stderr: stderr}
	f.SetOutput(&f.buf)
	f.Usage = func() {
		fmt.Fprintf(&f.buf, "usage: wechat %s\n\n%s\n", synopsis, about)
		if hasFlags(f.FlagSet) {
			fmt.Fprintln(&f.buf, "\nflags:")
			f.PrintDefaults()
		}
	}
	return f
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parse parses args (flags may be interleaved with positional arguments)
// and returns the positional ones. ok is false when the command must stop
// with exit code code: 0 after --help, 2 after a bad flag.
func (f *cmdFlags) parse(args []string) (pos []string, code int, ok bool) {
	for {
		f.buf.Reset()
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			_, _ = f.stdout.Write(f.buf.Bytes())
			return nil, 0, false
		}
		if err != nil {
			_, _ = f.stderr.Write(f.buf.Bytes())
			return nil, 2, false
		}
		args = f.Args()
		if len(args) == 0 {
			return pos, 0, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// usageError prints msg and the usage line to stderr and returns 2.
func (f *cmdFlags) usageError(format string, a ...any) int {
	fmt.Fprintf(f.stderr, "%s: %s\n", f.Name(), fmt.Sprintf(format, a...))
	f.buf.Reset()
	f.Usage()
	_, _ = f.stderr.Write(f.buf.Bytes())
	return 2
}

// secretFlag is a string flag whose value is never shown: usage prints no
// default, and the value is redacted from error output.
type secretFlag struct{ p *string }

func (s secretFlag) String() string     { return "" }
func (s secretFlag) Set(v string) error { *s.p = v; return nil }

// secretVar defines a secret flag whose value defaults to the environment
// variable env; usage says "(set from $ENV)" instead of showing the value.
func secretVar(fs *flag.FlagSet, p *string, name, env, usage string) {
	*p = os.Getenv(env)
	usage += " (env " + env + ")"
	if *p != "" {
		usage += " (set from $" + env + ")"
	}
	fs.Var(secretFlag{p}, name, usage)
}

// storeFlag holds a store spec; usage and errors show it with any password
// replaced by "xxxxx".
type storeFlag struct{ p *string }

func (s storeFlag) String() string {
	if s.p == nil {
		return ""
	}
	return redactStore(*s.p)
}
func (s storeFlag) Set(v string) error { *s.p = v; return nil }

// redactStore returns a store spec fit to print: a URL such as
// redis://:pw@host:6379/0 keeps its scheme, host, path and plain query
// parameters; userinfo, a password parameter, any value that looks like
// more parameters, and the fragment become "xxxxx" or are dropped.
func redactStore(spec string) string {
	if !strings.Contains(spec, "://") {
		return spec
	}
	u, err := url.Parse(spec)
	ats := strings.Count(spec, "@")
	if err != nil || u.Opaque != "" || (u.User == nil && ats > 0) || ats > 1 {
		scheme, _, _ := strings.Cut(spec, "://")
		return scheme + "://(unparsable URL hidden: it may hold a password)"
	}
	var b strings.Builder
	b.WriteString(u.Scheme + "://")
	if u.User != nil {
		b.WriteString(":xxxxx@")
	}
	if safeHost.MatchString(u.Host) {
		b.WriteString(u.Host)
	} else {
		b.WriteString("xxxxx")
	}
	if p := u.EscapedPath(); safePath.MatchString(p) {
		b.WriteString(p)
	} else {
		b.WriteString("/xxxxx")
	}
	if u.RawQuery != "" || u.ForceQuery {
		q := u.Query()
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		sep := "?"
		for _, k := range keys {
			for _, v := range q[k] {
				switch {
				case !safeParam.MatchString(k):
					b.WriteString(sep + "xxxxx")
				case strings.EqualFold(k, "password") || !safeParam.MatchString(v):
					b.WriteString(sep + k + "=xxxxx")
				default:
					b.WriteString(sep + k + "=" + v)
				}
				sep = "&"
			}
		}
	}
	return b.String()
}

// Hosts, paths (a Redis DB number) and query parameters shown as they are;
// anything else may be a misplaced password.
var (
	safeHost = regexp.MustCompile(`^[A-Za-z0-9.\[\]:-]*$`)
	safePath = regexp.MustCompile(`^(/[0-9]*)?$`)
)

// safeParam matches query keys and values shown as they are.
var safeParam = regexp.MustCompile(`^[A-Za-z0-9_.-]*$`)

// storePassword returns the password of a store URL, or "".
func storePassword(spec string) string {
	u, err := url.Parse(spec)
	if err != nil {
		// An unparsable URL may still hold a password between ":" and "@".
		if _, rest, ok := strings.Cut(spec, "://"); ok {
			if userinfo, _, ok := strings.Cut(rest, "@"); ok {
				if _, pw, ok := strings.Cut(userinfo, ":"); ok {
					return pw
				}
			}
		}
		return ""
	}
	if pw, ok := u.User.Password(); ok {
		return pw
	}
	return u.Query().Get("password")
}

// redact replaces every non-empty secret in msg with "xxxxx".
func redact(msg string, secrets ...string) string {
	for _, s := range secrets {
		if len(s) >= 3 {
			msg = strings.ReplaceAll(msg, s, "xxxxx")
		}
	}
	return msg
}

var pkgPrefix = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

// errText returns err's message without the "wechat: " prefix the CLI
// already prints and without package prefixes repeated along the chain
// ("pay: x: pay: y" becomes "pay: x: y").
func errText(err error) string {
	parts := strings.Split(err.Error(), ": ")
	seen := map[string]bool{"wechat": true}
	var out []string
	for i, p := range parts {
		if i < len(parts)-1 && pkgPrefix.MatchString(p) {
			if seen[p] {
				continue
			}
			seen[p] = true
		}
		out = append(out, p)
	}
	return strings.Join(out, ": ")
}

var invalidIP = regexp.MustCompile(`invalid ip ([0-9A-Fa-f:.]+)`)

// failure formats err for the command named cmd with advice on what to do:
// for timeouts it names the URL and --timeout, for 40164 the IP to add to
// the whitelist. secrets are redacted from the message.
func failure(cmd string, err error, target string, timeout time.Duration, secrets ...string) string {
	var msg string
	var apiErr *wechat.APIError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		msg = fmt.Sprintf("no answer from %s within %s (--timeout %s); raise --timeout or check the network and --base-url", target, timeout, timeout)
	case errors.As(err, &apiErr) && apiErr.Code == 40164:
		msg = errText(err)
		if m := invalidIP.FindStringSubmatch(apiErr.Message); m != nil {
			msg += fmt.Sprintf("\nWeChat refused this machine's IP %s: add %s to the app's IP whitelist (mp.weixin.qq.com: 设置与开发 > 基本配置 > IP白名单), then retry", m[1], m[1])
		} else {
			msg += "\nWeChat refused this machine's IP: add it to the app's IP whitelist (mp.weixin.qq.com: 设置与开发 > 基本配置 > IP白名单), then retry"
		}
	default:
		msg = errText(err)
	}
	return redact(cmd+": "+msg, secrets...)
}
