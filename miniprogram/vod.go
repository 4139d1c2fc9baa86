package miniprogram

import (
	"context"
	"io"
	"iter"
	"net/http"
	"strconv"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	vodSingleUpload = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/singlefileupload"}
	vodPullUpload   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/pullupload"}
	vodGetTask      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/gettask"}
	vodApplyUpload  = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/applyupload"}
	vodUploadPart   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/uploadpart"}
	vodCommitUpload = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/commitupload"}
	vodListMedia    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/listmedia"}
	vodGetMedia     = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getmedia"}
	vodGetMediaLink = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getmedialink"}
	vodDeleteMedia  = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/deletemedia"}
	vodAuditDrama   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/auditdrama"}
	vodListDramas   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/listdramas"}
	vodGetDrama     = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getdrama"}
	vodCDNUsage     = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getcdnusagedata"}
	vodCDNLogs      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getcdnlogs"}
)

// MaxVODPage is the largest page of the media and drama lists.
const MaxVODPage = 100

// MaxDramaDescription is the most characters of a drama's description.
const MaxDramaDescription = 200

// VODUpload names a video to upload: MediaName as "剧目名 - 第 1 集",
// MediaType its format (MP4, TS, MOV...), CoverType the cover's (JPG, PNG...).
type VODUpload struct {
	MediaName     string `json:"media_name"`
	MediaType     string `json:"media_type"`
	CoverType     string `json:"cover_type,omitempty"`
	SourceContext string `json:"source_context,omitempty"` // echoed in the upload event
}

// UploadSingleFile uploads a video (at most 10 MB; larger ones use
// ApplyUpload, which also takes a cover) streamed from media (单个文件上传).
// It returns the media_id.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) UploadSingleFile(ctx context.Context, in VODUpload, media io.Reader) (int64, error) {
	if err := required("media_name", in.MediaName, "media_type", in.MediaType); err != nil {
		return 0, err
	}
	fields := map[string]string{"media_name": in.MediaName, "media_type": in.MediaType}
	if in.SourceContext != "" {
		fields["source_context"] = in.SourceContext
	}
	var out struct {
		MediaID int64 `json:"media_id"`
	}
	err := s.c.Upload(ctx, vodSingleUpload, nil, wechat.UploadFile{Field: "media_data", Filename: "media." + in.MediaType, Content: media}, fields, &out)
	return out.MediaID, err
}

// PullUpload has WeChat fetch a video (and cover) from URLs (拉取上传); it
// returns the task id for GetTask.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) PullUpload(ctx context.Context, mediaName, mediaURL, coverURL, sourceContext string) (int64, error) {
	if err := required("media_name", mediaName, "media_url", mediaURL); err != nil {
		return 0, err
	}
	body := struct {
		MediaName     string `json:"media_name"`
		MediaURL      string `json:"media_url"`
		CoverURL      string `json:"cover_url,omitempty"`
		SourceContext string `json:"source_context,omitempty"`
	}{mediaName, mediaURL, coverURL, sourceContext}
	out, err := call[struct {
		TaskID int64 `json:"task_id"`
	}](ctx, s.c, vodPullUpload, nil, body)
	if err != nil {
		return 0, err
	}
	return out.TaskID, nil
}

// VODTask is a pull-upload task.
type VODTask struct {
	ID         int64  `json:"id"`
	TaskType   int    `json:"task_type"`
	Status     int    `json:"status"` // 1 waiting, 2 running, 3 done, 4 failed
	ErrCode    int    `json:"errcode"`
	ErrMsg     string `json:"errmsg"`
	CreateTime int64  `json:"create_time"`
	FinishTime int64  `json:"finish_time"`
	MediaID    int64  `json:"media_id"`
}

// GetTask returns a pull-upload task (查询任务).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) GetTask(ctx context.Context, taskID int64) (*VODTask, error) {
	if taskID <= 0 {
		return nil, invalidArg("task_id", "must be positive")
	}
	out, err := call[struct {
		TaskInfo VODTask `json:"task_info"`
	}](ctx, s.c, vodGetTask, nil, map[string]int64{"task_id": taskID})
	if err != nil {
		return nil, err
	}
	return &out.TaskInfo, nil
}

