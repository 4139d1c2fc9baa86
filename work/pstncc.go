package work

import "context"

var (
	pstnccCall   = epPost("/cgi-bin/pstncc/call")
	pstnccStates = epPost("/cgi-bin/pstncc/getstates")
)

// PstnccCall is one callee of an emergency call and its call id.
type PstnccCall struct {
	CalleeUserID string `json:"callee_userid"`
	CallID       string `json:"callid"`
	Code         int    `json:"code"`
	Msg          string `json:"msg"`
}

// Call phones members (at most 30) with the agent's emergency message.
// https://developer.work.weixin.qq.com/document/path/91627
func (s *PstnccService) Call(ctx context.Context, userIDs ...string) ([]PstnccCall, error) {
	if len(userIDs) == 0 || len(userIDs) > 30 {
		return nil, paramErr("callee_userid", "1 to 30 userids")
	}
	body := struct {
		Callee []string `json:"callee_userid"`
	}{userIDs}
	out, err := callB[struct {
		States []PstnccCall `json:"states"`
	}](ctx, s.c, pstnccCall, nil, body)
	if err != nil {
		return nil, err
	}
	return out.States, nil
}

// PstnccState is the state of a call: IsTalked 1 answered, CallTime the
// start, TalkTime the seconds talked, Reason why it failed.
type PstnccState struct {
	IsTalked int   `json:"istalked"`
	CallTime int64 `json:"calltime"`
	TalkTime int64 `json:"talktime"`
	Reason   int   `json:"reason"`
}

// State returns the state of a call.
// https://developer.work.weixin.qq.com/document/path/91628
func (s *PstnccService) State(ctx context.Context, userID, callID string) (*PstnccState, error) {
	if err := needB("callee_userid", userID, "callid", callID); err != nil {
		return nil, err
	}
	body := struct {
		Callee string `json:"callee_userid"`
		CallID string `json:"callid"`
	}{userID, callID}
	return callB[PstnccState](ctx, s.c, pstnccStates, nil, body)
}
