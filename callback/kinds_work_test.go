package callback

import (
	"context"
	"reflect"
	"testing"
)

// Samples follow the official documentation's examples (values shortened).

func mustParse(t *testing.T, body string) *Message {
	t.Helper()
	var (
		m   *Message
		err error
	)
	if isJSON([]byte(body)) {
		m, err = ParseJSON([]byte(body))
	} else {
		m, err = ParseXML([]byte(body))
	}
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func workEvent(event, rest string) string {
	return `<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[` + event + `]]></Event>` + rest + `</xml>`
}

func TestContactChange(t *testing.T) {
	for _, tc := range []struct {
		body string
		want ContactChange
	}{
		{workEvent("change_contact", `<ChangeType>create_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID><Name><![CDATA[张三]]></Name><Department><![CDATA[1,2,3]]></Department><MainDepartment>1</MainDepartment><IsLeaderInDept><![CDATA[1,0,0]]></IsLeaderInDept><DirectLeader><![CDATA[lisi,wangwu]]></DirectLeader><Position><![CDATA[产品经理]]></Position><Mobile>13800000000</Mobile><Gender>1</Gender><Email><![CDATA[zhangsan@gzdev.com]]></Email><BizMail><![CDATA[zhangsan@qyycs2.wecom.work]]></BizMail><Status>1</Status><Avatar><![CDATA[http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3W/0]]></Avatar><Alias><![CDATA[zhangsan]]></Alias><Telephone><![CDATA[020-123456]]></Telephone><Address><![CDATA[广州市]]></Address><ExtAttr><Item><Name><![CDATA[爱好]]></Name><Type>0</Type><Text><Value><![CDATA[旅游]]></Value></Text></Item></ExtAttr>`),
			ContactChange{ChangeType: "create_user", UserID: "zhangsan", Name: "张三", Department: "1,2,3", MainDepartment: "1", IsLeaderInDept: "1,0,0", DirectLeader: "lisi,wangwu", Position: "产品经理", Mobile: "13800000000", Gender: 1, Email: "zhangsan@gzdev.com", BizMail: "zhangsan@qyycs2.wecom.work", Status: 1, Avatar: "http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3W/0", Alias: "zhangsan", Telephone: "020-123456", Address: "广州市"}},
		{workEvent("change_contact", `<ChangeType>update_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID><NewUserID><![CDATA[zhangsan001]]></NewUserID><Position><![CDATA[总监]]></Position>`),
			ContactChange{ChangeType: "update_user", UserID: "zhangsan", NewUserID: "zhangsan001", Position: "总监"}},
		{workEvent("change_contact", `<ChangeType>delete_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID>`),
			ContactChange{ChangeType: "delete_user", UserID: "zhangsan"}},
		{workEvent("change_contact", `<ChangeType>create_party</ChangeType><Id>2</Id><Name><![CDATA[张三]]></Name><ParentId><![CDATA[1]]></ParentId><Order>1</Order>`),
			ContactChange{ChangeType: "create_party", PartyID: "2", Name: "张三", ParentID: "1", Order: 1}},
		{workEvent("change_contact", `<ChangeType>update_party</ChangeType><Id>2</Id><Name><![CDATA[研发部]]></Name><ParentId><![CDATA[1]]></ParentId>`),
			ContactChange{ChangeType: "update_party", PartyID: "2", Name: "研发部", ParentID: "1"}},
		{workEvent("change_contact", `<ChangeType>delete_party</ChangeType><Id>2</Id>`),
			ContactChange{ChangeType: "delete_party", PartyID: "2"}},
		{workEvent("change_contact", `<ChangeType><![CDATA[update_tag]]></ChangeType><TagId>1</TagId><AddUserItems><![CDATA[zhangsan,lisi]]></AddUserItems><DelUserItems><![CDATA[zhangsan1,lisi1]]></DelUserItems><AddPartyItems><![CDATA[1,2]]></AddPartyItems><DelPartyItems><![CDATA[3,4]]></DelPartyItems>`),
			ContactChange{ChangeType: "update_tag", TagID: "1", AddUserItems: "zhangsan,lisi", DelUserItems: "zhangsan1,lisi1", AddPartyItems: "1,2", DelPartyItems: "3,4"}},
	} {
		m := mustParse(t, tc.body)
		got, ok := m.ContactChange()
		got.ExtAttr = nil // checked in TestContactExtAttr
		if !ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.want.ChangeType, got, tc.want)
		}
		if _, ok := m.ExternalContactChange(); ok {
			t.Errorf("%s: ExternalContactChange ok", tc.want.ChangeType)
		}
	}
	if got := SplitList("1,2,3"); !reflect.DeepEqual(got, []string{"1", "2", "3"}) || SplitList("") != nil {
		t.Fatalf("SplitList: %q", got)
	}
}

