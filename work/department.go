package work

import (
	"context"
	"net/url"
	"strconv"
)

var (
	departmentCreate     = epPost("/cgi-bin/department/create")
	departmentUpdate     = epPost("/cgi-bin/department/update")
	departmentDelete     = epGet("/cgi-bin/department/delete")
	departmentList       = epGet("/cgi-bin/department/list")
	departmentSimpleList = epGet("/cgi-bin/department/simplelist")
	departmentGet        = epGet("/cgi-bin/department/get")
)

// Department is a department of the address book. The root department has
// id 1. In Create and Update only the fields set are sent.
// https://developer.work.weixin.qq.com/document/path/90208
type Department struct {
	// ID is chosen by WeCom on Create when 0.
	ID       int64  `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	NameEn   string `json:"name_en,omitempty"`
	ParentID int64  `json:"parentid,omitempty"`
	// Order sorts siblings, largest first.
	Order int64 `json:"order,omitempty"`
	// DepartmentLeader lists the leaders' userids (answers only).
	DepartmentLeader []string `json:"department_leader,omitempty"`
}

// DepartmentID is an entry of ListIDs.
type DepartmentID struct {
	ID       int64 `json:"id"`
	ParentID int64 `json:"parentid"`
	Order    int64 `json:"order"`
}

func deptQuery(id int64) url.Values {
	if id == 0 {
		return nil
	}
	return url.Values{"id": {strconv.FormatInt(id, 10)}}
}

// Create adds a department under d.ParentID and returns its id.
// https://developer.work.weixin.qq.com/document/path/90205
func (s *DepartmentService) Create(ctx context.Context, d *Department) (int64, error) {
	if d == nil || d.Name == "" {
		return 0, paramErr("name", "empty")
	}
	if d.ParentID <= 0 {
		return 0, paramErr("parentid", "required")
	}
	out, err := callB[struct {
		ID int64 `json:"id"`
	}](ctx, s.c, departmentCreate, nil, d)
	if err != nil {
		return 0, err
	}
	return out.ID, nil
}

// Update changes the fields set in d of department d.ID.
// https://developer.work.weixin.qq.com/document/path/90206
func (s *DepartmentService) Update(ctx context.Context, d *Department) error {
	if d == nil || d.ID <= 0 {
		return paramErr("id", "required")
	}
	return s.c.Do(ctx, departmentUpdate, nil, d, nil)
}

// Delete removes a department, which must have no members and no
// sub-departments.
// https://developer.work.weixin.qq.com/document/path/90207
func (s *DepartmentService) Delete(ctx context.Context, id int64) error {
	if id <= 0 {
		return paramErr("id", "required")
	}
	return s.c.Do(ctx, departmentDelete, deptQuery(id), nil, nil)
}

// List returns department id and all its sub-departments; id 0 lists the
// whole address book.
// https://developer.work.weixin.qq.com/document/path/90208
func (s *DepartmentService) List(ctx context.Context, id int64) ([]Department, error) {
	out, err := callB[struct {
		Department []Department `json:"department"`
	}](ctx, s.c, departmentList, deptQuery(id), nil)
	if err != nil {
		return nil, err
	}
	return out.Department, nil
}

// ListIDs returns the ids of department id and all its sub-departments; id
// 0 lists the whole address book.
// https://developer.work.weixin.qq.com/document/path/95350
func (s *DepartmentService) ListIDs(ctx context.Context, id int64) ([]DepartmentID, error) {
	out, err := callB[struct {
		DepartmentID []DepartmentID `json:"department_id"`
	}](ctx, s.c, departmentSimpleList, deptQuery(id), nil)
	if err != nil {
		return nil, err
	}
	return out.DepartmentID, nil
}

// Get reads a department.
// https://developer.work.weixin.qq.com/document/path/95351
func (s *DepartmentService) Get(ctx context.Context, id int64) (*Department, error) {
	if id <= 0 {
		return nil, paramErr("id", "required")
	}
	out, err := callB[struct {
		Department Department `json:"department"`
	}](ctx, s.c, departmentGet, deptQuery(id), nil)
	if err != nil {
		return nil, err
	}
	return &out.Department, nil
}
