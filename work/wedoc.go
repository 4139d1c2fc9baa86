package work

import "context"

var (
	docCreate   = postB("/cgi-bin/wedoc/create_doc")
	docRename   = postB("/cgi-bin/wedoc/rename_doc")
	docDelete   = postB("/cgi-bin/wedoc/del_doc")
	docBaseInfo = postB("/cgi-bin/wedoc/get_doc_base_info")
	docShare    = postB("/cgi-bin/wedoc/doc_share")
)

// Document types of DocCreate.DocType and DocBaseInfo.DocType.
const (
	DocTypeDoc        = 3  // document (文档)
	DocTypeSheet      = 4  // spreadsheet (表格)
	DocTypeSmartSheet = 10 // smart sheet (智能表格)
)

// MaxDocName is the longest document name WeCom keeps: longer names are
// truncated (when renaming, a non-ASCII character counts as 2).
const MaxDocName = 255

// DocCreate creates a document in a WeDrive folder (SpaceID and FatherID,
// the space id for its root) or, with neither, outside WeDrive.
type DocCreate struct {
	SpaceID    string   `json:"spaceid,omitempty"`
	FatherID   string   `json:"fatherid,omitempty"`
	DocType    int      `json:"doc_type"`
	DocName    string   `json:"doc_name"`
	AdminUsers []string `json:"admin_users,omitempty"`
}

// CreatedDoc is the answer of Create. DocID is returned only once: keep it.
type CreatedDoc struct {
	URL   string `json:"url"`
	DocID string `json:"docid"`
}

// DocRef names a document (DocID) or a collection form (FormID, 收集表):
// exactly one of them.
type DocRef struct {
	DocID  string `json:"docid,omitempty"`
	FormID string `json:"formid,omitempty"`
}

func (r DocRef) check() error {
	switch {
	case r.DocID == "" && r.FormID == "":
		return paramErr("docid", "docid or formid required")
	case r.DocID != "" && r.FormID != "":
		return paramErr("formid", "only one of docid and formid")
	}
	return nil
}

// DocBaseInfo is the base information of a document. Times are Unix seconds.
type DocBaseInfo struct {
	DocID      string `json:"docid"`
	DocName    string `json:"doc_name"`
	CreateTime int64  `json:"create_time"`
	ModifyTime int64  `json:"modify_time"`
	DocType    int    `json:"doc_type"`
}

// Create creates a document, spreadsheet or smart sheet and returns its
// link and docid.
// https://developer.work.weixin.qq.com/document/path/97460
func (s *DocService) Create(ctx context.Context, c *DocCreate) (*CreatedDoc, error) {
	if c == nil {
		return nil, paramErr("doc_type", "required")
	}
	switch c.DocType {
	case DocTypeDoc, DocTypeSheet, DocTypeSmartSheet:
	default:
		return nil, paramErr("doc_type", "3 (doc), 4 (sheet) or 10 (smart sheet)")
	}
	if c.SpaceID != "" && c.FatherID == "" {
		return nil, paramErr("fatherid", "required with spaceid")
	}
	return callB[CreatedDoc](ctx, s.c, docCreate, nil, c)
}

// Rename renames a document or collection form the agent created.
// https://developer.work.weixin.qq.com/document/path/97736
func (s *DocService) Rename(ctx context.Context, ref DocRef, newName string) error {
	if err := ref.check(); err != nil {
		return err
	}
	if err := needB("new_name", newName); err != nil {
		return err
	}
	body := struct {
		DocRef
		NewName string `json:"new_name"`
	}{ref, newName}
	return s.c.Do(ctx, docRename, nil, body, nil)
}

// Delete deletes a document or collection form the agent created.
// https://developer.work.weixin.qq.com/document/path/97735
func (s *DocService) Delete(ctx context.Context, ref DocRef) error {
	if err := ref.check(); err != nil {
		return err
	}
	return s.c.Do(ctx, docDelete, nil, ref, nil)
}

// BaseInfo returns the base information of a document.
// https://developer.work.weixin.qq.com/document/path/97734
func (s *DocService) BaseInfo(ctx context.Context, docID string) (*DocBaseInfo, error) {
	if err := needB("docid", docID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		DocBaseInfo DocBaseInfo `json:"doc_base_info"`
	}](ctx, s.c, docBaseInfo, nil, DocRef{DocID: docID})
	if err != nil {
		return nil, err
	}
	return &out.DocBaseInfo, nil
}

// Share returns the share link of a document or collection form the agent
// created.
// https://developer.work.weixin.qq.com/document/path/97733
func (s *DocService) Share(ctx context.Context, ref DocRef) (string, error) {
	if err := ref.check(); err != nil {
		return "", err
	}
	out, err := callB[struct {
		ShareURL string `json:"share_url"`
	}](ctx, s.c, docShare, nil, ref)
	if err != nil {
		return "", err
	}
	return out.ShareURL, nil
}
