// Package pay is the WeChat Pay client (API v3, plus the few v2 XML
// endpoints still needed): request signing, verification of every response
// and notification (platform certificates, WeChat Pay public key, or both
// during the transition), typed endpoints, client-side payment parameters,
// sensitive-field encryption, streamed bill download and a notification
// http.Handler.
//
// A Client serves one merchant; create one Client per merchant to serve
// several merchants in one process (they share nothing but the Store).
//
// NotifyHandler relies on the http.Server it is mounted on to bound slow
// clients:
//
//	server := &http.Server{
//		Addr:              ":8443",
//		Handler:           &pay.NotifyHandler{Client: client, OnTransaction: onPaid},
//		ReadHeaderTimeout: 5 * time.Second,
//		ReadTimeout:       10 * time.Second,
//		WriteTimeout:      30 * time.Second,
//		IdleTimeout:       60 * time.Second,
//	}
//
// Logging: the Client and its NotifyHandler log rejected notifications and
// background failures at Warn level to slog.Default(), or to the logger
// given by WithLogger (slog.New(slog.DiscardHandler) turns it off), never
// with secrets or decrypted contents.
//
// See https://pay.weixin.qq.com/docs/merchant/development/interface-rules/introduction.html
package pay

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/weixin-go/wechat"
)

// DefaultBaseURL is the WeChat Pay API host.
const DefaultBaseURL = "https://api.mch.weixin.qq.com"

// DefaultTimestampWindow is how far Wechatpay-Timestamp may be from the local
// clock before a response or notification is rejected.
const DefaultTimestampWindow = 5 * time.Minute

const defaultMaxBody = 8 << 20

// VerifyMode chooses which WeChat Pay keys authenticate responses and
// notifications.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4012153196 (public key) and
// https://pay.weixin.qq.com/docs/merchant/development/interface-rules/wechatpay-certificates.html (platform certificates).
type VerifyMode int

const (
	// VerifyAuto uses the WeChat Pay public key when Config.PublicKey is set,
	// platform certificates otherwise.
	VerifyAuto VerifyMode = iota
	// VerifyCertificates uses platform certificates downloaded from
	// /v3/certificates.
	VerifyCertificates
	// VerifyPublicKey uses only the WeChat Pay public key.
	VerifyPublicKey
	// VerifyBoth accepts both, chosen per message by Wechatpay-Serial: the
	// transition period from certificates to the public key.
	VerifyBoth
)

// Config describes one merchant. Secrets are used, never logged or quoted in
// errors.
type Config struct {
	// MchID is the merchant id (商户号).
	MchID string
	// SerialNo is the serial number of the merchant API certificate.
	SerialNo string
	// PrivateKey is the merchant API private key (apiclient_key.pem), PEM,
	// PKCS#1 or PKCS#8. PrivateKeyFile is used instead when PrivateKey is empty.
	PrivateKey     []byte
	PrivateKeyFile string
	// Certificate is the optional merchant API certificate (apiclient_cert.pem);
	// when given, New checks that it matches PrivateKey and SerialNo.
	Certificate []byte
	// APIv3Key is the 32-byte API v3 key (decrypts certificates and
	// notifications).
	APIv3Key string
	// APIv2Key is the v2 API key, needed only by the v2 XML endpoints.
	APIv2Key string

	// VerifyMode selects platform certificates, the public key or both.
	VerifyMode VerifyMode
	// PublicKeyID ("PUB_KEY_ID_...") and PublicKey (PEM) are the WeChat Pay
	// public key.
	PublicKeyID string
	PublicKey   []byte
	// TrustedCertificates are platform certificates (PEM) the merchant
	// obtained out of band; they are trusted from the start and may sign the
	// first /v3/certificates download.
	TrustedCertificates [][]byte
	// PinnedSerials, when set, restricts the first certificate download: its
	// signature must come from a carried certificate with one of these serials.
	PinnedSerials []string
}

