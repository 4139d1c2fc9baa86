package fakewechat

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// School department types and the department type each admin type needs
// (校区负责人 on campuses, 年级负责人 on grades, 班主任 and 任课老师 on
// classes, 学段负责人 on stages).
const (
	wcSchoolClass = 1
	wcSchoolGrade = 2
	wcSchoolRoot  = 5
)

var wcSchoolAdminDept = map[int]int{1: 4, 2: wcSchoolGrade, 3: wcSchoolClass, 4: wcSchoolClass, 5: 3}

func (d *wcSchoolDept) json() M {
	m := M{"id": d.id, "parentid": d.parent, "type": d.typ, "name": d.name, "department_admins": d.admins}
	if d.stdGrade != 0 {
		m["standard_grade"] = d.stdGrade
		if d.registerYear != 0 { // the fake does not work it out from the grade
			m["register_year"] = d.registerYear
		}
	}
	if d.hasOrder {
		m["order"] = d.order
	}
	switch d.typ {
	case wcSchoolGrade:
		m["is_graduated"] = 0
	case wcSchoolClass:
		m["open_group_chat"] = 0
	}
	return m
}

// checkDeptFields checks name, register_year, standard_grade and order
// when present (40058).
func checkDeptFields(in M, needName bool) *Error {
	name, hasName := in["name"].(string)
	if needName || hasName {
		if n := utf8.RuneCountInString(name); n < 1 || n > wcSchoolName || strings.ContainsAny(name, `-:*?"<>/`) {
			return wcSchoolBad("name")
		}
	}
	if _, ok := in["register_year"]; ok {
		if v := wcInt(in, "register_year"); v < 1970 || v > 2100 {
			return wcSchoolBad("register_year")
		}
	}
	if o, ok := in["order"]; ok {
		if v, isNum := o.(float64); !isNum || v < 0 || v >= 1<<32 {
			return wcSchoolBad("order")
		}
	}
	return nil
}

// admin checks one department_admins entry for a department of type typ.
func checkSchoolAdmin(a M, typ int, update bool) *Error {
	if e := wcNeed(a, "userid"); e != nil {
		return e
	}
	if update && wcInt(a, "op") == 1 {
		return nil
	}
	at := wcInt(a, "type")
	if want, ok := wcSchoolAdminDept[at]; !ok || want != typ {
		return wcSchoolBad("department_admins.type %d on a department of type %d", at, typ)
	}
	if sub := wcStr(a, "subject"); sub != "" && (at != 3 && at != 4 || utf8.RuneCountInString(sub) > wcSchoolSubject) {
		return wcSchoolBad("department_admins.subject")
	}
	return nil
}

// parentOK checks that parent exists (60003) and can hold a department of
// type typ: a class goes under a grade (40058).
func (sc *wcSchool) parentOK(parent int64, typ int) *Error {
	p := sc.depts[parent]
	if p == nil {
		return Errorf(CodeWeComPartyNotFound, "parent department not found: %d", parent)
	}
	if typ == wcSchoolClass && p.typ != wcSchoolGrade {
		return wcSchoolBad("a class's parent must be a grade")
	}
	return nil
}

// subtree returns id and the departments under it, in creation order.
func (sc *wcSchool) subtree(id int64) []int64 {
	in := map[int64]bool{id: true}
	out := []int64{id}
	for changed := true; changed; {
		changed = false
		for _, d := range sc.order {
			if !in[d] && in[sc.depts[d].parent] {
				in[d], changed = true, true
			}
		}
	}
	for _, d := range sc.order {
		if d != id && in[d] {
			out = append(out, d)
		}
	}
	return out
}

func deptAdmins(in M) []M {
	out := []M{}
	for _, v := range asList(in["department_admins"]) {
		a := v.(M)
		m := M{"userid": a["userid"], "type": a["type"]}
		if sub := wcStr(a, "subject"); sub != "" {
			m["subject"] = sub
		}
		out = append(out, m)
	}
	return out
}

