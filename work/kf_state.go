package work

import "context"

var (
	kfServiceStateGet   = epPost("/cgi-bin/kf/service_state/get")
	kfServiceStateTrans = epPost("/cgi-bin/kf/service_state/trans")
)

// States of a customer-service session (service_state).
const (
	KFStateUntreated = 0 // new session, not handled yet
	KFStateAI        = 1 // handled by the smart assistant (API replies)
	KFStateQueued    = 2 // waiting in the pool for a servicer
	KFStateServicer  = 3 // handled by a servicer (ServicerUserID)
	KFStateEnded     = 4 // ended or not started; cannot be changed by API
)

// KFServiceState is the state of a customer's session with an account;
// ServicerUserID is set when State is KFStateServicer.
type KFServiceState struct {
	State          int    `json:"service_state"`
	ServicerUserID string `json:"servicer_userid,omitempty"`
}

// State returns the state of the session of customer externalUserID with
// account openKfID.
// https://developer.work.weixin.qq.com/document/path/94669#获取会话状态
func (s *KFSessionService) State(ctx context.Context, openKfID, externalUserID string) (*KFServiceState, error) {
	if err := needB("open_kfid", openKfID, "external_userid", externalUserID); err != nil {
		return nil, err
	}
	return callB[KFServiceState](ctx, s.c, kfServiceStateGet, nil, map[string]string{"open_kfid": openKfID, "external_userid": externalUserID})
}

// Trans moves the session to state (KFStateAI, KFStateQueued,
// KFStateServicer with servicerUserID, a receiving servicer, or
// KFStateEnded). It returns the msg_code WeCom gives when a session first
// enters state 2 or 3 (a greeting) or 4 (a closing message), for
// KFMessage.SendOnEvent; "" otherwise.
// https://developer.work.weixin.qq.com/document/path/94669#变更会话状态
func (s *KFSessionService) Trans(ctx context.Context, openKfID, externalUserID string, state int, servicerUserID string) (string, error) {
	if err := needB("open_kfid", openKfID, "external_userid", externalUserID); err != nil {
		return "", err
	}
	if state < KFStateAI || state > KFStateEnded {
		return "", paramErr("service_state", "want 1 to 4")
	}
	if state == KFStateServicer && servicerUserID == "" {
		return "", paramErr("servicer_userid", "required for state 3")
	}
	out, err := callB[struct {
		MsgCode string `json:"msg_code"`
	}](ctx, s.c, kfServiceStateTrans, nil, struct {
		OpenKfID       string `json:"open_kfid"`
		ExternalUserID string `json:"external_userid"`
		State          int    `json:"service_state"`
		ServicerUserID string `json:"servicer_userid,omitempty"`
	}{openKfID, externalUserID, state, servicerUserID})
	if err != nil {
		return "", err
	}
	return out.MsgCode, nil
}
