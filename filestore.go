package wechat

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// ErrCorruptStore is matched (with errors.Is) by the error a FileStore
// returns when its file cannot be parsed. The store then refuses every
// operation, mutations included, so that the file is never overwritten
// blindly: inspect it, then fix or delete it.
var ErrCorruptStore = errors.New("wechat: corrupt file store")

// fileStoreVersion is the format version written in the file.
const fileStoreVersion = 1

// FileStore is a Store kept in one JSON file, safe for concurrent use by
// goroutines and by several processes on one host. It is the default store
// of a Client, so that tokens survive restarts and are shared by the
// processes (CLI runs, workers) of one machine.
//
// Every mutation takes an exclusive lock (flock(2) on the sibling file
// PATH.lock on Linux, macOS and the BSDs; on other systems only an
// in-process lock, so there the store is safe for one process only), reads
// the current file, applies the change, prunes expired entries, writes the
// result to a temporary file in the same directory (mode 0600), syncs it and
// renames it over the store file, then syncs the directory. A reader
// therefore always sees a complete file, even if a writer is killed, and
// reads take no lock. An unchanged file is not parsed again.
//
// The file looks like
//
//	{"version":1,"entries":{"wechat:wx…:access_token":{"value":"<base64>","expires_at":"2026-01-02T15:04:05.999Z"}}}
//
// where expires_at is omitted for entries that do not expire. Do not put the
// file on a network file system: flock is not reliable there.
type FileStore struct {
	path string

	// sem serializes this store's mutations (one slot); the OS lock
	// serializes processes.
	sem      chan struct{}
	lockPath string
	swept    bool // stale temporary files removed (guarded by sem)

	mu    sync.Mutex // guards the fields below
	cache *fileSnapshot
}

// fileSnapshot is a parsed version of the file. entries is never modified
// after creation: mutations copy it.
type fileSnapshot struct {
	f       *os.File // held open (see cacheReads) so that its inode is not reused
	info    os.FileInfo
	entries map[string]fileEntry
}

type fileEntry struct {
	Value     []byte    `json:"value"`
	ExpiresAt time.Time `json:"expires_at,omitzero"`
}

func (e fileEntry) live(now time.Time) bool {
	return e.ExpiresAt.IsZero() || now.Before(e.ExpiresAt)
}

type fileFormat struct {
	Version int                  `json:"version"`
	Entries map[string]fileEntry `json:"entries"`
}

// DefaultFileStorePath returns the path of the default file store:
// "weixin-go/wechat/tokens.json" under the user cache directory
// (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches
// on macOS, %LocalAppData% on Windows), or under a per-user directory of
// os.TempDir if there is no cache directory.
func DefaultFileStorePath() string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		dir = filepath.Join(os.TempDir(), "weixin-go-"+strconv.Itoa(os.Getuid()))
	} else {
		dir = filepath.Join(dir, "weixin-go")
	}
	return filepath.Join(dir, "wechat", "tokens.json")
}

// NewFileStore returns a FileStore kept in the file at path, creating its
// parent directories (mode 0700) if needed. The file itself is created by
// the first mutation. A corrupt file is reported by the store's methods
// (see ErrCorruptStore), not by NewFileStore.
func NewFileStore(path string) (*FileStore, error) {
	if path == "" {
		return nil, errors.New("wechat: NewFileStore: empty path")
	}
	s, err := newFileStore(path)
	if err != nil {
		return nil, fmt.Errorf("wechat: file store: %w", err)
	}
	return s, nil
}

func newFileStore(path string) (*FileStore, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", abs)
	}
	return &FileStore{path: abs, lockPath: abs + ".lock", sem: make(chan struct{}, 1)}, nil
}

// ErrDefaultStore is matched (with errors.Is) by the error of a client
// constructor that could not open the default file store, for example in a
// read-only container. The error names the file and the cause; pass
// WithStore (WithMemoryStore for one process, a redisstore for several
// hosts) to keep tokens elsewhere.
var ErrDefaultStore = errors.New("wechat: the default token store cannot be used")

// The default file stores of the process, one per path, shared by every
// client made without WithStore and closed when the last of them is.
var defaultStores struct {
	sync.Mutex
	m map[string]*sharedFileStore
}

type sharedFileStore struct {
	fs   *FileStore
	refs int
}

func openDefaultFileStore() (*FileStore, error) {
	path := DefaultFileStorePath()
	defaultStores.Lock()
	defer defaultStores.Unlock()
	if sh := defaultStores.m[path]; sh != nil {
		sh.refs++
		return sh.fs, nil
	}
	fs, err := newFileStore(path)
	if err != nil {
		return nil, fmt.Errorf("%w: file %s: %w; choose another store with wechat.WithStore (wechat.WithMemoryStore() keeps tokens in this process only)", ErrDefaultStore, path, err)
	}
	if defaultStores.m == nil {
		defaultStores.m = map[string]*sharedFileStore{}
	}
	defaultStores.m[path] = &sharedFileStore{fs: fs, refs: 1}
	return fs, nil
}

