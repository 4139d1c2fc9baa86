package oa

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	marketingSetAdd     = wechat.Endpoint{Method: http.MethodPost, Path: "/marketing/user_action_sets/add"}
	marketingSetGet     = wechat.Endpoint{Method: http.MethodGet, Path: "/marketing/user_action_sets/get"}
	marketingActionsAdd = wechat.Endpoint{Method: http.MethodPost, Path: "/marketing/user_actions/add"}
	maxUserActions      = 50
)

// marketingVersion is the API version query of the marketing endpoints.
func marketingVersion() url.Values { return url.Values{"version": {"v1.0"}} }

// User action set types.
const (
	ActionSetWeb     = "WEB"
	ActionSetAndroid = "ANDROID"
	ActionSetIOS     = "IOS"
)

// UserActionSet is a data source of advertising conversions.
type UserActionSet struct {
	ID             int64  `json:"user_action_set_id"`
	Type           string `json:"type"`
	Name           string `json:"name"`
	Description    string `json:"description,omitempty"`
	ActivateStatus bool   `json:"activate_status"`
	CreatedTime    string `json:"created_time"`
}

// AddUserActionSet creates a data source of type (ActionSetWeb...) and
// returns its id.
// https://developers.weixin.qq.com/doc/offiaccount/Marketing/User_Action_Data_Source.html
func (s *MarketingService) AddUserActionSet(ctx context.Context, typ, name, description string) (int64, error) {
	switch {
	case typ != ActionSetWeb && typ != ActionSetAndroid && typ != ActionSetIOS:
		return 0, invalidArg("type", "must be WEB, ANDROID or IOS")
	case name == "":
		return 0, invalidArg("name", "empty")
	}
	out, err := call[struct {
		Data struct {
			ID int64 `json:"user_action_set_id"`
		} `json:"data"`
	}](ctx, s.c, marketingSetAdd, marketingVersion(), struct {
		Type        string `json:"type"`
		Name        string `json:"name"`
		Description string `json:"description,omitempty"`
	}{typ, name, description})
	if err != nil {
		return 0, err
	}
	return out.Data.ID, nil
}

// UserActionSet returns a data source.
// https://developers.weixin.qq.com/doc/offiaccount/Marketing/User_Action_Data_Source.html
func (s *MarketingService) UserActionSet(ctx context.Context, id int64) (*UserActionSet, error) {
	q := url.Values{"version": {"v1.0"}, "user_action_set_id": {strconv.FormatInt(id, 10)}}
	out, err := call[struct {
		Data struct {
			List []UserActionSet `json:"list"`
		} `json:"data"`
	}](ctx, s.c, marketingSetGet, q, nil)
	if err != nil {
		return nil, err
	}
	if len(out.Data.List) == 0 {
		return nil, invalidArg("user_action_set_id", "not in the answer")
	}
	return &out.Data.List[0], nil
}

// UserAction is one conversion of a user, reported to a data source.
type UserAction struct {
	UserActionSetID int64  `json:"user_action_set_id"`
	URL             string `json:"url,omitempty"`
	ActionTime      int64  `json:"action_time"`
	// ActionType is a standard behaviour: COMPLETE_ORDER, REGISTER,
	// RESERVATION, CONSULT, PURCHASE...
	ActionType string `json:"action_type"`
	Trace      struct {
		ClickID string `json:"click_id"`
	} `json:"trace"`
	ActionParam map[string]any `json:"action_param,omitempty"`
}

// AddUserActions reports up to 50 conversions.
// https://developers.weixin.qq.com/doc/offiaccount/Marketing/Return_data_by_user_behavior.html
func (s *MarketingService) AddUserActions(ctx context.Context, actions []UserAction) error {
	if len(actions) == 0 || len(actions) > maxUserActions {
		return invalidArg("actions", "1 to 50 actions")
	}
	for _, a := range actions {
		if a.UserActionSetID == 0 || a.ActionType == "" || a.ActionTime == 0 || a.Trace.ClickID == "" {
			return invalidArg("actions", "user_action_set_id, action_time, action_type and trace.click_id are required")
		}
	}
	return s.c.Do(ctx, marketingActionsAdd, marketingVersion(), struct {
		Actions []UserAction `json:"actions"`
	}{actions}, nil)
}
