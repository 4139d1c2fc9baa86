package bench

// Shared helpers of the conformance tests (conformance_*_test.go): they check
// that our wire types and another SDK's wire types describe the same JSON.
//
// The usual test is one line per endpoint:
//
//	conformRequest(t, "POST /cgi-bin/menu/create", &oa.Menu{}, &smenu.reqMenu{}, nil)
//	conformResponse(t, "GET /cgi-bin/menu/get", &smenu.ResMenu{}, &oa.MenuInfo{}, nil)
//
// conformRequest fills OUR request type with conformFill (every field set,
// every slice and map one element long, every pointer allocated), encodes it
// with the SDK's own encoder and checks that the JSON decodes into THEIR
// type with no unknown field and no type error. conformResponse does the
// opposite: it fills THEIR response type and checks that OUR type takes all
// of it. A disagreement that is not a bug on our side is listed in the
// known argument, keyed by the JSON path the check reports (for example
// "news_info.item[].title" or "type msg_id: number into string"), with the
// official doc page that settles it as the value. A known entry that no
// longer shows up fails the test too, so the lists stay true.

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// conformKnown maps a reported disagreement (a JSON path, or "type PATH:
// ...") to the official doc URL (and a few words) that settles it.
type conformKnown map[string]string

// conformRequest checks that ours (a pointer to our request type), filled
// by conformFill and encoded as the SDK encodes request bodies, decodes
// into theirs (a pointer to the other SDK's request type) with no unknown
// field and no type mismatch.
func conformRequest(t *testing.T, name string, ours, theirs any, known conformKnown) {
	t.Helper()
	conformFill(ours)
	conformRequestFilled(t, name, ours, theirs, known)
}

// conformRequestFilled is conformRequest for a request the caller filled
// (conformFill, then a few fields set to valid values, such as a time), so
// nothing is filled again.
func conformRequestFilled(t *testing.T, name string, ours, theirs any, known conformKnown) {
	t.Helper()
	data, err := conformMarshal(ours)
	if err != nil {
		t.Fatalf("%s: encode ours: %v", name, err)
	}
	conformReport(t, name+" (request, ours -> theirs)", data, theirs, known)
}

// conformResponse checks that theirs (a pointer to the other SDK's response
// type), filled by conformFill, decodes into ours (a pointer to our response
// type) with no unknown field and no type mismatch.
func conformResponse(t *testing.T, name string, theirs, ours any, known conformKnown) {
	t.Helper()
	conformReport(t, name+" (response, theirs -> ours)", conformFilledJSON(t, name, theirs), ours, known)
}

// conformFilledJSON fills theirs and encodes it with encoding/json.
func conformFilledJSON(t *testing.T, name string, theirs any) []byte {
	t.Helper()
	conformFill(theirs)
	data, err := json.Marshal(theirs)
	if err != nil {
		t.Fatalf("%s: encode theirs: %v", name, err)
	}
	return data
}

// conformResponseWeChat is conformResponse for the WeChat APIs (not Pay):
// the top-level errcode and errmsg, which the other SDK keeps in its
// response types, are read by our core request path into *wechat.APIError
// and are left out of the comparison.
func conformResponseWeChat(t *testing.T, name string, theirs, ours any, known conformKnown) {
	t.Helper()
	data := conformFilledJSON(t, name, theirs)
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err == nil {
		delete(m, "errcode")
		delete(m, "errmsg")
		data, _ = json.Marshal(m)
	}
	conformReport(t, name+" (response, theirs -> ours)", data, ours, known)
}

// conformJSON checks a literal JSON document (for example a doc page's
// example) against into: no unknown field, no type mismatch.
func conformJSON(t *testing.T, name, doc string, into any, known conformKnown) {
	t.Helper()
	conformReport(t, name+" (doc example)", []byte(doc), into, known)
}

