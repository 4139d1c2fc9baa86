package wechat_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/storetest"
)

func newTempFileStore(t testing.TB) *wechat.FileStore {
	t.Helper()
	s, err := wechat.NewFileStore(filepath.Join(t.TempDir(), "cache", "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fastTempDir returns a temporary directory on tmpfs (/dev/shm) when there
// is one, else t.TempDir(). The tests that write thousands of times use it:
// they check locking and atomic replacement, which do not depend on the file
// system, and fsync on a disk would make them take tens of seconds.
func fastTempDir(t *testing.T) string {
	t.Helper()
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "wechat-filestore-test-*"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

func TestFileStoreConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) wechat.Store { return newTempFileStore(t) })
}

func TestFileStoreContext(t *testing.T) {
	storetest.RequireContext(t, newTempFileStore(t))
}

func TestFileStoreTwoInstancesOneFile(t *testing.T) {
	a, err := wechat.NewFileStore(filepath.Join(fastTempDir(t), "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := wechat.NewFileStore(a.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	// Same-size values written in quick succession: b must notice every
	// replacement even when size and modification time do not change.
	for i := range 50 {
		v := fmt.Appendf(nil, "value-%03d", i)
		if err := a.Set(ctx, "k", v, 0); err != nil {
			t.Fatal(err)
		}
		got, err := b.Get(ctx, "k")
		if err != nil || !bytes.Equal(got, v) {
			t.Fatalf("round %d: other instance Get = %q, %v; want %q", i, got, err, v)
		}
		ok, err := b.SetNX(ctx, fmt.Sprint("nx", i), v, 0)
		if err != nil || !ok {
			t.Fatalf("SetNX = %v, %v", ok, err)
		}
		if got, err := a.Get(ctx, fmt.Sprint("nx", i)); err != nil || !bytes.Equal(got, v) {
			t.Fatalf("round %d: Get after the other instance's SetNX = %q, %v", i, got, err)
		}
	}
}

func TestFileStorePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "a", "b")
	s, err := wechat.NewFileStore(filepath.Join(dir, "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Set(context.Background(), "k", []byte("secret"), 0); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, filepath.Dir(dir), s.Path(), s.Path() + ".lock"} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm&0o077 != 0 || (!fi.IsDir() && perm != 0o600) {
			t.Errorf("%s: mode %v, want 0600 for files, 0700 for directories", path, fi.Mode())
		}
	}
}

func TestFileStoreFormat(t *testing.T) {
	s := newTempFileStore(t)
	ctx := context.Background()
	if err := s.Set(ctx, "wechat:wx1:access_token", []byte("tok"), time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := s.Set(ctx, "forever", []byte{0, 1, 2}, 0); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Version int `json:"version"`
		Entries map[string]struct {
			Value     []byte     `json:"value"`
			ExpiresAt *time.Time `json:"expires_at"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("store file is not the documented JSON: %v\n%s", err, data)
	}
	if f.Version != 1 || len(f.Entries) != 2 {
		t.Fatalf("file = %s", data)
	}
	tok := f.Entries["wechat:wx1:access_token"]
	if string(tok.Value) != "tok" || tok.ExpiresAt == nil || time.Until(*tok.ExpiresAt) < 59*time.Minute {
		t.Errorf("access_token entry = %+v", tok)
	}
	if e := f.Entries["forever"]; !bytes.Equal(e.Value, []byte{0, 1, 2}) || e.ExpiresAt != nil {
		t.Errorf("forever entry = %+v", e)
	}
}

func TestFileStorePrunesExpiredOnWrite(t *testing.T) {
	s := newTempFileStore(t)
	ctx := context.Background()
	if err := s.Set(ctx, "short-lived", []byte("x"), 20*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	time.Sleep(40 * time.Millisecond)
	if err := s.Set(ctx, "other", []byte("y"), 0); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("short-lived")) {
		t.Fatalf("expired entry still written:\n%s", data)
	}
}

func TestFileStoreCorrupt(t *testing.T) {
	const secret = "SECRET-TOKEN-VALUE"
	for name, content := range map[string]string{
		"garbage":       secret + " not json",
		"truncated":     `{"version":1,"entries":{"k":{"value":"` + secret,
		"wrong version": `{"version":7,"entries":{}}`,
		"no version":    `{"entries":{}}`,
		"bad base64":    `{"version":1,"entries":{"k":{"value":"!!` + secret + `"}}}`,
		"bad time":      `{"version":1,"entries":{"k":{"value":"","expires_at":"` + secret + `"}}}`,
		"trailing":      `{"version":1,"entries":{}} {}`,
		"array":         `[1,2,3]`,
		"unknown field": `{"version":1,"entries":{},"extra":"` + secret + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			s := newTempFileStore(t)
			if err := os.WriteFile(s.Path(), []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			check := func(op string, err error) {
				t.Helper()
				if !errors.Is(err, wechat.ErrCorruptStore) {
					t.Fatalf("%s on a corrupt file: %v, want ErrCorruptStore", op, err)
				}
				if !strings.Contains(err.Error(), s.Path()) {
					t.Errorf("%s error %q does not name the file", op, err)
				}
				if strings.Contains(err.Error(), secret) {
					t.Errorf("%s error leaks the file content: %q", op, err)
				}
			}
			_, err := s.Get(ctx, "k")
			check("Get", err)
			check("Set", s.Set(ctx, "k", []byte("v"), 0))
			_, err = s.SetNX(ctx, "k", []byte("v"), 0)
			check("SetNX", err)
			check("Delete", s.Delete(ctx, "k"))
			_, err = s.CompareAndDelete(ctx, "k", nil)
			check("CompareAndDelete", err)
			got, err := os.ReadFile(s.Path())
			if err != nil || string(got) != content {
				t.Fatalf("corrupt file was modified: %q, %v", got, err)
			}
			// Removing the file repairs the store.
			if err := os.Remove(s.Path()); err != nil {
				t.Fatal(err)
			}
			if err := s.Set(ctx, "k", []byte("v"), 0); err != nil {
				t.Fatalf("Set after removing the corrupt file: %v", err)
			}
		})
	}
}

func TestFileStoreEmptyFile(t *testing.T) {
	s := newTempFileStore(t)
	if err := os.WriteFile(s.Path(), []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.Get(ctx, "k"); !errors.Is(err, wechat.ErrNotFound) {
		t.Fatalf("Get on an empty file = %v, want ErrNotFound", err)
	}
	if err := s.Set(ctx, "k", []byte("v"), 0); err != nil {
		t.Fatal(err)
	}
}

func TestFileStoreRemovesStaleTempFiles(t *testing.T) {
	s := newTempFileStore(t)
	stale := filepath.Join(filepath.Dir(s.Path()), "."+filepath.Base(s.Path())+".tmp-12345")
	if err := os.WriteFile(stale, []byte("half written"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Set(context.Background(), "k", []byte("v"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("stale temporary file still there: %v", err)
	}
}

func TestNewFileStoreErrors(t *testing.T) {
	if _, err := wechat.NewFileStore(""); err == nil {
		t.Error("NewFileStore(\"\") succeeded")
	}
	if _, err := wechat.NewFileStore(t.TempDir()); err == nil {
		t.Error("NewFileStore(directory) succeeded")
	}
	f := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := wechat.NewFileStore(filepath.Join(f, "tokens.json")); err == nil {
		t.Error("NewFileStore under a regular file succeeded")
	}
}

func TestDefaultFileStorePath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CACHE_HOME is used on Linux")
	}
	t.Setenv("XDG_CACHE_HOME", "/xdg/cache")
	if got, want := wechat.DefaultFileStorePath(), "/xdg/cache/weixin-go/wechat/tokens.json"; got != want {
		t.Errorf("DefaultFileStorePath() = %q, want %q", got, want)
	}
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	got := wechat.DefaultFileStorePath()
	if !strings.HasPrefix(got, os.TempDir()) || !strings.HasSuffix(got, filepath.Join("wechat", "tokens.json")) {
		t.Errorf("DefaultFileStorePath() without a cache dir = %q, want it under %s", got, os.TempDir())
	}
}

func FuzzFileStoreFile(f *testing.F) {
	for _, seed := range []string{
		"",
		`{"version":1,"entries":{}}`,
		`{"version":1,"entries":{"k":{"value":"dg==","expires_at":"2999-01-01T00:00:00Z"}}}`,
		`{"version":1,"entries":{"k":{"value":"dg==","expires_at":"2000-01-01T00:00:00Z"}}}`,
		`{"version":1,"entries":{"k":{"value":null}}}`,
		`{"version":1,"entries":null}`,
		`{"version":2}`,
		`[]`, `null`, `{`, `{"version":1,"entries":{"k":{"value":"@@"}}}`,
	} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	var n int
	f.Fuzz(func(t *testing.T, data []byte) {
		n++
		path := filepath.Join(dir, strconv.Itoa(n)+".json")
		defer os.Remove(path)
		defer os.Remove(path + ".lock")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := wechat.NewFileStore(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ctx := context.Background()
		_, err = s.Get(ctx, "k")
		switch {
		case errors.Is(err, wechat.ErrCorruptStore):
			if s.Set(ctx, "k", []byte("v"), 0) == nil {
				t.Fatal("Set succeeded on a corrupt file")
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
				t.Fatal("corrupt file modified")
			}
			return
		case err != nil && !errors.Is(err, wechat.ErrNotFound):
			t.Fatalf("Get: unexpected error %v", err)
		}
		// A readable file stays readable after a mutation.
		if err := s.Set(ctx, "new", []byte("v"), time.Hour); err != nil {
			t.Fatalf("Set on a readable file: %v", err)
		}
		s2, err := wechat.NewFileStore(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		if got, err := s2.Get(ctx, "new"); err != nil || string(got) != "v" {
			t.Fatalf("re-read Get = %q, %v", got, err)
		}
	})
}

func BenchmarkFileStore(b *testing.B) {
	storetest.RunBenchmarks(b, newTempFileStore(b))
}

// Multi-process tests. The test binary re-executes itself with
// -test.run=^TestFileStoreHelperProcess$ and fileStoreHelperEnv set to the helper's mode.

const fileStoreHelperEnv = "WECHAT_FILESTORE_HELPER"

func startFileStoreHelper(t *testing.T, mode, path string, id, n int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFileStoreHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(),
		fileStoreHelperEnv+"="+mode,
		"WECHAT_FILESTORE_PATH="+path,
		"WECHAT_FILESTORE_ID="+strconv.Itoa(id),
		"WECHAT_FILESTORE_N="+strconv.Itoa(n),
	)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestFileStoreHelperProcess is not a test: it is the body of the processes started
// by the multi-process tests.
func TestFileStoreHelperProcess(t *testing.T) {
	mode := os.Getenv(fileStoreHelperEnv)
	if mode == "" {
		t.Skip("helper process for the multi-process file store tests")
	}
	id, _ := strconv.Atoi(os.Getenv("WECHAT_FILESTORE_ID"))
	n, _ := strconv.Atoi(os.Getenv("WECHAT_FILESTORE_N"))
	s, err := wechat.NewFileStore(os.Getenv("WECHAT_FILESTORE_PATH"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	ctx := context.Background()
	fail := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "helper %d: "+format+"\n", append([]any{id}, args...)...)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	switch mode {
	case "cycles":
		for i := range n {
			own := fmt.Sprintf("p%d:k%d", id, i%5)
			v := storetest.Payload(id, i, 100+i%50)
			if err := s.Set(ctx, own, v, time.Hour); err != nil {
				fail("Set: %v", err)
			}
			if got, err := s.Get(ctx, own); err != nil || !bytes.Equal(got, v) {
				fail("Get(%s) after Set = %d bytes, %v", own, len(got), err)
			}
			shared := fmt.Sprintf("shared:%d", i)
			won, err := s.SetNX(ctx, shared, []byte(strconv.Itoa(id)), time.Hour)
			if err != nil {
				fail("SetNX: %v", err)
			}
			if won {
				fmt.Fprintf(out, "WIN %d\n", i)
			}
			got, err := s.Get(ctx, shared)
			if err != nil {
				fail("Get(%s) after SetNX: %v", shared, err)
			}
			if won && string(got) != strconv.Itoa(id) {
				fail("Get(%s) = %q after winning SetNX", shared, got)
			}
		}
	case "writer":
		for i := 0; ; i++ {
			if err := s.Set(ctx, fmt.Sprintf("big:%d", i%8), storetest.Payload(id, i, 64<<10+i%1000), 0); err != nil {
				fail("Set: %v", err)
			}
			if i == 0 {
				fmt.Fprintln(out, "STARTED")
				out.Flush()
			}
		}
	default:
		fail("unknown mode %q", mode)
	}
	out.Flush()
	os.Exit(0)
}

func TestFileStoreMultiProcess(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no cross-process locking on " + runtime.GOOS)
	}
	const procs, cycles = 4, 200
	path := filepath.Join(fastTempDir(t), "tokens.json")
	outs := make([]bytes.Buffer, procs)
	cmds := make([]*exec.Cmd, procs)
	for p := range procs {
		cmds[p] = startFileStoreHelper(t, "cycles", path, p, cycles)
		cmds[p].Stdout = &outs[p]
	}
	for _, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, procs)
	for p, c := range cmds {
		wg.Add(1)
		go func() { defer wg.Done(); errs[p] = c.Wait() }()
	}
	wg.Wait()
	for p, err := range errs {
		if err != nil {
			t.Fatalf("helper %d: %v", p, err)
		}
	}
	s, err := wechat.NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	winner := make(map[int]int)
	for p := range procs {
		for line := range strings.Lines(outs[p].String()) {
			i, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "WIN ")))
			if err != nil {
				t.Fatalf("helper %d output %q", p, line)
			}
			if q, dup := winner[i]; dup {
				t.Errorf("SetNX shared:%d won by processes %d and %d", i, q, p)
			}
			winner[i] = p
		}
	}
	for i := range cycles {
		p, ok := winner[i]
		if !ok {
			t.Errorf("SetNX shared:%d won by no process", i)
			continue
		}
		got, err := s.Get(ctx, fmt.Sprintf("shared:%d", i))
		if err != nil || string(got) != strconv.Itoa(p) {
			t.Errorf("shared:%d = %q, %v; want winner %d", i, got, err, p)
		}
	}
	// Every process's last Set of each of its keys survived the others'
	// rewrites of the file.
	for p := range procs {
		for k := range 5 {
			last := cycles - 5 + k
			want := storetest.Payload(p, last, 100+last%50)
			got, err := s.Get(ctx, fmt.Sprintf("p%d:k%d", p, last%5))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("p%d:k%d lost: got %d bytes, %v", p, last%5, len(got), err)
			}
		}
	}
}

func TestFileStoreSurvivesKilledWriter(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" || runtime.GOOS == "plan9" {
		t.Skip("needs SIGKILL and a second process")
	}
	path := filepath.Join(fastTempDir(t), "tokens.json")
	ctx := context.Background()
	for round := range 3 {
		cmd := startFileStoreHelper(t, "writer", path, round, 0)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		started := make(chan bool, 1)
		go func() {
			line, _ := bufio.NewReader(stdout).ReadString('\n')
			started <- line == "STARTED\n"
		}()
		select {
		case ok := <-started:
			if !ok {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("round %d: writer did not start", round)
			}
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: writer did not start in time", round)
		}
		time.Sleep(200 * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		cmd.Wait()

		s, err := wechat.NewFileStore(path)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for k := range 8 {
			got, err := s.Get(ctx, fmt.Sprintf("big:%d", k))
			if errors.Is(err, wechat.ErrNotFound) {
				continue
			}
			if err != nil {
				t.Fatalf("round %d: store unreadable after SIGKILL: %v", round, err)
			}
			if !storetest.ValidPayload(got) {
				t.Fatalf("round %d: big:%d torn (%d bytes)", round, k, len(got))
			}
			found++
		}
		if found == 0 {
			t.Fatalf("round %d: no value written", round)
		}
		// The store stays writable, and the writer's temporary file is
		// cleaned up by the next writer.
		if err := s.Set(ctx, "after-kill", []byte("ok"), 0); err != nil {
			t.Fatalf("round %d: Set after SIGKILL: %v", round, err)
		}
		s.Close()
		tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".tokens.json.tmp-*"))
		if len(tmp) != 0 {
			t.Fatalf("round %d: temporary files left: %v", round, tmp)
		}
		t.Logf("round %d: %d of 8 values readable and intact", round, found)
	}
}
