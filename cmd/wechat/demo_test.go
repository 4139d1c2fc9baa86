package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoRunsOffline(t *testing.T) {
	store := filepath.Join(t.TempDir(), "tokens.json")
	code, out, errs := runCLI(t, "", "demo", "--store", store)
	if code != 0 {
		t.Fatalf("demo exited %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{
		"menu created and read back: 2 top-level buttons",
		`oDemo_bob_000000000000000002 (remark "Bob"`,
		"errcode 45157",
		"rejected token refreshed",
		"POST /cgi-bin/stable_token     2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
}
