package work_test

import (
	"slices"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

// kfA returns an agent and a new customer-service account.
func kfA(t *testing.T) (*fakewechat.Server, *work.AgentClient, string) {
	t.Helper()
	srv, bot := botA(t)
	avatar := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "kf.png", []byte("fake avatar"))
	id, err := bot.KFAccount.Add(ctxA, "Support", avatar)
	if err != nil {
		t.Fatal(err)
	}
	return srv, bot, id
}

func TestKFAccount(t *testing.T) {
	srv, bot, id := kfA(t)
	kf := bot.KFAccount
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/account/add"); b["name"] != "Support" || b["media_id"] == "" {
		t.Fatalf("add body %v", b)
	}
	_, err := kf.Add(ctxA, "Support", "missing")
	wantCodeA(t, err, fakewechat.CodeInvalidMediaID)
	if err := kf.Update(ctxA, id, "Helpdesk", ""); err != nil {
		t.Fatal(err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/account/update"); b["media_id"] != nil || b["open_kfid"] != id {
		t.Fatalf("update body %v", b)
	}
	list, err := kf.List(ctxA, 0, 10)
	if err != nil || len(list) != 1 || list[0].Name != "Helpdesk" || list[0].OpenKfID != id || !list[0].ManagePrivilege {
		t.Fatalf("list %+v %v", list, err)
	}
	u, err := kf.AddContactWay(ctxA, id, "ad42")
	if err != nil || u == "" {
		t.Fatal(u, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/add_contact_way"); b["scene"] != "ad42" {
		t.Fatalf("contact way body %v", b)
	}
	if err := kf.Delete(ctxA, id); err != nil {
		t.Fatal(err)
	}
	wantCodeA(t, kf.Delete(ctxA, id), fakewechat.CodeWeComKFInvalidOpenKfID)
	_, err = kf.AddContactWay(ctxA, id, "")
	wantCodeA(t, err, fakewechat.CodeWeComKFInvalidOpenKfID)
	wantArgA(t, kf.Update(ctxA, id, "", ""), "name")
	_, err = kf.List(ctxA, 0, 101)
	wantArgA(t, err, "limit")
}

func TestKFAccountAllPages(t *testing.T) {
	srv, bot := botA(t)
	avatar := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "kf.png", []byte("fake avatar"))
	for i := range 102 {
		if _, err := bot.KFAccount.Add(ctxA, "kf"+itoaA(int64(i)), avatar); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for a, err := range bot.KFAccount.All(ctxA) {
		if err != nil {
			t.Fatal(err)
		}
		if a.Name != "kf"+itoaA(int64(n)) {
			t.Fatalf("account %d is %s", n, a.Name)
		}
		n++
	}
	if n != 102 || srv.Count(fakewechat.WeComPath("POST /cgi-bin/kf/account/list")) != 2 {
		t.Fatalf("%d accounts in %d pages", n, srv.Count(fakewechat.WeComPath("POST /cgi-bin/kf/account/list")))
	}
	for range bot.KFAccount.All(ctxA) {
		break
	}
	if srv.Count(fakewechat.WeComPath("POST /cgi-bin/kf/account/list")) != 3 {
		t.Fatal("early stop fetched another page")
	}
}

func TestKFMessageSync(t *testing.T) {
	srv, bot, id := kfA(t)
	for i := range 5 {
		srv.WeComKFReceive(fakewechat.DefaultCorpID, id, fakewechat.WeComKFCustomer1, "q"+itoaA(int64(i)))
	}
	code := srv.WeComKFEnterSession(fakewechat.DefaultCorpID, id, fakewechat.WeComKFCustomer2, "web")
	req := &work.SyncMsgRequest{Token: "ENCtoken", Limit: 2, OpenKfID: id}
	var texts []string
	var events []string
	for m, err := range bot.KFMessage.Sync(ctxA, req) {
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case m.MsgType == "text" && m.Origin == work.KFOriginCustomer:
			texts = append(texts, m.Text.Content)
		case m.MsgType == "event" && m.Event != nil:
			events = append(events, m.Event.EventType+":"+m.Event.WelcomeCode)
		}
	}
	if !slices.Equal(texts, []string{"q0", "q1", "q2", "q3", "q4"}) || !slices.Equal(events, []string{"enter_session:" + code}) {
		t.Fatalf("texts %v events %v", texts, events)
	}
	if srv.Count(fakewechat.WeComPath("POST /cgi-bin/kf/sync_msg")) != 3 || req.Cursor == "" {
		t.Fatalf("pages %d cursor %q", srv.Count(fakewechat.WeComPath("POST /cgi-bin/kf/sync_msg")), req.Cursor)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/sync_msg"); b["token"] != "ENCtoken" || b["open_kfid"] != id || b["limit"] != float64(2) {
		t.Fatalf("sync body %v", b)
	}
	// The saved cursor resumes after what was read.
	srv.WeComKFReceive(fakewechat.DefaultCorpID, id, fakewechat.WeComKFCustomer1, "later")
	var more []string
	for m, err := range bot.KFMessage.Sync(ctxA, req) {
		if err != nil {
			t.Fatal(err)
		}
		more = append(more, m.Text.Content)
	}
	if !slices.Equal(more, []string{"later"}) {
		t.Fatalf("resumed %v", more)
	}
	// Breaking mid-page keeps the cursor at the page start.
	again := &work.SyncMsgRequest{Limit: 2}
	for range bot.KFMessage.Sync(ctxA, again) {
		break
	}
	if again.Cursor != "" {
		t.Fatalf("cursor advanced to %q on a partly read page", again.Cursor)
	}
	for _, err := range bot.KFMessage.Sync(ctxA, &work.SyncMsgRequest{Cursor: "garbage"}) {
		wantCodeA(t, err, fakewechat.CodeWeComKFInvalidCursor)
	}
	_, err := bot.KFMessage.SyncMsg(ctxA, work.SyncMsgRequest{Limit: 1001})
	wantArgA(t, err, "limit")
}

