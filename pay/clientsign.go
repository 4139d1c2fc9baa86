package pay

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
)

// JSAPIPayParams are the arguments of WeixinJSBridge "getBrandWCPayRequest"
// and mini program wx.requestPayment for a JSAPI / mini program prepay_id.
// Field names are the ones the front end expects.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/jsapi-transfer-payment.html
type JSAPIPayParams struct {
	AppID     string `json:"appId"`
	TimeStamp string `json:"timeStamp"`
	NonceStr  string `json:"nonceStr"`
	Package   string `json:"package"`
	SignType  string `json:"signType"`
	PaySign   string `json:"paySign"`
}

// AppPayParams are the arguments of the APP SDK PayReq for an APP prepay_id.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/in-app-payment/app-transfer-payment.html
type AppPayParams struct {
	AppID     string `json:"appid"`
	PartnerID string `json:"partnerid"`
	PrepayID  string `json:"prepayid"`
	Package   string `json:"package"`
	NonceStr  string `json:"noncestr"`
	Timestamp string `json:"timestamp"`
	Sign      string `json:"sign"`
}

func (c *Client) signLines(parts ...string) (string, error) {
	bp := getBuf()
	defer putBuf(bp)
	b := *bp
	for _, p := range parts {
		b = append(b, p...)
		b = append(b, '\n')
	}
	*bp = b
	sig, err := c.signMessage(nil, b)
	return string(sig), err
}

// JSAPIPayParams signs the front-end payment parameters for prepayID
// (signType RSA, paySign over "appId\ntimeStamp\nnonceStr\npackage\n").
func (c *Client) JSAPIPayParams(appID, prepayID string) (*JSAPIPayParams, error) {
	if appID == "" || prepayID == "" {
		return nil, errors.New("pay: appID and prepayID are required")
	}
	var n [32]byte
	newNonce(&n)
	p := &JSAPIPayParams{
		AppID:     appID,
		TimeStamp: strconv.FormatInt(c.now().Unix(), 10),
		NonceStr:  string(n[:]),
		Package:   "prepay_id=" + prepayID,
		SignType:  "RSA",
	}
	var err error
	p.PaySign, err = c.signLines(p.AppID, p.TimeStamp, p.NonceStr, p.Package)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// AppPayParams signs the APP payment parameters for prepayID (package
// "Sign=WXPay", sign over "appid\ntimestamp\nnoncestr\nprepayid\n").
func (c *Client) AppPayParams(appID, prepayID string) (*AppPayParams, error) {
	if appID == "" || prepayID == "" {
		return nil, errors.New("pay: appID and prepayID are required")
	}
	var n [32]byte
	newNonce(&n)
	p := &AppPayParams{
		AppID:     appID,
		PartnerID: c.mchid,
		PrepayID:  prepayID,
		Package:   "Sign=WXPay",
		NonceStr:  string(n[:]),
		Timestamp: strconv.FormatInt(c.now().Unix(), 10),
	}
	var err error
	p.Sign, err = c.signLines(p.AppID, p.Timestamp, p.NonceStr, p.PrepayID)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// encryptionKey returns the WeChat Pay key sensitive fields are encrypted
// with and its id for the Wechatpay-Serial header: the public key when
// configured, else the newest platform certificate.
func (c *Client) encryptionKey(ctx context.Context) (*rsa.PublicKey, string, error) {
	if c.pubKey != nil {
		return c.pubKey, c.pubKeyID, nil
	}
	certs, err := c.PlatformCertificates(ctx)
	if err != nil {
		return nil, "", err
	}
	if len(certs) == 0 {
		return nil, "", errors.New("pay: no platform certificate to encrypt with")
	}
	// The newest certificate already in effect: WeChat Pay publishes a new
	// certificate before it starts using it.
	pc := certs[0]
	now := c.now()
	for _, x := range certs {
		if !x.EffectiveTime.After(now) {
			pc = x
			break
		}
	}
	return pc.cert.PublicKey.(*rsa.PublicKey), pc.SerialNo, nil
}

// EncryptSensitive encrypts a sensitive field (name, ID number, bank
// account, ...) with the WeChat Pay public key or the newest platform
// certificate, using RSA-OAEP with SHA-1 as WeChat Pay documents. It returns
// the base64 ciphertext and the serial to send as Wechatpay-Serial.
//
// See https://pay.weixin.qq.com/docs/merchant/development/interface-rules/sensitive-data-encryption.html
func (c *Client) EncryptSensitive(ctx context.Context, plaintext string) (ciphertext, serial string, err error) {
	pub, serial, err := c.encryptionKey(ctx)
	if err != nil {
		return "", "", err
	}
	ct, err := encryptOAEP(pub, plaintext)
	return ct, serial, err
}

func encryptOAEP(pub *rsa.PublicKey, plaintext string) (string, error) {
	ct, err := rsa.EncryptOAEP(sha1.New(), rand.Reader, pub, []byte(plaintext), nil)
	if err != nil {
		return "", fmt.Errorf("pay: encrypting sensitive field: %w", err)
	}
	return base64.StdEncoding.EncodeToString(ct), nil
}

// DecryptSensitive decrypts a sensitive field WeChat Pay encrypted with the
// merchant certificate (RSA-OAEP, SHA-1) using the merchant private key.
func (c *Client) DecryptSensitive(ciphertext string) (string, error) {
	ct, err := base64.StdEncoding.DecodeString(ciphertext)
	if err != nil {
		return "", errors.New("pay: sensitive field is not base64")
	}
	pt, err := rsa.DecryptOAEP(sha1.New(), nil, c.key, ct, nil)
	if err != nil {
		return "", errors.New("pay: sensitive field cannot be decrypted with the merchant key")
	}
	return string(pt), nil
}

// Authorization returns the Authorization header value for a v3 request
// (method, absolute path with query, exact body), for callers that send
// requests themselves.
//
// See https://pay.weixin.qq.com/docs/merchant/development/interface-rules/signature-generation.html
func (c *Client) Authorization(method, pathQuery string, body []byte) (string, error) {
	return c.authorization(method, pathQuery, body, c.now().Unix())
}
