package suite

import (
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	apiDeviceAuthInfo    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/devicedata/get_auth_info"}
	apiDeviceCheckinData = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/devicedata/get_checkin_data"}
)

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

// DeviceCheckinQuery selects raw attendance records of DeviceCheckins.
type DeviceCheckinQuery struct {
	// UserType is 0 for corp members, 2 for students.
	UserType int
	// BeginTime and EndTime (unix seconds, at most a month apart) bound
	// when the devices uploaded the records.
	BeginTime, EndTime int64
	// DeviceSNs (1 to 100) selects by device; when empty, OpenUserIDs (1
	// to 100, open_userid in the app's visible range) selects by member.
	DeviceSNs   []string
	OpenUserIDs []string
}

// DeviceCheckin is a raw attendance record of a device.
type DeviceCheckin struct {
	OpenUserID  string `json:"open_userid"`
	CheckinTime int64  `json:"checkin_time"`
	DeviceSN    string `json:"device_sn"`
}

// DeviceCheckins lists the raw attendance records (获取考勤打卡原始数据)
// of the devices of corpID granted to the suite's app (AuthorizedDevices),
// of members in the app's visible range, in upload order, 500 a page. The
// app needs the attendance raw data permission; records may repeat
// (WeCom advises deduplicating them and avoiding spans across months).
// https://developer.work.weixin.qq.com/document/path/96027
func (c *Client) DeviceCheckins(ctx context.Context, corpID string, q DeviceCheckinQuery) iter.Seq2[DeviceCheckin, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, cursor string) ([]DeviceCheckin, string, error) {
		filter, err := q.check()
		if err != nil {
			return nil, "", err
		}
		ac, err := c.AgentClient(ctx, corpID)
		if err != nil {
			return nil, "", err
		}
		var out struct {
			CheckinData struct {
				Items []DeviceCheckin `json:"items"`
			} `json:"checkindata"`
			NextCursor string `json:"next_cursor"`
		}
		if err := ac.Do(ctx, apiDeviceCheckinData, nil, struct {
			UserType       int      `json:"user_type"`
			BeginTime      int64    `json:"begin_time"`
			EndTime        int64    `json:"end_time"`
			DataFilterType int      `json:"data_filter_type"`
			DeviceSNList   []string `json:"device_sn_list,omitempty"`
			OpenUserIDList []string `json:"open_userid_list,omitempty"`
			Cursor         string   `json:"cursor,omitempty"`
			Limit          int      `json:"limit"`
			AgentID        int64    `json:"agentid"`
		}{q.UserType, q.BeginTime, q.EndTime, filter, q.DeviceSNs, q.OpenUserIDs, cursor, 500, ac.Agent().ID}, &out); err != nil {
			return nil, "", err
		}
		return out.CheckinData.Items, out.NextCursor, nil
	})
}

// check validates q and returns its data_filter_type: 1 by device, 2 by
// member.
func (q *DeviceCheckinQuery) check() (int, error) {
	if q.UserType != 0 && q.UserType != 2 {
		return 0, invalidArg("user_type", "0 (members) or 2 (students)")
	}
	if q.BeginTime <= 0 || q.EndTime < q.BeginTime {
		return 0, invalidArg("end_time", "a span from begin_time on")
	}
	list, name, filter := q.DeviceSNs, "device_sn_list", 1
	if len(list) == 0 {
		list, name, filter = q.OpenUserIDs, "open_userid_list", 2
	}
	if len(list) == 0 || len(list) > 100 {
		return 0, invalidArg(name, "1 to 100 entries (device_sn_list or open_userid_list)")
	}
	return filter, nil
}