// conformReport runs conformDiff and fails for every finding not in known
// and for every known entry not found.
func conformReport(t *testing.T, name string, data []byte, into any, known conformKnown) {
	t.Helper()
	found := conformDiff(data, reflect.TypeOf(into))
	for _, f := range found {
		if _, ok := known[f]; !ok {
			t.Errorf("%s: %s\n\tJSON: %s", name, f, conformShort(data))
		}
	}
	for k := range known {
		if !slices.Contains(found, k) {
			t.Errorf("%s: known disagreement %q no longer occurs: remove it from the list", name, k)
		}
	}
	if len(found) == 0 {
		// The walker is the readable report; the standard decoder with
		// DisallowUnknownFields is the ground truth.
		if err := conformStrictDecode(data, into); err != nil {
			t.Errorf("%s: strict decode: %v", name, err)
		}
	}
}

// conformMarshal encodes v the way the SDK encodes request bodies.
func conformMarshal(v any) ([]byte, error) { return wechat.MarshalJSON(v) }

// conformStrictDecode decodes data into v (a pointer) rejecting unknown
// fields.
func conformStrictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func conformShort(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "..."
	}
	return string(b)
}

// conformDiff walks the JSON document data against type t and returns, sorted,
// the JSON paths of members t has no field for ("a.b[].c") and the type
// mismatches ("type a.b: number into string").
func conformDiff(data []byte, t reflect.Type) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return []string{"invalid JSON: " + err.Error()}
	}
	var out []string
	conformWalk(doc, t, "", &out)
	sort.Strings(out)
	return slices.Compact(out)
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func conformWalk(v any, t reflect.Type, path string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil {
		return // null fits everything
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		// A leaf with its own decoding: let it judge.
		raw, _ := json.Marshal(v)
		if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
			*out = append(*out, fmt.Sprintf("type %s: %s", conformPathName(path), conformJSONKind(v)+" rejected by "+t.String()))
		}
		return
	}
	mismatch := func() {
		*out = append(*out, fmt.Sprintf("type %s: %s into %s", conformPathName(path), conformJSONKind(v), t.Kind()))
	}
	switch t.Kind() {
	case reflect.Interface:
		return
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			mismatch()
			return
		}
		fields := conformFields(t)
		for k, val := range obj {
			f, ok := conformLookup(fields, k)
			if !ok {
				*out = append(*out, conformJoin(path, k))
				continue
			}
			if f.asString {
				if _, isStr := val.(string); !isStr {
					*out = append(*out, fmt.Sprintf("type %s: %s into %s,string", conformPathName(conformJoin(path, k)), conformJSONKind(val), f.typ.Kind()))
				}
				continue
			}
			conformWalk(val, f.typ, conformJoin(path, k), out)
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			mismatch()
			return
		}
		for k, val := range obj {
			conformWalk(val, t.Elem(), conformJoin(path, "{"+k+"}"), out)
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Kind() == reflect.Slice {
			if _, ok := v.(string); !ok {
				mismatch()
			}
			return
		}
		arr, ok := v.([]any)
		if !ok {
			mismatch()
			return
		}
		for _, e := range arr {
			conformWalk(e, t.Elem(), path+"[]", out)
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			mismatch()
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			mismatch()
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(json.Number)
		if !ok || strings.ContainsAny(n.String(), ".eE") {
			mismatch()
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := v.(json.Number); !ok {
			mismatch()
		}
	default:
		mismatch()
	}
}

func conformJoin(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func conformPathName(p string) string {
	if p == "" {
		return "(top)"
	}
	return p
}

func conformJSONKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

type conformField struct {
	name     string
	typ      reflect.Type
	asString bool
}

// conformFields lists the JSON members of struct type t the way
// encoding/json sees them (tags, "-", ",string", embedded structs).
func conformFields(t reflect.Type) []conformField {
	var out []conformField
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := sf.Type
		if sf.Anonymous && name == "" {
			et := ft
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				out = append(out, conformFields(et)...)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		out = append(out, conformField{name: name, typ: ft, asString: strings.Contains(","+opts+",", ",string,")})
	}
	return out
}

// conformLookup finds member k the way encoding/json does: exact name
// first, then case-insensitively.
func conformLookup(fields []conformField, k string) (conformField, bool) {
	for _, f := range fields {
		if f.name == k {
			return f, true
		}
	}
	for _, f := range fields {
		if strings.EqualFold(f.name, k) {
			return f, true
		}
	}
	return conformField{}, false
}

// conformFill sets every exported field reachable from ptr (a pointer) to a
// non-zero value: strings "x", numbers 1, bools true, times a fixed
// instant, one element in every slice and map, every pointer allocated.
// Interface fields get the string "x". Recursion through a type already being
// filled stops, so recursive types end.
func conformFill(ptr any) {
	v := reflect.ValueOf(ptr)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		panic("conformFill wants a non-nil pointer")
	}
	conformFillValue(v.Elem(), map[reflect.Type]bool{})
}

var (
	conformTimeType = reflect.TypeFor[time.Time]()
	conformRawType  = reflect.TypeFor[json.RawMessage]()
	conformNumType  = reflect.TypeFor[json.Number]()
)

func conformFillValue(v reflect.Value, seen map[reflect.Type]bool) {
	t := v.Type()
	switch t {
	case conformTimeType:
		v.Set(reflect.ValueOf(time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("CST", 8*3600))))
		return
	case conformRawType:
		v.SetBytes([]byte(`"x"`))
		return
	case conformNumType:
		v.SetString("1")
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if seen[t.Elem()] {
			return
		}
		n := reflect.New(t.Elem())
		conformFillValue(n.Elem(), seen)
		v.Set(n)
	case reflect.Struct:
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := range t.NumField() {
			if f := v.Field(i); f.CanSet() {
				conformFillValue(f, seen)
			}
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte("x"))
			return
		}
		if seen[t.Elem()] {
			return
		}
		s := reflect.MakeSlice(t, 1, 1)
		conformFillValue(s.Index(0), seen)
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			conformFillValue(v.Index(i), seen)
		}
	case reflect.Map:
		m := reflect.MakeMap(t)
		k := reflect.New(t.Key()).Elem()
		conformFillValue(k, seen)
		e := reflect.New(t.Elem()).Elem()
		if !seen[t.Elem()] {
			conformFillValue(e, seen)
		}
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Interface:
		if t.NumMethod() == 0 {
			v.Set(reflect.ValueOf("x"))
		}
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1)
	}
}

