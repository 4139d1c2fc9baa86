package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleDocService() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	bot, _ := corp.Agent("bot")
	ctx := context.Background()
	doc, err := bot.Doc.Create(ctx, &work.DocCreate{DocType: work.DocTypeSheet, DocName: "Budget", AdminUsers: []string{"zhangsan"}})
	if err != nil {
		log.Fatal(err)
	}
	// The docid comes back only once: keep it.
	ref := work.DocRef{DocID: doc.DocID}
	if err := bot.Doc.Rename(ctx, ref, "Budget 2027"); err != nil {
		log.Fatal(err)
	}
	info, err := bot.Doc.BaseInfo(ctx, doc.DocID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.DocName, info.DocType == work.DocTypeSheet)
	if _, err := bot.Doc.Share(ctx, ref); err != nil {
		log.Fatal(err)
	}
	if err := bot.Doc.Delete(ctx, ref); err != nil {
		log.Fatal(err)
	}
	_, err = bot.Doc.BaseInfo(ctx, doc.DocID)
	fmt.Println(err != nil)
	// Output:
	// Budget 2027 true
	// true
}

func ExampleDocService_SetMembers() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	bot, _ := corp.Agent("bot")
	ctx := context.Background()
	doc, err := bot.Doc.Create(ctx, &work.DocCreate{DocType: work.DocTypeSmartSheet, DocName: "Tasks", AdminUsers: []string{"zhangsan"}})
	if err != nil {
		log.Fatal(err)
	}
	// lisi may edit the smart sheet; outsiders may not join through links.
	if err := bot.Doc.SetMembers(ctx, doc.DocID, []work.DocMember{{Type: 1, UserID: "lisi", Auth: work.DocAuthWrite}}, nil); err != nil {
		log.Fatal(err)
	}
	off := false
	if err := bot.Doc.SetJoinRule(ctx, doc.DocID, &work.DocJoinRule{EnableCorpExternal: &off}); err != nil {
		log.Fatal(err)
	}
	auth, err := bot.Doc.Auth(ctx, doc.DocID)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range auth.DocMemberList {
		fmt.Println(m.UserID, m.Auth)
	}
	fmt.Println(auth.AccessRule.EnableCorpExternal)
	// Output:
	// zhangsan 7
	// lisi 2
	// false
}
