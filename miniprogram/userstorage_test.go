package miniprogram_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

// hmacHex is the docs' user login-state signature, computed here on its own.
func hmacHex(key string, data []byte) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write(data)
	return hex.EncodeToString(m.Sum(nil))
}

func TestSessionSignatureOfDocsExample(t *testing.T) {
	// The docs' example: hmac_sha256('{"foo":"bar"}', 'o0q0otL8aEzpcZL/FT9WsQ==').
	const want = "654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b"
	if got := miniprogram.SessionSignatureOf("o0q0otL8aEzpcZL/FT9WsQ==", []byte(`{"foo":"bar"}`)); got != want {
		t.Errorf("SessionSignatureOf = %s, want %s", got, want)
	}
	if miniprogram.SessionSignature("k") != hmacHex("k", nil) {
		t.Error("SessionSignature is not the signature of an empty body")
	}
}

func TestUserStorageSetRemove(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	s := login(t, srv, c, testOpenID, "")
	err := c.UserStorage.Set(ctx, s.OpenID, s.SessionKey,
		miniprogram.KVData{Key: "score", Value: `{"wxgame":{"score":16,"update_time":1513080573}}`}, miniprogram.KVData{Key: "gold", Value: "3000&more"})
	if err != nil {
		t.Fatal(err)
	}
	rr, _ := last(t, srv, "POST /wxa/set_user_storage")
	wantBody := `{"kv_list":[{"key":"score","value":"{\"wxgame\":{\"score\":16,\"update_time\":1513080573}}"},{"key":"gold","value":"3000&more"}]}`
	if string(rr.Body) != wantBody {
		t.Errorf("body = %s, want %s", rr.Body, wantBody)
	}
	if q := rr.Query; q.Get("openid") != testOpenID || q.Get("sig_method") != "hmac_sha256" || q.Get("signature") != hmacHex(s.SessionKey, rr.Body) {
		t.Errorf("query = %v, want signature %s", q, hmacHex(s.SessionKey, rr.Body))
	}
	if got := srv.MPUserStorage(fakewechat.DefaultAppID, testOpenID); len(got) != 2 || got["gold"] != "3000&more" || !strings.Contains(got["score"], `"score":16`) {
		t.Errorf("storage = %v", got)
	}
	if err := c.UserStorage.Remove(ctx, s.OpenID, s.SessionKey, "gold"); err != nil {
		t.Fatal(err)
	}
	rr, _ = last(t, srv, "POST /wxa/remove_user_storage")
	if string(rr.Body) != `{"key":["gold"]}` || rr.Query.Get("signature") != hmacHex(s.SessionKey, rr.Body) {
		t.Errorf("remove = %s %v", rr.Body, rr.Query)
	}
	if got := srv.MPUserStorage(fakewechat.DefaultAppID, testOpenID); len(got) != 1 || got["score"] == "" {
		t.Errorf("storage after remove = %v", got)
	}

	// WeChat's checks: the signature (a stale session key), the limits.
	wantAPIError(t, c.UserStorage.Set(ctx, s.OpenID, "c3RhbGVzZXNzaW9ua2V5MQ==", miniprogram.KVData{Key: "a", Value: "b"}), fakewechat.CodeMPInvalidSignature)
	wantAPIError(t, c.UserStorage.Remove(ctx, "oNotLoggedIn000000000000000", s.SessionKey, "a"), 40003)
	kvs := make([]miniprogram.KVData, 0, 128)
	for i := range 128 {
		kvs = append(kvs, miniprogram.KVData{Key: "k" + strings.Repeat("x", i%5) + string(rune('A'+i%26)) + string(rune('a'+i/26)), Value: "v"})
	}
	wantAPIError(t, c.UserStorage.Set(ctx, s.OpenID, s.SessionKey, kvs...), fakewechat.CodeMPStorageTooManyItems)

	n := len(srv.Requests())
	wantArgError(t, srv, n, c.UserStorage.Set(ctx, s.OpenID, s.SessionKey), "kv_list")
	wantArgError(t, srv, n, c.UserStorage.Set(ctx, s.OpenID, s.SessionKey, miniprogram.KVData{Key: strings.Repeat("k", 129)}), "key")
	wantArgError(t, srv, n, c.UserStorage.Set(ctx, s.OpenID, s.SessionKey, miniprogram.KVData{Key: "k", Value: strings.Repeat("v", 1024)}), "value")
	wantArgError(t, srv, n, c.UserStorage.Set(ctx, "", s.SessionKey, miniprogram.KVData{Key: "k"}), "openid")
	wantArgError(t, srv, n, c.UserStorage.Remove(ctx, s.OpenID, "", "k"), "session_key")
	wantArgError(t, srv, n, c.UserStorage.Remove(ctx, s.OpenID, s.SessionKey), "key")
}

func TestUserStorageInteractiveData(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	s := login(t, srv, c, testOpenID, "")
	if err := c.UserStorage.SetInteractiveData(ctx, s.OpenID, s.SessionKey, miniprogram.InteractiveData{Key: "1", Value: 0}, miniprogram.InteractiveData{Key: "50", Value: 7}); err != nil {
		t.Fatal(err)
	}
	rr, _ := last(t, srv, "POST /wxa/setuserinteractivedata")
	if string(rr.Body) != `{"kv_list":[{"key":"1","value":0},{"key":"50","value":7}]}` || rr.Query.Get("signature") != hmacHex(s.SessionKey, rr.Body) {
		t.Errorf("request = %s %v", rr.Body, rr.Query)
	}
	if got := srv.MPInteractiveData(fakewechat.DefaultAppID, testOpenID); len(got) != 2 || got["50"] != 7 {
		t.Errorf("interactive = %v", got)
	}
	body := []byte(`{"kv_list":[{"key":"51","value":1}]}`)
	err := c.Call(ctx, "POST", "/wxa/setuserinteractivedata", map[string][]string{"openid": {testOpenID},
		"sig_method": {"hmac_sha256"}, "signature": {hmacHex(s.SessionKey, body)}}, json.RawMessage(body), nil)
	wantAPIError(t, err, fakewechat.CodeMPInteractiveKey)

	n := len(srv.Requests())
	wantArgError(t, srv, n, c.UserStorage.SetInteractiveData(ctx, s.OpenID, s.SessionKey, miniprogram.InteractiveData{Key: "01"}), "key")
	wantArgError(t, srv, n, c.UserStorage.SetInteractiveData(ctx, s.OpenID, s.SessionKey), "kv_list")
}
