package main

import (
	"strings"
	"testing"
)

// FuzzRedactStore checks that a store URL's password never survives
// redaction, whatever characters it holds and however the URL parses.
func FuzzRedactStore(f *testing.F) {
	for _, s := range [][2]string{
		{"pw123456", "127.0.0.1:6379/0"}, {"pa/ss@word", "host:6379"}, {"p%41ss", "h:1/2?db=3"},
		{"p w#d?x", "h"}, {"secret", "h:notaport/0"}, {"s:e:c", "[::1]:6379"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pw, rest string) {
		if len(pw) < 4 || strings.Contains(rest, pw) || strings.Contains("redis://:@xxxxx(unparsable URL hidden: it may hold a password)", pw) {
			return
		}
		for _, spec := range []string{"redis://:" + pw + "@" + rest, "redis://user:" + pw + "@" + rest, "redis://" + rest + "?password=" + pw} {
			if strings.Contains(spec[len("redis://"):], pw+pw) {
				continue
			}
			out := redactStore(spec)
			if strings.Contains(out, pw) {
				t.Fatalf("redactStore(%q) = %q shows the password", spec, out)
			}
		}
	})
}
