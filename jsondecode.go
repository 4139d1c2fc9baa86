package wechat

import (
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"sync"
	"unicode/utf8"
)

// decodeJSON decodes a JSON answer into out exactly as json.Unmarshal does.
//
// Most answers are decoded by a fast path: a validating one-pass parser that
// fills the value through a plan built once per type, so that the body is
// scanned once (encoding/json scans it twice) and the strings of a small
// answer share one allocation. The fast path covers the types answers are
// made of (structs, embedded structs, strings, numbers, booleans, slices,
// pointers and json.Unmarshaler fields such as FlexID); it declines the rest
// (maps, interfaces, arrays, []byte, ",string" options, TextUnmarshalers,
// ambiguous field names) and anything unusual in the input (invalid JSON, a
// type mismatch, an escaped or non-ASCII key, a surrogate escape, invalid
// UTF-8, deep nesting, a value out of range). When it declines, out is reset
// to its zero value and json.Unmarshal decodes the body, so results and
// errors are always encoding/json's. FuzzDecodeJSON checks this equivalence.
func decodeJSON(data []byte, out any) error {
	if fastDecode(data, out) {
		return nil
	}
	return json.Unmarshal(data, out)
}

// shareStringsBelow is the size under which the strings decoded from one
// answer share one allocation (the body as a string): a value kept from a
// small answer keeps at most this much alive.
const shareStringsBelow = 16 << 10

// maxFastDepth bounds the nesting the fast path follows before it declines.
const maxFastDepth = 256

func fastDecode(data []byte, out any) bool {
	rv := reflect.ValueOf(out)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return false
	}
	p := planFor(rv.Type().Elem())
	if p == nil || p.kind == pUnmarshaler {
		return false
	}
	v := rv.Elem()
	if !v.IsZero() {
		return false // encoding/json merges into what is there; leave that to it
	}
	d := jdec{data: data}
	if len(data) <= shareStringsBelow {
		d.shared = string(data)
	}
	d.skipSpace()
	if d.value(p, v) {
		d.skipSpace()
		if d.i == len(d.data) {
			return true
		}
	}
	v.SetZero()
	return false
}

type planKind uint8

const (
	pString planKind = iota
	pBool
	pInt
	pUint
	pFloat
	pStruct
	pSlice
	pPointer
	pUnmarshaler
	pNumber // json.Number
)

// plan says how to fill a value of one type.
type plan struct {
	kind   planKind
	typ    reflect.Type
	bits   int            // pInt, pUint, pFloat
	elem   *plan          // pSlice, pPointer
	fields []planField    // pStruct
	exact  map[string]int // pStruct: field index by exact name
	empty  reflect.Value  // pSlice: a non-nil empty slice, shared
}

type planField struct {
	name  string
	index []int // reflect index path, through embedded structs
	plan  *plan
}

var plans sync.Map // reflect.Type -> *plan (nil: declined)

func planFor(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	b := planBuilder{seen: map[reflect.Type]*plan{}}
	p := b.build(t)
	if b.declined {
		p = nil
	}
	plans.Store(t, p)
	return p
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	numberType          = reflect.TypeFor[json.Number]()
)

type planBuilder struct {
	seen     map[reflect.Type]*plan
	declined bool
}

func (b *planBuilder) decline() *plan {
	b.declined = true
	return nil
}

func (b *planBuilder) build(t reflect.Type) *plan {
	if p, ok := b.seen[t]; ok {
		return p // recursive type: the plan is being built
	}
	pt := reflect.PointerTo(t)
	if t.Name() == "" && t.Kind() != reflect.Pointer &&
		(pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType)) {
		return b.decline() // methods promoted into an unnamed struct: encoding/json ignores them
	}
	if pt.Implements(unmarshalerType) {
		if t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface {
			return b.decline()
		}
		return &plan{kind: pUnmarshaler, typ: t}
	}
	if pt.Implements(textUnmarshalerType) {
		return b.decline()
	}
	if t == numberType {
		return &plan{kind: pNumber, typ: t}
	}
	p := &plan{typ: t}
	b.seen[t] = p
	switch t.Kind() {
	case reflect.String:
		p.kind = pString
	case reflect.Bool:
		p.kind = pBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind, p.bits = pInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		p.kind, p.bits = pUint, t.Bits()
	case reflect.Float32, reflect.Float64:
		p.kind, p.bits = pFloat, t.Bits()
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return b.decline() // base64
		}
		p.kind, p.empty = pSlice, reflect.MakeSlice(t, 0, 0)
		if p.elem = b.build(t.Elem()); p.elem == nil {
			return b.decline()
		}
	case reflect.Pointer:
		if t.Elem().Kind() == reflect.Pointer {
			return b.decline()
		}
		p.kind = pPointer
		if p.elem = b.build(t.Elem()); p.elem == nil {
			return b.decline()
		}
	case reflect.Struct:
		p.kind = pStruct
		if !b.addFields(p, t, nil) {
			return b.decline()
		}
		p.exact = make(map[string]int, len(p.fields))
		for i, f := range p.fields {
			for _, g := range p.fields[:i] {
				if asciiEqualFold(f.name, g.name) {
					return b.decline() // encoding/json's dominance rules: leave to it
				}
			}
			p.exact[f.name] = i
		}
	default:
		return b.decline()
	}
	return p
}

