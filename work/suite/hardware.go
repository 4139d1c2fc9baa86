package suite

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var apiDeviceAuthInfo = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/devicedata/get_auth_info"}

// Abilities of an AuthorizedDevice (device_ability, added together).
const (
	DeviceAbilityCheckin     = 1 // attendance (考勤)
	DeviceAbilityAccess      = 2 // door access (门禁)
	DeviceAbilityTemperature = 4 // temperature measuring (测温)
)

// AuthorizedDevice is a hardware device (智慧硬件) whose raw data a corp
// let the suite read.
type AuthorizedDevice struct {
	DeviceSN    string `json:"device_sn"`
	RemarkName  string `json:"remark_name"`  // set by the corp
	DefaultName string `json:"default_name"` // factory name
	ModelName   string `json:"model_name"`   // factory model
	// DeviceType 1 is an attendance or door-access device.
	DeviceType int `json:"device_type"`
	// DeviceAbility adds DeviceAbilityCheckin, DeviceAbilityAccess and
	// DeviceAbilityTemperature.
	DeviceAbility int `json:"device_ability"`
}

// AuthorizedDevices lists the hardware devices of corpID whose data
// (attendance, door access, temperature records) the corp authorized the
// suite's app to read (获取硬件授权结果), with the suite's corp token and
// app id. The app needs the device data permission (设备接口信息权限), the
// corp must have installed both the device and the app and granted the
// device's raw data to the app.
// https://developer.work.weixin.qq.com/document/path/96097
func (c *Client) AuthorizedDevices(ctx context.Context, corpID string) ([]AuthorizedDevice, error) {
	ac, err := c.AgentClient(ctx, corpID)
	if err != nil {
		return nil, err
	}
	var out struct {
		DeviceList struct {
			Item []AuthorizedDevice `json:"item"`
		} `json:"device_list"`
	}
	if err := ac.Do(ctx, apiDeviceAuthInfo, nil, struct {
		AgentID int64 `json:"agentid"`
	}{ac.Agent().ID}, &out); err != nil {
		return nil, err
	}
	return out.DeviceList.Item, nil
}
