package work

import (
	"context"
	"net/url"
	"strconv"
)

var (
	schoolDeptCreate = epPost("/cgi-bin/school/department/create")
	schoolDeptUpdate = epPost("/cgi-bin/school/department/update")
	schoolDeptDelete = epGet("/cgi-bin/school/department/delete")
	schoolDeptList   = epGet("/cgi-bin/school/department/list")
)

// School department types of SchoolDepartment.Type. A class's parent must
// be a grade.
const (
	SchoolDeptClass  = 1 // 班级
	SchoolDeptGrade  = 2 // 年级
	SchoolDeptStage  = 3 // 学段
	SchoolDeptCampus = 4 // 校区
	SchoolDeptSchool = 5 // the school, the root department (id 1); never created
)

// School department admin types of SchoolDeptAdmin.Type. An admin's type
// must fit the department's: campus heads on campuses, grade heads on
// grades, stage heads on stages, teachers on classes.
const (
	SchoolAdminCampusHead   = 1 // 校区负责人
	SchoolAdminGradeHead    = 2 // 年级负责人
	SchoolAdminClassTeacher = 3 // 班主任
	SchoolAdminTeacher      = 4 // 任课老师
	SchoolAdminStageHead    = 5 // 学段负责人
)

// MaxSchoolDeptName is the longest department name, in characters.
const MaxSchoolDeptName = 32

// SchoolDeptAdmin is an admin of a department: a member of the corp.
// Subject (one, at most 15 characters) is for class teachers and teachers
// only. Op is for UpdateDepartment: 0 adds or changes, 1 removes.
type SchoolDeptAdmin struct {
	Op      int    `json:"op"`
	UserID  string `json:"userid"`
	Type    int    `json:"type,omitempty"`
	Subject string `json:"subject,omitempty"`
}

// SchoolDepartment is a department of the home-school address book. On
// create, ID (greater than 1) is generated when 0; Name is ignored for a
// standard grade (StandardGrade and RegisterYear set, grades only).
// ListDepartments also fills IsGraduated (grades), OpenGroupChat and
// GroupChatID (classes).
type SchoolDepartment struct {
	ID               int64             `json:"id,omitempty"`
	Name             string            `json:"name,omitempty"`
	ParentID         int64             `json:"parentid"`
	Type             int               `json:"type"`
	RegisterYear     int               `json:"register_year,omitempty"`
	StandardGrade    int               `json:"standard_grade,omitempty"`
	Order            int64             `json:"order,omitempty"`
	DepartmentAdmins []SchoolDeptAdmin `json:"department_admins,omitempty"`
	IsGraduated      int               `json:"is_graduated,omitempty"`
	OpenGroupChat    int               `json:"open_group_chat,omitempty"`
	GroupChatID      string            `json:"group_chat_id,omitempty"`
}

// schoolAdminBody is an admin as create takes it: without op.
type schoolAdminBody struct {
	UserID  string `json:"userid"`
	Type    int    `json:"type"`
	Subject string `json:"subject,omitempty"`
}

func checkSchoolDeptName(name string, need bool) error {
	n := len([]rune(name))
	if need && n == 0 || n > MaxSchoolDeptName {
		return paramErr("name", "1 to 32 characters")
	}
	return nil
}

func checkRegisterYear(y int) error {
	if y != 0 && (y < 1970 || y > 2100) {
		return paramErr("register_year", "1970 to 2100")
	}
	return nil
}

