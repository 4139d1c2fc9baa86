package fakewechat

import "strings"

// schoolCodeKind prefixes the web login codes of SuiteSchoolOAuthCode.
const schoolCodeKind = "school"

// SuiteSchoolOAuthCode returns the code of a home-school suite's web login
// redirect (家校沟通 > 网页授权登录) for parent or student userID of the
// home-school address book of corpID: service/getuserinfo3rd (parents)
// and service/school/getuserinfo3rd (parents and students) take it once,
// within 5 minutes. It returns "" for an unknown suite, a corp that has not
// installed the suite (InstallSuite), or a userID that is neither a parent
// nor a student of the corp's school.
func (s *Server) SuiteSchoolOAuthCode(suiteID, corpID, userID string) string {
	if userID == "" || !s.suiteInstalledIn(suiteID, corpID) {
		return ""
	}
	sc := s.wcSchool(corpID)
	sc.mu.Lock()
	key := strings.ToLower(userID)
	known := sc.parents[key] != nil || sc.students[key] != nil
	sc.mu.Unlock()
	if !known {
		return ""
	}
	return s.suiteUserCode(schoolCodeKind, suitePrefix+suiteID, corpID, key)
}

// suiteInstalledIn reports whether suiteID is a known suite installed in
// corpID (InstallSuite, not since uninstalled).
func (s *Server) suiteInstalledIn(suiteID, corpID string) bool {
	if _, ok := s.suiteSecret(suiteID); !ok || corpID == "" {
		return false
	}
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	_, installed := w.installs[suiteID][corpID]
	return installed
}

// schoolWho is the parent or student (one nil) of a school web login code.
type schoolWho struct {
	corp    string
	parent  *wcParent
	student *wcStudent
}

// takeSchoolCode consumes a web login code of suite: member is set for a
// code of SuiteOAuthCode, who for one of SuiteSchoolOAuthCode whose user
// is still in the school. ok is false for a missing, unknown, used or
// expired code, or one over 512 bytes.
func takeSchoolCode(s *Server, r *Request, suite string, w *suiteWorld) (member suiteUserCode, who *schoolWho, ok bool) {
	code := r.Query.Get("code")
	if code == "" || len(code) > 512 {
		return member, nil, false
	}
	c, ok := w.takeCode(r.Now(), code, suitePrefix+suite)
	if !ok {
		return member, nil, false
	}
	if !strings.HasPrefix(code, schoolCodeKind+"@") {
		return c, nil, true
	}
	sc := s.wcSchool(c.corp)
	sc.mu.Lock()
	defer sc.mu.Unlock()
	who = &schoolWho{corp: c.corp, parent: sc.parents[c.user], student: sc.students[c.user]}
	return member, who, who.parent != nil || who.student != nil
}

// schoolExternalUserID is the external_userid the fake gives a parent.
func schoolExternalUserID(corp, parent string) string { return openID("wm", corp+"/"+parent) }

func registerSuiteSchoolOAuth(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/91711
	// Members (SuiteOAuthCode) and parents; students and WeChat users of
	// no corp answer 40029 (the page's answer for the latter is unread).
	s.HandleJSON(WeComPath("GET /cgi-bin/service/getuserinfo3rd"), onSuite(s, func(r *Request, suite string, _ *struct{}, w *suiteWorld) (any, error) {
		member, who, ok := takeSchoolCode(s, r, suite, w)
		switch {
		case !ok:
		case who == nil && member.corp != "":
			return OK(M{"CorpId": member.corp, "UserId": member.user, "DeviceId": "DEVICE-" + openID("", member.corp+"/"+member.user)}), nil
		case who != nil && who.parent != nil:
			ext := schoolExternalUserID(who.corp, who.parent.id)
			return OK(M{"CorpId": who.corp, "DeviceId": "DEVICE-" + openID("", who.corp+"/"+who.parent.id), "external_userid": ext,
				"parents": []M{{"corpid": who.corp, "parent_userid": who.parent.id, "external_userid": ext}}}), nil
		}
		return nil, ErrCode(CodeWeComInvalidCode)
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95790
	// Parents and students of SuiteSchoolOAuthCode only.
	s.HandleJSON(WeComPath("GET /cgi-bin/service/school/getuserinfo3rd"), onSuite(s, func(r *Request, suite string, _ *struct{}, w *suiteWorld) (any, error) {
		_, who, ok := takeSchoolCode(s, r, suite, w)
		switch {
		case !ok || who == nil:
		case who.parent != nil:
			return OK(M{"parents": []M{{"corpid": who.corp, "parent_userid": who.parent.id}}}), nil
		default:
			return OK(M{"students": []M{{"corpid": who.corp, "student_userid": who.student.id}}}), nil
		}
		return nil, ErrCode(CodeWeComInvalidCode)
	}), Public())
}

func init() { builtin = append(builtin, registerSuiteSchoolOAuth) }
