package wechat

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// BackoffError is returned in place of a new upstream request while a
// credential's last refresh failed and the next attempt is not due yet: a
// failure is remembered per credential, in the process and in the Store, so
// that callers during an outage do not each call WeChat. Err is the
// remembered failure (an *APIError when WeChat answered one), so errors.Is
// and errors.As see through a BackoffError.
type BackoffError struct {
	Key string // the store key of the credential
	Err error  // the remembered failure
	// Next is when the next upstream attempt will be made.
	Next time.Time
	// Shared reports that the failure was remembered by another process
	// and read from the Store.
	Shared bool
}

func (e *BackoffError) Error() string {
	in := time.Until(e.Next).Round(time.Millisecond)
	if in < 0 {
		in = 0
	}
	src := ""
	if e.Shared {
		src = " by another process"
	}
	return "wechat: refresh of " + e.Key + " failed recently (remembered" + src + ", not retried until " +
		e.Next.UTC().Format("15:04:05.000Z") + ", in " + in.String() + "): " + e.Err.Error()
}

// Unwrap returns the remembered failure.
func (e *BackoffError) Unwrap() error { return e.Err }

// ErrStoreTimeout is wrapped by the error of a store operation on the token
// path that did not complete within TokenOptions.StoreTimeout. The token is
// then fetched without the store.
var ErrStoreTimeout = errors.New("wechat: token store did not answer in time")

// failure is a remembered refresh failure.
type failure struct {
	err    error
	until  time.Time
	n      int // consecutive failures
	shared bool
}

func (f *failure) backoffError(key string) *BackoffError {
	return &BackoffError{Key: key, Err: f.err, Next: f.until, Shared: f.shared}
}

// failRecord is a failure as kept in the store under key + ":backoff".
type failRecord struct {
	N     int    `json:"n"`
	Until int64  `json:"until_ms"`
	Code  int    `json:"errcode,omitempty"`
	Msg   string `json:"errmsg,omitempty"`
	Err   string `json:"error,omitempty"`
	Owner string `json:"owner,omitempty"`
}

const maxRecordText = 256

func clip(s string) string {
	if len(s) > maxRecordText {
		return s[:maxRecordText]
	}
	return s
}

// delay is the pause after the n-th consecutive failure err.
func (o TokenOptions) delay(n int, err error) time.Duration {
	d := o.FailureBackoff
	for i := 1; i < n && d < o.RetryInterval; i++ {
		d *= 2
	}
	d = min(d, o.RetryInterval)
	if errors.Is(err, ErrRateLimited) {
		d = max(d, o.QuotaBackoff)
	}
	return d
}

// maxPause bounds a pause read from a store, whatever it says.
func (o TokenOptions) maxPause() time.Duration { return max(o.RetryInterval, o.QuotaBackoff) }

// remembered returns the active remembered failure, if any.
func (tc *TokenCache) remembered(now time.Time) *failure {
	if f := tc.fail.Load(); f != nil && now.Before(f.until) {
		return f
	}
	return nil
}

// noteFailure remembers err, the prev-th consecutive failure's successor.
func (tc *TokenCache) noteFailure(err error, prev int) *failure {
	if f := tc.fail.Load(); f != nil && f.n > prev {
		prev = f.n
	}
	n := prev + 1
	d := tc.opts.delay(n, err)
	f := &failure{err: err, until: time.Now().Add(d), n: n}
	tc.fail.Store(f)
	tc.log.LogAttrs(context.Background(), levelWarn, "wechat token refresh failed; callers get this error until the next attempt",
		slog.String("key", tc.key), attrErr(err), slog.Int("failures", n), slog.Duration("next_attempt_in", d))
	return f
}

// readFailure returns the failure another process remembered in the store:
// active (still in its pause) or not, with its count for the growth of the
// pause. A corrupt or hostile record is ignored or clamped.
func (tc *TokenCache) readFailure(ctx context.Context) (rec *failure, active bool) {
	raw, err := tc.storeGet(ctx, tc.failKey)
	if err != nil || len(raw) > 4<<10 {
		return nil, false
	}
	var r failRecord
	if json.Unmarshal(raw, &r) != nil || r.N <= 0 {
		return nil, false
	}
	now := time.Now()
	until := time.UnixMilli(r.Until)
	if lim := now.Add(tc.opts.maxPause()); until.After(lim) {
		until = lim
	}
	var cause error
	switch {
	case r.Code != 0:
		cause = &APIError{Code: r.Code, Message: clip(r.Msg), RID: parseRID(clip(r.Msg))}
	case r.Err != "":
		cause = errors.New(clip(r.Err))
	default:
		cause = errors.New("wechat: token refresh failed")
	}
	f := &failure{err: cause, until: until, n: min(r.N, 64), shared: true}
	return f, now.Before(until)
}

// writeFailure shares f through the store. The record outlives the pause
// (by RetryInterval) so that the next failure, in any process, pauses longer.
func (tc *TokenCache) writeFailure(ctx context.Context, f *failure) {
	r := failRecord{N: f.n, Until: f.until.UnixMilli(), Owner: string(tc.owner)}
	var ae *APIError
	if errors.As(f.err, &ae) {
		r.Code, r.Msg = ae.Code, clip(ae.Message)
	} else {
		r.Err = clip(f.err.Error())
	}
	raw, err := json.Marshal(r)
	if err != nil {
		return
	}
	if err := tc.storeSet(ctx, tc.failKey, raw, time.Until(f.until)+tc.opts.RetryInterval); err != nil {
		tc.log.LogAttrs(ctx, levelWarn, "wechat token store write failed", slog.String("key", tc.failKey), attrErr(err))
	}
}