func registerWeComSchoolDepts(h wcSchoolRoute) {
	const dept = "/cgi-bin/school/department/"
	// https://developer.work.weixin.qq.com/document/path/100158
	h("POST "+dept+"create", func(r *Request, sc *wcSchool, in M) (any, error) {
		if e := wcNeed(in, "parentid", "type"); e != nil {
			return nil, e
		}
		typ := wcInt(in, "type")
		if typ < wcSchoolClass || typ > 4 {
			return nil, wcSchoolBad("type")
		}
		std := typ == wcSchoolGrade && wcInt(in, "standard_grade") != 0
		if e := checkDeptFields(in, !std); e != nil {
			return nil, e
		}
		for _, a := range asList(in["department_admins"]) {
			m, ok := a.(M)
			if !ok {
				return nil, wcSchoolBad("department_admins")
			}
			if e := checkSchoolAdmin(m, typ, false); e != nil {
				return nil, e
			}
		}
		if e := sc.parentOK(int64(wcInt(in, "parentid")), typ); e != nil {
			return nil, e
		}
		id := int64(wcInt(in, "id"))
		switch {
		case in["id"] != nil && id <= 1:
			return nil, wcSchoolBad("id must be greater than 1")
		case sc.depts[id] != nil:
			return nil, Errorf(CodeWeComPartyExists, "department existed: %d", id)
		case id == 0:
			for sc.depts[sc.nextDept] != nil {
				sc.nextDept++
			}
			id = sc.nextDept
		}
		d := &wcSchoolDept{id: id, parent: int64(wcInt(in, "parentid")), typ: typ, name: wcStr(in, "name"), admins: deptAdmins(in)}
		if std {
			d.stdGrade, d.registerYear = wcInt(in, "standard_grade"), wcInt(in, "register_year")
		}
		if _, ok := in["order"]; ok {
			d.order, d.hasOrder = int64(wcInt(in, "order")), true
		}
		sc.depts[id] = d
		sc.order = append(sc.order, id)
		return OK(M{"id": id}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/92297
	h("POST "+dept+"update", func(r *Request, sc *wcSchool, in M) (any, error) {
		if e := wcNeed(in, "id"); e != nil {
			return nil, e
		}
		d := sc.depts[int64(wcInt(in, "id"))]
		if d == nil {
			return nil, ErrCode(CodeWeComPartyNotFound)
		}
		if e := checkDeptFields(in, false); e != nil {
			return nil, e
		}
		for _, a := range asList(in["department_admins"]) {
			m, ok := a.(M)
			if op := wcInt(m, "op"); !ok || op != 0 && op != 1 {
				return nil, wcSchoolBad("department_admins.op")
			}
			if e := checkSchoolAdmin(m, d.typ, true); e != nil {
				return nil, e
			}
		}
		parent := d.parent
		if _, ok := in["parentid"]; ok {
			parent = int64(wcInt(in, "parentid"))
			if d.id == 1 || slices.Contains(sc.subtree(d.id), parent) {
				return nil, wcSchoolBad("parentid")
			}
			if e := sc.parentOK(parent, d.typ); e != nil {
				return nil, e
			}
		}
		newID := int64(wcInt(in, "new_id"))
		if newID != 0 && newID != d.id {
			switch {
			case newID <= 1 || d.id == 1:
				return nil, wcSchoolBad("new_id")
			case sc.depts[newID] != nil:
				return nil, Errorf(CodeWeComPartyExists, "department existed: %d", newID)
			}
		}
		d.parent = parent
		if v := wcStr(in, "name"); v != "" {
			d.name = v
		}
		if _, ok := in["standard_grade"]; ok && d.typ == wcSchoolGrade {
			d.stdGrade = wcInt(in, "standard_grade") // 0 makes a plain grade
		}
		if _, ok := in["register_year"]; ok && d.typ == wcSchoolGrade {
			d.registerYear = wcInt(in, "register_year")
		}
		if _, ok := in["order"]; ok {
			d.order, d.hasOrder = int64(wcInt(in, "order")), true
		}
		for _, v := range asList(in["department_admins"]) {
			a := v.(M)
			uid := wcStr(a, "userid")
			d.admins = slices.DeleteFunc(d.admins, func(x M) bool { return strings.EqualFold(wcStr(x, "userid"), uid) })
			if wcInt(a, "op") == 0 {
				d.admins = append(d.admins, deptAdmins(M{"department_admins": []any{a}})...)
			}
		}
		if newID != 0 && newID != d.id {
			old := d.id
			delete(sc.depts, old)
			d.id = newID
			sc.depts[newID] = d
			sc.order[slices.Index(sc.order, old)] = newID
			for _, x := range sc.depts {
				if x.parent == old {
					x.parent = newID
				}
			}
			for _, st := range sc.students {
				for i, id := range st.depts {
					if id == old {
						st.depts[i] = newID
					}
				}
			}
		}
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/100160
	h("GET "+dept+"delete", func(r *Request, sc *wcSchool, _ M) (any, error) {
		id, err := strconv.ParseInt(r.Query.Get("id"), 10, 64)
		switch {
		case err != nil || id == 1:
			return nil, wcSchoolBad("id")
		case sc.depts[id] == nil:
			return nil, ErrCode(CodeWeComPartyNotFound)
		case len(sc.subtree(id)) > 1:
			return nil, ErrCode(CodeWeComPartyHasChildren)
		}
		for _, st := range sc.students {
			if slices.Contains(st.depts, id) {
				return nil, ErrCode(CodeWeComPartyHasMembers)
			}
		}
		delete(sc.depts, id)
		sc.order = slices.DeleteFunc(sc.order, func(x int64) bool { return x == id })
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/92299
	h("GET "+dept+"list", func(r *Request, sc *wcSchool, _ M) (any, error) {
		root := int64(1)
		if q := r.Query.Get("id"); q != "" {
			id, err := strconv.ParseInt(q, 10, 64)
			if err != nil {
				return nil, wcSchoolBad("id")
			}
			if sc.depts[id] == nil {
				return nil, ErrCode(CodeWeComPartyNotFound)
			}
			root = id
		}
		out := []M{}
		for _, id := range sc.subtree(root) {
			out = append(out, sc.depts[id].json())
		}
		return OK(M{"departments": out}), nil
	})
}
