package pay

import (
	"compress/gzip"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// download streams the file behind rawURL (a download_url WeChat Pay
// returned: bills, profit-sharing bills, electronic receipts) into w,
// gunzipping when gz is set, and checks its digest (SHA1 or SHA256, hex)
// while streaming. The signed request goes only to the client's API host;
// the file itself is not signed by WeChat Pay (as documented), the digest
// authenticates it: on ErrBillHash the bytes already written must be
// discarded. It returns the number of bytes written.
func (c *Client) download(ctx context.Context, rawURL, hashType, hashValue string, gz bool, w io.Writer) (int64, error) {
	if rawURL == "" {
		return 0, argError("download_url", "is required")
	}
	var h hash.Hash
	switch strings.ToUpper(hashType) {
	case "SHA1":
		h = sha1.New()
	case "SHA256":
		h = sha256.New()
	default:
		return 0, fmt.Errorf("pay: unsupported hash_type %q", hashType)
	}
	want, err := hex.DecodeString(hashValue)
	if err != nil || len(want) != h.Size() {
		return 0, fmt.Errorf("pay: hash_value is not a %s hex digest", strings.ToUpper(hashType))
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Host != c.host {
		// Never send our Authorization to another host.
		return 0, fmt.Errorf("pay: download URL host is not %s", c.host)
	}
	pathQuery := u.EscapedPath()
	if u.RawQuery != "" {
		pathQuery += "?" + u.RawQuery
	}
	auth, err := c.authorization(http.MethodGet, pathQuery, nil, c.now().Unix())
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+pathQuery, nil)
	if err != nil {
		return 0, fmt.Errorf("pay: building download request: %w", err)
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Accept", "*/*")
	req.Header.Set("Accept-Encoding", "identity")
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, fmt.Errorf("pay: downloading %s: %w", u.Path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := readLimited(resp.Body, resp.ContentLength, 64<<10)
		reqID := first(resp.Header, hdrRequestID)
		if err := c.verify(ctx, headersOf(resp.Header), body); err != nil {
			return 0, &ResponseVerificationError{StatusCode: resp.StatusCode, RequestID: reqID, Err: err}
		}
		return 0, parseError(resp.StatusCode, reqID, body)
	}
	var src io.Reader = resp.Body
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return 0, fmt.Errorf("pay: file is not gzip: %w", err)
		}
		defer zr.Close()
		src = zr
	}
	n, err := io.Copy(hashWriter{w, h}, src)
	if err != nil {
		return n, fmt.Errorf("pay: streaming %s: %w", u.Path, err)
	}
	if subtle.ConstantTimeCompare(h.Sum(nil), want) != 1 {
		return n, ErrBillHash
	}
	return n, nil
}

// errNoDownload is returned when a download is asked for a record that has
// no download_url yet.
var errNoDownload = errors.New("pay: no download_url yet (the file is not ready)")
