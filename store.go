package wechat

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrNotFound is returned by a Store when a key is absent or has expired.
var ErrNotFound = errors.New("wechat: key not found")

// Store keeps small values (tokens, tickets, locks, de-duplication marks)
// shared between goroutines and, for the file and Redis stores, between
// processes. Keys are plain strings; values are opaque bytes.
//
// Implementations must be safe for concurrent use. A ttl of zero means the
// value does not expire.
type Store interface {
	// Get returns the value stored under key, or ErrNotFound.
	Get(ctx context.Context, key string) ([]byte, error)
	// Set stores value under key, replacing any previous value.
	Set(ctx context.Context, key string, value []byte, ttl time.Duration) error
	// SetNX stores value under key only if the key is absent (or expired),
	// and reports whether it did. It is the building block of locks and
	// de-duplication.
	SetNX(ctx context.Context, key string, value []byte, ttl time.Duration) (bool, error)
	// Delete removes key. Deleting an absent key is not an error.
	Delete(ctx context.Context, key string) error
	// CompareAndDelete removes key only if it currently holds value, and
	// reports whether it did.
	CompareAndDelete(ctx context.Context, key string, value []byte) (bool, error)
}

// CompareAndSwapper is implemented by stores that can replace a value only
// while the key still holds an expected one, atomically: MemoryStore,
// FileStore and redisstore.Store. A delivery lease (ClaimDelivery) uses it
// to renew itself, so that a lease taken over by another instance is never
// overwritten; with a store that lacks it, renewal reads, then writes.
type CompareAndSwapper interface {
	// CompareAndSwap stores value under key for ttl (zero: no expiry) only
	// if key currently holds old (and has not expired), and reports whether
	// it did.
	CompareAndSwap(ctx context.Context, key string, old, value []byte, ttl time.Duration) (bool, error)
}

// MemoryStore is a Store held in process memory. It is the right choice for
// a single process and for tests. The zero value is ready to use.
//
// Expired entries are reclaimed by an amortized sweep on writes: whenever
// the number of entries has doubled since the last sweep (and is at least
// minSweep), the writer drops every expired entry, and rebuilds the map
// when most entries were expired (a Go map does not shrink by itself). The
// store's memory is therefore bounded by about twice the live entries,
// whatever the number of keys written over the life of the process.
type MemoryStore struct {
	mu      sync.Mutex
	m       map[string]memEntry
	sweepAt int              // sweep when len(m) reaches this
	clock   func() time.Time // time.Now when nil; for tests
}

// minSweep is the smallest map size at which writes sweep expired entries.
const minSweep = 1024

type memEntry struct {
	v   []byte
	exp time.Time
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{} }

func (s *MemoryStore) live(key string, now time.Time) (memEntry, bool) {
	e, ok := s.m[key]
	if !ok {
		return e, false
	}
	if !e.exp.IsZero() && !now.Before(e.exp) {
		delete(s.m, key)
		return e, false
	}
	return e, true
}

func (s *MemoryStore) now() time.Time {
	if s.clock != nil {
		return s.clock()
	}
	return time.Now()
}

// put stores e under key, sweeping expired entries first when the map has
// doubled since the last sweep. s.mu is held.
func (s *MemoryStore) put(key string, e memEntry, now time.Time) {
	if s.m == nil {
		s.m = make(map[string]memEntry)
	}
	if len(s.m) >= max(s.sweepAt, minSweep) {
		s.sweep(now)
	}
	s.m[key] = e
}

// sweep drops expired entries; when they were the majority, the live ones
// move to a fresh map so that the old buckets are freed. s.mu is held.
func (s *MemoryStore) sweep(now time.Time) {
	before := len(s.m)
	for k, e := range s.m {
		if !e.exp.IsZero() && !now.Before(e.exp) {
			delete(s.m, k)
		}
	}
	if len(s.m) < before/2 {
		fresh := make(map[string]memEntry, len(s.m))
		for k, e := range s.m {
			fresh[k] = e
		}
		s.m = fresh
	}
	s.sweepAt = 2 * len(s.m)
}

func expiry(now time.Time, ttl time.Duration) time.Time {
	if ttl <= 0 {
		return time.Time{}
	}
	return now.Add(ttl)
}

// Get implements Store.
func (s *MemoryStore) Get(_ context.Context, key string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.live(key, s.now())
	if !ok {
		return nil, ErrNotFound
	}
	return append([]byte(nil), e.v...), nil
}

// Set implements Store.
func (s *MemoryStore) Set(_ context.Context, key string, value []byte, ttl time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.put(key, memEntry{v: append([]byte(nil), value...), exp: expiry(now, ttl)}, now)
	return nil
}

// SetNX implements Store.
func (s *MemoryStore) SetNX(_ context.Context, key string, value []byte, ttl time.Duration) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if _, ok := s.live(key, now); ok {
		return false, nil
	}
	s.put(key, memEntry{v: append([]byte(nil), value...), exp: expiry(now, ttl)}, now)
	return true, nil
}

// Delete implements Store.
func (s *MemoryStore) Delete(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

// CompareAndSwap implements CompareAndSwapper.
func (s *MemoryStore) CompareAndSwap(_ context.Context, key string, old, value []byte, ttl time.Duration) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	e, ok := s.live(key, now)
	if !ok || string(e.v) != string(old) {
		return false, nil
	}
	s.put(key, memEntry{v: append([]byte(nil), value...), exp: expiry(now, ttl)}, now)
	return true, nil
}

// CompareAndDelete implements Store.
func (s *MemoryStore) CompareAndDelete(_ context.Context, key string, value []byte) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.live(key, s.now())
	if !ok || string(e.v) != string(value) {
		return false, nil
	}
	delete(s.m, key)
	return true, nil
}
