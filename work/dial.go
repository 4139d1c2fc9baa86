package work

import (
	"context"

	wechat "github.com/weixin-go/wechat"
)

var dialRecords = epPost("/cgi-bin/dial/get_dial_record")

// MaxDialRecords is the largest page of public-phone call records.
const MaxDialRecords = 100

// DialParty is the caller or a callee of a call: a member (UserID) or,
// for callees outside the corp, a phone number.
type DialParty struct {
	UserID   string        `json:"userid,omitempty"`
	Phone    wechat.FlexID `json:"phone,omitempty"`
	Duration int           `json:"duration"`
}

// DialRecord is a connected public-phone call (公费电话). CallType is 1 for
// a one-to-one call, 2 for a multi-party one; TotalDuration is in minutes.
type DialRecord struct {
	CallTime      int64       `json:"call_time"`
	TotalDuration int         `json:"total_duration"`
	CallType      int         `json:"call_type"`
	Caller        DialParty   `json:"caller"`
	Callee        []DialParty `json:"callee"`
}

// Records returns one page (offset, limit: 0 or more than 100 mean 100) of the
// connected calls between start and end (Unix seconds, both included; 0
// and 0 for the last 30 days, at most 30 days apart).
// https://developer.work.weixin.qq.com/document/path/93662
func (s *DialService) Records(ctx context.Context, start, end int64, offset, limit int) ([]DialRecord, error) {
	if start < 0 || end < 0 || start > 0 && end > 0 && end < start {
		return nil, paramErr("end_time", "not before start_time")
	}
	if offset < 0 {
		return nil, paramErr("offset", "not negative")
	}
	if limit < 0 {
		return nil, paramErr("limit", "not negative")
	}
	out, err := callB[struct {
		Record []DialRecord `json:"record"`
	}](ctx, s.c, dialRecords, nil, struct {
		StartTime int64 `json:"start_time,omitempty"`
		EndTime   int64 `json:"end_time,omitempty"`
		Offset    int   `json:"offset"`
		Limit     int   `json:"limit,omitempty"`
	}{start, end, offset, limit})
	if err != nil {
		return nil, err
	}
	return out.Record, nil
}