// addFields adds t's JSON fields to p as encoding/json names them, through
// untagged embedded structs; it declines what it does not model.
func (b *planBuilder) addFields(p *plan, t reflect.Type, index []int) bool {
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts := tag, ""
		for j := 0; j < len(tag); j++ {
			if tag[j] == ',' {
				name, opts = tag[:j], tag[j+1:]
				break
			}
		}
		if opts != "" && opts != "omitempty" && opts != "omitzero" && opts != "omitempty,omitzero" && opts != "omitzero,omitempty" {
			return false // ",string" and future options
		}
		idx := append(append([]int(nil), index...), i)
		if sf.Anonymous {
			if !sf.IsExported() || sf.Type.Kind() != reflect.Struct {
				return false
			}
			if name == "" {
				if !b.addFields(p, sf.Type, idx) {
					return false
				}
				continue
			}
		} else if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if !plainName(name) {
			return false
		}
		fp := b.build(sf.Type)
		if fp == nil {
			return false
		}
		p.fields = append(p.fields, planField{name: name, index: idx, plan: fp})
	}
	return true
}

func plainName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func asciiEqualFold[B string | []byte](a string, b B) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// jdec is the fast path's state. Every method returns false to decline.
type jdec struct {
	data   []byte
	shared string // data as a string, for small answers
	i      int
	depth  int
}

func (d *jdec) skipSpace() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// value fills v (addressable) with the JSON value at d.i.
func (d *jdec) value(p *plan, v reflect.Value) bool {
	if d.i >= len(d.data) {
		return false
	}
	c := d.data[d.i]
	if c == 'n' {
		if !d.literal("null") {
			return false
		}
		switch p.kind {
		case pSlice, pPointer:
			v.SetZero()
		case pUnmarshaler:
			return false
		}
		return true
	}
	switch p.kind {
	case pString:
		if c != '"' {
			return false
		}
		s, ok := d.str()
		if ok {
			v.SetString(s)
		}
		return ok
	case pBool:
		switch {
		case c == 't' && d.literal("true"):
			v.SetBool(true)
		case c == 'f' && d.literal("false"):
			v.SetBool(false)
		default:
			return false
		}
		return true
	case pInt:
		start, isInt, ok := d.number()
		if !ok || !isInt {
			return false
		}
		n, ok := parseInt(d.data[start:d.i], p.bits)
		if ok {
			v.SetInt(n)
		}
		return ok
	case pUint:
		start, isInt, ok := d.number()
		if !ok || !isInt || d.data[start] == '-' {
			return false
		}
		n, ok := parseUint(d.data[start:d.i], p.bits)
		if ok {
			v.SetUint(n)
		}
		return ok
	case pFloat:
		start, _, ok := d.number()
		if !ok {
			return false
		}
		f, err := strconv.ParseFloat(string(d.data[start:d.i]), p.bits)
		if err != nil || v.OverflowFloat(f) {
			return false
		}
		v.SetFloat(f)
		return true
	case pStruct:
		return c == '{' && d.object(p, v)
	case pSlice:
		return c == '[' && d.array(p, v)
	case pPointer:
		if v.IsNil() {
			v.Set(reflect.New(p.elem.typ))
		}
		return d.value(p.elem, v.Elem())
	case pNumber:
		// A number literal as written, or a string that holds one.
		if c == '"' {
			s, ok := d.str()
			if !ok || !validNumber(s) {
				return false
			}
			v.SetString(s)
			return true
		}
		start, _, ok := d.number()
		if !ok {
			return false
		}
		if d.shared != "" {
			v.SetString(d.shared[start:d.i])
		} else {
			v.SetString(string(d.data[start:d.i]))
		}
		return true
	case pUnmarshaler:
		start := d.i
		if !d.skip() {
			return false
		}
		u, ok := v.Addr().Interface().(json.Unmarshaler)
		return ok && u.UnmarshalJSON(d.data[start:d.i]) == nil
	}
	return false
}

