package callback

import (
	"encoding/xml"
	"errors"
	"reflect"
	"strings"
	"testing"
)

const textXML = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>23637352235060880</MsgId></xml>`

func wrap(body string) string {
	return `<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName><CreateTime>1714112445</CreateTime>` + body + `</xml>`
}

func TestParseNormalMessages(t *testing.T) {
	for _, tc := range []struct {
		name string
		xml  string
		want func(m *Message) bool
	}{
		{"text", textXML, func(m *Message) bool {
			return m.MsgType == "text" && m.Content == "hello" && m.MsgID == "23637352235060880" && m.CreateTime == 1714112445 && m.ToUserName == "gh_97417a04a28d"
		}},
		{"image", wrap(`<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://p/x.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>1</MsgId>`),
			func(m *Message) bool { return m.PicURL == "http://p/x.jpg" && m.MediaID == "m1" }},
		{"voice", wrap(`<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[你好]]></Recognition><MsgId>2</MsgId><MediaId16K><![CDATA[m16]]></MediaId16K>`),
			func(m *Message) bool {
				return m.Format == "amr" && m.Recognition == "你好" && m.Get("MediaId16K") == "m16"
			}},
		{"video", wrap(`<MsgType><![CDATA[video]]></MsgType><MediaId><![CDATA[m]]></MediaId><ThumbMediaId><![CDATA[t]]></ThumbMediaId><MsgId>3</MsgId>`),
			func(m *Message) bool { return m.ThumbMediaID == "t" }},
		{"shortvideo", wrap(`<MsgType><![CDATA[shortvideo]]></MsgType><MediaId><![CDATA[m]]></MediaId><ThumbMediaId><![CDATA[t]]></ThumbMediaId><MsgId>4</MsgId>`),
			func(m *Message) bool { return m.MsgType == MsgTypeShortVideo }},
		{"location", wrap(`<MsgType><![CDATA[location]]></MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[位置信息]]></Label><MsgId>5</MsgId>`),
			func(m *Message) bool {
				return m.LocationX == "23.134521" && m.LocationY == "113.358803" && m.Scale == "20" && m.Label == "位置信息"
			}},
		{"link", wrap(`<MsgType><![CDATA[link]]></MsgType><Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description><Url><![CDATA[u]]></Url><MsgId>6</MsgId>`),
			func(m *Message) bool { return m.Title == "t" && m.Description == "d" && m.URL == "u" }},
		{"miniprogrampage", wrap(`<MsgType><![CDATA[miniprogrampage]]></MsgType><MsgId>7</MsgId><Title><![CDATA[T]]></Title><AppId><![CDATA[wxapp]]></AppId><PagePath><![CDATA[pages/i]]></PagePath><ThumbUrl><![CDATA[tu]]></ThumbUrl><ThumbMediaId><![CDATA[tm]]></ThumbMediaId>`),
			func(m *Message) bool { return m.AppID == "wxapp" && m.Get("PagePath") == "pages/i" }},
		{"file (WeCom)", wrap(`<MsgType><![CDATA[file]]></MsgType><Title><![CDATA[a.pdf]]></Title><FileKey><![CDATA[k]]></FileKey><FileMd5><![CDATA[md5]]></FileMd5><FileTotalLen>10</FileTotalLen><AgentID>1000002</AgentID>`),
			func(m *Message) bool { return m.Get("FileTotalLen") == "10" && m.AgentID == "1000002" }},
		{"unknown type keeps raw fields", wrap(`<MsgType><![CDATA[hologram]]></MsgType><Beam><Color>red</Color></Beam><Power>9000</Power>`),
			func(m *Message) bool {
				n, ok := m.Node("Beam")
				return ok && n.Get("Color") == "red" && m.Get("Power") == "9000" && m.MsgType == "hologram"
			}},
	} {
		m, err := ParseXML([]byte(tc.xml))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !tc.want(m) {
			t.Errorf("%s: unexpected %+v", tc.name, m)
		}
	}
}

