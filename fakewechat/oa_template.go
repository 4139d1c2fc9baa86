package fakewechat

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Official account template messages (模板消息): industries, the account's
// templates (at most 25, added from library short ids such as "TM00015")
// and sending, which checks the openid and the template id.
func init() {
	stdMessages[CodeInvalidTemplateID] = "invalid template_id"
	stdMessages[CodeInvalidIndustryID] = "invalid industry id"
	stdMessages[CodeTemplateLimit] = "template num exceeds limit"
	stdMessages[CodeInvalidTemplateURL] = "invalid url"
	builtin = append(builtin, registerOATemplate)
}

// Errcodes of the template endpoints.
const (
	CodeInvalidTemplateID  = 40037
	CodeInvalidIndustryID  = 40102
	CodeTemplateLimit      = 45026
	CodeInvalidTemplateURL = 40062
)

const (
	oaMaxTemplates   = 25
	oaTemplateKey    = "oa.template"
	oaMaxIndustryID  = 41
	oaTemplateIDLen  = 43
	oaTemplateFields = 3
)

// oaIndustryNames names a few industry codes; others get a generic name.
var oaIndustryNames = map[int][2]string{
	1:  {"IT科技", "互联网|电子商务"},
	2:  {"IT科技", "IT软件与服务"},
	3:  {"IT科技", "IT硬件与设备"},
	4:  {"IT科技", "电子技术"},
	5:  {"IT科技", "通信与运营商"},
	6:  {"IT科技", "网络游戏"},
	7:  {"金融业", "银行"},
	8:  {"金融业", "基金|理财|信托"},
	9:  {"金融业", "保险"},
	10: {"餐饮", "餐饮"},
	16: {"教育", "培训"},
	41: {"其它", "其它"},
}

type oaTemplate struct {
	ID, Title, Primary, Deputy, Content, Example string
}

type oaTemplateStore struct {
	mu         sync.Mutex
	seq        int
	industry   [2]int
	templates  []*oaTemplate
	nextMsgID  int64
	sentMsgIDs map[string]int64 // client_msg_id -> msgid
}

func oaTemplates(st *State) *oaTemplateStore {
	return Value(st, oaTemplateKey, func() *oaTemplateStore {
		return &oaTemplateStore{nextMsgID: 200228332, sentMsgIDs: map[string]int64{}}
	})
}

func oaIndustry(id int) M {
	n, ok := oaIndustryNames[id]
	if !ok {
		n = [2]string{"行业" + strconv.Itoa(id), "行业" + strconv.Itoa(id)}
	}
	return M{"first_class": n[0], "second_class": n[1]}
}

var oaShortIDPattern = regexp.MustCompile(`^(TM|OPENTM)\d{5,9}$`)

// Template is a template of an official account's list (我的模板), as
// get_all_private_template answers it; AddTemplate and fixtures files add
// them without going through api_add_template.
type Template struct {
	// ID is the template_id; AddTemplate makes one up when empty. It must
	// satisfy ValidTemplateID.
	ID string `json:"template_id"`
	// Title defaults to "模板".
	Title           string `json:"title,omitempty"`
	PrimaryIndustry string `json:"primary_industry,omitempty"`
	DeputyIndustry  string `json:"deputy_industry,omitempty"`
	// Content defaults to "{{first.DATA}}\n{{keyword1.DATA}}\n{{remark.DATA}}".
	Content string `json:"content,omitempty"`
	Example string `json:"example,omitempty"`
}

var templateIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// ValidTemplateID reports whether s can be a template_id: 1 to 64
// characters of [A-Za-z0-9_-] (WeChat's own are 43 characters long).
func ValidTemplateID(s string) bool { return templateIDPattern.MatchString(s) }

// AddTemplate adds t to the templates of the official account appid, as if
// api_add_template had added it, and returns its template_id. It fails when
// the id is malformed or already used, or when the account has 25
// templates.
func (s *Server) AddTemplate(appid string, t Template) (string, error) {
	if t.Title == "" {
		t.Title = "模板"
	}
	if t.Content == "" {
		t.Content = "{{first.DATA}}\n{{keyword1.DATA}}\n{{remark.DATA}}"
	}
	ts := oaTemplates(s.State(appid))
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if t.ID == "" {
		ts.seq++
		t.ID = (fmt.Sprintf("fixture-%d-%x", ts.seq, s.Now().UnixNano()) + strings.Repeat("t", oaTemplateIDLen))[:oaTemplateIDLen]
	}
	switch {
	case !ValidTemplateID(t.ID):
		return "", fmt.Errorf("fakewechat: AddTemplate: template_id %q is not 1 to 64 characters of [A-Za-z0-9_-]", t.ID)
	case ts.find(t.ID) >= 0:
		return "", fmt.Errorf("fakewechat: AddTemplate: template_id %q already exists", t.ID)
	case len(ts.templates) >= oaMaxTemplates:
		return "", fmt.Errorf("fakewechat: AddTemplate: the account already has %d templates (WeChat's limit)", oaMaxTemplates)
	}
	ts.templates = append(ts.templates, &oaTemplate{ID: t.ID, Title: t.Title, Primary: t.PrimaryIndustry,
		Deputy: t.DeputyIndustry, Content: t.Content, Example: t.Example})
	return t.ID, nil
}

func (ts *oaTemplateStore) find(id string) int {
	for i, t := range ts.templates {
		if t.ID == id {
			return i
		}
	}
	return -1
}

