package suite_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
	"github.com/weixin-go/wechat/work/suite"
)

func ExampleClient_SchoolUserInfo3rd() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	s, err := suite.New(suite.Config{SuiteID: fakewechat.DefaultSuiteID, SuiteSecret: fakewechat.DefaultSuiteSecret},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	// WeCom pushes the suite_ticket, then a school installs the suite.
	if err := s.SaveTicket(ctx, srv.PushSuiteTicket(fakewechat.DefaultSuiteID)); err != nil {
		log.Fatal(err)
	}
	const school = "wwschoolexample01"
	if _, err := s.PermanentCodeV2(ctx, srv.InstallSuite(fakewechat.DefaultSuiteID, school)); err != nil {
		log.Fatal(err)
	}
	// The school's home-school address book has a student and a parent.
	corp, err := s.AgentClient(ctx, school)
	if err != nil {
		log.Fatal(err)
	}
	if err := corp.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "xiaoming", Name: "小明", Department: []int64{1}}); err != nil {
		log.Fatal(err)
	}
	if err := corp.School.CreateParent(ctx, &work.SchoolParent{ParentUserID: "xiaoming_dad", Mobile: "18000000000",
		Children: []work.SchoolChild{{StudentUserID: "xiaoming", Relation: "爸爸"}}}); err != nil {
		log.Fatal(err)
	}
	// The codes WeCom appends to the suite's redirect URL after login.
	who, err := s.SchoolUserInfo3rd(ctx, srv.SuiteSchoolOAuthCode(fakewechat.DefaultSuiteID, school, "xiaoming_dad"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range who.Parents {
		fmt.Println("parent", p.CorpID, p.ParentUserID)
	}
	old, err := s.HomeSchoolUserInfo3rd(ctx, srv.SuiteSchoolOAuthCode(fakewechat.DefaultSuiteID, school, "xiaoming_dad"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(old.CorpID, len(old.Parents), old.ExternalUserID == old.Parents[0].ExternalUserID)
	// Output:
	// parent wwschoolexample01 xiaoming_dad
	// wwschoolexample01 1 true
}
