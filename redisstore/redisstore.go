// Package redisstore provides a wechat.Store backed by Redis, for sharing
// tokens, tickets and locks between processes on several hosts.
//
// Values are stored as plain Redis strings under the key given by the
// caller, optionally prefixed (see WithPrefix). Expiry uses millisecond TTLs
// (SET ... PX), SetNX is SET ... NX PX and CompareAndDelete is a Lua script,
// so every operation is atomic on the server. Works with a single server,
// Sentinel or Cluster through redis.UniversalClient.
package redisstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/weixin-go/wechat"
)

// Store is a wechat.Store kept in Redis. It is safe for concurrent use.
type Store struct {
	client redis.UniversalClient
	prefix string
	owned  bool // client created by NewFromURL, closed by Close
}

// Option configures a Store.
type Option func(*Store)

// WithPrefix prepends prefix to every key. The default is no prefix: keys
// made by wechat.StoreKey already start with "wechat:". Use a prefix to
// separate environments or tenants sharing one database, e.g. "staging:".
func WithPrefix(prefix string) Option { return func(s *Store) { s.prefix = prefix } }

// New returns a Store using client. The caller keeps ownership of client:
// Close does not close it.
func New(client redis.UniversalClient, opts ...Option) *Store {
	s := &Store{client: client}
	for _, o := range opts {
		o(s)
	}
	return s
}

// NewFromURL returns a Store with its own client, configured from a URL of
// the form redis://[user:password@]host[:port][/db] (rediss:// for TLS,
// unix:///path?db=N for a socket; query options as in redis.ParseURL, e.g.
// ?dial_timeout=2s). The client honours context deadlines
// (ContextTimeoutEnabled). Close the store to close the client. No
// connection is made until the first operation.
func NewFromURL(rawURL string, opts ...Option) (*Store, error) {
	// url.Parse errors quote the whole URL, password included: report only
	// the cause.
	if _, err := url.Parse(rawURL); err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("redisstore: invalid Redis URL: %w", err)
	}
	o, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("redisstore: invalid Redis URL: %w", err)
	}
	o.ContextTimeoutEnabled = true
	s := New(redis.NewClient(o), opts...)
	s.owned = true
	return s, nil
}

// Client returns the underlying client.
func (s *Store) Client() redis.UniversalClient { return s.client }

// Close closes the client if the store was made by NewFromURL; otherwise
// it does nothing.
func (s *Store) Close() error {
	if s.owned {
		return s.client.Close()
	}
	return nil
}

func (s *Store) key(k string) string { return s.prefix + k }

// ttl maps the Store convention (≤ 0: no expiry) to go-redis, where a
// negative duration has special meanings (KEEPTTL).
func ttl(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	if d < time.Millisecond {
		return time.Millisecond
	}
	return d
}

// wrap adds the operation and key to err. Values are never included.
func wrap(op, key string, err error) error {
	return fmt.Errorf("redisstore: %s %q: %w", op, key, err)
}

// Get implements wechat.Store.
func (s *Store) Get(ctx context.Context, key string) ([]byte, error) {
	v, err := s.client.Get(ctx, s.key(key)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, wechat.ErrNotFound
	}
	if err != nil {
		return nil, wrap("GET", key, err)
	}
	return v, nil
}

// Set implements wechat.Store.
func (s *Store) Set(ctx context.Context, key string, value []byte, d time.Duration) error {
	if err := s.client.Set(ctx, s.key(key), value, ttl(d)).Err(); err != nil {
		return wrap("SET", key, err)
	}
	return nil
}

// SetNX implements wechat.Store.
func (s *Store) SetNX(ctx context.Context, key string, value []byte, d time.Duration) (bool, error) {
	// SET key value NX [PX ms]: the value and its expiry in one command.
	res, err := s.client.SetArgs(ctx, s.key(key), value, redis.SetArgs{Mode: "NX", TTL: ttl(d)}).Result()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, wrap("SET NX", key, err)
	}
	return res == "OK", nil
}

// Delete implements wechat.Store.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := s.client.Del(ctx, s.key(key)).Err(); err != nil {
		return wrap("DEL", key, err)
	}
	return nil
}

// compareAndDelete deletes KEYS[1] if it holds ARGV[1]. redis.Script runs it
// with EVALSHA and falls back to EVAL when the server does not have it yet.
var compareAndDelete = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
	return redis.call("DEL", KEYS[1])
end
return 0
`)

// CompareAndDelete implements wechat.Store.
func (s *Store) CompareAndDelete(ctx context.Context, key string, value []byte) (bool, error) {
	n, err := compareAndDelete.Run(ctx, s.client, []string{s.key(key)}, value).Int64()
	if err != nil {
		return false, wrap("compare-and-delete", key, err)
	}
	return n == 1, nil
}

// String describes the store without credentials.
func (s *Store) String() string { return fmt.Sprintf("redisstore.Store(prefix %q)", s.prefix) }

var _ wechat.Store = (*Store)(nil)
