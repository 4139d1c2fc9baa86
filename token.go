package wechat

import (
	"encoding/json"
	"fmt"
	"time"
)

// Token is a credential (access_token, ticket, component_verify_ticket, ...)
// with its expiry, as kept in a Store.
type Token struct {
	Value     string    `json:"value"`
	ExpiresAt time.Time `json:"-"`
}

type tokenJSON struct {
	Value     string `json:"value"`
	ExpiresAt int64  `json:"expires_at"`
}

// Valid reports whether the token is non-empty and still valid at now plus margin.
func (t Token) Valid(now time.Time, margin time.Duration) bool {
	return t.Value != "" && (t.ExpiresAt.IsZero() || now.Add(margin).Before(t.ExpiresAt))
}

// MarshalJSON encodes the token as {"value":"...","expires_at":unix}.
func (t Token) MarshalJSON() ([]byte, error) {
	var exp int64
	if !t.ExpiresAt.IsZero() {
		exp = t.ExpiresAt.Unix()
	}
	return json.Marshal(tokenJSON{Value: t.Value, ExpiresAt: exp})
}

// UnmarshalJSON decodes the form written by MarshalJSON.
func (t *Token) UnmarshalJSON(b []byte) error {
	var j tokenJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("wechat: malformed stored token: %w", err)
	}
	t.Value = j.Value
	t.ExpiresAt = time.Time{}
	if j.ExpiresAt != 0 {
		t.ExpiresAt = time.Unix(j.ExpiresAt, 0)
	}
	return nil
}

// String hides the token value so that it never reaches a log by accident.
func (t Token) String() string {
	return fmt.Sprintf("Token(redacted, expires %s)", t.ExpiresAt.Format(time.RFC3339))
}

// StoreKey names the Store key of credential name (for example
// "access_token", "jsapi_ticket", "component_verify_ticket") owned by id
// (an appid, a component appid, or "corpid/agentid" for WeCom).
func StoreKey(id, name string) string { return "wechat:" + id + ":" + name }

// Credential names used as the second argument of StoreKey.
const (
	KeyAccessToken            = "access_token"
	KeyJSAPITicket            = "jsapi_ticket"
	KeyCardTicket             = "wx_card_ticket"
	KeyComponentAccessToken   = "component_access_token"
	KeyComponentVerifyTicket  = "component_verify_ticket"
	KeyAuthorizerRefreshToken = "authorizer_refresh_token"
)
