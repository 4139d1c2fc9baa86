package fakewechat

import (
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Errcodes of the WeDrive fakes.
const (
	wcCodeNoSpace      = 640018 // space not found
	wcCodeNoFile       = 640019 // file not found
	wcCodeNoPermission = 640021 // no permission
	wcCodeNameExists   = 640022 // a file of this name exists
)

type wdFile struct {
	M
	data []byte
}

type wdSpace struct {
	id, name  string
	auths     []M
	settings  M
	dismissed bool
}

type weDrive struct {
	mu     sync.Mutex
	seq    int
	spaces map[string]*wdSpace
	files  map[string]*wdFile
	order  []string
	perms  map[string]M // fileid → secure setting and share range
}

func wdOf(r *Request) *weDrive {
	return Value(wecomCorpState(r), "wedrive", newWeDrive)
}

// member reports whether userid may use space sp (admin for admin actions).
func (sp *wdSpace) member(userID string, admin bool) bool {
	for _, a := range sp.auths {
		if wcStr(a, "userid") == userID && (!admin || wcInt(a, "auth") == 7) {
			return true
		}
	}
	return false
}

func (d *weDrive) space(id, userID string, admin bool) (*wdSpace, *Error) {
	sp, ok := d.spaces[id]
	if !ok || sp.dismissed {
		return nil, Errorf(wcCodeNoSpace, "space not found")
	}
	if userID != "" && !sp.member(userID, admin) {
		return nil, Errorf(wcCodeNoPermission, "no permission")
	}
	return sp, nil
}

func (d *weDrive) file(id, userID string) (*wdFile, *Error) {
	f, ok := d.files[id]
	if !ok {
		return nil, Errorf(wcCodeNoFile, "file not found")
	}
	if _, e := d.space(wcStr(f.M, "spaceid"), userID, false); e != nil {
		return nil, e
	}
	return f, nil
}

func (d *weDrive) spaceJSON(sp *wdSpace) M {
	return M{"spaceid": sp.id, "space_name": sp.name, "auth_list": M{"auth_info": sp.auths, "quit_space": []M{}}, "space_sub_type": 0}
}

func init() { builtin = append(builtin, registerWeDrive) }

func registerWeDrive(s *Server) {
	const p = "POST /cgi-bin/wedrive/"
	h := func(path string, fn func(r *Request, d *weDrive, in M) (any, error)) {
		s.HandleJSON(WeComPath(p+path), func(r *Request) (any, error) {
			in, err := r.JSON()
			if err != nil {
				return nil, err
			}
			d := wdOf(r)
			d.mu.Lock()
			defer d.mu.Unlock()
			return fn(r, d, in)
		})
	}
	// https://developer.work.weixin.qq.com/document/path/93656
	h("space_create", func(r *Request, d *weDrive, in M) (any, error) {
		if e := wcNeed(in, "userid", "space_name"); e != nil {
			return nil, e
		}
		d.seq++
		id := "s.ww" + strconv.Itoa(d.seq)
		auths := []M{{"type": 1, "userid": in["userid"], "auth": 7}}
		for _, a := range asList(in["auth_info"]) {
			auths = append(auths, wcClone(a.(M)))
		}
		d.spaces[id] = &wdSpace{id: id, name: wcStr(in, "space_name"), auths: auths, settings: M{}}
		return OK(M{"spaceid": id}), nil
	})
	h("space_rename", func(r *Request, d *weDrive, in M) (any, error) {
		sp, e := d.space(wcStr(in, "spaceid"), wcStr(in, "userid"), true)
		if e != nil {
			return nil, e
		}
		if e := wcNeed(in, "space_name"); e != nil {
			return nil, e
		}
		sp.name = wcStr(in, "space_name")
		return nil, nil
	})
	h("space_dismiss", func(r *Request, d *weDrive, in M) (any, error) {
		sp, e := d.space(wcStr(in, "spaceid"), wcStr(in, "userid"), true)
		if e != nil {
			return nil, e
		}
		sp.dismissed = true
		return nil, nil
	})
	h("space_info", func(r *Request, d *weDrive, in M) (any, error) {
		sp, e := d.space(wcStr(in, "spaceid"), wcStr(in, "userid"), false)
		if e != nil {
			return nil, e
		}
		return OK(M{"space_info": d.spaceJSON(sp)}), nil
	})
	h("new_space_info", func(r *Request, d *weDrive, in M) (any, error) {
		sp, e := d.space(wcStr(in, "spaceid"), "", false)
		if e != nil {
			return nil, e
		}
		return OK(M{"space_info": d.spaceJSON(sp)}), nil
	})
	spaceACL := func(add bool) func(r *Request, d *weDrive, in M) (any, error) {
		return func(r *Request, d *weDrive, in M) (any, error) {
			sp, e := d.space(wcStr(in, "spaceid"), wcStr(in, "userid"), true)
			if e != nil {
				return nil, e
			}
			for _, a := range asList(in["auth_info"]) {
				am := a.(M)
				sp.auths = slices.DeleteFunc(sp.auths, func(x M) bool { return wcSameRange(x, am) })
				if add {
					sp.auths = append(sp.auths, wcClone(am))
				}
			}
			return nil, nil
		}
	}
	h("space_acl_add", spaceACL(true))
	h("space_acl_del", spaceACL(false))
	h("space_setting", func(r *Request, d *weDrive, in M) (any, error) {
		sp, e := d.space(wcStr(in, "spaceid"), wcStr(in, "userid"), true)
		if e != nil {
			return nil, e
		}
		for k, v := range in {
			if k != "userid" && k != "spaceid" {
				sp.settings[k] = v
			}
		}
		return nil, nil
	})
	h("space_share", func(r *Request, d *weDrive, in M) (any, error) {
		sp, e := d.space(wcStr(in, "spaceid"), wcStr(in, "userid"), false)
		if e != nil {
			return nil, e
		}
		if sp.settings["enable_share_url"] == false {
			return nil, Errorf(wcCodeNoPermission, "share url disabled")
		}
		return OK(M{"space_share_url": "https://drive.weixin.qq.com/s?k=" + sp.id}), nil
	})

	// https://developer.work.weixin.qq.com/document/path/93657
	newFile := func(r *Request, d *weDrive, in M, typ int, data []byte) (*wdFile, *Error) {
		if _, e := d.space(wcStr(in, "spaceid"), wcStr(in, "userid"), false); e != nil {
			return nil, e
		}
		father := wcStr(in, "fatherid")
		if father != wcStr(in, "spaceid") {
			if f, ok := d.files[father]; !ok || wcInt(f.M, "file_type") != 1 {
				return nil, Errorf(wcCodeNoFile, "invalid fatherid")
			}
		}
		for _, f := range d.files {
			if wcStr(f.M, "fatherid") == father && wcStr(f.M, "file_name") == wcStr(in, "file_name") {
				return nil, ErrCode(wcCodeNameExists)
			}
		}
		d.seq++
		id := "s.ww.f" + strconv.Itoa(d.seq)
		now := r.Now().Unix()
		sum := sha1.Sum(data)
		f := &wdFile{M: M{"fileid": id, "file_name": in["file_name"], "spaceid": in["spaceid"], "fatherid": father, "file_size": len(data),
			"ctime": now, "mtime": now, "file_type": typ, "file_status": 1, "create_userid": in["userid"], "update_userid": in["userid"],
			"sha": hex.EncodeToString(sum[:])}, data: data}
		if typ >= 3 {
			f.M["url"] = "https://doc.weixin.qq.com/" + id
		}
		d.files[id] = f
		d.order = append(d.order, id)
		return f, nil
	}
	h("file_upload", func(r *Request, d *weDrive, in M) (any, error) {
		if e := wcNeed(in, "userid", "spaceid", "fatherid", "file_name"); e != nil {
			return nil, e
		}
		data, err := base64.StdEncoding.DecodeString(wcStr(in, "file_base64_content"))
		if err != nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid file_base64_content")
		}
		f, e := newFile(r, d, in, 2, data)
		if e != nil {
			return nil, e
		}
		return OK(M{"fileid": f.M["fileid"]}), nil
	})
	h("file_create", func(r *Request, d *weDrive, in M) (any, error) {
		if e := wcNeed(in, "userid", "spaceid", "fatherid", "file_name"); e != nil {
			return nil, e
		}
		t := wcInt(in, "file_type")
		if t != 1 && t != 3 && t != 4 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid file_type")
		}
		f, e := newFile(r, d, in, t, nil)
		if e != nil {
			return nil, e
		}
		return OK(M{"fileid": f.M["fileid"], "url": f.M["url"]}), nil
	})
	h("file_list", func(r *Request, d *weDrive, in M) (any, error) {
		if _, e := d.space(wcStr(in, "spaceid"), wcStr(in, "userid"), false); e != nil {
			return nil, e
		}
		var items []M
		for _, id := range d.order {
			if f, ok := d.files[id]; ok && wcStr(f.M, "fatherid") == wcStr(in, "fatherid") {
				items = append(items, wcClone(f.M))
			}
		}
		sort.SliceStable(items, func(i, j int) bool {
			switch wcInt(in, "sort_type") {
			case 2:
				return wcInt(items[i], "file_size") < wcInt(items[j], "file_size")
			case 5:
				return wcInt(items[i], "file_size") > wcInt(items[j], "file_size")
			}
			return wcStr(items[i], "file_name") < wcStr(items[j], "file_name")
		})
		limit := wcInt(in, "limit")
		page, next, e := wcPage(items, strconv.Itoa(wcInt(in, "start")), limit, limit, 1000)
		if e != nil {
			return nil, e
		}
		n, _ := strconv.Atoi(next)
		return OK(M{"has_more": next != "", "next_start": n, "file_list": M{"item": append([]M{}, page...)}}), nil
	})
	h("file_info", func(r *Request, d *weDrive, in M) (any, error) {
		f, e := d.file(wcStr(in, "fileid"), wcStr(in, "userid"))
		if e != nil {
			return nil, e
		}
		return OK(M{"file_info": f.M}), nil
	})
	h("file_rename", func(r *Request, d *weDrive, in M) (any, error) {
		f, e := d.file(wcStr(in, "fileid"), wcStr(in, "userid"))
		if e != nil {
			return nil, e
		}
		f.M["file_name"], f.M["mtime"], f.M["update_userid"] = in["new_name"], r.Now().Unix(), in["userid"]
		return OK(M{"file": f.M}), nil
	})
	h("file_move", func(r *Request, d *weDrive, in M) (any, error) {
		ids := wcStrs(in, "fileid")
		father := wcStr(in, "fatherid")
		var moved []M
		for _, id := range ids {
			f, e := d.file(id, wcStr(in, "userid"))
			if e != nil {
				return nil, e
			}
			if _, isSpace := d.spaces[father]; !isSpace {
				if pf, ok := d.files[father]; !ok || wcInt(pf.M, "file_type") != 1 {
					return nil, Errorf(wcCodeNoFile, "invalid fatherid")
				}
			}
			for oid, o := range d.files {
				if oid != id && wcStr(o.M, "fatherid") == father && wcStr(o.M, "file_name") == wcStr(f.M, "file_name") {
					if in["replace"] != true {
						return nil, ErrCode(wcCodeNameExists)
					}
					delete(d.files, oid)
				}
			}
			f.M["fatherid"] = father
			moved = append(moved, f.M)
		}
		return OK(M{"file_list": M{"item": moved}}), nil
	})
	h("file_delete", func(r *Request, d *weDrive, in M) (any, error) {
		ids := wcStrs(in, "fileid")
		for _, id := range ids {
			if _, e := d.file(id, wcStr(in, "userid")); e != nil {
				return nil, e
			}
		}
		for _, id := range ids {
			delete(d.files, id)
		}
		return nil, nil
	})
	h("file_download", func(r *Request, d *weDrive, in M) (any, error) {
		f, e := d.file(wcStr(in, "fileid"), wcStr(in, "userid"))
		if e != nil {
			return nil, e
		}
		if wcInt(f.M, "file_type") != 2 {
			return nil, Errorf(wcCodeInvalidParameter, "not a file")
		}
		corp, _ := splitCorp(r.AppID)
		base := "http://" + r.HTTP.Host + WeComPrefix + "/wedrive-download/" + corp + "/"
		return OK(M{"download_url": base + wcStr(f.M, "fileid"), "cookie_name": "wwfile", "cookie_value": "c-" + wcStr(f.M, "fileid")}), nil
	})
	// the download URL file_download hands out (cookie checked)
	s.HandleRaw(WeComPath("GET /wedrive-download/*"), func(w http.ResponseWriter, r *Request) {
		corp, id, _ := strings.Cut(strings.TrimPrefix(r.HTTP.URL.Path, WeComPrefix+"/wedrive-download/"), "/")
		ck, err := r.HTTP.Cookie("wwfile")
		d := Value(s.State("wecom:"+corp), "wedrive", newWeDrive)
		d.mu.Lock()
		f, ok := d.files[id]
		var data []byte
		var name string
		if ok {
			data, name = slices.Clone(f.data), wcStr(f.M, "file_name")
		}
		d.mu.Unlock()
		if !ok || err != nil || ck.Value != "c-"+id {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		_, _ = w.Write(data)
	}, Public())

	// https://developer.work.weixin.qq.com/document/path/93658
	fileACL := func(add bool) func(r *Request, d *weDrive, in M) (any, error) {
		return func(r *Request, d *weDrive, in M) (any, error) {
			if _, e := d.file(wcStr(in, "fileid"), wcStr(in, "userid")); e != nil {
				return nil, e
			}
			if e := wcNeed(in, "auth_info"); e != nil {
				return nil, e
			}
			perm := d.perm(wcStr(in, "fileid"))
			members := asList(perm["file_member_list"])
			for _, a := range asList(in["auth_info"]) {
				members = slices.DeleteFunc(members, func(x any) bool { return wcSameRange(x, a) })
				if add {
					members = append(members, wcClone(a.(M)))
				}
			}
			perm["file_member_list"] = members
			return nil, nil
		}
	}
	h("file_acl_add", fileACL(true))
	h("file_acl_del", fileACL(false))
	h("file_setting", func(r *Request, d *weDrive, in M) (any, error) {
		if _, e := d.file(wcStr(in, "fileid"), wcStr(in, "userid")); e != nil {
			return nil, e
		}
		scope := wcInt(in, "auth_scope")
		if scope < 1 || scope > 3 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid auth_scope")
		}
		auth := wcInt(in, "auth")
		if auth == 0 {
			auth = 1
		}
		perm := d.perm(wcStr(in, "fileid"))
		perm["share_range"] = M{"enable_corp_internal": scope >= 2, "corp_internal_auth": auth, "enable_corp_external": scope == 3, "corp_external_auth": auth}
		return nil, nil
	})
	h("file_share", func(r *Request, d *weDrive, in M) (any, error) {
		if _, e := d.file(wcStr(in, "fileid"), wcStr(in, "userid")); e != nil {
			return nil, e
		}
		return OK(M{"share_url": "https://drive.weixin.qq.com/s?k=" + wcStr(in, "fileid")}), nil
	})
	h("get_file_permission", func(r *Request, d *weDrive, in M) (any, error) {
		if _, e := d.file(wcStr(in, "fileid"), ""); e != nil {
			return nil, e
		}
		return OK(wcClone(d.perm(wcStr(in, "fileid")))), nil
	})
	h("file_secure_setting", func(r *Request, d *weDrive, in M) (any, error) {
		if _, e := d.file(wcStr(in, "fileid"), ""); e != nil {
			return nil, e
		}
		if wm, ok := in["watermark"].(M); ok {
			d.perm(wcStr(in, "fileid"))["secure_setting"] = M{"enable_readonly_copy": false, "watermark": wm}
		}
		return nil, nil
	})
}

func newWeDrive() *weDrive {
	return &weDrive{spaces: map[string]*wdSpace{}, files: map[string]*wdFile{}, perms: map[string]M{}}
}

// perm returns the permission record of a file. d.mu must be held.
func (d *weDrive) perm(id string) M {
	p, ok := d.perms[id]
	if !ok {
		p = M{"share_range": M{"enable_corp_internal": false, "corp_internal_auth": 1, "enable_corp_external": false, "corp_external_auth": 1},
			"secure_setting": M{"enable_readonly_copy": false}, "inherit_father_auth": M{"auth_list": []M{}, "inherit": true}, "file_member_list": []any{}}
		d.perms[id] = p
	}
	return p
}
