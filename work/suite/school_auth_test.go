package suite_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
	"github.com/weixin-go/wechat/work/suite"
)

// schoolCorp installs the default suite in corps[0] and adds student
// "stu1" and parent "par1" to its home-school address book.
func schoolCorp(t *testing.T) (*fakewechat.Server, *suite.Client) {
	t.Helper()
	ctx := context.Background()
	srv := fakewechat.NewTestServer(t)
	s := installed(t, srv, corps[0])
	ac, err := s.AgentClient(ctx, corps[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := ac.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "stu1", Name: "张三", Department: []int64{1}}); err != nil {
		t.Fatal(err)
	}
	if err := ac.School.CreateParent(ctx, &work.SchoolParent{ParentUserID: "par1", Mobile: "18000000000",
		Children: []work.SchoolChild{{StudentUserID: "stu1", Relation: "爸爸"}}}); err != nil {
		t.Fatal(err)
	}
	return srv, s
}

func TestHomeSchoolUserInfo3rd(t *testing.T) {
	ctx := context.Background()
	srv, s := schoolCorp(t)
	suiteID := fakewechat.DefaultSuiteID

	code := srv.SuiteSchoolOAuthCode(suiteID, corps[0], "par1")
	p, err := s.HomeSchoolUserInfo3rd(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	rec, ok := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/service/getuserinfo3rd"))
	if !ok || rec.Query.Get("code") != code || rec.Query.Get("suite_access_token") == "" || len(rec.Body) != 0 {
		t.Fatalf("request %+v", rec)
	}
	if p.CorpID != corps[0] || p.UserID != "" || !strings.HasPrefix(p.DeviceID, "DEVICE-") || p.ExternalUserID == "" ||
		!reflect.DeepEqual(p.Parents, []suite.SchoolParent3rd{{CorpID: corps[0], ParentUserID: "par1", ExternalUserID: p.ExternalUserID}}) {
		t.Fatalf("parent %+v", p)
	}

	// A corp member: CorpId, UserId, DeviceId.
	m, err := s.HomeSchoolUserInfo3rd(ctx, srv.SuiteOAuthCode(suiteID, corps[0], fakewechat.WeComSeedUser1))
	if err != nil || m.CorpID != corps[0] || m.UserID != fakewechat.WeComSeedUser1 || m.DeviceID == "" || len(m.Parents) != 0 {
		t.Fatalf("member %+v, %v", m, err)
	}

	var api *wechat.APIError
	if _, err := s.HomeSchoolUserInfo3rd(ctx, code); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("used code: %v", err)
	}
	// Students are answered by SchoolUserInfo3rd only.
	if _, err := s.HomeSchoolUserInfo3rd(ctx, srv.SuiteSchoolOAuthCode(suiteID, corps[0], "stu1")); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("student code: %v", err)
	}
	late := srv.SuiteSchoolOAuthCode(suiteID, corps[0], "par1")
	srv.Advance(5*time.Minute + time.Second)
	if _, err := s.HomeSchoolUserInfo3rd(ctx, late); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("expired code: %v", err)
	}
	var arg *suite.InvalidArgumentError
	if _, err := s.HomeSchoolUserInfo3rd(ctx, ""); !errors.As(err, &arg) {
		t.Fatalf("empty code: %v", err)
	}
	if _, err := s.HomeSchoolUserInfo3rd(ctx, strings.Repeat("c", 513)); !errors.As(err, &arg) {
		t.Fatalf("513-byte code: %v", err)
	}
}

func TestSchoolUserInfo3rd(t *testing.T) {
	ctx := context.Background()
	srv, s := schoolCorp(t)
	suiteID := fakewechat.DefaultSuiteID

	for _, c := range []struct {
		user string
		want suite.SchoolUserInfo3rd
	}{
		{"par1", suite.SchoolUserInfo3rd{Parents: []suite.SchoolParent3rd{{CorpID: corps[0], ParentUserID: "par1"}}}},
		{"STU1", suite.SchoolUserInfo3rd{Students: []suite.SchoolStudent3rd{{CorpID: corps[0], StudentUserID: "stu1"}}}},
	} {
		code := srv.SuiteSchoolOAuthCode(suiteID, corps[0], c.user)
		got, err := s.SchoolUserInfo3rd(ctx, code)
		if err != nil || !reflect.DeepEqual(*got, c.want) {
			t.Fatalf("%s: %+v, %v", c.user, got, err)
		}
		rec, _ := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/service/school/getuserinfo3rd"))
		if rec.Query.Get("code") != code {
			t.Fatalf("%s: query %v", c.user, rec.Query)
		}
	}

	// No code for strangers, corps without the suite, unknown suites.
	for _, c := range [][3]string{{suiteID, corps[0], "nobody"}, {suiteID, corps[1], "par1"}, {"wwunknownsuite", corps[0], "par1"}} {
		if code := srv.SuiteSchoolOAuthCode(c[0], c[1], c[2]); code != "" {
			t.Fatalf("%v: code %q", c, code)
		}
	}
	var api *wechat.APIError
	// A member's code is not a home-school user's.
	if _, err := s.SchoolUserInfo3rd(ctx, srv.SuiteOAuthCode(suiteID, corps[0], fakewechat.WeComSeedUser1)); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("member code: %v", err)
	}
	if _, err := s.SchoolUserInfo3rd(ctx, "school@unknown"); !errors.As(err, &api) || api.Code != fakewechat.CodeWeComInvalidCode {
		t.Fatalf("unknown code: %v", err)
	}
	var arg *suite.InvalidArgumentError
	if _, err := s.SchoolUserInfo3rd(ctx, ""); !errors.As(err, &arg) {
		t.Fatalf("empty code: %v", err)
	}
}
