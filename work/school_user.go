package work

import (
	"context"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	schoolCreateStudent      = epPost("/cgi-bin/school/user/create_student")
	schoolUpdateStudent      = epPost("/cgi-bin/school/user/update_student")
	schoolDeleteStudent      = epGet("/cgi-bin/school/user/delete_student")
	schoolBatchCreateStudent = epPost("/cgi-bin/school/user/batch_create_student")
	schoolBatchUpdateStudent = epPost("/cgi-bin/school/user/batch_update_student")
	schoolBatchDeleteStudent = epPost("/cgi-bin/school/user/batch_delete_student")
	schoolCreateParent       = epPost("/cgi-bin/school/user/create_parent")
	schoolUpdateParent       = epPost("/cgi-bin/school/user/update_parent")
	schoolDeleteParent       = epGet("/cgi-bin/school/user/delete_parent")
	schoolBatchCreateParent  = epPost("/cgi-bin/school/user/batch_create_parent")
	schoolBatchUpdateParent  = epPost("/cgi-bin/school/user/batch_update_parent")
	schoolBatchDeleteParent  = epPost("/cgi-bin/school/user/batch_delete_parent")
	schoolListParent         = epGet("/cgi-bin/school/user/list_parent")
	schoolUserGet            = epGet("/cgi-bin/school/user/get")
	schoolUserList           = epGet("/cgi-bin/school/user/list")
	schoolGetUserInfo        = epGet("/cgi-bin/school/getuserinfo")
)

// Limits of the home-school address book (家校通讯录).
const (
	MaxSchoolBatch       = 100 // students, parents or userids per batch call
	MaxSchoolChildren    = 10  // children of a parent
	MaxSchoolDepartments = 20  // classes of a student
	MaxSchoolRelation    = 32  // bytes of a parent-student relation
)

// SchoolStudent creates a student (学生). ToInvite defaults to true (only
// verified schools can invite). Department lists the student's classes.
type SchoolStudent struct {
	StudentUserID string  `json:"student_userid"`
	Mobile        string  `json:"mobile,omitempty"`
	ToInvite      *bool   `json:"to_invite,omitempty"`
	Name          string  `json:"name"`
	Department    []int64 `json:"department"`
}

func (st *SchoolStudent) check() error {
	if st == nil {
		return paramErr("student_userid", "required")
	}
	if err := needB("student_userid", st.StudentUserID, "name", st.Name); err != nil {
		return err
	}
	return checkSchoolClasses(st.Department)
}

func checkSchoolClasses(ids []int64) error {
	if len(ids) > MaxSchoolDepartments {
		return paramErr("department", "at most 20 classes")
	}
	return nil
}

// SchoolStudentUpdate changes a student: empty fields are left as they are.
// NewStudentUserID renames the student (once per student).
type SchoolStudentUpdate struct {
	StudentUserID    string  `json:"student_userid"`
	NewStudentUserID string  `json:"new_student_userid,omitempty"`
	Mobile           string  `json:"mobile,omitempty"`
	Name             string  `json:"name,omitempty"`
	Department       []int64 `json:"department,omitempty"`
}

func (u *SchoolStudentUpdate) check() error {
	if u == nil {
		return paramErr("student_userid", "required")
	}
	if err := needB("student_userid", u.StudentUserID); err != nil {
		return err
	}
	return checkSchoolClasses(u.Department)
}

// SchoolChild is a child of a parent and the parent's relation to the
// child (爸爸, 妈妈...). Name comes back from ListParents only.
type SchoolChild struct {
	StudentUserID string `json:"student_userid"`
	Relation      string `json:"relation"`
	Name          string `json:"name,omitempty"`
}

func checkSchoolChildren(cs []SchoolChild, required bool) error {
	if required && len(cs) == 0 {
		return paramErr("children", "at least one child")
	}
	if len(cs) > MaxSchoolChildren {
		return paramErr("children", "at most 10 children")
	}
	for _, c := range cs {
		if err := needB("children.student_userid", c.StudentUserID, "children.relation", c.Relation); err != nil {
			return err
		}
		if len(c.Relation) > MaxSchoolRelation {
			return paramErr("children.relation", "at most 32 bytes")
		}
	}
	return nil
}

