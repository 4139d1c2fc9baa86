package fakewechat

import (
	"encoding/json"
	"slices"
	"strconv"
	"sync"
)

// wxaLibrary is the template library of every component.
type wxaLibrary struct {
	mu        sync.Mutex
	next      int64
	drafts    map[string][]M // component -> drafts
	templates map[string][]M // component -> templates
}

func (s *Server) wxaLibrary() *wxaLibrary {
	return Value(s.State(""), "component.templates", func() *wxaLibrary {
		return &wxaLibrary{drafts: map[string][]M{}, templates: map[string][]M{}}
	})
}

func validJSON(s string) bool { return json.Valid([]byte(s)) }

func jsonInt(v any) int64 {
	switch x := v.(type) {
	case float64:
		return int64(x)
	case int64:
		return x
	case int:
		return int64(x)
	}
	return -1
}

// AddTemplateDraft simulates a developer uploading code with the developer
// tools for the component: it becomes a draft of the component's template
// library, and its draft_id is returned (-1 for an unknown component).
func (s *Server) AddTemplateDraft(componentAppID, userVersion, userDesc string) int64 {
	if _, ok := s.componentSecret(componentAppID); !ok {
		return -1
	}
	l := s.wxaLibrary()
	l.mu.Lock()
	defer l.mu.Unlock()
	id := l.next
	l.next++
	l.drafts[componentAppID] = append(l.drafts[componentAppID], M{
		"create_time": s.Now().Unix(), "user_version": userVersion, "user_desc": userDesc, "draft_id": id,
		"source_miniprogram_appid": "wxdevtools0000001", "source_miniprogram": "dev", "developer": "developer",
	})
	return id
}

func (s *Server) templateExists(id int64) bool {
	l := s.wxaLibrary()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, list := range l.templates {
		for _, t := range list {
			if jsonInt(t["template_id"]) == id {
				return true
			}
		}
	}
	return false
}

// onLibrary checks that the access_token is a component's and runs fn
// with the library locked.
func (s *Server) onLibrary(fn func(r *Request, l *wxaLibrary) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		if _, ok := s.componentSecret(r.AppID); !ok {
			return nil, ErrCode(CodeInvalidCredential)
		}
		l := s.wxaLibrary()
		l.mu.Lock()
		defer l.mu.Unlock()
		return fn(r, l)
	}
}

func registerComponentTemplates(s *Server) {
	s.HandleJSON("GET /wxa/gettemplatedraftlist", s.onLibrary(func(r *Request, l *wxaLibrary) (any, error) {
		return OK(M{"draft_list": append([]M{}, l.drafts[r.AppID]...)}), nil
	}))
	s.HandleJSON("POST /wxa/addtotemplate", s.onLibrary(func(r *Request, l *wxaLibrary) (any, error) {
		var in struct {
			DraftID      *int64 `json:"draft_id"`
			TemplateType int    `json:"template_type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.DraftID == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: draft_id")
		}
		i := slices.IndexFunc(l.drafts[r.AppID], func(d M) bool { return jsonInt(d["draft_id"]) == *in.DraftID })
		if i < 0 || (in.TemplateType != 0 && in.TemplateType != 1) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: draft_id")
		}
		d := l.drafts[r.AppID][i]
		t := M{"create_time": r.Now().Unix(), "template_id": *in.DraftID, "template_type": in.TemplateType}
		for _, k := range []string{"user_version", "user_desc", "source_miniprogram_appid", "source_miniprogram", "developer"} {
			t[k] = d[k]
		}
		l.templates[r.AppID] = append(l.templates[r.AppID], t)
		return nil, nil
	}))
	s.HandleJSON("GET /wxa/gettemplatelist", s.onLibrary(func(r *Request, l *wxaLibrary) (any, error) {
		list := []M{}
		want := r.Query.Get("template_type")
		for _, t := range l.templates[r.AppID] {
			if want == "" || want == strconv.FormatInt(jsonInt(t["template_type"]), 10) {
				list = append(list, t)
			}
		}
		return OK(M{"template_list": list}), nil
	}))
	s.HandleJSON("POST /wxa/deletetemplate", s.onLibrary(func(r *Request, l *wxaLibrary) (any, error) {
		var in struct {
			TemplateID *int64 `json:"template_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		list := l.templates[r.AppID]
		i := -1
		if in.TemplateID != nil {
			i = slices.IndexFunc(list, func(t M) bool { return jsonInt(t["template_id"]) == *in.TemplateID })
		}
		if i < 0 {
			return nil, ErrCode(wxaCodeBadTemplate)
		}
		l.templates[r.AppID] = slices.Delete(list, i, i+1)
		return nil, nil
	}))
}