// CreateDepartment creates a campus, stage, grade or class and returns its
// id.
// https://developer.work.weixin.qq.com/document/path/100158
func (s *SchoolService) CreateDepartment(ctx context.Context, d *SchoolDepartment) (int64, error) {
	if d == nil || d.ParentID <= 0 {
		return 0, paramErr("parentid", "required")
	}
	if d.Type < SchoolDeptClass || d.Type > SchoolDeptCampus {
		return 0, paramErr("type", "1 (class), 2 (grade), 3 (stage) or 4 (campus)")
	}
	if d.ID == 1 || d.ID < 0 {
		return 0, paramErr("id", "greater than 1, or 0 to generate one")
	}
	if err := checkSchoolDeptName(d.Name, d.Type != SchoolDeptGrade || d.StandardGrade == 0); err != nil {
		return 0, err
	}
	if err := checkRegisterYear(d.RegisterYear); err != nil {
		return 0, err
	}
	// create takes no op and none of the fields only list answers.
	body := struct {
		SchoolDepartment
		DepartmentAdmins []schoolAdminBody `json:"department_admins,omitempty"`
	}{SchoolDepartment: *d}
	body.IsGraduated, body.OpenGroupChat, body.GroupChatID = 0, 0, ""
	for _, a := range d.DepartmentAdmins {
		if err := needB("department_admins.userid", a.UserID); err != nil {
			return 0, err
		}
		body.DepartmentAdmins = append(body.DepartmentAdmins, schoolAdminBody{a.UserID, a.Type, a.Subject})
	}
	out, err := callB[struct {
		ID int64 `json:"id"`
	}](ctx, s.c, schoolDeptCreate, nil, body)
	if err != nil {
		return 0, err
	}
	return out.ID, nil
}

// SchoolDepartmentUpdate changes a department: zero fields are left as
// they are. StandardGrade set to a pointer to 0 turns a standard grade
// into a plain one. Each admin's Op says whether it is added or changed
// (0) or removed (1).
type SchoolDepartmentUpdate struct {
	ID               int64             `json:"id"`
	NewID            int64             `json:"new_id,omitempty"`
	Name             string            `json:"name,omitempty"`
	ParentID         int64             `json:"parentid,omitempty"`
	RegisterYear     int               `json:"register_year,omitempty"`
	StandardGrade    *int              `json:"standard_grade,omitempty"`
	Order            int64             `json:"order,omitempty"`
	DepartmentAdmins []SchoolDeptAdmin `json:"department_admins,omitempty"`
}

// UpdateDepartment changes a department.
// https://developer.work.weixin.qq.com/document/path/92297
func (s *SchoolService) UpdateDepartment(ctx context.Context, u *SchoolDepartmentUpdate) error {
	if u == nil || u.ID <= 0 {
		return paramErr("id", "required")
	}
	if err := checkSchoolDeptName(u.Name, false); err != nil {
		return err
	}
	if err := checkRegisterYear(u.RegisterYear); err != nil {
		return err
	}
	for _, a := range u.DepartmentAdmins {
		if err := needB("department_admins.userid", a.UserID); err != nil {
			return err
		}
		if a.Op != 0 && a.Op != 1 {
			return paramErr("department_admins.op", "0 (add or change) or 1 (remove)")
		}
	}
	return s.c.Do(ctx, schoolDeptUpdate, nil, u, nil)
}

func deptIDQuery(id int64) url.Values { return url.Values{"id": {strconv.FormatInt(id, 10)}} }

// DeleteDepartment deletes a department without sub-departments or
// students (never the root).
// https://developer.work.weixin.qq.com/document/path/100160
func (s *SchoolService) DeleteDepartment(ctx context.Context, id int64) error {
	if id <= 1 {
		return paramErr("id", "a department other than the root")
	}
	return s.c.Do(ctx, schoolDeptDelete, deptIDQuery(id), nil, nil)
}

// ListDepartments returns department id and those under it, or every
// department when id is 0.
// https://developer.work.weixin.qq.com/document/path/92299
func (s *SchoolService) ListDepartments(ctx context.Context, id int64) ([]SchoolDepartment, error) {
	if id < 0 {
		return nil, paramErr("id", "a department id, or 0 for all")
	}
	var q url.Values
	if id > 0 {
		q = deptIDQuery(id)
	}
	out, err := callB[struct {
		Departments []SchoolDepartment `json:"departments"`
	}](ctx, s.c, schoolDeptList, q, nil)
	if err != nil {
		return nil, err
	}
	return out.Departments, nil
}
