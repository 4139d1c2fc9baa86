package suite

import (
	"context"
	"net/http"
	"net/url"
)

var (
	apiHomeSchoolUserInfo3rd = suiteEP(http.MethodGet, "/cgi-bin/service/getuserinfo3rd")
	apiSchoolUserInfo3rd     = suiteEP(http.MethodGet, "/cgi-bin/service/school/getuserinfo3rd")
)

// SchoolParent3rd is a school of a parent: the parent's parent_userid in
// the school's home-school address book and, in the answer of
// HomeSchoolUserInfo3rd, the parent's external_userid.
type SchoolParent3rd struct {
	CorpID         string `json:"corpid"`
	ParentUserID   string `json:"parent_userid"`
	ExternalUserID string `json:"external_userid"`
}

// SchoolStudent3rd is a school of a student: the student's student_userid
// in the school's home-school address book.
type SchoolStudent3rd struct {
	CorpID        string `json:"corpid"`
	StudentUserID string `json:"student_userid"`
}

// HomeSchoolUserInfo3rd is the answer of /cgi-bin/service/getuserinfo3rd:
// for a member of a corp CorpID, UserID and DeviceId; for a parent of
// schools DeviceID and Parents (CorpID and ExternalUserID repeat the first
// school, for older callers).
type HomeSchoolUserInfo3rd struct {
	CorpID string `json:"CorpId"`
	UserID string `json:"UserId"`
	// DeviceID is the phone's device id (random at installation of WeCom).
	DeviceID       string            `json:"DeviceId"`
	ExternalUserID string            `json:"external_userid"`
	Parents        []SchoolParent3rd `json:"parents"`
}

// HomeSchoolUserInfo3rd identifies the user of a code (at most 512 bytes,
// used once, valid 5 minutes) of a home-school (家校沟通) suite's web login
// redirect: a corp member or a parent. This is the older
// /cgi-bin/service/getuserinfo3rd documented under 家校沟通 > 网页授权登录
// (its answer has capitalised keys); a suite's ordinary web login uses
// UserInfo3rd (/cgi-bin/service/auth/getuserinfo3rd), and
// SchoolUserInfo3rd also tells students. The answer for a user of no corp
// is not decoded: its documented keys were not readable.
// https://developer.work.weixin.qq.com/document/path/91711
func (c *Client) HomeSchoolUserInfo3rd(ctx context.Context, code string) (*HomeSchoolUserInfo3rd, error) {
	if err := checkCode(code); err != nil {
		return nil, err
	}
	return call[HomeSchoolUserInfo3rd](ctx, c.core, apiHomeSchoolUserInfo3rd, url.Values{"code": {code}}, nil)
}

// SchoolUserInfo3rd is the answer of /cgi-bin/service/school/getuserinfo3rd:
// Parents for a parent, Students for a student, one entry per school.
type SchoolUserInfo3rd struct {
	Parents  []SchoolParent3rd  `json:"parents"`
	Students []SchoolStudent3rd `json:"students"`
}

// SchoolUserInfo3rd identifies the parent or student of a code (at most
// 512 bytes, used once, valid 5 minutes) of a home-school suite's web
// login redirect (获取家校访问用户身份).
// https://developer.work.weixin.qq.com/document/path/95790
func (c *Client) SchoolUserInfo3rd(ctx context.Context, code string) (*SchoolUserInfo3rd, error) {
	if err := checkCode(code); err != nil {
		return nil, err
	}
	return call[SchoolUserInfo3rd](ctx, c.core, apiSchoolUserInfo3rd, url.Values{"code": {code}}, nil)
}

// checkCode checks a web login code: required, at most 512 bytes.
func checkCode(code string) error {
	if err := require("code", code); err != nil {
		return err
	}
	if len(code) > 512 {
		return invalidArg("code", "at most 512 bytes")
	}
	return nil
}
