package fakepay

import (
	"bytes"
	"compress/gzip"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Mode selects how the fake signs responses and notifications.
type Mode int

const (
	// ModeCertificates signs with the platform certificate.
	ModeCertificates Mode = iota
	// ModePublicKey signs with the WeChat Pay public key.
	ModePublicKey
	// ModeBoth is the transition period: responses are signed with the public
	// key when the request's Wechatpay-Serial names it, with the platform
	// certificate otherwise.
	ModeBoth
)

// Options configure a Server.
type Options struct {
	MchID    string // default "1900000109"
	APIv3Key string // default a fixed 32-byte test key
	APIv2Key string // default a fixed 32-byte test key
	Mode     Mode
	// Merchants are merchants known besides the built-in one (MchID, with
	// the test merchant certificate of TestKeys); see Merchant.
	Merchants []Merchant
}

// Default test credentials.
const (
	DefaultMchID    = "1900000109"
	DefaultAPIv3Key = "fakepayAPIv3key0123456789abcdefX"
	DefaultAPIv2Key = "fakepayAPIv2key0123456789abcdefY"
)

// Signer chooses the key a response or notification is signed with.
type Signer struct {
	Serial string
	Key    *rsa.PrivateKey
}

// Server is a fake WeChat Pay (HTTPS, mutual TLS accepted for /secapi).
type Server struct {
	// URL is the base URL to give pay.WithBaseURL.
	URL  string
	Keys *Keys
	Opts Options

	srv *httptest.Server

	mu        sync.Mutex
	orders    map[string]*Order  // by out_trade_no
	refunds   map[string]*Refund // by out_refund_no
	bills     map[string][]byte  // by token
	abnormal  map[string]map[string]string
	platforms []KeyPair // served by /v3/certificates; the last one signs
	hook      func(r *http.Request, h http.Header, body []byte) []byte
	signer    func(r *http.Request) Signer
	merchants map[string]*Merchant // by mchid; set by New, read-only after
	now       func() time.Time
	seq       atomic.Int64
	// Requests counts the requests received, by path.
	requests map[string]int
	// a is the state of transfers, partner orders and profit sharing
	// (statea.go).
	a *stateA

	b stateB    // media, onboarding, complaints, marketing, PayScore (payb.go)
	c stateC    // combined orders, e-commerce refunds and withdrawals (combine.go)
	f fundState // merchant funds and business-circle points (fund.go)

	hb hbState             // v2 red packets and legacy transfers (v2_redpack.go)
	br brandRedPacketState // brand red packets (brandredpacket.go)

	more moreState // PayScore plans, e-commerce cancellations, brand red packet sends, PAPay (payscore_plans.go)
	v2x  struct {  // PAPay v2 contracts and the v2 tools (v2_papay.go), made on first use
		once sync.Once
		st   *v2More
	}
}

// New starts a fake WeChat Pay server; Close it when done. It panics when
// opts.Merchants holds an invalid merchant; NewServer returns that error.
func New(opts Options) *Server {
	s, err := NewServer(opts)
	if err != nil {
		panic(err)
	}
	return s
}

// NewServer is New returning an error for an invalid merchant in
// opts.Merchants (see NewMerchant for the rules).
func NewServer(opts Options) (*Server, error) {
	if opts.MchID == "" {
		opts.MchID = DefaultMchID
	}
	if opts.APIv3Key == "" {
		opts.APIv3Key = DefaultAPIv3Key
	}
	if opts.APIv2Key == "" {
		opts.APIv2Key = DefaultAPIv2Key
	}
	k := TestKeys()
	s := &Server{
		Keys: k, Opts: opts,
		orders: map[string]*Order{}, refunds: map[string]*Refund{}, bills: map[string][]byte{},
		abnormal: map[string]map[string]string{}, platforms: []KeyPair{k.Platform},
		now: time.Now, requests: map[string]int{}, a: newStateA(),
	}
	if err := s.initMerchants(opts); err != nil {
		return nil, err
	}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	// Client certificates are requested and compared with the merchant's
	// own certificate by /secapi (see checkClientCert).
	s.srv.TLS = &tls.Config{ClientAuth: tls.RequestClientCert}
	s.srv.StartTLS()
	s.URL = s.srv.URL
	return s, nil
}

// CertificatePEM returns the PEM certificate of the server's HTTPS
// listener, for clients in other processes to trust.
func (s *Server) CertificatePEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.srv.Certificate().Raw})
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Client returns an HTTP client trusting the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// MutualTLSClient returns an HTTP client trusting the server and presenting
// the test merchant certificate.
func (s *Server) MutualTLSClient() *http.Client {
	cert, err := tls.X509KeyPair(s.Keys.Merchant.CertPEM, s.Keys.Merchant.KeyPEM)
	if err != nil {
		panic(err)
	}
	tr := s.srv.Client().Transport.(*http.Transport).Clone()
	tr.TLSClientConfig.Certificates = []tls.Certificate{cert}
	return &http.Client{Transport: tr}
}

