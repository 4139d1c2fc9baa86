package callback

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
)

// The samples of testdata/pushes follow the official documentation's
// examples of every push the table of kinds lists (XML or JSON as the
// product sends it).

func loadPushes(t *testing.T) map[string]*Message {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "pushes", "*"))
	if err != nil || len(paths) < 100 {
		t.Fatalf("want at least 100 samples, have %d (%v)", len(paths), err)
	}
	out := map[string]*Message{}
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var m *Message
		if strings.HasSuffix(p, ".json") {
			m, err = ParseJSON(body)
		} else {
			m, err = ParseXML(body)
		}
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[filepath.Base(p)] = m
	}
	return out
}

// messageField reports whether a top-level element called name fills a
// field of Message.
func messageField(name string) bool {
	var m Message
	m.reset()
	m.add(name, "7", 0, false)
	v := reflect.ValueOf(m)
	for i := 0; i < v.NumField(); i++ {
		if f := v.Type().Field(i); f.IsExported() && !v.Field(i).IsZero() {
			return true
		}
	}
	return false
}

// typedFields marks the fields of m that its Kind's struct reads.
func typedFields(m *Message, k Kind) []bool {
	d := decoder{fields: m.fields, used: make([]bool, len(m.fields))}
	if k.Type != nil {
		d.structAt(-1, -1, reflect.New(k.Type).Elem())
	}
	return d.used
}

