package fakewechat

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Subscription messages (订阅消息) of mini programs: a fixed catalogue of
// categories, public templates (45, to page through) and their keywords;
// per-app private templates (at most 50); and message/subscribe/send, which
// needs a subscription granted with MPSubscribe (one message per grant, as a
// one-time subscription) and checks the keywords of the template. The
// /wxaapi/newtmpl endpoints and the templates are shared with official
// accounts (oa_subscribemessage.go sends with them).
func init() {
	for code, msg := range map[int]string{
		CodeMPUserRefused: "user refuse to accept the msg", CodeMPArgumentInvalid: "argument invalid!",
		CodeMPInvalidTemplateID: "invalid template_id", CodeMPTemplateLimit: "private template count reach limit",
		CodeMPTemplateTID: "template tid invalid", CodeMPKidList: "kidList invalid", CodeMPSceneDesc: "sceneDesc invalid",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerMPSubscribeMessage)
}

// Errcodes of the subscription message endpoints.
const (
	CodeMPInvalidTemplateID = 40037
	CodeMPUserRefused       = 43101
	CodeMPArgumentInvalid   = 47003
	CodeMPTemplateLimit     = 200012
	CodeMPTemplateTID       = 200014
	CodeMPKidList           = 200020
	CodeMPSceneDesc         = 200021
)

type mpPubTemplate struct {
	TID        int    `json:"tid"`
	Title      string `json:"title"`
	Type       int    `json:"type"`
	CategoryID string `json:"categoryId"`
}

type mpKeyword struct {
	KID     int    `json:"kid"`
	Name    string `json:"name"`
	Example string `json:"example"`
	Rule    string `json:"rule"`
}

var (
	mpCategories   = []M{{"id": 616, "name": "公交"}, {"id": 627, "name": "生活服务"}}
	mpPubTemplates = func() []mpPubTemplate {
		var out []mpPubTemplate
		for i := range 45 {
			cat := "616"
			if i >= 40 {
				cat = "627"
			}
			out = append(out, mpPubTemplate{TID: 99 + i, Title: fmt.Sprintf("通知%02d", i), Type: 2, CategoryID: cat})
		}
		return out
	}()
	mpKeywords = []mpKeyword{
		{1, "物品名称", "名称", "thing"}, {2, "数量", "100", "number"},
		{3, "时间", "2019年10月1日 15:01", "time"}, {4, "状态", "已发货", "phrase"}, {5, "备注", "请及时领取", "thing"},
	}
)

// MPSentSubscribeMessage is a subscription message the fake accepted.
type MPSentSubscribeMessage struct {
	ToUser, TemplateID, Page, MiniprogramState, Lang string
	Data                                             map[string]string
}

type mpTemplate struct {
	PriTmplID string `json:"priTmplId"`
	Title     string `json:"title"`
	Content   string `json:"content"`
	Example   string `json:"example"`
	Type      int    `json:"type"`
	keys      []string
}

type mpSubscribe struct {
	mu        sync.Mutex
	templates []*mpTemplate
	nextID    int
	grants    map[string]int // openid + "\x00" + template id -> messages allowed
	sent      []MPSentSubscribeMessage
}

func (s *Server) mpSubscribe(appid string) *mpSubscribe {
	return Value(s.State(appid), "mp.subscribe", func() *mpSubscribe { return &mpSubscribe{grants: map[string]int{}} })
}

// MPSubscribe records that the user openid accepted n more messages of
// template templateID (wx.requestSubscribeMessage).
func (s *Server) MPSubscribe(appid, openid, templateID string, n int) {
	st := s.mpSubscribe(appid)
	st.mu.Lock()
	st.grants[openid+"\x00"+templateID] += n
	st.mu.Unlock()
}

// MPSentSubscribeMessages returns the subscription messages sent by appid, oldest first.
func (s *Server) MPSentSubscribeMessages(appid string) []MPSentSubscribeMessage {
	st := s.mpSubscribe(appid)
	st.mu.Lock()
	defer st.mu.Unlock()
	return slices.Clone(st.sent)
}

