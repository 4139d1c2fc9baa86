package storetest

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/weixin-go/wechat"
)

// ErrFault is the error of a FaultStore's failed operations.
var ErrFault = errors.New("storetest: injected store failure")

// FaultStore wraps a Store and fails on demand, to test how callers behave
// when their store fails: Dead makes every operation fail (the instance
// lost its store, or died), NoDelete makes only Delete and
// CompareAndDelete fail.
type FaultStore struct {
	wechat.Store
	Dead, NoDelete atomic.Bool
}

func (f *FaultStore) fail(del bool) bool { return f.Dead.Load() || (del && f.NoDelete.Load()) }

// Get implements wechat.Store.
func (f *FaultStore) Get(ctx context.Context, k string) ([]byte, error) {
	if f.fail(false) {
		return nil, ErrFault
	}
	return f.Store.Get(ctx, k)
}

// Set implements wechat.Store.
func (f *FaultStore) Set(ctx context.Context, k string, v []byte, ttl time.Duration) error {
	if f.fail(false) {
		return ErrFault
	}
	return f.Store.Set(ctx, k, v, ttl)
}

// SetNX implements wechat.Store.
func (f *FaultStore) SetNX(ctx context.Context, k string, v []byte, ttl time.Duration) (bool, error) {
	if f.fail(false) {
		return false, ErrFault
	}
	return f.Store.SetNX(ctx, k, v, ttl)
}

// Delete implements wechat.Store.
func (f *FaultStore) Delete(ctx context.Context, k string) error {
	if f.fail(true) {
		return ErrFault
	}
	return f.Store.Delete(ctx, k)
}

// CompareAndDelete implements wechat.Store.
func (f *FaultStore) CompareAndDelete(ctx context.Context, k string, v []byte) (bool, error) {
	if f.fail(true) {
		return false, ErrFault
	}
	return f.Store.CompareAndDelete(ctx, k, v)
}

// CompareAndSwap implements wechat.CompareAndSwapper: atomically when the
// wrapped store does, otherwise as a read then a write.
func (f *FaultStore) CompareAndSwap(ctx context.Context, k string, old, v []byte, ttl time.Duration) (bool, error) {
	if f.fail(false) {
		return false, ErrFault
	}
	if c, ok := f.Store.(wechat.CompareAndSwapper); ok {
		return c.CompareAndSwap(ctx, k, old, v, ttl)
	}
	cur, err := f.Store.Get(ctx, k)
	if errors.Is(err, wechat.ErrNotFound) || (err == nil && string(cur) != string(old)) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, f.Store.Set(ctx, k, v, ttl)
}
