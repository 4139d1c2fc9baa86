package fakewechat

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// WeCom address-book batch jobs (异步批量接口): syncuser, replaceuser and
// replaceparty read a CSV file uploaded as a temporary media and apply it
// to the address book at once; getresult then answers status 3 with one
// row per line of the file. See the package doc for the columns.

// CodeWeComInvalidCallbackURL is WeCom's errcode for a bad callback url.
const CodeWeComInvalidCallbackURL = 40057

func init() {
	stdMessages[CodeWeComInvalidCallbackURL] = "invalid callbackurl"
	builtin = append(builtin, registerWeComBatch)
}

type wecomBatchJob struct {
	typ  string
	rows []M
}

type wecomBatch struct {
	mu   sync.Mutex
	seq  int
	jobs map[string]*wecomBatchJob
}

func (s *Server) wecomBatch(corp string) *wecomBatch {
	return Value(s.State(corp), "wecom.batch", func() *wecomBatch { return &wecomBatch{jobs: map[string]*wecomBatchJob{}} })
}

// Column names of the CSV files: the names of WeCom's templates and the
// API's field names.
var (
	wecomBatchUserColumns = map[string]string{
		"姓名": "name", "name": "name", "帐号": "userid", "账号": "userid", "userid": "userid",
		"手机号": "mobile", "手机": "mobile", "mobile": "mobile", "邮箱": "email", "个人邮箱": "email", "email": "email",
		"所在部门": "department", "部门": "department", "department": "department", "职务": "position", "职位": "position",
		"position": "position", "性别": "gender", "gender": "gender", "座机": "telephone", "telephone": "telephone",
		"别名": "alias", "alias": "alias", "地址": "address", "address": "address",
	}
	wecomBatchPartyColumns = map[string]string{
		"部门名称": "name", "name": "name", "部门ID": "id", "id": "id", "父部门ID": "parentid", "parentid": "parentid",
		"排序": "order", "order": "order",
	}
)

// wecomCSVRow is a line of a batch file: its cells by field, or the error
// that fails it (a line with the wrong number of cells, a file without the
// key column).
type wecomCSVRow struct {
	cells map[string]string
	err   *Error
}

