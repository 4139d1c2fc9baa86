package wechat

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// Types the differential tests decode into: every shape the fast path
// models, and some it declines.
type (
	jdButton struct {
		Type      string     `json:"type,omitempty"`
		Name      string     `json:"name"`
		Key       string     `json:"key,omitempty"`
		SubButton []jdButton `json:"sub_button,omitempty"`
	}
	jdBase struct {
		ErrCode int    `json:"errcode"`
		ErrMsg  string `json:"errmsg"`
	}
	jdInner struct {
		A string `json:"a"`
		B *int   `json:"b"`
	}
	jdAll struct {
		jdBase `json:"-"` // ignored: tag "-"
		Embedded
		S     string          `json:"s"`
		I     int             `json:"i"`
		I8    int8            `json:"i8"`
		I64   int64           `json:"i64"`
		U     uint            `json:"u"`
		U16   uint16          `json:"u16"`
		F32   float32         `json:"f32"`
		F64   float64         `json:"f64"`
		B     bool            `json:"b"`
		P     *string         `json:"p"`
		PS    *jdInner        `json:"ps"`
		In    jdInner         `json:"in"`
		L     []jdInner       `json:"l"`
		LS    []string        `json:"ls,omitempty"`
		LL    [][]int         `json:"ll"`
		ID    FlexID          `json:"id"`
		PID   *FlexID         `json:"pid"`
		Raw   json.RawMessage `json:"raw"`
		Menu  []jdButton      `json:"menu"`
		Named jdNamedString   `json:"named"`
		NoTag string          //
		//lint:ignore U1000 an unexported field: never decoded
		hidden string
		Mixed  string            `json:"MiXeD"`
		Num    json.Number       `json:"num"`
		M      map[string]string `json:"-"`
	}
	Embedded struct {
		E1 string `json:"e1"`
		E2 int    `json:"e2"`
	}
	jdNamedString string

	// Declined by the fast path: each needs encoding/json.
	jdMap    struct{ M map[string]int }
	jdAny    struct{ A any }
	jdArray  struct{ A [2]int }
	jdBytes  struct{ B []byte }
	jdString struct {
		N int `json:"n,string"`
	}
	jdConflict struct {
		Embedded
		E1 string `json:"E1"`
	}
	jdPtrPtr struct{ P **int }
)

func jdTargets() []func() any {
	return []func() any{
		func() any { return new(jdAll) },
		func() any { return new(jdButton) },
		func() any { return new([]jdButton) },
		func() any { return new(*jdInner) },
		func() any { return new(string) },
		func() any { return new(int32) },
		func() any { return new(uint8s) },
		func() any { return new(float64) },
		func() any { return new(bool) },
		func() any { return new([]int) },
		func() any { return new(FlexID) },
		func() any { return new(json.RawMessage) },
		func() any { return new(jdMap) },
		func() any { return new(jdAny) },
		func() any { return new(jdArray) },
		func() any { return new(jdBytes) },
		func() any { return new(jdString) },
		func() any { return new(jdConflict) },
		func() any { return new(jdPtrPtr) },
		func() any { return new(map[string]any) },
	}
}

type uint8s []uint8

var jdSeeds = []string{
	`{"menu":{"button":[{"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC","sub_button":[]}]}}`,
	`{"s":"x","i":-12,"i8":127,"i64":-9223372036854775808,"u":18446744073709551615,"u16":65535,"f32":1.5,"f64":-2.5e-3,"b":true,"p":"q","ps":{"a":"1","b":2},"in":{"a":"z"},"l":[{"a":"1"},{"b":3}],"ls":[],"ll":[[1,2],[],[3]],"id":123,"pid":"x","raw":{"k":[1,{"x":null}]},"menu":[{"name":"n","sub_button":[{"name":"m"}]}],"named":"nm","NoTag":"nt","-":"dash","hidden":"h","mixed":"lower","e1":"emb","E2":5}`,
	`{"i8":128}`, `{"i8":-129}`, `{"u16":65536}`, `{"u":-1}`, `{"i":1.0}`, `{"i":1e2}`, `{"f32":1e39}`, `{"f64":1e400}`,
	`{"s":"a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d"}`, `{"s":"\ud83d\ude00"}`, `{"s":"\ud800"}`, `{"s":"bad\xffutf8"}`, `{"s":"ctl` + "\x01" + `"}`,
	`{"s":null,"i":null,"p":null,"ps":null,"l":null,"id":null,"pid":null,"raw":null,"in":null}`,
	`{"S":"upper","I":3,"ID":"x"}`, `{"s":"first","s":"second"}`, `{"l":[{"a":"1"},{"a":"2"}],"l":[{"b":1}]}`,
	`{"ps":{"a":"1"},"ps":{"b":2}}`, `{"\u0073":"escaped key"}`, `{"ſ":"long s","K":"kelvin"}`, `{"unknown":{"deep":[1,2,{"x":"y"}]},"s":"after"}`, `{"unknown":{"中文":[1,"\u4e2d",{"k\"":null}]},"s":"x"}`, `{"unknown":{"k\x":1}}`,
	`{"s":1}`, `{"i":"1"}`, `{"b":"true"}`, `{"l":{}}`, `{"in":[]}`, `{"s":"x"} trailing`, `{"s":"x",}`, `{"s" "x"}`, ` {"s":"x"} `,
	`[]`, `[1,2,3]`, `null`, `"str"`, `123`, `-0`, `01`, `1.`, `.5`, `-`, `true`, `tru`, `nul`, `{"a":tru}`, `{`, `[`, `"`, ``,
	`{"M":{"a":1}}`, `{"A":[1,2]}`, `{"B":"aGk="}`, `{"n":"12"}`, `{"num":12.5e3}`, `{"num":"-0.5"}`, `{"num":""}`, `{"num":"1x"}`, `{"num":"\u0031"}`, `{"num":true}`, `{"num":null}`, `{"E1":"top","e1":"emb"}`, `{"N":12.5}`, `{"P":1}`, `{"P":null}`,
	`{"x":"\u12"}`, `{"x":"\q"}`, `{"x":[1,]}`, `{"x":{"a"}}`, `{"x":01}`, `{"x":-}`, `{"x":1e}`, `{"x":1.e5}`,
	strings.Repeat(`[`, 300) + strings.Repeat(`]`, 300),
	`{"raw":` + strings.Repeat(`[`, 300) + strings.Repeat(`]`, 300) + `}`,
	`{"menu":[` + strings.Repeat(`{"name":"a","sub_button":[`, 100) + strings.Repeat(`]}`, 100) + `]}`,
}

