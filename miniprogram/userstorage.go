package miniprogram

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	storageSet         = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/set_user_storage"}
	storageRemove      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/remove_user_storage"}
	storageInteractive = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/setuserinteractivedata"}
)

// Limits of a user's hosted data (托管数据的限制).
const (
	MaxUserStorageKeyLen  = 128  // bytes of a key
	MaxUserStorageItemLen = 1024 // bytes of a key and its value
	MaxUserStorageItems   = 128  // key-value pairs per user and game
)

// KVData is a key-value pair of a user's hosted data.
type KVData struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// signedPost sends body to ep for the user openID, signed with the user's
// session key over the exact bytes sent.
func (s *UserStorageService) signedPost(ctx context.Context, ep wechat.Endpoint, openID, sessionKey string, body any) error {
	if err := required("openid", openID, "session_key", sessionKey); err != nil {
		return err
	}
	b, err := wechat.MarshalJSON(body)
	if err != nil {
		return err
	}
	q := url.Values{"openid": {openID}, "signature": {SessionSignatureOf(sessionKey, b)}, "sig_method": {"hmac_sha256"}}
	return s.c.Do(ctx, ep, q, json.RawMessage(b), nil)
}

// Set stores key-value pairs in the hosted data (CloudStorage) of the user
// openID, whose session_key signs the request (上报用户数据). WeChat answers
// 87016-87019 beyond its limits: a key of at most 128 bytes, a key and value
// of at most 1024 bytes, 128 pairs per user.
// https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/data/storage.setUserStorage.html
func (s *UserStorageService) Set(ctx context.Context, openID, sessionKey string, kvs ...KVData) error {
	if len(kvs) == 0 {
		return invalidArg("kv_list", "empty")
	}
	if len(kvs) > MaxUserStorageItems {
		return invalidArg("kv_list", "more than 128 pairs")
	}
	for _, kv := range kvs {
		switch {
		case kv.Key == "":
			return invalidArg("key", "empty")
		case len(kv.Key) > MaxUserStorageKeyLen:
			return invalidArg("key", "longer than 128 bytes")
		case len(kv.Key)+len(kv.Value) > MaxUserStorageItemLen:
			return invalidArg("value", "key and value longer than 1024 bytes")
		}
	}
	return s.signedPost(ctx, storageSet, openID, sessionKey, map[string][]KVData{"kv_list": append([]KVData{}, kvs...)})
}

// Remove deletes keys from the hosted data of the user openID, whose
// session_key signs the request (删除已上报KV数据).
// https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/data/storage.removeUserStorage.html
func (s *UserStorageService) Remove(ctx context.Context, openID, sessionKey string, keys ...string) error {
	if len(keys) == 0 {
		return invalidArg("key", "empty")
	}
	return s.signedPost(ctx, storageRemove, openID, sessionKey, map[string][]string{"key": append([]string{}, keys...)})
}

// InteractiveData is a value of a user's relation-chain interactive data;
// Key is "1" to "50".
type InteractiveData struct {
	Key   string `json:"key"`
	Value int64  `json:"value"`
}

// SetInteractiveData stores relation-chain interactive data of the user
// openID, whose session_key signs the request (写用户关系链互动数据存储).
// WeChat answers 87082 for a key other than "1" to "50".
// https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/data/storage.setUserInteractiveData.html
func (s *UserStorageService) SetInteractiveData(ctx context.Context, openID, sessionKey string, kvs ...InteractiveData) error {
	if len(kvs) == 0 {
		return invalidArg("kv_list", "empty")
	}
	for _, kv := range kvs {
		if n, err := strconv.Atoi(kv.Key); err != nil || n < 1 || n > 50 || strconv.Itoa(n) != kv.Key {
			return invalidArg("key", "must be \"1\" to \"50\"")
		}
	}
	return s.signedPost(ctx, storageInteractive, openID, sessionKey, map[string][]InteractiveData{"kv_list": append([]InteractiveData{}, kvs...)})
}
