package callback

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrMalformed reports a push body that is not a well-formed WeChat XML or
// JSON document. The concrete error is a *SyntaxError.
var ErrMalformed = errors.New("callback: malformed message body")

// SyntaxError describes where a body failed to parse. It matches
// ErrMalformed with errors.Is. It never quotes the body.
type SyntaxError struct {
	Offset int    // byte offset of the problem
	Msg    string // what was wrong
}

// Error implements error; the message never quotes the body.
func (e *SyntaxError) Error() string {
	return "callback: malformed message body at byte " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// Is makes errors.Is(err, ErrMalformed) true.
func (e *SyntaxError) Is(target error) bool { return target == ErrMalformed }

// maxDepth bounds element nesting below <xml>; WeChat uses at most four
// levels (for example SendPicsInfo/PicList/item/PicMd5Sum).
const maxDepth = 12

// xmlText is the input of the scanner: the decrypted message (a string, so
// that field values can share its memory) or a raw request body.
type xmlText interface{ ~string | ~[]byte }

// scanner is a small strict parser for the flat XML WeChat pushes: one
// <xml> root, elements holding text or CDATA or child elements, no mixed
// content. Attributes are skipped, comments and an XML declaration are
// allowed, the five predefined entities and character references are
// decoded. It reports every element in document order to msg, containers
// before their children; without msg it only records the value of the
// top-level leaf called want (for envelopes). A sink in fields rather than
// a callback keeps the scanner and its results on the stack.
type scanner[T xmlText] struct {
	src   T
	pos   int
	msg   *Message // receives every element (T is string then)
	want  string   // without msg: the top-level element to find
	found T        // its value
	ok    bool     // whether it was found
}

func (s *scanner[T]) emit(name, value T, depth int, container bool) {
	if s.msg != nil {
		s.msg.add(string(name), string(value), depth, container)
		return
	}
	if depth == 0 && !container && !s.ok && string(name) == s.want {
		s.found, s.ok = value, true
	}
}

func (s *scanner[T]) fail(msg string) error { return &SyntaxError{Offset: s.pos, Msg: msg} }

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func (s *scanner[T]) skipSpace() {
	for s.pos < len(s.src) && isSpace(s.src[s.pos]) {
		s.pos++
	}
}

func (s *scanner[T]) hasPrefix(p string) bool {
	if len(s.src)-s.pos < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if s.src[s.pos+i] != p[i] {
			return false
		}
	}
	return true
}

