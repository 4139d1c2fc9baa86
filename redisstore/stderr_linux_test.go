package redisstore_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/weixin-go/wechat/internal/testenv"
	"github.com/weixin-go/wechat/redisstore"
)

// go-redis's own log lines never reach stderr: they go to slog.Default at
// debug level.
func TestGoRedisDoesNotWriteToStderr(t *testing.T) {
	// Redirect file descriptor 2 itself: go-redis's default logger holds
	// the original *os.File.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); io.Copy(&buf, r) }()
	saved, err := syscall.Dup(2)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Dup3(int(w.Fd()), 2, 0); err != nil {
		t.Fatal(err)
	}
	restored := false
	restore := func() {
		if !restored {
			restored = true
			syscall.Dup3(saved, 2, 0)
			syscall.Close(saved)
		}
	}
	defer restore()
	var logged bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(prev)

	// Failures that make go-redis log: dial errors in the pool, a server
	// that does not speak RESP.
	bad := fakeServer(t, []byte("HTTP/1.1 400 Bad Request\r\n\r\n"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for _, addr := range []string{closedAddr(t), bad} {
		s, err := redisstore.NewFromURL("redis://"+addr+"/0", redisstore.WithCheckTimeout(0))
		if err != nil {
			t.Fatal(err)
		}
		s.Get(ctx, "k")
		s.Close()
		redisstore.NewFromURL("redis://" + addr + "/0")
	}
	if addr := os.Getenv(testenv.EnvRedisAddr); addr != "" {
		if s, err := redisstore.NewFromURL("redis://" + addr + "/0"); err == nil {
			s.Get(ctx, "k")
			s.Close()
		}
	}
	restore()
	w.Close()
	wg.Wait()
	if buf.Len() > 0 {
		t.Errorf("written to stderr: %q", buf.String())
	}
	t.Logf("slog debug lines: %d", strings.Count(logged.String(), "go-redis: "))
}
