package fakewechat

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WeCom agent, group-chat and menu errcodes the fake answers.
const (
	CodeWeComInvalidCode     = 40029 // invalid, expired or used code
	CodeWeComButtonSize      = 40016 // invalid button count
	CodeWeComSubButtonSize   = 40023 // invalid sub-button count
	CodeWeComMenuNotExist    = 46003 // menu does not exist
	CodeWeComInvalidChatID   = 86001 // invalid chatid
	CodeWeComChatNotFound    = 86003 // chatid does not exist
	CodeWeComInvalidChatName = 86004 // invalid chat name
	CodeWeComInvalidOwner    = 86005 // invalid owner
	CodeWeComChatMemberCount = 86006 // too many or too few members
	CodeWeComInvalidMember   = 86007 // invalid member
	CodeWeComNotChatCreator  = 86008 // the chat was created by another agent
	CodeWeComChatIDExists    = 86215 // chatid already exists
)

func init() {
	for code, msg := range map[int]string{
		CodeWeComButtonSize: "invalid button size", CodeWeComSubButtonSize: "invalid sub button size",
		CodeWeComMenuNotExist: "menu no exist", CodeWeComInvalidChatID: "invalid chatid",
		CodeWeComChatNotFound: "chatid not found", CodeWeComInvalidChatName: "invalid chat name",
		CodeWeComInvalidOwner: "invalid chat owner", CodeWeComChatMemberCount: "invalid chat member count",
		CodeWeComInvalidMember: "invalid chat member", CodeWeComNotChatCreator: "not allow to operate chat created by other app",
		CodeWeComChatIDExists: "chatid existed",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerWeComApp)
}

// wecomAgentState is what the fake keeps for one agent.
type wecomAgentState struct {
	settings  M // agent/get fields
	menu      json.RawMessage
	workbench M            // the template
	userData  map[string]M // set_workbench_data by userid
}

type wecomChat struct {
	id, name, owner string
	users           []string
	agent           int64
	messages        []M
}

type wecomApps struct {
	mu     sync.Mutex
	agents map[int64]*wecomAgentState
	chats  map[string]*wecomChat
	codes  map[string]wecomCode
	seq    int
}

type wecomCode struct {
	userID  string
	expires time.Time
}

func (s *Server) wecomApps(corp string) *wecomApps {
	return Value(s.State(corp), "wecom.apps", func() *wecomApps {
		return &wecomApps{agents: map[int64]*wecomAgentState{}, chats: map[string]*wecomChat{}, codes: map[string]wecomCode{}}
	})
}

func (a *wecomApps) agent(id int64) *wecomAgentState {
	st := a.agents[id]
	if st == nil {
		st = &wecomAgentState{
			settings: M{"agentid": id, "name": fmt.Sprintf("agent %d", id), "square_logo_url": "https://p.qlogo.cn/fake/" + strconv.FormatInt(id, 10),
				"description": "", "allow_userinfos": M{"user": []M{{"userid": WeComSeedUser1}, {"userid": WeComSeedUser2}}},
				"allow_partys": M{"partyid": []int64{1}}, "allow_tags": M{"tagid": []int64{}}, "close": 0, "redirect_domain": "",
				"report_location_flag": 0, "isreportenter": 0, "home_url": "", "customized_publish_status": 0},
			workbench: M{"type": "normal"},
			userData:  map[string]M{},
		}
		a.agents[id] = st
	}
	return st
}

// withApps runs fn with the caller's corp app state locked.
func withApps(r *Request, fn func(a *wecomApps, agentID int64) (any, error)) (any, error) {
	corp, agentID := wecomCaller(r)
	a := r.Server.wecomApps(corp)
	a.mu.Lock()
	defer a.mu.Unlock()
	return fn(a, agentID)
}

// WeComOAuthCode returns a web-login code (valid 5 minutes, usable once)
// for member userID of corp, as WeCom gives the agent's redirect page.
func (s *Server) WeComOAuthCode(corp, userID string) string {
	a := s.wecomApps(corp)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.seq++
	code := fmt.Sprintf("CODE%06dFAKE", a.seq)
	a.codes[code] = wecomCode{userID: userID, expires: s.Now().Add(5 * time.Minute)}
	return code
}

