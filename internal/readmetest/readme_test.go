// Package readmetest compiles the Go snippets of README.md, so that the
// README never shows code that does not build.
//
// Every ```go block of README.md is extracted at test time and written to
// its own package of a temporary module whose go.mod replaces
// github.com/weixin-go/wechat with this checkout; `go vet` then builds and
// checks them all, and errors point at README.md lines. A block is either:
//
//   - a whole file (it starts with "package "): compiled as it is;
//   - top-level declarations (it starts with "func " or "type "): put in a
//     file with the imports it needs;
//   - statements (anything else): put in the body of a function that
//     declares the variables snippets take as given (see ambient below:
//     ctx, t, client, cfg, appID, pageURL, secrets...), with the imports it
//     needs. Variables a snippet declares must be used, as in real code.
//
// Elided code follows two conventions, and only these:
//
//   - a line holding only "..." is dropped (the code around it must still
//     compile, so a loop body that elides everything still uses its
//     variables);
//   - "{...}" (no spaces) is an empty composite literal "{}", and "{ ... }"
//     (with spaces) is a function body that is not shown: it becomes
//     "{ panic("elided") }".
package readmetest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// ambient are the variables statement snippets may use without declaring
// them, with their types.
var ambient = []struct{ name, typ string }{
	{"ctx", "context.Context"},
	{"client", "*oa.Client"},
	{"cfg", "wechat.Config"},
	{"appID", "string"},
	{"pageURL", "string"},
	{"botSecret", "string"},
	{"addressBookSecret", "string"},
	{"serial", "string"},
	{"v3key", "string"},
	{"pubPEM", "[]byte"},
	{"w", "http.ResponseWriter"},
	{"srv", "*callback.Server"},
	{"p", "*pay.Client"},
	{"onPaid", "func(context.Context, *pay.Notification, *pay.Transaction) error"},
}

// imports are the packages a snippet may use by their usual name; a
// snippet gets those it mentions as "name.".
var imports = map[string]string{
	"context":     "context",
	"errors":      "errors",
	"fmt":         "fmt",
	"io":          "io",
	"json":        "encoding/json",
	"log":         "log",
	"http":        "net/http",
	"os":          "os",
	"strings":     "strings",
	"time":        "time",
	"testing":     "testing",
	"slog":        "log/slog",
	"wechat":      "github.com/weixin-go/wechat",
	"oa":          "github.com/weixin-go/wechat/oa",
	"miniprogram": "github.com/weixin-go/wechat/miniprogram",
	"component":   "github.com/weixin-go/wechat/component",
	"work":        "github.com/weixin-go/wechat/work",
	"pay":         "github.com/weixin-go/wechat/pay",
	"callback":    "github.com/weixin-go/wechat/callback",
	"msgcrypt":    "github.com/weixin-go/wechat/callback/msgcrypt",
	"hub":         "github.com/weixin-go/wechat/hub",
	"redisstore":  "github.com/weixin-go/wechat/redisstore",
	"fakewechat":  "github.com/weixin-go/wechat/fakewechat",
	"fakepay":     "github.com/weixin-go/wechat/fakewechat/fakepay",
}

type snippet struct {
	line int // README line of the first code line
	code string
}

// goBlocks returns the ```go blocks of a Markdown document.
func goBlocks(md string) []snippet {
	var out []snippet
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```go" {
			continue
		}
		start := i + 1
		j := start
		for j < len(lines) && strings.TrimSpace(lines[j]) != "```" {
			j++
		}
		out = append(out, snippet{line: start + 1, code: strings.Join(lines[start:j], "\n")})
		i = j
	}
	return out
}

var (
	elidedLine  = regexp.MustCompile(`^\s*\.\.\.\s*$`)
	elidedBody  = regexp.MustCompile(`\{ \.\.\. \}`)
	elidedLit   = regexp.MustCompile(`\{\.\.\.\}`)
	mentionedRE = regexp.MustCompile(`\b([a-z][a-z0-9]*)\.[A-Za-z_]`)
)

// unelide applies the elision conventions, keeping the line count.
func unelide(code string) string {
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		if elidedLine.MatchString(l) {
			lines[i] = ""
		}
	}
	code = strings.Join(lines, "\n")
	code = elidedBody.ReplaceAllString(code, `{ panic("elided") }`)
	return elidedLit.ReplaceAllString(code, `{}`)
}

