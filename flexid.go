package wechat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// FlexID is an id WeChat sends as a JSON number in some answers and as a
// JSON string in others (or whose documented type and actual answers
// disagree), such as publish_id, msg_data_id, kf_id and categoryId. It
// decodes from either form, keeps the digits exactly (no float rounding),
// and encodes as a JSON string, the form the docs give for request fields;
// a request field documented as a number is encoded with Number.
type FlexID string

// String returns the id as text.
func (id FlexID) String() string { return string(id) }

// Int64 returns the id as an integer, for ids that are numbers.
func (id FlexID) Int64() (int64, error) {
	n, err := strconv.ParseInt(string(id), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("wechat: id %q is not an integer", string(id))
	}
	return n, nil
}

// Number returns the id as a json.Number, for request fields the docs
// show as numbers. It is empty unless the id is an integer.
func (id FlexID) Number() json.Number {
	if _, err := id.Int64(); err != nil {
		return ""
	}
	return json.Number(id)
}

// MarshalJSON implements json.Marshaler: the id as a JSON string.
func (id FlexID) MarshalJSON() ([]byte, error) { return MarshalJSON(string(id)) }

// UnmarshalJSON implements json.Unmarshaler: a JSON string, a JSON integer
// or null (left empty).
func (id *FlexID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return fmt.Errorf("wechat: empty id")
	case string(b) == "null":
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = FlexID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("wechat: id must be a string or a number, got %.40s", b)
	}
	if _, err := strconv.ParseInt(n.String(), 10, 64); err != nil {
		if _, err := strconv.ParseUint(n.String(), 10, 64); err != nil {
			return fmt.Errorf("wechat: id %s is not an integer", n)
		}
	}
	*id = FlexID(n.String())
	return nil
}
