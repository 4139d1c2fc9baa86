package callback

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// ParseJSON parses a JSON push (mini programs can be configured to push
// JSON, see https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html).
// Object members become fields in document order, nested objects become
// containers and array elements repeat the member name, so that
// {"List":[{...},{...}]} reads like two <List> elements. Numbers keep their
// exact text. Errors match ErrMalformed; a CreateTime or
// AuthorizationCodeExpiredTime that is not a number is a *FieldError.
func ParseJSON(body []byte) (*Message, error) {
	m := new(Message)
	m.reset()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	fail := func(msg string) error { return &SyntaxError{Offset: int(dec.InputOffset()), Msg: msg} }
	tok, err := dec.Token()
	if err != nil {
		return nil, fail("invalid JSON")
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fail("top level is not an object")
	}
	if err := jsonObject(dec, m, 0, fail); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fail("content after the top-level object")
	}
	if err := m.checkNumbers(); err != nil {
		return nil, err
	}
	return m, nil
}

func jsonObject(dec *json.Decoder, m *Message, depth int, fail func(string) error) error {
	if depth > maxDepth {
		return fail("objects nested too deeply")
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return fail("invalid JSON")
		}
		if d, ok := tok.(json.Delim); ok && d == '}' {
			return nil
		}
		name, ok := tok.(string)
		if !ok {
			return fail("expected member name")
		}
		if err := jsonValue(dec, m, name, depth, false, fail); err != nil {
			return err
		}
	}
}

func jsonValue(dec *json.Decoder, m *Message, name string, depth int, inArray bool, fail func(string) error) error {
	tok, err := dec.Token()
	if err != nil {
		return fail("invalid JSON")
	}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			m.add(name, "", depth, true)
			return jsonObject(dec, m, depth+1, fail)
		case '[':
			if inArray {
				return fail("nested arrays are not supported")
			}
			for dec.More() {
				if err := jsonValue(dec, m, name, depth, true, fail); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil { // ']'
				return fail("invalid JSON")
			}
			return nil
		}
		return fail("unexpected delimiter")
	case string:
		m.add(name, v, depth, false)
	case json.Number:
		m.add(name, string(v), depth, false)
	case bool:
		if v {
			m.add(name, "true", depth, false)
		} else {
			m.add(name, "false", depth, false)
		}
	case nil:
		m.add(name, "", depth, false)
	}
	return nil
}