// TestConformHelpers checks the helpers themselves on small types.
func TestConformHelpers(t *testing.T) {
	type inner struct {
		B string `json:"b"`
	}
	type a struct {
		ID    int64            `json:"id"`
		Name  string           `json:"name,omitempty"`
		In    []inner          `json:"in"`
		M     map[string]inner `json:"m"`
		Skip  string           `json:"-"`
		Count int              `json:"count,string"`
	}
	type b struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		In   []struct {
			C string `json:"c"`
		} `json:"in"`
	}
	var src a
	conformFill(&src)
	if src.ID != 1 || src.Name != "x" || len(src.In) != 1 || src.In[0].B != "x" || len(src.M) != 1 || src.Count != 1 {
		t.Fatalf("conformFill: %+v", src)
	}
	data, _ := json.Marshal(src)
	got := conformDiff(data, reflect.TypeOf(&b{}))
	want := []string{"count", "in[].b", "m", "type id: number into string"}
	if !slices.Equal(got, want) {
		t.Fatalf("conformDiff = %q, want %q", got, want)
	}
	if got := conformDiff(data, reflect.TypeOf(&a{})); len(got) != 0 {
		t.Fatalf("conformDiff against itself = %q", got)
	}
	if err := conformStrictDecode(data, &a{}); err != nil {
		t.Fatal(err)
	}
}
