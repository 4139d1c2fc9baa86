package work_test

import (
	"slices"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestAppGetListSet(t *testing.T) {
	srv, bot := botA(t)
	info, err := bot.App.Get(ctxA)
	if err != nil {
		t.Fatal(err)
	}
	if info.AgentID != fakewechat.DefaultAgentID || len(info.AllowUserInfos.User) != 2 || !slices.Equal(info.AllowPartys.PartyID, []int64{1}) {
		t.Fatalf("info %+v", info)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/agent/get", "agentid") != "1000002" {
		t.Fatal("agentid query")
	}
	flag := 0
	if err := bot.App.Set(ctxA, work.AgentSettings{Name: "Helpdesk", ReportLocationFlag: &flag, HomeURL: "https://e.com"}); err != nil {
		t.Fatal(err)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/agent/set")
	if b["agentid"] != float64(fakewechat.DefaultAgentID) || b["report_location_flag"] != float64(0) || b["description"] != nil {
		t.Fatalf("set body %v", b)
	}
	list, err := bot.App.List(ctxA)
	if err != nil || len(list) != 1 || list[0].Name != "Helpdesk" {
		t.Fatalf("list %+v %v", list, err)
	}
	bad := 7
	wantCodeA(t, bot.App.Set(ctxA, work.AgentSettings{IsReportEnter: &bad}), fakewechat.CodeWeComInvalidParameter)
	wantCodeA(t, bot.App.Set(ctxA, work.AgentSettings{LogoMediaID: "missing"}), fakewechat.CodeInvalidMediaID)
}

func TestAppUserInfo(t *testing.T) {
	srv, bot := botA(t)
	code := srv.WeComOAuthCode(fakewechat.DefaultCorpID, "zhangsan")
	u, err := bot.App.UserInfo(ctxA, code)
	if err != nil || u.UserID != "zhangsan" || u.UserTicket == "" {
		t.Fatalf("%+v %v", u, err)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/user/getuserinfo", "code") != code {
		t.Fatal("code query")
	}
	_, err = bot.App.UserInfo(ctxA, code)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCode)
	late := srv.WeComOAuthCode(fakewechat.DefaultCorpID, "lisi")
	srv.Advance(6 * time.Minute)
	_, err = bot.App.UserInfo(ctxA, late)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCode)
	_, err = bot.App.UserInfo(ctxA, "")
	wantArgA(t, err, "code")
}

