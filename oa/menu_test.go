package oa_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/weixin-go/wechat/oa"
)

func sampleMenuA() *oa.Menu {
	return &oa.Menu{Button: []oa.Button{
		{Type: oa.ButtonClick, Name: "今日歌曲", Key: "V1001_TODAY_MUSIC"},
		{Name: "菜单", SubButton: []oa.Button{
			{Type: oa.ButtonView, Name: "搜索", URL: "https://www.soso.com/?q=a&b=c"},
			{Type: oa.ButtonMiniProgram, Name: "wxa", URL: "http://mp.weixin.qq.com", AppID: "wx286b93c14bbf93aa", PagePath: "pages/lunar/index"},
			{Type: oa.ButtonClick, Name: "赞一下我们", Key: "V1001_GOOD"},
		}},
	}}
}

func TestMenuCreateGetCurrentDelete(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	_, err := c.Menu.Get(ctx)
	apiCodeA(t, err, 46003)
	cur, err := c.Menu.Current(ctx)
	if err != nil || cur.IsMenuOpen != 0 {
		t.Fatalf("Current before create = %+v, %v", cur, err)
	}

	m := sampleMenuA()
	if err := c.Menu.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	rr, body := reqA(t, srv, "POST /cgi-bin/menu/create")
	if got, want := string(rr.Body), `{"button":[{"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC"},{"name":"菜单","sub_button":[{"type":"view","name":"搜索","url":"https://www.soso.com/?q=a&b=c"},{"type":"miniprogram","name":"wxa","url":"http://mp.weixin.qq.com","appid":"wx286b93c14bbf93aa","pagepath":"pages/lunar/index"},{"type":"click","name":"赞一下我们","key":"V1001_GOOD"}]}]}`; got != want {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
	if _, ok := body["matchrule"]; ok {
		t.Error("matchrule sent to menu/create")
	}

	got, err := c.Menu.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if jsonA(t, got.Menu.Button) != jsonA(t, m.Button) || len(got.ConditionalMenu) != 0 {
		t.Errorf("Get = %s", jsonA(t, got))
	}

	cur, err = c.Menu.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b := cur.SelfMenuInfo.Button
	if cur.IsMenuOpen != 1 || len(b) != 2 || b[0].Key != "V1001_TODAY_MUSIC" || b[1].SubButton == nil ||
		len(b[1].SubButton.List) != 3 || b[1].SubButton.List[1].PagePath != "pages/lunar/index" {
		t.Errorf("Current = %s", jsonA(t, cur))
	}

	if err := c.Menu.Delete(ctx); err != nil {
		t.Fatal(err)
	}
	if rr, _ := reqA(t, srv, "/cgi-bin/menu/delete"); rr.Method != "GET" {
		t.Errorf("delete method %s", rr.Method)
	}
	_, err = c.Menu.Get(ctx)
	apiCodeA(t, err, 46003)
}

func TestMenuValidation(t *testing.T) {
	srv, c := newAClient(t)
	four := make([]oa.Button, 4)
	for i := range four {
		four[i] = oa.Button{Type: oa.ButtonClick, Name: "b", Key: "k"}
	}
	six := make([]oa.Button, 6)
	copy(six, four)
	copy(six[4:], four)
	tests := []struct {
		name string
		menu *oa.Menu
		arg  string
	}{
		{"nil", nil, "button"},
		{"empty", &oa.Menu{}, "button"},
		{"four buttons", &oa.Menu{Button: four}, "button"},
		{"no name", &oa.Menu{Button: []oa.Button{{Type: oa.ButtonClick, Key: "k"}}}, "button[0].name"},
		{"no type", &oa.Menu{Button: []oa.Button{{Name: "x"}}}, "button[0].type"},
		{"six subs", &oa.Menu{Button: []oa.Button{{Name: "x", SubButton: six}}}, "button[0].sub_button"},
		{"sub without type", &oa.Menu{Button: []oa.Button{{Name: "x", SubButton: []oa.Button{{Name: "y"}}}}}, "button[0].sub_button[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			argErrA(t, srv, "POST /cgi-bin/menu/create", c.Menu.Create(context.Background(), tt.menu), tt.arg)
		})
	}
	// Rules only the server knows come back as API errors.
	ctx := context.Background()
	apiCodeA(t, c.Menu.Create(ctx, &oa.Menu{Button: []oa.Button{{Type: "bogus", Name: "x", Key: "k"}}}), 40017)
	apiCodeA(t, c.Menu.Create(ctx, &oa.Menu{Button: []oa.Button{{Type: oa.ButtonView, Name: "x"}}}), 40020)
	apiCodeA(t, c.Menu.Create(ctx, &oa.Menu{Button: []oa.Button{{Name: "x", SubButton: []oa.Button{{Type: oa.ButtonClick, Name: "y"}}}}}), 40026)
}