func TestParseEvents(t *testing.T) {
	ev := func(name, rest string) string {
		return wrap(`<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[` + name + `]]></Event>` + rest)
	}
	t.Run("subscribe with scene", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("subscribe", `<EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>`)))
		if !m.IsEvent() || m.Event != EventSubscribe || m.Scene() != "123123" || m.Ticket != "TICKET" {
			t.Fatalf("%+v", m)
		}
	})
	t.Run("SCAN", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("SCAN", `<EventKey><![CDATA[SCENE_VALUE]]></EventKey><Ticket><![CDATA[T]]></Ticket>`)))
		if m.Event != EventScan || m.Scene() != "SCENE_VALUE" {
			t.Fatalf("%+v", m)
		}
	})
	t.Run("LOCATION", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("LOCATION", `<Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>`)))
		if m.Latitude != "23.137466" || m.Longitude != "113.352425" || m.Precision != "119.385040" {
			t.Fatalf("%+v", m)
		}
	})
	t.Run("VIEW", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("VIEW", `<EventKey><![CDATA[www.qq.com]]></EventKey><MenuId>MENUID</MenuId>`)))
		if m.EventKey != "www.qq.com" || m.Get("MenuId") != "MENUID" {
			t.Fatalf("%+v", m)
		}
	})
	t.Run("scancode_waitmsg", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("scancode_waitmsg", `<EventKey><![CDATA[6]]></EventKey><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[2]]></ScanResult></ScanCodeInfo>`)))
		info, ok := m.ScanCodeInfo()
		if !ok || info != (ScanCodeInfo{ScanType: "qrcode", ScanResult: "2"}) {
			t.Fatalf("%+v", info)
		}
	})
	t.Run("pic_photo_or_album", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("pic_photo_or_album", `<EventKey><![CDATA[6]]></EventKey><SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum><![CDATA[aaa]]></PicMd5Sum></item><item><PicMd5Sum><![CDATA[bbb]]></PicMd5Sum></item></PicList></SendPicsInfo>`)))
		info, ok := m.SendPicsInfo()
		if !ok || info.Count != 2 || !reflect.DeepEqual(info.PicMD5Sums, []string{"aaa", "bbb"}) {
			t.Fatalf("%+v", info)
		}
	})
	t.Run("location_select", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("location_select", `<EventKey><![CDATA[6]]></EventKey><SendLocationInfo><Location_X><![CDATA[23]]></Location_X><Location_Y><![CDATA[113]]></Location_Y><Scale><![CDATA[15]]></Scale><Label><![CDATA[ 广州市海珠区 ]]></Label><Poiname><![CDATA[]]></Poiname></SendLocationInfo>`)))
		info, _ := m.SendLocationInfo()
		if info.LocationX != "23" || info.Label != " 广州市海珠区 " || info.Poiname != "" {
			t.Fatalf("%+v", info)
		}
	})
	t.Run("MASSSENDJOBFINISH", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("MASSSENDJOBFINISH", `<MsgID>1988</MsgID><Status><![CDATA[sendsuccess]]></Status><TotalCount>100</TotalCount><FilterCount>80</FilterCount><SentCount>75</SentCount><ErrorCount>5</ErrorCount><CopyrightCheckResult><Count>1</Count><ResultList><item><ArticleIdx>1</ArticleIdx><UserDeclareState>0</UserDeclareState></item></ResultList><CheckState>2</CheckState></CopyrightCheckResult><ArticleUrlResult><Count>1</Count><ResultList><item><ArticleIdx>1</ArticleIdx><ArticleUrl><![CDATA[http://a]]></ArticleUrl></item></ResultList></ArticleUrlResult>`)))
		if m.MsgID != "1988" || m.Status != "sendsuccess" || m.Get("SentCount") != "75" {
			t.Fatalf("%+v", m)
		}
		if got := m.MassSendArticleURLs(); !reflect.DeepEqual(got, []ArticleURL{{1, "http://a"}}) {
			t.Fatalf("%+v", got)
		}
		if cs, _ := m.Node("CopyrightCheckResult"); cs.Get("CheckState") != "2" || cs.Path("ResultList", "item", "UserDeclareState") != "0" {
			t.Fatal("CopyrightCheckResult not reachable")
		}
	})
	t.Run("TEMPLATESENDJOBFINISH", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("TEMPLATESENDJOBFINISH", `<MsgID>200163836</MsgID><Status><![CDATA[success]]></Status>`)))
		if m.MsgID != "200163836" || m.Status != "success" {
			t.Fatalf("%+v", m)
		}
	})
	t.Run("subscribe_msg_popup_event", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("subscribe_msg_popup_event", `<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[T1]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List><List><TemplateId><![CDATA[T2]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString><PopupScene>2</PopupScene></List></SubscribeMsgPopupEvent>`)))
		got := m.SubscribeMsgEvents()
		if len(got) != 2 || got[0].TemplateID != "T1" || got[1].SubscribeStatusString != "reject" || got[0].PopupScene != 2 {
			t.Fatalf("%+v", got)
		}
	})
	t.Run("subscribe_msg_sent_event", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("subscribe_msg_sent_event", `<SubscribeMsgSentEvent><List><TemplateId><![CDATA[T]]></TemplateId><MsgID><![CDATA[1700827132819554304]]></MsgID><ErrorCode><![CDATA[0]]></ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus></List></SubscribeMsgSentEvent>`)))
		got := m.SubscribeMsgEvents()
		if len(got) != 1 || got[0].MsgID != "1700827132819554304" || got[0].ErrorStatus != "success" {
			t.Fatalf("%+v", got)
		}
	})
	t.Run("kf_switch_session", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("kf_switch_session", `<FromKfAccount><![CDATA[a@x]]></FromKfAccount><ToKfAccount><![CDATA[b@x]]></ToKfAccount>`)))
		if m.Get("FromKfAccount") != "a@x" || m.Get("ToKfAccount") != "b@x" {
			t.Fatalf("%+v", m)
		}
	})
	t.Run("user_get_card", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("user_get_card", `<CardId><![CDATA[pC]]></CardId><IsGiveByFriend>0</IsGiveByFriend><UserCardCode><![CDATA[2268]]></UserCardCode><OuterStr><![CDATA[12b]]></OuterStr>`)))
		if m.CardID != "pC" || m.Get("UserCardCode") != "2268" {
			t.Fatalf("%+v", m)
		}
	})
	t.Run("PUBLISHJOBFINISH", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("PUBLISHJOBFINISH", `<PublishEventInfo><publish_id>2247503051</publish_id><publish_status>0</publish_status><article_id><![CDATA[b5O]]></article_id><article_detail><count>1</count><item><idx>1</idx><article_url><![CDATA[URL]]></article_url></item></article_detail></PublishEventInfo>`)))
		pj, ok := m.PublishJob()
		if !ok || pj.PublishID != "2247503051" || pj.ArticleID != "b5O" || len(pj.Articles) != 1 || pj.Articles[0].URL != "URL" {
			t.Fatalf("%+v", pj)
		}
	})
	t.Run("WeCom change_contact", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("change_contact", `<ChangeType>create_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID><Name><![CDATA[张三]]></Name><Department><![CDATA[1,2,3]]></Department><ExtAttr><Item><Name><![CDATA[爱好]]></Name><Type>0</Type><Text><Value><![CDATA[旅游]]></Value></Text></Item></ExtAttr>`)))
		if m.ChangeType != ChangeCreateUser || m.UserID != "zhangsan" || m.Get("Department") != "1,2,3" {
			t.Fatalf("%+v", m)
		}
		if n, _ := m.Node("ExtAttr"); n.Path("Item", "Text", "Value") != "旅游" {
			t.Fatal("ExtAttr not reachable")
		}
	})
	t.Run("WeCom template_card_event", func(t *testing.T) {
		m, _ := ParseXML([]byte(ev("template_card_event", `<EventKey><![CDATA[key111]]></EventKey><TaskId><![CDATA[taskid111]]></TaskId><CardType><![CDATA[vote_interaction]]></CardType><ResponseCode><![CDATA[RC]]></ResponseCode><AgentID>1</AgentID><SelectedItems><SelectedItem><QuestionKey><![CDATA[QK]]></QuestionKey><OptionIds><OptionId><![CDATA[o1]]></OptionId><OptionId><![CDATA[o2]]></OptionId></OptionIds></SelectedItem></SelectedItems>`)))
		items, _ := m.Node("SelectedItems")
		item, _ := items.Child("SelectedItem")
		ids, _ := item.Child("OptionIds")
		if m.Get("ResponseCode") != "RC" || len(ids.All("OptionId")) != 2 || ids.All("OptionId")[1].Value() != "o2" {
			t.Fatalf("%+v", m.Fields())
		}
	})
	t.Run("component_verify_ticket", func(t *testing.T) {
		m, _ := ParseXML([]byte(`<xml><AppId>wxcomp</AppId><CreateTime>1413192605</CreateTime><InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>ticket@@@x</ComponentVerifyTicket></xml>`))
		if m.InfoType != InfoTypeComponentVerifyTicket || m.ComponentVerifyTicket != "ticket@@@x" || m.AppID != "wxcomp" {
			t.Fatalf("%+v", m)
		}
	})
	t.Run("authorized", func(t *testing.T) {
		m, _ := ParseXML([]byte(`<xml><AppId>wxcomp</AppId><CreateTime>1413192760</CreateTime><InfoType>authorized</InfoType><AuthorizerAppid>wxauth</AuthorizerAppid><AuthorizationCode>code</AuthorizationCode><AuthorizationCodeExpiredTime>1413196360</AuthorizationCodeExpiredTime><PreAuthCode>pre</PreAuthCode></xml>`))
		if m.AuthorizerAppID != "wxauth" || m.AuthorizationCode != "code" || m.AuthorizationCodeExpiredTime != 1413196360 || m.PreAuthCode != "pre" {
			t.Fatalf("%+v", m)
		}
	})
}

