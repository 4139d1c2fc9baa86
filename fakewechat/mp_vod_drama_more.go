package fakewechat

import (
	"maps"
	"slices"
	"sync"
	"unicode/utf8"
)

// Short-drama reviews beyond the first submission (/wxa/sec/vod/...):
// submitreplacedramamedias, replacedramamedia, modifydramabasicinfo,
// getdramalatestauditinfo, and the traffic packages of listpackages.
func init() {
	builtin = append(builtin, registerMPVODReview, registerMPVODCopyright)
}

// Review types of getdramalatestauditinfo beyond the drama's own review.
const (
	mpVODAuditReplace = 2
	mpVODAuditModify  = 3
)

type mpVODReplacement struct {
	old, new   int64
	approvedAt int64 // 0 until the review approves it
}

type mpVODReviews struct {
	mu       sync.Mutex
	audits   map[int64]map[int]M // drama -> review type (2, 3) -> audit_detail
	replaces map[int64][]*mpVODReplacement
	modifies map[int64]M // drama -> fields waiting for review
}

func (s *Server) mpVODReviews(appid string) *mpVODReviews {
	return Value(s.State(appid), "mp.vod.reviews", func() *mpVODReviews {
		return &mpVODReviews{audits: map[int64]map[int]M{}, replaces: map[int64][]*mpVODReplacement{}, modifies: map[int64]M{}}
	})
}

// dramaM returns the drama id, or nil; the caller holds v.mu.
func (v *mpVOD) dramaM(id int64) M {
	for _, d := range v.dramas {
		if d["drama_id"] == id {
			return d
		}
	}
	return nil
}

// dramaApproved reports whether a drama's own review approved it.
func dramaApproved(d M) bool {
	a, _ := d["audit_detail"].(M)
	return a["status"] == 3
}

// MPSetDramaReview sets the status (2 failed, 3 approved, 4 to refill) of
// the pending review of type 2 (replaced episodes) or 3 (basic information)
// of a drama, and reports whether there is one. Approving a replacement
// lets replacedramamedia apply it for 7 days; approving basic information
// applies its description and recommendations to the drama.
func (s *Server) MPSetDramaReview(appid string, dramaID int64, auditType, status int) bool {
	v, rv := s.mpVOD(appid), s.mpVODReviews(appid)
	v.mu.Lock()
	defer v.mu.Unlock()
	rv.mu.Lock()
	defer rv.mu.Unlock()
	a := rv.audits[dramaID][auditType]
	if a == nil {
		return false
	}
	now := s.Now().Unix()
	a["status"], a["audit_time"] = status, now
	if status != 3 {
		return true
	}
	switch auditType {
	case mpVODAuditReplace:
		for _, r := range rv.replaces[dramaID] {
			if r.approvedAt == 0 {
				r.approvedAt = now
			}
		}
	case mpVODAuditModify:
		if d := v.dramaM(dramaID); d != nil {
			for k, val := range rv.modifies[dramaID] {
				d[k] = val
			}
		}
		delete(rv.modifies, dramaID)
	}
	return true
}

