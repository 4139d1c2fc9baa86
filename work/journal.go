package work

import (
	"context"
	"encoding/json"
	"iter"
)

var (
	journalList     = epPost("/cgi-bin/oa/journal/get_record_list")
	journalDetail   = epPost("/cgi-bin/oa/journal/get_record_detail")
	journalStats    = epPost("/cgi-bin/oa/journal/get_stat_list")
	journalExport   = epPost("/cgi-bin/oa/journal/export_doc")
	journalDownload = epPost("/cgi-bin/oa/journal/download_wedrive_file")
)

// JournalQuery selects reports by time (at most a month).
type JournalQuery struct {
	StartTime int64      `json:"starttime"`
	EndTime   int64      `json:"endtime"`
	Cursor    int        `json:"cursor"`
	Limit     int        `json:"limit"`
	Filters   []KeyValue `json:"filters,omitempty"`
}

// JournalPage is one page of report ids; EndFlag 1 marks the last page.
type JournalPage struct {
	JournalUUIDs []string `json:"journaluuid_list"`
	NextCursor   int      `json:"next_cursor"`
	EndFlag      int      `json:"endflag"`
}

// Records returns one page (Limit up to 100) of report ids.
// https://developer.work.weixin.qq.com/document/path/93393
func (s *JournalService) Records(ctx context.Context, q *JournalQuery) (*JournalPage, error) {
	if q == nil || q.StartTime <= 0 || q.EndTime < q.StartTime {
		return nil, paramErr("starttime", "invalid period")
	}
	if q.Limit < 1 || q.Limit > 100 {
		return nil, paramErr("limit", "1 to 100")
	}
	return callB[JournalPage](ctx, s.c, journalList, nil, q)
}

// All iterates over the report ids of q.
func (s *JournalService) All(ctx context.Context, q JournalQuery) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		for {
			p, err := s.Records(ctx, &q)
			if err != nil {
				yield("", err)
				return
			}
			for _, id := range p.JournalUUIDs {
				if !yield(id, nil) {
					return
				}
			}
			if p.EndFlag == 1 || len(p.JournalUUIDs) == 0 || p.NextCursor <= q.Cursor {
				return
			}
			q.Cursor = p.NextCursor
		}
	}
}

// Journal is a report (汇报).
type Journal struct {
	JournalUUID  string `json:"journal_uuid"`
	TemplateName string `json:"template_name"`
	ReportTime   int64  `json:"report_time"`
	Submitter    struct {
		UserID string `json:"userid"`
	} `json:"submitter"`
	Receivers []struct {
		UserID string `json:"userid"`
	} `json:"receivers"`
	ReadedReceivers []struct {
		UserID string `json:"userid"`
	} `json:"readed_receivers"`
	ApplyData struct {
		Contents []ApprovalContent `json:"contents"`
	} `json:"apply_data"`
	Comments json.RawMessage `json:"comments,omitempty"`
}

type journalUUIDBody struct {
	JournalUUID string `json:"journaluuid"`
}

// Detail returns a report.
// https://developer.work.weixin.qq.com/document/path/93394
func (s *JournalService) Detail(ctx context.Context, journalUUID string) (*Journal, error) {
	if err := needB("journaluuid", journalUUID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		Info Journal `json:"info"`
	}](ctx, s.c, journalDetail, nil, journalUUIDBody{journalUUID})
	if err != nil {
		return nil, err
	}
	return &out.Info, nil
}

// JournalStat is the statistics of a report template over a period.
type JournalStat struct {
	StatID         string          `json:"stat_id"`
	TemplateID     string          `json:"template_id"`
	TemplateName   string          `json:"template_name"`
	ReportRange    json.RawMessage `json:"report_range,omitempty"`
	WhiteRange     json.RawMessage `json:"white_range,omitempty"`
	Receivers      json.RawMessage `json:"receivers,omitempty"`
	CycleBeginTime int64           `json:"cycle_begin_time"`
	CycleEndTime   int64           `json:"cycle_end_time"`
	StatBeginTime  int64           `json:"stat_begin_time"`
	StatEndTime    int64           `json:"stat_end_time"`
	ReportList     json.RawMessage `json:"report_list,omitempty"`
	UnreportList   json.RawMessage `json:"unreport_list,omitempty"`
	ReportType     int             `json:"report_type"`
}

// Stats returns the statistics of a report template in a period.
// https://developer.work.weixin.qq.com/document/path/93395
func (s *JournalService) Stats(ctx context.Context, templateID string, start, end int64) ([]JournalStat, error) {
	if err := needB("template_id", templateID); err != nil {
		return nil, err
	}
	if start <= 0 || end < start {
		return nil, paramErr("starttime", "invalid period")
	}
	body := struct {
		TemplateID string `json:"template_id"`
		StartTime  int64  `json:"starttime"`
		EndTime    int64  `json:"endtime"`
	}{templateID, start, end}
	out, err := callB[struct {
		StatList []JournalStat `json:"stat_list"`
	}](ctx, s.c, journalStats, nil, body)
	if err != nil {
		return nil, err
	}
	return out.StatList, nil
}

// JournalFile is where to fetch a file of a report: GET DownloadURL with
// the cookie CookieName=CookieValue.
type JournalFile struct {
	URL         string `json:"url,omitempty"`
	DownloadURL string `json:"download_url,omitempty"`
	CookieName  string `json:"cookie_name,omitempty"`
	CookieValue string `json:"cookie_value,omitempty"`
}

// ExportDoc exports a document of a report and returns where to fetch it.
// https://developer.work.weixin.qq.com/document/path/93393
func (s *JournalService) ExportDoc(ctx context.Context, journalUUID, docID string) (*JournalFile, error) {
	if err := needB("journaluuid", journalUUID, "docid", docID); err != nil {
		return nil, err
	}
	body := struct {
		JournalUUID string `json:"journaluuid"`
		DocID       string `json:"docid"`
	}{journalUUID, docID}
	return callB[JournalFile](ctx, s.c, journalExport, nil, body)
}

// WeDriveFile returns where to download a WeDrive file attached to a report.
// https://developer.work.weixin.qq.com/document/path/93393
func (s *JournalService) WeDriveFile(ctx context.Context, journalUUID, fileID string) (*JournalFile, error) {
	if err := needB("journaluuid", journalUUID, "fileid", fileID); err != nil {
		return nil, err
	}
	body := struct {
		JournalUUID string `json:"journaluuid"`
		FileID      string `json:"fileid"`
	}{journalUUID, fileID}
	return callB[JournalFile](ctx, s.c, journalDownload, nil, body)
}
