package work

import (
	"context"
	"net/url"
)

var miniProgramCode2Session = epGet("/cgi-bin/miniprogram/jscode2session")

// MiniProgramSession is the member who signed in to a mini program linked
// to the agent. SessionKey signs and encrypts the user's data: keep it on
// the server, never send it to the mini program or log it.
type MiniProgramSession struct {
	CorpID     string `json:"corpid"`
	UserID     string `json:"userid"`
	SessionKey string `json:"session_key"`
}

// Code2Session exchanges the code of wx.qy.login for the member's session.
// The agent must be the one the mini program is linked to: WeCom checks its
// access token (not the mini program's appid and secret).
// https://developer.work.weixin.qq.com/document/path/91507
func (s *MiniProgramService) Code2Session(ctx context.Context, code string) (*MiniProgramSession, error) {
	if err := needB("js_code", code); err != nil {
		return nil, err
	}
	q := url.Values{"js_code": {code}, "grant_type": {"authorization_code"}}
	return callB[MiniProgramSession](ctx, s.c, miniProgramCode2Session, q, nil)
}
