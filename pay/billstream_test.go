package pay_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"runtime"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// billGen produces n bytes of bill-like lines without allocating.
type billGen struct{ n, off int64 }

const billLine = "`2026-01-01 12:00:00,`wx1,`1900000109,`4200000000000000000001,`T0000000001,`SUCCESS,`1.00\n"

func (g *billGen) Read(p []byte) (int, error) {
	if g.off >= g.n {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && g.off < g.n {
		c := copy(p[k:min(len(p), k+int(g.n-g.off))], billLine[g.off%int64(len(billLine)):])
		k += c
		g.off += int64(c)
	}
	return k, nil
}

// staticTransport answers every request with a fresh body from open.
type staticTransport struct{ open func() io.Reader }

func (t staticTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(t.open()), Request: r}, nil
}

// A bill far larger than the allocation budget streams through
// DownloadBill, plain and gzip, with its SHA-1 checked; the whole process
// allocates a small constant, so the bill is never held in memory. No
// server runs in the process, so the measure is the client's alone.
func TestBillDownloadBoundedAllocations(t *testing.T) {
	size := int64(16 << 20)
	if raceEnabled {
		size = 4 << 20
	}
	h := sha1.New()
	if _, err := io.Copy(h, &billGen{n: size}); err != nil {
		t.Fatal(err)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := io.Copy(zw, &billGen{n: size}); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	srv := newServer(t, fakepay.ModePublicKey)
	for _, tc := range []struct {
		tar  string
		open func() io.Reader
	}{
		{"", func() io.Reader { return &billGen{n: size} }},
		{"GZIP", func() io.Reader { return bytes.NewReader(gz.Bytes()) }},
	} {
		cfg := testConfig(srv, pay.VerifyPublicKey)
		c, err := pay.New(cfg, pay.WithHTTPClient(&http.Client{Transport: staticTransport{tc.open}}))
		if err != nil {
			t.Fatal(err)
		}
		b := &pay.Bill{HashType: "SHA1", HashValue: sum, TarType: tc.tar,
			DownloadURL: pay.DefaultBaseURL + "/v3/billdownload/file?token=abc"}
		var w countingWriter
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		n, err := c.DownloadBill(ctx(t), b, &w)
		runtime.ReadMemStats(&after)
		if err != nil || n != size || w.n != size {
			t.Fatalf("%q: n=%d written=%d err=%v", tc.tar, n, w.n, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
			t.Fatalf("%q: a %d-byte bill allocated %d bytes: not streamed", tc.tar, size, alloc)
		}
		// A wrong hash is reported after the bytes were written.
		b.HashValue = hex.EncodeToString(make([]byte, sha1.Size))
		w = countingWriter{}
		n, err = c.DownloadBill(ctx(t), b, &w)
		if !errors.Is(err, pay.ErrBillHash) || n != size || w.n != size {
			t.Fatalf("%q: wrong hash: n=%d written=%d err=%v", tc.tar, n, w.n, err)
		}
	}
}
