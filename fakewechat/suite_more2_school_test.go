package fakewechat

import (
	"net/url"
	"reflect"
	"testing"
)

func TestSuiteSchoolOAuthRawAnswers(t *testing.T) {
	s := newFixed(t)
	const corp = "wwschoolcorp00001"
	tok := call(t, s, "POST", WeComPrefix+"/cgi-bin/service/get_suite_token",
		M{"suite_id": DefaultSuiteID, "suite_secret": DefaultSuiteSecret, "suite_ticket": s.PushSuiteTicket(DefaultSuiteID)}).str("suite_access_token")
	if tok == "" {
		t.Fatal("no suite_access_token")
	}
	if code := s.SuiteSchoolOAuthCode(DefaultSuiteID, corp, "Par1"); code != "" {
		t.Fatalf("code before install: %q", code)
	}
	s.InstallSuite(DefaultSuiteID, corp)
	sc := s.wcSchool(corp)
	sc.mu.Lock()
	sc.parents["par1"] = &wcParent{id: "Par1"}
	sc.students["stu1"] = &wcStudent{id: "Stu1", name: "张三", depts: []int64{1}}
	sc.mu.Unlock()

	get := func(path, code, token string) answer {
		return call(t, s, "GET", WeComPrefix+path+"?"+url.Values{"suite_access_token": {token}, "code": {code}}.Encode(), nil)
	}
	a := get("/cgi-bin/service/getuserinfo3rd", s.SuiteSchoolOAuthCode(DefaultSuiteID, corp, "PAR1"), tok)
	ext := schoolExternalUserID(corp, "Par1")
	want := map[string]any{"errcode": 0.0, "errmsg": "ok", "CorpId": corp, "DeviceId": "DEVICE-" + openID("", corp+"/Par1"),
		"external_userid": ext, "parents": []any{map[string]any{"corpid": corp, "parent_userid": "Par1", "external_userid": ext}}}
	if !reflect.DeepEqual(a.m, want) {
		t.Fatalf("parent answer %s", a.raw)
	}
	a = get("/cgi-bin/service/school/getuserinfo3rd", s.SuiteSchoolOAuthCode(DefaultSuiteID, corp, "stu1"), tok)
	want = map[string]any{"errcode": 0.0, "errmsg": "ok", "students": []any{map[string]any{"corpid": corp, "student_userid": "Stu1"}}}
	if !reflect.DeepEqual(a.m, want) {
		t.Fatalf("student answer %s", a.raw)
	}

	// A WeChat user of no corp, a student on the older path, an unknown
	// token, a parent removed after the code was issued.
	wantErr(t, get("/cgi-bin/service/getuserinfo3rd", s.SuiteOAuthCodeNonMember(DefaultSuiteID, "wx1"), tok), CodeWeComInvalidCode, "")
	wantErr(t, get("/cgi-bin/service/getuserinfo3rd", s.SuiteSchoolOAuthCode(DefaultSuiteID, corp, "stu1"), tok), CodeWeComInvalidCode, "")
	code := s.SuiteSchoolOAuthCode(DefaultSuiteID, corp, "par1")
	wantErr(t, get("/cgi-bin/service/school/getuserinfo3rd", code, "nope"), CodeSuiteTokenInvalid, "")
	sc.mu.Lock()
	delete(sc.parents, "par1")
	sc.mu.Unlock()
	wantErr(t, get("/cgi-bin/service/school/getuserinfo3rd", code, tok), CodeWeComInvalidCode, "")
	wantErr(t, get("/cgi-bin/service/school/getuserinfo3rd", "", tok), CodeWeComInvalidCode, "")
}
