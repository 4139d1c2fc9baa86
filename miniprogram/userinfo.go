package miniprogram

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	userPhoneNumber      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/business/getuserphonenumber"}
	userPluginOpenPID    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/getpluginopenpid"}
	userCheckEncrypted   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/business/checkencryptedmsg"}
	userPaidUnionID      = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/getpaidunionid"}
	userGetUserEncryptKy = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/business/getuserencryptkey"}
)

// Errors of the local user-data helpers. They are wrapped in a
// *UserDataError that names the faulty input; match them with errors.Is.
var (
	// ErrSignatureMismatch: the signature does not match rawData and the session key.
	ErrSignatureMismatch = errors.New("signature mismatch")
	// ErrInvalidBase64: the input is not strict standard base64.
	ErrInvalidBase64 = errors.New("not valid base64")
	// ErrInvalidLength: the key or iv is not 16 bytes, or the ciphertext is
	// empty or not a whole number of AES blocks.
	ErrInvalidLength = errors.New("invalid length")
	// ErrInvalidPadding: the plaintext does not end with valid PKCS#7
	// padding, which means a wrong session key or iv, or tampered data.
	ErrInvalidPadding = errors.New("invalid PKCS#7 padding")
	// ErrInvalidJSON: the plaintext is not the expected JSON object.
	ErrInvalidJSON = errors.New("plaintext is not a JSON object")
	// ErrWatermarkMismatch: the data was encrypted for another app.
	ErrWatermarkMismatch = errors.New("watermark appid mismatch")
)

// UserDataError is the error of VerifyRawData and the Decrypt functions.
// It never contains the session key or the data.
type UserDataError struct {
	Input string // "signature", "session_key", "iv", "encrypted_data" or "watermark"
	Err   error  // one of the Err* variables of this package
}

func (e *UserDataError) Error() string {
	return "miniprogram: user data: " + e.Input + ": " + e.Err.Error()
}

func (e *UserDataError) Unwrap() error { return e.Err }

func userDataErr(input string, err error) error { return &UserDataError{Input: input, Err: err} }

// VerifyRawData checks the signature wx.getUserInfo returns with rawData:
// the hex SHA-1 of rawData followed by the session key. It returns nil when
// the signature matches and a *UserDataError wrapping ErrSignatureMismatch
// otherwise. The comparison takes constant time.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html
func VerifyRawData(sessionKey, rawData, signature string) error {
	sum := sha1.Sum([]byte(rawData + sessionKey))
	want := hex.EncodeToString(sum[:])
	got := []byte(signature)
	if len(got) == len(want) {
		got = bytes.ToLower(got)
	}
	if subtle.ConstantTimeCompare(got, []byte(want)) != 1 {
		return userDataErr("signature", ErrSignatureMismatch)
	}
	return nil
}

// Watermark is the stamp WeChat puts in every encrypted user data: the appid
// the data was encrypted for and when.
type Watermark struct {
	AppID     string `json:"appid"`
	Timestamp int64  `json:"timestamp"`
}

// DecryptedData is user data decrypted by DecryptUserData.
type DecryptedData struct {
	// Raw is the whole decrypted JSON object.
	Raw       json.RawMessage
	Watermark Watermark
}

// Decode unmarshals the decrypted JSON into v.
func (d *DecryptedData) Decode(v any) error {
	if err := json.Unmarshal(d.Raw, v); err != nil {
		return userDataErr("encrypted_data", ErrInvalidJSON)
	}
	return nil
}

// UserProfile is the decrypted user information of wx.getUserInfo.
type UserProfile struct {
	OpenID    string    `json:"openId"`
	UnionID   string    `json:"unionId,omitempty"`
	NickName  string    `json:"nickName"`
	Gender    int       `json:"gender"` // 0 unknown, 1 male, 2 female
	City      string    `json:"city"`
	Province  string    `json:"province"`
	Country   string    `json:"country"`
	AvatarURL string    `json:"avatarUrl"`
	Language  string    `json:"language,omitempty"`
	Watermark Watermark `json:"watermark"`
}

// PhoneNumber is a user's phone number, decrypted from
// getPhoneNumber's encryptedData or answered by GetPhoneNumber.
type PhoneNumber struct {
	// PhoneNumber has the country code for numbers outside mainland China.
	PhoneNumber     string    `json:"phoneNumber"`
	PurePhoneNumber string    `json:"purePhoneNumber"`
	CountryCode     string    `json:"countryCode"`
	Watermark       Watermark `json:"watermark"`
}

var strictB64 = base64.StdEncoding.Strict()

func decodeB64(input, s string) ([]byte, error) {
	b, err := strictB64.DecodeString(s)
	if err != nil {
		return nil, userDataErr(input, ErrInvalidBase64)
	}
	return b, nil
}

