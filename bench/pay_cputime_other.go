//go:build !linux

package bench

// threadCPUTime is only available on Linux.
func threadCPUTime() (int64, bool) { return 0, false }
