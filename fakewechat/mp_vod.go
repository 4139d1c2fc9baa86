package fakewechat

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
)

// Short-drama media (小程序媒资管理, /wxa/sec/vod/*): singlefileupload (a
// multipart media_data file with media_name and media_type), pullupload
// (a finished task for gettask) and applyupload + uploadpart (multipart
// data with upload_id, part_number 1-100 and resource_type 1-2; the etag is
// the part's size and number) + commitupload (every listed part uploaded
// with its etag) create media. auditdrama needs name, media_count equal to
// the length of media_id_list of existing media, producer, description (at
// most 200 characters, also on resubmission), cover_material_id and, on a
// first submission, qualification_type 1 (with registration_number or
// publish_license) or 2 (recommendations at most 30 characters), and
// puts the drama and its media under review (1);
// MPSetDramaAudit approves (3) or rejects (2) it. getmedialink needs an
// approved drama (10090004 otherwise), a t after now and at most 2 hours
// ahead (10090020 beyond), rlimit 0-9 and exper within the video; its
// links carry t in hexadecimal and us as "us-platform id". listmedia and listdramas page by
// offset and limit (1-100, default 100); deletemedia removes a media not in
// a drama. getcdnusagedata and getcdnlogs answer the docs' examples.
func init() {
	stdMessages[CodeMPVODNotFound] = "media or drama not exist"
	stdMessages[CodeMPVODNotApproved] = "drama not approved"
	stdMessages[CodeMPVODLinkTooLong] = "t too far ahead"
	builtin = append(builtin, registerMPVOD)
	wxaCannedList = append(wxaCannedList,
		wxaCanned{pattern: "POST /wxa/sec/vod/getcdnusagedata", required: []string{"start_time", "end_time", "time_granularity"},
			answer: M{"data_interval": 5, "item_list": []M{{"time": 1711814400, "value": 2048}, {"time": 1711814700, "value": 1024}}}},
		wxaCanned{pattern: "POST /wxa/sec/vod/getcdnlogs", required: []string{"start_time", "end_time"},
			answer: M{"total_count": 1, "domestic_cdn_logs": []M{{"date": 20240331, "name": "2024033100-2024033101.gz", "url": "https://vod.example.invalid/log.gz", "start_time": 1711814400, "end_time": 1711818000}}}})
}

// Errcodes of the short-drama media endpoints.
const (
	CodeMPVODNotFound    = 10090001
	CodeMPVODNotApproved = 10090004
	CodeMPVODLinkTooLong = 10090020
)

type mpVODMedia struct {
	M
	dramaID int64
}

type mpVOD struct {
	mu      sync.Mutex
	next    int64
	media   []*mpVODMedia
	dramas  []M
	uploads map[string]map[string]string // upload id -> "resource/part" -> etag
	names   map[string]string
	tasks   map[int64]M
}

func (s *Server) mpVOD(appid string) *mpVOD {
	return Value(s.State(appid), "mp.vod", func() *mpVOD {
		return &mpVOD{next: 1000, uploads: map[string]map[string]string{}, names: map[string]string{}, tasks: map[int64]M{}}
	})
}

// MPSetDramaAudit sets the review status of a drama and its media (1
// reviewing, 2 rejected, 3 approved) and reports whether it exists.
func (s *Server) MPSetDramaAudit(appid string, dramaID int64, status int, reason string) bool {
	v := s.mpVOD(appid)
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, d := range v.dramas {
		if d["drama_id"] == dramaID {
			audit := M{"status": status, "create_time": 1700000000, "audit_time": s.Now().Unix(), "reason": reason, "evidence_material_id_list": []string{}}
			d["audit_detail"] = audit
			for _, m := range v.media {
				if m.dramaID == dramaID {
					m.M["audit_detail"] = audit
				}
			}
			return true
		}
	}
	return false
}

func (v *mpVOD) add(name string, size int64, now int64) int64 {
	v.next++
	id := v.next
	v.media = append(v.media, &mpVODMedia{M: M{"media_id": id, "create_time": now, "expire_time": now + 365*86400, "drama_id": 0,
		"file_size": size, "duration": 60, "name": name, "description": "", "cover_url": "", "original_url": "", "mp4_url": "", "hls_url": "",
		"audit_detail": M{"status": 0, "create_time": 0, "audit_time": 0, "reason": "", "evidence_material_id_list": []string{}}}})
	return id
}