// index returns the offset of p at or after s.pos, or -1.
func (s *scanner[T]) index(p string) int {
	// strings.Index on a string view of T costs an allocation for []byte;
	// the inputs are small, so a first-byte scan is fine and generic.
	n := len(s.src) - len(p)
outer:
	for i := s.pos; i <= n; i++ {
		if s.src[i] != p[0] {
			continue
		}
		for j := 1; j < len(p); j++ {
			if s.src[i+j] != p[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}

// skipMisc skips whitespace and comments (and, when prolog is set, an XML
// declaration or processing instruction).
func (s *scanner[T]) skipMisc(prolog bool) error {
	for {
		s.skipSpace()
		switch {
		case s.hasPrefix("<!--"):
			s.pos += 4
			i := s.index("-->")
			if i < 0 {
				return s.fail("unterminated comment")
			}
			s.pos = i + 3
		case prolog && s.hasPrefix("<?"):
			i := s.index("?>")
			if i < 0 {
				return s.fail("unterminated declaration")
			}
			s.pos = i + 2
		default:
			return nil
		}
	}
}

func isNameByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		return true
	case first:
		return false
	case c >= '0' && c <= '9', c == '-', c == '.', c == ':':
		return true
	}
	return false
}

func (s *scanner[T]) name() (T, error) {
	start := s.pos
	for s.pos < len(s.src) && isNameByte(s.src[s.pos], s.pos == start) {
		s.pos++
	}
	if s.pos == start {
		return s.src[:0], s.fail("expected element name")
	}
	return s.src[start:s.pos], nil
}

// startTag parses the rest of a start tag after its name: attributes are
// skipped. It reports whether the tag was self-closing.
func (s *scanner[T]) startTag() (selfClosing bool, err error) {
	for {
		s.skipSpace()
		if s.pos >= len(s.src) {
			return false, s.fail("unterminated start tag")
		}
		switch c := s.src[s.pos]; {
		case c == '>':
			s.pos++
			return false, nil
		case c == '/':
			if !s.hasPrefix("/>") {
				return false, s.fail("bad self-closing tag")
			}
			s.pos += 2
			return true, nil
		case isNameByte(c, true):
			if _, err := s.name(); err != nil {
				return false, err
			}
			s.skipSpace()
			if s.pos >= len(s.src) || s.src[s.pos] != '=' {
				return false, s.fail("attribute without value")
			}
			s.pos++
			s.skipSpace()
			if s.pos >= len(s.src) || (s.src[s.pos] != '"' && s.src[s.pos] != '\'') {
				return false, s.fail("unquoted attribute value")
			}
			q := s.src[s.pos]
			s.pos++
			for s.pos < len(s.src) && s.src[s.pos] != q {
				if s.src[s.pos] == '<' {
					return false, s.fail("'<' in attribute value")
				}
				s.pos++
			}
			if s.pos >= len(s.src) {
				return false, s.fail("unterminated attribute value")
			}
			s.pos++
		default:
			return false, s.fail("unexpected character in start tag")
		}
	}
}

func (s *scanner[T]) endTag(want T) error {
	// s.pos is at "</".
	s.pos += 2
	got, err := s.name()
	if err != nil {
		return err
	}
	if string(got) != string(want) {
		return s.fail("mismatched end tag")
	}
	s.skipSpace()
	if s.pos >= len(s.src) || s.src[s.pos] != '>' {
		return s.fail("unterminated end tag")
	}
	s.pos++
	return nil
}

// parse parses a whole document whose root must be <xml>.
func (s *scanner[T]) parse() error {
	if s.hasPrefix("\xef\xbb\xbf") {
		s.pos += 3
	}
	if err := s.skipMisc(true); err != nil {
		return err
	}
	if !s.hasPrefix("<") {
		return s.fail("expected <xml>")
	}
	s.pos++
	root, err := s.name()
	if err != nil {
		return err
	}
	if string(root) != "xml" {
		return s.fail("root element is not <xml>")
	}
	self, err := s.startTag()
	if err != nil {
		return err
	}
	if !self {
		if err := s.children(root, 0); err != nil {
			return err
		}
	}
	if err := s.skipMisc(false); err != nil {
		return err
	}
	if s.pos != len(s.src) {
		return s.fail("content after </xml>")
	}
	return nil
}

// children parses elements until the end tag of parent.
func (s *scanner[T]) children(parent T, depth int) error {
	if depth > maxDepth {
		return s.fail("elements nested too deeply")
	}
	for {
		if err := s.skipMisc(false); err != nil {
			return err
		}
		if s.pos >= len(s.src) {
			return s.fail("unexpected end of input")
		}
		if s.hasPrefix("</") {
			return s.endTag(parent)
		}
		if s.src[s.pos] != '<' || s.hasPrefix("<![CDATA[") || s.hasPrefix("<!") || s.hasPrefix("<?") {
			return s.fail("text mixed with elements")
		}
		s.pos++
		name, err := s.name()
		if err != nil {
			return err
		}
		self, err := s.startTag()
		if err != nil {
			return err
		}
		if self {
			s.emit(name, s.src[:0], depth, false)
			continue
		}
		if err := s.element(name, depth); err != nil {
			return err
		}
	}
}

// element parses the content and end tag of name.
func (s *scanner[T]) element(name T, depth int) error {
	// Look past leading whitespace and comments: a start tag means a
	// container, anything else is text.
	save := s.pos
	if err := s.skipMisc(false); err != nil {
		return err
	}
	if s.pos < len(s.src) && s.src[s.pos] == '<' && !s.hasPrefix("</") && !s.hasPrefix("<![CDATA[") {
		s.emit(name, s.src[:0], depth, true)
		return s.children(name, depth+1)
	}
	s.pos = save
	return s.text(name, depth)
}

// text parses text and CDATA chunks up to the end tag of name.
func (s *scanner[T]) text(name T, depth int) error {
	var (
		single T      // the value when it is one undecoded chunk
		chunks int    // number of non-empty chunks
		buf    []byte // built value when decoding is needed
		slow   bool
	)
	add := func(v T, isText bool) error {
		if isText {
			v = trimSpace(v)
			if len(v) == 0 {
				return nil
			}
		}
		needDecode := false
		if isText {
			for i := 0; i < len(v); i++ {
				if v[i] == '&' {
					needDecode = true
					break
				}
			}
		}
		chunks++
		if chunks == 1 && !needDecode {
			single = v
			return nil
		}
		if !slow {
			slow = true
			buf = append(buf, single...)
		}
		if needDecode {
			var err error
			if buf, err = decodeEntities(buf, v); err != nil {
				return s.fail(err.Error())
			}
			return nil
		}
		buf = append(buf, v...)
		return nil
	}
	for {
		if s.pos >= len(s.src) {
			return s.fail("unexpected end of input in element")
		}
		switch {
		case s.hasPrefix("</"):
			if err := s.endTag(name); err != nil {
				return err
			}
			if slow {
				s.emit(name, T(string(buf)), depth, false)
			} else {
				s.emit(name, single, depth, false)
			}
			return nil
		case s.hasPrefix("<![CDATA["):
			s.pos += 9
			i := s.index("]]>")
			if i < 0 {
				return s.fail("unterminated CDATA section")
			}
			v := s.src[s.pos:i]
			s.pos = i + 3
			if len(v) > 0 {
				if err := add(v, false); err != nil {
					return err
				}
			}
		case s.hasPrefix("<!--"):
			if err := s.skipMisc(false); err != nil {
				return err
			}
		case s.src[s.pos] == '<':
			return s.fail("element mixed with text")
		default:
			start := s.pos
			for s.pos < len(s.src) && s.src[s.pos] != '<' {
				s.pos++
			}
			if err := add(s.src[start:s.pos], true); err != nil {
				return err
			}
		}
	}
}

func trimSpace[T xmlText](v T) T {
	i, j := 0, len(v)
	for i < j && isSpace(v[i]) {
		i++
	}
	for j > i && isSpace(v[j-1]) {
		j--
	}
	return v[i:j]
}

var errEntity = errors.New("bad entity or character reference")

// decodeEntities appends v to dst with the predefined entities and
// character references decoded.
func decodeEntities[T xmlText](dst []byte, v T) ([]byte, error) {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c != '&' {
			dst = append(dst, c)
			continue
		}
		end := -1
		for j := i + 1; j < len(v) && j < i+12; j++ {
			if v[j] == ';' {
				end = j
				break
			}
		}
		if end < 0 {
			return dst, errEntity
		}
		ent := string(v[i+1 : end])
		switch ent {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			if len(ent) < 2 || ent[0] != '#' {
				return dst, errEntity
			}
			var r uint64
			var err error
			if ent[1] == 'x' {
				r, err = strconv.ParseUint(ent[2:], 16, 32)
			} else {
				r, err = strconv.ParseUint(ent[1:], 10, 32)
			}
			if err != nil || r == 0 || r > utf8.MaxRune || !utf8.ValidRune(rune(r)) {
				return dst, errEntity
			}
			dst = utf8.AppendRune(dst, rune(r))
		}
		i = end
	}
	return dst, nil
}