func (d *jdec) literal(lit string) bool {
	if len(d.data)-d.i < len(lit) || string(d.data[d.i:d.i+len(lit)]) != lit {
		return false
	}
	d.i += len(lit)
	return true
}

// number scans a JSON number and reports where it starts and whether it is
// an integer literal (no fraction, no exponent).
func (d *jdec) number() (start int, isInt, ok bool) {
	data, i := d.data, d.i
	start = i
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		return 0, false, false
	case data[i] == '0':
		i++
	case '1' <= data[i] && data[i] <= '9':
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		return 0, false, false
	}
	isInt = true
	if i < len(data) && data[i] == '.' {
		isInt = false
		i++
		j := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		if i == j {
			return 0, false, false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		isInt = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		if i == j {
			return 0, false, false
		}
	}
	d.i = i
	return start, isInt, true
}

// validNumber reports whether s is exactly one JSON number.
func validNumber(s string) bool {
	d := jdec{data: []byte(s)}
	_, _, ok := d.number()
	return ok && d.i == len(s)
}

func parseInt(b []byte, bits int) (int64, bool) {
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	u, ok := parseUint(b, 64)
	if !ok {
		return 0, false
	}
	limit := uint64(1) << (bits - 1)
	if neg {
		if u > limit {
			return 0, false
		}
		return -int64(u-1) - 1, true
	}
	if u >= limit {
		return 0, false
	}
	return int64(u), true
}

func parseUint(b []byte, bits int) (uint64, bool) {
	var n uint64
	for _, c := range b {
		digit := uint64(c - '0')
		if n > (math.MaxUint64-digit)/10 {
			return 0, false
		}
		n = n*10 + digit
	}
	if bits < 64 && n >= uint64(1)<<bits {
		return 0, false
	}
	return n, true
}

// str reads the JSON string at d.i (which is '"').
func (d *jdec) str() (string, bool) {
	data := d.data
	start := d.i + 1
	ascii := true
	for i := start; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '"':
			d.i = i + 1
			raw := data[start:i]
			if !ascii && !utf8.Valid(raw) {
				return "", false // encoding/json replaces invalid bytes
			}
			if d.shared != "" {
				return d.shared[start:i], true
			}
			return string(raw), true
		case c == '\\':
			return d.unescape(start)
		case c < 0x20:
			return "", false
		case c >= 0x80:
			ascii = false
		}
	}
	return "", false
}

// unescape decodes a string with escapes starting at data[start]. It
// declines \u escapes of surrogates, which encoding/json pairs or replaces.
func (d *jdec) unescape(start int) (string, bool) {
	data := d.data
	buf := make([]byte, 0, 64)
	ascii := true
	for i := start; i < len(data); {
		c := data[i]
		switch {
		case c == '"':
			d.i = i + 1
			if !ascii && !utf8.Valid(buf) {
				return "", false
			}
			return string(buf), true
		case c < 0x20:
			return "", false
		case c != '\\':
			if c >= 0x80 {
				ascii = false
			}
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(data) {
			return "", false
		}
		switch e := data[i+1]; e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			if i+6 > len(data) {
				return "", false
			}
			r, ok := hex4(data[i+2 : i+6])
			if !ok || utf8.RuneLen(r) < 0 {
				return "", false // surrogates
			}
			buf = utf8.AppendRune(buf, r)
			i += 6
			continue
		default:
			return "", false
		}
		i += 2
	}
	return "", false
}

