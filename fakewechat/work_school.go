package fakewechat

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// WeCom home-school address book (家校沟通): students, parents and
// departments per corp, with the settings and web login. See the package
// doc for the rules.

// Limits of the home-school address book, as the docs state them.
const (
	wcSchoolBatch     = 100 // items per batch call
	wcSchoolChildren  = 10  // children of a parent
	wcSchoolDepts     = 20  // classes of a student
	wcSchoolRelation  = 32  // bytes of a relation
	wcSchoolName      = 32  // characters of a student or department name
	wcSchoolUserIDMax = 64  // bytes of a userid
	wcSchoolSubject   = 15  // characters of a teacher's subject
)

type wcStudent struct {
	id, name, mobile string
	depts            []int64
	renamed          bool
}

type wcChild struct{ student, relation string } // student: the key of the student

type wcParent struct {
	id, mobile string
	children   []wcChild
	renamed    bool
}

type wcSchoolDept struct {
	id, parent             int64
	typ                    int
	name                   string
	registerYear, stdGrade int
	order                  int64
	hasOrder               bool
	admins                 []M
}

type wcSchoolCode struct {
	userID  string
	expires time.Time
}

type wcSchool struct {
	mu       sync.Mutex
	students map[string]*wcStudent // by lower-case userid
	parents  map[string]*wcParent
	depts    map[int64]*wcSchoolDept
	order    []int64 // department ids in creation order
	nextDept int64
	codes    map[string]wcSchoolCode
	codeSeq  int
	// settings
	archSyncMode  int
	upgradeTime   int64
	upgradeSwitch int
}

func (s *Server) wcSchool(corp string) *wcSchool {
	return Value(s.State("wecom:"+corp), "school", func() *wcSchool {
		return &wcSchool{students: map[string]*wcStudent{}, parents: map[string]*wcParent{}, codes: map[string]wcSchoolCode{},
			depts: map[int64]*wcSchoolDept{1: {id: 1, typ: 5, name: "学校", admins: []M{}}}, order: []int64{1}, nextDept: 2}
	})
}

// WeComSchoolCode returns a web-login code (valid 5 minutes, usable once)
// for student or parent userID of corp's school: school/getuserinfo
// answers who it is.
func (s *Server) WeComSchoolCode(corp, userID string) string {
	sc := s.wcSchool(corp)
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.codeSeq++
	code := "SCHOOLCODE" + strconv.Itoa(sc.codeSeq)
	sc.codes[code] = wcSchoolCode{userID: strings.ToLower(userID), expires: s.Now().Add(5 * time.Minute)}
	return code
}

// WeComSchoolSettings returns the sync mode set by set_arch_sync_mode (0
// when never set) and the upgrade settings of set_upgrade_info of corp.
func (s *Server) WeComSchoolSettings(corp string) (archSyncMode int, upgradeTime int64, upgradeOn bool) {
	sc := s.wcSchool(corp)
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.archSyncMode, sc.upgradeTime, sc.upgradeSwitch == 1
}

func init() { builtin = append(builtin, registerWeComSchool) }

func wcSchoolBad(format string, args ...any) *Error {
	return Errorf(CodeWeComInvalidParameter, "invalid Parameter: "+format, args...)
}

// wcSchoolUserID checks a userid: 1 to 64 bytes of [0-9A-Za-z_-@.], the
// first a digit or letter (40003 otherwise).
func wcSchoolUserID(id string) *Error {
	if id == "" || len(id) > wcSchoolUserIDMax {
		return Errorf(CodeWeComInvalidUserID, "invalid userid: %s", id)
	}
	for i, c := range id {
		alnum := c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !alnum && (i == 0 || !strings.ContainsRune("_-@.", c)) {
			return Errorf(CodeWeComInvalidUserID, "invalid userid: %s", id)
		}
	}
	return nil
}

func (sc *wcSchool) taken(id string) bool {
	k := strings.ToLower(id)
	return sc.students[k] != nil || sc.parents[k] != nil
}