// ApplyUpload starts a chunked upload (申请分片上传) and returns its upload_id.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) ApplyUpload(ctx context.Context, in VODUpload) (string, error) {
	if err := required("media_name", in.MediaName, "media_type", in.MediaType); err != nil {
		return "", err
	}
	out, err := call[struct {
		UploadID string `json:"upload_id"`
	}](ctx, s.c, vodApplyUpload, nil, in)
	if err != nil {
		return "", err
	}
	return out.UploadID, nil
}

// VOD part resource types.
const (
	VODPartVideo = 1
	VODPartCover = 2
)

// VODPart is an uploaded part, for CommitUpload.
type VODPart struct {
	PartNumber int    `json:"part_number"`
	ETag       string `json:"etag"`
}

// UploadPart streams part partNumber (1-100; every part but the last at
// least 5 MB) of the video (VODPartVideo) or cover (上传分片).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) UploadPart(ctx context.Context, uploadID string, partNumber, resourceType int, data io.Reader) (VODPart, error) {
	if err := required("upload_id", uploadID); err != nil {
		return VODPart{}, err
	}
	if partNumber < 1 || partNumber > 100 {
		return VODPart{}, invalidArg("part_number", "must be 1-100")
	}
	if resourceType != VODPartVideo && resourceType != VODPartCover {
		return VODPart{}, invalidArg("resource_type", "must be 1 or 2")
	}
	fields := map[string]string{"upload_id": uploadID, "part_number": strconv.Itoa(partNumber), "resource_type": strconv.Itoa(resourceType)}
	var out struct {
		ETag string `json:"etag"`
	}
	err := s.c.Upload(ctx, vodUploadPart, nil, wechat.UploadFile{Field: "data", Filename: "part" + strconv.Itoa(partNumber), Content: data}, fields, &out)
	return VODPart{PartNumber: partNumber, ETag: out.ETag}, err
}

// CommitUpload finishes a chunked upload (确认上传) and returns the media_id.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) CommitUpload(ctx context.Context, uploadID string, mediaParts, coverParts []VODPart) (int64, error) {
	if err := required("upload_id", uploadID); err != nil {
		return 0, err
	}
	if len(mediaParts) == 0 {
		return 0, invalidArg("media_part_infos", "empty")
	}
	body := struct {
		UploadID       string    `json:"upload_id"`
		MediaPartInfos []VODPart `json:"media_part_infos"`
		CoverPartInfos []VODPart `json:"cover_part_infos,omitempty"`
	}{uploadID, mediaParts, coverParts}
	out, err := call[struct {
		MediaID int64 `json:"media_id"`
	}](ctx, s.c, vodCommitUpload, nil, body)
	if err != nil {
		return 0, err
	}
	return out.MediaID, nil
}

// VODAudit is the review of a media or drama.
type VODAudit struct {
	Status                 int      `json:"status"` // 1 reviewing, 2 rejected, 3 approved, 4 to refill
	CreateTime             int64    `json:"create_time"`
	AuditTime              int64    `json:"audit_time"`
	Reason                 string   `json:"reason"`
	EvidenceMaterialIDList []string `json:"evidence_material_id_list"`
}

