package wechat

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A store operation cut short because the caller gave up is reported as the
// caller's cancellation, not as a store that did not answer in time; a
// store that really hangs is ErrStoreTimeout.
func TestBoundedTellsCancellationFromTimeout(t *testing.T) {
	hang := func(ctx context.Context) (int, error) {
		<-ctx.Done()
		time.Sleep(5 * time.Millisecond)
		return 0, ctx.Err()
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := bounded(ctx, time.Second, "k", hang); !errors.Is(err, context.Canceled) || errors.Is(err, ErrStoreTimeout) {
		t.Fatalf("cancelled caller: %v", err)
	}
	if _, err := bounded(context.Background(), 20*time.Millisecond, "k", hang); !errors.Is(err, ErrStoreTimeout) {
		t.Fatalf("hung store: %v", err)
	}
	if v, err := bounded(context.Background(), time.Second, "k", func(context.Context) (int, error) { return 7, nil }); v != 7 || err != nil {
		t.Fatalf("answer: %d %v", v, err)
	}
}
