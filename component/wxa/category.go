package wxa

import (
	"context"
	"encoding/json"
)

var (
	categoryGetAll = get("/cgi-bin/wxopen/getallcategories")
	categoryByType = post("/cgi-bin/wxopen/getcategoriesbytype")
	categoryAdd    = post("/cgi-bin/wxopen/addcategory")
	categoryDelete = post("/cgi-bin/wxopen/deletecategory")
	categoryGet    = get("/cgi-bin/wxopen/getcategory")
	categoryModify = post("/cgi-bin/wxopen/modifycategory")
)

// CategoryTree is every category a mini program can choose, with the
// qualifications each needs, as WeChat sends it (a large tree).
type CategoryTree struct {
	Categories []struct {
		ID            int             `json:"id"`
		Name          string          `json:"name"`
		Level         int             `json:"level"`
		Father        int             `json:"father"`
		Children      []int           `json:"children"`
		SensitiveType int             `json:"sensitive_type"`
		Qualify       json.RawMessage `json:"qualify,omitempty"`
	} `json:"categories"`
}

// GetAll returns every category (getallcategories).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/getallcategories.html
func (s *CategoryService) GetAll(ctx context.Context) (*CategoryTree, error) {
	out, err := call[struct {
		List CategoryTree `json:"categories_list"`
	}](ctx, s.c, categoryGetAll, nil, nil)
	if err != nil {
		return nil, err
	}
	return &out.List, nil
}

// GetByType returns the categories available to a principal verification
// type (getcategoriesbytype; verifyType 0 personal, 1 enterprise...).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/getcategorybytype.html
func (s *CategoryService) GetByType(ctx context.Context, verifyType int) (*CategoryTree, error) {
	body := struct {
		VerifyType int `json:"verify_type"`
	}{verifyType}
	out, err := call[struct {
		List CategoryTree `json:"categories_list"`
	}](ctx, s.c, categoryByType, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.List, nil
}

// Certificate is one qualification document (key name, media id).
type Certificate struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// NewCategory is a category to add or modify, by first and second level id.
type NewCategory struct {
	First      int           `json:"first"`
	Second     int           `json:"second"`
	Certicates []Certificate `json:"certicates,omitempty"` // sic: WeChat's spelling
}

// Add adds categories (at most 5 a month).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/addcategory.html
func (s *CategoryService) Add(ctx context.Context, categories []NewCategory) error {
	if len(categories) == 0 {
		return invalidArg("categories", "empty")
	}
	for _, c := range categories {
		if c.First <= 0 || c.Second <= 0 {
			return invalidArg("categories", "first and second are required")
		}
	}
	body := struct {
		Categories []NewCategory `json:"categories"`
	}{categories}
	return (*service)(s).do(ctx, categoryAdd, body)
}

// Delete deletes a category.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/deletecategory.html
func (s *CategoryService) Delete(ctx context.Context, first, second int) error {
	if first <= 0 || second <= 0 {
		return invalidArg("first", "first and second are required")
	}
	body := struct {
		First  int `json:"first"`
		Second int `json:"second"`
	}{first, second}
	return (*service)(s).do(ctx, categoryDelete, body)
}

// Modify replaces a category's qualification documents.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/modifycategory.html
func (s *CategoryService) Modify(ctx context.Context, c *NewCategory) error {
	if c == nil || c.First <= 0 || c.Second <= 0 {
		return invalidArg("first", "first and second are required")
	}
	return (*service)(s).do(ctx, categoryModify, c)
}

// Category is a category the mini program has: AuditStatus 1 in review,
// 2 rejected, 3 passed.
type Category struct {
	First       int    `json:"first"`
	FirstName   string `json:"first_name"`
	Second      int    `json:"second"`
	SecondName  string `json:"second_name"`
	AuditStatus int    `json:"audit_status"`
	AuditReason string `json:"audit_reason"`
}

// Categories is the answer of Get.
type Categories struct {
	Categories    []Category `json:"categories"`
	Limit         int        `json:"limit"`
	Quota         int        `json:"quota"`
	CategoryLimit int        `json:"category_limit"`
}

// Get returns the mini program's categories (getcategory).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/getcategory.html
func (s *CategoryService) Get(ctx context.Context) (*Categories, error) {
	return call[Categories](ctx, s.c, categoryGet, nil, nil)
}
