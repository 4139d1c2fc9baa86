// Package redisstore provides a wechat.Store backed by Redis, for sharing
// tokens, tickets and locks between processes on several hosts.
//
// Values are stored as plain Redis strings under the key given by the
// caller, optionally prefixed (see WithPrefix). Expiry uses millisecond TTLs
// (SET ... PX), SetNX is SET ... NX PX and CompareAndDelete is a Lua script,
// so every operation is atomic on the server. Works with a single server,
// Sentinel or Cluster through redis.UniversalClient.
//
// Importing the package routes go-redis's own log lines (connection pool
// and handshake notices) to slog.Default at debug level, so that they never
// reach stderr unasked; call redis.SetLogger afterwards to choose otherwise.
package redisstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/weixin-go/wechat"
)

func init() { redis.SetLogger(slogLogger{}) }

// slogLogger passes go-redis's log lines to slog.Default at debug level.
type slogLogger struct{}

func (slogLogger) Printf(ctx context.Context, format string, v ...any) {
	if ctx == nil {
		ctx = context.Background()
	}
	if l := slog.Default(); l.Enabled(ctx, slog.LevelDebug) {
		l.DebugContext(ctx, "go-redis: "+fmt.Sprintf(format, v...))
	}
}

// DefaultCheckTimeout bounds the connection check of NewFromURL.
const DefaultCheckTimeout = 2 * time.Second

// Store is a wechat.Store kept in Redis. It is safe for concurrent use.
type Store struct {
	client       redis.UniversalClient
	prefix       string
	owned        bool // client created by NewFromURL, closed by Close
	checkTimeout time.Duration
}

// Option configures a Store.
type Option func(*Store)

// WithPrefix prepends prefix to every key. The default is no prefix: keys
// made by wechat.StoreKey already start with "wechat:". Use a prefix to
// separate environments or tenants sharing one database, e.g. "staging:".
func WithPrefix(prefix string) Option { return func(s *Store) { s.prefix = prefix } }

// WithCheckTimeout sets how long NewFromURL waits for the server to answer
// its connection check (default DefaultCheckTimeout). Zero or a negative
// duration skips the check: the first operation then makes the connection.
func WithCheckTimeout(d time.Duration) Option { return func(s *Store) { s.checkTimeout = d } }

// New returns a Store using client. The caller keeps ownership of client:
// Close does not close it. New makes no connection; call Ping to check it.
func New(client redis.UniversalClient, opts ...Option) *Store {
	s := &Store{client: client, checkTimeout: DefaultCheckTimeout}
	for _, o := range opts {
		o(s)
	}
	return s
}

// NewFromURL returns a Store with its own client, configured from a URL of
// the form redis://[user:password@]host[:port][/db] (rediss:// for TLS,
// unix:///path?db=N for a socket; query options as in redis.ParseURL, e.g.
// ?dial_timeout=2s). The client honours context deadlines
// (ContextTimeoutEnabled). Close the store to close the client.
//
// NewFromURL checks that the server answers (PING, once, without retries,
// within DefaultCheckTimeout or WithCheckTimeout), so that a wrong address
// or password is reported here and not by the first token refresh. The
// error never contains the password.
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
	if err := checkConnection(o, opts); err != nil {
		return nil, err
	}
	s := New(redis.NewClient(o), opts...)
	s.owned = true
	return s, nil
}

// checkConnection pings the server of o once, with a client of its own
// that does not retry, so that an unreachable server fails at once.
func checkConnection(o *redis.Options, opts []Option) error {
	var cfg Store
	cfg.checkTimeout = DefaultCheckTimeout
	for _, opt := range opts {
		opt(&cfg)
	}
	if cfg.checkTimeout <= 0 {
		return nil
	}
	po := *o
	po.MaxRetries = -1
	if po.DialTimeout <= 0 || po.DialTimeout > cfg.checkTimeout {
		po.DialTimeout = cfg.checkTimeout
	}
	c := redis.NewClient(&po)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), cfg.checkTimeout)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redisstore: Redis at %s does not answer: %w", po.Addr, err)
	}
	return nil
}

// Ping checks that the server answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.client.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redisstore: PING: %w", err)
	}
	return nil
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

// compareAndSwap sets KEYS[1] to ARGV[2], with ARGV[3] milliseconds to live
// (0: none), only if it holds ARGV[1].
var compareAndSwap = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
	if tonumber(ARGV[3]) > 0 then
		redis.call("SET", KEYS[1], ARGV[2], "PX", ARGV[3])
	else
		redis.call("SET", KEYS[1], ARGV[2])
	end
	return 1
end
return 0
`)

// CompareAndSwap implements wechat.CompareAndSwapper with a Lua script, so
// the comparison and the write are one atomic step on the server.
func (s *Store) CompareAndSwap(ctx context.Context, key string, old, value []byte, d time.Duration) (bool, error) {
	ms := int64(0)
	if d > 0 {
		ms = max(d.Milliseconds(), 1)
	}
	n, err := compareAndSwap.Run(ctx, s.client, []string{s.key(key)}, old, value, ms).Int64()
	if err != nil {
		return false, wrap("compare-and-swap", key, err)
	}
	return n == 1, nil
}

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

var (
	_ wechat.Store             = (*Store)(nil)
	_ wechat.CompareAndSwapper = (*Store)(nil)
)