// forcedToken is the token a refresh after a rejection ended with, and
// until when a new rejection of it does not trigger another refresh.
type forcedToken struct {
	token string
	until time.Time
}

type forceGateKey struct{}

// forceGate decides the forced refreshes of one fetch after a rejection.
type forceGate struct {
	tc    *TokenCache
	asked bool
	next  time.Time
}

// forceAllowed reports whether the FetchFunc running with ctx may force
// WeChat to issue a new token now, and if not, when it may: at most once per
// ForceRefreshInterval per credential in this process and, through a SetNX
// in the store, across processes (a store that fails leaves the decision to
// the process). Outside a TokenCache refresh it always may.
func forceAllowed(ctx context.Context) (bool, time.Time) {
	g, _ := ctx.Value(forceGateKey{}).(*forceGate)
	if g == nil {
		return true, time.Time{}
	}
	tc := g.tc
	now := time.Now()
	g.asked = true
	if last := tc.lastForce.Load(); last != 0 {
		if next := time.Unix(0, last).Add(tc.opts.ForceRefreshInterval); now.Before(next) {
			g.next = next
			return false, next
		}
	}
	tc.lastForce.Store(now.UnixNano())
	g.next = now.Add(tc.opts.ForceRefreshInterval)
	ok, err := tc.storeSetNX(ctx, tc.forceKey, tc.owner, tc.opts.ForceRefreshInterval)
	if err != nil {
		tc.log.LogAttrs(ctx, levelWarn, "wechat token store unavailable; limiting forced refreshes in this process only", slog.String("key", tc.key), attrErr(err))
		return true, time.Time{}
	}
	if !ok {
		tc.log.LogAttrs(ctx, levelWarn, "wechat token rejected, but another process forced a refresh moments ago; keeping the token", slog.String("key", tc.key))
	}
	return ok, g.next
}

// ForceLimitedError is returned by Invalidate when WeChat rejected the token
// again within TokenOptions.ForceRefreshInterval of the previous forced
// refresh: the token is kept and no new refresh is made, so that a
// misbehaving API cannot use up WeChat's few forced refreshes a day. The
// call that saw the rejection returns WeChat's error.
type ForceLimitedError struct {
	Key  string
	Next time.Time // when a forced refresh is allowed again
}

func (e *ForceLimitedError) Error() string {
	return "wechat: " + e.Key + " rejected again within the forced refresh interval; keeping it until " + e.Next.UTC().Format("15:04:05Z")
}

type singleAttemptKey struct{}

// maxAttempts is the number of attempts roundTrip makes for ctx: a token
// fetch made while its credential is backing off makes one, the TokenCache
// pausing between fetches itself.
func (c *Client) maxAttempts(ctx context.Context) int {
	if ctx.Value(singleAttemptKey{}) != nil {
		return 1
	}
	return c.retry.MaxAttempts
}

type result[T any] struct {
	v   T
	err error
}

// bounded runs a store operation with the StoreTimeout, in a goroutine so
// that a store ignoring its context (a hung server) cannot hold the caller.
func bounded[T any](parent context.Context, d time.Duration, key string, op func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(parent, d)
	defer cancel() // after the result is in, or to give up on the operation
	ch := make(chan result[T], 1)
	go func() {
		v, err := op(ctx)
		ch <- result[T]{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		if err := parent.Err(); err != nil { // the caller gave up: not the store's fault
			return zero, fmt.Errorf("wechat: store %s: %w", key, err)
		}
		return zero, fmt.Errorf("wechat: store %s: %w (%v)", key, ErrStoreTimeout, d)
	}
}

func (tc *TokenCache) storeGet(ctx context.Context, key string) ([]byte, error) {
	return bounded(ctx, tc.opts.StoreTimeout, key, func(ctx context.Context) ([]byte, error) { return tc.store.Get(ctx, key) })
}

func (tc *TokenCache) storeSet(ctx context.Context, key string, v []byte, ttl time.Duration) error {
	_, err := bounded(ctx, tc.opts.StoreTimeout, key, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, tc.store.Set(ctx, key, v, ttl)
	})
	return err
}

func (tc *TokenCache) storeSetNX(ctx context.Context, key string, v []byte, ttl time.Duration) (bool, error) {
	return bounded(ctx, tc.opts.StoreTimeout, key, func(ctx context.Context) (bool, error) { return tc.store.SetNX(ctx, key, v, ttl) })
}

func (tc *TokenCache) storeCAD(ctx context.Context, key string, v []byte) (bool, error) {
	return bounded(ctx, tc.opts.StoreTimeout, key, func(ctx context.Context) (bool, error) { return tc.store.CompareAndDelete(ctx, key, v) })
}

func (tc *TokenCache) storeDelete(ctx context.Context, key string) error {
	_, err := bounded(ctx, tc.opts.StoreTimeout, key, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, tc.store.Delete(ctx, key)
	})
	return err
}