func registerMPSubscribeMessage(s *Server) {
	s.HandleJSON("GET /wxaapi/newtmpl/getcategory", func(r *Request) (any, error) {
		return OK(M{"data": mpCategories}), nil
	})
	s.HandleJSON("GET /wxaapi/newtmpl/getpubtemplatetitles", func(r *Request) (any, error) {
		start, err1 := strconv.Atoi(r.Query.Get("start"))
		limit, err2 := strconv.Atoi(r.Query.Get("limit"))
		if err1 != nil || err2 != nil || start < 0 || limit < 1 || limit > 30 || r.Query.Get("ids") == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		ids := strings.Split(r.Query.Get("ids"), ",")
		var match []mpPubTemplate
		for _, t := range mpPubTemplates {
			if slices.Contains(ids, t.CategoryID) {
				match = append(match, t)
			}
		}
		page := match[min(start, len(match)):min(start+limit, len(match))]
		return OK(M{"count": len(match), "data": page}), nil
	})
	s.HandleJSON("GET /wxaapi/newtmpl/getpubtemplatekeywords", func(r *Request) (any, error) {
		if _, ok := mpPubTemplateByTID(r.Query.Get("tid")); !ok {
			return nil, ErrCode(CodeMPTemplateTID)
		}
		return OK(M{"count": len(mpKeywords), "data": mpKeywords}), nil
	})
	s.HandleJSON("POST /wxaapi/newtmpl/addtemplate", func(r *Request) (any, error) {
		var in struct {
			TID       string `json:"tid"`
			KidList   []int  `json:"kidList"`
			SceneDesc string `json:"sceneDesc"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		pt, ok := mpPubTemplateByTID(in.TID)
		if !ok {
			return nil, ErrCode(CodeMPTemplateTID)
		}
		if len(in.KidList) < 2 || len(in.KidList) > 5 {
			return nil, ErrCode(CodeMPKidList)
		}
		if utf8.RuneCountInString(in.SceneDesc) > 15 {
			return nil, ErrCode(CodeMPSceneDesc)
		}
		t := &mpTemplate{Title: pt.Title, Type: pt.Type}
		var content, example strings.Builder
		for i, kid := range in.KidList {
			if kid < 1 || kid > len(mpKeywords) || slices.Contains(in.KidList[:i], kid) {
				return nil, ErrCode(CodeMPKidList)
			}
			k := mpKeywords[kid-1]
			key := k.Rule + strconv.Itoa(kid)
			t.keys = append(t.keys, key)
			fmt.Fprintf(&content, "%s:{{%s.DATA}}\n", k.Name, key)
			fmt.Fprintf(&example, "%s:%s\n", k.Name, k.Example)
		}
		t.Content, t.Example = content.String(), example.String()
		st := s.mpSubscribe(r.AppID)
		st.mu.Lock()
		defer st.mu.Unlock()
		if len(st.templates) >= 50 {
			return nil, ErrCode(CodeMPTemplateLimit)
		}
		st.nextID++
		t.PriTmplID = fmt.Sprintf("mpTmpl%06d-%s", st.nextID, randHex(8))
		st.templates = append(st.templates, t)
		return OK(M{"priTmplId": t.PriTmplID}), nil
	})
	s.HandleJSON("POST /wxaapi/newtmpl/deltemplate", func(r *Request) (any, error) {
		var in struct {
			ID string `json:"priTmplId"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		st := s.mpSubscribe(r.AppID)
		st.mu.Lock()
		defer st.mu.Unlock()
		n := len(st.templates)
		st.templates = slices.DeleteFunc(st.templates, func(t *mpTemplate) bool { return t.PriTmplID == in.ID })
		if len(st.templates) == n {
			return nil, ErrCode(CodeMPInvalidTemplateID)
		}
		return nil, nil
	})
	s.HandleJSON("GET /wxaapi/newtmpl/gettemplate", func(r *Request) (any, error) {
		st := s.mpSubscribe(r.AppID)
		st.mu.Lock()
		defer st.mu.Unlock()
		data := make([]*mpTemplate, len(st.templates))
		copy(data, st.templates)
		return OK(M{"data": data}), nil
	})
	s.HandleJSON("POST /cgi-bin/message/subscribe/send", func(r *Request) (any, error) {
		var in struct {
			ToUser           string                            `json:"touser"`
			TemplateID       string                            `json:"template_id"`
			Page             string                            `json:"page"`
			Data             map[string]struct{ Value string } `json:"data"`
			MiniprogramState string                            `json:"miniprogram_state"`
			Lang             string                            `json:"lang"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.ToUser == "" {
			return nil, ErrCode(40003)
		}
		if in.TemplateID == "" {
			return nil, ErrCode(CodeMPInvalidTemplateID)
		}
		if !slices.Contains([]string{"", "developer", "trial", "formal"}, in.MiniprogramState) ||
			!slices.Contains([]string{"", "zh_CN", "en_US", "zh_HK", "zh_TW"}, in.Lang) || len(in.Data) == 0 {
			return nil, ErrCode(CodeMPArgumentInvalid)
		}
		st := s.mpSubscribe(r.AppID)
		st.mu.Lock()
		defer st.mu.Unlock()
		// Keywords are checked against templates this fake created.
		for _, t := range st.templates {
			if t.PriTmplID != in.TemplateID {
				continue
			}
			for k, v := range in.Data {
				if !slices.Contains(t.keys, k) || (strings.HasPrefix(k, "thing") && utf8.RuneCountInString(v.Value) > 20) {
					return nil, Errorf(CodeMPArgumentInvalid, "argument invalid! data.%s.value invalid", k)
				}
			}
		}
		key := in.ToUser + "\x00" + in.TemplateID
		if st.grants[key] <= 0 {
			return nil, ErrCode(CodeMPUserRefused)
		}
		st.grants[key]--
		data := make(map[string]string, len(in.Data))
		for k, v := range in.Data {
			data[k] = v.Value
		}
		st.sent = append(st.sent, MPSentSubscribeMessage{in.ToUser, in.TemplateID, in.Page, in.MiniprogramState, in.Lang, data})
		return nil, nil
	})
}

// mpPubTemplateByTID finds a public template by its tid.
func mpPubTemplateByTID(tid string) (mpPubTemplate, bool) {
	for _, t := range mpPubTemplates {
		if strconv.Itoa(t.TID) == tid {
			return t, true
		}
	}
	return mpPubTemplate{}, false
}