func releaseDefaultFileStore(fs *FileStore) error {
	defaultStores.Lock()
	defer defaultStores.Unlock()
	for path, sh := range defaultStores.m {
		if sh.fs != fs {
			continue
		}
		if sh.refs--; sh.refs > 0 {
			return nil
		}
		delete(defaultStores.m, path)
		return fs.Close()
	}
	return nil
}

// Path returns the absolute path of the store file.
func (s *FileStore) Path() string { return s.path }

// Close releases the file handle the store keeps to recognise an unchanged
// file. The store remains usable (it reopens the file as needed).
func (s *FileStore) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dropCacheLocked()
}

func (s *FileStore) dropCacheLocked() error {
	var err error
	if s.cache != nil && s.cache.f != nil {
		err = s.cache.f.Close()
	}
	s.cache = nil
	return err
}

func (s *FileStore) corrupt(err error) error {
	return fmt.Errorf("%w %s: %s (fix or remove the file)", ErrCorruptStore, s.path, describeParseError(err))
}

// describeParseError describes why the file could not be parsed without
// quoting its content, which may hold tokens.
func describeParseError(err error) string {
	var (
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
		tm     *time.ParseError
		b64    base64.CorruptInputError
	)
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("invalid JSON at byte %d", syntax.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("unexpected JSON %s for field %q at byte %d", typ.Value, typ.Field, typ.Offset)
	case errors.As(err, &tm):
		return "invalid expires_at time"
	case errors.As(err, &b64):
		return fmt.Sprintf("invalid base64 value (byte %d)", int64(b64))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated JSON"
	case errors.Is(err, errFileFormat):
		return err.Error()
	}
	return "malformed content"
}

// errFileFormat marks the structural errors of decodeFileStore, whose
// messages hold no file content.
var errFileFormat = errors.New("not a store file")

// snapshot returns the current content of the file, parsing it only if it
// changed since the last call. Files are only ever replaced by rename, never
// modified in place, and the snapshot holds the parsed file open so that its
// inode cannot be reused: the same file identity at path therefore means the
// same content. Size and modification time are compared as well, to notice
// a file edited in place by hand.
func (s *FileStore) snapshot() (map[string]fileEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache != nil {
		fi, err := os.Stat(s.path)
		if err == nil && os.SameFile(fi, s.cache.info) && fi.Size() == s.cache.info.Size() && fi.ModTime().Equal(s.cache.info.ModTime()) {
			return s.cache.entries, nil
		}
		s.dropCacheLocked()
	}
	f, err := os.Open(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("wechat: file store: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("wechat: file store: %w", err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("wechat: file store: %w", err)
	}
	entries, err := decodeFileStore(data)
	if err != nil {
		f.Close()
		return nil, s.corrupt(err)
	}
	if cacheReads {
		s.cache = &fileSnapshot{f: f, info: info, entries: entries}
	} else {
		f.Close()
	}
	return entries, nil
}

// decodeFileStore parses the content of a store file. An empty file (or one
// holding only white space) is an empty store.
func decodeFileStore(data []byte) (map[string]fileEntry, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var ff fileFormat
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ff); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: trailing data after the JSON object", errFileFormat)
	}
	if ff.Version != fileStoreVersion {
		return nil, fmt.Errorf("%w: unsupported version %d (want %d)", errFileFormat, ff.Version, fileStoreVersion)
	}
	return ff.Entries, nil
}

