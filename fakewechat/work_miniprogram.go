package fakewechat

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"sync"
	"time"
)

func init() { builtin = append(builtin, registerWeComMiniProgram) }

type wecomMPCodes struct {
	mu    sync.Mutex
	seq   int
	codes map[string]wecomMPCode
}

type wecomMPCode struct {
	agentID int64
	userID  string
	expires time.Time
}

func (s *Server) wecomMPCodes(corp string) *wecomMPCodes {
	return Value(s.State(corp), "wecom.mpcodes", func() *wecomMPCodes { return &wecomMPCodes{codes: map[string]wecomMPCode{}} })
}

// WeComMiniProgramCode returns the code wx.qy.login gives member userID in
// the mini program linked to agent agentID of corp (5 minutes, usable once).
func (s *Server) WeComMiniProgramCode(corp string, agentID int64, userID string) string {
	c := s.wecomMPCodes(corp)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	code := fmt.Sprintf("JSCODE%06dFAKE", c.seq)
	c.codes[code] = wecomMPCode{agentID: agentID, userID: userID, expires: s.Now().Add(5 * time.Minute)}
	return code
}

func registerWeComMiniProgram(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/91507
	// The code must have been issued for the calling agent.
	s.HandleJSON(WeComPath("GET /cgi-bin/miniprogram/jscode2session"), func(r *Request) (any, error) {
		if r.Query.Get("grant_type") != "authorization_code" {
			return nil, ErrCode(CodeInvalidGrantType)
		}
		corp, agentID := wecomCaller(r)
		c := r.Server.wecomMPCodes(corp)
		c.mu.Lock()
		defer c.mu.Unlock()
		code := r.Query.Get("js_code")
		mc, ok := c.codes[code]
		if !ok || mc.agentID != agentID || r.Now().After(mc.expires) {
			return nil, ErrCode(CodeWeComInvalidCode)
		}
		delete(c.codes, code)
		key := make([]byte, 16)
		rand.Read(key) //nolint:errcheck // never fails
		return OK(M{"corpid": corp, "userid": mc.userID, "session_key": base64.StdEncoding.EncodeToString(key)}), nil
	})
}
