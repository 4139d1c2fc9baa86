package fakewechat

import (
	"strconv"
	"sync"
)

// WeComPrefix is where the fake serves the WeCom (qyapi.weixin.qq.com) API:
// point a work client at URL()+WeComPrefix. WeCom paths such as
// /cgi-bin/user/get mean something else on the official-account host, so
// they live under their own prefix. Files faking WeCom groups register
// their handlers with WeComPath.
const WeComPrefix = "/qyapi"

// WeComPath is the fake's route for a WeCom API path.
func WeComPath(methodAndPath string) string {
	for i := 0; i < len(methodAndPath); i++ {
		if methodAndPath[i] == '/' {
			return methodAndPath[:i] + WeComPrefix + methodAndPath[i:]
		}
	}
	return methodAndPath
}

// The corp and agent every new Server knows (fakes, usable only here).
const (
	DefaultCorpID      = "wwf00dfacecafe0001"
	DefaultAgentID     = 1000002
	DefaultAgentSecret = "agent-secret-f4cef4cef4cef4cef4cef4cef4c"
)

// WeCom errcodes of gettoken.
const (
	CodeWeComInvalidCorpID = 40013 // invalid corpid
	CodeWeComInvalidSecret = 40001 // invalid corpsecret (WeCom reuses 40001)
)

// wecomAgents maps corpid + secret to the fake app of the agent, whose id is
// "corpid/agentid" (so handlers see r.AppID == WeComAppID(corp, agent)).
type wecomAgents struct {
	mu     sync.Mutex
	corps  map[string]bool
	bySecr map[[2]string]string
}

func (s *Server) wecom() *wecomAgents {
	w := &s.wecomReg
	w.mu.Lock()
	if w.corps == nil {
		w.corps, w.bySecr = map[string]bool{}, map[[2]string]string{}
	}
	w.mu.Unlock()
	return w
}

// WeComAppID is the app id the fake gives agent agentID of corpID: the
// value of Request.AppID in WeCom handlers.
func WeComAppID(corpID string, agentID int64) string {
	return corpID + "/" + strconv.FormatInt(agentID, 10)
}

// AddWeComAgent registers an agent (or a tool, with agentID 0 and its own
// secret) of a corp.
func (s *Server) AddWeComAgent(corpID string, agentID int64, secret string) {
	id := WeComAppID(corpID, agentID)
	if agentID == 0 {
		id = corpID + "/tool:" + secret[:min(8, len(secret))]
	}
	s.AddApp(id, secret)
	w := s.wecom()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.corps[corpID] = true
	w.bySecr[[2]string{corpID, secret}] = id
}

func init() { builtin = append(builtin, registerWeComTokens) }

func registerWeComTokens(s *Server) {
	s.AddWeComAgent(DefaultCorpID, DefaultAgentID, DefaultAgentSecret)

	// https://developer.work.weixin.qq.com/document/path/91039
	// WeCom returns the same token until it expires.
	s.HandleJSON(WeComPath("GET /cgi-bin/gettoken"), func(r *Request) (any, error) {
		corp, secret := r.Query.Get("corpid"), r.Query.Get("corpsecret")
		w := s.wecom()
		w.mu.Lock()
		known := w.corps[corp]
		id := w.bySecr[[2]string{corp, secret}]
		w.mu.Unlock()
		switch {
		case corp == "" || !known:
			return nil, Errorf(CodeWeComInvalidCorpID, "invalid corpid")
		case id == "":
			return nil, Errorf(CodeWeComInvalidSecret, "invalid credential")
		}
		tok, exp, err := s.stableToken(id, secret, false)
		if err != nil {
			return nil, err
		}
		return OK(M{"access_token": tok, "expires_in": exp}), nil
	}, Public())

	// https://developer.work.weixin.qq.com/document/path/90506
	s.HandleJSON(WeComPath("GET /cgi-bin/get_jsapi_ticket"), func(r *Request) (any, error) {
		t, exp := s.ticket(r.AppID, "wecom_corp_jsapi")
		return ticketAnswer{Errcode: 0, Errmsg: "ok", Ticket: t, ExpiresIn: exp}, nil
	})
	s.HandleJSON(WeComPath("GET /cgi-bin/ticket/get"), func(r *Request) (any, error) {
		if r.Query.Get("type") != "agent_config" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		t, exp := s.ticket(r.AppID, "wecom_agent_config")
		return ticketAnswer{Errcode: 0, Errmsg: "ok", Ticket: t, ExpiresIn: exp}, nil
	})
}