func TestExternalContactChange(t *testing.T) {
	for _, tc := range []struct {
		body string
		want ExternalContactChange
	}{
		{workEvent("change_external_contact", `<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA]]></ExternalUserID><State><![CDATA[teststate]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>`),
			ExternalContactChange{ChangeType: ChangeAddExternalContact, UserID: "zhangsan", ExternalUserID: "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", State: "teststate", WelcomeCode: "WELCOMECODE"}},
		{workEvent("change_external_contact", `<ChangeType><![CDATA[del_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ]]></ExternalUserID><Source><![CDATA[DELETE_BY_TRANSFER]]></Source>`),
			ExternalContactChange{ChangeType: ChangeDelExternalContact, UserID: "zhangsan", ExternalUserID: "woAJ", Source: "DELETE_BY_TRANSFER"}},
		{workEvent("change_external_contact", `<ChangeType><![CDATA[del_follow_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ]]></ExternalUserID>`),
			ExternalContactChange{ChangeType: ChangeDelFollowUser, UserID: "zhangsan", ExternalUserID: "woAJ"}},
		{workEvent("change_external_contact", `<ChangeType><![CDATA[transfer_fail]]></ChangeType><FailReason><![CDATA[customer_refused]]></FailReason><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ]]></ExternalUserID>`),
			ExternalContactChange{ChangeType: ChangeTransferFail, UserID: "zhangsan", ExternalUserID: "woAJ", FailReason: "customer_refused"}},
	} {
		m := mustParse(t, tc.body)
		got, ok := m.ExternalContactChange()
		if !ok || got != tc.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.want.ChangeType, got, tc.want)
		}
	}
}

func TestKfAndTemplateCardEvents(t *testing.T) {
	kf := mustParse(t, workEvent("kf_msg_or_event", `<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token><OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId>`))
	if got, ok := kf.KfMsgOrEvent(); !ok || got != (KfMsgOrEvent{Token: "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR", OpenKfID: "wkxxxxxxx"}) {
		t.Fatalf("kf: %+v %v", got, ok)
	}
	if _, ok := kf.TemplateCardEvent(); ok {
		t.Fatal("kf is not a template card event")
	}
	card := mustParse(t, workEvent("template_card_event", `<EventKey><![CDATA[key111]]></EventKey><TaskId><![CDATA[taskid111]]></TaskId><CardType><![CDATA[vote_interaction]]></CardType><ResponseCode><![CDATA[ResponseCode]]></ResponseCode><AgentID>1</AgentID><SelectedItems><SelectedItem><QuestionKey><![CDATA[QuestionKey1]]></QuestionKey><OptionIds><OptionId><![CDATA[OptionId1]]></OptionId><OptionId><![CDATA[OptionId2]]></OptionId></OptionIds></SelectedItem><SelectedItem><QuestionKey><![CDATA[QuestionKey2]]></QuestionKey><OptionIds><OptionId><![CDATA[OptionId3]]></OptionId></OptionIds></SelectedItem></SelectedItems>`))
	want := TemplateCardEvent{EventKey: "key111", TaskID: "taskid111", CardType: "vote_interaction", ResponseCode: "ResponseCode",
		SelectedItems: []SelectedItem{{"QuestionKey1", []string{"OptionId1", "OptionId2"}}, {"QuestionKey2", []string{"OptionId3"}}}}
	if got, ok := card.TemplateCardEvent(); !ok || !reflect.DeepEqual(got, want) || card.AgentID != "1" {
		t.Fatalf("card:\n got %+v\nwant %+v", got, want)
	}
	menu := mustParse(t, workEvent("template_card_menu_event", `<EventKey><![CDATA[menu_key]]></EventKey><TaskId><![CDATA[taskid111]]></TaskId><CardType><![CDATA[text_notice]]></CardType><ResponseCode><![CDATA[RC2]]></ResponseCode><AgentID>1</AgentID>`))
	if got, ok := menu.TemplateCardEvent(); !ok || got.EventKey != "menu_key" || got.CardType != "text_notice" || got.ResponseCode != "RC2" || got.SelectedItems != nil {
		t.Fatalf("menu: %+v", got)
	}
}

