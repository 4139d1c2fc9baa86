package work

import (
	"context"
	"encoding/json"
	"iter"
)

var (
	approvalTemplate = epPost("/cgi-bin/oa/gettemplatedetail")
	approvalApply    = epPost("/cgi-bin/oa/applyevent")
	approvalList     = epPost("/cgi-bin/oa/getapprovalinfo")
	approvalDetail   = epPost("/cgi-bin/oa/getapprovaldetail")
)

// LangText is a text in one language ("zh_CN", "en").
type LangText struct {
	Text string `json:"text"`
	Lang string `json:"lang"`
}

// ApprovalControl is one control of an approval template.
type ApprovalControl struct {
	Property struct {
		Control     string     `json:"control"`
		ID          string     `json:"id"`
		Title       []LangText `json:"title"`
		Placeholder []LangText `json:"placeholder,omitempty"`
		Require     int        `json:"require"`
		UnPrint     int        `json:"un_print"`
	} `json:"property"`
	// Config is the control's configuration, whose shape depends on Control.
	Config json.RawMessage `json:"config,omitempty"`
}

// ApprovalTemplate is an approval template's names and controls.
type ApprovalTemplate struct {
	TemplateNames   []LangText `json:"template_names"`
	TemplateContent struct {
		Controls []ApprovalControl `json:"controls"`
	} `json:"template_content"`
}

// TemplateDetail returns an approval template.
// https://developer.work.weixin.qq.com/document/path/91982
func (s *ApprovalService) TemplateDetail(ctx context.Context, templateID string) (*ApprovalTemplate, error) {
	if err := needB("template_id", templateID); err != nil {
		return nil, err
	}
	return callB[ApprovalTemplate](ctx, s.c, approvalTemplate, nil, templateIDBody{templateID})
}

// ApprovalContent is the value of one control of an application; Value's
// shape depends on Control (e.g. {"text":"..."}).
type ApprovalContent struct {
	Control string          `json:"control"`
	ID      string          `json:"id"`
	Title   []LangText      `json:"title,omitempty"`
	Value   json.RawMessage `json:"value"`
}

// ApprovalApprover is one approval step: Attr 1 any one approves, 2 all must.
type ApprovalApprover struct {
	Attr   int      `json:"attr"`
	UserID []string `json:"userid"`
}

// ApprovalApplication is a new approval (applyevent).
type ApprovalApplication struct {
	CreatorUserID       string             `json:"creator_userid"`
	TemplateID          string             `json:"template_id"`
	UseTemplateApprover int                `json:"use_template_approver"`
	ChooseDepartment    int64              `json:"choose_department,omitempty"`
	Approver            []ApprovalApprover `json:"approver,omitempty"`
	Notifyer            []string           `json:"notifyer,omitempty"`
	NotifyType          int                `json:"notify_type,omitempty"`
	ApplyData           struct {
		Contents []ApprovalContent `json:"contents"`
	} `json:"apply_data"`
	SummaryList []struct {
		SummaryInfo []LangText `json:"summary_info"`
	} `json:"summary_list"`
}

// Apply submits an approval application and returns its number (sp_no).
// https://developer.work.weixin.qq.com/document/path/91853
func (s *ApprovalService) Apply(ctx context.Context, a *ApprovalApplication) (string, error) {
	if a == nil {
		return "", paramErr("creator_userid", "required")
	}
	if err := needB("creator_userid", a.CreatorUserID, "template_id", a.TemplateID); err != nil {
		return "", err
	}
	if a.UseTemplateApprover == 0 && len(a.Approver) == 0 {
		return "", paramErr("approver", "approvers required unless use_template_approver is 1")
	}
	out, err := callB[struct {
		SpNo string `json:"sp_no"`
	}](ctx, s.c, approvalApply, nil, a)
	if err != nil {
		return "", err
	}
	return out.SpNo, nil
}

// KeyValue is a filter of a list query.
type KeyValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// ApprovalQuery selects approvals by submission time (at most 31 days).
type ApprovalQuery struct {
	StartTime int64      `json:"starttime"`
	EndTime   int64      `json:"endtime"`
	NewCursor string     `json:"new_cursor"`
	Size      int        `json:"size"`
	Filters   []KeyValue `json:"filters,omitempty"`
}

// ApprovalPage is one page of approval numbers.
type ApprovalPage struct {
	SpNoList      []string `json:"sp_no_list"`
	NewNextCursor string   `json:"new_next_cursor"`
}

// List returns one page (Size up to 100) of approval numbers.
// https://developer.work.weixin.qq.com/document/path/91816
func (s *ApprovalService) List(ctx context.Context, q *ApprovalQuery) (*ApprovalPage, error) {
	if q == nil || q.StartTime <= 0 || q.EndTime < q.StartTime {
		return nil, paramErr("starttime", "invalid period")
	}
	if q.Size < 1 || q.Size > 100 {
		return nil, paramErr("size", "1 to 100")
	}
	return callB[ApprovalPage](ctx, s.c, approvalList, nil, q)
}

// All iterates over the approval numbers of q.
func (s *ApprovalService) All(ctx context.Context, q ApprovalQuery) iter.Seq2[string, error] {
	return cursorPagesB(ctx, q.NewCursor, func(ctx context.Context, cursor string) ([]string, string, error) {
		q.NewCursor = cursor
		p, err := s.List(ctx, &q)
		if err != nil {
			return nil, "", err
		}
		return p.SpNoList, p.NewNextCursor, nil
	})
}

// ApprovalDetail is an approval: SpStatus 1 pending, 2 approved, 3
// rejected, 4 withdrawn.
type ApprovalDetail struct {
	SpNo       string `json:"sp_no"`
	SpName     string `json:"sp_name"`
	SpStatus   int    `json:"sp_status"`
	TemplateID string `json:"template_id"`
	ApplyTime  int64  `json:"apply_time"`
	Applyer    struct {
		UserID  string `json:"userid"`
		PartyID string `json:"partyid"`
	} `json:"applyer"`
	SpRecord []struct {
		SpStatus     int `json:"sp_status"`
		ApproverAttr int `json:"approverattr"`
		Details      []struct {
			Approver struct {
				UserID string `json:"userid"`
			} `json:"approver"`
			Speech   string `json:"speech"`
			SpStatus int    `json:"sp_status"`
			SpTime   int64  `json:"sptime"`
		} `json:"details"`
	} `json:"sp_record"`
	Notifyer []struct {
		UserID string `json:"userid"`
	} `json:"notifyer"`
	ApplyData struct {
		Contents []ApprovalContent `json:"contents"`
	} `json:"apply_data"`
	Comments json.RawMessage `json:"comments,omitempty"`
}

// Detail returns an approval.
// https://developer.work.weixin.qq.com/document/path/91983
func (s *ApprovalService) Detail(ctx context.Context, spNo string) (*ApprovalDetail, error) {
	if err := needB("sp_no", spNo); err != nil {
		return nil, err
	}
	body := struct {
		SpNo string `json:"sp_no"`
	}{spNo}
	out, err := callB[struct {
		Info ApprovalDetail `json:"info"`
	}](ctx, s.c, approvalDetail, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Info, nil
}