// TestPushCorpus parses every sample, checks that it has a Kind, that its
// accessor returns what Typed decodes, that Mux routes it by its name, and
// counts the elements reachable through typed fields (Message's own or the
// Kind's struct) against those reachable only through Get and Node.
func TestPushCorpus(t *testing.T) {
	all := loadPushes(t)
	names := make([]string, 0, len(all))
	for n := range all {
		names = append(names, n)
	}
	sort.Strings(names)

	mux := NewMux()
	for _, k := range Kinds() {
		name := k.Name()
		h := func(context.Context, *Message) (Reply, error) { return Text(name), nil }
		switch {
		case k.Event != "":
			mux.HandleEvent(k.Event, h) // also serves the suite form when InfoType is set
		case k.MsgType != "":
			mux.HandleMsgType(k.MsgType, h)
		default:
			mux.HandleInfoType(k.InfoType, h)
		}
	}

	var typedN, baseN, total int
	rawOnly := map[string]int{}
	seen := map[string]bool{}
	for _, file := range names {
		m := all[file]
		k, ok := m.Kind()
		if !ok {
			t.Errorf("%s: no kind for MsgType %q Event %q InfoType %q", file, m.MsgType, m.Event, m.InfoType)
			continue
		}
		seen[k.Name()] = true
		if r, err := mux.ServeMessage(t.Context(), m); err != nil || r.(*TextReply).Content != k.Name() {
			t.Errorf("%s: routed to %v (%v), want %s", file, r, err, k.Name())
		}
		v, err := m.Typed()
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if k.Type != nil {
			acc := reflect.ValueOf(m).MethodByName(k.Type.Name())
			if !acc.IsValid() {
				t.Errorf("%s: no accessor %s", file, k.Type.Name())
			} else if out := acc.Call(nil); !out[1].Bool() || !reflect.DeepEqual(out[0].Interface(), reflect.ValueOf(v).Elem().Interface()) {
				t.Errorf("%s: accessor %s = %+v, %v; Typed %+v", file, k.Type.Name(), out[0], out[1], v)
			}
		}
		used := typedFields(m, k)
		for i, f := range m.Fields() {
			if f.Container {
				continue
			}
			total++
			base := f.Depth == 0 && messageField(f.Name)
			if base {
				baseN++
			}
			if used[i] || base {
				typedN++
			} else {
				rawOnly[k.Name()+": "+f.Name]++
			}
		}
	}
	for _, k := range Kinds() {
		if !seen[k.Name()] {
			t.Errorf("kind %s has no sample in testdata/pushes", k.Name())
		}
	}
	ratio := float64(typedN) / float64(total)
	t.Logf("%d samples, %d kinds: %d of %d fields typed (%.1f%%); %d (%.1f%%) by the fields of Message alone",
		len(all), len(Kinds()), typedN, total, 100*ratio, baseN, 100*float64(baseN)/float64(total))
	for _, f := range sortedKeys(rawOnly) {
		t.Logf("raw only: %s (%d)", f, rawOnly[f])
	}
	if ratio < 0.9 {
		t.Errorf("only %.1f%% of the fields are typed", 100*ratio)
	}
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestKindsTable checks the table itself: unique names per form, a
// struct type and an accessor of that name for each typed kind.
func TestKindsTable(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds() {
		for _, key := range []string{"msg " + k.MsgType, "event " + k.Event, "info " + k.InfoType} {
			if strings.HasSuffix(key, " ") {
				continue
			}
			if seen[key] {
				t.Errorf("%s listed twice", key)
			}
			seen[key] = true
		}
		if !strings.HasPrefix(k.Doc, "https://developers.weixin.qq.com/") && !strings.HasPrefix(k.Doc, "https://developer.work.weixin.qq.com/") {
			t.Errorf("%s: doc %q", k.Name(), k.Doc)
		}
		if k.Type == nil {
			continue
		}
		if k.Type.Kind() != reflect.Struct {
			t.Errorf("%s: %v is not a struct", k.Name(), k.Type)
		}
		mt, ok := reflect.TypeFor[*Message]().MethodByName(k.Type.Name())
		if !ok || mt.Type.NumOut() != 2 || mt.Type.Out(0) != k.Type || mt.Type.Out(1).Kind() != reflect.Bool {
			t.Errorf("%s: no accessor func (*Message) %s() (%s, bool)", k.Name(), k.Type.Name(), k.Type.Name())
		}
	}
}

var (
	pushesOnce sync.Once
	pushes     map[string]*Message
)

func sample(t *testing.T, file string) *Message {
	t.Helper()
	pushesOnce.Do(func() { pushes = loadPushes(t) })
	m, ok := pushes[file]
	if !ok {
		t.Fatalf("no sample %s", file)
	}
	return m
}

// TestSendPicsInfoPicLists: WeCom sends one <PicList> per picture, the
// official account one <PicList> with an <item> per picture; both give
// every picture.
func TestSendPicsInfoPicLists(t *testing.T) {
	for file, want := range map[string][]string{
		"work_pic_photo_or_album.xml": {"1b5f7c23b5bf75682a53e7b6d163e185", "2b5f7c23b5bf75682a53e7b6d163e185"},
		"oa_pic_photo_or_album.xml":   {"5a75aaca956d97be686719218f275c6b", "2a75aaca956d97be686719218f275c6b"},
	} {
		m := sample(t, file)
		info, ok := m.SendPicsInfo()
		if !ok || info.Count != 2 || !reflect.DeepEqual(info.PicMD5Sums, want) {
			t.Errorf("%s: %+v %v", file, info, ok)
		}
		if ev, ok := m.MenuEvent(); !ok || !reflect.DeepEqual(ev.SendPicsInfo, info) {
			t.Errorf("%s: MenuEvent %+v", file, ev)
		}
	}
	bad, _ := ParseXML([]byte(wrap(`<MsgType>event</MsgType><Event>pic_weixin</Event><SendPicsInfo><Count>two</Count></SendPicsInfo>`)))
	if _, ok := bad.SendPicsInfo(); ok {
		t.Fatal("a Count that is not a number decoded")
	}
}

// TestSuiteChanges: a suite's change_contact and change_external_contact
// carry InfoType and no MsgType; the typed views read them and one
// HandleChange (or HandleEvent) registration receives both forms.
func TestSuiteChanges(t *testing.T) {
	suite := sample(t, "suite_change_contact_create_user.xml")
	app := sample(t, "work_change_contact_create_user.xml")
	c, ok := suite.ContactChange()
	if !ok || c.SuiteID != "ww4asffe99e54c0fxxxx" || c.AuthCorpID != "wxf8b4f85f3a794e77" || c.TimeStamp != 1403610513 ||
		c.ChangeType != ChangeCreateUser || c.UserID != "zhangsan" || c.OpenUserID != "woAAAA" || c.Name != "张三" {
		t.Fatalf("suite ContactChange: %+v %v", c, ok)
	}
	if c, ok := app.ContactChange(); !ok || c.SuiteID != "" || c.UserID != "zhangsan" || len(c.ExtAttr) != 2 ||
		c.ExtAttr[0] != (ContactExtAttr{Name: "爱好", Text: "旅游"}) || c.ExtAttr[1] != (ContactExtAttr{Name: "卡号", Type: 1, WebTitle: "企业微信", WebURL: "https://work.weixin.qq.com"}) {
		t.Fatalf("app ContactChange: %+v %v", c, ok)
	}
	ext := sample(t, "suite_change_external_contact_add.xml")
	if e, ok := ext.ExternalContactChange(); !ok || e.AuthCorpID != "wxf8b4f85f3a794e77" || e.ExternalUserID != "woAJ2GCAAAXtWyujaWJHDDGi0mACH71w" || e.WelcomeCode != "WELCOMECODE" {
		t.Fatalf("suite ExternalContactChange: %+v %v", e, ok)
	}

	var got []string
	record := func(name string) HandlerFunc {
		return func(_ context.Context, m *Message) (Reply, error) { got = append(got, name); return nil, nil }
	}
	mux := NewMux()
	mux.HandleChange(EventChangeContact, ChangeCreateUser, record("create_user"))
	mux.HandleEvent(EventChangeExternalContact, record("external"))
	mux.HandleInfoType(InfoTypeSuiteTicket, record("ticket"))
	mux.Fallback(record("fallback"))
	for _, file := range []string{
		"suite_change_contact_create_user.xml", "work_change_contact_create_user.xml",
		"suite_change_external_contact_add.xml", "work_change_external_contact_add.xml",
		"suite_ticket.xml", "suite_change_contact_update_party.xml",
	} {
		if _, err := mux.ServeMessage(t.Context(), sample(t, file)); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"create_user", "create_user", "external", "external", "ticket", "fallback"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("routed %v, want %v", got, want)
	}
	// HandleInfoType still wins over HandleEvent for the suite form.
	mux.HandleInfoType(InfoTypeChangeExternalContact, record("info"))
	got = nil
	_, _ = mux.ServeMessage(t.Context(), sample(t, "suite_change_external_contact_add.xml"))
	_, _ = mux.ServeMessage(t.Context(), sample(t, "work_change_external_contact_add.xml"))
	if !reflect.DeepEqual(got, []string{"info", "external"}) {
		t.Fatalf("routed %v", got)
	}
}

// TestNumbersAreNumbers: a time or count that is not a number is an
// error (parse, Decode) or ok=false (accessors), never a silent 0.
func TestNumbersAreNumbers(t *testing.T) {
	for _, body := range []string{
		`<xml><AppId>wxcomp</AppId><CreateTime>1413192760</CreateTime><InfoType>authorized</InfoType><AuthorizerAppid>wxauth</AuthorizerAppid><AuthorizationCode>code</AuthorizationCode><AuthorizationCodeExpiredTime>in an hour</AuthorizationCodeExpiredTime></xml>`,
		`<xml><ToUserName>gh</ToUserName><CreateTime>now</CreateTime><MsgType>text</MsgType></xml>`,
		`{"ToUserName":"gh","CreateTime":"now","MsgType":"text"}`,
		`{"ToUserName":"gh","CreateTime":1.5,"MsgType":"text"}`,
	} {
		var err error
		if strings.HasPrefix(body, "{") {
			_, err = ParseJSON([]byte(body))
		} else {
			_, err = ParseXML([]byte(body))
		}
		var fe *FieldError
		if !errors.As(err, &fe) || !errors.Is(err, ErrMalformed) || strings.Contains(err.Error(), "now") || strings.Contains(err.Error(), "hour") {
			t.Errorf("%s: %v", body, err)
		}
	}
	// An empty element is absent, not malformed.
	if m, err := ParseXML([]byte(`<xml><InfoType>authorized</InfoType><AuthorizationCodeExpiredTime></AuthorizationCodeExpiredTime><CreateTime> 12 </CreateTime></xml>`)); err != nil || m.AuthorizationCodeExpiredTime != 0 || m.CreateTime != 12 {
		t.Fatalf("%v %+v", err, m)
	}

	m := mustParse(t, `{"ToUserName":"gh","CreateTime":1,"MsgType":"event","Event":"trade_manage_order_settlement","pay_time":"yesterday","settlement_time":1691164800}`)
	if _, ok := m.TradeManage(); ok {
		t.Fatal("accessor ok with a time that is not a number")
	}
	var v TradeManage
	err := m.Decode(&v)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "pay_time" || fe.Type != "integer" || v.SettlementTime != 1691164800 {
		t.Fatalf("%v %+v", err, v)
	}
	if _, err := m.Typed(); !errors.As(err, &fe) {
		t.Fatalf("Typed: %v", err)
	}
	nested := mustParse(t, workEvent("sys_approval_change", `<ApprovalInfo><SpRecord><Details><SpTime>later</SpTime></Details></SpRecord></ApprovalInfo>`))
	var a ApprovalChange
	if err := nested.Decode(&a); !errors.As(err, &fe) || fe.Field != "ApprovalInfo/SpRecord/Details/SpTime" {
		t.Fatalf("nested: %v", err)
	}
}

// TestDecodeOwnStruct: Decode serves structs of the caller's own for
// pushes the package does not type, with paths, alternatives, slices and
// embedded structs.
func TestDecodeOwnStruct(t *testing.T) {
	type inner struct {
		Color string
	}
	type base struct {
		Power int64
	}
	var v struct {
		base
		Beam       inner    `push:"Beam"`
		Colors     []string `push:"Beam/Color|Extra/Color"`
		Deep       string   `push:"Beam/Lens/Glass"`
		Missing    float64  `push:"Nope"`
		Enabled    bool     `push:"On"`
		Skipped    string   `push:"-"`
		Ratio      float64
		unexported string
	}
	m := mustParse(t, wrap(`<MsgType>hologram</MsgType><Power>9000</Power><Beam><Color>red</Color><Lens><Glass>quartz</Glass></Lens></Beam><Beam><Color>blue</Color></Beam><Extra><Color>green</Color></Extra><On>true</On><Skipped>x</Skipped><Ratio>0.5</Ratio>`))
	if err := m.Decode(&v); err != nil {
		t.Fatal(err)
	}
	if v.Power != 9000 || v.Beam.Color != "red" || !reflect.DeepEqual(v.Colors, []string{"red", "blue", "green"}) || v.Deep != "quartz" || !v.Enabled || v.Skipped != "" || v.Ratio != 0.5 || v.Missing != 0 {
		t.Fatalf("%+v", v)
	}
	if _, ok := m.Kind(); ok {
		t.Fatal("hologram has a kind")
	}
	if v, err := m.Typed(); v != nil || err != nil {
		t.Fatalf("Typed of an unknown kind: %v %v", v, err)
	}
	for _, bad := range []any{nil, v, &m.CreateTime, (*struct{})(nil)} {
		if err := m.Decode(bad); err == nil {
			t.Errorf("Decode(%T) accepted", bad)
		}
	}
	if k, ok := sample(t, "oa_text.xml").Kind(); !ok || k.Name() != MsgTypeText || k.Type != reflect.TypeFor[TextMessage]() {
		t.Fatalf("%+v", k)
	}
}

// TestTypedViews reads the fields of a few kinds against the documented
// samples (the corpus test checks that every field is reached).
func TestTypedViews(t *testing.T) {
	mc, ok := sample(t, "mp_wxa_media_check.json").MediaCheck()
	if !ok || mc.TraceID != "690b03d2-301f6111-35ffbd44" || mc.Version != 2 || mc.Result != (MediaCheckResult{"risky", 20002}) ||
		len(mc.Detail) != 2 || mc.Detail[0] != (MediaCheckDetail{"content_model", 0, "risky", 20002, 90}) || mc.Detail[1].Strategy != "keyword" || mc.AppID != "wxb04d1be1ede56d47" {
		t.Errorf("media check: %+v", mc)
	}
	if mx, ok := sample(t, "mp_wxa_media_check.xml").MediaCheck(); !ok || mx.Result.Label != 100 || len(mx.Detail) != 1 || mx.Detail[0].Prob != 90 {
		t.Errorf("media check XML: %+v", mx)
	}
	ms, ok := sample(t, "oa_masssendjobfinish.xml").MassSendJobFinish()
	if !ok || ms.CopyrightCheck.CheckState != 2 || len(ms.CopyrightCheck.Results) != 2 || ms.CopyrightCheck.Results[1].OriginalArticleURL != "Url_2" ||
		ms.CopyrightCheck.Results[0].NeedShowReprintSource != 1 || !reflect.DeepEqual(ms.ArticleURLs, []ArticleURL{{1, "Url"}}) || ms.ArticleURLCount != 1 {
		t.Errorf("mass send: %+v", ms)
	}
	pj, ok := sample(t, "oa_publishjobfinish_fail.xml").PublishJob()
	if !ok || pj.PublishStatus != 2 || !reflect.DeepEqual(pj.FailIdx, []int{1, 2}) {
		t.Errorf("publish: %+v", pj)
	}
	ch, ok := sample(t, "work_change_external_chat_add_member.xml").ExternalChatChange()
	if !ok || ch.ChatID != "CHAT_ID" || ch.UpdateDetail != "add_member" || ch.JoinScene != 1 || ch.MemChangeCnt != 2 || !reflect.DeepEqual(ch.MemChangeList, []string{"Jack", "Rose"}) || ch.CurMemVer != "71217227bbd112ecfe3a49c482195cb4" {
		t.Errorf("external chat: %+v", ch)
	}
	if st, ok := sample(t, "suite_ticket.xml").SuiteTicket(); !ok || st.Ticket != "asdfasfdasdfasdf" || st.SuiteID != "ww4asffe99e54c0fxxxx" || st.TimeStamp != 1403610513 {
		t.Errorf("suite ticket: %+v", st)
	}
	if rc, ok := sample(t, "suite_register_corp.xml").RegisterCorp(); !ok || rc.ServiceCorpID != "wwddddccc7775555aaa" || rc.ContactSync.ExpiresIn != 1800 || rc.AuthUserID != "zhangshan" || rc.TemplateID != "tpl1test" {
		t.Errorf("register corp: %+v", rc)
	}
	if la, ok := sample(t, "suite_auto_activate.xml").LicenseNotice(); !ok || la.Scene != 1 || len(la.AccountList) != 1 || la.AccountList[0] != (LicenseAccount{"code1", 2, 1403610513, "user1", 1, "code2"}) {
		t.Errorf("auto activate: %+v", la)
	}
	xp, ok := sample(t, "mp_xpay_goods_deliver_notify.json").XPayNotify()
	if !ok || xp.OpenID != "oUaCl4ofaDN2RFaS4V9yXPyZJlKE" || xp.WeChatPayInfo.PaidTime != 1700000000 || xp.GoodsInfo.Quantity != 1 || xp.GoodsInfo.ActualPrice != 10 || xp.TeamInfo.TeamID != "team1" {
		t.Errorf("xpay: %+v", xp)
	}
	ts, ok := sample(t, "mp_trade_manage_order_settlement.json").TradeManage()
	if !ok || ts.ConfirmReceiveMethod != 1 || ts.EstimatedSettlementTime != 1691164800 || ts.MerchantTradeNo != "123456" {
		t.Errorf("settlement: %+v", ts)
	}
	ep, ok := sample(t, "mp_add_express_path.xml").ExpressPath()
	if !ok || ep.WaybillID != "123456789" || len(ep.Actions) != 3 || ep.Actions[2] != (ExpressAction{1533072800, 300001, "快递员已出发"}) {
		t.Errorf("express: %+v", ep)
	}
	cp, ok := sample(t, "oa_card_pay_order.xml").CardEvent()
	if !ok || cp.OrderID != "404091456" || cp.FreeCoinCount != 200 || cp.CreateOrderTime != 1472549230 || cp.Memo != "开通账户奖励" {
		t.Errorf("card pay order: %+v", cp)
	}
	if g, ok := sample(t, "oa_user_get_card.xml").CardEvent(); !ok || !g.IsGiveByFriend || g.UnionID != "o6_bmasdasdsad6_2sgVt7hMZOPfL" || g.OldUserCardCode != "226009850807" {
		t.Errorf("user get card: %+v", g)
	}
	if sm := sample(t, "mp_subscribe_msg_change.json").SubscribeMsgEvents(); len(sm) != 1 || sm[0].SubscribeStatusString != "reject" {
		t.Errorf("subscribe change: %+v", sm)
	}
	if fb, ok := sample(t, "component_fastregisterbetaapp.xml").FastRegister(); !ok || fb.Info.UniqueID != "uniq1" || fb.AppID != "wxbeta" {
		t.Errorf("beta app: %+v", fb)
	}
	if ap, ok := sample(t, "work_sys_approval_change.xml").ApprovalChange(); !ok || len(ap.SpRecords) != 2 || len(ap.SpRecords[1].Details) != 2 ||
		ap.SpRecords[1].Details[0].SpTime != 1593311000 || len(ap.Comments) != 1 || ap.Comments[0].Content != "请尽快处理" || !reflect.DeepEqual(ap.Notifiers, []string{"ChenDaQiang"}) {
		t.Errorf("approval: %+v", ap)
	}
	if _, ok := sample(t, "oa_text.xml").MediaCheck(); ok {
		t.Error("MediaCheck on a text message")
	}
}
