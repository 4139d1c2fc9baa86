package redisstore_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/internal/testenv"
	"github.com/weixin-go/wechat/redisstore"
)

func TestNewFromURLChecksTheConnection(t *testing.T) {
	const password = "s3cret-pa55"
	// Nothing listens: refused at once, reported by NewFromURL.
	_, err := redisstore.NewFromURL("redis://user:" + password + "@" + closedAddr(t) + "/0")
	if err == nil {
		t.Fatal("NewFromURL on a closed port succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, "does not answer") || strings.Contains(msg, password) {
		t.Errorf("error = %q", msg)
	}
	// A server that accepts and never answers: bounded by the check timeout.
	if _, err := redisstore.NewFromURL("redis://"+fakeServer(t, nil), redisstore.WithCheckTimeout(100*time.Millisecond)); err == nil {
		t.Fatal("NewFromURL on a silent server succeeded")
	}
	// Skipping the check: no connection is made.
	s, err := redisstore.NewFromURL("redis://"+closedAddr(t)+"/0", redisstore.WithCheckTimeout(0))
	if err != nil {
		t.Fatalf("without check: %v", err)
	}
	s.Close()
	// A real server passes.
	addr := testenv.RedisAddr(t)
	s, err = redisstore.NewFromURL("redis://" + addr + "/0")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// fakeServer listens on loopback until the test ends and returns its
// address; each connection gets answer (if any) and is otherwise held open
// without a word.
func fakeServer(t *testing.T, answer []byte) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { c.Close() })
			if answer != nil {
				c.Write(answer)
				c.Close()
			}
		}
	}()
	return l.Addr().String()
}