// Client calls WeChat Pay for one merchant. It is safe for concurrent use.
type Client struct {
	signer
	v3key   []byte
	aead    cipher.AEAD
	v2key   string
	baseURL string
	host    string
	hc      *http.Client
	tlsHC   *http.Client
	log     *slog.Logger
	store   wechat.Store
	window  time.Duration
	now     func() time.Time
	maxBody int64

	useCerts   bool
	pubKeyID   string
	pubKey     *rsa.PublicKey
	pinned     map[string]bool
	keys       atomic.Pointer[keySet]
	certMu     sync.Mutex
	lastFetch  time.Time
	refreshGap time.Duration

	// Transfer is merchant transfer (商家转账, the 2025 user-confirm API),
	// for merchants and service providers.
	Transfer *TransferService
	// BatchTransfer is the older batch transfer to balance (/v3/transfer/...)
	// for merchants not yet upgraded.
	BatchTransfer *BatchTransferService
	// Partner is service-provider mode (服务商): orders, refunds and bills of
	// sub-merchants.
	Partner *PartnerService
	// ProfitSharing is profit sharing (分账), merchant and partner.
	ProfitSharing *ProfitSharingService

	// Media uploads images and videos (media_id for other APIs).
	Media *MediaService
	// Applyment onboards sub-merchants (特约商户进件, service providers).
	Applyment *ApplymentService
	// Complaints handles consumer complaints (消费者投诉 2.0).
	Complaints *ComplaintService
	// CashCoupons manages cash coupon stocks (代金券).
	CashCoupons *CashCouponService
	// BusiFavor manages merchant coupons (商家券).
	BusiFavor *BusiFavorService
	// PayScore manages WeChat Pay Score service orders (微信支付分).
	PayScore *PayScoreService
	// PartnerPayScore is WeChat Pay Score for service providers (服务商).
	PartnerPayScore *PartnerPayScoreService
	// Parking is PayScore parking (微信支付分停车服务).
	Parking *ParkingService
	// ScanAndRide is scan-and-ride deductions (乘车码).
	ScanAndRide *ScanAndRideService
	// GiftActivity manages pay-gift activities (支付有礼).
	GiftActivity *GiftActivityService
	// GoldPlan is the gold plan of service providers (点金计划).
	GoldPlan *GoldPlanService
	// LoveFeast reads love-feast charity data (爱心餐).
	LoveFeast *LoveFeastService
	// PayrollCard is the payroll card (微工卡).
	PayrollCard *PayrollCardService
	// RetailStore is the retail store activity of brands (零售小店活动).
	RetailStore *RetailStoreService
	// Ecommerce is the e-commerce platform (平台收付通): sub-merchant
	// refunds, balances and withdrawals.
	Ecommerce *EcommerceService
	// Capital is the bank component (银行组件): banks, branches, provinces
	// and cities for onboarding applications (service providers).
	Capital *CapitalService
	// SubjectConfirm follows opening-intention confirmations (商户开户意愿确认).
	SubjectConfirm *SubjectConfirmService
	// Fund is the merchant's own funds (商户资金): balances and, for
	// e-commerce platforms, withdrawals.
	Fund *FundService
	// BusinessCircle is the smart business circle (智慧商圈): points sync.
	BusinessCircle *BusinessCircleService
	// BrandRedPacket queries brand red packets (品牌红包).
	BrandRedPacket *BrandRedPacketService
	// PAPay sends entrusted-payment pre-deduction notices (委托代扣).
	PAPay *PAPayService
}

// Option customises a Client.
type Option func(*Client)

// WithHTTPClient sets the HTTP client used for v3 calls (default
// http.DefaultClient).
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.hc = hc } }

// WithTLSClient sets the HTTP client used by endpoints that need the
// merchant certificate for mutual TLS (v2 /secapi/pay/reverse). See
// MutualTLSClient.
func WithTLSClient(hc *http.Client) Option { return func(c *Client) { c.tlsHC = hc } }