// DecryptUserData decrypts the encryptedData and iv a mini program got from
// an open-data API (wx.getUserInfo, wx.getWeRunData, getPhoneNumber, share
// info...) with the user's session key: AES-128-CBC with strict PKCS#7
// padding, then a JSON object whose watermark.appid must be wantAppID.
// Every failure is a *UserDataError; it never panics.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html
func DecryptUserData(sessionKey, encryptedData, iv, wantAppID string) (*DecryptedData, error) {
	if wantAppID == "" {
		return nil, invalidArg("appid", "empty: the watermark must be checked against the app's appid")
	}
	key, err := decodeB64("session_key", sessionKey)
	if err != nil {
		return nil, err
	}
	ivb, err := decodeB64("iv", iv)
	if err != nil {
		return nil, err
	}
	data, err := decodeB64("encrypted_data", encryptedData)
	if err != nil {
		return nil, err
	}
	if len(key) != aes.BlockSize {
		return nil, userDataErr("session_key", ErrInvalidLength)
	}
	if len(ivb) != aes.BlockSize {
		return nil, userDataErr("iv", ErrInvalidLength)
	}
	if len(data) == 0 || len(data)%aes.BlockSize != 0 {
		return nil, userDataErr("encrypted_data", ErrInvalidLength)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, userDataErr("session_key", ErrInvalidLength)
	}
	plain := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, ivb).CryptBlocks(plain, data)
	plain, ok := unpadPKCS7(plain, aes.BlockSize)
	if !ok {
		return nil, userDataErr("encrypted_data", ErrInvalidPadding)
	}
	var head struct {
		Watermark *Watermark `json:"watermark"`
	}
	if json.Unmarshal(plain, &head) != nil || bytes.TrimSpace(plain)[0] != '{' {
		return nil, userDataErr("encrypted_data", ErrInvalidJSON)
	}
	if head.Watermark == nil || subtle.ConstantTimeCompare([]byte(head.Watermark.AppID), []byte(wantAppID)) != 1 {
		return nil, userDataErr("watermark", ErrWatermarkMismatch)
	}
	return &DecryptedData{Raw: plain, Watermark: *head.Watermark}, nil
}

// unpadPKCS7 strips PKCS#7 padding, checking every padding byte.
func unpadPKCS7(b []byte, blockSize int) ([]byte, bool) {
	if len(b) == 0 {
		return nil, false
	}
	n := int(b[len(b)-1])
	if n == 0 || n > blockSize || n > len(b) {
		return nil, false
	}
	for _, c := range b[len(b)-n:] {
		if int(c) != n {
			return nil, false
		}
	}
	if n == len(b) {
		return nil, false // nothing but padding: no JSON object
	}
	return b[:len(b)-n], true
}

// DecryptUserProfile decrypts the encryptedData of wx.getUserInfo; see
// DecryptUserData.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html
func DecryptUserProfile(sessionKey, encryptedData, iv, wantAppID string) (*UserProfile, error) {
	return decryptInto[UserProfile](sessionKey, encryptedData, iv, wantAppID)
}

// DecryptPhoneNumber decrypts the encryptedData of the getPhoneNumber
// button (older base libraries); see DecryptUserData. Newer ones give a code
// for GetPhoneNumber instead.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html
func DecryptPhoneNumber(sessionKey, encryptedData, iv, wantAppID string) (*PhoneNumber, error) {
	return decryptInto[PhoneNumber](sessionKey, encryptedData, iv, wantAppID)
}

func decryptInto[T any](sessionKey, encryptedData, iv, wantAppID string) (*T, error) {
	d, err := DecryptUserData(sessionKey, encryptedData, iv, wantAppID)
	if err != nil {
		return nil, err
	}
	out := new(T)
	if err := d.Decode(out); err != nil {
		return nil, err
	}
	return out, nil
}

// Decrypt is DecryptUserData checking the watermark against the client's appid.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html
func (s *UserInfoService) Decrypt(sessionKey, encryptedData, iv string) (*DecryptedData, error) {
	return DecryptUserData(sessionKey, encryptedData, iv, s.c.AppID())
}

// DecryptProfile is DecryptUserProfile checking the watermark against the client's appid.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html
func (s *UserInfoService) DecryptProfile(sessionKey, encryptedData, iv string) (*UserProfile, error) {
	return DecryptUserProfile(sessionKey, encryptedData, iv, s.c.AppID())
}

// DecryptPhoneNumber is DecryptPhoneNumber checking the watermark against the client's appid.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html
func (s *UserInfoService) DecryptPhoneNumber(sessionKey, encryptedData, iv string) (*PhoneNumber, error) {
	return DecryptPhoneNumber(sessionKey, encryptedData, iv, s.c.AppID())
}

