package work

import (
	"context"
	"encoding/json"

	wechat "github.com/weixin-go/wechat"
)

var (
	checkinCorpOptions = epPost("/cgi-bin/checkin/getcorpcheckinoption")
	checkinUserOptions = epPost("/cgi-bin/checkin/getcheckinoption")
	checkinData        = epPost("/cgi-bin/checkin/getcheckindata")
	checkinDayData     = epPost("/cgi-bin/checkin/getcheckin_daydata")
	checkinMonthData   = epPost("/cgi-bin/checkin/getcheckin_monthdata")
	checkinSchedules   = epPost("/cgi-bin/checkin/getcheckinschedulist")
	checkinSetSchedule = epPost("/cgi-bin/checkin/setcheckinschedulist")
	checkinCorrection  = epPost("/cgi-bin/checkin/punch_correction")
	checkinUserFace    = epPost("/cgi-bin/checkin/addcheckinuserface")
	checkinHardware    = epPost("/cgi-bin/hardware/get_hardware_checkin_data")
)

// MaxCheckinUsers is the number of userids per check-in query.
const MaxCheckinUsers = 100

// CheckinGroup is a check-in rule (打卡规则). Rules have many settings;
// the main ones are typed and the whole rule is kept in Raw.
type CheckinGroup struct {
	GroupType int    `json:"grouptype"`
	GroupID   int64  `json:"groupid"`
	GroupName string `json:"groupname"`
	// Raw is the rule as WeCom sent it.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON keeps the whole rule in Raw.
func (g *CheckinGroup) UnmarshalJSON(b []byte) error {
	type plain CheckinGroup
	if err := json.Unmarshal(b, (*plain)(g)); err != nil {
		return err
	}
	g.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// CorpOptions returns every check-in rule of the corp.
// https://developer.work.weixin.qq.com/document/path/93384
func (s *CheckinService) CorpOptions(ctx context.Context) ([]CheckinGroup, error) {
	out, err := callB[struct {
		Group []CheckinGroup `json:"group"`
	}](ctx, s.c, checkinCorpOptions, nil, struct{}{})
	if err != nil {
		return nil, err
	}
	return out.Group, nil
}

// UserCheckinOption is the rule of one member on a day.
type UserCheckinOption struct {
	UserID string       `json:"userid"`
	Group  CheckinGroup `json:"group"`
}

func checkUsers(userIDs []string) error {
	if len(userIDs) == 0 || len(userIDs) > MaxCheckinUsers {
		return paramErr("useridlist", "1 to 100 userids")
	}
	return nil
}

// UserOptions returns the rules of members on the day of datetime.
// https://developer.work.weixin.qq.com/document/path/90263
func (s *CheckinService) UserOptions(ctx context.Context, datetime int64, userIDs []string) ([]UserCheckinOption, error) {
	if err := checkUsers(userIDs); err != nil {
		return nil, err
	}
	body := struct {
		Datetime   int64    `json:"datetime"`
		UserIDList []string `json:"useridlist"`
	}{datetime, userIDs}
	out, err := callB[struct {
		Info []UserCheckinOption `json:"info"`
	}](ctx, s.c, checkinUserOptions, nil, body)
	if err != nil {
		return nil, err
	}
	return out.Info, nil
}

// Check-in record types of Records.
const (
	CheckinCommute = 1 // 上下班打卡
	CheckinOutside = 2 // 外出打卡
	CheckinAll     = 3
)

// CheckinRecord is one check-in.
type CheckinRecord struct {
	UserID         string   `json:"userid"`
	GroupName      string   `json:"groupname"`
	CheckinType    string   `json:"checkin_type"`
	ExceptionType  string   `json:"exception_type"`
	CheckinTime    int64    `json:"checkin_time"`
	LocationTitle  string   `json:"location_title"`
	LocationDetail string   `json:"location_detail"`
	WifiName       string   `json:"wifiname"`
	Notes          string   `json:"notes"`
	WifiMAC        string   `json:"wifimac"`
	MediaIDs       []string `json:"mediaids"`
	Lat            int64    `json:"lat"`
	Lng            int64    `json:"lng"`
	DeviceID       string   `json:"deviceid"`
	SchCheckinTime int64    `json:"sch_checkin_time"`
	GroupID        int64    `json:"groupid"`
	ScheduleID     int64    `json:"schedule_id"`
	TimelineID     int64    `json:"timeline_id"`
}

type checkinPeriod struct {
	StartTime  int64    `json:"starttime"`
	EndTime    int64    `json:"endtime"`
	UserIDList []string `json:"useridlist"`
}

func newPeriod(start, end int64, userIDs []string) (checkinPeriod, error) {
	if err := checkUsers(userIDs); err != nil {
		return checkinPeriod{}, err
	}
	if start <= 0 || end < start {
		return checkinPeriod{}, paramErr("starttime", "invalid period")
	}
	return checkinPeriod{start, end, userIDs}, nil
}

// Records returns the check-ins (dataType CheckinCommute, CheckinOutside
// or CheckinAll) of members in a period of at most 30 days.
// https://developer.work.weixin.qq.com/document/path/90262
func (s *CheckinService) Records(ctx context.Context, dataType int, start, end int64, userIDs []string) ([]CheckinRecord, error) {
	p, err := newPeriod(start, end, userIDs)
	if err != nil {
		return nil, err
	}
	if dataType < CheckinCommute || dataType > CheckinAll {
		return nil, paramErr("opencheckindatatype", "1, 2 or 3")
	}
	body := struct {
		Type int `json:"opencheckindatatype"`
		checkinPeriod
	}{dataType, p}
	out, err := callB[struct {
		CheckinData []CheckinRecord `json:"checkindata"`
	}](ctx, s.c, checkinData, nil, body)
	if err != nil {
		return nil, err
	}
	return out.CheckinData, nil
}

// CheckinReport is a day or month report of a member: BaseInfo and
// SummaryInfo are typed, the other sections kept raw.
type CheckinReport struct {
	BaseInfo struct {
		Date        int64  `json:"date,omitempty"`
		RecordType  int    `json:"record_type"`
		Name        string `json:"name"`
		NameEx      string `json:"name_ex"`
		DepartsName string `json:"departs_name"`
		AcctID      string `json:"acctid"`
		DayType     int    `json:"day_type,omitempty"`
		RuleInfo    struct {
			GroupID   int64  `json:"groupid"`
			GroupName string `json:"groupname"`
		} `json:"rule_info"`
	} `json:"base_info"`
	SummaryInfo struct {
		CheckinCount    int   `json:"checkin_count,omitempty"`
		RegularWorkSec  int64 `json:"regular_work_sec"`
		StandardWorkSec int64 `json:"standard_work_sec"`
		EarliestTime    int64 `json:"earliest_time,omitempty"`
		LastestTime     int64 `json:"lastest_time,omitempty"`
		WorkDays        int   `json:"work_days,omitempty"`
		ExceptDays      int   `json:"except_days,omitempty"`
	} `json:"summary_info"`
	HolidayInfos   json.RawMessage `json:"holiday_infos,omitempty"`
	ExceptionInfos json.RawMessage `json:"exception_infos,omitempty"`
	OtInfo         json.RawMessage `json:"ot_info,omitempty"`
	SpItems        json.RawMessage `json:"sp_items,omitempty"`
}

func (s *CheckinService) reports(ctx context.Context, ep wechat.Endpoint, start, end int64, userIDs []string) ([]CheckinReport, error) {
	p, err := newPeriod(start, end, userIDs)
	if err != nil {
		return nil, err
	}
	out, err := callB[struct {
		Datas []CheckinReport `json:"datas"`
	}](ctx, s.c, ep, nil, p)
	if err != nil {
		return nil, err
	}
	return out.Datas, nil
}

// DayReports returns the daily reports of members.
// https://developer.work.weixin.qq.com/document/path/96498
func (s *CheckinService) DayReports(ctx context.Context, start, end int64, userIDs []string) ([]CheckinReport, error) {
	return s.reports(ctx, checkinDayData, start, end, userIDs)
}

// MonthReports returns the monthly reports of members.
// https://developer.work.weixin.qq.com/document/path/96499
func (s *CheckinService) MonthReports(ctx context.Context, start, end int64, userIDs []string) ([]CheckinReport, error) {
	return s.reports(ctx, checkinMonthData, start, end, userIDs)
}

// CheckinScheduleDay is a member's shift on one day of the month.
type CheckinScheduleDay struct {
	Day          int `json:"day"`
	ScheduleInfo struct {
		ScheduleID   int64           `json:"schedule_id"`
		ScheduleName string          `json:"schedule_name"`
		TimeSection  json.RawMessage `json:"time_section,omitempty"`
	} `json:"schedule_info"`
}

// CheckinSchedule is a member's shifts of a month.
type CheckinSchedule struct {
	UserID    string `json:"userid"`
	YearMonth int    `json:"yearmonth"`
	GroupID   int64  `json:"groupid"`
	GroupName string `json:"groupname"`
	Schedule  struct {
		ScheduleList []CheckinScheduleDay `json:"scheduleList"`
	} `json:"schedule"`
}

// Schedules returns the shifts of members in a period.
// https://developer.work.weixin.qq.com/document/path/93380
func (s *CheckinService) Schedules(ctx context.Context, start, end int64, userIDs []string) ([]CheckinSchedule, error) {
	p, err := newPeriod(start, end, userIDs)
	if err != nil {
		return nil, err
	}
	out, err := callB[struct {
		ScheduleList []CheckinSchedule `json:"schedule_list"`
	}](ctx, s.c, checkinSchedules, nil, p)
	if err != nil {
		return nil, err
	}
	return out.ScheduleList, nil
}

// ScheduleItem sets a member's shift on a day of the month.
type ScheduleItem struct {
	UserID     string `json:"userid"`
	Day        int    `json:"day"`
	ScheduleID int64  `json:"schedule_id"`
}

// SetSchedules sets shifts of rule groupID for yearMonth (e.g. 202611).
// https://developer.work.weixin.qq.com/document/path/93385
func (s *CheckinService) SetSchedules(ctx context.Context, groupID int64, yearMonth int, items []ScheduleItem) error {
	if groupID <= 0 {
		return paramErr("groupid", "required")
	}
	if yearMonth < 190001 || yearMonth%100 < 1 || yearMonth%100 > 12 {
		return paramErr("yearmonth", "YYYYMM")
	}
	if len(items) == 0 {
		return paramErr("items", "required")
	}
	for _, it := range items {
		if it.UserID == "" || it.Day < 1 || it.Day > 31 {
			return paramErr("items", "userid and day 1 to 31 required")
		}
	}
	body := struct {
		GroupID   int64          `json:"groupid"`
		Items     []ScheduleItem `json:"items"`
		YearMonth int            `json:"yearmonth"`
	}{groupID, items, yearMonth}
	return s.c.Do(ctx, checkinSetSchedule, nil, body, nil)
}

// PunchCorrection adds a check-in for a member (补卡).
type PunchCorrection struct {
	UserID              string `json:"userid"`
	ScheduleDateTime    int64  `json:"schedule_date_time"`
	ScheduleCheckinTime int64  `json:"schedule_checkin_time,omitempty"`
	CheckinTime         int64  `json:"checkin_time"`
	Remark              string `json:"remark,omitempty"`
}

// Correct adds a check-in for a member.
// https://developer.work.weixin.qq.com/document/path/95803
func (s *CheckinService) Correct(ctx context.Context, p *PunchCorrection) error {
	if p == nil || p.UserID == "" {
		return paramErr("userid", "required")
	}
	if p.ScheduleDateTime <= 0 || p.CheckinTime <= 0 {
		return paramErr("checkin_time", "schedule_date_time and checkin_time required")
	}
	return s.c.Do(ctx, checkinCorrection, nil, p, nil)
}

// AddUserFace records a member's face photo (base64 of the image) for
// face check-in.
// https://developer.work.weixin.qq.com/document/path/93378
func (s *CheckinService) AddUserFace(ctx context.Context, userID, faceBase64 string) error {
	if err := needB("userid", userID, "userface", faceBase64); err != nil {
		return err
	}
	body := struct {
		UserID   string `json:"userid"`
		UserFace string `json:"userface"`
	}{userID, faceBase64}
	return s.c.Do(ctx, checkinUserFace, nil, body, nil)
}

// HardwareCheckin is a check-in on an attendance device.
type HardwareCheckin struct {
	UserID      string `json:"userid"`
	CheckinTime int64  `json:"checkin_time"`
	DeviceSN    string `json:"device_sn"`
	DeviceName  string `json:"device_name"`
}

// HardwareRecords returns check-ins on devices: filterType 1 by check-in
// time, 2 by upload time.
// https://developer.work.weixin.qq.com/document/path/94126
func (s *CheckinService) HardwareRecords(ctx context.Context, filterType int, start, end int64, userIDs []string) ([]HardwareCheckin, error) {
	p, err := newPeriod(start, end, userIDs)
	if err != nil {
		return nil, err
	}
	if filterType != 1 && filterType != 2 {
		return nil, paramErr("filter_type", "1 or 2")
	}
	body := struct {
		FilterType int `json:"filter_type"`
		checkinPeriod
	}{filterType, p}
	out, err := callB[struct {
		CheckinData []HardwareCheckin `json:"checkindata"`
	}](ctx, s.c, checkinHardware, nil, body)
	if err != nil {
		return nil, err
	}
	return out.CheckinData, nil
}