// VODMedia is an uploaded video.
type VODMedia struct {
	MediaID     int64     `json:"media_id"`
	CreateTime  int64     `json:"create_time"`
	ExpireTime  int64     `json:"expire_time"`
	DramaID     int64     `json:"drama_id"`
	FileSize    int64     `json:"file_size"`
	Duration    int64     `json:"duration"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	CoverURL    string    `json:"cover_url"`
	OriginalURL string    `json:"original_url"`
	MP4URL      string    `json:"mp4_url"`
	HLSURL      string    `json:"hls_url"`
	AuditDetail *VODAudit `json:"audit_detail"`
}

// VODMediaQuery filters ListMedia.
type VODMediaQuery struct {
	DramaID   int64  `json:"drama_id,omitempty"`
	MediaName string `json:"media_name,omitempty"`
	StartTime int64  `json:"start_time,omitempty"`
	EndTime   int64  `json:"end_time,omitempty"`
	Limit     int    `json:"limit,omitempty"` // at most 100
	Offset    int    `json:"offset,omitempty"`
}

// ListMedia returns one page of media (获取媒资列表).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) ListMedia(ctx context.Context, q VODMediaQuery) ([]VODMedia, error) {
	if q.Limit < 0 || q.Limit > MaxVODPage || q.Offset < 0 {
		return nil, invalidArg("limit", "must be 0-100, with a non-negative offset")
	}
	out, err := call[struct {
		List []VODMedia `json:"media_info_list"`
	}](ctx, s.c, vodListMedia, nil, q)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// Media iterates over the media matching q from q.Offset on, by pages of
// q.Limit (100 when 0). The first error is yielded and ends the iteration.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) Media(ctx context.Context, q VODMediaQuery) iter.Seq2[VODMedia, error] {
	if q.Limit == 0 {
		q.Limit = MaxVODPage
	}
	return pages(func(offset int) ([]VODMedia, error) { q.Offset = offset; return s.ListMedia(ctx, q) }, q.Offset, q.Limit)
}

// pages iterates over offset-paged lists: a short page is the last.
func pages[T any](fetch func(offset int) ([]T, error), offset, limit int) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for {
			list, err := fetch(offset)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, v := range list {
				if !yield(v, nil) {
					return
				}
			}
			if len(list) < limit {
				return
			}
			offset += len(list)
		}
	}
}

// GetMedia returns a media (获取媒资详细信息).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) GetMedia(ctx context.Context, mediaID int64) (*VODMedia, error) {
	if mediaID <= 0 {
		return nil, invalidArg("media_id", "must be positive")
	}
	out, err := call[struct {
		MediaInfo VODMedia `json:"media_info"`
	}](ctx, s.c, vodGetMedia, nil, map[string]int64{"media_id": mediaID})
	if err != nil {
		return nil, err
	}
	return &out.MediaInfo, nil
}

// MediaLinkOptions are the options of a playback link.
type MediaLinkOptions struct {
	US     string `json:"us,omitempty"`
	Exper  int    `json:"exper,omitempty"`  // preview seconds, at most the video length
	RLimit int    `json:"rlimit,omitempty"` // at most 9 IPs
	WHref  string `json:"whref,omitempty"`
	BkRef  string `json:"bkref,omitempty"`
}

// MediaLink is a temporary playback link.
type MediaLink struct {
	MediaID     int64  `json:"media_id"`
	Duration    int64  `json:"duration"`
	Name        string `json:"name"`
	Description string `json:"description"`
	CoverURL    string `json:"cover_url"`
	MP4URL      string `json:"mp4_url"`
	HLSURL      string `json:"hls_url"`
}

// GetMediaLink returns playback links valid until expire (Unix seconds, at
// most 2 hours ahead) (获取媒资播放链接); the drama must be approved.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) GetMediaLink(ctx context.Context, mediaID, expire int64, opt MediaLinkOptions) (*MediaLink, error) {
	if mediaID <= 0 {
		return nil, invalidArg("media_id", "must be positive")
	}
	if expire <= 0 {
		return nil, invalidArg("t", "must be a Unix time")
	}
	if opt.RLimit < 0 || opt.RLimit > 9 {
		return nil, invalidArg("rlimit", "must be 0-9")
	}
	if opt.Exper < 0 {
		return nil, invalidArg("exper", "must not be negative")
	}
	body := struct {
		MediaID int64 `json:"media_id"`
		T       int64 `json:"t"`
		MediaLinkOptions
	}{mediaID, expire, opt}
	out, err := call[struct {
		MediaInfo MediaLink `json:"media_info"`
	}](ctx, s.c, vodGetMediaLink, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.MediaInfo, nil
}

// DeleteMedia deletes a media (删除媒资).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) DeleteMedia(ctx context.Context, mediaID int64) error {
	if mediaID <= 0 {
		return invalidArg("media_id", "must be positive")
	}
	return s.c.Do(ctx, vodDeleteMedia, nil, map[string]int64{"media_id": mediaID}, nil)
}

// DramaAudit is the body of AuditDrama: first submissions leave DramaID 0
// and fill Name, MediaCount, MediaIDList, Producer, Description and
// CoverMaterialID; resubmissions set DramaID.
type DramaAudit struct {
	DramaID         int64   `json:"drama_id,omitempty"`
	Name            string  `json:"name,omitempty"`
	MediaCount      int     `json:"media_count,omitempty"`
	MediaIDList     []int64 `json:"media_id_list,omitempty"`
	Producer        string  `json:"producer,omitempty"`
	Description     string  `json:"description,omitempty"`
	CoverMaterialID string  `json:"cover_material_id,omitempty"`
	// QualificationType (剧目资质) is required on a first submission:
	// QualificationLicensed (a 《网络剧片发行许可证》 or a key-programme
	// registration number: RegistrationNumber or PublishLicense) or
	// QualificationLowCost (neither, production cost under one million yuan).
	QualificationType int `json:"qualification_type,omitempty"`
	// Recommendations is the drama's tagline (推荐语), at most 30 characters.
	Recommendations string `json:"recommendations,omitempty"`
	// PromotionPosterMaterialID is a temporary material id of a promotion poster.
	PromotionPosterMaterialID string `json:"promotion_poster_material_id,omitempty"`
	RegistrationNumber        string `json:"registration_number,omitempty"`
	AuthorizedMaterialID      string `json:"authorized_material_id,omitempty"`
	PublishLicense            string `json:"publish_license,omitempty"`
	PublishLicenseMaterialID  string `json:"publish_license_material_id,omitempty"`
	Expedited                 int    `json:"expedited,omitempty"`
	ReplaceMediaList          []struct {
		Old int64 `json:"old"`
		New int64 `json:"new"`
	} `json:"replace_media_list,omitempty"`
}

// Drama qualification types (DramaAudit.QualificationType).
const (
	QualificationLicensed = 1 // 取得《网络剧片发行许可证》或重点节目备案号
	QualificationLowCost  = 2 // 未取得, 且制作成本小于100万元
)

// MaxDramaRecommendations is the longest tagline AuditDrama accepts, in characters.
const MaxDramaRecommendations = 30

// AuditDrama submits a drama for review (剧目提审) and returns its drama_id.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/auditdrama/api_auditdrama
func (s *VODService) AuditDrama(ctx context.Context, in *DramaAudit) (int64, error) {
	if in == nil {
		return 0, invalidArg("name", "no drama")
	}
	if in.DramaID == 0 {
		if err := required("name", in.Name, "producer", in.Producer, "description", in.Description, "cover_material_id", in.CoverMaterialID); err != nil {
			return 0, err
		}
		if in.MediaCount < 1 || len(in.MediaIDList) != in.MediaCount {
			return 0, invalidArg("media_id_list", "must hold media_count ids")
		}
		switch in.QualificationType {
		case QualificationLicensed:
			if in.RegistrationNumber == "" && in.PublishLicense == "" {
				return 0, invalidArg("registration_number", "empty, and no publish_license (qualification_type 1)")
			}
		case QualificationLowCost:
		default:
			return 0, invalidArg("qualification_type", "must be 1 (licensed) or 2 (no license, cost under one million yuan)")
		}
	}
	if in.QualificationType != 0 && in.QualificationType != QualificationLicensed && in.QualificationType != QualificationLowCost {
		return 0, invalidArg("qualification_type", "must be 1 or 2")
	}
	if utf8.RuneCountInString(in.Recommendations) > MaxDramaRecommendations {
		return 0, invalidArg("recommendations", "longer than 30 characters")
	}
	if utf8.RuneCountInString(in.Description) > MaxDramaDescription {
		return 0, invalidArg("description", "longer than 200 characters")
	}
	out, err := call[struct {
		DramaID int64 `json:"drama_id"`
	}](ctx, s.c, vodAuditDrama, nil, in)
	if err != nil {
		return 0, err
	}
	return out.DramaID, nil
}

// Drama is a short drama (剧目).
type Drama struct {
	DramaID     int64  `json:"drama_id"`
	CreateTime  int64  `json:"create_time"`
	Name        string `json:"name"`
	Playwright  string `json:"playwright"`
	Producer    string `json:"producer"`
	Description string `json:"description"`
	CoverURL    string `json:"cover_url"`
	MediaCount  int    `json:"media_count"`
	Expedited   int    `json:"expedited"`
	MediaList   []struct {
		MediaID int64 `json:"media_id"`
	} `json:"media_list"`
	AuditDetail *VODAudit `json:"audit_detail"`
}

// ListDramas returns one page of dramas (获取剧目列表).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) ListDramas(ctx context.Context, offset, limit int) ([]Drama, error) {
	if limit < 0 || limit > MaxVODPage || offset < 0 {
		return nil, invalidArg("limit", "must be 0-100, with a non-negative offset")
	}
	body := struct {
		Limit  int `json:"limit,omitempty"`
		Offset int `json:"offset,omitempty"`
	}{limit, offset}
	out, err := call[struct {
		List []Drama `json:"drama_info_list"`
	}](ctx, s.c, vodListDramas, nil, body)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// Dramas iterates over every drama, by pages of 100.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) Dramas(ctx context.Context) iter.Seq2[Drama, error] {
	return pages(func(offset int) ([]Drama, error) { return s.ListDramas(ctx, offset, MaxVODPage) }, 0, MaxVODPage)
}

// GetDrama returns a drama (获取剧目信息).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) GetDrama(ctx context.Context, dramaID int64) (*Drama, error) {
	if dramaID <= 0 {
		return nil, invalidArg("drama_id", "must be positive")
	}
	out, err := call[struct {
		DramaInfo Drama `json:"drama_info"`
	}](ctx, s.c, vodGetDrama, nil, map[string]int64{"drama_id": dramaID})
	if err != nil {
		return nil, err
	}
	return &out.DramaInfo, nil
}

// CDNUsage is the CDN traffic of one time slot.
type CDNUsage struct {
	Time  int64 `json:"time"`
	Value int64 `json:"value"` // bytes
}

// CDNUsageData returns the CDN traffic between two Unix times by
// granularity seconds (60, 300, 3600 or 86400) (查询 CDN 用量数据);
// dataType 1 is traffic.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) CDNUsageData(ctx context.Context, startTime, endTime int64, granularity, dataType int) ([]CDNUsage, error) {
	if startTime <= 0 || endTime <= startTime {
		return nil, invalidArg("end_time", "must follow start_time")
	}
	switch granularity {
	case 60, 300, 3600, 86400:
	default:
		return nil, invalidArg("time_granularity", "must be 60, 300, 3600 or 86400")
	}
	body := struct {
		StartTime       int64 `json:"start_time"`
		EndTime         int64 `json:"end_time"`
		TimeGranularity int   `json:"time_granularity"`
		DataType        int   `json:"data_type"`
	}{startTime, endTime, granularity, dataType}
	out, err := call[struct {
		DataInterval int        `json:"data_interval"`
		ItemList     []CDNUsage `json:"item_list"`
	}](ctx, s.c, vodCDNUsage, nil, body)
	if err != nil {
		return nil, err
	}
	return out.ItemList, nil
}

// CDNLog is a CDN log file to download.
type CDNLog struct {
	Date      int64  `json:"date"`
	Name      string `json:"name"`
	URL       string `json:"url"`
	StartTime int64  `json:"start_time"`
	EndTime   int64  `json:"end_time"`
}

// CDNLogs returns the CDN log files between two Unix times (查询 CDN 日志).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
func (s *VODService) CDNLogs(ctx context.Context, startTime, endTime int64, offset, limit int) ([]CDNLog, error) {
	if startTime <= 0 || endTime <= startTime {
		return nil, invalidArg("end_time", "must follow start_time")
	}
	if limit < 0 || limit > MaxVODPage || offset < 0 {
		return nil, invalidArg("limit", "must be 0-100, with a non-negative offset")
	}
	body := struct {
		StartTime int64 `json:"start_time"`
		EndTime   int64 `json:"end_time"`
		Offset    int   `json:"offset,omitempty"`
		Limit     int   `json:"limit,omitempty"`
	}{startTime, endTime, offset, limit}
	out, err := call[struct {
		DomesticCDNLogs []CDNLog `json:"domestic_cdn_logs"`
	}](ctx, s.c, vodCDNLogs, nil, body)
	if err != nil {
		return nil, err
	}
	return out.DomesticCDNLogs, nil
}