// GetPhoneNumber exchanges the code of the getPhoneNumber button for the
// user's phone number. openID is optional.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
func (s *UserInfoService) GetPhoneNumber(ctx context.Context, code, openID string) (*PhoneNumber, error) {
	if err := required("code", code); err != nil {
		return nil, err
	}
	body := struct {
		Code   string `json:"code"`
		OpenID string `json:"openid,omitempty"`
	}{code, openID}
	out, err := call[struct {
		PhoneInfo PhoneNumber `json:"phone_info"`
	}](ctx, s.c, userPhoneNumber, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.PhoneInfo, nil
}

// PluginOpenPID exchanges the code of wx.pluginLogin for the plugin user's openpid.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/basic-info/getPluginOpenPId.html
func (s *UserInfoService) PluginOpenPID(ctx context.Context, code string) (string, error) {
	if err := required("code", code); err != nil {
		return "", err
	}
	out, err := call[struct {
		OpenPID string `json:"openpid"`
	}](ctx, s.c, userPluginOpenPID, nil, map[string]string{"code": code})
	if err != nil {
		return "", err
	}
	return out.OpenPID, nil
}

// EncryptedDataCheck is the answer of CheckEncryptedData.
type EncryptedDataCheck struct {
	// Valid reports whether WeChat produced the data in the last three days.
	Valid bool `json:"vaild"` // sic: WeChat's spelling
	// CreateTime is when the data was produced (unix seconds).
	CreateTime int64 `json:"create_time"`
}

// EncryptedMsgHash returns the hash CheckEncryptedData sends for
// encryptedData: the hex SHA-256 of the base64 string as received.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/basic-info/checkEncryptedData.html
func EncryptedMsgHash(encryptedData string) string {
	sum := sha256.Sum256([]byte(encryptedData))
	return hex.EncodeToString(sum[:])
}

// CheckEncryptedData asks WeChat whether encryptedData (as received from the
// mini program) was produced by WeChat in the last three days.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/basic-info/checkEncryptedData.html
func (s *UserInfoService) CheckEncryptedData(ctx context.Context, encryptedData string) (*EncryptedDataCheck, error) {
	if err := required("encrypted_data", encryptedData); err != nil {
		return nil, err
	}
	body := map[string]string{"encrypted_msg_hash": EncryptedMsgHash(encryptedData)}
	return call[EncryptedDataCheck](ctx, s.c, userCheckEncrypted, nil, body)
}

// PaidBy names the payment of PaidUnionID: the zero value means the user's
// last payment in the past five minutes; otherwise give either the WeChat Pay
// TransactionID, or MchID with OutTradeNo.
type PaidBy struct {
	TransactionID string
	MchID         string
	OutTradeNo    string
}

// PaidUnionID returns the unionid of a user who has paid, without them
// authorizing it.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/basic-info/getPaidUnionid.html
func (s *UserInfoService) PaidUnionID(ctx context.Context, openID string, by PaidBy) (string, error) {
	if err := required("openid", openID); err != nil {
		return "", err
	}
	q := url.Values{"openid": {openID}}
	switch {
	case by.TransactionID != "" && (by.MchID != "" || by.OutTradeNo != ""):
		return "", invalidArg("transaction_id", "give either transaction_id or mch_id with out_trade_no")
	case by.TransactionID != "":
		q.Set("transaction_id", by.TransactionID)
	case by.MchID != "" || by.OutTradeNo != "":
		if err := required("mch_id", by.MchID, "out_trade_no", by.OutTradeNo); err != nil {
			return "", err
		}
		q.Set("mch_id", by.MchID)
		q.Set("out_trade_no", by.OutTradeNo)
	}
	out, err := call[struct {
		UnionID string `json:"unionid"`
	}](ctx, s.c, userPaidUnionID, q, nil)
	if err != nil {
		return "", err
	}
	return out.UnionID, nil
}

// EncryptKey is one of a user's encryption keys for the encrypted network channel.
type EncryptKey struct {
	EncryptKey string `json:"encrypt_key"`
	IV         string `json:"iv"`
	Version    int    `json:"version"`
	ExpireIn   int    `json:"expire_in"`   // seconds left
	CreateTime int64  `json:"create_time"` // unix seconds
}

// UserEncryptKeys returns the user's last three encryption keys (each lives
// 3600s), given their current session key.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/internet/getUserEncryptKey.html
func (s *UserInfoService) UserEncryptKeys(ctx context.Context, openID, sessionKey string) ([]EncryptKey, error) {
	q, err := sessionQuery(openID, sessionKey)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		KeyInfoList []EncryptKey `json:"key_info_list"`
	}](ctx, s.c, userGetUserEncryptKy, q, nil)
	if err != nil {
		return nil, err
	}
	return out.KeyInfoList, nil
}
