package wechat_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/internal/testenv"
	"github.com/weixin-go/wechat/redisstore"
)

// Environment of the helper process started by runTokenProcesses.
const (
	envHelper      = "WECHAT_TEST_TOKEN_PROCESS"
	envHelperURL   = "WECHAT_TEST_BASE_URL"
	envHelperStore = "WECHAT_TEST_STORE"
	envHelperStart = "WECHAT_TEST_START_AT"
)

// TestTokenProcessHelper is not a test: it is the body of the processes
// that runTokenProcesses starts. It gets one token and prints it.
func TestTokenProcessHelper(t *testing.T) {
	if os.Getenv(envHelper) != "1" {
		t.Skip("helper process for the multi-process token tests")
	}
	store, err := openTestStore(os.Getenv(envHelperStore))
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	c, err := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(os.Getenv(envHelperURL)), wechat.WithStore(store),
		wechat.WithTokenOptions(wechat.TokenOptions{PollInterval: 10 * time.Millisecond}))
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	at, _ := strconv.ParseInt(os.Getenv(envHelperStart), 10, 64)
	time.Sleep(time.Until(time.Unix(0, at))) // start together
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	tok, err := c.AccessToken(ctx)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(4)
	}
	fmt.Println("TOKEN", tok)
}

// openTestStore opens "file:PATH" or "redis:ADDR PREFIX".
func openTestStore(spec string) (wechat.Store, error) {
	if p, ok := strings.CutPrefix(spec, "file:"); ok {
		return wechat.NewFileStore(p)
	}
	if rest, ok := strings.CutPrefix(spec, "redis:"); ok {
		addr, prefix, _ := strings.Cut(rest, " ")
		return redisstore.NewFromURL("redis://"+addr+"/0", redisstore.WithPrefix(prefix))
	}
	return nil, fmt.Errorf("bad store spec %q", spec)
}

// runTokenProcesses starts n processes on one store at the same instant and
// returns the tokens they printed.
func runTokenProcesses(t *testing.T, srv *fakewechat.Server, n int, storeSpec string) []string {
	t.Helper()
	start := time.Now().Add(700 * time.Millisecond).UnixNano()
	cmds := make([]*exec.Cmd, n)
	outs := make([]*bytes.Buffer, n)
	for i := range cmds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTokenProcessHelper$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), envHelper+"=1", envHelperURL+"="+srv.URL(), envHelperStore+"="+storeSpec,
			envHelperStart+"="+strconv.FormatInt(start, 10))
		outs[i] = new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = outs[i], outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[i] = cmd
	}
	var tokens []string
	for i, cmd := range cmds {
		err := cmd.Wait()
		var tok string
		sc := bufio.NewScanner(bytes.NewReader(outs[i].Bytes()))
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "TOKEN "); ok {
				tok = v
			}
		}
		if err != nil || tok == "" {
			t.Fatalf("process %d: %v\n%s", i, err, outs[i])
		}
		tokens = append(tokens, tok)
	}
	return tokens
}

func checkOneFetch(t *testing.T, srv *fakewechat.Server, tokens []string) {
	t.Helper()
	for _, tok := range tokens {
		if tok != tokens[0] {
			t.Fatalf("processes got different tokens: %q", tokens)
		}
	}
	if n := srv.Count(stablePath); n != 1 {
		t.Fatalf("stable_token requests = %d, want exactly 1 for %d processes", n, len(tokens))
	}
}

func TestFourProcessesOnFileStoreFetchOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	srv := fakewechat.NewTestServer(t)
	path := filepath.Join(t.TempDir(), "tokens.json")
	checkOneFetch(t, srv, runTokenProcesses(t, srv, 4, "file:"+path))
}

func TestFourProcessesOnRedisStoreFetchOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	addr := testenv.RedisAddr(t)
	rc := testenv.RedisClient(t)
	prefix := testenv.KeyPrefix(t, rc)
	srv := fakewechat.NewTestServer(t)
	checkOneFetch(t, srv, runTokenProcesses(t, srv, 4, "redis:"+addr+" "+prefix))
}