// SchoolParent creates a parent (家长) of one or more students. ToInvite
// defaults to true (only verified schools can invite).
type SchoolParent struct {
	ParentUserID string        `json:"parent_userid"`
	Mobile       string        `json:"mobile"`
	ToInvite     *bool         `json:"to_invite,omitempty"`
	Children     []SchoolChild `json:"children"`
}

func (p *SchoolParent) check() error {
	if p == nil {
		return paramErr("parent_userid", "required")
	}
	if err := needB("parent_userid", p.ParentUserID, "mobile", p.Mobile); err != nil {
		return err
	}
	return checkSchoolChildren(p.Children, true)
}

// SchoolParentUpdate changes a parent: empty fields are left as they are;
// Children, when not empty, replaces the parent's children.
// NewParentUserID renames the parent (once per parent).
type SchoolParentUpdate struct {
	ParentUserID    string        `json:"parent_userid"`
	NewParentUserID string        `json:"new_parent_userid,omitempty"`
	Mobile          string        `json:"mobile,omitempty"`
	Children        []SchoolChild `json:"children,omitempty"`
}

func (u *SchoolParentUpdate) check() error {
	if u == nil {
		return paramErr("parent_userid", "required")
	}
	if err := needB("parent_userid", u.ParentUserID); err != nil {
		return err
	}
	return checkSchoolChildren(u.Children, false)
}

// schoolBatch checks the size of a batch and each of its items.
func schoolBatch[T any](name string, items []T, check func(*T) error) error {
	if len(items) == 0 || len(items) > MaxSchoolBatch {
		return paramErr(name, "1 to 100 a call")
	}
	for i := range items {
		if err := check(&items[i]); err != nil {
			return err
		}
	}
	return nil
}

// send posts body to ep unless checking it failed (err).
func (s *SchoolService) send(ctx context.Context, ep wechat.Endpoint, body any, err error) error {
	if err != nil {
		return err
	}
	return s.c.Do(ctx, ep, nil, body, nil)
}

// SchoolBatchFailure is an item a batch call could not apply: the
// result_list of its answer. StudentUserID or ParentUserID names it.
type SchoolBatchFailure struct {
	StudentUserID string `json:"student_userid,omitempty"`
	ParentUserID  string `json:"parent_userid,omitempty"`
	Errcode       int    `json:"errcode"`
	Errmsg        string `json:"errmsg"`
}

// batch posts a batch body to ep unless checking it failed (err) and
// returns the items WeCom could not apply.
func (s *SchoolService) batch(ctx context.Context, ep wechat.Endpoint, body any, err error) ([]SchoolBatchFailure, error) {
	if err != nil {
		return nil, err
	}
	var out struct {
		ResultList []SchoolBatchFailure `json:"result_list"`
	}
	err = s.c.Do(ctx, ep, nil, body, &out)
	return out.ResultList, err
}

func (s *SchoolService) getByUserID(ctx context.Context, ep wechat.Endpoint, userID string) error {
	if err := needB("userid", userID); err != nil {
		return err
	}
	return s.c.Do(ctx, ep, url.Values{"userid": {userID}}, nil, nil)
}

// CreateStudent creates a student.
// https://developer.work.weixin.qq.com/document/path/92035
func (s *SchoolService) CreateStudent(ctx context.Context, st *SchoolStudent) error {
	return s.send(ctx, schoolCreateStudent, st, st.check())
}

// UpdateStudent changes a student.
// https://developer.work.weixin.qq.com/document/path/92041
func (s *SchoolService) UpdateStudent(ctx context.Context, u *SchoolStudentUpdate) error {
	return s.send(ctx, schoolUpdateStudent, u, u.check())
}

// DeleteStudent deletes a student. A student who still has parents cannot
// be deleted: delete the parents (or change their children) first.
// https://developer.work.weixin.qq.com/document/path/92039
func (s *SchoolService) DeleteStudent(ctx context.Context, userID string) error {
	return s.getByUserID(ctx, schoolDeleteStudent, userID)
}

