package wechat

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultLeaseTTL is the default lifetime of a delivery lease (see
// ClaimDelivery): how long a push or notification being handled by an
// instance that died stays blocked before a retry may handle it again.
const DefaultLeaseTTL = 10 * time.Second

// Delivery de-duplication for inbound pushes (callback.Server) and WeChat
// Pay notifications (pay.NotifyHandler).
//
// The key of a delivery holds either a lease (an instance is handling it)
// or the payload recorded after a successful handling. A lease names its
// owner and lives LeaseTTL; it is renewed while the handler runs and
// removed when the handler fails, so that a retry handles the delivery
// again. An instance that dies leaves a lease that expires by itself.
//
// A retry that finds a lease must not be acknowledged: the handling may
// still fail. Callers answer it with an error status so that WeChat
// retries, and acknowledge only when they find a payload.

// leasePrefix starts every lease value; payloads recorded by Done never
// start with a NUL byte in this package's callers ("S", "R…", "done").
const leasePrefix = "\x00lease:"

// leaseOwner is this process's random id; a counter makes each lease
// value unique.
var (
	leaseOwner = func() string {
		var b [8]byte
		_, _ = rand.Read(b[:])
		return hex.EncodeToString(b[:])
	}()
	leaseSeq atomic.Uint64
)

// IsLease reports whether v, a value read from a Store under a delivery
// key, is a lease (the delivery is being handled) rather than a recorded
// payload.
func IsLease(v []byte) bool { return bytes.HasPrefix(v, []byte(leasePrefix)) }

// Lease is the right to handle one delivery, obtained from ClaimDelivery.
// It renews itself in the background until Done or Release is called;
// exactly one of them must be called.
type Lease struct {
	store Store
	key   string
	val   []byte
	ttl   time.Duration

	mu    sync.Mutex // serializes renewals with Done and Release
	ended bool
	timer *time.Timer
}

// ClaimDelivery tries to claim the delivery named key in store for ttl
// (DefaultLeaseTTL when ttl <= 0). It returns:
//
//   - a *Lease when the caller should handle the delivery (first delivery,
//     or a retry after a failed or abandoned handling);
//   - otherwise the value found under key: a lease (see IsLease) while
//     another delivery is being handled, or the payload recorded by
//     Lease.Done;
//   - an error when the store failed; callers usually handle the delivery
//     anyway rather than lose it.
func ClaimDelivery(ctx context.Context, store Store, key string, ttl time.Duration) (*Lease, []byte, error) {
	if ttl <= 0 {
		ttl = DefaultLeaseTTL
	}
	val := make([]byte, 0, len(leasePrefix)+len(leaseOwner)+21)
	val = append(val, leasePrefix...)
	val = append(val, leaseOwner...)
	val = append(val, '-')
	val = strconv.AppendUint(val, leaseSeq.Add(1), 10)
	// Two rounds: the value may vanish between SetNX and Get (a lease
	// released or expired in between).
	for range 2 {
		ok, err := store.SetNX(ctx, key, val, ttl)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			l := &Lease{store: store, key: key, val: val, ttl: ttl}
			l.mu.Lock() // renew reads l.timer
			l.timer = time.AfterFunc(l.renewEvery(), l.renew)
			l.mu.Unlock()
			return l, nil, nil
		}
		v, err := store.Get(ctx, key)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		return nil, v, nil
	}
	// Still racing with someone: report it as busy.
	return nil, []byte(leasePrefix), nil
}

func (l *Lease) renewEvery() time.Duration { return max(l.ttl/3, time.Millisecond) }

// renew extends the lease while it is still ours: atomically when the
// store is a CompareAndSwapper; otherwise by a read, then a write, which
// renewing at a third of the lifetime keeps safe unless the store stalls
// for most of it.
func (l *Lease) renew() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ended {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), l.renewEvery())
	defer cancel()
	if cas, ok := l.store.(CompareAndSwapper); ok {
		swapped, err := cas.CompareAndSwap(ctx, l.key, l.val, l.val, l.ttl)
		if err != nil || swapped {
			l.timer.Reset(l.renewEvery()) // renewed, or store trouble: try again at the next tick
			return
		}
		// Not ours any more, or expired during a stall: find out which.
	}
	v, err := l.store.Get(ctx, l.key)
	switch {
	case errors.Is(err, ErrNotFound):
		// Expired during a stall: take it back unless someone else did.
		if ok, err := l.store.SetNX(ctx, l.key, l.val, l.ttl); err == nil && !ok {
			l.ended = true // lost to another instance
			return
		}
	case err != nil:
		// Store trouble: try again at the next tick.
	case !bytes.Equal(v, l.val):
		l.ended = true // lost: taken over or already answered
		return
	default:
		if _, ok := l.store.(CompareAndSwapper); !ok {
			_ = l.store.Set(ctx, l.key, l.val, l.ttl)
		}
		// A CompareAndSwapper that failed to swap a value it holds: the key
		// changed in between; the next tick finds out how.
	}
	l.timer.Reset(l.renewEvery())
}

// stop ends the renewals.
func (l *Lease) stop() {
	l.mu.Lock()
	l.ended = true
	l.timer.Stop()
	l.mu.Unlock()
}

// Done records payload under the delivery's key for ttl (replacing the
// lease), so that retries find it and are acknowledged with it. payload
// must not be a lease value.
func (l *Lease) Done(ctx context.Context, payload []byte, ttl time.Duration) error {
	l.stop()
	return l.store.Set(context.WithoutCancel(ctx), l.key, payload, ttl)
}

// Release gives the delivery up after a failed handling: the lease is
// removed so that the next retry handles it again. If the store fails, the
// lease still expires after its TTL.
func (l *Lease) Release(ctx context.Context) error {
	l.stop()
	_, err := l.store.CompareAndDelete(context.WithoutCancel(ctx), l.key, l.val)
	return err
}