// WithLogger sets the structured logger (default slog.Default(); pass
// slog.New(slog.DiscardHandler) to turn logging off). Rejected
// notifications and background failures are logged at Warn level. Secrets,
// signatures and decrypted contents are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) {
		if l != nil {
			c.log = l
		}
	}
}

// WithBaseURL overrides https://api.mch.weixin.qq.com (for the backup host
// api2.mch.weixin.qq.com or a fake server in tests).
func WithBaseURL(u string) Option {
	return func(c *Client) { c.baseURL = strings.TrimRight(u, "/") }
}

// WithStore keeps platform certificates and notification de-duplication
// marks in s (default: a private wechat.MemoryStore).
func WithStore(s wechat.Store) Option { return func(c *Client) { c.store = s } }

// WithTimestampWindow sets the accepted clock distance of Wechatpay-Timestamp
// (default 5 minutes).
func WithTimestampWindow(d time.Duration) Option { return func(c *Client) { c.window = d } }

// WithClock replaces time.Now (tests).
func WithClock(now func() time.Time) Option { return func(c *Client) { c.now = now } }

// New validates cfg and returns a Client. It fails with a clear error for an
// unreadable or non-RSA private key, an API v3 key that is not 32 bytes, a
// merchant certificate that does not match the key or serial, or an
// unusable public key. No network call is made.
func New(cfg Config, opts ...Option) (*Client, error) {
	if cfg.MchID == "" {
		return nil, errors.New("pay: Config.MchID is required")
	}
	if cfg.SerialNo == "" {
		return nil, errors.New("pay: Config.SerialNo (merchant certificate serial) is required")
	}
	pemKey := cfg.PrivateKey
	if len(pemKey) == 0 && cfg.PrivateKeyFile != "" {
		b, err := os.ReadFile(cfg.PrivateKeyFile)
		if err != nil {
			return nil, fmt.Errorf("pay: reading private key file: %w", err)
		}
		pemKey = b
	}
	if len(pemKey) == 0 {
		return nil, errors.New("pay: Config.PrivateKey or PrivateKeyFile is required")
	}
	key, err := parsePrivateKey(pemKey)
	if err != nil {
		return nil, err
	}
	if len(cfg.APIv3Key) != 32 {
		return nil, fmt.Errorf("pay: Config.APIv3Key must be 32 bytes, got %d", len(cfg.APIv3Key))
	}
	if len(cfg.Certificate) > 0 {
		mc, err := parseCertificate(cfg.Certificate)
		if err != nil {
			return nil, fmt.Errorf("pay: merchant certificate: %w", err)
		}
		if !key.PublicKey.Equal(mc.PublicKey) {
			return nil, errors.New("pay: merchant certificate does not match the private key")
		}
		if !strings.EqualFold(certSerial(mc), cfg.SerialNo) {
			return nil, fmt.Errorf("pay: merchant certificate serial %s differs from Config.SerialNo %s", certSerial(mc), cfg.SerialNo)
		}
	}
	block, _ := aes.NewCipher([]byte(cfg.APIv3Key))
	aead, _ := cipher.NewGCM(block)

	c := &Client{
		signer:     signer{mchid: cfg.MchID, serial: strings.ToUpper(cfg.SerialNo), key: key},
		v3key:      []byte(cfg.APIv3Key),
		aead:       aead,
		v2key:      cfg.APIv2Key,
		baseURL:    DefaultBaseURL,
		hc:         http.DefaultClient,
		log:        slog.Default(),
		window:     DefaultTimestampWindow,
		now:        time.Now,
		maxBody:    defaultMaxBody,
		refreshGap: 30 * time.Second,
	}
	for _, o := range opts {
		o(c)
	}
	c.Transfer = &TransferService{c: c}
	c.BatchTransfer = &BatchTransferService{c: c}
	c.Partner = &PartnerService{c: c}
	c.ProfitSharing = &ProfitSharingService{c: c}
	c.PartnerPayScore = &PartnerPayScoreService{service{c}}
	c.PAPay = &PAPayService{service{c}}
	if c.store == nil {
		c.store = wechat.NewMemoryStore()
	}
	c.initServicesB()
	if c.window <= 0 {
		return nil, errors.New("pay: timestamp window must be positive")
	}
	u, err := url.Parse(c.baseURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("pay: invalid base URL %q", c.baseURL)
	}
	c.host = u.Host

	mode := cfg.VerifyMode
	if mode == VerifyAuto {
		mode = VerifyCertificates
		if len(cfg.PublicKey) > 0 {
			mode = VerifyPublicKey
		}
	}
	if mode == VerifyPublicKey || mode == VerifyBoth {
		if !isPublicKeyID(cfg.PublicKeyID) {
			return nil, errors.New(`pay: Config.PublicKeyID must start with "PUB_KEY_ID_"`)
		}
		pk, err := parsePublicKey(cfg.PublicKey)
		if err != nil {
			return nil, fmt.Errorf("pay: WeChat Pay public key: %w", err)
		}
		c.pubKeyID, c.pubKey = cfg.PublicKeyID, pk
	}
	c.useCerts = mode == VerifyCertificates || mode == VerifyBoth
	ks := &keySet{keys: map[string]*rsa.PublicKey{}}
	if c.pubKey != nil {
		ks.keys[c.pubKeyID] = c.pubKey
	}
	for _, p := range cfg.TrustedCertificates {
		pc, err := parseCertificate(p)
		if err != nil {
			return nil, fmt.Errorf("pay: trusted platform certificate: %w", err)
		}
		ks = ks.with([]PlatformCertificate{{
			SerialNo: certSerial(pc), EffectiveTime: pc.NotBefore, ExpireTime: pc.NotAfter,
			PEM: string(p), cert: pc,
		}}, c.now())
	}
	if len(cfg.PinnedSerials) > 0 {
		c.pinned = map[string]bool{}
		for _, s := range cfg.PinnedSerials {
			c.pinned[strings.ToUpper(s)] = true
		}
	}
	c.keys.Store(ks)
	return c, nil
}