func TestApprovalChange(t *testing.T) {
	sys := mustParse(t, workEvent("sys_approval_change", `<AgentID>3010040</AgentID><ApprovalInfo><SpNo>201909270001</SpNo><SpName><![CDATA[示例模板]]></SpName><SpStatus>1</SpStatus><TemplateId><![CDATA[3TkaH5KFbrG9heEQWLJjhgpFwmqAFB4dLEnapaB7aaa]]></TemplateId><ApplyTime>1569584428</ApplyTime><Applyer><UserId><![CDATA[WuJunJie]]></UserId><Party><![CDATA[1]]></Party></Applyer><SpRecord><SpStatus>1</SpStatus><ApproverAttr>1</ApproverAttr><Details><Approver><UserId><![CDATA[WangXiaoMing]]></UserId></Approver><Speech><![CDATA[]]></Speech><SpStatus>1</SpStatus><SpTime>0</SpTime></Details></SpRecord><Notifyer><UserId><![CDATA[LiuXiaoGang]]></UserId></Notifyer><StatuChangeEvent>1</StatuChangeEvent></ApprovalInfo>`))
	got, ok := sys.ApprovalChange()
	want := ApprovalChange{SpNo: "201909270001", SpName: "示例模板", SpStatus: 1, TemplateID: "3TkaH5KFbrG9heEQWLJjhgpFwmqAFB4dLEnapaB7aaa", ApplierUserID: "WuJunJie", ApplierParty: "1", StatuChangeEvent: 1, ApplyTime: 1569584428,
		SpRecords: []ApprovalRecord{{SpStatus: 1, ApproverAttr: 1, Details: []ApprovalDetail{{ApproverUserID: "WangXiaoMing", SpStatus: 1}}}},
		Notifiers: []string{"LiuXiaoGang"}}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("sys:\n got %+v\nwant %+v", got, want)
	}
	if n, _ := sys.Node("ApprovalInfo"); n.Path("SpRecord", "Details", "Approver", "UserId") != "WangXiaoMing" {
		t.Fatal("approver not reachable")
	}
	open := mustParse(t, workEvent("open_approval_change", `<AgentID>1</AgentID><ApprovalInfo><ThirdNo><![CDATA[201806010001]]></ThirdNo><OpenSpName><![CDATA[付款]]></OpenSpName><OpenTemplateId><![CDATA[1234567890]]></OpenTemplateId><OpenSpStatus>1</OpenSpStatus><ApplyTime>1527837645</ApplyTime><ApplyUserName><![CDATA[xiaoming]]></ApplyUserName><ApplyUserId><![CDATA[1]]></ApplyUserId><ApplyUserParty><![CDATA[产品部]]></ApplyUserParty><ApplyUserImage><![CDATA[http://www.qq.com/xxx.png]]></ApplyUserImage><ApprovalNodes><ApprovalNode><NodeStatus>1</NodeStatus><NodeAttr>1</NodeAttr><NodeType>1</NodeType><Items><Item><ItemName><![CDATA[xiaohong]]></ItemName><ItemUserId><![CDATA[2]]></ItemUserId><ItemImage><![CDATA[http://www.qq.com/xxx.png]]></ItemImage><ItemStatus>1</ItemStatus><ItemSpeech><![CDATA[]]></ItemSpeech><ItemOpTime>0</ItemOpTime></Item></Items></ApprovalNode></ApprovalNodes><NotifyNodes><NotifyNode><ItemName><![CDATA[xiaogang]]></ItemName><ItemUserId><![CDATA[3]]></ItemUserId><ItemImage><![CDATA[http://www.qq.com/xxx.png]]></ItemImage></NotifyNode></NotifyNodes><approverstep>0</approverstep></ApprovalInfo>`))
	got, ok = open.ApprovalChange()
	want = ApprovalChange{ThirdNo: "201806010001", OpenSpName: "付款", OpenTemplateID: "1234567890", OpenSpStatus: 1, ApplyUserID: "1", ApplyUserName: "xiaoming", ApplyUserParty: "产品部", ApplyUserImage: "http://www.qq.com/xxx.png", ApplyTime: 1527837645,
		ApprovalNodes: []OpenApprovalNode{{NodeStatus: 1, NodeAttr: 1, NodeType: 1, Items: []OpenApprovalItem{{ItemName: "xiaohong", ItemUserID: "2", ItemImage: "http://www.qq.com/xxx.png", ItemStatus: 1}}}},
		NotifyNodes:   []OpenApprovalItem{{ItemName: "xiaogang", ItemUserID: "3", ItemImage: "http://www.qq.com/xxx.png"}}}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("open:\n got %+v\nwant %+v", got, want)
	}
	if n, _ := open.Node("ApprovalInfo"); n.Path("ApprovalNodes", "ApprovalNode", "Items", "Item", "ItemName") != "xiaohong" {
		t.Fatal("approval node not reachable")
	}
	if got, ok := mustParse(t, workEvent("sys_approval_change", "")).ApprovalChange(); !ok || got.SpNo != "" || got.SpRecords != nil {
		t.Fatalf("ApprovalChange without ApprovalInfo: %+v", got)
	}
	if _, ok := mustParse(t, workEvent("sys_approval_change", "<ApprovalInfo><ApplyTime>yesterday</ApplyTime></ApprovalInfo>")).ApprovalChange(); ok {
		t.Fatal("a time that is not a number decoded")
	}
}

