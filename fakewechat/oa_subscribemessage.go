package fakewechat

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Subscription notifications of official accounts (订阅通知) and the
// template library they share with mini programs: a small public template
// library (OASubscribeCategories, with OASubscribeTitleCount titles in
// category 616), the app's templates made from it (/wxaapi/newtmpl/*), and
// bizsend, which needs the user's subscription to the template
// (SubscribeUser): a one-time subscription allows one notification, a
// long-term one (title type 3) any number. The data keys must be those of
// the template. mp_subscribemessage.go adds the mini program send on the
// same state.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func init() {
	for code, msg := range map[int]string{
		CodeSubscribeTemplateLimit: "template count reach limit",
		CodeSubscribeInvalidTID:    "invalid tid",
		CodeSubscribeInvalidStart:  "invalid start",
		CodeSubscribeInvalidLimit:  "invalid limit",
		CodeSubscribeIDsMissing:    "ids missing",
		CodeSubscribeInvalidIDs:    "invalid ids",
		CodeSubscribeInvalidKIDs:   "invalid kidList",
		CodeSubscribeInvalidScene:  "invalid sceneDesc",
		CodeUserRefused:            "user refuse to accept the msg",
		CodeInvalidTemplateArgs:    "argument invalid!",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerOASubscribeMessage)
}

// Errcodes of the subscription notification endpoints; an unknown template
// answers CodeInvalidTemplateID (oa_template.go).
const (
	CodeSubscribeTemplateLimit = 200012
	CodeSubscribeInvalidTID    = 200014
	CodeSubscribeInvalidStart  = 200016
	CodeSubscribeInvalidLimit  = 200017
	CodeSubscribeIDsMissing    = 200018
	CodeSubscribeInvalidIDs    = 200019
	CodeSubscribeInvalidKIDs   = 200020
	CodeSubscribeInvalidScene  = 200021
	CodeUserRefused            = 43101
	CodeInvalidTemplateArgs    = 47003
	oaMaxSubscribeTemplates    = 50
	oaMaxThingRunes            = 20
)

// OASubscribeCategories are the categories of every fake account.
var OASubscribeCategories = []struct {
	ID   int
	Name string
}{{616, "公交"}, {2, "餐饮"}}

// OASubscribeTitleCount is the number of public titles of category 616
// (tids 100 to 134, one-time); the titles of category 2 are tids 1001
// (one-time) and 1002 (long-term).
const OASubscribeTitleCount = 35

type oaSubKeyword struct {
	KID     int    `json:"kid"`
	Name    string `json:"name"`
	Example string `json:"example"`
	Rule    string `json:"rule"`
}

// Every public title has these keywords.
var oaSubKeywords = []oaSubKeyword{
	{1, "物品名称", "咖啡", "thing"},
	{2, "金额", "12.00元", "amount"},
	{3, "时间", "2026-11-25 12:00", "time"},
	{4, "订单号", "A123456", "character_string"},
	{5, "备注", "请及时查收", "thing"},
}

type oaSubTitle struct {
	tid, typ, category int
	title              string
}

// oaSubTitles returns the public titles of the fake library.
func oaSubTitles() []oaSubTitle {
	out := make([]oaSubTitle, 0, OASubscribeTitleCount+2)
	for i := range OASubscribeTitleCount {
		out = append(out, oaSubTitle{tid: 100 + i, typ: 2, category: 616, title: fmt.Sprintf("公交通知%d", i)})
	}
	return append(out, oaSubTitle{1001, 2, 2, "付款成功通知"}, oaSubTitle{1002, 3, 2, "排队进度提醒"})
}

type oaSubTemplate struct {
	id    string
	title oaSubTitle
	kids  []int
}

// keys returns the data keys of the template, such as "thing1".
func (t *oaSubTemplate) keys() []string {
	keys := make([]string, len(t.kids))
	for i, k := range t.kids {
		keys[i] = oaSubKeywords[k-1].Rule + strconv.Itoa(k)
	}
	return keys
}

func (t *oaSubTemplate) content() (content, example string) {
	var c, e strings.Builder
	for i, key := range t.keys() {
		kw := oaSubKeywords[t.kids[i]-1]
		fmt.Fprintf(&c, "%s:{{%s.DATA}}\n", kw.Name, key)
		fmt.Fprintf(&e, "%s:%s\n", kw.Name, kw.Example)
	}
	return c.String(), e.String()
}

