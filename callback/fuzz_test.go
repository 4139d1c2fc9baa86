package callback

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/weixin-go/wechat/callback/msgcrypt"
)

var xmlSeeds = []string{
	textXML,
	`<?xml version="1.0"?><xml><A x="1">&lt;&#65;&#x42;</A><B/><C><D><![CDATA[x]]]]><![CDATA[>]]></D></C></xml>`,
	`<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><MsgType><![CDATA[event]]></MsgType><SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum><![CDATA[a]]></PicMd5Sum></item></PicList></SendPicsInfo></xml>`,
	`<xml><!-- c --><A>  t  </A></xml>`,
	`<xml><a>&bogus;</a></xml>`, `<xml>`, ``,
}

// writeFields serializes parsed fields back to XML.
func writeFields(fields []Field) []byte {
	out := []byte("<xml>")
	var open []string
	for i, f := range fields {
		for len(open) > f.Depth {
			out = append(out, "</"+open[len(open)-1]+">"...)
			open = open[:len(open)-1]
		}
		if f.Container && i+1 < len(fields) && fields[i+1].Depth > f.Depth {
			out = append(out, "<"+f.Name+">"...)
			open = append(open, f.Name)
			continue
		}
		out = appendElem(out, f.Name, f.Value)
	}
	for len(open) > 0 {
		out = append(out, "</"+open[len(open)-1]+">"...)
		open = open[:len(open)-1]
	}
	return append(out, "</xml>"...)
}

// addPushSeeds adds the documented samples of testdata/pushes ending in
// ext as seeds.
func addPushSeeds(f *testing.F, ext string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "pushes", "*"+ext))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
}

func FuzzParseXML(f *testing.F) {
	for _, s := range xmlSeeds {
		f.Add(s)
	}
	addPushSeeds(f, ".xml")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseXML([]byte(s))
		if err != nil {
			return
		}
		// Whatever parses must survive a round trip through our writer.
		for _, fl := range m.Fields() {
			if !xmlSafe(fl.Value) {
				return
			}
		}
		back, err := ParseXML(writeFields(m.Fields()))
		if err != nil {
			t.Fatalf("re-parse: %v", err)
		}
		a, b := m.Fields(), back.Fields()
		if len(a) != len(b) {
			t.Fatalf("round trip: %d fields, then %d", len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("round trip field %d: %+v then %+v", i, a[i], b[i])
			}
		}
		callAccessors(m)
	})
}

// callAccessors runs every typed accessor on m (they must not panic on
// any parsed input), with the event fields forced so that each one reads.
func callAccessors(m *Message) {
	_ = m.SubscribeMsgEvents()
	_, _ = m.SendPicsInfo()
	_, _ = m.ScanCodeInfo()
	_, _ = m.SendLocationInfo()
	_, _ = m.PublishJob()
	_ = m.MassSendArticleURLs()
	_ = m.Scene()
	c := *m
	c.MsgType, c.InfoType = MsgTypeEvent, InfoTypeNotifyThirdFasteregister
	for _, ev := range []string{EventChangeContact, EventChangeExternalContact, EventKfMsgOrEvent,
		EventTemplateCardEvent, EventSysApprovalChange, EventOpenApprovalChange} {
		c.Event = ev
		_, _ = c.ContactChange()
		_, _ = c.ExternalContactChange()
		_, _ = c.KfMsgOrEvent()
		_, _ = c.TemplateCardEvent()
		_, _ = c.ApprovalChange()
	}
	_, _ = c.FastRegister()
	// Every typed view of the table, with the push taken for each kind.
	for _, k := range Kinds() {
		c := *m
		c.MsgType, c.Event, c.InfoType = k.MsgType, k.Event, k.InfoType
		if k.Event != "" {
			c.MsgType = MsgTypeEvent
		}
		_, _ = c.Typed()
		if k.Type != nil {
			reflect.ValueOf(&c).MethodByName(k.Type.Name()).Call(nil)
		}
	}
	for _, n := range m.Root().Children() {
		_ = n.Children()
		_ = n.Path(n.Name(), "item")
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		`{"ToUserName":"gh","CreateTime":1,"List":[{"TemplateId":"T"}],"x":null,"y":true}`,
		`{"a":{"b":{"c":[1,2,{"d":"e"}]}}}`, `{}`, `[]`, `{"a":[[1]]}`, `{"a":1}{}`,
	} {
		f.Add(s)
	}
	addPushSeeds(f, ".json")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseJSON([]byte(s))
		if err != nil {
			return
		}
		if !json.Valid([]byte(s)) {
			t.Fatalf("accepted invalid JSON %q", s)
		}
		callAccessors(m)
	})
}

