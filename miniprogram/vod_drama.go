package miniprogram

import (
	"context"
	"iter"
	"net/http"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	vodSubmitReplace = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/submitreplacedramamedias"}
	vodReplaceMedia  = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/replacedramamedia"}
	vodModifyDrama   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/modifydramabasicinfo"}
	vodLatestAudit   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getdramalatestauditinfo"}
	vodListPackages  = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/listpackages"}
)

// DramaMediaReplacement replaces the episode Old of a drama with the media New.
type DramaMediaReplacement struct {
	Old int64 `json:"old"`
	New int64 `json:"new"`
}

// SubmitReplaceDramaMedias submits episodes replacing those of an approved
// drama for review (提交替换剧集审核). Once approved, each replacement is
// applied with ReplaceDramaMedia within 7 days.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/auditdrama/api_submitreplacemedias
func (s *VODService) SubmitReplaceDramaMedias(ctx context.Context, dramaID int64, list []DramaMediaReplacement) error {
	if dramaID <= 0 {
		return invalidArg("drama_id", "must be positive")
	}
	if len(list) == 0 {
		return invalidArg("replace_media_list", "empty")
	}
	for _, r := range list {
		if r.Old <= 0 || r.New <= 0 {
			return invalidArg("replace_media_list", "old and new must be positive media ids")
		}
	}
	body := struct {
		DramaID          int64                   `json:"drama_id"`
		ReplaceMediaList []DramaMediaReplacement `json:"replace_media_list"`
	}{dramaID, list}
	return s.c.Do(ctx, vodSubmitReplace, nil, body, nil)
}

// ReplaceDramaMedia replaces the episode oldMediaID of an approved drama
// with newMediaID, whose replacement review was approved (替换审核通过的剧集).
// The old media's links keep working for 7 days.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/auditdrama/api_replacedramamedia.md
func (s *VODService) ReplaceDramaMedia(ctx context.Context, dramaID, oldMediaID, newMediaID int64) error {
	if dramaID <= 0 {
		return invalidArg("drama_id", "must be positive")
	}
	if oldMediaID <= 0 || newMediaID <= 0 {
		return invalidArg("old_media_id", "old_media_id and new_media_id must be positive")
	}
	body := struct {
		DramaID    int64 `json:"drama_id"`
		OldMediaID int64 `json:"old_media_id"`
		NewMediaID int64 `json:"new_media_id"`
	}{dramaID, oldMediaID, newMediaID}
	return s.c.Do(ctx, vodReplaceMedia, nil, body, nil)
}

// DramaBasicInfo is the body of ModifyDramaBasicInfo: DramaID and the
// fields to change; zero fields are left as they are. The docs' actor_list
// (演员信息) is not offered: the page does not describe its members.
type DramaBasicInfo struct {
	DramaID int64 `json:"drama_id"`
	// Description is at most 200 characters.
	Description               string `json:"description,omitempty"`
	CoverMaterialID           string `json:"cover_material_id,omitempty"`
	Recommendations           string `json:"recommendations,omitempty"`
	PromotionPosterMaterialID string `json:"promotion_poster_material_id,omitempty"`
	AlternateName             string `json:"alternate_name,omitempty"`
	// QualificationType is QualificationLicensed (with RegistrationNumber)
	// or QualificationLowCost; 0 leaves it unchanged.
	QualificationType                  int    `json:"qualification_type,omitempty"`
	RegistrationNumber                 string `json:"registration_number,omitempty"`
	QualificationCertificateMaterialID string `json:"qualification_certificate_material_id,omitempty"`
}

// ModifyDramaBasicInfo asks to change a drama's basic information
// (修改剧目基本信息). The change is reviewed (DramaAuditModify) and applied
// once approved.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/auditdrama/api_submitmodifydramabasicinforeq
func (s *VODService) ModifyDramaBasicInfo(ctx context.Context, in *DramaBasicInfo) error {
	if in == nil || in.DramaID <= 0 {
		return invalidArg("drama_id", "must be positive")
	}
	if utf8.RuneCountInString(in.Description) > MaxDramaDescription {
		return invalidArg("description", "longer than 200 characters")
	}
	switch in.QualificationType {
	case 0, QualificationLowCost:
	case QualificationLicensed:
		if in.RegistrationNumber == "" {
			return invalidArg("registration_number", "empty with qualification_type 1")
		}
	default:
		return invalidArg("qualification_type", "must be 1 or 2")
	}
	return s.c.Do(ctx, vodModifyDrama, nil, in, nil)
}

// Drama review types (DramaLatestAudit).
const (
	DramaAuditFirst    = 0 // 首次提审
	DramaAuditResubmit = 1 // 再次提审
	DramaAuditReplace  = 2 // 替换剧集提审
	DramaAuditModify   = 3 // 修改剧目基本信息审核
)

