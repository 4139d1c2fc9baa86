package miniprogram

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	activityCreate   = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/message/wxopen/activityid/create"}
	updatableMsgSend = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/wxopen/updatablemsg/send"}
)

// Activity is a dynamic message activity (动态消息).
type Activity struct {
	ActivityID     string `json:"activity_id"`
	ExpirationTime int64  `json:"expiration_time"` // Unix seconds
}

// CreateActivityID creates the activity_id of a dynamic message, for the
// user openID or unionID (one of them) (创建 activity_id).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/updatable-message/createActivityId.html
func (s *UpdatableMessageService) CreateActivityID(ctx context.Context, openID, unionID string) (*Activity, error) {
	if openID == "" && unionID == "" {
		return nil, invalidArg("openid", "empty, and no unionid")
	}
	q := url.Values{}
	if openID != "" {
		q.Set("openid", openID)
	}
	if unionID != "" {
		q.Set("unionid", unionID)
	}
	return call[Activity](ctx, s.c, activityCreate, q, nil)
}

// UpdatableMessageParam is a parameter of a dynamic message: member_count,
// room_limit, path or version_type.
type UpdatableMessageParam struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// States of a dynamic message (Send's targetState): a message not started
// may change to either; a started one never changes again.
const (
	UpdatableMessageNotStarted = 0 // with member_count and room_limit
	UpdatableMessageStarted    = 1 // with path and version_type
)

// Send changes the state of a dynamic message: targetState 0 (not
// started, with member_count and room_limit) or 1 (started, with path and
// version_type) (修改被分享的动态消息).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/updatable-message/setUpdatableMsg.html
func (s *UpdatableMessageService) Send(ctx context.Context, activityID string, targetState int, params ...UpdatableMessageParam) error {
	if err := required("activity_id", activityID); err != nil {
		return err
	}
	var need []string
	switch targetState {
	case UpdatableMessageNotStarted:
		need = []string{"member_count", "room_limit"}
	case UpdatableMessageStarted:
		need = []string{"path", "version_type"}
	default:
		return invalidArg("target_state", "must be 0 or 1")
	}
	got := map[string]string{}
	for _, p := range params {
		got[p.Name] = p.Value
	}
	for _, name := range need {
		if _, ok := got[name]; !ok {
			return invalidArg(name, "required with target_state "+strconv.Itoa(targetState))
		}
	}
	if v, ok := got["version_type"]; ok && v != EnvRelease && v != EnvTrial && v != EnvDevelop {
		return invalidArg("version_type", "must be release, trial or develop")
	}
	body := struct {
		ActivityID   string `json:"activity_id"`
		TargetState  int    `json:"target_state"`
		TemplateInfo struct {
			ParameterList []UpdatableMessageParam `json:"parameter_list"`
		} `json:"template_info"`
	}{ActivityID: activityID, TargetState: targetState}
	body.TemplateInfo.ParameterList = append([]UpdatableMessageParam{}, params...)
	return s.c.Do(ctx, updatableMsgSend, nil, body, nil)
}

// SendNotStarted sets a dynamic message to "members are joining,
// memberCount/roomLimit" (state 0).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/updatable-message/setUpdatableMsg.html
func (s *UpdatableMessageService) SendNotStarted(ctx context.Context, activityID string, memberCount, roomLimit int) error {
	return s.Send(ctx, activityID, UpdatableMessageNotStarted,
		UpdatableMessageParam{Name: "member_count", Value: strconv.Itoa(memberCount)},
		UpdatableMessageParam{Name: "room_limit", Value: strconv.Itoa(roomLimit)})
}

// SendStarted sets a dynamic message to "started" (state 1, final): its
// "enter" button opens path (for a mini game, a query such as "?foo=bar")
// of versionType (EnvRelease, EnvTrial or EnvDevelop).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/updatable-message/setUpdatableMsg.html
func (s *UpdatableMessageService) SendStarted(ctx context.Context, activityID, path, versionType string) error {
	return s.Send(ctx, activityID, UpdatableMessageStarted,
		UpdatableMessageParam{Name: "path", Value: path}, UpdatableMessageParam{Name: "version_type", Value: versionType})
}