func registerMPVODReview(s *Server) {
	// withDrama locks the media and reviews of the app and runs fn on a
	// known drama (10090001 otherwise).
	withDrama := func(r *Request, id int64, fn func(v *mpVOD, rv *mpVODReviews, d M) (any, error)) (any, error) {
		v, rv := s.mpVOD(r.AppID), s.mpVODReviews(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		rv.mu.Lock()
		defer rv.mu.Unlock()
		d := v.dramaM(id)
		if d == nil {
			return nil, ErrCode(CodeMPVODNotFound)
		}
		return fn(v, rv, d)
	}
	newReview := func(rv *mpVODReviews, dramaID int64, auditType int, now int64) {
		if rv.audits[dramaID] == nil {
			rv.audits[dramaID] = map[int]M{}
		}
		rv.audits[dramaID][auditType] = M{"status": 1, "create_time": now, "audit_time": 0}
	}
	s.HandleJSON("POST /wxa/sec/vod/submitreplacedramamedias", func(r *Request) (any, error) {
		var in struct {
			DramaID int64 `json:"drama_id"`
			List    []struct {
				Old int64 `json:"old"`
				New int64 `json:"new"`
			} `json:"replace_media_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.DramaID <= 0 || len(in.List) == 0 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		return withDrama(r, in.DramaID, func(v *mpVOD, rv *mpVODReviews, d M) (any, error) {
			if !dramaApproved(d) {
				return nil, ErrCode(CodeMPVODNotApproved)
			}
			episodes, _ := d["media_list"].([]M)
			list := make([]*mpVODReplacement, 0, len(in.List))
			for _, p := range in.List {
				if !slices.ContainsFunc(episodes, func(e M) bool { return e["media_id"] == p.Old }) {
					return nil, Errorf(CodeInvalidArgs, "media %d is not an episode of the drama", p.Old)
				}
				m := v.find(p.New)
				if m == nil {
					return nil, ErrCode(CodeMPVODNotFound)
				}
				if m.dramaID != 0 {
					return nil, Errorf(CodeInvalidArgs, "media %d is in a drama", p.New)
				}
				list = append(list, &mpVODReplacement{old: p.Old, new: p.New})
			}
			rv.replaces[in.DramaID] = list
			newReview(rv, in.DramaID, mpVODAuditReplace, r.Now().Unix())
			return nil, nil
		})
	})
	s.HandleJSON("POST /wxa/sec/vod/replacedramamedia", func(r *Request) (any, error) {
		var in struct {
			DramaID    int64 `json:"drama_id"`
			OldMediaID int64 `json:"old_media_id"`
			NewMediaID int64 `json:"new_media_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.DramaID <= 0 || in.OldMediaID <= 0 || in.NewMediaID <= 0 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		return withDrama(r, in.DramaID, func(v *mpVOD, rv *mpVODReviews, d M) (any, error) {
			now := r.Now().Unix()
			i := slices.IndexFunc(rv.replaces[in.DramaID], func(p *mpVODReplacement) bool {
				return p.old == in.OldMediaID && p.new == in.NewMediaID && p.approvedAt != 0 && now <= p.approvedAt+7*86400
			})
			if i < 0 {
				return nil, Errorf(CodeInvalidArgs, "no approved replacement of media %d by %d", in.OldMediaID, in.NewMediaID)
			}
			rv.replaces[in.DramaID] = slices.Delete(rv.replaces[in.DramaID], i, i+1)
			episodes, _ := d["media_list"].([]M)
			for _, e := range episodes {
				if e["media_id"] == in.OldMediaID {
					e["media_id"] = in.NewMediaID
				}
			}
			if m := v.find(in.NewMediaID); m != nil {
				m.dramaID, m.M["drama_id"], m.M["audit_detail"] = in.DramaID, in.DramaID, d["audit_detail"]
			}
			return nil, nil
		})
	})
	s.HandleJSON("POST /wxa/sec/vod/modifydramabasicinfo", func(r *Request) (any, error) {
		var in struct {
			DramaID            int64  `json:"drama_id"`
			Description        string `json:"description"`
			Recommendations    string `json:"recommendations"`
			QualificationType  int    `json:"qualification_type"`
			RegistrationNumber string `json:"registration_number"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.DramaID <= 0 || utf8.RuneCountInString(in.Description) > 200 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		if in.QualificationType < 0 || in.QualificationType > 2 || (in.QualificationType == 1 && in.RegistrationNumber == "") {
			return nil, Errorf(CodeInvalidArgs, "剧目资质类型不正确")
		}
		return withDrama(r, in.DramaID, func(_ *mpVOD, rv *mpVODReviews, _ M) (any, error) {
			fields := M{}
			if in.Description != "" {
				fields["description"] = in.Description
			}
			if in.Recommendations != "" {
				fields["recommendations"] = in.Recommendations
			}
			rv.modifies[in.DramaID] = fields
			newReview(rv, in.DramaID, mpVODAuditModify, r.Now().Unix())
			return nil, nil
		})
	})
	s.HandleJSON("POST /wxa/sec/vod/getdramalatestauditinfo", func(r *Request) (any, error) {
		var in struct {
			DramaID   int64 `json:"drama_id"`
			AuditType *int  `json:"audit_type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.DramaID <= 0 || in.AuditType == nil || *in.AuditType < 0 || *in.AuditType > 3 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		return withDrama(r, in.DramaID, func(_ *mpVOD, rv *mpVODReviews, d M) (any, error) {
			a, _ := d["audit_detail"].(M)
			if *in.AuditType >= mpVODAuditReplace {
				a = rv.audits[in.DramaID][*in.AuditType]
			}
			if a == nil {
				return OK(M{"audit_detail": M{"status": 0, "create_time": 0, "audit_time": 0}}), nil
			}
			return OK(M{"audit_detail": M{"status": a["status"], "create_time": a["create_time"], "audit_time": a["audit_time"]}}), nil
		})
	})
	s.HandleJSON("POST /wxa/sec/vod/listpackages", func(r *Request) (any, error) {
		var in struct {
			Status    *int `json:"status"`
			Offset    *int `json:"offset"`
			Limit     int  `json:"limit"`
			QueryType int  `json:"query_type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Status == nil || *in.Status < 0 || *in.Status > 3 || in.Offset == nil || in.Limit < 1 || (in.QueryType != 0 && in.QueryType != 1) {
			return nil, ErrCode(CodeInvalidArgs)
		}
		var all []M
		for _, p := range mpVODPackages {
			if p["query_type"] == in.QueryType && (*in.Status == 0 || p["status"] == *in.Status) {
				all = append(all, M{"package_id": p["package_id"], "order_id": p["order_id"], "start_time": p["start_time"], "end_time": p["end_time"],
					"used": p["used"], "all": p["all"], "status": p["status"], "is_deleted": p["is_deleted"]})
			}
		}
		page, e := pageOf(all, *in.Offset, in.Limit)
		if e != nil {
			return nil, e
		}
		return OK(M{"total_count": len(all), "package_list": append([]M{}, page...)}), nil
	})
}

// mpVODPackages are the traffic packages listpackages answers: two general
// (one valid, one expired) and one targeted.
var mpVODPackages = []M{
	{"query_type": 0, "package_id": "pkg_1001", "order_id": "order_1001", "start_time": 1700000000, "end_time": 1731536000, "used": 1200, "all": 10000, "status": 1, "is_deleted": 0},
	{"query_type": 0, "package_id": "pkg_1000", "order_id": "order_1000", "start_time": 1660000000, "end_time": 1691536000, "used": 10000, "all": 10000, "status": 3, "is_deleted": 0},
	{"query_type": 1, "package_id": "pkg_2001", "order_id": "order_2001", "start_time": 1700000000, "end_time": 1731536000, "used": 0, "all": 5000, "status": 1, "is_deleted": 0},
}

// mpVODCopyright keeps the copyright authorizations of every app, for the
// grantee's view (getcopyrightauthorizedlist).
type mpVODCopyright struct {
	mu   sync.Mutex
	list []M // authorizer_appid, authorization_type, authorized_appid, authorized_subject_cert_no, drama_id, authorized_time, expire_time
}

func (s *Server) mpVODCopyright() *mpVODCopyright {
	return Value(s.State(""), "mp.vod.copyright", func() *mpVODCopyright { return &mpVODCopyright{} })
}

// dramaResults answers one result per drama of the (de)authorization
// endpoints, code(id) being its errcode.
func dramaResults(ids []int64, code func(id int64) int) []M {
	results := make([]M, len(ids))
	for i, id := range ids {
		c, msg := code(id), "ok"
		if c != 0 {
			msg = stdMessages[c]
		}
		results[i] = M{"drama_id": id, "errcode": c, "errmsg": msg}
	}
	return results
}

func registerMPVODCopyright(s *Server) {
	type grantIn struct {
		AuthorizationType       int     `json:"authorization_type"`
		AuthorizedAppID         string  `json:"authorized_appid"`
		AuthorizedSubjectCertNo string  `json:"authorized_subject_cert_no"`
		DramaIDs                []int64 `json:"drama_ids"`
		ExpireTime              int64   `json:"expire_time"`
	}
	decode := func(r *Request) (*grantIn, error) {
		var in grantIn
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if (in.AuthorizationType != 1 || in.AuthorizedSubjectCertNo == "") && (in.AuthorizationType != 2 || in.AuthorizedAppID == "") || len(in.DramaIDs) > 100 {
			return nil, ErrCode(CodeMPVODBadArgs)
		}
		return &in, nil
	}
	same := func(x M, appid string, in *grantIn, dramaID int64) bool {
		return x["authorizer_appid"] == appid && x["authorization_type"] == in.AuthorizationType && x["drama_id"] == dramaID &&
			x["authorized_appid"] == in.AuthorizedAppID && x["authorized_subject_cert_no"] == in.AuthorizedSubjectCertNo
	}
	s.HandleJSON("POST /wxa/sec/vod/authorizecopyright", func(r *Request) (any, error) {
		in, err := decode(r)
		if err != nil {
			return nil, err
		}
		now := r.Now().Unix()
		if e := checkAuthzExpiry(now, in.ExpireTime); e != nil {
			return nil, e
		}
		v, c := s.mpVOD(r.AppID), s.mpVODCopyright()
		return OK(M{"result": dramaResults(in.DramaIDs, func(id int64) int {
			switch v.dramaStatus(id) {
			case -1:
				return CodeMPVODNotFound
			case 3:
			default:
				return CodeMPVODNotApproved
			}
			c.mu.Lock()
			defer c.mu.Unlock()
			if i := slices.IndexFunc(c.list, func(x M) bool { return same(x, r.AppID, in, id) }); i >= 0 {
				c.list[i]["expire_time"] = in.ExpireTime
			} else {
				c.list = append(c.list, M{"authorizer_appid": r.AppID, "authorization_type": in.AuthorizationType, "authorized_appid": in.AuthorizedAppID,
					"authorized_subject_cert_no": in.AuthorizedSubjectCertNo, "drama_id": id, "authorized_time": now, "expire_time": in.ExpireTime})
			}
			return 0
		})}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/deauthorizecopyright", func(r *Request) (any, error) {
		in, err := decode(r)
		if err != nil {
			return nil, err
		}
		c := s.mpVODCopyright()
		c.mu.Lock()
		defer c.mu.Unlock()
		return OK(M{"result": dramaResults(in.DramaIDs, func(id int64) int {
			i := slices.IndexFunc(c.list, func(x M) bool { return same(x, r.AppID, in, id) })
			if i < 0 {
				return CodeMPVODNoAuthorization
			}
			c.list = slices.Delete(c.list, i, i+1)
			return 0
		})}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/getcopyrightauthorizedlist", func(r *Request) (any, error) {
		var in struct {
			AuthorizerAppID string `json:"authorizer_appid"`
			Offset          int    `json:"offset"`
			Limit           int    `json:"limit"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		c := s.mpVODCopyright()
		c.mu.Lock()
		defer c.mu.Unlock()
		var all []M
		for _, x := range c.list {
			if x["authorization_type"] == 2 && x["authorized_appid"] == r.AppID && (in.AuthorizerAppID == "" || x["authorizer_appid"] == in.AuthorizerAppID) {
				all = append(all, maps.Clone(x))
			}
		}
		page, e := pageUpTo(all, in.Offset, in.Limit, 1000, CodeMPVODBadArgs)
		if e != nil {
			return nil, e
		}
		return OK(M{"total_count": len(all), "list": append([]M{}, page...)}), nil
	})
}