func TestFastRegister(t *testing.T) {
	ent := mustParse(t, `<xml><AppId><![CDATA[wxcomp]]></AppId><CreateTime>1535442403</CreateTime><InfoType><![CDATA[notify_third_fasteregister]]></InfoType><appid>wxnewapp</appid><status>0</status><auth_code>queryauthcode@@@xxx</auth_code><msg>OK</msg><info><name><![CDATA[企业名称]]></name><code><![CDATA[企业代码]]></code><code_type>1</code_type><legal_persona_wechat><![CDATA[法人微信号]]></legal_persona_wechat><legal_persona_name><![CDATA[法人姓名]]></legal_persona_name><component_phone><![CDATA[1234567]]></component_phone></info></xml>`)
	want := FastRegister{AppID: "wxnewapp", Status: 0, AuthCode: "queryauthcode@@@xxx", Msg: "OK", Info: FastRegisterInfo{
		Name: "企业名称", Code: "企业代码", CodeType: 1, LegalPersonaWechat: "法人微信号", LegalPersonaName: "法人姓名", ComponentPhone: "1234567"}}
	if got, ok := ent.FastRegister(); !ok || got != want || ent.AppID != "wxcomp" {
		t.Fatalf("\n got %+v\nwant %+v", got, want)
	}
	personal := mustParse(t, `<xml><AppId><![CDATA[wxcomp]]></AppId><CreateTime>1535442403</CreateTime><InfoType><![CDATA[notify_third_fasteregister]]></InfoType><appid>wxnew2</appid><status>0</status><auth_code>code2</auth_code><msg>OK</msg><info><wxuser><![CDATA[user1]]></wxuser><idname><![CDATA[张三]]></idname><component_phone><![CDATA[1234567]]></component_phone></info></xml>`)
	if got, _ := personal.FastRegister(); got.Info.WxUser != "user1" || got.Info.IDName != "张三" || got.AppID != "wxnew2" {
		t.Fatalf("%+v", got)
	}
	// Routed by InfoType.
	mux := NewMux()
	var hit bool
	mux.HandleInfoType(InfoTypeNotifyThirdFasteregister, func(_ context.Context, m *Message) (Reply, error) { hit = true; return nil, nil })
	if _, err := mux.ServeMessage(t.Context(), ent); err != nil || !hit {
		t.Fatal("notify_third_fasteregister not routed")
	}
	if _, ok := mustParse(t, workEvent("kf_msg_or_event", "")).FastRegister(); ok {
		t.Fatal("FastRegister on an event")
	}
}