// appendCDATA appends v as CDATA, splitting any "]]>" so that the output
// stays well-formed whatever v holds.
func appendCDATA(dst []byte, v string) []byte {
	if !xmlSafe(v) {
		v = sanitizeXML(v)
	}
	dst = append(dst, "<![CDATA["...)
	for {
		i := strings.Index(v, "]]>")
		if i < 0 {
			break
		}
		dst = append(dst, v[:i+2]...)
		dst = append(dst, "]]><![CDATA["...)
		v = v[i+2:]
	}
	dst = append(dst, v...)
	return append(dst, "]]>"...)
}

// xmlSafe reports whether v is valid UTF-8 without the control characters
// XML 1.0 forbids.
func xmlSafe(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= utf8.RuneSelf {
			return utf8.ValidString(v[i:]) && !strings.ContainsAny(v[i:], "\uFFFE\uFFFF")
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// sanitizeXML drops forbidden control characters and replaces invalid
// UTF-8 with U+FFFD.
func sanitizeXML(v string) string {
	var b strings.Builder
	for _, r := range v {
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// appendElem appends <name><![CDATA[v]]></name>.
func appendElem(dst []byte, name, v string) []byte {
	dst = append(dst, '<')
	dst = append(dst, name...)
	dst = append(dst, '>')
	dst = appendCDATA(dst, v)
	dst = append(dst, "</"...)
	dst = append(dst, name...)
	return append(dst, '>')
}

// appendIntElem appends <name>v</name>.
func appendIntElem(dst []byte, name string, v int64) []byte {
	dst = append(dst, '<')
	dst = append(dst, name...)
	dst = append(dst, '>')
	dst = strconv.AppendInt(dst, v, 10)
	dst = append(dst, "</"...)
	dst = append(dst, name...)
	return append(dst, '>')
}
