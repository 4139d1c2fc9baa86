package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleSchoolService_CreateDepartment() {
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
	grade, err := bot.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "二年级", ParentID: 1, Type: work.SchoolDeptGrade})
	if err != nil {
		log.Fatal(err)
	}
	class, err := bot.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "二年级一班", ParentID: grade, Type: work.SchoolDeptClass,
		DepartmentAdmins: []work.SchoolDeptAdmin{{UserID: "zhangsan", Type: work.SchoolAdminClassTeacher, Subject: "语文"}}})
	if err != nil {
		log.Fatal(err)
	}
	err = bot.School.UpdateDepartment(ctx, &work.SchoolDepartmentUpdate{ID: class, Name: "二年级三班",
		DepartmentAdmins: []work.SchoolDeptAdmin{{UserID: "lisi", Type: work.SchoolAdminTeacher, Subject: "数学"}}})
	if err != nil {
		log.Fatal(err)
	}
	depts, err := bot.School.ListDepartments(ctx, grade)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range depts {
		fmt.Println(d.Name, d.Type, len(d.DepartmentAdmins))
	}
	// Output:
	// 二年级 2 0
	// 二年级三班 1 2
}