func (v *mpVOD) find(id int64) *mpVODMedia {
	for _, m := range v.media {
		if m.M["media_id"] == id {
			return m
		}
	}
	return nil
}

func pageOf[T any](list []T, offset, limit int) ([]T, *Error) {
	return pageUpTo(list, offset, limit, 100, CodeInvalidArgs)
}

// pageUpTo pages list by offset and limit (1-maxLimit, default 100), answering
// code for a limit out of range or a negative offset.
func pageUpTo[T any](list []T, offset, limit, maxLimit, code int) ([]T, *Error) {
	if limit == 0 {
		limit = 100
	}
	if offset < 0 || limit < 1 || limit > maxLimit {
		return nil, ErrCode(code)
	}
	start := min(offset, len(list))
	return list[start:min(start+limit, len(list))], nil
}

func registerMPVOD(s *Server) {
	multipartFile := func(r *Request, field string) (int64, map[string]string, *Error) {
		if err := r.HTTP.ParseMultipartForm(32 << 20); err != nil {
			return 0, nil, Errorf(CodeMediaDataMissing, "media data missing")
		}
		f, _, err := r.HTTP.FormFile(field)
		if err != nil {
			return 0, nil, Errorf(CodeMediaDataMissing, "media data missing")
		}
		defer f.Close()
		n, _ := io.Copy(io.Discard, f)
		vals := map[string]string{}
		for k, v := range r.HTTP.MultipartForm.Value {
			vals[k] = v[0]
		}
		return n, vals, nil
	}
	s.HandleJSON("POST /wxa/sec/vod/singlefileupload", func(r *Request) (any, error) {
		n, f, e := multipartFile(r, "media_data")
		if e != nil {
			return nil, e
		}
		if f["media_name"] == "" || f["media_type"] == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		return OK(M{"media_id": v.add(f["media_name"], n, r.Now().Unix())}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/pullupload", func(r *Request) (any, error) {
		var in struct {
			MediaName string `json:"media_name"`
			MediaURL  string `json:"media_url"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.MediaName == "" || in.MediaURL == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		id := v.add(in.MediaName, 1<<20, r.Now().Unix())
		task := int64(len(v.tasks) + 1)
		v.tasks[task] = M{"id": task, "task_type": 1, "status": 3, "errcode": 0, "errmsg": "", "create_time": r.Now().Unix(), "finish_time": r.Now().Unix(), "media_id": id}
		return OK(M{"task_id": task}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/gettask", func(r *Request) (any, error) {
		var in struct {
			TaskID int64 `json:"task_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		t := v.tasks[in.TaskID]
		if t == nil {
			return nil, ErrCode(CodeMPVODNotFound)
		}
		return OK(M{"task_info": t}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/applyupload", func(r *Request) (any, error) {
		var in struct {
			MediaName string `json:"media_name"`
			MediaType string `json:"media_type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.MediaName == "" || in.MediaType == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		id := fmt.Sprintf("upload_%d", len(v.uploads)+1)
		v.uploads[id] = map[string]string{}
		v.names[id] = in.MediaName
		return OK(M{"upload_id": id}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/uploadpart", func(r *Request) (any, error) {
		n, f, e := multipartFile(r, "data")
		if e != nil {
			return nil, e
		}
		part, err1 := strconv.Atoi(f["part_number"])
		res, err2 := strconv.Atoi(f["resource_type"])
		if err1 != nil || err2 != nil || part < 1 || part > 100 || (res != 1 && res != 2) {
			return nil, ErrCode(CodeInvalidArgs)
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		up := v.uploads[f["upload_id"]]
		if up == nil {
			return nil, ErrCode(CodeMPVODNotFound)
		}
		etag := fmt.Sprintf("etag-%d-%d-%d", res, part, n)
		up[fmt.Sprint(res, "/", part)] = etag
		return OK(M{"etag": etag}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/commitupload", func(r *Request) (any, error) {
		type part struct {
			PartNumber int    `json:"part_number"`
			ETag       string `json:"etag"`
		}
		var in struct {
			UploadID       string `json:"upload_id"`
			MediaPartInfos []part `json:"media_part_infos"`
			CoverPartInfos []part `json:"cover_part_infos"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		up := v.uploads[in.UploadID]
		if up == nil || len(in.MediaPartInfos) == 0 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		for res, list := range [][]part{in.MediaPartInfos, in.CoverPartInfos} {
			for _, p := range list {
				if up[fmt.Sprint(res+1, "/", p.PartNumber)] != p.ETag {
					return nil, Errorf(CodeInvalidArgs, "invalid etag of part %d", p.PartNumber)
				}
			}
		}
		delete(v.uploads, in.UploadID)
		return OK(M{"media_id": v.add(v.names[in.UploadID], int64(len(in.MediaPartInfos))<<20, r.Now().Unix())}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/listmedia", func(r *Request) (any, error) {
		var in struct {
			DramaID int64 `json:"drama_id"`
			Offset  int   `json:"offset"`
			Limit   int   `json:"limit"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		var all []M
		for _, m := range v.media {
			if in.DramaID == 0 || m.dramaID == in.DramaID {
				all = append(all, m.M)
			}
		}
		page, e := pageOf(all, in.Offset, in.Limit)
		if e != nil {
			return nil, e
		}
		return OK(M{"media_info_list": append([]M{}, page...)}), nil
	})
	byID := func(field string, fn func(r *Request, v *mpVOD, id int64, in M) (any, error)) JSONHandler {
		return func(r *Request) (any, error) {
			in := M{}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			id, _ := in[field].(float64)
			if id <= 0 {
				return nil, ErrCode(CodeInvalidArgs)
			}
			v := s.mpVOD(r.AppID)
			v.mu.Lock()
			defer v.mu.Unlock()
			return fn(r, v, int64(id), in)
		}
	}
	s.HandleJSON("POST /wxa/sec/vod/getmedia", byID("media_id", func(r *Request, v *mpVOD, id int64, _ M) (any, error) {
		m := v.find(id)
		if m == nil {
			return nil, ErrCode(CodeMPVODNotFound)
		}
		return OK(M{"media_info": m.M}), nil
	}))
	s.HandleJSON("POST /wxa/sec/vod/getmedialink", byID("media_id", func(r *Request, v *mpVOD, id int64, in M) (any, error) {
		t, _ := in["t"].(float64)
		exper, _ := in["exper"].(float64)
		rlimit, _ := in["rlimit"].(float64)
		now := r.Now().Unix()
		if int64(t) <= now || rlimit < 0 || rlimit > 9 || exper < 0 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		if int64(t) > now+7200 {
			return nil, ErrCode(CodeMPVODLinkTooLong)
		}
		m := v.find(id)
		if m == nil {
			return nil, ErrCode(CodeMPVODNotFound)
		}
		if a, _ := m.M["audit_detail"].(M); m.dramaID == 0 || a["status"] != 3 {
			return nil, ErrCode(CodeMPVODNotApproved)
		}
		if d, _ := m.M["duration"].(int); exper > float64(d) {
			return nil, Errorf(CodeInvalidArgs, "exper longer than the video")
		}
		base := fmt.Sprintf("https://vod.example.invalid/%d", id)
		q := fmt.Sprintf("?t=%x", int64(t))
		if us, _ := in["us"].(string); us != "" {
			q += "&us=" + us + "-647488c4792c15185b8fd2a6"
		}
		return OK(M{"media_info": M{"media_id": id, "duration": m.M["duration"], "name": m.M["name"], "description": "",
			"cover_url": base + ".jpg", "mp4_url": base + ".mp4" + q, "hls_url": base + ".m3u8" + q}}), nil
	}))
	s.HandleJSON("POST /wxa/sec/vod/deletemedia", byID("media_id", func(r *Request, v *mpVOD, id int64, _ M) (any, error) {
		m := v.find(id)
		if m == nil {
			return nil, ErrCode(CodeMPVODNotFound)
		}
		if m.dramaID != 0 {
			return nil, Errorf(CodeInvalidArgs, "media in a drama")
		}
		v.media = slices.DeleteFunc(v.media, func(x *mpVODMedia) bool { return x == m })
		return nil, nil
	}))
	s.HandleJSON("POST /wxa/sec/vod/auditdrama", func(r *Request) (any, error) {
		var in struct {
			DramaID         int64   `json:"drama_id"`
			Name            string  `json:"name"`
			MediaCount      int     `json:"media_count"`
			MediaIDList     []int64 `json:"media_id_list"`
			Producer        string  `json:"producer"`
			Description     string  `json:"description"`
			CoverMaterialID string  `json:"cover_material_id"`
			Expedited       int     `json:"expedited"`
			// Current docs: qualification_type 1 (licensed: a
			// registration_number or publish_license) or 2 (neither, low
			// cost), recommendations at most 30 characters.
			QualificationType  int    `json:"qualification_type"`
			Recommendations    string `json:"recommendations"`
			RegistrationNumber string `json:"registration_number"`
			PublishLicense     string `json:"publish_license"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if utf8.RuneCountInString(in.Recommendations) > 30 {
			return nil, Errorf(CodeInvalidArgs, "recommendations longer than 30 characters")
		}
		if in.QualificationType != 0 && in.QualificationType != 1 && in.QualificationType != 2 {
			return nil, Errorf(CodeInvalidArgs, "剧目资质类型不正确")
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		if utf8.RuneCountInString(in.Description) > 200 {
			return nil, Errorf(CodeInvalidArgs, "description longer than 200 characters")
		}
		review := M{"status": 1, "create_time": r.Now().Unix(), "audit_time": 0, "reason": "", "evidence_material_id_list": []string{}}
		if in.DramaID != 0 {
			for _, d := range v.dramas {
				if d["drama_id"] == in.DramaID {
					d["audit_detail"] = review
					return OK(M{"drama_id": in.DramaID}), nil
				}
			}
			return nil, ErrCode(CodeMPVODNotFound)
		}
		if in.Name == "" || in.Producer == "" || in.Description == "" || in.CoverMaterialID == "" || in.MediaCount < 1 || len(in.MediaIDList) != in.MediaCount {
			return nil, ErrCode(CodeInvalidArgs)
		}
		if in.QualificationType == 0 || (in.QualificationType == 1 && in.RegistrationNumber == "" && in.PublishLicense == "") {
			return nil, Errorf(CodeInvalidArgs, "剧目资质类型不正确")
		}
		for _, id := range in.MediaIDList {
			if m := v.find(id); m == nil || m.dramaID != 0 {
				return nil, ErrCode(CodeMPVODNotFound)
			}
		}
		v.next++
		id := v.next
		list := make([]M, len(in.MediaIDList))
		for i, mid := range in.MediaIDList {
			m := v.find(mid)
			m.dramaID, m.M["drama_id"], m.M["audit_detail"] = id, id, review
			list[i] = M{"media_id": mid}
		}
		v.dramas = append(v.dramas, M{"drama_id": id, "create_time": r.Now().Unix(), "name": in.Name, "playwright": "", "producer": in.Producer,
			"description": in.Description, "cover_url": "", "media_count": in.MediaCount, "expedited": in.Expedited, "media_list": list, "audit_detail": review})
		return OK(M{"drama_id": id}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/listdramas", func(r *Request) (any, error) {
		var in struct {
			Offset int `json:"offset"`
			Limit  int `json:"limit"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		v := s.mpVOD(r.AppID)
		v.mu.Lock()
		defer v.mu.Unlock()
		page, e := pageOf(v.dramas, in.Offset, in.Limit)
		if e != nil {
			return nil, e
		}
		return OK(M{"drama_info_list": append([]M{}, page...)}), nil
	})
	s.HandleJSON("POST /wxa/sec/vod/getdrama", byID("drama_id", func(r *Request, v *mpVOD, id int64, _ M) (any, error) {
		for _, d := range v.dramas {
			if d["drama_id"] == id {
				return OK(M{"drama_info": d}), nil
			}
		}
		return nil, ErrCode(CodeMPVODNotFound)
	}))
}
