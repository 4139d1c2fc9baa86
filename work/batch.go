package work

import (
	"context"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	batchSyncUser     = epPost("/cgi-bin/batch/syncuser")
	batchReplaceUser  = epPost("/cgi-bin/batch/replaceuser")
	batchReplaceParty = epPost("/cgi-bin/batch/replaceparty")
	batchGetResult    = epGet("/cgi-bin/batch/getresult")
)

// BatchCallback is where WeCom pushes the batch_job_result event when a
// job ends: the URL (http or https) of a callback server and its Token and
// EncodingAESKey.
type BatchCallback struct {
	URL            string `json:"url"`
	Token          string `json:"token"`
	EncodingAESKey string `json:"encodingaeskey"`
}

// BatchUserJob imports members from a CSV file (WeCom's template, uploaded
// with MaterialService.Upload as a file; departments are ids separated by
// ";"). ToInvite, when set to false, does not invite the new members
// (WeCom invites them by default).
type BatchUserJob struct {
	MediaID  string         `json:"media_id"`
	ToInvite *bool          `json:"to_invite,omitempty"`
	Callback *BatchCallback `json:"callback,omitempty"`
}

type batchPartyJob struct {
	MediaID  string         `json:"media_id"`
	Callback *BatchCallback `json:"callback,omitempty"`
}

func (s *BatchService) start(ctx context.Context, ep wechat.Endpoint, mediaID string, cb *BatchCallback, body any) (string, error) {
	if err := needB("media_id", mediaID); err != nil {
		return "", err
	}
	if cb != nil {
		if err := needB("callback.url", cb.URL); err != nil {
			return "", err
		}
	}
	return startJob(ctx, s.c, ep, body)
}

// SyncUser starts a job that adds or updates the members of the file
// (增量更新成员): members not in the file are left alone, and only the
// columns of the file change. It returns the job id, for Result.
// https://developer.work.weixin.qq.com/document/path/90980
func (s *BatchService) SyncUser(ctx context.Context, job BatchUserJob) (string, error) {
	return s.start(ctx, batchSyncUser, job.MediaID, job.Callback, job)
}

// ReplaceUser starts a job that makes the address book's members those of
// the file (全量覆盖成员): members not in the file are deleted, unless that
// would delete too many (more than 50 and more than 20% of the members, or
// fewer than 50 but more than 80%), when WeCom stops the import.
// https://developer.work.weixin.qq.com/document/path/90981
func (s *BatchService) ReplaceUser(ctx context.Context, job BatchUserJob) (string, error) {
	return s.start(ctx, batchReplaceUser, job.MediaID, job.Callback, job)
}

// ReplaceParty starts a job that makes the departments those of the CSV
// file (全量覆盖部门; columns department name, id, parent id and an
// optional order): departments not in the file are deleted once they have
// no members or sub-departments. cb may be nil.
// https://developer.work.weixin.qq.com/document/path/90982
func (s *BatchService) ReplaceParty(ctx context.Context, mediaID string, cb *BatchCallback) (string, error) {
	return s.start(ctx, batchReplaceParty, mediaID, cb, batchPartyJob{MediaID: mediaID, Callback: cb})
}

// Batch job states.
const (
	BatchJobStarted = 1
	BatchJobRunning = 2
	BatchJobDone    = 3
)

// BatchResult is the state of a job: Status is BatchJobStarted,
// BatchJobRunning or BatchJobDone; Type is sync_user, replace_user or
// replace_party; Result, set when the job is done, has one row per member
// (UserID) or department (PartyID, Action).
type BatchResult struct {
	Status     int              `json:"status"`
	Type       string           `json:"type"`
	Total      int              `json:"total"`
	Percentage int              `json:"percentage"`
	Result     []BatchRowResult `json:"result"`
}

// BatchRowResult is the outcome of one row of a job. For departments,
// Action is a bit set: 1 created, 2 renamed, 4 moved, 8 reordered.
type BatchRowResult struct {
	UserID  string `json:"userid,omitempty"`
	PartyID int64  `json:"partyid,omitempty"`
	Action  int    `json:"action,omitempty"`
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Result returns the state of a job this corp started.
// https://developer.work.weixin.qq.com/document/path/90983
func (s *BatchService) Result(ctx context.Context, jobID string) (*BatchResult, error) {
	if err := needB("jobid", jobID); err != nil {
		return nil, err
	}
	return callB[BatchResult](ctx, s.c, batchGetResult, url.Values{"jobid": {jobID}}, nil)
}