func encodeFileStore(entries map[string]fileEntry) ([]byte, error) {
	if entries == nil {
		entries = map[string]fileEntry{}
	}
	b, err := json.MarshalIndent(fileFormat{Version: fileStoreVersion, Entries: entries}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Get implements Store. It reads the file without locking: writers replace
// it atomically.
func (s *FileStore) Get(ctx context.Context, key string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	entries, err := s.snapshot()
	if err != nil {
		return nil, err
	}
	e, ok := entries[key]
	if !ok || !e.live(time.Now()) {
		return nil, ErrNotFound
	}
	return bytes.Clone(e.Value), nil
}

// Set implements Store.
func (s *FileStore) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	return s.update(ctx, func(m map[string]fileEntry, now time.Time) bool {
		m[key] = fileEntry{Value: cloneNonNil(value), ExpiresAt: expiry(now, ttl)}
		return true
	})
}

// SetNX implements Store.
func (s *FileStore) SetNX(ctx context.Context, key string, value []byte, ttl time.Duration) (bool, error) {
	var set bool
	err := s.update(ctx, func(m map[string]fileEntry, now time.Time) bool {
		if _, ok := m[key]; ok {
			return false
		}
		m[key] = fileEntry{Value: cloneNonNil(value), ExpiresAt: expiry(now, ttl)}
		set = true
		return true
	})
	return set && err == nil, err
}

// Delete implements Store.
func (s *FileStore) Delete(ctx context.Context, key string) error {
	return s.update(ctx, func(m map[string]fileEntry, _ time.Time) bool {
		if _, ok := m[key]; !ok {
			return false
		}
		delete(m, key)
		return true
	})
}

// CompareAndSwap implements CompareAndSwapper, under the store's locks.
func (s *FileStore) CompareAndSwap(ctx context.Context, key string, old, value []byte, ttl time.Duration) (bool, error) {
	var swapped bool
	err := s.update(ctx, func(m map[string]fileEntry, now time.Time) bool {
		if e, ok := m[key]; !ok || !bytes.Equal(e.Value, old) {
			return false
		}
		m[key] = fileEntry{Value: cloneNonNil(value), ExpiresAt: expiry(now, ttl)}
		swapped = true
		return true
	})
	return swapped && err == nil, err
}

// CompareAndDelete implements Store.
func (s *FileStore) CompareAndDelete(ctx context.Context, key string, value []byte) (bool, error) {
	var deleted bool
	err := s.update(ctx, func(m map[string]fileEntry, _ time.Time) bool {
		if e, ok := m[key]; !ok || !bytes.Equal(e.Value, value) {
			return false
		}
		delete(m, key)
		deleted = true
		return true
	})
	return deleted && err == nil, err
}

func cloneNonNil(b []byte) []byte { return append([]byte{}, b...) }

// update runs fn on a private copy of the live entries, under the store's
// locks, and writes the result if fn reports a change. Expired entries are
// pruned from what is written.
func (s *FileStore) update(ctx context.Context, fn func(m map[string]fileEntry, now time.Time) bool) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case s.sem <- struct{}{}:
	}
	defer func() { <-s.sem }()
	unlock, err := lockFile(ctx, s.lockPath)
	if err != nil {
		return fmt.Errorf("wechat: file store lock %s: %w", s.lockPath, err)
	}
	defer unlock()

	if !s.swept {
		s.sweepTemp()
		s.swept = true
	}
	cur, err := s.snapshot()
	if err != nil {
		return err
	}
	now := time.Now()
	next := make(map[string]fileEntry, len(cur)+1)
	for k, e := range cur {
		if e.live(now) {
			next[k] = e
		}
	}
	if !fn(next, now) {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.write(next)
}

// tempPattern names the temporary files of a store file; only a process
// holding the lock writes one, so any found while holding it is stale (left
// by a killed writer).
func (s *FileStore) tempPattern() string { return "." + filepath.Base(s.path) + ".tmp-*" }

func (s *FileStore) sweepTemp() {
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(s.path), s.tempPattern()))
	for _, p := range stale {
		os.Remove(p)
	}
}

// write replaces the file atomically with entries. It is called with the
// locks held.
func (s *FileStore) write(entries map[string]fileEntry) (err error) {
	data, err := encodeFileStore(entries)
	if err != nil {
		return fmt.Errorf("wechat: file store: %w", err)
	}
	dir := filepath.Dir(s.path)
	f, err := os.CreateTemp(dir, s.tempPattern()) // mode 0600
	if err != nil {
		return fmt.Errorf("wechat: file store: %w", err)
	}
	keep := false
	defer func() {
		if !keep {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("wechat: file store write: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("wechat: file store sync: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("wechat: file store: %w", err)
	}
	if !cacheReads {
		if err := f.Close(); err != nil {
			return fmt.Errorf("wechat: file store: %w", err)
		}
	}
	if err := os.Rename(f.Name(), s.path); err != nil {
		return fmt.Errorf("wechat: file store: %w", err)
	}
	keep = true
	var syncErr error
	if err := syncDir(dir); err != nil {
		// The new file is in place; only its durability across a power
		// loss is in doubt. Report it all the same.
		syncErr = fmt.Errorf("wechat: file store sync %s: %w", dir, err)
	}
	s.mu.Lock()
	s.dropCacheLocked()
	if cacheReads {
		s.cache = &fileSnapshot{f: f, info: info, entries: entries}
	}
	s.mu.Unlock()
	return syncErr
}

// String describes the store without its content.
func (s *FileStore) String() string { return "FileStore(" + s.path + ")" }

var _ Store = (*FileStore)(nil)