// BatchCreateStudents creates 1 to 100 students (each as CreateStudent
// takes it, under "students" as in BatchUpdateStudents). WeCom applies the
// valid ones; when some fail, it returns them, each with its errcode, and
// a *wechat.APIError carrying the first failure. The batch-create page was not
// available to check; the batch pages of the group:
// https://developer.work.weixin.qq.com/document/path/92042
func (s *SchoolService) BatchCreateStudents(ctx context.Context, students []SchoolStudent) ([]SchoolBatchFailure, error) {
	return s.batch(ctx, schoolBatchCreateStudent, struct {
		Students []SchoolStudent `json:"students"`
	}{students}, schoolBatch("students", students, (*SchoolStudent).check))
}

// BatchUpdateStudents changes 1 to 100 students, like BatchCreateStudents.
// https://developer.work.weixin.qq.com/document/path/92042
func (s *SchoolService) BatchUpdateStudents(ctx context.Context, students []SchoolStudentUpdate) ([]SchoolBatchFailure, error) {
	return s.batch(ctx, schoolBatchUpdateStudent, struct {
		Students []SchoolStudentUpdate `json:"students"`
	}{students}, schoolBatch("students", students, (*SchoolStudentUpdate).check))
}

func checkUserID(id *string) error { return needB("useridlist", *id) }

func (s *SchoolService) batchDelete(ctx context.Context, ep wechat.Endpoint, userIDs []string) ([]SchoolBatchFailure, error) {
	return s.batch(ctx, ep, struct {
		UserIDList []string `json:"useridlist"`
	}{userIDs}, schoolBatch("useridlist", userIDs, checkUserID))
}

// BatchDeleteStudents deletes 1 to 100 students, like BatchCreateStudents.
// https://developer.work.weixin.qq.com/document/path/92040
func (s *SchoolService) BatchDeleteStudents(ctx context.Context, userIDs []string) ([]SchoolBatchFailure, error) {
	return s.batchDelete(ctx, schoolBatchDeleteStudent, userIDs)
}

// CreateParent creates a parent of existing students.
// https://developer.work.weixin.qq.com/document/path/92077
func (s *SchoolService) CreateParent(ctx context.Context, p *SchoolParent) error {
	return s.send(ctx, schoolCreateParent, p, p.check())
}

// UpdateParent changes a parent.
// https://developer.work.weixin.qq.com/document/path/100153
func (s *SchoolService) UpdateParent(ctx context.Context, u *SchoolParentUpdate) error {
	return s.send(ctx, schoolUpdateParent, u, u.check())
}

// DeleteParent deletes a parent.
// https://developer.work.weixin.qq.com/document/path/100152
func (s *SchoolService) DeleteParent(ctx context.Context, userID string) error {
	return s.getByUserID(ctx, schoolDeleteParent, userID)
}

// BatchCreateParents creates 1 to 100 parents, like BatchCreateStudents.
// https://developer.work.weixin.qq.com/document/path/92078
func (s *SchoolService) BatchCreateParents(ctx context.Context, parents []SchoolParent) ([]SchoolBatchFailure, error) {
	return s.batch(ctx, schoolBatchCreateParent, struct {
		Parents []SchoolParent `json:"parents"`
	}{parents}, schoolBatch("parents", parents, (*SchoolParent).check))
}

// BatchUpdateParents changes 1 to 100 parents, like BatchCreateStudents.
// https://developer.work.weixin.qq.com/document/path/100156
func (s *SchoolService) BatchUpdateParents(ctx context.Context, parents []SchoolParentUpdate) ([]SchoolBatchFailure, error) {
	return s.batch(ctx, schoolBatchUpdateParent, struct {
		Parents []SchoolParentUpdate `json:"parents"`
	}{parents}, schoolBatch("parents", parents, (*SchoolParentUpdate).check))
}

// BatchDeleteParents deletes 1 to 100 parents, like BatchCreateStudents.
// https://developer.work.weixin.qq.com/document/path/92080
func (s *SchoolService) BatchDeleteParents(ctx context.Context, userIDs []string) ([]SchoolBatchFailure, error) {
	return s.batchDelete(ctx, schoolBatchDeleteParent, userIDs)
}

