package wechat

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"testing"
	"time"
)

// FuzzRestoredToken puts arbitrary values in a shared store where the token
// cache reads its token and its remembered failure: it never panics, never
// returns an empty or expired token, and a hostile failure record cannot
// pause refreshes longer than the configured maximum.
func FuzzRestoredToken(f *testing.F) {
	future := time.Now().Add(time.Hour).Unix()
	for _, s := range []struct{ tok, fail string }{
		{`{"value":"stored","expires_at":` + strconv.FormatInt(future, 10) + `}`, ``},
		{`{"value":"","expires_at":1}`, `{"n":3,"until_ms":99999999999999,"errcode":45009,"errmsg":"quota"}`},
		{`{"value":"x","expires_at":-1}`, `{"n":-1}`},
		{`not json`, `{"n":1,"until_ms":1,"error":"boom"}`},
		{`{"value":123}`, `{"n":100000000,"until_ms":-9223372036854775808}`},
		{``, `null`},
	} {
		f.Add([]byte(s.tok), []byte(s.fail))
	}
	f.Fuzz(func(t *testing.T, tok, fail []byte) {
		store := NewMemoryStore()
		ctx := context.Background()
		key := StoreKey("wxfuzz", KeyAccessToken)
		if len(tok) > 0 {
			store.Set(ctx, key, tok, 0)
		}
		if len(fail) > 0 {
			store.Set(ctx, key+":backoff", fail, 0)
		}
		opts := TokenOptions{RetryInterval: time.Second, QuotaBackoff: 2 * time.Second}
		tc := NewTokenCache(key, store, opts, slog.New(slog.DiscardHandler), func(context.Context, string) (Token, error) {
			return Token{Value: "fresh", ExpiresAt: time.Now().Add(time.Hour)}, nil
		})
		got, err := tc.Fetch(ctx)
		if err != nil {
			var be *BackoffError
			if !errors.As(err, &be) || time.Until(be.Next) > 2*time.Second+time.Millisecond*100 {
				t.Fatalf("err = %v", err)
			}
			return
		}
		if got.Value == "" || !got.Valid(time.Now(), 0) {
			t.Fatalf("unusable token %+v", got)
		}
	})
}