// WeComChatMessages returns the messages sent to a group chat of corp.
func (s *Server) WeComChatMessages(corp, chatID string) []map[string]any {
	a := s.wecomApps(corp)
	a.mu.Lock()
	defer a.mu.Unlock()
	if c := a.chats[chatID]; c != nil {
		return slices.Clone(c.messages)
	}
	return nil
}

// WeComWorkbenchData returns the workbench data an agent set for a member.
func (s *Server) WeComWorkbenchData(corp string, agentID int64, userID string) map[string]any {
	a := s.wecomApps(corp)
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.agent(agentID).userData[userID]
}

// allMembers reports whether every userid is a member of the caller's corp.
func allMembers(r *Request, userIDs []string) bool {
	d := r.wecomDir()
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, u := range userIDs {
		if !d.hasUser(u) {
			return false
		}
	}
	return true
}

// queryAgent checks the agentid query parameter is the caller's agent.
func queryAgent(r *Request, agentID int64) error {
	if id, err := strconv.ParseInt(r.Query.Get("agentid"), 10, 64); err != nil || id != agentID || agentID == 0 {
		return ErrCode(CodeWeComInvalidAgentID)
	}
	return nil
}

func bodyAgent(body map[string]any, agentID int64) error {
	if id, ok := body["agentid"].(float64); !ok || int64(id) != agentID || agentID == 0 {
		return ErrCode(CodeWeComInvalidAgentID)
	}
	return nil
}

func registerWeComApp(s *Server) {
	registerWeComAgent(s)
	registerWeComAppChat(s)
	registerWeComMenu(s)
	registerWeComWorkbench(s)
}

