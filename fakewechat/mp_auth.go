package fakewechat

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
	"sync"
	"time"
)

// Mini program login and user data (小程序登录, 用户信息): codes from
// MPLoginCode are exchanged once by /sns/jscode2session for a session whose
// session_key signs checksession, resetusersessionkey and getuserencryptkey;
// MPEncryptUserData encrypts open data the way WeChat does and registers it
// for checkencryptedmsg; MPPhoneCode, MPPluginCode and MPRecordPayment feed
// getuserphonenumber, getpluginopenpid and getpaidunionid.
func init() {
	for code, msg := range map[int]string{
		CodeMPInvalidSignature: "invalid signature", CodeMPInvalidCode: "invalid code", CodeMPCodeUsed: "code been used",
		CodeMPNoPayment: "no unionid", CodeMPPluginData: "openpid data not exist",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerMPAuth)
}

// Errcodes of the mini program login and user-data endpoints.
const (
	CodeMPInvalidCode      = 40029
	CodeMPCodeUsed         = 40163
	CodeMPInvalidSignature = 87009
	CodeMPNoPayment        = 89300 // no payment matches the getpaidunionid query
	CodeMPPluginData       = 1007  // getpluginopenpid: openpid data not exist
	mpCodeTTL              = 5 * time.Minute
)

type mpSession struct {
	openid, unionid, sessionKey string
	keys                        []mpEncryptKey // newest first, at most 3
}

type mpEncryptKey struct {
	EncryptKey string `json:"encrypt_key"`
	IV         string `json:"iv"`
	Version    int    `json:"version"`
	ExpireIn   int    `json:"expire_in"`
	CreateTime int64  `json:"create_time"`
}

type mpCode struct {
	value   string // openid, phone number or openpid
	unionid string
	expires time.Time
	used    bool
}

type mpPayment struct{ openid, transactionID, mchID, outTradeNo string }

type mpAuth struct {
	mu        sync.Mutex
	codes     map[string]*mpCode // js_code -> user
	sessions  map[string]*mpSession
	phones    map[string]*mpCode
	plugins   map[string]*mpCode
	encrypted map[string]int64 // sha256 hex of encryptedData -> create time
	payments  []mpPayment
}

func (s *Server) mpAuth(appid string) *mpAuth {
	return Value(s.State(appid), "mp.auth", func() *mpAuth {
		return &mpAuth{codes: map[string]*mpCode{}, sessions: map[string]*mpSession{}, phones: map[string]*mpCode{},
			plugins: map[string]*mpCode{}, encrypted: map[string]int64{}}
	})
}

func randB64(n int) string {
	b := make([]byte, n)
	rand.Read(b) //nolint:errcheck // never fails
	return base64.StdEncoding.EncodeToString(b)
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) //nolint:errcheck // never fails
	return hex.EncodeToString(b)
}

func (a *mpAuth) newCode(m map[string]*mpCode, value, unionid string, now time.Time) string {
	code := randHex(16)
	a.mu.Lock()
	m[code] = &mpCode{value: value, unionid: unionid, expires: now.Add(mpCodeTTL)}
	a.mu.Unlock()
	return code
}

// takeCode consumes a one-time code: 40029 when unknown or expired, 40163
// when already used. a.mu must be held.
func takeCode(m map[string]*mpCode, code string, now time.Time) (*mpCode, *Error) {
	c := m[code]
	switch {
	case c == nil || now.After(c.expires):
		return nil, ErrCode(CodeMPInvalidCode)
	case c.used:
		return nil, ErrCode(CodeMPCodeUsed)
	}
	c.used = true
	return c, nil
}

// MPLoginCode returns a js_code, as wx.login gives, for the user openid
// (with unionid, may be empty) of the mini program appid. It can be
// exchanged once within five minutes.
func (s *Server) MPLoginCode(appid, openid, unionid string) string {
	return s.mpAuth(appid).newCode(s.mpAuth(appid).codes, openid, unionid, s.Now())
}

// MPPhoneCode returns a getPhoneNumber code for the phone number (such as
// "+86 13800138000" or "13800138000").
func (s *Server) MPPhoneCode(appid, phone string) string {
	return s.mpAuth(appid).newCode(s.mpAuth(appid).phones, phone, "", s.Now())
}

// MPPluginCode returns a wx.pluginLogin code for the plugin user openpid.
func (s *Server) MPPluginCode(appid, openpid string) string {
	return s.mpAuth(appid).newCode(s.mpAuth(appid).plugins, openpid, "", s.Now())
}

// MPSessionKey returns the current session key of a logged-in user.
func (s *Server) MPSessionKey(appid, openid string) (string, bool) {
	a := s.mpAuth(appid)
	a.mu.Lock()
	defer a.mu.Unlock()
	if se := a.sessions[openid]; se != nil {
		return se.sessionKey, true
	}
	return "", false
}

