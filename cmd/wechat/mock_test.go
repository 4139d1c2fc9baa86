package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
)

// syncBuffer is a goroutine-safe bytes.Buffer for stderr.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestMockServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- serveMock(ctx, []string{"--addr", "127.0.0.1:0", "--app", "wxcli0000000000001:clisecret", "--token-ttl", "60s"}, pw, &stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading URL: %v (stderr %q)", err, stderr.String())
	}
	base := strings.TrimSpace(line)
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("printed %q, want a loopback base URL", base)
	}
	go io.Copy(io.Discard, pr) //nolint:errcheck

	resp, err := http.Get(base + "/cgi-bin/token?grant_type=client_credential&appid=wxcli0000000000001&secret=clisecret")
	if err != nil {
		t.Fatal(err)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	json.NewDecoder(resp.Body).Decode(&tok) //nolint:errcheck
	resp.Body.Close()
	if tok.AccessToken == "" || tok.ExpiresIn != 60 {
		t.Fatalf("token answer %+v, want a token valid 60s", tok)
	}

	resp, err = http.Get(base + "/fake/stats")
	if err != nil {
		t.Fatal(err)
	}
	var stats map[string]int
	if err := json.NewDecoder(resp.Body).Decode(&stats); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if want := map[string]int{"GET /cgi-bin/token": 1}; len(stats) != 1 || stats["GET /cgi-bin/token"] != 1 {
		t.Fatalf("stats %v, want %v", stats, want)
	}
	if strings.Contains(stderr.String(), "clisecret") || strings.Contains(stderr.String(), fakewechat.DefaultSecret) {
		t.Fatalf("stderr reveals a secret: %q", stderr.String())
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit code %d, stderr %q", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("mock did not stop")
	}
	if _, err := http.Get(base + "/fake/stats"); err == nil {
		t.Fatal("server still answering after stop")
	}
}

func TestMockFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--app", "noseparator"},
		{"--app", "wx1:s", "--app", "topsecretnoappid"},
		{"--app", ":secret"},
		{"--token-ttl", "0s"},
		{"--token-ttl", "abc"},
		{"extra"},
		{"--addr", "256.0.0.1:99999"},
	} {
		var out, errb bytes.Buffer
		code := serveMock(context.Background(), args, &out, &errb)
		if code == 0 {
			t.Errorf("%v: exit 0, want failure", args)
		}
		if errb.Len() == 0 {
			t.Errorf("%v: no message on stderr", args)
		}
		if strings.Contains(errb.String(), "topsecretnoappid") {
			t.Errorf("%v: stderr quotes the value: %s", args, errb.String())
		}
	}
}

func TestMockRegistered(t *testing.T) {
	if _, ok := commands["mock"]; !ok {
		t.Fatal("mock command not registered")
	}
	var out, errb bytes.Buffer
	if code := run([]string{"mock", "-h"}, nil, &out, &errb); code != 0 || !strings.Contains(out.String(), "-addr") || errb.Len() != 0 {
		t.Fatalf("mock -h: code %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}
