package work

import "context"

var (
	userOpenIDToUserID    = epPost("/cgi-bin/batch/openuserid_to_userid")
	customerConvertTmpIDs = epPost("/cgi-bin/idconvert/convert_tmp_external_userid")
)

// Limits of the id conversions.
const (
	MaxOpenUserIDs        = 1000 // open_userids per OpenUserIDsToUserIDs call
	MaxTmpExternalUserIDs = 100  // tmp_external_userids per ConvertTmpExternalUserIDs call
)

// OpenUserIDPair is an open_userid and the userid it stands for.
type OpenUserIDPair struct {
	OpenUserID string `json:"open_userid"`
	UserID     string `json:"userid"`
}

// OpenUserIDConversion is the answer of OpenUserIDsToUserIDs.
type OpenUserIDConversion struct {
	UserIDs []OpenUserIDPair `json:"userid_list"`
	// Invalid are the open_userids that could not be converted (a plain
	// userid given as an open_userid lands here too).
	Invalid []string `json:"invalid_open_userid_list"`
}

// OpenUserIDsToUserIDs converts up to 1000 open_userids (the encrypted
// userids an agent-developed (代开发) or third-party app, or an intelligent
// robot, got) to plain userids. sourceAgentID is the agentid of the app
// that got them, 0 for a robot's. The members must be visible to this app
// (and to the source app).
// https://developer.work.weixin.qq.com/document/path/95884
// https://developer.work.weixin.qq.com/document/path/101521
func (s *UserService) OpenUserIDsToUserIDs(ctx context.Context, openUserIDs []string, sourceAgentID int64) (*OpenUserIDConversion, error) {
	if len(openUserIDs) == 0 || len(openUserIDs) > MaxOpenUserIDs {
		return nil, paramErr("open_userid_list", "1 to 1000 open_userids")
	}
	return callB[OpenUserIDConversion](ctx, s.c, userOpenIDToUserID, nil, struct {
		List          []string `json:"open_userid_list"`
		SourceAgentID int64    `json:"source_agentid,omitempty"`
	}{openUserIDs, sourceAgentID})
}

// Business types (business_type) whose tmp_external_userids
// ConvertTmpExternalUserIDs converts.
const (
	TmpIDBusinessMeeting    = 1 // 会议: meeting details
	TmpIDBusinessForm       = 2 // 收集表: form statistics and answers
	TmpIDBusinessSmartSheet = 3 // 智能表 (文档): smart sheet records
)

// Target user types (user_type) of ConvertTmpExternalUserIDs.
const (
	TmpIDUserCustomer   = 1 // 客户: a customer of a member with customer contact
	TmpIDUserCorpLink   = 2 // 企业互联: a member of a shared-app corp
	TmpIDUserUpDown     = 3 // 上下游: a member of an upstream/downstream corp
	TmpIDUserLinkedCorp = 4 // 互联企业(圈子): a member of a linked corp
)

// TmpExternalUserID is a converted tmp_external_userid: ExternalUserID
// for a customer (user type 1), CorpID and UserID for the other types.
type TmpExternalUserID struct {
	TmpExternalUserID string `json:"tmp_external_userid"`
	ExternalUserID    string `json:"external_userid,omitempty"`
	CorpID            string `json:"corpid,omitempty"`
	UserID            string `json:"userid,omitempty"`
}

// TmpExternalUserIDConversion is the answer of ConvertTmpExternalUserIDs.
type TmpExternalUserIDConversion struct {
	Results []TmpExternalUserID `json:"results"`
	Invalid []string            `json:"invalid_tmp_external_userid_list"`
}

// ConvertTmpExternalUserIDs converts up to 100 temporary external user ids
// (tmp_external_userid) this app got from a meeting, a form or a smart
// sheet (businessType, a TmpIDBusiness constant) to ids of userType (a
// TmpIDUser constant). Converting to customers needs customer-contact
// permission.
// https://developer.work.weixin.qq.com/document/path/98729
func (s *CustomerService) ConvertTmpExternalUserIDs(ctx context.Context, businessType, userType int, tmpIDs []string) (*TmpExternalUserIDConversion, error) {
	if businessType < TmpIDBusinessMeeting || businessType > TmpIDBusinessSmartSheet {
		return nil, paramErr("business_type", "1, 2 or 3")
	}
	if userType < TmpIDUserCustomer || userType > TmpIDUserLinkedCorp {
		return nil, paramErr("user_type", "1 to 4")
	}
	if len(tmpIDs) == 0 || len(tmpIDs) > MaxTmpExternalUserIDs {
		return nil, paramErr("tmp_external_userid_list", "1 to 100 ids")
	}
	return callB[TmpExternalUserIDConversion](ctx, s.c, customerConvertTmpIDs, nil, struct {
		BusinessType int      `json:"business_type"`
		UserType     int      `json:"user_type"`
		List         []string `json:"tmp_external_userid_list"`
	}{businessType, userType, tmpIDs})
}