// MPRecordPayment records a payment of the logged-in user openid, for getpaidunionid.
func (s *Server) MPRecordPayment(appid, openid, transactionID, mchID, outTradeNo string) {
	a := s.mpAuth(appid)
	a.mu.Lock()
	a.payments = append(a.payments, mpPayment{openid, transactionID, mchID, outTradeNo})
	a.mu.Unlock()
}

// MPEncryptUserData encrypts v (marshalled to a JSON object, with a
// watermark for appid added) with the session key of the logged-in user
// openid, as WeChat does for open data, and returns encryptedData and iv.
func (s *Server) MPEncryptUserData(appid, openid string, v any) (encryptedData, iv string, ok bool) {
	key, ok := s.MPSessionKey(appid, openid)
	if !ok {
		return "", "", false
	}
	b, err := json.Marshal(v)
	var m map[string]any
	if err != nil || json.Unmarshal(b, &m) != nil || m == nil {
		return "", "", false
	}
	m["watermark"] = M{"appid": appid, "timestamp": s.Now().Unix()}
	plain, _ := json.Marshal(m)
	iv = randB64(16)
	encryptedData = MPEncrypt(key, iv, plain)
	a := s.mpAuth(appid)
	a.mu.Lock()
	sum := sha256.Sum256([]byte(encryptedData))
	a.encrypted[hex.EncodeToString(sum[:])] = s.Now().Unix()
	a.mu.Unlock()
	return encryptedData, iv, true
}

// MPEncrypt encrypts plain with AES-128-CBC and PKCS#7 padding, key and iv
// being base64 of 16 bytes, and returns base64; it panics on a bad key or iv.
func MPEncrypt(sessionKey, iv string, plain []byte) string {
	k, err1 := base64.StdEncoding.DecodeString(sessionKey)
	v, err2 := base64.StdEncoding.DecodeString(iv)
	block, err3 := aes.NewCipher(k)
	if err1 != nil || err2 != nil || err3 != nil || len(v) != aes.BlockSize {
		panic("fakewechat: MPEncrypt: bad session key or iv")
	}
	n := aes.BlockSize - len(plain)%aes.BlockSize
	buf := append(bytes.Clone(plain), bytes.Repeat([]byte{byte(n)}, n)...)
	cipher.NewCBCEncrypter(block, v).CryptBlocks(buf, buf)
	return base64.StdEncoding.EncodeToString(buf)
}

func mpSignature(sessionKey string) string {
	m := hmac.New(sha256.New, []byte(sessionKey))
	return hex.EncodeToString(m.Sum(nil))
}

// session checks the openid, signature and sig_method of the session APIs.
// a.mu must be held.
func (a *mpAuth) session(r *Request) (*mpSession, *Error) {
	se := a.sessions[r.Query.Get("openid")]
	if se == nil {
		return nil, ErrCode(40003) // invalid openid
	}
	if r.Query.Get("sig_method") != "hmac_sha256" {
		return nil, Errorf(CodeInvalidArgs, "invalid sig_method")
	}
	if !hmac.Equal([]byte(strings.ToLower(r.Query.Get("signature"))), []byte(mpSignature(se.sessionKey))) {
		return nil, ErrCode(CodeMPInvalidSignature)
	}
	return se, nil
}