// TestMoreOfficialAccountEvents covers the events not parsed elsewhere.
func TestMoreOfficialAccountEvents(t *testing.T) {
	ev := func(name, rest string) *Message {
		return mustParse(t, wrap(`<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[`+name+`]]></Event>`+rest))
	}
	if m := ev("view_miniprogram", `<EventKey><![CDATA[pages/index/index]]></EventKey><MenuId>MENUID</MenuId>`); m.Event != EventViewMiniprogram || m.EventKey != "pages/index/index" || m.Get("MenuId") != "MENUID" {
		t.Fatalf("%+v", m)
	}
	m := ev("pic_sysphoto", `<EventKey><![CDATA[6]]></EventKey><SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum><![CDATA[1b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item></PicList></SendPicsInfo>`)
	if info, ok := m.SendPicsInfo(); !ok || info.Count != 1 || info.PicMD5Sums[0] != "1b5f7c23b5bf75682a53e7b6d163e185" {
		t.Fatalf("%+v", info)
	}
	if m := ev("kf_create_session", `<KfAccount><![CDATA[test1@test]]></KfAccount>`); m.Event != EventKfCreateSession || m.KfAccount != "test1@test" {
		t.Fatalf("%+v", m)
	}
	if m := ev("kf_close_session", `<KfAccount><![CDATA[test1@test]]></KfAccount>`); m.Event != EventKfCloseSession || m.KfAccount != "test1@test" {
		t.Fatalf("%+v", m)
	}
	if m := ev("unsubscribe", ``); m.Event != EventUnsubscribe || m.Scene() != "" {
		t.Fatalf("%+v", m)
	}
	if m := ev("CLICK", `<EventKey><![CDATA[EVENTKEY]]></EventKey>`); m.Event != EventClick || m.EventKey != "EVENTKEY" {
		t.Fatalf("%+v", m)
	}
	// Mini program pushes in JSON: a customer service message and the
	// user_enter_tempsession event (MsgId is a JSON number).
	js := mustParse(t, `{"ToUserName":"toUser","FromUserName":"fromUser","CreateTime":1482048670,"MsgType":"text","Content":"this is a test","MsgId":1234567890123456}`)
	if js.MsgType != MsgTypeText || js.Content != "this is a test" || js.MsgID != "1234567890123456" || js.CreateTime != 1482048670 {
		t.Fatalf("%+v", js)
	}
	card := mustParse(t, `{"ToUserName":"toUser","FromUserName":"fromUser","CreateTime":1482048670,"MsgType":"miniprogrampage","MsgId":1234567890123456,"AppId":"wxappid","Title":"title","PagePath":"pages/index","ThumbUrl":"https://x","ThumbMediaId":"thumb"}`)
	if card.MsgType != MsgTypeMiniProgramPage || card.AppID != "wxappid" || card.Get("PagePath") != "pages/index" || card.ThumbMediaID != "thumb" || card.Title != "title" {
		t.Fatalf("%+v", card)
	}
	enter := mustParse(t, `{"ToUserName":"toUser","FromUserName":"fromUser","CreateTime":1482048670,"MsgType":"event","Event":"user_enter_tempsession","SessionFrom":"sessionFrom"}`)
	if enter.Event != EventUserEnterTempsession || enter.Get("SessionFrom") != "sessionFrom" {
		t.Fatalf("%+v", enter)
	}
}

