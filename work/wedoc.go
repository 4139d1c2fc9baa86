package work

import "context"

var (
	docCreate   = epPost("/cgi-bin/wedoc/create_doc")
	docRename   = epPost("/cgi-bin/wedoc/rename_doc")
	docDelete   = epPost("/cgi-bin/wedoc/del_doc")
	docBaseInfo = epPost("/cgi-bin/wedoc/get_doc_base_info")
	docShare    = epPost("/cgi-bin/wedoc/doc_share")
)

// Document types of DocCreate.DocType and DocBaseInfo.DocType.
const (
	DocTypeDoc        = 3  // document (文档)
	DocTypeSheet      = 4  // spreadsheet (表格)
	DocTypeSmartSheet = 10 // smart sheet (智能表格)
)

// MaxDocName is the longest document name WeCom keeps: longer names are
// truncated (when renaming, a non-ASCII character counts as 2).
const MaxDocName = 255

// DocCreate creates a document in a WeDrive folder (SpaceID and FatherID,
// the space id for its root) or, with neither, outside WeDrive.
type DocCreate struct {
	SpaceID    string   `json:"spaceid,omitempty"`
	FatherID   string   `json:"fatherid,omitempty"`
	DocType    int      `json:"doc_type"`
	DocName    string   `json:"doc_name"`
	AdminUsers []string `json:"admin_users,omitempty"`
}

// CreatedDoc is the answer of Create. DocID is returned only once: keep it.
type CreatedDoc struct {
	URL   string `json:"url"`
	DocID string `json:"docid"`
}

// DocRef names a document (DocID) or a collection form (FormID, 收集表):
// exactly one of them.
type DocRef struct {
	DocID  string `json:"docid,omitempty"`
	FormID string `json:"formid,omitempty"`
}

func (r DocRef) check() error {
	switch {
	case r.DocID == "" && r.FormID == "":
		return paramErr("docid", "docid or formid required")
	case r.DocID != "" && r.FormID != "":
		return paramErr("formid", "only one of docid and formid")
	}
	return nil
}

// DocBaseInfo is the base information of a document. Times are Unix seconds.
type DocBaseInfo struct {
	DocID      string `json:"docid"`
	DocName    string `json:"doc_name"`
	CreateTime int64  `json:"create_time"`
	ModifyTime int64  `json:"modify_time"`
	DocType    int    `json:"doc_type"`
}

// Create creates a document, spreadsheet or smart sheet and returns its
// link and docid.
// https://developer.work.weixin.qq.com/document/path/97460
func (s *DocService) Create(ctx context.Context, c *DocCreate) (*CreatedDoc, error) {
	if c == nil {
		return nil, paramErr("doc_type", "required")
	}
	switch c.DocType {
	case DocTypeDoc, DocTypeSheet, DocTypeSmartSheet:
	default:
		return nil, paramErr("doc_type", "3 (doc), 4 (sheet) or 10 (smart sheet)")
	}
	if c.SpaceID != "" && c.FatherID == "" {
		return nil, paramErr("fatherid", "required with spaceid")
	}
	return callB[CreatedDoc](ctx, s.c, docCreate, nil, c)
}

// Rename renames a document or collection form the agent created.
// https://developer.work.weixin.qq.com/document/path/97736
func (s *DocService) Rename(ctx context.Context, ref DocRef, newName string) error {
	if err := ref.check(); err != nil {
		return err
	}
	if err := needB("new_name", newName); err != nil {
		return err
	}
	body := struct {
		DocRef
		NewName string `json:"new_name"`
	}{ref, newName}
	return s.c.Do(ctx, docRename, nil, body, nil)
}

// Delete deletes a document or collection form the agent created.
// https://developer.work.weixin.qq.com/document/path/97735
func (s *DocService) Delete(ctx context.Context, ref DocRef) error {
	if err := ref.check(); err != nil {
		return err
	}
	return s.c.Do(ctx, docDelete, nil, ref, nil)
}

// BaseInfo returns the base information of a document.
// https://developer.work.weixin.qq.com/document/path/97734
func (s *DocService) BaseInfo(ctx context.Context, docID string) (*DocBaseInfo, error) {
	if err := needB("docid", docID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		DocBaseInfo DocBaseInfo `json:"doc_base_info"`
	}](ctx, s.c, docBaseInfo, nil, DocRef{DocID: docID})
	if err != nil {
		return nil, err
	}
	return &out.DocBaseInfo, nil
}

