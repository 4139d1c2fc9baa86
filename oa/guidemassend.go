package oa

import (
	"context"

	wechat "github.com/weixin-go/wechat"
)

// GuideMassMaterial is one item of a guide mass message: Type 1 text (Word),
// 3 image (MediaID), 5 mini program card (Title, AppID, Path, MediaID).
type GuideMassMaterial struct {
	Type    int    `json:"type"`
	Word    string `json:"word,omitempty"`
	MediaID string `json:"media_id,omitempty"`
	Title   string `json:"title,omitempty"`
	Path    string `json:"path,omitempty"`
	AppID   string `json:"appid,omitempty"`
	PicURL  string `json:"picurl,omitempty"`
}

// GuideMassJob is a scheduled mass message of a guide.
type GuideMassJob struct {
	TaskID     wechat.FlexID       `json:"task_id,omitempty"`
	TaskName   string              `json:"task_name"`
	TaskRemark string              `json:"task_remark,omitempty"`
	PushTime   int64               `json:"push_time"`
	OpenIDs    []string            `json:"openid,omitempty"`
	Material   []GuideMassMaterial `json:"material,omitempty"`
	// TaskStatus is 1 scheduled, 2 cancelled, 3 sent, 4 failed (answers).
	TaskStatus int   `json:"task_status,omitempty"`
	CreateTime int64 `json:"create_time,omitempty"`
	UpdateTime int64 `json:"update_time,omitempty"`
	GuideRef
}

func checkMassJob(j *GuideMassJob) error {
	switch {
	case j.TaskName == "":
		return invalidArg("task_name", "empty")
	case j.PushTime <= 0:
		return invalidArg("push_time", "not set")
	case len(j.OpenIDs) == 0 || len(j.OpenIDs) > MaxGuideBuyers:
		return invalidArg("openid", "1 to 200 buyers")
	case len(j.Material) == 0 || len(j.Material) > 3:
		return invalidArg("material", "1 to 3 items")
	}
	return nil
}

// AddGuideMassJob schedules a mass message of a guide and returns its tasks.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/task-account/shopping-guide.addGuideMassendJob.html
func (s *GuideService) AddGuideMassJob(ctx context.Context, job *GuideMassJob) ([]GuideMassJob, error) {
	if err := checkMassJob(job); err != nil {
		return nil, err
	}
	out, err := guideDo[struct {
		Result []GuideMassJob `json:"task_result"`
	}](ctx, s, "/cgi-bin/guide/addguidemassendjob", &job.GuideRef, job)
	if err != nil {
		return nil, err
	}
	return out.Result, nil
}

// GuideMassJobPage is one page of the mass messages of a guide.
type GuideMassJobPage struct {
	TotalNum int            `json:"total_num"`
	List     []GuideMassJob `json:"list"`
}

// GuideMassJobs returns limit (1..100) mass messages of a guide from offset,
// of the statuses given (every status when empty).
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/task-account/shopping-guide.getGuideMassendJobList.html
func (s *GuideService) GuideMassJobs(ctx context.Context, ref GuideRef, offset, limit int, statuses ...int) (*GuideMassJobPage, error) {
	if err := checkGuidePage(offset, limit); err != nil {
		return nil, err
	}
	return guideDo[GuideMassJobPage](ctx, s, "/cgi-bin/guide/getguidemassendjoblist", &ref, struct {
		GuideRef
		TaskStatus []int `json:"task_status,omitempty"`
		Offset     int   `json:"offset"`
		Limit      int   `json:"limit"`
	}{ref, statuses, offset, limit})
}

// GuideMassJob returns one mass message.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/task-account/shopping-guide.getGuideMassendJob.html
func (s *GuideService) GuideMassJob(ctx context.Context, taskID wechat.FlexID) (*GuideMassJob, error) {
	out, err := guideDo[struct {
		Job GuideMassJob `json:"job"`
	}](ctx, s, "/cgi-bin/guide/getguidemassendjob", nil, map[string]wechat.FlexID{"task_id": taskID})
	if err != nil {
		return nil, err
	}
	return &out.Job, nil
}

// UpdateGuideMassJob changes a scheduled mass message (job.TaskID).
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/task-account/shopping-guide.updateGuideMassendJob.html
func (s *GuideService) UpdateGuideMassJob(ctx context.Context, job *GuideMassJob) error {
	if job.TaskID == "" {
		return invalidArg("task_id", "empty")
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/updateguidemassendjob", nil, job)
	return err
}

// CancelGuideMassJob cancels a scheduled mass message.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/task-account/shopping-guide.cancelGuideMassendJob.html
func (s *GuideService) CancelGuideMassJob(ctx context.Context, taskID wechat.FlexID) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/cancelguidemassendjob", nil, map[string]wechat.FlexID{"task_id": taskID})
	return err
}
