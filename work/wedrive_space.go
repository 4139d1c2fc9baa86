package work

import "context"

var (
	spaceCreate  = epPost("/cgi-bin/wedrive/space_create")
	spaceRename  = epPost("/cgi-bin/wedrive/space_rename")
	spaceDismiss = epPost("/cgi-bin/wedrive/space_dismiss")
	spaceInfo    = epPost("/cgi-bin/wedrive/space_info")
)

// WeDrive authorities of AuthInfo.Auth.
const (
	WeDriveAuthDownload = 1 // view and download
	WeDriveAuthEdit     = 2 // view, download, edit
	WeDriveAuthView     = 4 // view only
	WeDriveAuthAdmin    = 7 // space administrator
)

// AuthInfo grants Auth to a member (Type 1, UserID) or a department (Type
// 2, DepartmentID).
type AuthInfo struct {
	Type         int    `json:"type"`
	UserID       string `json:"userid,omitempty"`
	DepartmentID int64  `json:"departmentid,omitempty"`
	Auth         int    `json:"auth,omitempty"`
}

func (a AuthInfo) check() error {
	switch {
	case a.Type == 1 && a.UserID == "":
		return paramErr("auth_info.userid", "required for type 1")
	case a.Type == 2 && a.DepartmentID == 0:
		return paramErr("auth_info.departmentid", "required for type 2")
	case a.Type != 1 && a.Type != 2:
		return paramErr("auth_info.type", "1 (member) or 2 (department)")
	}
	return nil
}

func checkAuths(auths []AuthInfo, required bool) error {
	if required && len(auths) == 0 {
		return paramErr("auth_info", "required")
	}
	for _, a := range auths {
		if err := a.check(); err != nil {
			return err
		}
	}
	return nil
}

// SpaceCreate creates a space of member UserID.
type SpaceCreate struct {
	UserID       string     `json:"userid"`
	SpaceName    string     `json:"space_name"`
	AuthInfo     []AuthInfo `json:"auth_info,omitempty"`
	SpaceSubType int        `json:"space_sub_type,omitempty"`
}

// Create creates a space and returns its id.
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceService) Create(ctx context.Context, c *SpaceCreate) (string, error) {
	if c == nil {
		return "", paramErr("userid", "required")
	}
	if err := needB("userid", c.UserID, "space_name", c.SpaceName); err != nil {
		return "", err
	}
	if err := checkAuths(c.AuthInfo, false); err != nil {
		return "", err
	}
	out, err := callB[spaceIDBody](ctx, s.c, spaceCreate, nil, c)
	if err != nil {
		return "", err
	}
	return out.SpaceID, nil
}

type spaceIDBody struct {
	UserID  string `json:"userid,omitempty"`
	SpaceID string `json:"spaceid"`
}

// Rename renames a space.
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceService) Rename(ctx context.Context, userID, spaceID, name string) error {
	if err := needB("userid", userID, "spaceid", spaceID, "space_name", name); err != nil {
		return err
	}
	body := struct {
		spaceIDBody
		SpaceName string `json:"space_name"`
	}{spaceIDBody{userID, spaceID}, name}
	return s.c.Do(ctx, spaceRename, nil, body, nil)
}

// Dismiss dissolves a space.
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceService) Dismiss(ctx context.Context, userID, spaceID string) error {
	if err := needB("userid", userID, "spaceid", spaceID); err != nil {
		return err
	}
	return s.c.Do(ctx, spaceDismiss, nil, spaceIDBody{userID, spaceID}, nil)
}

// Space is a WeDrive space and its members.
type Space struct {
	SpaceID   string `json:"spaceid"`
	SpaceName string `json:"space_name"`
	AuthList  struct {
		AuthInfo  []AuthInfo `json:"auth_info"`
		QuitSpace []AuthInfo `json:"quit_space,omitempty"`
	} `json:"auth_list"`
	SpaceSubType int `json:"space_sub_type,omitempty"`
}

func spaceInfoCall(ctx context.Context, s *service, body any) (*Space, error) {
	out, err := callB[struct {
		SpaceInfo Space `json:"space_info"`
	}](ctx, s.c, spaceInfo, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.SpaceInfo, nil
}

// Info returns a space as seen by member userID.
// https://developer.work.weixin.qq.com/document/path/93656
func (s *WeDriveSpaceService) Info(ctx context.Context, userID, spaceID string) (*Space, error) {
	if err := needB("userid", userID, "spaceid", spaceID); err != nil {
		return nil, err
	}
	return spaceInfoCall(ctx, (*service)(s), spaceIDBody{userID, spaceID})
}
