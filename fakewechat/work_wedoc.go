package fakewechat

import (
	"strconv"
	"sync"
	"unicode/utf8"
)

// WeCom documents (文档管理): wedoc/create_doc, rename_doc, del_doc,
// get_doc_base_info and doc_share keep the documents per corp. See the
// package doc for the rules.

const wcMaxDocName = 255 // doc_name and new_name are truncated past it

type wecomDocs struct {
	mu   sync.Mutex
	seq  int
	docs map[string]M // docid → doc_base_info plus admin_users, spaceid, fatherid
}

func init() { builtin = append(builtin, registerWeComDoc) }

// wcTruncate cuts s to max units, a character counting width (1, or 2 for
// a non-ASCII one when wide).
func wcTruncate(s string, max int, wide bool) string {
	n := 0
	for i, c := range s {
		w := 1
		if wide && c >= utf8.RuneSelf {
			w = 2
		}
		if n+w > max {
			return s[:i]
		}
		n += w
	}
	return s
}

// doc returns the document named by docid or formid (exactly one; the fake
// keeps no collection forms, so a formid is never found).
func (d *wecomDocs) doc(in M, formOK bool) (M, *Error) {
	id, form := wcStr(in, "docid"), wcStr(in, "formid")
	switch {
	case id == "" && (!formOK || form == ""):
		return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: docid missing")
	case id != "" && form != "":
		return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: only one of docid and formid")
	}
	doc, ok := d.docs[id]
	if !ok {
		return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: doc not found")
	}
	return doc, nil
}

func docBaseInfoJSON(doc M) M {
	out := M{}
	for _, k := range []string{"docid", "doc_name", "create_time", "modify_time", "doc_type"} {
		out[k] = doc[k]
	}
	return out
}

func registerWeComDoc(s *Server) {
	h := func(path string, fn func(r *Request, d *wecomDocs, in M) (any, error)) {
		s.HandleJSON(WeComPath("POST /cgi-bin/wedoc/"+path), func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			d := Value(wecomCorpState(r), "wedoc", func() *wecomDocs { return &wecomDocs{docs: map[string]M{}} })
			d.mu.Lock()
			defer d.mu.Unlock()
			return fn(r, d, in)
		})
	}
	// https://developer.work.weixin.qq.com/document/path/97460
	h("create_doc", func(r *Request, d *wecomDocs, in M) (any, error) {
		t := wcInt(in, "doc_type")
		if t != 3 && t != 4 && t != 10 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: doc_type")
		}
		if wcStr(in, "spaceid") != "" && wcStr(in, "fatherid") == "" {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: fatherid missing")
		}
		d.seq++
		id := "dc" + strconv.Itoa(d.seq) + "_wedoc"
		now := r.Now().Unix()
		d.docs[id] = M{"docid": id, "doc_name": wcTruncate(wcStr(in, "doc_name"), wcMaxDocName, false), "create_time": now,
			"modify_time": now, "doc_type": t, "admin_users": wcStrs(in, "admin_users"), "spaceid": in["spaceid"], "fatherid": in["fatherid"]}
		return OK(M{"url": "https://doc.weixin.qq.com/doc/" + id, "docid": id}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97736
	h("rename_doc", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, true)
		if e != nil {
			return nil, e
		}
		if e := wcNeed(in, "new_name"); e != nil {
			return nil, e
		}
		doc["doc_name"], doc["modify_time"] = wcTruncate(wcStr(in, "new_name"), wcMaxDocName, true), r.Now().Unix()
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/97735
	h("del_doc", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, true)
		if e != nil {
			return nil, e
		}
		delete(d.docs, wcStr(doc, "docid"))
		return nil, nil
	})
	// https://developer.work.weixin.qq.com/document/path/97734
	h("get_doc_base_info", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, false)
		if e != nil {
			return nil, e
		}
		return OK(M{"doc_base_info": docBaseInfoJSON(doc)}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97733
	h("doc_share", func(r *Request, d *wecomDocs, in M) (any, error) {
		doc, e := d.doc(in, true)
		if e != nil {
			return nil, e
		}
		return OK(M{"share_url": "https://doc.weixin.qq.com/s/" + wcStr(doc, "docid")}), nil
	})
}