// checkSchoolIDs checks the <kind>_userid of a student or parent, the
// new_<kind>_userid of an update and the fields a create needs.
func checkSchoolIDs(in M, kind string, create bool, needed ...string) *Error {
	id := kind + "_userid"
	if e := wcNeed(in, id); e != nil {
		return e
	}
	if e := wcSchoolUserID(wcStr(in, id)); e != nil {
		return e
	}
	if create {
		return wcNeed(in, needed...)
	}
	if _, ok := in["new_"+id]; ok {
		return wcSchoolUserID(wcStr(in, "new_"+id))
	}
	return nil
}

// checkStudent checks the shape of a student (create: every field; else
// an update) with the limits that refuse a whole request.
func checkStudent(in M, create bool) *Error {
	if e := checkSchoolIDs(in, "student", create, "name", "department"); e != nil {
		return e
	}
	if n := utf8.RuneCountInString(wcStr(in, "name")); n > wcSchoolName {
		return wcSchoolBad("name over %d characters", wcSchoolName)
	}
	if d, ok := in["department"]; ok {
		l, isList := d.([]any)
		if !isList || len(l) > wcSchoolDepts || len(anyInts(d)) != len(l) {
			return wcSchoolBad("department")
		}
	}
	return nil
}

func (sc *wcSchool) checkDepts(in M) *Error {
	for _, id := range anyInts(in["department"]) {
		if sc.depts[id] == nil {
			return Errorf(CodeWeComPartyNotFound, "department not found: %d", id)
		}
	}
	return nil
}

func (sc *wcSchool) createStudent(in M) *Error {
	id := wcStr(in, "student_userid")
	if sc.taken(id) {
		return Errorf(CodeWeComUserIDExists, "userid existed: %s", id)
	}
	if e := sc.checkDepts(in); e != nil {
		return e
	}
	sc.students[strings.ToLower(id)] = &wcStudent{id: id, name: wcStr(in, "name"), mobile: wcStr(in, "mobile"), depts: anyInts(in["department"])}
	return nil
}

func (sc *wcSchool) updateStudent(in M) *Error {
	id := wcStr(in, "student_userid")
	st := sc.students[strings.ToLower(id)]
	if st == nil {
		return Errorf(CodeWeComUserNotFound, "userid not found: %s", id)
	}
	if e := sc.checkDepts(in); e != nil {
		return e
	}
	if n := wcStr(in, "new_student_userid"); n != "" && !strings.EqualFold(n, st.id) {
		switch {
		case st.renamed:
			return wcSchoolBad("%s was renamed already", id)
		case sc.taken(n):
			return Errorf(CodeWeComUserIDExists, "userid existed: %s", n)
		}
		old := strings.ToLower(st.id)
		delete(sc.students, old)
		st.id, st.renamed = n, true
		sc.students[strings.ToLower(n)] = st
		for _, p := range sc.parents {
			for i := range p.children {
				if p.children[i].student == old {
					p.children[i].student = strings.ToLower(n)
				}
			}
		}
	}
	if v, ok := in["name"].(string); ok && v != "" {
		st.name = v
	}
	if v, ok := in["mobile"].(string); ok && v != "" {
		st.mobile = v
	}
	if l := anyInts(in["department"]); len(l) > 0 {
		st.depts = l
	}
	return nil
}

func (sc *wcSchool) hasParents(student string) bool {
	for _, p := range sc.parents {
		if slices.ContainsFunc(p.children, func(c wcChild) bool { return c.student == student }) {
			return true
		}
	}
	return false
}

func (sc *wcSchool) deleteStudent(id string) *Error {
	k := strings.ToLower(id)
	switch {
	case sc.students[k] == nil:
		return Errorf(CodeWeComUserNotFound, "userid not found: %s", id)
	case sc.hasParents(k):
		return wcSchoolBad("student %s still has parents", id)
	}
	delete(sc.students, k)
	return nil
}

