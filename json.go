package wechat

import (
	"bytes"
	"encoding/json"
)

// MarshalJSON encodes v as WeChat expects a JSON request body or a JSON
// string nested inside one: like json.Marshal, but with HTML escaping off,
// so "A&B <b>" goes out as it is and not as "A\u0026B \u003cb\u003e", which
// WeChat rejects with errcode 40033 (invalid character). Every request body
// the SDK sends is built this way; product packages use it for the JSON
// strings some endpoints nest inside a field.
//
// A json.RawMessage is returned unchanged. Types with their own MarshalJSON
// method must not call json.Marshal inside it (its escapes would survive);
// they call MarshalJSON instead.
func MarshalJSON(v any) ([]byte, error) {
	if raw, ok := v.(json.RawMessage); ok {
		return raw, nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte{'\n'}), nil
}

// MarshalJSONString is MarshalJSON returning a string, for the endpoints
// that take a JSON document as the value of a string field.
func MarshalJSONString(v any) (string, error) {
	b, err := MarshalJSON(v)
	return string(b), err
}