// parseWeComCSV reads a batch file whose first line names the columns;
// key is the column every line needs. Unknown columns are ignored (the
// templates allow extra fields).
func parseWeComCSV(data []byte, columns map[string]string, key string) []wecomCSVRow {
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil
	}
	fields := make([]string, len(header))
	for i, h := range header {
		fields[i] = columns[strings.TrimSpace(h)]
	}
	hasKey := slices.Contains(fields, key)
	var rows []wecomCSVRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		row := wecomCSVRow{cells: map[string]string{}}
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount):
			row.err = ErrCode(CodeWeComInvalidParameter)
		case err != nil: // unreadable from here on: one failed line
			return append(rows, wecomCSVRow{err: ErrCode(CodeWeComInvalidParameter)})
		case !hasKey:
			row.err = ErrCode(CodeWeComMissingParameter)
		}
		for i, v := range rec {
			if i < len(fields) && fields[i] != "" {
				row.cells[fields[i]] = strings.TrimSpace(v)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func batchRow(r M, err *Error) M {
	if err == nil {
		r["errcode"], r["errmsg"] = 0, "ok"
		return r
	}
	r["errcode"], r["errmsg"] = err.Code, err.message("")
	return r
}

// userFields turns a member line into user/create fields; departments not
// in the address book are created under the root.
func (d *wecomDir) batchUserFields(cells map[string]string) (map[string]any, *Error) {
	f := map[string]any{}
	for k, v := range cells {
		if v == "" {
			continue // not given: left as it is
		}
		switch k {
		case "department":
			var ids []any
			for _, p := range strings.Split(v, ";") {
				id, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
				if err != nil || id <= 0 {
					return nil, ErrCode(CodeWeComInvalidParameter)
				}
				ids = append(ids, float64(id))
			}
			f[k] = ids
		case "gender":
			switch v {
			case "男", "1":
				f[k] = "1"
			case "女", "2":
				f[k] = "2"
			default:
				return nil, ErrCode(CodeWeComInvalidParameter)
			}
		default:
			f[k] = v
		}
	}
	return f, nil
}

func (d *wecomDir) ensureDepts(f map[string]any) {
	for _, id := range anyInts(f["department"]) {
		if d.depts[id] == nil {
			d.depts[id] = &wecomDept{ID: id, Name: strconv.FormatInt(id, 10), ParentID: 1, Leaders: []string{}}
		}
	}
}

// applyUsers runs a syncuser or replaceuser file; replace deletes the
// members the file leaves out, unless too many (then every line fails and
// nothing changes).
func (d *wecomDir) applyUsers(rows []wecomCSVRow, replace bool) []M {
	out := make([]M, 0, len(rows))
	if replace {
		inFile := map[string]bool{}
		for _, row := range rows {
			inFile[row.cells["userid"]] = true
		}
		n, del := len(d.users), 0
		for id := range d.users {
			if !inFile[id] {
				del++
			}
		}
		if del > 50 && del*5 > n || del < 50 && del*5 > n*4 {
			for _, row := range rows {
				out = append(out, batchRow(M{"userid": row.cells["userid"]}, ErrCode(CodeWeComInvalidParameter)))
			}
			return out
		}
		for _, id := range slices.Clone(d.order) {
			if !inFile[id] {
				d.removeUser(id)
			}
		}
	}
	for _, row := range rows {
		id := row.cells["userid"]
		out = append(out, batchRow(M{"userid": id}, d.batchUser(row, id)))
	}
	return out
}

func (d *wecomDir) batchUser(row wecomCSVRow, id string) *Error {
	if row.err != nil {
		return row.err
	}
	if id == "" {
		return ErrCode(CodeWeComMissingParameter)
	}
	f, e := d.batchUserFields(row.cells)
	if e != nil {
		return e
	}
	u := d.users[id]
	if u == nil && f["name"] == nil {
		return ErrCode(CodeWeComMissingParameter)
	}
	d.ensureDepts(f)
	if err := d.checkUserFields(f, id); err != nil {
		var fe *Error
		errors.As(err, &fe)
		return fe
	}
	if u == nil {
		d.addUser(f).status = 4
		return nil
	}
	for k, v := range f {
		u.fields[k] = v
	}
	u.refresh()
	return nil
}

// applyParties runs a replaceparty file: departments of the file are
// created or changed (action bits 1 created, 2 renamed, 4 moved, 8
// reordered), then the others are deleted while they have no members or
// sub-departments.
func (d *wecomDir) applyParties(rows []wecomCSVRow) []M {
	type line struct {
		id, parent, order int64
		name              string
		err               *Error
	}
	lines := make([]line, len(rows))
	inFile := map[int64]bool{1: true}
	for i, row := range rows {
		l := &lines[i]
		l.err = row.err
		c := row.cells
		var e1, e2, e3 error
		l.name = c["name"]
		l.id, e1 = strconv.ParseInt(c["id"], 10, 64)
		l.parent, e2 = strconv.ParseInt(c["parentid"], 10, 64)
		if c["order"] != "" {
			l.order, e3 = strconv.ParseInt(c["order"], 10, 64)
		}
		switch {
		case l.err != nil:
		case l.name == "" || c["id"] == "" || c["parentid"] == "":
			l.err = ErrCode(CodeWeComMissingParameter)
		case e1 != nil || e2 != nil || e3 != nil || l.id <= 0 || l.parent < 0 || l.parent == 0 && l.id != 1:
			l.err = ErrCode(CodeWeComInvalidParameter)
		default:
			inFile[l.id] = true
		}
	}
	out := make([]M, 0, len(rows))
	for _, l := range lines {
		row := M{"partyid": l.id, "action": 0}
		if l.err == nil && l.id != 1 && !inFile[l.parent] && d.depts[l.parent] == nil {
			l.err = ErrCode(CodeWeComPartyNotFound)
		}
		if l.err == nil && l.id != 1 && d.depts[l.id] != nil && slices.Contains(d.subtree(l.id), l.parent) {
			l.err = ErrCode(CodeWeComInvalidParameter) // would move under itself
		}
		if l.err != nil {
			out = append(out, batchRow(row, l.err))
			continue
		}
		dp, action := d.depts[l.id], 0
		if dp == nil {
			dp = &wecomDept{ID: l.id, Name: l.name, ParentID: l.parent, Order: l.order, Leaders: []string{}}
			d.depts[l.id] = dp
			action = 1
		} else {
			if dp.Name != l.name {
				dp.Name, action = l.name, action|2
			}
			if l.id != 1 && dp.ParentID != l.parent {
				dp.ParentID, action = l.parent, action|4
			}
			if l.order != 0 && dp.Order != l.order {
				dp.Order, action = l.order, action|8
			}
		}
		row["action"] = action
		out = append(out, batchRow(row, nil))
	}
	for removed := true; removed; {
		removed = false
		for id, dp := range d.depts {
			if inFile[id] || len(d.subtree(id)) > 1 || slices.ContainsFunc(d.order, func(u string) bool { return slices.Contains(d.users[u].depts, dp.ID) }) {
				continue
			}
			delete(d.depts, id)
			removed = true
		}
	}
	return out
}

func registerWeComBatch(s *Server) {
	start := func(typ string) JSONHandler {
		return func(r *Request) (any, error) {
			var in struct {
				MediaID  string `json:"media_id"`
				ToInvite *bool  `json:"to_invite"`
				Callback *struct {
					URL            string `json:"url"`
					Token          string `json:"token"`
					EncodingAESKey string `json:"encodingaeskey"`
				} `json:"callback"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			if in.MediaID == "" {
				return nil, ErrCode(CodeWeComMissingParameter)
			}
			if cb := in.Callback; cb != nil && (!strings.HasPrefix(cb.URL, "http://") && !strings.HasPrefix(cb.URL, "https://") ||
				cb.EncodingAESKey != "" && len(cb.EncodingAESKey) != 43) {
				return nil, ErrCode(CodeWeComInvalidCallbackURL)
			}
			ms := r.Server.wecomMedia(r)
			ms.mu.Lock()
			m := ms.lookup(in.MediaID, r.Now())
			ms.mu.Unlock()
			if m == nil {
				return nil, ErrCode(CodeInvalidMediaID)
			}
			rows := []M{}
			_, _ = withDir(r, func(d *wecomDir) (any, error) {
				if typ == "replace_party" {
					rows = d.applyParties(parseWeComCSV(m.data, wecomBatchPartyColumns, "id"))
				} else {
					rows = d.applyUsers(parseWeComCSV(m.data, wecomBatchUserColumns, "userid"), typ == "replace_user")
				}
				return nil, nil
			})
			corp, _ := wecomCaller(r)
			b := r.Server.wecomBatch(corp)
			b.mu.Lock()
			defer b.mu.Unlock()
			b.seq++
			id := fmt.Sprintf("JOB%06dFAKE", b.seq)
			b.jobs[id] = &wecomBatchJob{typ: typ, rows: rows}
			return OK(M{"jobid": id}), nil
		}
	}
	// https://developer.work.weixin.qq.com/document/path/90980
	s.HandleJSON(WeComPath("POST /cgi-bin/batch/syncuser"), start("sync_user"))
	// https://developer.work.weixin.qq.com/document/path/90981
	s.HandleJSON(WeComPath("POST /cgi-bin/batch/replaceuser"), start("replace_user"))
	// https://developer.work.weixin.qq.com/document/path/90982
	s.HandleJSON(WeComPath("POST /cgi-bin/batch/replaceparty"), start("replace_party"))

	// https://developer.work.weixin.qq.com/document/path/90983
	// An unknown jobid answers 40058 (the docs name no errcode of their own).
	s.HandleJSON(WeComPath("GET /cgi-bin/batch/getresult"), func(r *Request) (any, error) {
		corp, _ := wecomCaller(r)
		b := r.Server.wecomBatch(corp)
		b.mu.Lock()
		defer b.mu.Unlock()
		job := b.jobs[r.Query.Get("jobid")]
		if job == nil {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		return OK(M{"status": 3, "type": job.typ, "total": len(job.rows), "percentage": 100, "result": job.rows}), nil
	})
}
