package fakewechat

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"
)

// Errcodes answered by the customer-contact, OA, meeting, living and
// WeDrive fakes.
const (
	wcCodeUserNotFound          = 60111 // userid not found
	wcCodeInvalidParameter      = 40058 // invalid parameter (missing or malformed field)
	wcCodeInvalidExternalUserID = 40096 // invalid external_userid
	wcCodeInvalidTagID          = 40068 // invalid tagid
	wcCodeTagNameExists         = 40071 // tag name exists
	wcCodeInvalidChatID         = 40050 // chatid not found
	wcCodeNotExternalContact    = 84061 // no external-contact relation
)

func init() {
	for code, msg := range map[int]string{
		wcCodeUserNotFound: "userid not found", wcCodeInvalidParameter: "invalid Parameter",
		wcCodeInvalidExternalUserID: "invalid external userid", wcCodeInvalidTagID: "invalid tagid",
		wcCodeTagNameExists: "tag name exists", wcCodeInvalidChatID: "chatid not found",
		wcCodeNotExternalContact: "not external contact",
	} {
		if _, ok := stdMessages[code]; !ok {
			stdMessages[code] = msg
		}
	}
}

// wecomCorpState returns the per-corp state of the calling agent: agents
// of one corp share customers, schedules, WeDrive spaces...
func wecomCorpState(r *Request) *State {
	corp, _, _ := strings.Cut(r.AppID, "/")
	return r.Server.State("wecom:" + corp)
}

// wcTable is a stateful collection of JSON objects keyed by a generated id,
// for the CRUD-shaped WeCom APIs.
type wcTable struct {
	mu    sync.Mutex
	seq   int
	order []string
	items map[string]M
}

func wcTab(r *Request, name string) *wcTable {
	return Value(wecomCorpState(r), "table:"+name, func() *wcTable { return &wcTable{items: map[string]M{}} })
}

// clone deep-copies a JSON object.
func wcClone(m M) M {
	b, _ := json.Marshal(m)
	var out M
	_ = json.Unmarshal(b, &out)
	return out
}

// insert stores obj under a new id (prefix + sequence) set in obj[idKey].
func (t *wcTable) insert(prefix, idKey string, obj M) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seq++
	id := prefix + strconv.Itoa(t.seq)
	if idKey != "" {
		obj[idKey] = id
	}
	t.items[id] = wcClone(obj)
	t.order = append(t.order, id)
	return id
}

// insertInt is insert with a numeric id.
func (t *wcTable) insertInt(idKey string, obj M) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seq++
	obj[idKey] = t.seq
	id := strconv.Itoa(t.seq)
	t.items[id] = wcClone(obj)
	t.order = append(t.order, id)
	return t.seq
}

func (t *wcTable) get(id string) (M, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	m, ok := t.items[id]
	if !ok {
		return nil, false
	}
	return wcClone(m), true
}

// update merges patch into item id (keys in skip are ignored).
func (t *wcTable) update(id string, patch M, skip ...string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	m, ok := t.items[id]
	if !ok {
		return false
	}
outer:
	for k, v := range wcClone(patch) {
		for _, s := range skip {
			if k == s {
				continue outer
			}
		}
		m[k] = v
	}
	return true
}

// modify runs fn on item id under the lock.
func (t *wcTable) modify(id string, fn func(M)) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	m, ok := t.items[id]
	if ok {
		fn(m)
	}
	return ok
}

func (t *wcTable) remove(id string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.items[id]; !ok {
		return false
	}
	delete(t.items, id)
	for i, o := range t.order {
		if o == id {
			t.order = append(t.order[:i], t.order[i+1:]...)
			break
		}
	}
	return true
}

// all returns copies of the items, in insertion order, that keep returns true for.
func (t *wcTable) all(keep func(M) bool) []M {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []M
	for _, id := range t.order {
		if keep == nil || keep(t.items[id]) {
			out = append(out, wcClone(t.items[id]))
		}
	}
	return out
}

