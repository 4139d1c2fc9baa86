package callback

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// FieldError reports an element whose text does not fit the typed field it
// decodes into, such as a time or a count that is not a number. It never
// quotes the text. It matches ErrMalformed with errors.Is.
type FieldError struct {
	Field string // element path, for example "ApprovalInfo/ApplyTime"
	Type  string // what the text should have been: "integer", "number", "boolean"
}

// Error implements error.
func (e *FieldError) Error() string {
	return "callback: element " + e.Field + " is not a valid " + e.Type
}

// Is makes errors.Is(err, ErrMalformed) true.
func (e *FieldError) Is(target error) bool { return target == ErrMalformed }

// Decode fills the struct v points to from the elements of the push. It is
// the one decoder behind every typed view of this package, and works for
// structs of your own for pushes the package does not type yet.
//
// A field's `push` tag names the element it reads, relative to the
// element the struct is decoded from (the whole push for the top level):
// "Name" is a child, "A/B" a grandchild, and "A/B|C" tries the paths in
// turn. A field without a tag reads the element of its own name, `push:"-"`
// skips it, and an embedded struct without a tag reads from the same
// element as its parent.
//
// Strings take the text as pushed. Integer, float and bool fields take the
// parsed text; an absent or empty element leaves them zero, and text that
// does not parse is reported as a *FieldError (the other fields are still
// filled). A struct field decodes from the first matching element, a slice
// from every matching element in document order, across all the
// alternatives of the tag and across repeated parents: with
// `push:"PicList/item"` both <PicList><item/><item/></PicList> and
// <PicList><item/></PicList><PicList><item/></PicList> give two items.
// JSON pushes read the same way: object members are elements, and an array
// repeats its member name.
func (m *Message) Decode(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return errors.New("callback: Decode needs a non-nil pointer to a struct")
	}
	d := decoder{fields: m.fields}
	d.structAt(-1, -1, rv.Elem())
	return d.err
}

// decodeNode decodes the element n (a Node of m) into *v.
func decodeNode[T any](n Node) (v T, err error) {
	d := decoder{fields: n.fields}
	d.structAt(n.idx, n.depth, reflect.ValueOf(&v).Elem())
	return v, d.err
}

// typed returns the typed view T of m when the table of kinds gives T for
// m's kind; ok is false for other pushes and when an element does not fit
// its field (Decode tells which).
func typed[T any](m *Message) (v T, ok bool) {
	k, found := m.Kind()
	if !found || k.Type != reflect.TypeFor[T]() {
		return v, false
	}
	return v, m.Decode(&v) == nil
}

// decoder walks the flat field list of a Message.
type decoder struct {
	fields []Field
	used   []bool   // when set, marks every field read (coverage tests)
	path   []string // element names from the root, for errors
	err    error
}

// plan is how one struct type decodes, computed once per type.
type plan struct {
	index    int
	alts     [][]string // alternative paths; nil for an embedded struct
	embedded bool
}

var plans sync.Map // reflect.Type → []plan

func plansFor(t reflect.Type) []plan {
	if p, ok := plans.Load(t); ok {
		return p.([]plan)
	}
	var out []plan
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, tagged := f.Tag.Lookup("push")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if f.Anonymous && !tagged && f.Type.Kind() == reflect.Struct {
			out = append(out, plan{index: i, embedded: true})
			continue
		}
		if !f.IsExported() {
			continue
		}
		if !tagged || tag == "" {
			tag = f.Name
		}
		var alts [][]string
		for _, a := range strings.Split(tag, "|") {
			alts = append(alts, strings.Split(a, "/"))
		}
		out = append(out, plan{index: i, alts: alts})
	}
	p, _ := plans.LoadOrStore(t, out)
	return p.([]plan)
}

// structAt decodes the children of the element at idx (depth depth; -1 for
// the root) into the struct v.
func (d *decoder) structAt(idx, depth int, v reflect.Value) {
	for _, p := range plansFor(v.Type()) {
		fv := v.Field(p.index)
		if p.embedded {
			d.structAt(idx, depth, fv)
			continue
		}
		if fv.Kind() == reflect.Slice {
			et := fv.Type().Elem()
			for _, alt := range p.alts {
				d.each(idx, depth, alt, func(j int) {
					ev := reflect.New(et).Elem()
					d.value(j, ev)
					fv.Set(reflect.Append(fv, ev))
				})
			}
			continue
		}
		for _, alt := range p.alts {
			found := false
			d.each(idx, depth, alt, func(j int) {
				if !found {
					found = true
					d.value(j, fv)
				}
			})
			if found {
				break
			}
		}
	}
}

// each calls fn with the index of every element reached from the element
// at idx by path, in document order.
func (d *decoder) each(idx, depth int, path []string, fn func(int)) {
	for i := idx + 1; i < len(d.fields) && d.fields[i].Depth > depth; i++ {
		f := &d.fields[i]
		if f.Depth != depth+1 || f.Name != path[0] {
			continue
		}
		if len(path) == 1 {
			fn(i)
		} else {
			if d.used != nil {
				d.used[i] = true
			}
			d.path = append(d.path, f.Name)
			d.each(i, depth+1, path[1:], fn)
			d.path = d.path[:len(d.path)-1]
		}
	}
}

// value decodes the element at j into v (not a slice).
func (d *decoder) value(j int, v reflect.Value) {
	f := &d.fields[j]
	if d.used != nil {
		d.used[j] = true
	}
	if v.Kind() == reflect.Struct {
		d.path = append(d.path, f.Name)
		d.structAt(j, f.Depth, v)
		d.path = d.path[:len(d.path)-1]
		return
	}
	s := strings.TrimSpace(f.Value)
	var bad string
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.Value)
		return
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if s == "" {
			return
		}
		n, err := strconv.ParseInt(s, 10, v.Type().Bits())
		if err == nil {
			v.SetInt(n)
			return
		}
		bad = "integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if s == "" {
			return
		}
		n, err := strconv.ParseUint(s, 10, v.Type().Bits())
		if err == nil {
			v.SetUint(n)
			return
		}
		bad = "unsigned integer"
	case reflect.Float32, reflect.Float64:
		if s == "" {
			return
		}
		n, err := strconv.ParseFloat(s, v.Type().Bits())
		if err == nil {
			v.SetFloat(n)
			return
		}
		bad = "number"
	case reflect.Bool:
		if s == "" {
			return
		}
		b, err := strconv.ParseBool(s)
		if err == nil {
			v.SetBool(b)
			return
		}
		bad = "boolean"
	default:
		return
	}
	if d.err == nil {
		d.err = &FieldError{Field: strings.Join(append(d.path[:len(d.path):len(d.path)], f.Name), "/"), Type: bad}
	}
}
