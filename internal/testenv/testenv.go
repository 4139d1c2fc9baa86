// Package testenv holds helpers shared by the tests of this module, chiefly
// access to the Redis server used by integration tests.
//
// Redis tests read the server address from WECHAT_REDIS_ADDR (host:port).
// When it is unset or the server does not answer, the tests are skipped,
// except on CI (CI=true) or when WECHAT_REQUIRE_REDIS=1, where they fail:
// a CI run must never skip them silently.
package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Environment variables read by this package.
const (
	EnvRedisAddr    = "WECHAT_REDIS_ADDR"
	EnvRequireRedis = "WECHAT_REQUIRE_REDIS"
)

// RedisRequired reports whether Redis tests are mandatory: on CI (CI=true)
// or when WECHAT_REQUIRE_REDIS=1.
func RedisRequired() bool {
	return strings.EqualFold(os.Getenv("CI"), "true") || os.Getenv(EnvRequireRedis) == "1"
}

// unavailable fails the test when Redis is required and skips it otherwise.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	if RedisRequired() {
		t.Fatalf("testenv: Redis is required (CI=true or %s=1) but "+format, append([]any{EnvRequireRedis}, args...)...)
	}
	t.Skipf("testenv: skipping Redis test: "+format, args...)
}

// RedisAddr returns the address of the test Redis server from
// WECHAT_REDIS_ADDR after checking that it answers PING. If the variable is
// empty or the server does not answer, the test is skipped, or failed when
// RedisRequired reports true.
func RedisAddr(t testing.TB) string {
	t.Helper()
	addr := os.Getenv(EnvRedisAddr)
	if addr == "" {
		unavailable(t, "%s is not set (e.g. %s=127.0.0.1:6379)", EnvRedisAddr, EnvRedisAddr)
		return ""
	}
	c := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1, DialTimeout: 2 * time.Second})
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		unavailable(t, "Redis at %s=%s does not answer PING: %v", EnvRedisAddr, addr, err)
		return ""
	}
	return addr
}

// RedisClient returns a client of the test Redis server (see RedisAddr),
// closed when the test ends.
func RedisClient(t testing.TB) *redis.Client {
	t.Helper()
	c := redis.NewClient(&redis.Options{Addr: RedisAddr(t)})
	t.Cleanup(func() { c.Close() })
	return c
}

// KeyPrefix returns a key prefix unique to this test run and test
// ("wechattest:<test name>:<random>:") and registers a cleanup that deletes
// every key under it from c. Tests sharing one Redis database, even from
// packages running in parallel, therefore never see each other's keys; the
// database is never flushed.
func KeyPrefix(t testing.TB, c redis.UniversalClient) string {
	t.Helper()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatalf("testenv: random prefix: %v", err)
	}
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
			return r
		}
		return '_'
	}, t.Name())
	prefix := "wechattest:" + name + ":" + hex.EncodeToString(b[:]) + ":"
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := DeletePrefix(ctx, c, prefix); err != nil {
			t.Errorf("testenv: cleaning keys %s*: %v", prefix, err)
		}
	})
	return prefix
}

// DeletePrefix deletes every key of c whose name starts with prefix, using
// SCAN so that the server is never blocked. Glob metacharacters in prefix
// are escaped.
func DeletePrefix(ctx context.Context, c redis.UniversalClient, prefix string) error {
	pattern := globEscape(prefix) + "*"
	var cursor uint64
	for {
		keys, next, err := c.Scan(ctx, cursor, pattern, 500).Result()
		if err != nil {
			return err
		}
		if len(keys) > 0 {
			if err := c.Unlink(ctx, keys...).Err(); err != nil {
				return err
			}
		}
		if next == 0 {
			return nil
		}
		cursor = next
	}
}

func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '*', '?', '[', ']', '\\', '^', '-':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