func TestKFMessageSend(t *testing.T) {
	srv, bot, id := kfA(t)
	km := bot.KFMessage
	cust := fakewechat.WeComKFCustomer1
	_, err := km.SendText(ctxA, cust, id, "hello")
	wantCodeA(t, err, fakewechat.CodeWeComKFSendLimit) // the customer has not written
	srv.WeComKFReceive(fakewechat.DefaultCorpID, id, cust, "help")
	img := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "a.png", []byte("fake png"))
	sends := []struct {
		typ  string
		send func() (string, error)
	}{
		{"text", func() (string, error) { return km.SendText(ctxA, cust, id, "hi") }},
		{"image", func() (string, error) { return km.SendImage(ctxA, cust, id, img) }},
		{"link", func() (string, error) {
			return km.SendLink(ctxA, cust, id, work.KFLink{Title: "t", URL: "https://e.com", ThumbMediaID: img})
		}},
		{"msgmenu", func() (string, error) {
			return km.SendMenu(ctxA, cust, id, work.KFMenu{HeadContent: "Pick", List: []work.KFMenuEntry{work.KFMenuClick("101", "Yes"), work.KFMenuView("https://e.com", "Site")}})
		}},
		{"location", func() (string, error) {
			return km.SendLocation(ctxA, cust, id, work.KFLocation{Name: "HQ", Latitude: 22.5, Longitude: 113.9})
		}},
	}
	for _, c := range sends {
		msgID, err := c.send()
		if err != nil || msgID == "" {
			t.Fatalf("%s: %q %v", c.typ, msgID, err)
		}
		b := lastBodyA(t, srv, "POST /cgi-bin/kf/send_msg")
		if b["touser"] != cust || b["open_kfid"] != id || b["msgtype"] != c.typ || b[c.typ] == nil {
			t.Fatalf("%s body %v", c.typ, b)
		}
	}
	sent := srv.WeComKFSent(fakewechat.DefaultCorpID)
	if l := sent[3]["msgmenu"].(map[string]any)["list"].([]any); l[0].(map[string]any)["click"].(map[string]any)["id"] != "101" {
		t.Fatalf("menu %v", l)
	}
	_, err = km.SendText(ctxA, cust, id, "sixth")
	wantCodeA(t, err, fakewechat.CodeWeComKFSendLimit) // 5 answers per customer message
	srv.WeComKFReceive(fakewechat.DefaultCorpID, id, cust, "again")
	if _, err := km.Send(ctxA, &work.KFSendMessage{ToUser: cust, OpenKfID: id, MsgID: "mine-1", KFContent: work.KFContent{MsgType: "text", Text: &work.KFText{Content: "x"}}}); err != nil {
		t.Fatal(err)
	}
	srv.Advance(49 * time.Hour)
	_, err = km.SendText(ctxA, cust, id, "late")
	wantCodeA(t, err, fakewechat.CodeWeComKFSendLimit)
	_, err = km.SendText(ctxA, "wmnobody", id, "x")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidExternalUserID)
	_, err = km.SendImage(ctxA, cust, id, "")
	wantArgA(t, err, "media_id")
	_, err = km.SendMenu(ctxA, cust, id, work.KFMenu{})
	wantArgA(t, err, "list")
	_, err = km.SendMiniProgram(ctxA, cust, id, work.KFMiniProgram{AppID: "wx"})
	wantArgA(t, err, "thumb_media_id")
	_, err = km.Send(ctxA, &work.KFSendMessage{ToUser: cust})
	wantArgA(t, err, "open_kfid")
}