// SchoolParentOfStudent is a parent as a student's record lists it.
// IsSubscribe is 1 when the parent follows 学校通知; ExternalUserID is set
// once the parent follows.
type SchoolParentOfStudent struct {
	ParentUserID   string `json:"parent_userid"`
	Relation       string `json:"relation"`
	Mobile         string `json:"mobile,omitempty"`
	IsSubscribe    int    `json:"is_subscribe"`
	ExternalUserID string `json:"external_userid,omitempty"`
}

// SchoolStudentInfo is a student with the classes and parents.
type SchoolStudentInfo struct {
	StudentUserID string                  `json:"student_userid"`
	Name          string                  `json:"name"`
	Department    []int64                 `json:"department"`
	Parents       []SchoolParentOfStudent `json:"parents"`
}

// SchoolParentInfo is a parent with the children. Mobile is not given to
// third-party apps.
type SchoolParentInfo struct {
	ParentUserID   string        `json:"parent_userid"`
	Mobile         string        `json:"mobile,omitempty"`
	IsSubscribe    int           `json:"is_subscribe"`
	ExternalUserID string        `json:"external_userid,omitempty"`
	Children       []SchoolChild `json:"children"`
}

// School user types of SchoolUser.UserType.
const (
	SchoolUserStudent = 1
	SchoolUserParent  = 2
)

// SchoolUser is a student (UserType 1, Student set) or a parent (UserType
// 2, Parent set).
type SchoolUser struct {
	UserType int                `json:"user_type"`
	Student  *SchoolStudentInfo `json:"student,omitempty"`
	Parent   *SchoolParentInfo  `json:"parent,omitempty"`
}

// GetUser returns the student or parent userID.
// https://developer.work.weixin.qq.com/document/path/92337
func (s *SchoolService) GetUser(ctx context.Context, userID string) (*SchoolUser, error) {
	if err := needB("userid", userID); err != nil {
		return nil, err
	}
	return callB[SchoolUser](ctx, s.c, schoolUserGet, url.Values{"userid": {userID}}, nil)
}

func departmentQuery(id int64) (url.Values, error) {
	if id <= 0 {
		return nil, paramErr("department_id", "required")
	}
	return url.Values{"department_id": {strconv.FormatInt(id, 10)}}, nil
}

// ListStudents returns the students of a department (not of its
// sub-departments) with their parents.
// https://developer.work.weixin.qq.com/document/path/92043
func (s *SchoolService) ListStudents(ctx context.Context, departmentID int64) ([]SchoolStudentInfo, error) {
	q, err := departmentQuery(departmentID)
	if err != nil {
		return nil, err
	}
	out, err := callB[struct {
		Students []SchoolStudentInfo `json:"students"`
	}](ctx, s.c, schoolUserList, q, nil)
	if err != nil {
		return nil, err
	}
	return out.Students, nil
}

// ListParents returns the parents of the students of a department (not of
// its sub-departments) with their children.
// https://developer.work.weixin.qq.com/document/path/96741
func (s *SchoolService) ListParents(ctx context.Context, departmentID int64) ([]SchoolParentInfo, error) {
	q, err := departmentQuery(departmentID)
	if err != nil {
		return nil, err
	}
	out, err := callB[struct {
		Parents []SchoolParentInfo `json:"parents"`
	}](ctx, s.c, schoolListParent, q, nil)
	if err != nil {
		return nil, err
	}
	return out.Parents, nil
}

// SchoolIdentity is who signed in through the agent's web page: a parent
// (ParentUserID) or a student (StudentUserID).
type SchoolIdentity struct {
	DeviceID      string `json:"DeviceId"`
	ParentUserID  string `json:"parent_userid"`
	StudentUserID string `json:"student_userid"`
}

// UserInfo exchanges a web-login code (usable once, for 5 minutes) for
// the parent or student who signed in.
// https://developer.work.weixin.qq.com/document/path/95791
func (s *SchoolService) UserInfo(ctx context.Context, code string) (*SchoolIdentity, error) {
	if err := needB("code", code); err != nil {
		return nil, err
	}
	return callB[SchoolIdentity](ctx, s.c, schoolGetUserInfo, url.Values{"code": {code}}, nil)
}
