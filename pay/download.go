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
	resp, err := c.openUnsigned(ctx, rawURL, "download")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
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
		return n, fmt.Errorf("pay: streaming %s: %w", resp.Request.URL.Path, err)
	}
	if subtle.ConstantTimeCompare(h.Sum(nil), want) != 1 {
		return n, ErrBillHash
	}
	return n, nil
}

// errNoDownload is returned when a download is asked for a record that has
// no download_url yet.
var errNoDownload = errors.New("pay: no download_url yet (the file is not ready)")

// openUnsigned sends a signed GET for rawURL, a download URL on the API host
// whose success answer WeChat Pay does not sign (bills, receipts, complaint
// images), and returns the 200 response for the caller to stream and close.
// An error answer is verified and returned as *Error. The Authorization
// header is never sent to another host.
func (c *Client) openUnsigned(ctx context.Context, rawURL, what string) (*http.Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host != c.host {
		// Never send our Authorization to another host.
		return nil, fmt.Errorf("pay: %s URL host is not %s", what, c.host)
	}
	pathQuery := u.EscapedPath()
	if u.RawQuery != "" {
		pathQuery += "?" + u.RawQuery
	}
	auth, err := c.authorization(http.MethodGet, pathQuery, nil, c.now().Unix())
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+pathQuery, nil)
	if err != nil {
		return nil, fmt.Errorf("pay: building %s request: %w", what, err)
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Accept", "*/*")
	req.Header.Set("Accept-Encoding", "identity")
	req.Header.Set("User-Agent", "weixin-go-wechat-pay")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("pay: %s %s: %w", what, u.Path, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		body, _ := readLimited(resp.Body, resp.ContentLength, 64<<10)
		reqID := first(resp.Header, hdrRequestID)
		if err := c.verify(ctx, headersOf(resp.Header), body); err != nil {
			return nil, &ResponseVerificationError{StatusCode: resp.StatusCode, RequestID: reqID, Err: err}
		}
		return nil, parseError(resp.StatusCode, reqID, body)
	}
	return resp, nil
}
