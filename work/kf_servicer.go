package work

import (
	"context"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	kfServicerAdd  = epPost("/cgi-bin/kf/servicer/add")
	kfServicerDel  = epPost("/cgi-bin/kf/servicer/del")
	kfServicerList = epGet("/cgi-bin/kf/servicer/list")
)

// MaxKFServicers is how many userids, and how many department ids, one
// KFServicer.Add or Delete call takes.
const MaxKFServicers = 100

// KFServicer is a servicer of a customer-service account: a member (UserID,
// an open_userid for third-party apps) or a department (DepartmentID).
// Status is 0 receiving, 1 stopped; StopType, for a stopped member, is 0
// stopped, 1 suspended.
type KFServicer struct {
	UserID       string `json:"userid,omitempty"`
	Status       int    `json:"status"`
	StopType     int    `json:"stop_type"`
	DepartmentID int64  `json:"department_id,omitempty"`
}

// KFServicerResult is the outcome of Add or Delete for one member or
// department: ErrCode 0 succeeded (ErrMsg "success", or "ignored" when there
// was nothing to do).
type KFServicerResult struct {
	UserID       string `json:"userid,omitempty"`
	DepartmentID int64  `json:"department_id,omitempty"`
	ErrCode      int    `json:"errcode"`
	ErrMsg       string `json:"errmsg"`
}

// kfServicerBody is the body of servicer/add and servicer/del.
type kfServicerBody struct {
	OpenKfID      string   `json:"open_kfid"`
	UserIDs       []string `json:"userid_list,omitempty"`
	DepartmentIDs []int64  `json:"department_id_list,omitempty"`
}

func (s *KFServicerService) change(ctx context.Context, ep wechat.Endpoint, openKfID string, userIDs []string, departmentIDs []int64) ([]KFServicerResult, error) {
	if err := needB("open_kfid", openKfID); err != nil {
		return nil, err
	}
	if len(userIDs) == 0 && len(departmentIDs) == 0 {
		return nil, paramErr("userid_list", "give at least one userid or department id")
	}
	if len(userIDs) > MaxKFServicers || len(departmentIDs) > MaxKFServicers {
		return nil, paramErr("userid_list", "at most 100 userids and 100 department ids a call")
	}
	out, err := callB[struct {
		ResultList []KFServicerResult `json:"result_list"`
	}](ctx, s.c, ep, nil, kfServicerBody{openKfID, userIDs, departmentIDs})
	if err != nil {
		return nil, err
	}
	return out.ResultList, nil
}

// Add makes members and the members of departments (at most 100 of each)
// servicers of an account and returns the result for each.
// https://developer.work.weixin.qq.com/document/path/94646
func (s *KFServicerService) Add(ctx context.Context, openKfID string, userIDs []string, departmentIDs []int64) ([]KFServicerResult, error) {
	return s.change(ctx, kfServicerAdd, openKfID, userIDs, departmentIDs)
}

// Delete removes servicers (at most 100 members and 100 departments) from
// an account and returns the result for each.
// https://developer.work.weixin.qq.com/document/path/94647
func (s *KFServicerService) Delete(ctx context.Context, openKfID string, userIDs []string, departmentIDs []int64) ([]KFServicerResult, error) {
	return s.change(ctx, kfServicerDel, openKfID, userIDs, departmentIDs)
}

// List returns the servicers of an account.
// https://developer.work.weixin.qq.com/document/path/94645
func (s *KFServicerService) List(ctx context.Context, openKfID string) ([]KFServicer, error) {
	if err := needB("open_kfid", openKfID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		ServicerList []KFServicer `json:"servicer_list"`
	}](ctx, s.c, kfServicerList, url.Values{"open_kfid": {openKfID}}, nil)
	if err != nil {
		return nil, err
	}
	return out.ServicerList, nil
}