// checkParent checks the shape of a parent (create or update).
func checkParent(in M, create bool) *Error {
	if e := checkSchoolIDs(in, "parent", create, "mobile", "children"); e != nil {
		return e
	}
	cs, ok := in["children"].([]any)
	if _, has := in["children"]; has && !ok || len(cs) > wcSchoolChildren {
		return wcSchoolBad("children")
	}
	for _, c := range cs {
		m, ok := c.(M)
		if !ok {
			return wcSchoolBad("children")
		}
		if e := wcNeed(m, "student_userid", "relation"); e != nil {
			return e
		}
		if len(wcStr(m, "relation")) > wcSchoolRelation {
			return wcSchoolBad("relation over %d bytes", wcSchoolRelation)
		}
	}
	return nil
}

func (sc *wcSchool) children(in M) ([]wcChild, *Error) {
	var out []wcChild
	for _, c := range asList(in["children"]) {
		m := c.(M)
		k := strings.ToLower(wcStr(m, "student_userid"))
		if sc.students[k] == nil {
			return nil, Errorf(CodeWeComUserNotFound, "student not found: %s", wcStr(m, "student_userid"))
		}
		out = append(out, wcChild{k, wcStr(m, "relation")})
	}
	return out, nil
}

func (sc *wcSchool) createParent(in M) *Error {
	id := wcStr(in, "parent_userid")
	if sc.taken(id) {
		return Errorf(CodeWeComUserIDExists, "userid existed: %s", id)
	}
	cs, e := sc.children(in)
	if e != nil {
		return e
	}
	sc.parents[strings.ToLower(id)] = &wcParent{id: id, mobile: wcStr(in, "mobile"), children: cs}
	return nil
}

func (sc *wcSchool) updateParent(in M) *Error {
	id := wcStr(in, "parent_userid")
	p := sc.parents[strings.ToLower(id)]
	if p == nil {
		return Errorf(CodeWeComUserNotFound, "userid not found: %s", id)
	}
	cs, e := sc.children(in)
	if e != nil {
		return e
	}
	if n := wcStr(in, "new_parent_userid"); n != "" && !strings.EqualFold(n, p.id) {
		switch {
		case p.renamed:
			return wcSchoolBad("%s was renamed already", id)
		case sc.taken(n):
			return Errorf(CodeWeComUserIDExists, "userid existed: %s", n)
		}
		delete(sc.parents, strings.ToLower(p.id))
		p.id, p.renamed = n, true
		sc.parents[strings.ToLower(n)] = p
	}
	if v := wcStr(in, "mobile"); v != "" {
		p.mobile = v
	}
	if len(cs) > 0 { // the docs: an empty children list is ignored
		p.children = cs
	}
	return nil
}

func (sc *wcSchool) deleteParent(id string) *Error {
	k := strings.ToLower(id)
	if sc.parents[k] == nil {
		return Errorf(CodeWeComUserNotFound, "userid not found: %s", id)
	}
	delete(sc.parents, k)
	return nil
}

func (sc *wcSchool) studentJSON(st *wcStudent) M {
	k := strings.ToLower(st.id)
	parents := []M{}
	for _, pk := range sortedKeys(sc.parents) {
		p := sc.parents[pk]
		for _, c := range p.children {
			if c.student == k {
				parents = append(parents, M{"parent_userid": p.id, "relation": c.relation, "mobile": p.mobile, "is_subscribe": 0})
			}
		}
	}
	return M{"student_userid": st.id, "name": st.name, "department": st.depts, "parents": parents}
}

func (sc *wcSchool) parentJSON(p *wcParent, names bool) M {
	children := []M{}
	for _, c := range p.children {
		m := M{"student_userid": sc.students[c.student].id, "relation": c.relation}
		if names {
			m["name"] = sc.students[c.student].name
		}
		children = append(children, m)
	}
	return M{"parent_userid": p.id, "mobile": p.mobile, "is_subscribe": 0, "children": children}
}