// TestReplyFieldNames pins every reply's MsgType and element paths to the
// official passive-reply formats (official accounts and WeCom).
func TestReplyFieldNames(t *testing.T) {
	for _, tc := range []struct {
		reply   Reply
		msgType string
		paths   [][]string // path..., want
	}{
		{Text("hi"), "text", [][]string{{"Content", "hi"}}},
		{Image("mid"), "image", [][]string{{"Image", "MediaId", "mid"}}},
		{Voice("vid"), "voice", [][]string{{"Voice", "MediaId", "vid"}}},
		{Video("mid", "T", "D"), "video", [][]string{{"Video", "MediaId", "mid"}, {"Video", "Title", "T"}, {"Video", "Description", "D"}}},
		{&MusicReply{Title: "T", Description: "D", MusicURL: "M", HQMusicURL: "H", ThumbMediaID: "th"}, "music", [][]string{
			{"Music", "Title", "T"}, {"Music", "Description", "D"}, {"Music", "MusicUrl", "M"}, {"Music", "HQMusicUrl", "H"}, {"Music", "ThumbMediaId", "th"}}},
		{News(Article{Title: "T", Description: "D", PicURL: "P", URL: "U"}), "news", [][]string{
			{"ArticleCount", "1"}, {"Articles", "item", "Title", "T"}, {"Articles", "item", "Description", "D"},
			{"Articles", "item", "PicUrl", "P"}, {"Articles", "item", "Url", "U"}}},
		{TransferCustomerService("kf@x"), "transfer_customer_service", [][]string{{"TransInfo", "KfAccount", "kf@x"}}},
		{UpdateButton("已处理"), "update_button", [][]string{{"Button", "ReplaceName", "已处理"}}},
		{UpdateTemplateCard("<CardType><![CDATA[text_notice]]></CardType><MainTitle><Title><![CDATA[标题]]></Title></MainTitle>"), "update_template_card", [][]string{
			{"TemplateCard", "CardType", "text_notice"}, {"TemplateCard", "MainTitle", "Title", "标题"}}},
	} {
		m, err := ParseXML(tc.reply.AppendXML(nil, "to", "from", 1))
		if err != nil {
			t.Fatalf("%s: %v", tc.msgType, err)
		}
		if m.MsgType != tc.msgType {
			t.Errorf("MsgType %q, want %q", m.MsgType, tc.msgType)
		}
		for _, p := range tc.paths {
			if got := m.Root().Path(p[:len(p)-1]...); got != p[len(p)-1] {
				t.Errorf("%s: %v = %q", tc.msgType, p[:len(p)-1], got)
			}
		}
	}
	// The JSON transfer reply of mini program customer service.
	j, err := ParseJSON(TransferCustomerService("kf@x").AppendJSON(nil, "to", "from", 1))
	if err != nil || j.MsgType != "transfer_customer_service" || j.Root().Path("TransInfo", "KfAccount") != "kf@x" || j.ToUserName != "to" {
		t.Fatalf("JSON transfer: %v %+v", err, j)
	}
}
