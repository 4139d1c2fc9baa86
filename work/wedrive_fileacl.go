package work

import "context"

var (
	fileACLAdd        = epPost("/cgi-bin/wedrive/file_acl_add")
	fileACLDel        = epPost("/cgi-bin/wedrive/file_acl_del")
	fileSetting       = epPost("/cgi-bin/wedrive/file_setting")
	fileShare         = epPost("/cgi-bin/wedrive/file_share")
	filePermission    = epPost("/cgi-bin/wedrive/get_file_permission")
	fileSecureSetting = epPost("/cgi-bin/wedrive/file_secure_setting")
)

type fileACLBody struct {
	UserID   string     `json:"userid"`
	FileID   string     `json:"fileid"`
	AuthInfo []AuthInfo `json:"auth_info"`
}

func (s *WeDriveFileACLService) acl(ctx context.Context, add bool, userID, fileID string, auths []AuthInfo) error {
	if err := needB("userid", userID, "fileid", fileID); err != nil {
		return err
	}
	if err := checkAuths(auths, true); err != nil {
		return err
	}
	ep := fileACLDel
	if add {
		ep = fileACLAdd
	}
	return s.c.Do(ctx, ep, nil, fileACLBody{userID, fileID, auths}, nil)
}

// Add grants members or departments access to a file.
// https://developer.work.weixin.qq.com/document/path/93658
func (s *WeDriveFileACLService) Add(ctx context.Context, userID, fileID string, auths ...AuthInfo) error {
	return s.acl(ctx, true, userID, fileID, auths)
}

// Remove revokes access to a file.
// https://developer.work.weixin.qq.com/document/path/93658
func (s *WeDriveFileACLService) Remove(ctx context.Context, userID, fileID string, auths ...AuthInfo) error {
	return s.acl(ctx, false, userID, fileID, auths)
}

// File share scopes of Setting.
const (
	FileScopeSpace    = 1 // members of the space only
	FileScopeCorp     = 2 // the corp
	FileScopeExternal = 3 // the corp and outside
)

// Setting sets who may open a file's link: authScope FileScope*, auth the
// authority given (WeDriveAuth*, 0 for WeCom's default).
// https://developer.work.weixin.qq.com/document/path/93658
func (s *WeDriveFileACLService) Setting(ctx context.Context, userID, fileID string, authScope, auth int) error {
	if err := needB("userid", userID, "fileid", fileID); err != nil {
		return err
	}
	if authScope < FileScopeSpace || authScope > FileScopeExternal {
		return paramErr("auth_scope", "1, 2 or 3")
	}
	body := struct {
		UserID    string `json:"userid"`
		FileID    string `json:"fileid"`
		AuthScope int    `json:"auth_scope"`
		Auth      int    `json:"auth,omitempty"`
	}{userID, fileID, authScope, auth}
	return s.c.Do(ctx, fileSetting, nil, body, nil)
}

// Share returns the share link of a file.
// https://developer.work.weixin.qq.com/document/path/93658
func (s *WeDriveFileACLService) Share(ctx context.Context, userID, fileID string) (string, error) {
	if err := needB("userid", userID, "fileid", fileID); err != nil {
		return "", err
	}
	out, err := callB[struct {
		ShareURL string `json:"share_url"`
	}](ctx, s.c, fileShare, nil, fileUserBody{userID, fileID})
	if err != nil {
		return "", err
	}
	return out.ShareURL, nil
}

// Watermark is the watermark of a file: MarginType 1 sparse, 2 dense.
type Watermark struct {
	Text            string `json:"text,omitempty"`
	MarginType      int    `json:"margin_type,omitempty"`
	ShowVisitorName bool   `json:"show_visitor_name"`
	ShowText        bool   `json:"show_text"`
}

// FilePermission is who may access a file and how.
type FilePermission struct {
	ShareRange struct {
		EnableCorpInternal bool `json:"enable_corp_internal"`
		CorpInternalAuth   int  `json:"corp_internal_auth"`
		EnableCorpExternal bool `json:"enable_corp_external"`
		CorpExternalAuth   int  `json:"corp_external_auth"`
	} `json:"share_range"`
	SecureSetting struct {
		EnableReadonlyCopy bool       `json:"enable_readonly_copy"`
		Watermark          *Watermark `json:"watermark,omitempty"`
	} `json:"secure_setting"`
	InheritFatherAuth struct {
		AuthList []AuthInfo `json:"auth_list"`
		Inherit  bool       `json:"inherit"`
	} `json:"inherit_father_auth"`
	FileMemberList []AuthInfo `json:"file_member_list"`
}

// Permission returns the permissions of a file.
// https://developer.work.weixin.qq.com/document/path/97883
func (s *WeDriveFileACLService) Permission(ctx context.Context, fileID string) (*FilePermission, error) {
	if err := needB("fileid", fileID); err != nil {
		return nil, err
	}
	body := struct {
		FileID string `json:"fileid"`
	}{fileID}
	return callB[FilePermission](ctx, s.c, filePermission, nil, body)
}

// SecureSetting sets the watermark of a file (nil removes nothing and only
// validates the file).
// https://developer.work.weixin.qq.com/document/path/97885
func (s *WeDriveFileACLService) SecureSetting(ctx context.Context, fileID string, wm *Watermark) error {
	if err := needB("fileid", fileID); err != nil {
		return err
	}
	if wm != nil && wm.MarginType != 0 && wm.MarginType != 1 && wm.MarginType != 2 {
		return paramErr("watermark.margin_type", "1 or 2")
	}
	body := struct {
		FileID    string     `json:"fileid"`
		Watermark *Watermark `json:"watermark,omitempty"`
	}{fileID, wm}
	return s.c.Do(ctx, fileSecureSetting, nil, body, nil)
}