func TestAppChat(t *testing.T) {
	srv, bot := botA(t)
	ch := bot.AppChat
	id, err := ch.Create(ctxA, &work.AppChat{Name: "ops", Owner: "lisi", UserList: []string{"zhangsan", "lisi"}})
	if err != nil || id == "" {
		t.Fatal(id, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/appchat/create"); b["owner"] != "lisi" || b["chatid"] != nil {
		t.Fatalf("create body %v", b)
	}
	if _, err := ch.Create(ctxA, &work.AppChat{ChatID: id, UserList: []string{"zhangsan", "lisi"}}); err == nil {
		t.Fatal("duplicate chatid accepted")
	} else {
		wantCodeA(t, err, fakewechat.CodeWeComChatIDExists)
	}
	_, err = ch.Create(ctxA, &work.AppChat{UserList: []string{"zhangsan", "ghost"}})
	wantCodeA(t, err, fakewechat.CodeWeComInvalidMember)
	_, err = ch.Create(ctxA, &work.AppChat{UserList: []string{"zhangsan"}})
	wantArgA(t, err, "userlist")

	if err := bot.User.Create(ctxA, &work.User{UserID: "wangwu", Name: "w", Email: "w@e.com"}); err != nil {
		t.Fatal(err)
	}
	if err := ch.Update(ctxA, &work.AppChatUpdate{ChatID: id, Name: "ops-2", AddUserList: []string{"wangwu"}, DelUserList: []string{"zhangsan"}}); err != nil {
		t.Fatal(err)
	}
	got, err := ch.Get(ctxA, id)
	if err != nil || got.Name != "ops-2" || got.Owner != "lisi" || !slices.Equal(got.UserList, []string{"lisi", "wangwu"}) {
		t.Fatalf("get %+v %v", got, err)
	}
	wantCodeA(t, ch.Update(ctxA, &work.AppChatUpdate{ChatID: id, AddUserList: []string{"zhangsan"}, DelUserList: []string{"lisi"}}), fakewechat.CodeWeComInvalidOwner)
	_, err = ch.Get(ctxA, "nochat")
	wantCodeA(t, err, fakewechat.CodeWeComChatNotFound)
	wantArgA(t, ch.Update(ctxA, &work.AppChatUpdate{}), "chatid")

	img := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "a.png", []byte("fake png"))
	file := srv.AddWeComMedia(fakewechat.DefaultCorpID, "file", "a.pdf", []byte("fake pdf"))
	voice := srv.AddWeComMedia(fakewechat.DefaultCorpID, "voice", "a.amr", []byte("fake amr"))
	video := srv.AddWeComMedia(fakewechat.DefaultCorpID, "video", "a.mp4", []byte("fake mp4"))
	sends := []struct {
		typ  string
		send func() error
	}{
		{"text", func() error { return ch.SendText(ctxA, id, "hello") }},
		{"image", func() error { return ch.SendImage(ctxA, id, img) }},
		{"voice", func() error { return ch.SendVoice(ctxA, id, voice) }},
		{"video", func() error { return ch.SendVideo(ctxA, id, work.VideoContent{MediaID: video, Title: "v"}) }},
		{"file", func() error { return ch.SendFile(ctxA, id, file) }},
		{"textcard", func() error {
			return ch.SendTextCard(ctxA, id, work.TextCard{Title: "t", Description: "d", URL: "https://e.com"})
		}},
		{"news", func() error { return ch.SendNews(ctxA, id, []work.NewsArticle{{Title: "n", URL: "https://e.com"}}) }},
		{"mpnews", func() error {
			return ch.SendMPNews(ctxA, id, []work.MPNewsArticle{{Title: "m", ThumbMediaID: img, Content: "c"}})
		}},
		{"markdown", func() error { return ch.SendMarkdown(ctxA, id, "# hi") }},
	}
	for _, c := range sends {
		if err := c.send(); err != nil {
			t.Fatalf("%s: %v", c.typ, err)
		}
		if b := lastBodyA(t, srv, "POST /cgi-bin/appchat/send"); b["chatid"] != id || b["msgtype"] != c.typ || b[c.typ] == nil {
			t.Fatalf("%s body %v", c.typ, b)
		}
	}
	if n := len(srv.WeComChatMessages(fakewechat.DefaultCorpID, id)); n != len(sends) {
		t.Fatalf("chat holds %d messages", n)
	}
	if err := ch.Send(ctxA, &work.AppChatMessage{ChatID: id, Safe: 1, MessageContent: work.MessageContent{MsgType: "template_card", TemplateCard: &work.TemplateCard{CardType: "text_notice"}}}); err == nil {
		t.Fatal("template_card accepted by a group chat")
	} else {
		wantCodeA(t, err, fakewechat.CodeWeComInvalidMsgType)
	}
	wantCodeA(t, ch.SendText(ctxA, "nochat", "x"), fakewechat.CodeWeComChatNotFound)
	wantArgA(t, ch.SendText(ctxA, id, ""), "content")
	wantArgA(t, ch.Send(ctxA, &work.AppChatMessage{ChatID: id}), "msgtype")
	wantArgA(t, ch.SendImage(ctxA, "", img), "chatid")
}