func registerOATemplate(s *Server) {
	s.HandleJSON("POST /cgi-bin/template/api_set_industry", func(r *Request) (any, error) {
		var req struct {
			ID1 string `json:"industry_id1"`
			ID2 string `json:"industry_id2"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		var ids [2]int
		for i, v := range []string{req.ID1, req.ID2} {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > oaMaxIndustryID {
				return nil, ErrCode(CodeInvalidIndustryID)
			}
			ids[i] = n
		}
		ts := oaTemplates(r.State())
		ts.mu.Lock()
		ts.industry = ids
		ts.mu.Unlock()
		return nil, nil
	})
	s.HandleJSON("GET /cgi-bin/template/get_industry", func(r *Request) (any, error) {
		ts := oaTemplates(r.State())
		ts.mu.Lock()
		ids := ts.industry
		ts.mu.Unlock()
		if ids[0] == 0 {
			return M{"primary_industry": M{"first_class": "", "second_class": ""}, "secondary_industry": M{"first_class": "", "second_class": ""}}, nil
		}
		return M{"primary_industry": oaIndustry(ids[0]), "secondary_industry": oaIndustry(ids[1])}, nil
	})
	s.HandleJSON("POST /cgi-bin/template/api_add_template", func(r *Request) (any, error) {
		var req struct {
			ShortID  string   `json:"template_id_short"`
			Keywords []string `json:"keyword_name_list"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		if !oaShortIDPattern.MatchString(req.ShortID) {
			return nil, ErrCode(CodeInvalidTemplateID)
		}
		ts := oaTemplates(r.State())
		ts.mu.Lock()
		defer ts.mu.Unlock()
		if len(ts.templates) >= oaMaxTemplates {
			return nil, ErrCode(CodeTemplateLimit)
		}
		ts.seq++
		keywords := req.Keywords
		if len(keywords) == 0 {
			for i := 1; i <= oaTemplateFields; i++ {
				keywords = append(keywords, "keyword"+strconv.Itoa(i))
			}
		}
		var content, example strings.Builder
		content.WriteString("{{first.DATA}}\n")
		for _, k := range keywords {
			fmt.Fprintf(&content, "%s：{{%s.DATA}}\n", k, k)
			fmt.Fprintf(&example, "%s：示例\n", k)
		}
		content.WriteString("{{remark.DATA}}")
		id := fmt.Sprintf("%s-%d-%x", req.ShortID, ts.seq, r.Now().UnixNano())
		id = (id + strings.Repeat("t", oaTemplateIDLen))[:oaTemplateIDLen]
		ind := ts.industry
		prim, dep := oaIndustry(ind[0]), oaIndustry(ind[1])
		ts.templates = append(ts.templates, &oaTemplate{
			ID: id, Title: "模板" + req.ShortID,
			Primary: prim["first_class"].(string), Deputy: dep["second_class"].(string),
			Content: content.String(), Example: example.String(),
		})
		return M{"template_id": id}, nil
	})
	s.HandleJSON("GET /cgi-bin/template/get_all_private_template", func(r *Request) (any, error) {
		ts := oaTemplates(r.State())
		ts.mu.Lock()
		defer ts.mu.Unlock()
		list := make([]M, 0, len(ts.templates))
		for _, t := range ts.templates {
			list = append(list, M{"template_id": t.ID, "title": t.Title, "primary_industry": t.Primary,
				"deputy_industry": t.Deputy, "content": t.Content, "example": t.Example})
		}
		return M{"template_list": list}, nil
	})
	s.HandleJSON("POST /cgi-bin/template/del_private_template", func(r *Request) (any, error) {
		var req struct {
			TemplateID string `json:"template_id"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		ts := oaTemplates(r.State())
		ts.mu.Lock()
		defer ts.mu.Unlock()
		i := ts.find(req.TemplateID)
		if i < 0 {
			return nil, ErrCode(CodeInvalidTemplateID)
		}
		ts.templates = append(ts.templates[:i], ts.templates[i+1:]...)
		return nil, nil
	})
	s.HandleJSON("POST /cgi-bin/message/template/send", func(r *Request) (any, error) {
		var req struct {
			oaTemplateTarget
			Data        map[string]struct{ Value, Color string } `json:"data"`
			ClientMsgID string                                   `json:"client_msg_id"`
		}
		if err := r.Decode(&req); err != nil {
			return nil, err
		}
		if err := req.check(); err != nil {
			return nil, err
		}
		if req.MiniProgram != nil && req.MiniProgram.AppID == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: miniprogram appid missing")
		}
		ts := oaTemplates(r.State())
		ts.mu.Lock()
		defer ts.mu.Unlock()
		if ts.find(req.TemplateID) < 0 {
			return nil, ErrCode(CodeInvalidTemplateID)
		}
		if req.ClientMsgID != "" {
			if id, dup := ts.sentMsgIDs[req.ClientMsgID]; dup {
				return nil, Errorf(CodeInvalidArgs, "invalid args: client_msg_id already used by msgid %d", id)
			}
		}
		ts.nextMsgID++
		if req.ClientMsgID != "" {
			ts.sentMsgIDs[req.ClientMsgID] = ts.nextMsgID
		}
		return OK(M{"msgid": ts.nextMsgID}), nil
	})
}

// oaTemplateTarget is the recipient and link of a template message or a
// one-time subscription message.
type oaTemplateTarget struct {
	ToUser      string `json:"touser"`
	TemplateID  string `json:"template_id"`
	URL         string `json:"url"`
	MiniProgram *struct {
		AppID    string `json:"appid"`
		PagePath string `json:"pagepath"`
	} `json:"miniprogram"`
}

// check answers 40003 for a malformed touser and 40062 for a url that is
// not http(s).
func (t *oaTemplateTarget) check() *Error {
	if !ValidOpenID(t.ToUser) {
		return ErrCode(40003)
	}
	if t.URL != "" && !strings.HasPrefix(t.URL, "http://") && !strings.HasPrefix(t.URL, "https://") {
		return ErrCode(CodeInvalidTemplateURL)
	}
	return nil
}