// RootCAs returns a pool trusting the server certificate.
func (s *Server) RootCAs() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(s.srv.Certificate())
	return p
}

// SetHook installs fn, called on every v3 response after it was signed; it
// may alter the headers and returns the body to send (fault injection:
// tampered body, wrong serial, ...).
func (s *Server) SetHook(fn func(r *http.Request, h http.Header, body []byte) []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook = fn
}

// SetSigner overrides the key responses are signed with (nil restores the
// default choice).
func (s *Server) SetSigner(fn func(r *http.Request) Signer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.signer = fn
}

// SetClock sets the clock of response and notification signatures
// (Wechatpay-Timestamp); client timestamps are always checked against the
// real clock.
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

// RotatePlatformCertificate starts serving Platform2 as well and signs with
// it from now on.
func (s *Server) RotatePlatformCertificate() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.platforms = []KeyPair{s.Keys.Platform, s.Keys.Platform2}
}

// RequestCount returns how many requests reached path.
func (s *Server) RequestCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

func (s *Server) clock() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now()
}

// defaultSigner picks the response key per the mode and the request's
// Wechatpay-Serial header.
func (s *Server) defaultSigner(r *http.Request) Signer {
	s.mu.Lock()
	custom := s.signer
	plat := s.platforms[len(s.platforms)-1]
	s.mu.Unlock()
	if custom != nil {
		return custom(r)
	}
	pub := Signer{Serial: PublicKeyID, Key: s.Keys.PublicKey.Key}
	cert := Signer{Serial: plat.Serial, Key: plat.Key}
	switch s.Opts.Mode {
	case ModePublicKey:
		return pub
	case ModeBoth:
		if r != nil && r.Header.Get("Wechatpay-Serial") == PublicKeyID {
			return pub
		}
	}
	return cert
}

