package wechat_test

import (
	"encoding/json"
	"testing"

	wechat "github.com/weixin-go/wechat"
)

func TestFlexID(t *testing.T) {
	for in, want := range map[string]wechat.FlexID{
		`"100000001"`: "100000001", `2247483684`: "2247483684", `"abc"`: "abc", `null`: "",
		`18446744073709551615`: "18446744073709551615", ` 7 `: "7",
	} {
		var got struct{ ID wechat.FlexID }
		if err := json.Unmarshal([]byte(`{"ID":`+in+`}`), &got); err != nil || got.ID != want {
			t.Errorf("%s: %q, %v", in, got.ID, err)
		}
	}
	for _, bad := range []string{`1.5`, `1e3`, `true`, `{}`, `[]`, `"\x"`} {
		var id wechat.FlexID
		if err := json.Unmarshal([]byte(bad), &id); err == nil {
			t.Errorf("%s accepted as %q", bad, id)
		}
	}
	b, _ := json.Marshal(struct{ ID wechat.FlexID }{"2247483684"})
	if string(b) != `{"ID":"2247483684"}` {
		t.Errorf("encoded %s", b)
	}
	id := wechat.FlexID("42")
	if n, err := id.Int64(); n != 42 || err != nil || id.Number() != "42" || id.String() != "42" {
		t.Errorf("Int64/Number = %d %v %q", n, err, id.Number())
	}
	if _, err := wechat.FlexID("x").Int64(); err == nil || wechat.FlexID("x").Number() != "" {
		t.Error("non-numeric id converted")
	}
}

func FuzzFlexID(f *testing.F) {
	for _, s := range []string{`"1"`, `1`, `null`, `1.5`, `"a`, `-3`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var id wechat.FlexID
		if err := json.Unmarshal([]byte(s), &id); err != nil {
			return
		}
		b, err := json.Marshal(id)
		if err != nil {
			t.Fatal(err)
		}
		var back wechat.FlexID
		if err := json.Unmarshal(b, &back); err != nil || back != id {
			t.Fatalf("%q -> %s -> %q, %v", id, b, back, err)
		}
	})
}