// schoolBatch applies one item after another; the failures make
// result_list, the first of them the errcode of the answer (as the docs'
// example shows).
func schoolBatch(in M, listKey, idKey string, check func(M) *Error, apply func(M) *Error) (any, error) {
	list := asList(in[listKey])
	if len(list) == 0 || len(list) > wcSchoolBatch {
		return nil, wcSchoolBad("%s: 1 to %d", listKey, wcSchoolBatch)
	}
	items := make([]M, len(list))
	for i, v := range list {
		m, ok := v.(M)
		if s, isStr := v.(string); isStr { // useridlist
			m, ok = M{idKey: s}, s != ""
		}
		if !ok {
			return nil, wcSchoolBad("%s", listKey)
		}
		if check != nil {
			if e := check(m); e != nil {
				return nil, e
			}
		}
		items[i] = m
	}
	results := []M{}
	for _, m := range items {
		if e := apply(m); e != nil {
			results = append(results, M{idKey: m[idKey], "errcode": e.Code, "errmsg": e.message("")})
		}
	}
	if len(results) > 0 {
		return M{"errcode": results[0]["errcode"], "errmsg": results[0]["errmsg"], "result_list": results}, nil
	}
	return OK(M{"result_list": results}), nil
}

// wcSchoolRoute registers a handler of the school fakes: it gets the
// corp's school, locked, and the JSON body of a POST.
type wcSchoolRoute func(pattern string, fn func(r *Request, sc *wcSchool, in M) (any, error))

