package fakewechat

import (
	"strings"
	"sync"
	"time"
)

// Cloud base database migration jobs (databasemigrateimport, export,
// queryinfo) are state per app; updateindex checks its indexes;
// getqcloudtoken keeps its calls of the last hour per app.
func init() { builtin = append(builtin, registerMPCloudBaseMigrate) }

type mpTCBJobs struct {
	mu     sync.Mutex
	jobs   map[int64]M
	nextID int64
	tokens []time.Time // getqcloudtoken calls, for its 10-an-hour limit
}

func (s *Server) mpTCBJobs(appid string) *mpTCBJobs {
	return Value(s.State(appid), "mp.tcb.jobs", func() *mpTCBJobs {
		return &mpTCBJobs{jobs: map[int64]M{}, nextID: 100074947} // the docs' example job_id
	})
}

// start records a finished job and answers its id.
func (j *mpTCBJobs) start(info M) M {
	j.mu.Lock()
	defer j.mu.Unlock()
	id := j.nextID
	j.nextID++
	j.jobs[id] = info
	return OK(M{"job_id": id})
}

// mpTCBArgs decodes the body and checks the required fields: strings must
// be non-empty, file_type and conflict_mode 1 or 2, stop_on_error a bool.
func mpTCBArgs(r *Request, names ...string) (M, error) {
	in, err := r.JSON()
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, n := range names {
		ok := false
		switch v := in[n].(type) {
		case string:
			ok = v != ""
		case float64:
			ok = v == 1 || v == 2 || n == "job_id" && v > 0
		case bool:
			ok = n == "stop_on_error"
		case []any:
			ok = n == "create_indexes" || n == "drop_indexes"
		}
		if !ok {
			bad = append(bad, n)
		}
	}
	if len(bad) > 0 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: %s", strings.Join(bad, ", "))
	}
	return in, nil
}

func registerMPCloudBaseMigrate(s *Server) {
	s.HandleJSON("POST /tcb/databasemigrateimport", func(r *Request) (any, error) {
		if _, err := mpTCBArgs(r, "env", "collection_name", "file_path", "file_type", "stop_on_error", "conflict_mode"); err != nil {
			return nil, err
		}
		return s.mpTCBJobs(r.AppID).start(M{"status": "success", "record_success": 3, "record_fail": 0, "error_msg": "导入完成."}), nil
	})
	s.HandleJSON("POST /tcb/databasemigrateexport", func(r *Request) (any, error) {
		in, err := mpTCBArgs(r, "env", "file_path", "file_type", "query")
		if err != nil {
			return nil, err
		}
		return s.mpTCBJobs(r.AppID).start(M{"status": "success", "record_success": 3, "record_fail": 0, "error_msg": "导出完成.",
			"file_url": "https://tcb-mongodb-data-1254135806.cos.ap-shanghai.myqcloud.com/" + wcStr(in, "file_path")}), nil
	})
	s.HandleJSON("POST /tcb/databasemigratequeryinfo", func(r *Request) (any, error) {
		in, err := mpTCBArgs(r, "env", "job_id")
		if err != nil {
			return nil, err
		}
		j := s.mpTCBJobs(r.AppID)
		j.mu.Lock()
		defer j.mu.Unlock()
		info, ok := j.jobs[int64(in["job_id"].(float64))]
		if !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid args: job_id")
		}
		return OK(info), nil
	})
	s.HandleJSON("POST /tcb/updateindex", func(r *Request) (any, error) {
		in, err := mpTCBArgs(r, "env", "collection_name", "create_indexes", "drop_indexes")
		if err != nil {
			return nil, err
		}
		for _, v := range in["create_indexes"].([]any) {
			ix, _ := v.(M)
			keys, _ := ix["keys"].([]any)
			if _, unique := ix["unique"].(bool); wcStr(ix, "name") == "" || !unique || len(keys) == 0 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: create_indexes")
			}
			for _, k := range keys {
				key, _ := k.(M)
				if d := wcStr(key, "direction"); wcStr(key, "name") == "" || d != "1" && d != "-1" && d != "2dsphere" {
					return nil, Errorf(CodeInvalidArgs, "invalid args: keys")
				}
			}
		}
		for _, v := range in["drop_indexes"].([]any) {
			if ix, _ := v.(M); wcStr(ix, "name") == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: drop_indexes")
			}
		}
		return OK(nil), nil
	})
	s.HandleJSON("POST /tcb/getqcloudtoken", func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		life, ok := in["lifespan"].(float64)
		if !ok || life < 1 || life > 7200 || life != float64(int64(life)) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: lifespan")
		}
		j := s.mpTCBJobs(r.AppID)
		j.mu.Lock()
		defer j.mu.Unlock()
		now := r.Now()
		recent := j.tokens[:0]
		for _, t := range j.tokens {
			if now.Sub(t) < time.Hour {
				recent = append(recent, t)
			}
		}
		if j.tokens = recent; len(recent) >= 10 {
			return nil, Errorf(CodeDailyQuota, "reach max api daily quota limit: 10 calls an hour")
		}
		j.tokens = append(j.tokens, now)
		return OK(M{"secretid": "SECRETID", "secretkey": "SECRETKEY", "token": "TOKEN", "expired_time": now.Unix() + int64(life)}), nil
	})
}
