package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleSchoolService() {
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
	grade, err := bot.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "一年级", ParentID: 1, Type: work.SchoolDeptGrade})
	if err != nil {
		log.Fatal(err)
	}
	class, err := bot.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "一年级一班", ParentID: grade, Type: work.SchoolDeptClass})
	if err != nil {
		log.Fatal(err)
	}
	_, err = bot.School.BatchCreateStudents(ctx, []work.SchoolStudent{
		{StudentUserID: "zhangsan", Name: "张三", Department: []int64{class}},
		{StudentUserID: "lisi", Name: "李四", Department: []int64{class}}})
	if err != nil {
		log.Fatal(err)
	}
	err = bot.School.CreateParent(ctx, &work.SchoolParent{ParentUserID: "zhangsan_mama", Mobile: "18000000000",
		Children: []work.SchoolChild{{StudentUserID: "zhangsan", Relation: "妈妈"}}})
	if err != nil {
		log.Fatal(err)
	}
	students, err := bot.School.ListStudents(ctx, class)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range students {
		fmt.Println(s.StudentUserID, s.Name, len(s.Parents))
	}
	// A parent signs in on the agent's web page.
	who, err := bot.School.UserInfo(ctx, srv.WeComSchoolCode(fakewechat.DefaultCorpID, "zhangsan_mama"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(who.ParentUserID)
	// Output:
	// lisi 李四 0
	// zhangsan 张三 1
	// zhangsan_mama
}
