package wechat

import (
	"io"
	"os"
	"path/filepath"
)

// WithFile opens the file at path and calls fn with its base name and
// content, for the *File variants of upload methods. The content is an
// *os.File, which seeks, so an upload of it can be retried.
func WithFile(path string, fn func(name string, r io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return fn(filepath.Base(path), f)
}