// wcPage cuts one page out of items: cursor is the offset as a string (""
// for 0); next is "" after the last page. An unparsable cursor is an error.
func wcPage[T any](items []T, cursor string, limit, def, max int) ([]T, string, *Error) {
	off := 0
	if cursor != "" {
		n, err := strconv.Atoi(cursor)
		if err != nil || n < 0 {
			return nil, "", Errorf(wcCodeInvalidParameter, "invalid cursor")
		}
		off = n
	}
	if limit <= 0 {
		limit = def
	}
	if limit > max {
		return nil, "", Errorf(wcCodeInvalidParameter, "invalid limit")
	}
	if off > len(items) {
		off = len(items)
	}
	end := min(off+limit, len(items))
	next := ""
	if end < len(items) {
		next = strconv.Itoa(end)
	}
	return items[off:end], next, nil
}

// wcStr returns m[key] as a string ("" if absent or not a string).
func wcStr(m M, key string) string {
	s, _ := m[key].(string)
	return s
}

// wcInt returns m[key] as an int (0 if absent or not a number).
func wcInt(m M, key string) int {
	switch v := m[key].(type) {
	case float64:
		return int(v)
	case int:
		return v
	case int64:
		return int(v)
	case string:
		n, _ := strconv.Atoi(v)
		return n
	}
	return 0
}

// wcStrs returns m[key] as a list of strings.
func wcStrs(m M, key string) []string {
	l, _ := m[key].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// wcNeed answers 40058 naming the first key of m that is missing or empty.
func wcNeed(m M, keys ...string) *Error {
	for _, k := range keys {
		switch v := m[k].(type) {
		case nil:
			return Errorf(wcCodeInvalidParameter, "invalid Parameter: %s missing", k)
		case string:
			if v == "" {
				return Errorf(wcCodeInvalidParameter, "invalid Parameter: %s empty", k)
			}
		case []any:
			if len(v) == 0 {
				return Errorf(wcCodeInvalidParameter, "invalid Parameter: %s empty", k)
			}
		}
	}
	return nil
}

// wcCRUD registers the create/get/update/delete handlers of a table whose
// objects are named by idKey and read back under getKey (whole answer when
// getKey is "").
type wcCRUD struct {
	table, idKey, prefix string
	required             []string // create requires these
	numeric              bool     // ids are numbers
	notFound             *Error
}

func (c wcCRUD) id(m M) string {
	switch v := m[c.idKey].(type) {
	case string:
		return v
	case float64:
		return strconv.Itoa(int(v))
	}
	return ""
}

func (c wcCRUD) missing() *Error {
	if c.notFound != nil {
		return c.notFound
	}
	return Errorf(wcCodeInvalidParameter, "invalid %s", c.idKey)
}

func (c wcCRUD) create(r *Request, wrap string) (M, error) {
	in, err := r.JSON()
	if err != nil {
		return nil, err
	}
	obj := in
	if wrap != "" {
		obj, _ = in[wrap].(M)
		if obj == nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: %s missing", wrap)
		}
	}
	if e := wcNeed(obj, c.required...); e != nil {
		return nil, e
	}
	obj["create_time"] = r.Now().Unix()
	t := wcTab(r, c.table)
	if c.numeric {
		return OK(M{c.idKey: t.insertInt(c.idKey, obj)}), nil
	}
	return OK(M{c.idKey: t.insert(c.prefix, c.idKey, obj)}), nil
}

func (c wcCRUD) lookup(r *Request) (M, error) {
	in, err := r.JSON()
	if err != nil {
		return nil, err
	}
	obj, ok := wcTab(r, c.table).get(c.id(in))
	if !ok {
		return nil, c.missing()
	}
	return obj, nil
}

func (c wcCRUD) update(r *Request, wrap string) (M, error) {
	in, err := r.JSON()
	if err != nil {
		return nil, err
	}
	obj := in
	if wrap != "" {
		if obj, _ = in[wrap].(M); obj == nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: %s missing", wrap)
		}
	}
	if !wcTab(r, c.table).update(c.id(obj), obj, c.idKey, "create_time") {
		return nil, c.missing()
	}
	return nil, nil
}

func (c wcCRUD) remove(r *Request) (any, error) {
	in, err := r.JSON()
	if err != nil {
		return nil, err
	}
	if !wcTab(r, c.table).remove(c.id(in)) {
		return nil, c.missing()
	}
	return nil, nil
}

// withCust decodes the JSON body and runs fn with the corp's customer data
// locked.
func withCust(fn func(r *Request, in M, d *wcCustomers) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		d := wcCust(r)
		d.mu.Lock()
		defer d.mu.Unlock()
		return fn(r, in, d)
	}
}