func TestAppMenu(t *testing.T) {
	srv, bot := botA(t)
	_, err := bot.AppMenu.Get(ctxA)
	wantCodeA(t, err, fakewechat.CodeWeComMenuNotExist)
	menu := &work.AppMenu{Button: []work.MenuButton{
		{Type: "click", Name: "Today", Key: "today"},
		{Name: "More", SubButton: []work.MenuButton{{Type: "view", Name: "Site", URL: "https://e.com"}, {Type: "view_miniprogram", Name: "App", AppID: "wxapp", PagePath: "pages/index"}}},
	}}
	if err := bot.AppMenu.Create(ctxA, menu); err != nil {
		t.Fatal(err)
	}
	if lastQueryA(t, srv, "POST /cgi-bin/menu/create", "agentid") != "1000002" {
		t.Fatal("agentid query")
	}
	got, err := bot.AppMenu.Get(ctxA)
	if err != nil || len(got.Button) != 2 || got.Button[1].SubButton[1].PagePath != "pages/index" || got.Button[0].Key != "today" {
		t.Fatalf("menu %+v %v", got, err)
	}
	if err := bot.AppMenu.Delete(ctxA); err != nil {
		t.Fatal(err)
	}
	_, err = bot.AppMenu.Get(ctxA)
	wantCodeA(t, err, fakewechat.CodeWeComMenuNotExist)
	wantArgA(t, bot.AppMenu.Create(ctxA, &work.AppMenu{Button: make([]work.MenuButton, 4)}), "button")
	wantArgA(t, bot.AppMenu.Create(ctxA, &work.AppMenu{Button: []work.MenuButton{{Name: "x"}}}), "button")
	wantArgA(t, bot.AppMenu.Create(ctxA, &work.AppMenu{Button: []work.MenuButton{{Name: "x", SubButton: make([]work.MenuButton, 6)}}}), "sub_button")
}

func TestAppWorkbench(t *testing.T) {
	srv, bot := botA(t)
	wb := bot.AppWorkbench
	tpl, err := wb.GetTemplate(ctxA)
	if err != nil || tpl.Type != work.WorkbenchTypeNormal || tpl.AgentID != fakewechat.DefaultAgentID {
		t.Fatalf("default %+v %v", tpl, err)
	}
	keydata := work.Workbench{Type: work.WorkbenchTypeKeyData, KeyData: &work.WorkbenchItems{Items: []work.WorkbenchItem{{Key: "open", Data: "3", JumpURL: "https://e.com"}}}}
	if err := wb.SetTemplate(ctxA, keydata, true); err != nil {
		t.Fatal(err)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/agent/set_workbench_template")
	if b["agentid"] != float64(fakewechat.DefaultAgentID) || b["type"] != "keydata" || b["replace_user_data"] != true || b["list"] != nil {
		t.Fatalf("template body %v", b)
	}
	tpl, err = wb.GetTemplate(ctxA)
	if err != nil || tpl.KeyData == nil || tpl.KeyData.Items[0].Data != "3" || !tpl.ReplaceUserData {
		t.Fatalf("template %+v %v", tpl, err)
	}
	web := work.Workbench{Type: work.WorkbenchTypeWebView, WebView: &work.WorkbenchWebView{URL: "https://e.com/w", Height: "double_row"}}
	if err := wb.SetData(ctxA, "zhangsan", web); err != nil {
		t.Fatal(err)
	}
	if d := srv.WeComWorkbenchData(fakewechat.DefaultCorpID, fakewechat.DefaultAgentID, "zhangsan"); d["type"] != "webview" {
		t.Fatalf("data %v", d)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/agent/set_workbench_data"); b["userid"] != "zhangsan" || b["webview"].(map[string]any)["height"] != "double_row" {
		t.Fatalf("data body %v", b)
	}
	wantCodeA(t, wb.SetData(ctxA, "ghost", web), fakewechat.CodeWeComUserNotFound)
	wantArgA(t, wb.SetData(ctxA, "zhangsan", work.Workbench{Type: work.WorkbenchTypeNormal}), "normal")
	wantArgA(t, wb.SetTemplate(ctxA, work.Workbench{Type: "banner"}, false), "type")
	wantArgA(t, wb.SetTemplate(ctxA, work.Workbench{Type: work.WorkbenchTypeList, List: &work.WorkbenchItems{Items: make([]work.WorkbenchItem, 4)}}, false), "list")
	if err := wb.SetTemplate(ctxA, work.Workbench{Type: work.WorkbenchTypeImage, Image: &work.WorkbenchImage{URL: "https://e.com/i.png"}}, false); err != nil {
		t.Fatal(err)
	}
}
