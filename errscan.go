package wechat

import "bytes"

// scanErrcode reads the top-level "errcode" member of a JSON answer without
// decoding the rest, so that a successful answer is decoded once (into the
// caller's value) and not twice.
//
// It returns the value encoding/json would store in an int field tagged
// "errcode" (0 when there is none), or ok=false when it cannot tell cheaply:
// a key with an escape or a non-ASCII byte (encoding/json would unescape or
// Unicode-fold it), an errcode that is not a plain integer literal (null,
// a float, a string, out of range), or a body that is not a JSON object.
// The caller then decodes with encoding/json, which is also what it does
// for a non-zero errcode, so that an error answer is read exactly as before.
//
// On valid JSON a result with ok=true equals encoding/json's (the last of
// duplicate keys wins, keys match case-insensitively). On invalid JSON the
// result is only a hint: the caller decodes the body anyway.
func scanErrcode(data []byte) (code int, ok bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return 0, false
	}
	i++
	for {
		i = skipSpace(data, i)
		if i >= len(data) {
			return 0, false
		}
		if data[i] == '}' {
			return code, true
		}
		if data[i] == ',' {
			i = skipSpace(data, i+1)
			if i >= len(data) {
				return 0, false
			}
		}
		if data[i] != '"' {
			return 0, false
		}
		// The key: plain ASCII without escapes, or we give up.
		start := i + 1
		for i = start; i < len(data) && data[i] != '"'; i++ {
			if b := data[i]; b == '\\' || b >= 0x80 {
				return 0, false
			}
		}
		if i >= len(data) {
			return 0, false
		}
		key := data[start:i]
		i = skipSpace(data, i+1)
		if i >= len(data) || data[i] != ':' {
			return 0, false
		}
		i = skipSpace(data, i+1)
		if len(key) == len("errcode") && bytes.EqualFold(key, errcodeName) {
			n, next, numOK := scanInt(data, i)
			if !numOK {
				return 0, false
			}
			code, i = n, next
			continue
		}
		if i = skipValue(data, i); i < 0 {
			return 0, false
		}
	}
}

var errcodeName = []byte("errcode")

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// scanInt parses the JSON integer literal at data[i:] that fits an int, and
// returns the index after it.
func scanInt(data []byte, i int) (n, next int, ok bool) {
	neg := false
	if i < len(data) && data[i] == '-' {
		neg = true
		i++
	}
	start := i
	const limit = int(^uint(0) >> 2) // well below overflow; errcodes are small
	for i < len(data) && data[i] >= '0' && data[i] <= '9' {
		if n > limit/10 {
			return 0, 0, false
		}
		n = n*10 + int(data[i]-'0')
		i++
	}
	if i == start || (data[start] == '0' && i-start > 1) {
		return 0, 0, false
	}
	if i < len(data) {
		switch data[i] {
		case '.', 'e', 'E':
			return 0, 0, false // a float: encoding/json refuses it for an int
		}
	}
	if neg {
		n = -n
	}
	return n, i, true
}

// skipValue returns the index after the JSON value starting at data[i], or
// -1 if there is none. It checks structure only as far as needed to find
// the end (strings and brackets); literals and numbers are skipped as runs
// of bytes.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '"':
				if i = skipString(data, i); i < 0 {
					return -1
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	}
	start := i
	for i < len(data) {
		switch data[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			if i == start {
				return -1
			}
			return i
		}
		i++
	}
	return -1
}

// skipString returns the index after the JSON string starting at data[i].
// A byte loop: answers hold many short strings, for which it beats
// bytes.IndexByte.
func skipString(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '"':
			return i + 1
		case '\\':
			i++ // the escaped byte (the hex digits of \uXXXX hold no quote)
		}
	}
	return -1
}