type oaSubStore struct {
	mu        sync.Mutex
	seq       int
	templates []*oaSubTemplate
	grants    map[[2]string]int // (openid, priTmplId) → sends left; -1 unlimited
	sent      []SubscribeSent
}

// SubscribeSent is a subscription notification or message accepted by the
// fake.
type SubscribeSent struct {
	ToUser, TemplateID, Page string
	// MiniProgramAppID is the mini program a notification opens (bizsend).
	MiniProgramAppID string
	Data             map[string]string
}

func oaSubs(st *State) *oaSubStore {
	return Value(st, "oa.subscribe", func() *oaSubStore { return &oaSubStore{grants: map[[2]string]int{}} })
}

// SubscribeUser records that openid subscribed to the template priTmplID of
// appid (as the user does in the WeChat client): one more notification for
// a one-time template, unlimited for a long-term one. It reports whether the
// template exists.
func (s *Server) SubscribeUser(appid, openid, priTmplID string) bool {
	ss := oaSubs(s.State(appid))
	ss.mu.Lock()
	defer ss.mu.Unlock()
	i := slices.IndexFunc(ss.templates, func(t *oaSubTemplate) bool { return t.id == priTmplID })
	if i < 0 {
		return false
	}
	key := [2]string{openid, priTmplID}
	switch {
	case ss.templates[i].title.typ == 3:
		ss.grants[key] = -1
	case ss.grants[key] >= 0:
		ss.grants[key]++
	}
	return true
}

// SubscribeSends returns the notifications sent by appid, oldest first.
func (s *Server) SubscribeSends(appid string) []SubscribeSent {
	ss := oaSubs(s.State(appid))
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return slices.Clone(ss.sent)
}

// checkSubscribeData checks the data of a send against the keys of its
// template: exactly those keys, each with a value, a "thing" value holding
// at most 20 characters. It returns the values by key.
func checkSubscribeData(keys []string, in map[string]struct {
	Value *string `json:"value"`
}) (map[string]string, *Error) {
	data := make(map[string]string, len(in))
	for k, v := range in {
		if !slices.Contains(keys, k) || v.Value == nil || (strings.HasPrefix(k, "thing") && utf8.RuneCountInString(*v.Value) > oaMaxThingRunes) {
			return nil, Errorf(CodeInvalidTemplateArgs, "argument invalid! data.%s.value invalid", k)
		}
		data[k] = *v.Value
	}
	for _, k := range keys {
		if _, ok := data[k]; !ok {
			return nil, Errorf(CodeInvalidTemplateArgs, "argument invalid! data.%s.value empty", k)
		}
	}
	return data, nil
}