// FuzzServer posts fuzzed messages, encrypted and in plaintext, and fuzzed
// raw envelopes to the handler: it must never panic or answer 5xx, and a
// message that parses must be served.
func FuzzServer(f *testing.F) {
	for _, s := range xmlSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Add(`{"MsgType":"text","Content":"hi","FromUserName":"o","ToUserName":"gh"}`, true)
	mux := NewMux()
	mux.HandleText(func(_ context.Context, m *Message) (Reply, error) { return Text(m.Content), nil })
	mux.Fallback(func(context.Context, *Message) (Reply, error) { return News(Article{Title: "t"}), nil })
	s, _ := newTestServer(f, mux, func(c *Config) { c.DisableDedup = true })
	dedup, _ := newTestServer(f, mux, nil)
	ws, err := NewWorkServer(WorkConfig{CorpID: tAppID, Now: tClock, Logger: quietLogger(new(bytes.Buffer)), Agents: []WorkAgent{
		{AgentID: "1", Token: "other", EncodingAESKey: tKey, Handler: mux},
		{AgentID: "2", Token: tToken, EncodingAESKey: tKey, Handler: mux},
	}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, msg string, encrypt bool) {
		var parsesOK bool
		if isJSON([]byte(msg)) {
			_, err := ParseJSON([]byte(msg))
			parsesOK = err == nil
		} else {
			_, err := ParseXML([]byte(msg))
			parsesOK = err == nil
		}
		w := do(s, push{plain: msg, encrypt: encrypt}.request(t))
		if w.Code >= 500 {
			t.Fatalf("status %d for %q", w.Code, msg)
		}
		if parsesOK && w.Code != http.StatusOK {
			t.Fatalf("parsable message rejected with %d: %s", w.Code, w.Body)
		}
		// With de-duplication, a delivery and its retry are both answered.
		for i := 0; i < 2; i++ {
			if w := do(dedup, push{plain: msg, encrypt: encrypt}.request(t)); w.Code >= 500 || (parsesOK && w.Code != http.StatusOK) {
				t.Fatalf("dedup delivery %d: status %d for %q", i, w.Code, msg)
			}
		}
		// The same bytes as a raw safe-mode envelope.
		raw := push{plain: msg, encrypt: true, mutate: func(q url.Values, body *string) {
			*body = msg
			if enc, err := ParseEnvelope([]byte(msg)); err == nil {
				// Sign what was sent so that decryption itself is exercised.
				q.Set("msg_signature", msgcrypt.MsgSignature(tToken, q.Get("timestamp"), q.Get("nonce"), enc))
			}
		}}.request(t)
		if w := do(s, raw); w.Code >= 500 {
			t.Fatalf("raw envelope: status %d", w.Code)
		}
		// WeCom: the path names no agent, so the body or the signature
		// chooses one.
		wr := push{plain: msg, encrypt: true, mutate: func(q url.Values, body *string) {
			if encrypt {
				*body = msg
			}
		}}.request(t)
		wr.URL.Path = "/wecom/"
		if w := do(ws, wr); w.Code >= 500 || (parsesOK && !encrypt && w.Code != http.StatusOK) {
			t.Fatalf("WorkServer: status %d for %q", w.Code, msg)
		}
	})
}
