package fakewechat

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"strconv"
	"strings"
	"sync"
)

// Mini game hosted data (set_user_storage, remove_user_storage,
// setuserinteractivedata) is kept per app and user (MPUserStorage,
// MPInteractiveData); each request is signed with the user's session_key
// over its body. See the package documentation for the checks.
func init() {
	for code, msg := range map[int]string{
		CodeMPStorageItemTooLong: "key-value too long", CodeMPStorageTooManyItems: "too many key-value pairs",
		CodeMPStorageKeyTooLong: "key too long", CodeMPInteractiveKey: "invalid key",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerMPUserStorage)
}

// Errcodes of the hosted-data endpoints (a bad signature answers
// CodeMPInvalidSignature, an openid without session 40003).
const (
	CodeMPStorageItemTooLong  = 87016 // a key and value longer than 1024 bytes
	CodeMPStorageTooManyItems = 87018 // more than 128 pairs for the user
	CodeMPStorageKeyTooLong   = 87019 // a key longer than 128 bytes
	CodeMPInteractiveKey      = 87082 // an interactive-data key other than "1" to "50"
)

type mpUserData struct {
	mu          sync.Mutex
	storage     map[string]map[string]string // openid -> key -> value
	interactive map[string]map[string]int64
}

func (s *Server) mpUserData(appid string) *mpUserData {
	return Value(s.State(appid), "mp.userdata", func() *mpUserData {
		return &mpUserData{storage: map[string]map[string]string{}, interactive: map[string]map[string]int64{}}
	})
}

// MPUserStorage returns the hosted data of the user openid (nil if none).
func (s *Server) MPUserStorage(appid, openid string) map[string]string {
	d := s.mpUserData(appid)
	d.mu.Lock()
	defer d.mu.Unlock()
	return maps.Clone(d.storage[openid])
}

// MPInteractiveData returns the relation-chain interactive data of the
// user openid (nil if none).
func (s *Server) MPInteractiveData(appid, openid string) map[string]int64 {
	d := s.mpUserData(appid)
	d.mu.Lock()
	defer d.mu.Unlock()
	return maps.Clone(d.interactive[openid])
}

// mpSigned checks openid, sig_method and signature of a request signed over
// its body with the user's session_key, as the hosted-data endpoints do,
// and decodes the body into in.
func (s *Server) mpSigned(r *Request, in any) (string, error) {
	openid := r.Query.Get("openid")
	key, ok := s.MPSessionKey(r.AppID, openid)
	if !ok {
		return "", ErrCode(40003) // invalid openid
	}
	if r.Query.Get("sig_method") != "hmac_sha256" {
		return "", Errorf(CodeInvalidArgs, "invalid sig_method")
	}
	m := hmac.New(sha256.New, []byte(key))
	m.Write(r.Body)
	if !hmac.Equal([]byte(strings.ToLower(r.Query.Get("signature"))), []byte(hex.EncodeToString(m.Sum(nil)))) {
		return "", ErrCode(CodeMPInvalidSignature)
	}
	return openid, r.Decode(in)
}

// mpKV is an item of a hosted-data kv_list.
type mpKV[V any] struct {
	Key   string `json:"key"`
	Value V      `json:"value"`
}

// mpSignedKVList checks a signed request (mpSigned) whose body is a
// non-empty kv_list and returns the user and the list.
func mpSignedKVList[V any](s *Server, r *Request) (string, []mpKV[V], error) {
	var in struct {
		KVList []mpKV[V] `json:"kv_list"`
	}
	openid, err := s.mpSigned(r, &in)
	if err == nil && len(in.KVList) == 0 {
		err = Errorf(CodeInvalidArgs, "invalid args: kv_list")
	}
	return openid, in.KVList, err
}

func registerMPUserStorage(s *Server) {
	s.HandleJSON("POST /wxa/set_user_storage", func(r *Request) (any, error) {
		openid, kvs, err := mpSignedKVList[string](s, r)
		if err != nil {
			return nil, err
		}
		for _, kv := range kvs {
			switch {
			case kv.Key == "":
				return nil, Errorf(CodeInvalidArgs, "invalid args: key")
			case len(kv.Key) > 128:
				return nil, ErrCode(CodeMPStorageKeyTooLong)
			case len(kv.Key)+len(kv.Value) > 1024:
				return nil, ErrCode(CodeMPStorageItemTooLong)
			}
		}
		d := s.mpUserData(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		next := maps.Clone(d.storage[openid])
		if next == nil {
			next = map[string]string{}
		}
		for _, kv := range kvs {
			next[kv.Key] = kv.Value
		}
		if len(next) > 128 {
			return nil, ErrCode(CodeMPStorageTooManyItems)
		}
		d.storage[openid] = next
		return nil, nil
	})

	s.HandleJSON("POST /wxa/remove_user_storage", func(r *Request) (any, error) {
		var in struct {
			Key []string `json:"key"`
		}
		openid, err := s.mpSigned(r, &in)
		if err != nil {
			return nil, err
		}
		if len(in.Key) == 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: key")
		}
		d := s.mpUserData(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		for _, k := range in.Key {
			delete(d.storage[openid], k)
		}
		return nil, nil
	})

	s.HandleJSON("POST /wxa/setuserinteractivedata", func(r *Request) (any, error) {
		openid, kvs, err := mpSignedKVList[int64](s, r)
		if err != nil {
			return nil, err
		}
		for _, kv := range kvs {
			if n, err := strconv.Atoi(kv.Key); err != nil || n < 1 || n > 50 || strconv.Itoa(n) != kv.Key {
				return nil, ErrCode(CodeMPInteractiveKey)
			}
		}
		d := s.mpUserData(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.interactive[openid] == nil {
			d.interactive[openid] = map[string]int64{}
		}
		for _, kv := range kvs {
			d.interactive[openid][kv.Key] = kv.Value
		}
		return nil, nil
	})
}