// Share returns the share link of a document or collection form the agent
// created.
// https://developer.work.weixin.qq.com/document/path/97733
func (s *DocService) Share(ctx context.Context, ref DocRef) (string, error) {
	if err := ref.check(); err != nil {
		return "", err
	}
	out, err := callB[struct {
		ShareURL string `json:"share_url"`
	}](ctx, s.c, docShare, nil, ref)
	if err != nil {
		return "", err
	}
	return out.ShareURL, nil
}

var (
	docGetAuth     = epPost("/cgi-bin/wedoc/doc_get_auth")
	docModJoinRule = epPost("/cgi-bin/wedoc/mod_doc_join_rule")
	docModMember   = epPost("/cgi-bin/wedoc/mod_doc_member")
)

// Document permissions of DocMember.Auth, DocCoAuth.Auth and the
// DocAccessRule auths. Read-write is available for smart sheets only.
const (
	DocAuthRead  = 1 // read only
	DocAuthWrite = 2 // read and write
	DocAuthAdmin = 7 // administrator (DocMember only)
)

// MaxDocMembers is the most members SetMembers takes in each list.
const MaxDocMembers = 100

// DocAccessRule is a document's view rule (查看规则).
type DocAccessRule struct {
	EnableCorpInternal             bool `json:"enable_corp_internal"`
	CorpInternalAuth               int  `json:"corp_internal_auth"`
	EnableCorpExternal             bool `json:"enable_corp_external"`
	CorpExternalAuth               int  `json:"corp_external_auth"`
	CorpInternalApproveOnlyByAdmin bool `json:"corp_internal_approve_only_by_admin"`
	CorpExternalApproveOnlyByAdmin bool `json:"corp_external_approve_only_by_admin"`
	BanShareExternal               bool `json:"ban_share_external"`
}

// DocMember is a member of a document's notification range (通知范围):
// Type 1 (a user), UserID for a member of the corp or TmpExternalUserID
// for an outside user (the id differs from document to document).
type DocMember struct {
	Type              int    `json:"type"`
	UserID            string `json:"userid,omitempty"`
	TmpExternalUserID string `json:"tmp_external_userid,omitempty"`
	Auth              int    `json:"auth,omitempty"`
}

// DocCoAuth grants Auth to a department (Type 2, the only type).
type DocCoAuth struct {
	Type         int   `json:"type"`
	DepartmentID int64 `json:"departmentid"`
	Auth         int   `json:"auth"`
}

// DocAuth is a document's view rule, notification range, departments and
// security settings.
type DocAuth struct {
	AccessRule    DocAccessRule `json:"access_rule"`
	SecureSetting struct {
		EnableReadonlyCopy bool `json:"enable_readonly_copy"`
		Watermark          struct {
			MarginType      int    `json:"margin_type"`
			ShowVisitorName bool   `json:"show_visitor_name"`
			ShowText        bool   `json:"show_text"`
			Text            string `json:"text"`
		} `json:"watermark"`
		EnableReadonlyComment bool `json:"enable_readonly_comment"`
	} `json:"secure_setting"`
	DocMemberList []DocMember `json:"doc_member_list"`
	CoAuthList    []DocCoAuth `json:"co_auth_list"`
}

// Auth returns a document's permissions.
// https://developer.work.weixin.qq.com/document/path/97465
func (s *DocService) Auth(ctx context.Context, docID string) (*DocAuth, error) {
	if err := needB("docid", docID); err != nil {
		return nil, err
	}
	return callB[DocAuth](ctx, s.c, docGetAuth, nil, DocRef{DocID: docID})
}

// DocJoinRule changes a document's view rule: nil fields and zero auths
// are left as they are. With UpdateCoAuthList, CoAuthList replaces the
// departments (empty clears them).
type DocJoinRule struct {
	EnableCorpInternal             *bool       `json:"enable_corp_internal,omitempty"`
	CorpInternalAuth               int         `json:"corp_internal_auth,omitempty"`
	EnableCorpExternal             *bool       `json:"enable_corp_external,omitempty"`
	CorpExternalAuth               int         `json:"corp_external_auth,omitempty"`
	CorpInternalApproveOnlyByAdmin *bool       `json:"corp_internal_approve_only_by_admin,omitempty"`
	CorpExternalApproveOnlyByAdmin *bool       `json:"corp_external_approve_only_by_admin,omitempty"`
	BanShareExternal               *bool       `json:"ban_share_external,omitempty"`
	UpdateCoAuthList               bool        `json:"update_co_auth_list,omitempty"`
	CoAuthList                     []DocCoAuth `json:"-"`
}