// jdSame decodes data into a fresh value of each target with encoding/json
// and with decodeJSON and fails on any difference in the value or the
// error text.
func jdSame(t *testing.T, data []byte) {
	t.Helper()
	for _, mk := range jdTargets() {
		want, got := mk(), mk()
		werr := json.Unmarshal(data, want)
		gerr := decodeJSON(data, got)
		if (werr == nil) != (gerr == nil) || (werr != nil && werr.Error() != gerr.Error()) {
			t.Fatalf("%T from %q: error %v, encoding/json %v", got, data, gerr, werr)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%T from %q:\n got %#v\nwant %#v", got, data, got, want)
		}
	}
}

func TestDecodeJSONMatchesEncodingJSON(t *testing.T) {
	for _, s := range jdSeeds {
		jdSame(t, []byte(s))
	}
}

// FuzzDecodeJSON checks that decodeJSON's results and errors are
// encoding/json's for any input, whether the fast path takes it or not.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range jdSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		jdSame(t, data)
	})
}

// The fast path must actually take the answers it is for, or the
// equivalence above would hold by always falling back.
func TestDecodeJSONFastPathTakes(t *testing.T) {
	for _, tc := range []struct {
		data string
		out  func() any
	}{
		{jdSeeds[1], func() any { return new(jdAll) }},
		{`{"s":"a\"b\\c\/d\u00e9"}`, func() any { return new(jdAll) }},
		{`{"errcode":0,"errmsg":"ok","menu":[{"type":"view","name":"搜索"}]}`, func() any { return new(jdAll) }},
		{`[{"name":"a","sub_button":[{"name":"b"}]}]`, func() any { return new([]jdButton) }},
		{`{"ps":null,"l":[],"id":"12","num":"12"}`, func() any { return new(jdAll) }},
		{`{"num":1.5e3}`, func() any { return new(jdAll) }},
		{`{"unknown":{"中文":[1,"\u4e2d",{"k\"":null}],"x":true},"s":"x"}`, func() any { return new(jdAll) }},
		{strings.Repeat(" ", shareStringsBelow) + `{"s":"big"}`, func() any { return new(jdAll) }},
	} {
		if !fastDecode([]byte(tc.data), tc.out()) {
			t.Errorf("fast path declined %.60q", tc.data)
		}
	}
	for _, out := range []any{new(jdMap), new(jdAny), new(jdArray), new(jdBytes), new(jdString), new(jdConflict), new(jdPtrPtr), new(map[string]any)} {
		if planFor(reflect.TypeOf(out).Elem()) != nil {
			t.Errorf("%T: the fast path should decline this type", out)
		}
	}
	if fastDecode([]byte(`"12"`), new(FlexID)) {
		t.Error("the fast path should leave a top-level json.Unmarshaler to encoding/json")
	}
}

// A value already set is merged by encoding/json; the fast path leaves it
// to encoding/json, and a nil or non-pointer out gets its error.
func TestDecodeJSONNonZeroAndInvalidOut(t *testing.T) {
	v := jdAll{S: "keep", I: 7}
	if err := decodeJSON([]byte(`{"i":8}`), &v); err != nil || v.S != "keep" || v.I != 8 {
		t.Fatalf("merge: %+v %v", v, err)
	}
	var nilp *jdAll
	for _, out := range []any{nil, jdAll{}, nilp} {
		werr := json.Unmarshal([]byte(`{}`), out)
		gerr := decodeJSON([]byte(`{}`), out)
		if werr == nil || gerr == nil || werr.Error() != gerr.Error() {
			t.Errorf("%T: %v, encoding/json %v", out, gerr, werr)
		}
	}
	var ute *json.UnmarshalTypeError
	if err := decodeJSON([]byte(`{"i":"x","s":"set"}`), new(jdAll)); !errors.As(err, &ute) {
		t.Errorf("type error: %v", err)
	}
}

func TestDecodeJSONIntLimits(t *testing.T) {
	for _, bits := range []int{8, 16, 32, 64} {
		hi, lo := int64(1)<<(bits-1)-1, -int64(1)<<(bits-1)
		for _, n := range []string{fmt.Sprint(hi), fmt.Sprint(lo)} {
			if v, ok := parseInt([]byte(n), bits); !ok || fmt.Sprint(v) != n {
				t.Errorf("parseInt(%s, %d) = %d, %v", n, bits, v, ok)
			}
		}
		if _, ok := parseInt([]byte(fmt.Sprint(uint64(hi)+1)), bits); ok {
			t.Errorf("parseInt(max+1, %d) accepted", bits)
		}
	}
	if _, ok := parseUint([]byte("18446744073709551616"), 64); ok {
		t.Error("parseUint accepted 2^64")
	}
	if v, ok := parseUint([]byte("18446744073709551615"), 64); !ok || v != math.MaxUint64 {
		t.Errorf("parseUint(max) = %d, %v", v, ok)
	}
}