func hex4(b []byte) (rune, bool) {
	var r rune
	for _, c := range b {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// key reads an object key: plain ASCII without escapes, or it declines
// (encoding/json unescapes keys and folds some non-ASCII letters).
func (d *jdec) key() ([]byte, bool) {
	data := d.data
	start := d.i + 1
	for i := start; i < len(data); i++ {
		c := data[i]
		if c == '"' {
			d.i = i + 1
			return data[start:i], true
		}
		if c == '\\' || c < 0x20 || c >= 0x80 {
			return nil, false
		}
	}
	return nil, false
}

func (d *jdec) object(p *plan, v reflect.Value) bool {
	empty, ok := d.open('}')
	if !ok || empty {
		return ok
	}
	for {
		k, ok := d.member(true)
		if !ok {
			return false
		}
		if f := p.field(k); f == nil {
			ok = d.skip()
		} else if len(f.index) == 1 {
			ok = d.value(f.plan, v.Field(f.index[0]))
		} else {
			ok = d.value(f.plan, v.FieldByIndex(f.index))
		}
		if !ok {
			return false
		}
		if done, ok := d.next('}'); done || !ok {
			return ok
		}
	}
}

// open enters the object or array at d.i, reporting whether it is empty
// (and then passes it).
func (d *jdec) open(closing byte) (empty, ok bool) {
	if d.depth++; d.depth > maxFastDepth {
		return false, false
	}
	d.i++
	d.skipSpace()
	if d.i < len(d.data) && d.data[d.i] == closing {
		d.i++
		d.depth--
		return true, true
	}
	return false, true
}

// member reads a key and its colon, up to the value. A key to be matched
// must be plain (key); a key of a skipped object is any string.
func (d *jdec) member(match bool) (k []byte, ok bool) {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return nil, false
	}
	if match {
		k, ok = d.key()
	} else {
		ok = d.skip()
	}
	if !ok {
		return nil, false
	}
	d.skipSpace()
	if d.i >= len(d.data) || d.data[d.i] != ':' {
		return nil, false
	}
	d.i++
	d.skipSpace()
	return k, true
}

// next passes what follows a member or an element: a comma, or the closing
// byte (done).
func (d *jdec) next(closing byte) (done, ok bool) {
	d.skipSpace()
	if d.i >= len(d.data) {
		return false, false
	}
	c := d.data[d.i]
	d.i++
	switch c {
	case closing:
		d.depth--
		return true, true
	case ',':
		d.skipSpace()
		return false, true
	}
	return false, false
}

func (p *plan) field(k []byte) *planField {
	if i, ok := p.exact[string(k)]; ok { // no allocation: Go looks up []byte keys in place
		return &p.fields[i]
	}
	for i := range p.fields {
		if asciiEqualFold(p.fields[i].name, k) {
			return &p.fields[i]
		}
	}
	return nil
}

// array fills a slice as encoding/json does: into the elements already
// there, growing it as needed, then cut to the elements read; an empty
// array gives an empty, non-nil slice.
func (d *jdec) array(p *plan, v reflect.Value) bool {
	empty, ok := d.open(']')
	if !ok {
		return false
	}
	n := 0
	for !empty {
		if n >= v.Cap() {
			v.Grow(1)
		}
		if n >= v.Len() {
			v.SetLen(n + 1)
		}
		if !d.value(p.elem, v.Index(n)) {
			return false
		}
		n++
		if empty, ok = d.next(']'); !ok {
			return false
		}
	}
	if n < v.Len() {
		v.SetLen(n)
	}
	if n == 0 {
		v.Set(p.empty)
	}
	return true
}

// skip validates and passes over the JSON value at d.i.
func (d *jdec) skip() bool {
	if d.i >= len(d.data) {
		return false
	}
	switch c := d.data[d.i]; c {
	case '"':
		data := d.data
		for i := d.i + 1; i < len(data); i++ {
			switch c := data[i]; {
			case c == '"':
				d.i = i + 1
				return true
			case c < 0x20:
				return false
			case c == '\\':
				i++
				if i >= len(data) {
					return false
				}
				switch data[i] {
				case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				case 'u':
					if i+4 >= len(data) {
						return false
					}
					if _, ok := hex4(data[i+1 : i+5]); !ok {
						return false
					}
					i += 4
				default:
					return false
				}
			}
		}
		return false
	case '{':
		empty, ok := d.open('}')
		for ok && !empty {
			if _, ok = d.member(false); ok && d.skip() {
				empty, ok = d.next('}')
			} else {
				ok = false
			}
		}
		return ok
	case '[':
		empty, ok := d.open(']')
		for ok && !empty {
			if ok = d.skip(); ok {
				empty, ok = d.next(']')
			}
		}
		return ok
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	default:
		_, _, ok := d.number()
		return ok
	}
}
