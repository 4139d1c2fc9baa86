package work

import "context"

var (
	spaceACLAdd  = epPost("/cgi-bin/wedrive/space_acl_add")
	spaceACLDel  = epPost("/cgi-bin/wedrive/space_acl_del")
	spaceSetting = epPost("/cgi-bin/wedrive/space_setting")
	spaceShare   = epPost("/cgi-bin/wedrive/space_share")
	spaceNewInfo = epPost("/cgi-bin/wedrive/new_space_info")
)

type spaceACLBody struct {
	UserID   string     `json:"userid"`
	SpaceID  string     `json:"spaceid"`
	AuthInfo []AuthInfo `json:"auth_info"`
}

func (s *WeDriveSpaceACLService) acl(ctx context.Context, add bool, userID, spaceID string, auths []AuthInfo) error {
	if err := needB("userid", userID, "spaceid", spaceID); err != nil {
		return err
	}
	if err := checkAuths(auths, true); err != nil {
		return err
	}
	ep := spaceACLDel
	if add {
		ep = spaceACLAdd
	}
	return s.c.Do(ctx, ep, nil, spaceACLBody{userID, spaceID, auths}, nil)
}

// Add adds members or departments to a space.
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceACLService) Add(ctx context.Context, userID, spaceID string, auths ...AuthInfo) error {
	return s.acl(ctx, true, userID, spaceID, auths)
}

// Remove removes members or departments from a space.
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceACLService) Remove(ctx context.Context, userID, spaceID string, auths ...AuthInfo) error {
	return s.acl(ctx, false, userID, spaceID, auths)
}

// SpaceSettings are the security settings of a space; nil fields are left
// as they are.
type SpaceSettings struct {
	EnableWatermark              *bool `json:"enable_watermark,omitempty"`
	AddMemberOnlyAdmin           *bool `json:"add_member_only_admin,omitempty"`
	EnableShareURL               *bool `json:"enable_share_url,omitempty"`
	ShareURLNoApprove            *bool `json:"share_url_no_approve,omitempty"`
	ShareURLNoApproveDefaultAuth int   `json:"share_url_no_approve_default_auth,omitempty"`
}

// Setting changes the security settings of a space.
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceACLService) Setting(ctx context.Context, userID, spaceID string, set *SpaceSettings) error {
	if err := needB("userid", userID, "spaceid", spaceID); err != nil {
		return err
	}
	if set == nil {
		return paramErr("settings", "required")
	}
	body := struct {
		spaceIDBody
		*SpaceSettings
	}{spaceIDBody{userID, spaceID}, set}
	return s.c.Do(ctx, spaceSetting, nil, body, nil)
}

// Share returns the invitation link of a space.
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceACLService) Share(ctx context.Context, userID, spaceID string) (string, error) {
	if err := needB("userid", userID, "spaceid", spaceID); err != nil {
		return "", err
	}
	out, err := callB[struct {
		URL string `json:"space_share_url"`
	}](ctx, s.c, spaceShare, nil, spaceIDBody{userID, spaceID})
	if err != nil {
		return "", err
	}
	return out.URL, nil
}

// Info returns a space and its members (new_space_info, without userid).
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceACLService) Info(ctx context.Context, spaceID string) (*Space, error) {
	if err := needB("spaceid", spaceID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		SpaceInfo Space `json:"space_info"`
	}](ctx, s.c, spaceNewInfo, nil, spaceIDBody{SpaceID: spaceID})
	if err != nil {
		return nil, err
	}
	return &out.SpaceInfo, nil
}