// DramaAuditInfo is the latest review of one type of a drama.
type DramaAuditInfo struct {
	Status     int   `json:"status"` // 0 none, 1 reviewing, 2 failed, 3 approved, 4 to refill
	AuditType  int   `json:"audit_type"`
	CreateTime int64 `json:"create_time"`
	AuditTime  int64 `json:"audit_time"`
}

// DramaLatestAudit returns the latest review of a drama of auditType
// (DramaAuditFirst...DramaAuditModify) (查询剧目审核信息).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/auditdrama/api_getdramalatestauditinfo
func (s *VODService) DramaLatestAudit(ctx context.Context, dramaID int64, auditType int) (*DramaAuditInfo, error) {
	if dramaID <= 0 {
		return nil, invalidArg("drama_id", "must be positive")
	}
	if auditType < DramaAuditFirst || auditType > DramaAuditModify {
		return nil, invalidArg("audit_type", "must be 0-3")
	}
	body := struct {
		DramaID   int64 `json:"drama_id"`
		AuditType int   `json:"audit_type"`
	}{dramaID, auditType}
	out, err := call[struct {
		AuditDetail DramaAuditInfo `json:"audit_detail"`
	}](ctx, s.c, vodLatestAudit, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.AuditDetail, nil
}

// VODPackage is a traffic package (流量包), in MB (1 GB = 1000 MB).
type VODPackage struct {
	PackageID string `json:"package_id"`
	OrderID   string `json:"order_id"`
	StartTime int64  `json:"start_time"`
	EndTime   int64  `json:"end_time"`
	Used      int64  `json:"used"`
	All       int64  `json:"all"`        // the remainder is All - Used
	Status    int    `json:"status"`     // 1 valid, 2 invalid, 3 expired
	IsDeleted int    `json:"is_deleted"` // 1 when withdrawn, e.g. refunded
}

// VODPackageQuery filters ListPackages: Status 0 (any), 1 valid, 2
// invalid or 3 expired; QueryType 0 general traffic, 1 targeted traffic.
type VODPackageQuery struct {
	Status    int `json:"status"`
	Offset    int `json:"offset"`
	Limit     int `json:"limit"` // 1-100
	QueryType int `json:"query_type,omitempty"`
}

// ListPackages returns one page of traffic packages (查询流量包详情) and the
// number matching q.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/usagedata/api_listpackages
func (s *VODService) ListPackages(ctx context.Context, q VODPackageQuery) ([]VODPackage, int, error) {
	if q.Status < 0 || q.Status > 3 {
		return nil, 0, invalidArg("status", "must be 0-3")
	}
	if q.Limit < 1 || q.Limit > MaxVODPage || q.Offset < 0 {
		return nil, 0, invalidArg("limit", "must be 1-100, with a non-negative offset")
	}
	if q.QueryType != 0 && q.QueryType != 1 {
		return nil, 0, invalidArg("query_type", "must be 0 or 1")
	}
	out, err := call[struct {
		TotalCount  int          `json:"total_count"`
		PackageList []VODPackage `json:"package_list"`
	}](ctx, s.c, vodListPackages, nil, q)
	if err != nil {
		return nil, 0, err
	}
	return out.PackageList, out.TotalCount, nil
}

// Packages iterates over the traffic packages matching q from q.Offset on,
// by pages of q.Limit (100 when 0). The first error is yielded and ends the
// iteration.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/usagedata/api_listpackages
func (s *VODService) Packages(ctx context.Context, q VODPackageQuery) iter.Seq2[VODPackage, error] {
	if q.Limit == 0 {
		q.Limit = MaxVODPage
	}
	return pages(func(offset int) ([]VODPackage, error) {
		q.Offset = offset
		list, _, err := s.ListPackages(ctx, q)
		return list, err
	}, q.Offset, q.Limit)
}

var (
	vodAuthorizeCopyright   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/authorizecopyright"}
	vodDeauthorizeCopyright = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/deauthorizecopyright"}
	vodCopyrightAuthorized  = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getcopyrightauthorizedlist"}
)

// Copyright grantee types (CopyrightGrantee.AuthorizationType).
const (
	CopyrightToSubject = 1 // every drama mini program of a subject, by its unified social credit code
	CopyrightToApp     = 2 // one mini program
)

// MaxCopyrightDramas is the most dramas one copyright (de)authorization takes.
const MaxCopyrightDramas = 100

// CopyrightGrantee is who a copyright authorization is for: a subject
// (CopyrightToSubject with AuthorizedSubjectCertNo) or a mini program
// (CopyrightToApp with AuthorizedAppID).
type CopyrightGrantee struct {
	AuthorizationType       int    `json:"authorization_type"`
	AuthorizedAppID         string `json:"authorized_appid,omitempty"`
	AuthorizedSubjectCertNo string `json:"authorized_subject_cert_no,omitempty"`
}

func checkCopyright(to CopyrightGrantee, dramaIDs []int64) error {
	switch to.AuthorizationType {
	case CopyrightToSubject:
		if err := required("authorized_subject_cert_no", to.AuthorizedSubjectCertNo); err != nil {
			return err
		}
	case CopyrightToApp:
		if err := required("authorized_appid", to.AuthorizedAppID); err != nil {
			return err
		}
	default:
		return invalidArg("authorization_type", "must be 1 (subject) or 2 (mini program)")
	}
	if len(dramaIDs) > MaxCopyrightDramas {
		return invalidArg("drama_ids", "more than 100")
	}
	for _, id := range dramaIDs {
		if id <= 0 {
			return invalidArg("drama_ids", "must be positive")
		}
	}
	return nil
}

// AuthorizeCopyright lets a subject or a mini program play the given
// copyright-protected dramas (增加版权授权) until expireTime (a Unix time at
// least 7 days ahead; 0 for no end). It returns one result per drama.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizecopyright/api_authorizecopyright
func (s *VODService) AuthorizeCopyright(ctx context.Context, to CopyrightGrantee, dramaIDs []int64, expireTime int64) ([]DramaAuthResult, error) {
	if err := checkCopyright(to, dramaIDs); err != nil {
		return nil, err
	}
	if expireTime < 0 {
		return nil, invalidArg("expire_time", "must be 0 or a Unix time")
	}
	body := struct {
		CopyrightGrantee
		DramaIDs   []int64 `json:"drama_ids,omitempty"`
		ExpireTime int64   `json:"expire_time,omitempty"`
	}{to, dramaIDs, expireTime}
	return dramaAuthCall(ctx, s, vodAuthorizeCopyright, body)
}

// DeauthorizeCopyright withdraws the copyright authorization of the given
// dramas from a subject or a mini program (解除版权授权). It returns one
// result per drama.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizecopyright/api_deauthorizecopyright
func (s *VODService) DeauthorizeCopyright(ctx context.Context, to CopyrightGrantee, dramaIDs []int64) ([]DramaAuthResult, error) {
	if err := checkCopyright(to, dramaIDs); err != nil {
		return nil, err
	}
	body := struct {
		CopyrightGrantee
		DramaIDs []int64 `json:"drama_ids,omitempty"`
	}{to, dramaIDs}
	return dramaAuthCall(ctx, s, vodDeauthorizeCopyright, body)
}

// CopyrightAuthorization is a copyright authorization this mini program
// received.
type CopyrightAuthorization struct {
	AuthorizerAppID         string `json:"authorizer_appid"`
	AuthorizationType       int    `json:"authorization_type"`
	AuthorizedAppID         string `json:"authorized_appid"`
	AuthorizedSubjectCertNo string `json:"authorized_subject_cert_no"`
	DramaID                 int64  `json:"drama_id"`
	AuthorizedTime          int64  `json:"authorized_time"`
	ExpireTime              int64  `json:"expire_time"` // 0: no end
}

// CopyrightAuthorizedQuery filters ListCopyrightAuthorized: an empty
// AuthorizerAppID matches every authorizing mini program.
type CopyrightAuthorizedQuery struct {
	AuthorizerAppID string `json:"authorizer_appid,omitempty"`
	Offset          int    `json:"offset,omitempty"`
	Limit           int    `json:"limit,omitempty"` // at most 1000; 100 when 0
}

// ListCopyrightAuthorized returns one page of the copyright authorizations
// this mini program received (查询被版权授权信息) and the number matching q.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizecopyright/api_getcopyrightauthorizedlist
func (s *VODService) ListCopyrightAuthorized(ctx context.Context, q CopyrightAuthorizedQuery) ([]CopyrightAuthorization, int, error) {
	if q.Limit < 0 || q.Limit > MaxDramaAuthorizationPage || q.Offset < 0 {
		return nil, 0, invalidArg("limit", "must be 0-1000, with a non-negative offset")
	}
	out, err := call[struct {
		TotalCount int                      `json:"total_count"`
		List       []CopyrightAuthorization `json:"list"`
	}](ctx, s.c, vodCopyrightAuthorized, nil, q)
	if err != nil {
		return nil, 0, err
	}
	return out.List, out.TotalCount, nil
}

// CopyrightAuthorized iterates over the copyright authorizations this mini
// program received matching q from q.Offset on, by pages of q.Limit (100
// when 0). The first error is yielded and ends the iteration.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizecopyright/api_getcopyrightauthorizedlist
func (s *VODService) CopyrightAuthorized(ctx context.Context, q CopyrightAuthorizedQuery) iter.Seq2[CopyrightAuthorization, error] {
	if q.Limit == 0 {
		q.Limit = MaxVODPage
	}
	return pages(func(offset int) ([]CopyrightAuthorization, error) {
		q.Offset = offset
		list, _, err := s.ListCopyrightAuthorized(ctx, q)
		return list, err
	}, q.Offset, q.Limit)
}