func nonceHex() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// sign returns the four Wechatpay-* headers for body.
func sign(sg Signer, ts time.Time, body []byte) http.Header {
	t := strconv.FormatInt(ts.Unix(), 10)
	n := nonceHex()
	sum := sha256.Sum256([]byte(t + "\n" + n + "\n" + string(body) + "\n"))
	sig, err := rsa.SignPKCS1v15(nil, sg.Key, crypto.SHA256, sum[:])
	if err != nil {
		panic(err)
	}
	h := http.Header{}
	h.Set("Wechatpay-Timestamp", t)
	h.Set("Wechatpay-Nonce", n)
	h.Set("Wechatpay-Signature", base64.StdEncoding.EncodeToString(sig))
	h.Set("Wechatpay-Serial", sg.Serial)
	h.Set("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
	return h
}

// reply signs and writes a v3 response (status, JSON v or nothing).
func (s *Server) reply(w http.ResponseWriter, r *http.Request, status int, v any) {
	var body []byte
	if v != nil {
		body, _ = json.Marshal(v)
	}
	h := sign(s.defaultSigner(r), s.clock(), body)
	h.Set("Request-ID", "fake-"+strconv.FormatInt(s.seq.Add(1), 10))
	if body != nil {
		h.Set("Content-Type", "application/json; charset=utf-8")
	}
	s.mu.Lock()
	hook := s.hook
	s.mu.Unlock()
	if hook != nil {
		body = hook(r, h, body)
	}
	for k, v := range h {
		w.Header()[k] = v
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Detail  any    `json:"detail,omitempty"`
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	s.reply(w, r, status, apiError{Code: code, Message: msg})
}

// checkAuth verifies the merchant signature of a v3 request like WeChat Pay
// and returns the merchant it authenticates.
func (s *Server) checkAuth(r *http.Request, body []byte) (*Merchant, error) {
	a := r.Header.Get("Authorization")
	const scheme = "WECHATPAY2-SHA256-RSA2048 "
	if !strings.HasPrefix(a, scheme) {
		return nil, fmt.Errorf("authorization scheme")
	}
	f := map[string]string{}
	for _, part := range strings.Split(a[len(scheme):], ",") {
		k, v, ok := strings.Cut(part, "=")
		if !ok || len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
			return nil, fmt.Errorf("malformed authorization")
		}
		f[strings.TrimSpace(k)] = v[1 : len(v)-1]
	}
	m := s.merchants[f["mchid"]]
	if m == nil {
		return nil, fmt.Errorf("mchid")
	}
	if f["serial_no"] != m.Serial() {
		return nil, fmt.Errorf("serial_no")
	}
	ts, err := strconv.ParseInt(f["timestamp"], 10, 64)
	if err != nil || abs(time.Now().Unix()-ts) > 300 {
		return nil, fmt.Errorf("timestamp")
	}
	if len(f["nonce_str"]) == 0 {
		return nil, fmt.Errorf("nonce")
	}
	msg := r.Method + "\n" + r.URL.RequestURI() + "\n" + f["timestamp"] + "\n" + f["nonce_str"] + "\n" + string(body) + "\n"
	sig, err := base64.StdEncoding.DecodeString(f["signature"])
	if err != nil {
		return nil, fmt.Errorf("signature encoding")
	}
	sum := sha256.Sum256([]byte(msg))
	if err := rsa.VerifyPKCS1v15(m.Cert.PublicKey.(*rsa.PublicKey), crypto.SHA256, sum[:], sig); err != nil {
		return nil, fmt.Errorf("signature")
	}
	return m, nil
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests[r.URL.Path]++
	s.mu.Unlock()
	if s.serveUpload(w, r) {
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		http.Error(w, "read", http.StatusBadRequest)
		return
	}
	p := r.URL.Path
	switch {
	case p == "/pay/micropay" || p == "/secapi/pay/reverse" || p == "/xdc/apiv2getsignkey/sign/getsignkey",
		strings.HasPrefix(p, "/mmpaymkttransfers/"):
		s.serveV2(w, r, body)
		return
	case v2Routes[p].h != nil: // v2_orders.go, v2_profitsharing.go, v2_bank.go
		s.serveV2API(w, r, body)
		return
	}
	m, err := s.checkAuth(r, body)
	if err != nil {
		s.fail(w, r, http.StatusUnauthorized, "SIGN_ERROR", "签名错误: "+err.Error())
		return
	}
	s.serveV3(w, withMerchant(r, m), body)
}

// encryptResourceWith seals plaintext with apiV3Key as WeChat Pay does.
func encryptResourceWith(apiV3Key string, plaintext []byte, ad string) (nonce, ciphertext string) {
	block, _ := aes.NewCipher([]byte(apiV3Key))
	g, _ := cipher.NewGCM(block)
	n := nonceHex()[:12]
	ct := g.Seal(nil, []byte(n), plaintext, []byte(ad))
	return n, base64.StdEncoding.EncodeToString(ct)
}

// AddBill registers a bill for date (both trade and fund-flow) and returns
// nothing; content is served as is, or gzip-compressed when asked.
func (s *Server) AddBill(date string, content []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bills["date:"+date] = content
}

func (s *Server) billResponse(r *http.Request, date, tarType string) (any, bool) {
	s.mu.Lock()
	content, ok := s.bills["date:"+date]
	s.mu.Unlock()
	if !ok {
		return nil, false
	}
	return s.billAnswer(date, content, tarType), true
}

// billAnswer keeps content for download under a new token named after
// prefix (gzip-compressed when tarType is GZIP) and returns the bill APIs'
// answer: its SHA-1 and download URL.
func (s *Server) billAnswer(prefix string, content []byte, tarType string) map[string]string {
	sum := sha1.Sum(content)
	token := prefix + "." + nonceHex()
	if tarType == "GZIP" {
		token += ".gz"
	}
	s.mu.Lock()
	s.bills["token:"+token] = content
	s.mu.Unlock()
	return map[string]string{
		"hash_type":    "SHA1",
		"hash_value":   hex.EncodeToString(sum[:]),
		"download_url": s.URL + "/v3/billdownload/file?token=" + token,
	}
}

func (s *Server) serveDownload(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	s.mu.Lock()
	content, ok := s.bills["token:"+token]
	s.mu.Unlock()
	if !ok {
		s.fail(w, r, http.StatusNotFound, "NO_STATEMENT_EXIST", "账单文件不存在")
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	if strings.HasSuffix(token, ".gz") {
		zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
		_, _ = io.Copy(zw, bytes.NewReader(content))
		_ = zw.Close()
		return
	}
	_, _ = w.Write(content)
}
