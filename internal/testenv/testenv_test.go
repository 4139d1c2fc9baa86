package testenv

import (
	"context"
	"strings"
	"testing"
)

func TestRedisRequired(t *testing.T) {
	for _, tc := range []struct {
		ci, require string
		want        bool
	}{
		{"", "", false},
		{"true", "", true},
		{"TRUE", "", true},
		{"false", "", false},
		{"", "1", true},
		{"", "0", false},
	} {
		t.Setenv("CI", tc.ci)
		t.Setenv(EnvRequireRedis, tc.require)
		if got := RedisRequired(); got != tc.want {
			t.Errorf("CI=%q %s=%q: RedisRequired() = %v, want %v", tc.ci, EnvRequireRedis, tc.require, got, tc.want)
		}
	}
}

func TestGlobEscape(t *testing.T) {
	if got, want := globEscape(`a*b?c[d]e\f-g^h`), `a\*b\?c\[d\]e\\f\-g\^h`; got != want {
		t.Errorf("globEscape = %q, want %q", got, want)
	}
}

func TestKeyPrefixIsolatesAndCleansUp(t *testing.T) {
	c := RedisClient(t)
	ctx := context.Background()
	var prefix, other string
	t.Run("user", func(t *testing.T) {
		prefix = KeyPrefix(t, c)
		other = KeyPrefix(t, c)
		if prefix == other || !strings.HasPrefix(prefix, "wechattest:") {
			t.Fatalf("prefixes %q and %q", prefix, other)
		}
		for _, k := range []string{"a", "b", "c*"} {
			if err := c.Set(ctx, prefix+k, "v", 0).Err(); err != nil {
				t.Fatal(err)
			}
		}
	})
	n, err := c.Exists(ctx, prefix+"a", prefix+"b", prefix+"c*").Result()
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d keys left under %s after the test ended", n, prefix)
	}
}
