//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package wechat

import (
	"context"
	"errors"
	"os"
	"syscall"
	"time"
)

// cacheReads: a FileStore keeps the parsed file open so that an unchanged
// file is recognised by its identity (see FileStore.snapshot).
const cacheReads = true

// lockFile takes an exclusive flock(2) on the file at path (created with
// mode 0600) and returns the function that releases it. With a context that
// can be canceled it polls, so that cancellation is honoured while another
// process holds the lock.
func lockFile(ctx context.Context, path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	fd := int(f.Fd())
	err = flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		if ctx.Done() == nil {
			err = flock(fd, syscall.LOCK_EX)
		} else {
			err = pollLock(ctx, fd)
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		flock(fd, syscall.LOCK_UN)
		f.Close()
	}, nil
}

func pollLock(ctx context.Context, fd int) error {
	wait := 200 * time.Microsecond
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		err := flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
		wait = min(2*wait, 10*time.Millisecond)
		t.Reset(wait)
	}
}

func flock(fd, how int) error {
	for {
		err := syscall.Flock(fd, how)
		if err != syscall.EINTR {
			return err
		}
	}
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