// importsOf returns the import block for the packages code mentions.
func importsOf(code string, extra ...string) string {
	seen := map[string]bool{}
	for _, e := range extra {
		seen[e] = true
	}
	// Strip string literals and comments roughly, so "x.y" in text does not count.
	for _, m := range mentionedRE.FindAllStringSubmatch(stripText(code), -1) {
		if _, ok := imports[m[1]]; ok {
			seen[m[1]] = true
		}
	}
	var names []string
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("import (\n")
	for _, n := range names {
		fmt.Fprintf(&b, "\t%s %q\n", n, imports[n])
	}
	b.WriteString(")\n")
	return b.String()
}

var textRE = regexp.MustCompile("(?s)`[^`]*`|\"(?:[^\"\\\\\n]|\\\\.)*\"|//[^\n]*")

func stripText(code string) string { return textRE.ReplaceAllString(code, `""`) }

// source returns the Go file for snippet s.
func source(s snippet) string {
	code := unelide(s.code)
	trimmed := strings.TrimSpace(code)
	at := fmt.Sprintf("//line README.md:%d\n", s.line)
	switch {
	case strings.HasPrefix(trimmed, "package "):
		return at + code + "\n"
	case strings.HasPrefix(trimmed, "func ") || strings.HasPrefix(trimmed, "type "):
		return "package snippet\n\n" + importsOf(code) + "\n" + at + code + "\n"
	}
	var b strings.Builder
	b.WriteString("package snippet\n\n")
	var need []string
	for _, a := range ambient {
		for _, part := range strings.FieldsFunc(a.typ, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }) {
			if _, ok := imports[part]; ok {
				need = append(need, part)
			}
		}
	}
	need = append(need, "testing")
	b.WriteString(importsOf(code, need...))
	b.WriteString("\nfunc snippet(t *testing.T) {\n")
	for _, a := range ambient {
		fmt.Fprintf(&b, "\tvar %s %s\n", a.name, a.typ)
		fmt.Fprintf(&b, "\t_ = %s\n", a.name)
	}
	b.WriteString("\t_ = t\n\t{\n")
	b.WriteString(at + code + "\n")
	b.WriteString("\t}\n}\n")
	return b.String()
}

func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

func TestGoBlocksAndConventions(t *testing.T) {
	md := "text\n```go\na := 1\n...\n```\n```sh\nls\n```\n```go\npackage x\n```\n"
	bl := goBlocks(md)
	if len(bl) != 2 || bl[0].line != 3 || bl[0].code != "a := 1\n..." || bl[1].code != "package x" {
		t.Fatalf("goBlocks = %+v", bl)
	}
	if got := unelide("x := &T{...}\nf := func() error { ... }\n\t...\n"); got != "x := &T{}\nf := func() error { panic(\"elided\") }\n\n" {
		t.Fatalf("unelide = %q", got)
	}
	if got := importsOf(`log.Print("os.Exit"); oa.New()`); !strings.Contains(got, `"log"`) || strings.Contains(got, `"os"`) || !strings.Contains(got, "/oa\"") {
		t.Fatalf("importsOf = %s", got)
	}
}

// TestREADMESnippetsCompile builds and vets every Go snippet of README.md.
func TestREADMESnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root := repoRoot(t)
	md, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := goBlocks(string(md))
	if len(blocks) == 0 {
		t.Fatal("no ```go block in README.md")
	}
	dir := t.TempDir()
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go [0-9.]+$`).Find(gomod)
	// The SDK's own requirements, so that the snippets build from the module
	// cache alone: "go mod tidy" would also want the test dependencies of
	// every dependency, which a fresh machine has not downloaded.
	requires := regexp.MustCompile(`(?ms)^require \(.*?^\)$|^require [^(].*?$`).FindAll(gomod, -1)
	mod := fmt.Sprintf("module readmesnippets\n\n%s\n\nrequire github.com/weixin-go/wechat v0.0.0\n\n%s\n\nreplace github.com/weixin-go/wechat => %s\n", goLine, bytes.Join(requires, []byte("\n")), root)
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", mod)
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		write("go.sum", string(sum))
	}
	for i, b := range blocks {
		write(fmt.Sprintf("s%02d/snippet.go", i), source(b))
	}
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(goBin, args...)
		cmd.Dir = dir
		// Offline: every module the SDK needs is in the module cache
		// already, since this test runs inside the SDK's module.
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("go %s in the README snippet module: %v\n%s\n(see the conventions in internal/readmetest)", strings.Join(args, " "), err, out.String())
		}
	}
	run("vet", "./...")
}
