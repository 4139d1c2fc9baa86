package work

import (
	"context"
	"iter"
)

var appShareInfo = epPost("/cgi-bin/corpgroup/corp/list_app_share_info")

// MaxAppSharePage is the largest page of ListShareInfo.
const MaxAppSharePage = 100

// Business types (business_type) of app sharing.
const (
	ShareCorpGroup = 0 // 企业互联 / 局校互联
	ShareUpDown    = 1 // 上下游
)

// AppShareQuery selects the corps an app of this (upper/upstream) corp is
// shared with: AgentID is the app, BusinessType a Share constant, CorpID
// (optional) one lower/downstream corp; Limit is up to 100 (0 for all at
// once).
type AppShareQuery struct {
	AgentID      int64  `json:"agentid"`
	BusinessType int    `json:"business_type"`
	CorpID       string `json:"corpid,omitempty"`
	Limit        int    `json:"limit,omitempty"`
	Cursor       string `json:"cursor,omitempty"`
}

// SharedCorp is a lower/downstream corp an app is shared with, and the
// app's agentid there.
type SharedCorp struct {
	CorpID   string `json:"corpid"`
	CorpName string `json:"corp_name"`
	AgentID  int64  `json:"agentid"`
}

// AppSharePage is one page of ListShareInfo; Ending is 1 on the last.
type AppSharePage struct {
	Ending     int          `json:"ending"`
	CorpList   []SharedCorp `json:"corp_list"`
	NextCursor string       `json:"next_cursor"`
}

// ListShareInfo returns one page of the corps an app is shared with (corps
// that must confirm a sensitive app show up once they have).
// https://developer.work.weixin.qq.com/document/path/95813
func (s *AppService) ListShareInfo(ctx context.Context, q AppShareQuery) (*AppSharePage, error) {
	if q.AgentID <= 0 {
		return nil, paramErr("agentid", "required")
	}
	if q.BusinessType != ShareCorpGroup && q.BusinessType != ShareUpDown {
		return nil, paramErr("business_type", "0 or 1")
	}
	if q.Limit < 0 || q.Limit > MaxAppSharePage {
		return nil, paramErr("limit", "at most 100")
	}
	return callB[AppSharePage](ctx, s.c, appShareInfo, nil, q)
}

// AllShareInfo iterates over every corp an app is shared with, q.Limit at a
// time (q.Cursor is where it starts).
func (s *AppService) AllShareInfo(ctx context.Context, q AppShareQuery) iter.Seq2[SharedCorp, error] {
	return cursorPagesB(ctx, q.Cursor, func(ctx context.Context, cursor string) ([]SharedCorp, string, error) {
		q.Cursor = cursor
		p, err := s.ListShareInfo(ctx, q)
		if err != nil {
			return nil, "", err
		}
		if p.Ending == 1 {
			return p.CorpList, "", nil
		}
		return p.CorpList, p.NextCursor, nil
	})
}
