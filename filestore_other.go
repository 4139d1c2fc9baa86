//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package wechat

import (
	"context"
	"sync"
)

// On this system a FileStore uses no OS file lock: mutations are serialized
// only within the process (by path), so a store file must not be shared by
// several processes here. Reads re-parse the file each time, because an
// open file would block the rename that replaces it.
const cacheReads = false

var (
	pathLocksMu sync.Mutex
	pathLocks   = map[string]chan struct{}{}
)

// lockFile takes the in-process lock of path.
func lockFile(ctx context.Context, path string) (unlock func(), err error) {
	pathLocksMu.Lock()
	ch, ok := pathLocks[path]
	if !ok {
		ch = make(chan struct{}, 1)
		pathLocks[path] = ch
	}
	pathLocksMu.Unlock()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case ch <- struct{}{}:
		return func() { <-ch }, nil
	}
}

// syncDir is a no-op: directories cannot be synced portably here.
func syncDir(string) error { return nil }