func TestKFMessageSendOnEvent(t *testing.T) {
	srv, bot, id := kfA(t)
	code := srv.WeComKFEnterSession(fakewechat.DefaultCorpID, id, fakewechat.WeComKFCustomer2, "")
	msgID, err := bot.KFMessage.SendTextOnEvent(ctxA, code, "welcome-1", "Welcome!")
	if err != nil || msgID != "welcome-1" {
		t.Fatal(msgID, err)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/kf/send_msg_on_event")
	if b["code"] != code || b["msgtype"] != "text" || b["text"].(map[string]any)["content"] != "Welcome!" || b["msgid"] != "welcome-1" {
		t.Fatalf("body %v", b)
	}
	sent := srv.WeComKFSent(fakewechat.DefaultCorpID)
	if sent[0]["touser"] != fakewechat.WeComKFCustomer2 {
		t.Fatalf("sent %v", sent)
	}
	_, err = bot.KFMessage.SendTextOnEvent(ctxA, code, "", "again")
	wantCodeA(t, err, fakewechat.CodeWeComKFInvalidMsgCode)
	code2 := srv.WeComKFEnterSession(fakewechat.DefaultCorpID, id, fakewechat.WeComKFCustomer2, "")
	if _, err := bot.KFMessage.SendMenuOnEvent(ctxA, code2, "", work.KFMenu{List: []work.KFMenuEntry{work.KFMenuClick("1", "Talk to a human")}}); err != nil {
		t.Fatal(err)
	}
	code3 := srv.WeComKFEnterSession(fakewechat.DefaultCorpID, id, fakewechat.WeComKFCustomer2, "")
	srv.Advance(21 * time.Second)
	_, err = bot.KFMessage.SendTextOnEvent(ctxA, code3, "", "too late")
	wantCodeA(t, err, fakewechat.CodeWeComKFInvalidMsgCode)
	_, err = bot.KFMessage.SendOnEvent(ctxA, "c", "", work.KFContent{MsgType: "image"})
	wantArgA(t, err, "msgtype")
	_, err = bot.KFMessage.SendTextOnEvent(ctxA, "", "", "x")
	wantArgA(t, err, "code")
}

func TestKFCustomerBatchGet(t *testing.T) {
	srv, bot := botA(t)
	res, err := bot.KFCustomer.BatchGet(ctxA, []string{fakewechat.WeComKFCustomer1, "wmghost"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.CustomerList) != 1 || res.CustomerList[0].ExternalUserID != fakewechat.WeComKFCustomer1 || res.CustomerList[0].EnterSessionContext == nil ||
		!slices.Equal(res.InvalidExternalUserID, []string{"wmghost"}) {
		t.Fatalf("customers %+v", res)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/kf/customer/batchget"); b["need_enter_session_context"] != float64(1) {
		t.Fatalf("body %v", b)
	}
	_, err = bot.KFCustomer.BatchGet(ctxA, nil, false)
	wantArgA(t, err, "external_userid_list")
}

func TestKFMessageSendMedia(t *testing.T) {
	srv, bot, id := kfA(t)
	km := bot.KFMessage
	cust := fakewechat.WeComKFCustomer2
	srv.WeComKFReceive(fakewechat.DefaultCorpID, id, cust, "send me the files")
	voice := srv.AddWeComMedia(fakewechat.DefaultCorpID, "voice", "a.amr", []byte("fake amr"))
	video := srv.AddWeComMedia(fakewechat.DefaultCorpID, "video", "a.mp4", []byte("fake mp4"))
	file := srv.AddWeComMedia(fakewechat.DefaultCorpID, "file", "a.pdf", []byte("fake pdf"))
	thumb := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "t.png", []byte("fake png"))
	sends := []struct {
		typ, media string
		send       func() (string, error)
	}{
		{"voice", voice, func() (string, error) { return km.SendVoice(ctxA, cust, id, voice) }},
		{"video", video, func() (string, error) { return km.SendVideo(ctxA, cust, id, video) }},
		{"file", file, func() (string, error) { return km.SendFile(ctxA, cust, id, file) }},
		{"miniprogram", thumb, func() (string, error) {
			return km.SendMiniProgram(ctxA, cust, id, work.KFMiniProgram{AppID: "wxapp", Title: "Shop", ThumbMediaID: thumb, PagePath: "pages/index"})
		}},
	}
	for _, c := range sends {
		if _, err := c.send(); err != nil {
			t.Fatalf("%s: %v", c.typ, err)
		}
		b := lastBodyA(t, srv, "POST /cgi-bin/kf/send_msg")
		content, _ := b[c.typ].(map[string]any)
		if b["msgtype"] != c.typ || (content["media_id"] != c.media && content["thumb_media_id"] != c.media) {
			t.Fatalf("%s body %v", c.typ, b)
		}
	}
	_, err := km.SendVideo(ctxA, cust, id, "expired")
	wantCodeA(t, err, fakewechat.CodeInvalidMediaID)
}

func TestKFMessageSyncErrorKeepsCursor(t *testing.T) {
	srv, bot, id := kfA(t)
	for i := range 4 {
		srv.WeComKFReceive(fakewechat.DefaultCorpID, id, fakewechat.WeComKFCustomer1, "m"+itoaA(int64(i)))
	}
	req := &work.SyncMsgRequest{Limit: 2}
	var got []string
	var syncErr error
	for m, err := range bot.KFMessage.Sync(ctxA, req) {
		if err != nil {
			syncErr = err
			break
		}
		got = append(got, m.Text.Content)
		if len(got) == 2 { // the next page fails
			if err := srv.Inject(fakewechat.Fault{Path: fakewechat.WeComPath("POST /cgi-bin/kf/sync_msg"), Errcode: 45009, Times: 1}); err != nil {
				t.Fatal(err)
			}
		}
	}
	wantCodeA(t, syncErr, 45009)
	if !slices.Equal(got, []string{"m0", "m1"}) || req.Cursor == "" {
		t.Fatalf("got %v cursor %q", got, req.Cursor)
	}
	got = nil
	for m, err := range bot.KFMessage.Sync(ctxA, req) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m.Text.Content)
	}
	if !slices.Equal(got, []string{"m2", "m3"}) {
		t.Fatalf("resumed with %v", got)
	}
}