func registerOASubscribeMessage(s *Server) {
	titles := oaSubTitles()
	findTitle := func(tid string) (oaSubTitle, bool) {
		n, err := strconv.Atoi(tid)
		i := slices.IndexFunc(titles, func(t oaSubTitle) bool { return t.tid == n })
		if err != nil || i < 0 {
			return oaSubTitle{}, false
		}
		return titles[i], true
	}

	s.HandleJSON("GET /wxaapi/newtmpl/getcategory", func(r *Request) (any, error) {
		data := make([]M, len(OASubscribeCategories))
		for i, c := range OASubscribeCategories {
			data[i] = M{"id": c.ID, "name": c.Name}
		}
		return OK(M{"data": data}), nil
	})

	s.HandleJSON("GET /wxaapi/newtmpl/getpubtemplatekeywords", func(r *Request) (any, error) {
		if _, ok := findTitle(r.Query.Get("tid")); !ok {
			return nil, ErrCode(CodeSubscribeInvalidTID)
		}
		return OK(M{"count": len(oaSubKeywords), "data": oaSubKeywords}), nil
	})

	s.HandleJSON("GET /wxaapi/newtmpl/getpubtemplatetitles", func(r *Request) (any, error) {
		q := r.Query
		if q.Get("ids") == "" {
			return nil, ErrCode(CodeSubscribeIDsMissing)
		}
		var cats []int
		for _, id := range strings.Split(q.Get("ids"), ",") {
			n, err := strconv.Atoi(id)
			if err != nil {
				return nil, ErrCode(CodeSubscribeInvalidIDs)
			}
			cats = append(cats, n)
		}
		start, err := strconv.Atoi(q.Get("start"))
		if err != nil || start < 0 {
			return nil, ErrCode(CodeSubscribeInvalidStart)
		}
		limit, err := strconv.Atoi(q.Get("limit"))
		if err != nil || limit < 1 || limit > 30 {
			return nil, ErrCode(CodeSubscribeInvalidLimit)
		}
		var match []M
		for _, t := range titles {
			if slices.Contains(cats, t.category) {
				match = append(match, M{"tid": t.tid, "title": t.title, "type": t.typ, "categoryId": t.category}) // a number, as in the docs' table
			}
		}
		page := []M{}
		if start < len(match) {
			page = match[start:min(start+limit, len(match))]
		}
		return OK(M{"count": len(match), "data": page}), nil
	})

	s.HandleJSON("POST /wxaapi/newtmpl/addtemplate", func(r *Request) (any, error) {
		var in struct {
			TID       string `json:"tid"`
			KIDList   []int  `json:"kidList"`
			SceneDesc string `json:"sceneDesc"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		title, ok := findTitle(in.TID)
		if !ok {
			return nil, ErrCode(CodeSubscribeInvalidTID)
		}
		if len(in.KIDList) < 2 || len(in.KIDList) > 5 {
			return nil, ErrCode(CodeSubscribeInvalidKIDs)
		}
		for i, k := range in.KIDList {
			if k < 1 || k > len(oaSubKeywords) || slices.Contains(in.KIDList[:i], k) {
				return nil, ErrCode(CodeSubscribeInvalidKIDs)
			}
		}
		if utf8.RuneCountInString(in.SceneDesc) > 15 {
			return nil, ErrCode(CodeSubscribeInvalidScene)
		}
		ss := oaSubs(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		if len(ss.templates) >= oaMaxSubscribeTemplates {
			return nil, ErrCode(CodeSubscribeTemplateLimit)
		}
		ss.seq++
		t := &oaSubTemplate{id: fmt.Sprintf("tmpl_%s_%04d_%s", r.AppID, ss.seq, strings.Repeat("x", 12)), title: title, kids: slices.Clone(in.KIDList)}
		ss.templates = append(ss.templates, t)
		return OK(M{"priTmplId": t.id}), nil
	})

	s.HandleJSON("POST /wxaapi/newtmpl/deltemplate", func(r *Request) (any, error) {
		var in struct {
			PriTmplID string `json:"priTmplId"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ss := oaSubs(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		i := slices.IndexFunc(ss.templates, func(t *oaSubTemplate) bool { return t.id == in.PriTmplID })
		if i < 0 {
			return nil, ErrCode(CodeInvalidTemplateID)
		}
		ss.templates = slices.Delete(ss.templates, i, i+1)
		return nil, nil
	})

	s.HandleJSON("GET /wxaapi/newtmpl/gettemplate", func(r *Request) (any, error) {
		ss := oaSubs(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		data := make([]M, len(ss.templates))
		for i, t := range ss.templates {
			content, example := t.content()
			data[i] = M{"priTmplId": t.id, "title": t.title.title, "content": content, "example": example, "type": t.title.typ}
		}
		return OK(M{"data": data}), nil
	})

	s.HandleJSON("POST /cgi-bin/message/subscribe/bizsend", func(r *Request) (any, error) {
		var in struct {
			ToUser      string `json:"touser"`
			TemplateID  string `json:"template_id"`
			Page        string `json:"page"`
			MiniProgram *struct {
				AppID string `json:"appid"`
			} `json:"miniprogram"`
			Data map[string]struct {
				Value *string `json:"value"`
			} `json:"data"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.ToUser == "" {
			return nil, ErrCode(oaCodeInvalidOpenID)
		}
		sent := SubscribeSent{ToUser: in.ToUser, TemplateID: in.TemplateID, Page: in.Page}
		if in.MiniProgram != nil {
			if in.MiniProgram.AppID == "" {
				return nil, Errorf(CodeInvalidTemplateArgs, "argument invalid! miniprogram.appid empty")
			}
			sent.MiniProgramAppID = in.MiniProgram.AppID
		}
		ss := oaSubs(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		i := slices.IndexFunc(ss.templates, func(t *oaSubTemplate) bool { return t.id == in.TemplateID })
		if i < 0 {
			return nil, ErrCode(CodeInvalidTemplateID)
		}
		data, err := checkSubscribeData(ss.templates[i].keys(), in.Data)
		if err != nil {
			return nil, err
		}
		sent.Data = data
		key := [2]string{in.ToUser, in.TemplateID}
		switch left := ss.grants[key]; {
		case left == 0:
			return nil, ErrCode(CodeUserRefused)
		case left > 0:
			ss.grants[key] = left - 1
		}
		ss.sent = append(ss.sent, sent)
		return nil, nil
	})
}