func checkDocAuth(name string, auth int, zeroOK bool) error {
	if auth == DocAuthRead || auth == DocAuthWrite || zeroOK && auth == 0 {
		return nil
	}
	return paramErr(name, "1 (read) or 2 (read-write)")
}

func (r *DocJoinRule) check() error {
	if r == nil {
		return paramErr("rule", "required")
	}
	if err := checkDocAuth("corp_internal_auth", r.CorpInternalAuth, true); err != nil {
		return err
	}
	if err := checkDocAuth("corp_external_auth", r.CorpExternalAuth, true); err != nil {
		return err
	}
	if r.EnableCorpInternal != nil && !*r.EnableCorpInternal && r.CorpInternalApproveOnlyByAdmin != nil && !*r.CorpInternalApproveOnlyByAdmin {
		return paramErr("corp_internal_approve_only_by_admin", "must be true when enable_corp_internal is false")
	}
	if r.EnableCorpExternal != nil && !*r.EnableCorpExternal && r.BanShareExternal != nil && !*r.BanShareExternal &&
		r.CorpExternalApproveOnlyByAdmin != nil && !*r.CorpExternalApproveOnlyByAdmin {
		return paramErr("corp_external_approve_only_by_admin", "must be true when enable_corp_external and ban_share_external are false")
	}
	for _, c := range r.CoAuthList {
		if c.Type != 2 || c.DepartmentID == 0 {
			return paramErr("co_auth_list", "type 2 and a departmentid")
		}
		if err := checkDocAuth("co_auth_list.auth", c.Auth, false); err != nil {
			return err
		}
	}
	return nil
}

// SetJoinRule changes a document's view rule.
// https://developer.work.weixin.qq.com/document/path/97804
func (s *DocService) SetJoinRule(ctx context.Context, docID string, r *DocJoinRule) error {
	if err := needB("docid", docID); err != nil {
		return err
	}
	if err := r.check(); err != nil {
		return err
	}
	var list *[]DocCoAuth
	if r.UpdateCoAuthList {
		l := append([]DocCoAuth{}, r.CoAuthList...)
		list = &l
	}
	body := struct {
		DocID string `json:"docid"`
		*DocJoinRule
		CoAuthList *[]DocCoAuth `json:"co_auth_list,omitempty"`
	}{docID, r, list}
	return s.c.Do(ctx, docModJoinRule, nil, body, nil)
}

func checkDocMembers(name string, ms []DocMember, auth bool) error {
	if len(ms) > MaxDocMembers {
		return paramErr(name, "at most 100")
	}
	for _, m := range ms {
		switch {
		case m.Type != 1:
			return paramErr(name+".type", "1 (user)")
		case (m.UserID == "") == (m.TmpExternalUserID == ""):
			return paramErr(name+".userid", "one of userid and tmp_external_userid")
		case auth && m.Auth != DocAuthRead && m.Auth != DocAuthWrite && m.Auth != DocAuthAdmin:
			return paramErr(name+".auth", "1 (read), 2 (read-write) or 7 (admin)")
		}
	}
	return nil
}

// SetMembers changes a document's notification range: it adds update's
// members or changes their Auth, and removes del's (Auth unused).
// https://developer.work.weixin.qq.com/document/path/97781
func (s *DocService) SetMembers(ctx context.Context, docID string, update, del []DocMember) error {
	if err := needB("docid", docID); err != nil {
		return err
	}
	if err := checkDocMembers("update_file_member_list", update, true); err != nil {
		return err
	}
	if err := checkDocMembers("del_file_member_list", del, false); err != nil {
		return err
	}
	if del != nil {
		del = append([]DocMember{}, del...)
		for i := range del {
			del[i].Auth = 0 // del_file_member_list carries no auth
		}
	}
	body := struct {
		DocID  string      `json:"docid"`
		Update []DocMember `json:"update_file_member_list,omitempty"`
		Del    []DocMember `json:"del_file_member_list,omitempty"`
	}{docID, update, del}
	return s.c.Do(ctx, docModMember, nil, body, nil)
}