// MchID returns the merchant id.
func (c *Client) MchID() string { return c.mchid }

// MutualTLSClient returns an HTTP client presenting the merchant API
// certificate, for the v2 endpoints under /secapi. certPEM and keyPEM are
// apiclient_cert.pem and apiclient_key.pem; roots may be nil (system roots).
func MutualTLSClient(certPEM, keyPEM []byte, roots *x509.CertPool) (*http.Client, error) {
	return mutualTLSClient(certPEM, keyPEM, roots)
}

// readLimited reads at most limit bytes; larger bodies are an error.
func readLimited(r io.Reader, size, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 && size <= limit {
		// Content-Length is the sender's claim: preallocate for it only up
		// to a modest size, so a lying header cannot make us allocate the
		// whole limit per request.
		buf.Grow(int(min(size, 256<<10)) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("pay: reading response: %w", err)
	}
	if n > limit {
		return nil, fmt.Errorf("pay: response larger than %d bytes", limit)
	}
	return buf.Bytes(), nil
}

// request describes one v3 call; every endpoint builds one and goes through
// Client.do.
type request struct {
	method string
	path   string     // escaped absolute path
	query  url.Values // optional
	body   any        // JSON-encoded when non-nil
	serial string     // Wechatpay-Serial request header, when set
	// rawVerify replaces the standard verification; only Certificates
	// uses it (a first download is authenticated by what it carries).
	rawVerify func(h http.Header, body []byte) error
}

// do signs, sends, verifies and decodes one v3 call. out may be nil.
func (c *Client) do(ctx context.Context, r request, out any) error {
	var body []byte
	if r.body != nil {
		b, err := wechat.MarshalJSON(r.body)
		if err != nil {
			return fmt.Errorf("pay: encoding request: %w", err)
		}
		body = b
	}
	pathQuery := r.path
	if len(r.query) > 0 {
		pathQuery += "?" + r.query.Encode()
	}
	serial := r.serial
	if serial == "" && c.pubKey != nil {
		// Ask WeChat Pay to sign the response with the public key.
		serial = c.pubKeyID
	}
	resp, respBody, err := c.send(ctx, r.method, pathQuery, body, serial, c.hc)
	if err != nil {
		return err
	}
	return c.finish(ctx, r, resp, respBody, out)
}

// finish verifies a v3 answer (r.rawVerify or the standard verification),
// turns an error status into *Error and decodes a success into out.
func (c *Client) finish(ctx context.Context, r request, resp *http.Response, respBody []byte, out any) error {
	verify := r.rawVerify
	if verify == nil {
		verify = func(h http.Header, b []byte) error { return c.verify(ctx, headersOf(h), b) }
	}
	reqID := first(resp.Header, hdrRequestID)
	if err := verify(resp.Header, respBody); err != nil {
		return &ResponseVerificationError{StatusCode: resp.StatusCode, RequestID: reqID, Err: err}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return parseError(resp.StatusCode, reqID, respBody)
	}
	if out == nil || len(respBody) == 0 {
		return nil
	}
	if err := json.Unmarshal(respBody, out); err != nil {
		return fmt.Errorf("pay: decoding %s response (request id %s): %w", r.path, reqID, err)
	}
	return nil
}

// send signs and sends one request, retrying once only when the request
// surely never left (no connection was obtained), and returns the body.
func (c *Client) send(ctx context.Context, method, pathQuery string, body []byte, serial string, hc *http.Client) (*http.Response, []byte, error) {
	const attempts = 2
	var lastErr error
	for attempt := 0; attempt < attempts; attempt++ {
		auth, err := c.authorization(method, pathQuery, body, c.now().Unix())
		if err != nil {
			return nil, nil, err
		}
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		var gotConn atomic.Bool
		tctx := httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
			GotConn: func(httptrace.GotConnInfo) { gotConn.Store(true) },
		})
		req, err := http.NewRequestWithContext(tctx, method, c.baseURL+pathQuery, rd)
		if err != nil {
			return nil, nil, fmt.Errorf("pay: building request: %w", err)
		}
		req.Header.Set("Authorization", auth)
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", "weixin-go-wechat-pay")
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if serial != "" {
			req.Header.Set(hdrSerial, serial)
		}
		start := time.Now()
		resp, err := hc.Do(req)
		if err != nil {
			lastErr = err
			if !gotConn.Load() && ctx.Err() == nil && attempt+1 < attempts {
				c.log.LogAttrs(ctx, slog.LevelWarn, "pay: retrying request that never left",
					slog.String("method", method), slog.String("path", pathOnly(pathQuery)), slog.String("error", err.Error()))
				select {
				case <-time.After(100 * time.Millisecond):
				case <-ctx.Done():
					return nil, nil, ctx.Err()
				}
				continue
			}
			return nil, nil, fmt.Errorf("pay: %s %s: %w", method, pathOnly(pathQuery), err)
		}
		respBody, err := readLimited(resp.Body, resp.ContentLength, c.maxBody)
		resp.Body.Close()
		if c.log.Enabled(ctx, slog.LevelDebug) {
			c.log.LogAttrs(ctx, slog.LevelDebug, "pay request",
				slog.String("method", method), slog.String("path", pathOnly(pathQuery)),
				slog.Int("status", resp.StatusCode), slog.String("request_id", first(resp.Header, hdrRequestID)),
				slog.Duration("duration", time.Since(start)))
		}
		if err != nil {
			return nil, nil, err
		}
		return resp, respBody, nil
	}
	return nil, nil, fmt.Errorf("pay: %s %s: %w", method, pathOnly(pathQuery), lastErr)
}

func pathOnly(pq string) string {
	if i := strings.IndexByte(pq, '?'); i >= 0 {
		return pq[:i]
	}
	return pq
}