func registerWeComAgent(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90227
	s.HandleJSON(WeComPath("GET /cgi-bin/agent/get"), func(r *Request) (any, error) {
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if err := queryAgent(r, agentID); err != nil {
				return nil, err
			}
			return OK(a.agent(agentID).settings), nil
		})
	})
	s.HandleJSON(WeComPath("GET /cgi-bin/agent/list"), func(r *Request) (any, error) {
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if agentID == 0 {
				return OK(M{"agentlist": []M{}}), nil
			}
			st := a.agent(agentID).settings
			return OK(M{"agentlist": []M{{"agentid": agentID, "name": st["name"], "square_logo_url": st["square_logo_url"]}}}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/90228
	s.HandleJSON(WeComPath("POST /cgi-bin/agent/set"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if err := bodyAgent(body, agentID); err != nil {
				return nil, err
			}
			if f, ok := body["report_location_flag"].(float64); ok && (f < 0 || f > 2) {
				return nil, ErrCode(CodeWeComInvalidParameter)
			}
			if f, ok := body["isreportenter"].(float64); ok && f != 0 && f != 1 {
				return nil, ErrCode(CodeWeComInvalidParameter)
			}
			if id, _ := body["logo_mediaid"].(string); id != "" && !wecomMediaExists(r, id) {
				return nil, ErrCode(CodeInvalidMediaID)
			}
			st := a.agent(agentID).settings
			for _, k := range []string{"report_location_flag", "name", "description", "redirect_domain", "isreportenter", "home_url"} {
				if v, ok := body[k]; ok {
					st[k] = v
				}
			}
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/91023
	s.HandleJSON(WeComPath("GET /cgi-bin/user/getuserinfo"), func(r *Request) (any, error) {
		return withApps(r, func(a *wecomApps, _ int64) (any, error) {
			code := r.Query.Get("code")
			c, ok := a.codes[code]
			delete(a.codes, code)
			if !ok || r.Now().After(c.expires) {
				return nil, ErrCode(CodeWeComInvalidCode)
			}
			return OK(M{"userid": c.userID, "user_ticket": "TICKET_" + code, "expires_in": 1800}), nil
		})
	})
}

var wecomChatMsgTypes = []string{"text", "image", "voice", "video", "file", "textcard", "news", "mpnews", "markdown"}

func registerWeComAppChat(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90245
	s.HandleJSON(WeComPath("POST /cgi-bin/appchat/create"), func(r *Request) (any, error) {
		var in struct {
			Name     string   `json:"name"`
			Owner    string   `json:"owner"`
			UserList []string `json:"userlist"`
			ChatID   string   `json:"chatid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if !allMembers(r, in.UserList) {
			return nil, ErrCode(CodeWeComInvalidMember)
		}
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			switch {
			case len(in.UserList) < 2 || len(in.UserList) > 2000:
				return nil, ErrCode(CodeWeComChatMemberCount)
			case in.Owner != "" && !slices.Contains(in.UserList, in.Owner):
				return nil, ErrCode(CodeWeComInvalidOwner)
			case len([]rune(in.Name)) > 50:
				return nil, ErrCode(CodeWeComInvalidChatName)
			case len(in.ChatID) > 32 || strings.Trim(in.ChatID, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "":
				return nil, ErrCode(CodeWeComInvalidChatID)
			case a.chats[in.ChatID] != nil:
				return nil, ErrCode(CodeWeComChatIDExists)
			}
			if in.ChatID == "" {
				a.seq++
				in.ChatID = fmt.Sprintf("wrFAKE%06d", a.seq)
			}
			if in.Owner == "" {
				in.Owner = in.UserList[0]
			}
			a.chats[in.ChatID] = &wecomChat{id: in.ChatID, name: in.Name, owner: in.Owner, users: slices.Compact(slices.Clone(in.UserList)), agent: agentID}
			return OK(M{"chatid": in.ChatID}), nil
		})
	})
	chatOf := func(a *wecomApps, id string, agentID int64) (*wecomChat, error) {
		c := a.chats[id]
		if c == nil {
			return nil, ErrCode(CodeWeComChatNotFound)
		}
		if c.agent != agentID {
			return nil, ErrCode(CodeWeComNotChatCreator)
		}
		return c, nil
	}
	// https://developer.work.weixin.qq.com/document/path/90246
	s.HandleJSON(WeComPath("POST /cgi-bin/appchat/update"), func(r *Request) (any, error) {
		var in struct {
			ChatID      string   `json:"chatid"`
			Name        string   `json:"name"`
			Owner       string   `json:"owner"`
			AddUserList []string `json:"add_user_list"`
			DelUserList []string `json:"del_user_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if !allMembers(r, in.AddUserList) {
			return nil, ErrCode(CodeWeComInvalidMember)
		}
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			c, err := chatOf(a, in.ChatID, agentID)
			if err != nil {
				return nil, err
			}
			users := slices.Clone(c.users)
			for _, u := range in.AddUserList {
				if !slices.Contains(users, u) {
					users = append(users, u)
				}
			}
			users = slices.DeleteFunc(users, func(u string) bool { return slices.Contains(in.DelUserList, u) })
			owner := c.owner
			if in.Owner != "" {
				owner = in.Owner
			}
			if len(users) < 2 || len(users) > 2000 {
				return nil, ErrCode(CodeWeComChatMemberCount)
			}
			if !slices.Contains(users, owner) {
				return nil, ErrCode(CodeWeComInvalidOwner)
			}
			c.users, c.owner = users, owner
			if in.Name != "" {
				c.name = in.Name
			}
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/90247
	s.HandleJSON(WeComPath("GET /cgi-bin/appchat/get"), func(r *Request) (any, error) {
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			c, err := chatOf(a, r.Query.Get("chatid"), agentID)
			if err != nil {
				return nil, err
			}
			return OK(M{"chat_info": M{"chatid": c.id, "name": c.name, "owner": c.owner, "userlist": c.users, "chat_type": 0}}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/90248
	s.HandleJSON(WeComPath("POST /cgi-bin/appchat/send"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		typ, _ := body["msgtype"].(string)
		if !slices.Contains(wecomChatMsgTypes, typ) {
			return nil, ErrCode(CodeWeComInvalidMsgType)
		}
		content, _ := body[typ].(map[string]any)
		if content == nil || !wecomMsgTypes[typ](content) {
			return nil, ErrCode(CodeWeComEmptyContent)
		}
		if id, _ := content["media_id"].(string); id != "" && !wecomMediaExists(r, id) {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			id, _ := body["chatid"].(string)
			c, err := chatOf(a, id, agentID)
			if err != nil {
				return nil, err
			}
			c.messages = append(c.messages, body)
			return nil, nil
		})
	})
}

func registerWeComMenu(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90231
	s.HandleJSON(WeComPath("POST /cgi-bin/menu/create"), func(r *Request) (any, error) {
		var in struct {
			Button []struct {
				Type      string `json:"type"`
				Name      string `json:"name"`
				SubButton []any  `json:"sub_button"`
			} `json:"button"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if err := queryAgent(r, agentID); err != nil {
				return nil, err
			}
			if len(in.Button) < 1 || len(in.Button) > 3 {
				return nil, ErrCode(CodeWeComButtonSize)
			}
			for _, b := range in.Button {
				if len(b.SubButton) > 5 {
					return nil, ErrCode(CodeWeComSubButtonSize)
				}
			}
			a.agent(agentID).menu = append(json.RawMessage(nil), r.Body...)
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/90232
	s.HandleJSON(WeComPath("GET /cgi-bin/menu/get"), func(r *Request) (any, error) {
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if err := queryAgent(r, agentID); err != nil {
				return nil, err
			}
			menu := a.agent(agentID).menu
			if menu == nil {
				return nil, ErrCode(CodeWeComMenuNotExist)
			}
			var m M
			if err := json.Unmarshal(menu, &m); err != nil {
				return nil, err
			}
			return OK(M{"button": m["button"]}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/90233
	s.HandleJSON(WeComPath("GET /cgi-bin/menu/delete"), func(r *Request) (any, error) {
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if err := queryAgent(r, agentID); err != nil {
				return nil, err
			}
			a.agent(agentID).menu = nil
			return nil, nil
		})
	})
}

// checkWorkbench validates the type of a workbench body and its content.
func checkWorkbench(body map[string]any, allowNormal bool) (M, error) {
	typ, _ := body["type"].(string)
	out := M{"type": typ}
	switch typ {
	case "normal":
		if !allowNormal {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		return out, nil
	case "keydata", "list", "image", "webview":
		c, ok := body[typ].(map[string]any)
		if !ok {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		if items, ok := c["items"].([]any); (typ == "keydata" || typ == "list") && (!ok || len(items) == 0 || typ == "keydata" && len(items) > 4 || typ == "list" && len(items) > 3) {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		out[typ] = c
		return out, nil
	}
	return nil, ErrCode(CodeWeComInvalidParameter)
}

func registerWeComWorkbench(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/92535
	s.HandleJSON(WeComPath("POST /cgi-bin/agent/set_workbench_template"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if err := bodyAgent(body, agentID); err != nil {
				return nil, err
			}
			w, err := checkWorkbench(body, true)
			if err != nil {
				return nil, err
			}
			st := a.agent(agentID)
			st.workbench = w
			if rep, _ := body["replace_user_data"].(bool); rep {
				st.workbench["replace_user_data"] = true
				st.userData = map[string]M{}
			}
			return nil, nil
		})
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/agent/get_workbench_template"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if err := bodyAgent(body, agentID); err != nil {
				return nil, err
			}
			out := OK(a.agent(agentID).workbench)
			out["agentid"] = agentID
			return out, nil
		})
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/agent/set_workbench_data"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		uid, _ := body["userid"].(string)
		if !allMembers(r, []string{uid}) {
			return nil, ErrCode(CodeWeComUserNotFound)
		}
		return withApps(r, func(a *wecomApps, agentID int64) (any, error) {
			if err := bodyAgent(body, agentID); err != nil {
				return nil, err
			}
			w, err := checkWorkbench(body, false)
			if err != nil {
				return nil, err
			}
			a.agent(agentID).userData[uid] = w
			return nil, nil
		})
	})
}