func registerWeComSchool(s *Server) {
	h := func(pattern string, fn func(r *Request, sc *wcSchool, in M) (any, error)) {
		s.HandleJSON(WeComPath(pattern), func(r *Request) (any, error) {
			var in M
			if strings.HasPrefix(pattern, "POST") {
				var err error
				if in, err = r.JSON(); err != nil {
					return nil, err
				}
			}
			corp, _ := wecomCaller(r)
			sc := r.Server.wcSchool(corp)
			sc.mu.Lock()
			defer sc.mu.Unlock()
			return fn(r, sc, in)
		})
	}
	single := func(check func(M, bool) *Error, create bool, apply func(*wcSchool, M) *Error) func(*Request, *wcSchool, M) (any, error) {
		return func(r *Request, sc *wcSchool, in M) (any, error) {
			if e := check(in, create); e != nil {
				return nil, e
			}
			if e := apply(sc, in); e != nil {
				return nil, e
			}
			return nil, nil
		}
	}
	byUserID := func(del func(*wcSchool, string) *Error) func(*Request, *wcSchool, M) (any, error) {
		return func(r *Request, sc *wcSchool, _ M) (any, error) {
			id := r.Query.Get("userid")
			if id == "" {
				return nil, wcSchoolBad("userid missing")
			}
			if e := del(sc, id); e != nil {
				return nil, e
			}
			return nil, nil
		}
	}
	const user = "/cgi-bin/school/user/"
	// https://developer.work.weixin.qq.com/document/path/92035
	h("POST "+user+"create_student", single(checkStudent, true, (*wcSchool).createStudent))
	// https://developer.work.weixin.qq.com/document/path/92041
	h("POST "+user+"update_student", single(checkStudent, false, (*wcSchool).updateStudent))
	// https://developer.work.weixin.qq.com/document/path/92039
	h("GET "+user+"delete_student", byUserID((*wcSchool).deleteStudent))
	h("POST "+user+"batch_create_student", func(r *Request, sc *wcSchool, in M) (any, error) {
		return schoolBatch(in, "students", "student_userid", func(m M) *Error { return checkStudent(m, true) }, sc.createStudent)
	})
	// https://developer.work.weixin.qq.com/document/path/92042
	h("POST "+user+"batch_update_student", func(r *Request, sc *wcSchool, in M) (any, error) {
		return schoolBatch(in, "students", "student_userid", func(m M) *Error { return checkStudent(m, false) }, sc.updateStudent)
	})
	// https://developer.work.weixin.qq.com/document/path/92040
	h("POST "+user+"batch_delete_student", func(r *Request, sc *wcSchool, in M) (any, error) {
		return schoolBatch(in, "useridlist", "student_userid", nil, func(m M) *Error { return sc.deleteStudent(wcStr(m, "student_userid")) })
	})
	// https://developer.work.weixin.qq.com/document/path/92077
	h("POST "+user+"create_parent", single(checkParent, true, (*wcSchool).createParent))
	// https://developer.work.weixin.qq.com/document/path/100153
	h("POST "+user+"update_parent", single(checkParent, false, (*wcSchool).updateParent))
	// https://developer.work.weixin.qq.com/document/path/100152
	h("GET "+user+"delete_parent", byUserID((*wcSchool).deleteParent))
	// https://developer.work.weixin.qq.com/document/path/92078
	h("POST "+user+"batch_create_parent", func(r *Request, sc *wcSchool, in M) (any, error) {
		return schoolBatch(in, "parents", "parent_userid", func(m M) *Error { return checkParent(m, true) }, sc.createParent)
	})
	// https://developer.work.weixin.qq.com/document/path/100156
	h("POST "+user+"batch_update_parent", func(r *Request, sc *wcSchool, in M) (any, error) {
		return schoolBatch(in, "parents", "parent_userid", func(m M) *Error { return checkParent(m, false) }, sc.updateParent)
	})
	// https://developer.work.weixin.qq.com/document/path/92080
	h("POST "+user+"batch_delete_parent", func(r *Request, sc *wcSchool, in M) (any, error) {
		return schoolBatch(in, "useridlist", "parent_userid", nil, func(m M) *Error { return sc.deleteParent(wcStr(m, "parent_userid")) })
	})
	// https://developer.work.weixin.qq.com/document/path/92337
	h("GET "+user+"get", func(r *Request, sc *wcSchool, _ M) (any, error) {
		k := strings.ToLower(r.Query.Get("userid"))
		if st := sc.students[k]; st != nil {
			return OK(M{"user_type": 1, "student": sc.studentJSON(st)}), nil
		}
		if p := sc.parents[k]; p != nil {
			return OK(M{"user_type": 2, "parent": sc.parentJSON(p, false)}), nil
		}
		return nil, Errorf(CodeWeComUserNotFound, "userid not found: %s", r.Query.Get("userid"))
	})
	inDept := func(r *Request, sc *wcSchool) (int64, *Error) {
		id, err := strconv.ParseInt(r.Query.Get("department_id"), 10, 64)
		if err != nil {
			return 0, wcSchoolBad("department_id")
		}
		if sc.depts[id] == nil {
			return 0, ErrCode(CodeWeComPartyNotFound)
		}
		return id, nil
	}
	// https://developer.work.weixin.qq.com/document/path/92043
	h("GET "+user+"list", func(r *Request, sc *wcSchool, _ M) (any, error) {
		id, e := inDept(r, sc)
		if e != nil {
			return nil, e
		}
		out := []M{}
		for _, k := range sortedKeys(sc.students) {
			if st := sc.students[k]; slices.Contains(st.depts, id) {
				out = append(out, sc.studentJSON(st))
			}
		}
		return OK(M{"students": out}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/96741
	h("GET "+user+"list_parent", func(r *Request, sc *wcSchool, _ M) (any, error) {
		id, e := inDept(r, sc)
		if e != nil {
			return nil, e
		}
		out := []M{}
		for _, k := range sortedKeys(sc.parents) {
			p := sc.parents[k]
			if slices.ContainsFunc(p.children, func(c wcChild) bool { return slices.Contains(sc.students[c.student].depts, id) }) {
				out = append(out, sc.parentJSON(p, true))
			}
		}
		return OK(M{"parents": out}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/95791
	h("GET /cgi-bin/school/getuserinfo", func(r *Request, sc *wcSchool, _ M) (any, error) {
		code := r.Query.Get("code")
		c, ok := sc.codes[code]
		delete(sc.codes, code)
		if !ok || !r.Now().Before(c.expires) {
			return nil, ErrCode(CodeWeComInvalidCode)
		}
		if st := sc.students[c.userID]; st != nil {
			return OK(M{"DeviceId": "DEVICE-" + code, "student_userid": st.id}), nil
		}
		if p := sc.parents[c.userID]; p != nil {
			return OK(M{"DeviceId": "DEVICE-" + code, "parent_userid": p.id}), nil
		}
		return nil, ErrCode(CodeWeComInvalidCode)
	})
	registerWeComSchoolDepts(h)
	registerWeComSchoolMore(h)
}