func TestParseXMLText(t *testing.T) {
	for in, want := range map[string]string{
		`<Content><![CDATA[a]]]]><![CDATA[>b]]></Content>`:                       "a]]>b",
		`<Content>  a &lt;b&gt; &amp; &quot;c&apos; &#20320;&#x597D; </Content>`: `a <b> & "c' 你好`,
		`<Content><![CDATA[  keep spaces  ]]></Content>`:                         "  keep spaces  ",
		`<Content/>`:                               "",
		`<Content></Content>`:                      "",
		`<Content x="1" y='2'>v</Content>`:         "v",
		`<Content><!-- c -->v<!-- d --></Content>`: "v",
		"<Content>\n  multi\n  line\n</Content>":   "multi\n  line",
	} {
		m, err := ParseXML([]byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<xml>" + in + "</xml>\n"))
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got := m.Get("Content"); got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
}

func TestParseXMLErrors(t *testing.T) {
	for _, in := range []string{
		``, `   `, `<xml>`, `<xml></xm>`, `<root></root>`, `<xml><a></b></xml>`,
		`<xml><a>text<b>x</b></a></xml>`, `<xml>text</xml>`, `<xml><a>&bogus;</a></xml>`,
		`<xml><a>&#0;</a></xml>`, `<xml><a>&#xD800;</a></xml>`, `<xml><a><![CDATA[x</a></xml>`,
		`<xml></xml><xml></xml>`, `<xml><a b></a></xml>`, `<xml><1a>x</1a></xml>`,
		`<xml><a>x</a>` + strings.Repeat("<b>", 20) + `</xml>`, `<xml><!-- x</xml>`,
		`<xml><a x="<">y</a></xml>`,
	} {
		_, err := ParseXML([]byte(in))
		if !errors.Is(err, ErrMalformed) {
			t.Errorf("%q: err = %v, want ErrMalformed", in, err)
		}
		var se *SyntaxError
		if err != nil && !errors.As(err, &se) {
			t.Errorf("%q: not a *SyntaxError", in)
		}
	}
}

func TestParseJSON(t *testing.T) {
	m, err := ParseJSON([]byte(`{"ToUserName":"gh_97417a04a28d","FromUserName":"o9Ag","CreateTime":1714112445,"MsgType":"event","Event":"subscribe_msg_popup_event","List":[{"TemplateId":"T1","SubscribeStatusString":"accept","PopupScene":"0"},{"TemplateId":"T2","SubscribeStatusString":"reject","PopupScene":"0"}],"ok":true,"nothing":null,"big":12345678901234567890}`))
	if err != nil {
		t.Fatal(err)
	}
	if m.CreateTime != 1714112445 || m.Event != EventSubscribeMsgPopup || m.Get("big") != "12345678901234567890" || m.Get("ok") != "true" {
		t.Fatalf("%+v", m)
	}
	if got := m.SubscribeMsgEvents(); len(got) != 2 || got[1].TemplateID != "T2" {
		t.Fatalf("%+v", got)
	}
	single, _ := ParseJSON([]byte(`{"MsgType":"event","Event":"subscribe_msg_change_event","List":{"TemplateId":"T","SubscribeStatusString":"reject"}}`))
	if got := single.SubscribeMsgEvents(); len(got) != 1 || got[0].SubscribeStatusString != "reject" {
		t.Fatalf("%+v", got)
	}
	media, _ := ParseJSON([]byte(`{"ToUserName":"gh","FromUserName":"o","CreateTime":1,"MsgType":"event","Event":"wxa_media_check","appid":"wx","trace_id":"tr","version":2,"result":{"suggest":"risky","label":20002},"detail":[{"strategy":"content_model","errcode":0,"suggest":"risky","label":20006,"prob":90}]}`))
	if r, _ := media.Node("result"); r.Get("suggest") != "risky" || media.Get("trace_id") != "tr" || len(media.Root().All("detail")) != 1 {
		t.Fatalf("%+v", media.Fields())
	}
	for _, bad := range []string{``, `[]`, `{`, `{"a":1}x`, `{"a":[[1]]}`, `{"a":}`, `"s"`, `{"a":1,}`} {
		if _, err := ParseJSON([]byte(bad)); !errors.Is(err, ErrMalformed) {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}

// TestRepliesWellFormed checks every reply against encoding/xml and our
// own parser, with hostile content.
func TestRepliesWellFormed(t *testing.T) {
	evil := `a]]>b<c>&d"` + "\x01"
	for _, r := range []Reply{
		Text(evil), Image("m"), Voice("m"), Video("m", evil, "d"),
		&MusicReply{Title: "t", Description: "d", MusicURL: "u", HQMusicURL: "h", ThumbMediaID: "th"},
		News(Article{Title: evil, Description: "d", PicURL: "p", URL: "u"}, Article{Title: "2"}),
		TransferCustomerService(""), TransferCustomerService("kf@x"),
		UpdateButton("done"), UpdateTemplateCard("<CardType><![CDATA[button_interaction]]></CardType>"),
	} {
		out := r.AppendXML(nil, "oUser", "gh_x", 1714112445)
		var v struct {
			To      string `xml:"ToUserName"`
			MsgType string `xml:"MsgType"`
			Content string `xml:"Content"`
		}
		if err := xml.Unmarshal(out, &v); err != nil {
			t.Errorf("%T: encoding/xml: %v\n%s", r, err, out)
		}
		m, err := ParseXML(out)
		if err != nil {
			t.Errorf("%T: ParseXML: %v", r, err)
			continue
		}
		if m.ToUserName != "oUser" || m.FromUserName != "gh_x" || m.CreateTime != 1714112445 || m.MsgType == "" {
			t.Errorf("%T: header %+v", r, m)
		}
		if _, ok := r.(*TextReply); ok && (m.Content != evil[:len(evil)-1] || v.Content != m.Content) {
			t.Errorf("text content %q / %q", m.Content, v.Content)
		}
	}
	n, _ := ParseXML(News(Article{Title: "1"}, Article{Title: "2"}).AppendXML(nil, "a", "b", 1))
	if arts, _ := n.Node("Articles"); n.Get("ArticleCount") != "2" || len(arts.All("item")) != 2 {
		t.Error("news articles")
	}
	tr, _ := ParseXML(TransferCustomerService("kf@x").AppendXML(nil, "a", "b", 1))
	if ti, _ := tr.Node("TransInfo"); ti.Get("KfAccount") != "kf@x" || tr.MsgType != "transfer_customer_service" {
		t.Error("transfer KfAccount")
	}
	ub, _ := ParseXML(UpdateButton("已处理").AppendXML(nil, "a", "b", 1))
	if b, _ := ub.Node("Button"); b.Get("ReplaceName") != "已处理" || ub.MsgType != "update_button" {
		t.Error("update_button")
	}
	j, err := ParseJSON(Text(evil+"\u2028é").AppendJSON(nil, "a", "b", 1))
	if err != nil || j.Content != evil+"\u2028é" || j.MsgType != "text" {
		t.Errorf("text JSON: %v %+v", err, j)
	}
	if got := BizMsgMenuLink("满意", "ok", 101); got != `<a href="weixin://bizmsgmenu?msgmenucontent=ok&msgmenuid=101">满意</a>` {
		t.Error(got)
	}
}