func registerMPAuth(s *Server) {
	code2session := func(r *Request, appid string) (any, error) {
		a := s.mpAuth(appid)
		a.mu.Lock()
		defer a.mu.Unlock()
		if r.Query.Get("grant_type") != "authorization_code" {
			return nil, ErrCode(CodeInvalidGrantType)
		}
		c, e := takeCode(a.codes, r.Query.Get("js_code"), r.Now())
		if e != nil {
			return nil, e
		}
		se := a.sessions[c.value]
		if se == nil {
			se = &mpSession{openid: c.value, unionid: c.unionid, sessionKey: randB64(16)}
			a.sessions[c.value] = se
		}
		out := M{"openid": se.openid, "session_key": se.sessionKey}
		if se.unionid != "" {
			out["unionid"] = se.unionid
		}
		return out, nil
	}
	s.HandleJSON("GET /sns/jscode2session", func(r *Request) (any, error) {
		appid := r.Query.Get("appid")
		if err := s.CheckApp(appid, r.Query.Get("secret")); err != nil {
			return nil, err
		}
		return code2session(r, appid)
	}, Public())
	s.HandleJSON("GET /sns/component/jscode2session", func(r *Request) (any, error) {
		switch {
		case r.Query.Get("component_access_token") == "":
			return nil, ErrCode(CodeTokenMissing)
		case r.Query.Get("component_appid") == "":
			return nil, Errorf(CodeAppIDMissing, "component_appid missing")
		case r.Query.Get("appid") == "":
			return nil, ErrCode(CodeAppIDMissing)
		}
		return code2session(r, r.Query.Get("appid"))
	}, Public())
	s.HandleJSON("GET /wxa/checksession", func(r *Request) (any, error) {
		a := s.mpAuth(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		_, e := a.session(r)
		if e != nil {
			return nil, e
		}
		return nil, nil
	})
	s.HandleJSON("GET /wxa/resetusersessionkey", func(r *Request) (any, error) {
		a := s.mpAuth(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		se, e := a.session(r)
		if e != nil {
			return nil, e
		}
		se.sessionKey = randB64(16)
		return OK(M{"openid": se.openid, "session_key": se.sessionKey}), nil
	})
	s.HandleJSON("GET /wxa/business/getuserencryptkey", func(r *Request) (any, error) {
		a := s.mpAuth(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		se, e := a.session(r)
		if e != nil {
			return nil, e
		}
		now := r.Now().Unix()
		if len(se.keys) == 0 || now-se.keys[0].CreateTime >= 3600 {
			v := 1
			if len(se.keys) > 0 {
				v = se.keys[0].Version + 1
			}
			k := mpEncryptKey{EncryptKey: randB64(16), IV: randHex(8), Version: v, CreateTime: now}
			se.keys = append([]mpEncryptKey{k}, se.keys...)
			if len(se.keys) > 3 {
				se.keys = se.keys[:3]
			}
		}
		list := make([]mpEncryptKey, len(se.keys))
		for i, k := range se.keys {
			k.ExpireIn = int(max(0, k.CreateTime+3600-now))
			list[i] = k
		}
		return OK(M{"key_info_list": list}), nil
	})
	s.HandleJSON("GET /wxa/getpaidunionid", func(r *Request) (any, error) {
		a := s.mpAuth(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		q := r.Query
		se := a.sessions[q.Get("openid")]
		if se == nil {
			return nil, ErrCode(40003)
		}
		for i := len(a.payments) - 1; i >= 0; i-- {
			p := a.payments[i]
			if p.openid != se.openid {
				continue
			}
			tx, mch, no := q.Get("transaction_id"), q.Get("mch_id"), q.Get("out_trade_no")
			if (tx == "" || tx == p.transactionID) && (mch == "" || mch == p.mchID) && (no == "" || no == p.outTradeNo) {
				if se.unionid == "" {
					break
				}
				return OK(M{"unionid": se.unionid}), nil
			}
		}
		return nil, ErrCode(CodeMPNoPayment)
	})
	// codeHandler exchanges the one-time {"code"} of the body found in
	// pick(a); miss, if set, replaces the errcode of an unusable code.
	codeHandler := func(pick func(a *mpAuth) map[string]*mpCode, miss *Error, answer func(r *Request, c *mpCode) M) JSONHandler {
		return func(r *Request) (any, error) {
			var in struct {
				Code string `json:"code"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			a := s.mpAuth(r.AppID)
			a.mu.Lock()
			defer a.mu.Unlock()
			c, e := takeCode(pick(a), in.Code, r.Now())
			if e != nil {
				if miss != nil {
					return nil, miss
				}
				return nil, e
			}
			return OK(answer(r, c)), nil
		}
	}
	s.HandleJSON("POST /wxa/business/getuserphonenumber", codeHandler(func(a *mpAuth) map[string]*mpCode { return a.phones }, nil,
		func(r *Request, c *mpCode) M {
			cc, pure := "86", c.value
			if strings.HasPrefix(pure, "+") {
				if i := strings.IndexByte(pure, ' '); i > 0 {
					cc, pure = pure[1:i], pure[i+1:]
				}
			}
			phone := pure
			if cc != "86" {
				phone = "+" + cc + " " + pure
			}
			return M{"phone_info": M{"phoneNumber": phone, "purePhoneNumber": pure, "countryCode": cc,
				"watermark": M{"timestamp": r.Now().Unix(), "appid": r.AppID}}}
		}))
	s.HandleJSON("POST /wxa/getpluginopenpid", codeHandler(func(a *mpAuth) map[string]*mpCode { return a.plugins }, ErrCode(CodeMPPluginData),
		func(_ *Request, c *mpCode) M { return M{"openpid": c.value} }))
	s.HandleJSON("POST /wxa/business/checkencryptedmsg", func(r *Request) (any, error) {
		var in struct {
			Hash string `json:"encrypted_msg_hash"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.Hash) != 64 {
			return nil, Errorf(CodeInvalidArgs, "invalid encrypted_msg_hash")
		}
		a := s.mpAuth(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		t, ok := a.encrypted[strings.ToLower(in.Hash)]
		if !ok || r.Now().Unix()-t > 3*24*3600 {
			return OK(M{"vaild": false, "create_time": 0}), nil
		}
		return OK(M{"vaild": true, "create_time": t}), nil
	})
}