func TestConditionalMenu(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 2)
	vip, err := c.UserTag.Create(ctx, "vip")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.UserTag.Tag(ctx, vip.ID, ids[:1]); err != nil {
		t.Fatal(err)
	}
	cond := &oa.Menu{
		Button:    []oa.Button{{Type: oa.ButtonView, Name: "VIP", URL: "https://example.com/vip"}},
		MatchRule: &oa.MatchRule{TagID: jsonA(t, vip.ID), ClientPlatformType: "2"},
	}
	_, err = c.Menu.AddConditional(ctx, cond)
	apiCodeA(t, err, 65303) // no default menu yet

	if err := c.Menu.Create(ctx, sampleMenuA()); err != nil {
		t.Fatal(err)
	}
	id, err := c.Menu.AddConditional(ctx, cond)
	if err != nil || id == "" {
		t.Fatalf("AddConditional = %q, %v", id, err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/menu/addconditional")
	if rule, _ := body["matchrule"].(map[string]any); rule["tag_id"] != jsonA(t, vip.ID) || rule["client_platform_type"] != "2" {
		t.Errorf("matchrule = %v", body["matchrule"])
	}
	_, err = c.Menu.AddConditional(ctx, &oa.Menu{Button: cond.Button})
	argErrA(t, srv, "POST /cgi-bin/nothing", err, "matchrule")

	got, err := c.Menu.Get(ctx)
	if err != nil || len(got.ConditionalMenu) != 1 || got.ConditionalMenu[0].MenuID != id || got.ConditionalMenu[0].MatchRule.TagID != cond.MatchRule.TagID {
		t.Fatalf("Get = %s, %v", jsonA(t, got), err)
	}

	b, err := c.Menu.TryMatch(ctx, ids[0])
	if err != nil || len(b) != 1 || b[0].Name != "VIP" {
		t.Errorf("TryMatch(tagged) = %s, %v", jsonA(t, b), err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/menu/trymatch"); body["user_id"] != ids[0] {
		t.Errorf("trymatch body %v", body)
	}
	if b, err = c.Menu.TryMatch(ctx, ids[1]); err != nil || len(b) != 2 {
		t.Errorf("TryMatch(untagged) = %s, %v", jsonA(t, b), err)
	}
	_, err = c.Menu.TryMatch(ctx, "nobody")
	apiCodeA(t, err, 40003)

	if err := c.Menu.DeleteConditional(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/menu/delconditional"); body["menuid"] != string(id) {
		t.Errorf("delconditional body %v", body)
	}
	apiCodeA(t, c.Menu.DeleteConditional(ctx, id), 65301)
	if b, err = c.Menu.TryMatch(ctx, ids[0]); err != nil || len(b) != 2 {
		t.Errorf("TryMatch after delete = %s, %v", jsonA(t, b), err)
	}
	if err := c.Menu.DeleteConditional(ctx, ""); err == nil {
		t.Error("empty menuid accepted")
	}
	if _, err := c.Menu.TryMatch(ctx, ""); err == nil {
		t.Error("empty user_id accepted")
	}
}

func TestMenuIDUnmarshal(t *testing.T) {
	tests := []struct {
		in   string
		want oa.MenuID
		ok   bool
	}{
		{`208379533`, "208379533", true},
		{`"208379533"`, "208379533", true},
		{`null`, "", true},
		{`1e3`, "1e3", true},
		{`true`, "", false},
		{`{}`, "", false},
		{`"unterminated`, "", false},
	}
	for _, tt := range tests {
		var id oa.MenuID
		err := json.Unmarshal([]byte(tt.in), &id)
		if (err == nil) != tt.ok || id != tt.want {
			t.Errorf("Unmarshal(%s) = %q, %v; want %q ok=%v", tt.in, id, err, tt.want, tt.ok)
		}
	}
}

func FuzzMenuIDUnmarshal(f *testing.F) {
	for _, s := range []string{`1`, `"1"`, `null`, `-0.5e10`, `"\u00e9"`, `[]`, `{"a":1}`, ``, `"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var id oa.MenuID
		if err := id.UnmarshalJSON(data); err != nil {
			return
		}
		// A decoded id survives a round trip as a JSON string.
		b, err := json.Marshal(id)
		if err != nil {
			t.Fatal(err)
		}
		var back oa.MenuID
		if err := json.Unmarshal(b, &back); err != nil || back != id {
			t.Fatalf("round trip of %q: %q, %v", id, back, err)
		}
	})
}
