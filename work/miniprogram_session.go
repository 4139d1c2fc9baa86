package work

import "context"

var miniProgramTransferSession = epPost("/cgi-bin/miniprogram/transfer_session")

// TransferSession converts the session of a member of an upstream (上级/上游)
// corp's mini program, as Code2Session gave it (userID is the encrypted
// userid), into this downstream corp's session. Call it on the downstream
// corp's agent, which must be the upstream agent shared to it; the answer
// has the downstream UserID and SessionKey (CorpID is empty).
// https://developer.work.weixin.qq.com/document/path/96874
func (s *MiniProgramService) TransferSession(ctx context.Context, userID, sessionKey string) (*MiniProgramSession, error) {
	if err := needB("userid", userID, "session_key", sessionKey); err != nil {
		return nil, err
	}
	return callB[MiniProgramSession](ctx, s.c, miniProgramTransferSession, nil, struct {
		UserID     string `json:"userid"`
		SessionKey string `json:"session_key"`
	}{userID, sessionKey})
}
