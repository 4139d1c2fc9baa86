package oa

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	kfInviteWorker   = wechat.Endpoint{Method: http.MethodPost, Path: "/customservice/kfaccount/inviteworker"}
	kfSessionCreate  = wechat.Endpoint{Method: http.MethodPost, Path: "/customservice/kfsession/create"}
	kfSessionClose   = wechat.Endpoint{Method: http.MethodPost, Path: "/customservice/kfsession/close"}
	kfSessionGet     = wechat.Endpoint{Method: http.MethodGet, Path: "/customservice/kfsession/getsession"}
	kfSessionList    = wechat.Endpoint{Method: http.MethodGet, Path: "/customservice/kfsession/getsessionlist"}
	kfSessionWait    = wechat.Endpoint{Method: http.MethodGet, Path: "/customservice/kfsession/getwaitcase"}
	kfMsgRecordList  = wechat.Endpoint{Method: http.MethodPost, Path: "/customservice/msgrecord/getmsglist"}
	maxMsgRecordPage = 10000
)

// InviteWorker invites the WeChat user inviteWX to bind to a customer-service
// account; the invitation expires after 7 days.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func (s *CustomServiceService) InviteWorker(ctx context.Context, account, inviteWX string) error {
	if err := checkKFAccount(account); err != nil {
		return err
	}
	if inviteWX == "" {
		return invalidArg("invite_wx", "empty")
	}
	return s.c.Do(ctx, kfInviteWorker, nil, struct {
		Account  string `json:"kf_account"`
		InviteWX string `json:"invite_wx"`
	}{account, inviteWX}, nil)
}

type kfSessionBody struct {
	Account string `json:"kf_account"`
	OpenID  string `json:"openid"`
}

func (s *CustomServiceService) session(ctx context.Context, ep wechat.Endpoint, account, openID string) error {
	if err := checkKFAccount(account); err != nil {
		return err
	}
	if err := requireOpenID(openID); err != nil {
		return err
	}
	return s.c.Do(ctx, ep, nil, kfSessionBody{account, openID}, nil)
}

// CreateSession starts a session between the online agent of account and the
// follower openID.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
func (s *CustomServiceService) CreateSession(ctx context.Context, account, openID string) error {
	return s.session(ctx, kfSessionCreate, account, openID)
}

// CloseSession ends the session of account with openID.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
func (s *CustomServiceService) CloseSession(ctx context.Context, account, openID string) error {
	return s.session(ctx, kfSessionClose, account, openID)
}

// KFSession is the session of a follower: the account serving it and when
// it started (Unix seconds).
type KFSession struct {
	Account    string `json:"kf_account"`
	CreateTime int64  `json:"createtime"`
}

// Session returns the session of openID.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
func (s *CustomServiceService) Session(ctx context.Context, openID string) (*KFSession, error) {
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	return call[KFSession](ctx, s.c, kfSessionGet, url.Values{"openid": {openID}}, nil)
}

// KFAccountSession is a session of an agent.
type KFAccountSession struct {
	OpenID     string `json:"openid"`
	CreateTime int64  `json:"createtime"`
}

// Sessions returns the sessions of account.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
func (s *CustomServiceService) Sessions(ctx context.Context, account string) ([]KFAccountSession, error) {
	if err := checkKFAccount(account); err != nil {
		return nil, err
	}
	out, err := call[struct {
		List []KFAccountSession `json:"sessionlist"`
	}](ctx, s.c, kfSessionList, url.Values{"kf_account": {account}}, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// WaitCase is a follower waiting for an agent since LatestTime (Unix seconds).
type WaitCase struct {
	OpenID     string `json:"openid"`
	LatestTime int64  `json:"latest_time"`
}

// WaitCases is the answer of getwaitcase: Count followers wait, List shows
// the first 100.
type WaitCases struct {
	Count int        `json:"count"`
	List  []WaitCase `json:"waitcaselist"`
}

// WaitCases returns the followers waiting for an agent.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html
func (s *CustomServiceService) WaitCases(ctx context.Context) (*WaitCases, error) {
	return call[WaitCases](ctx, s.c, kfSessionWait, nil, nil)
}

// Operation codes of chat records (opercode).
const (
	KFOpCreateWaiting = 1000 // session created, not yet accepted
	KFOpAccept        = 1001
	KFOpInitiate      = 1002 // started by the agent
	KFOpTransfer      = 1003
	KFOpClose         = 1004
	KFOpGrab          = 1005
	KFOpUserMessage   = 2001 // the account received a message
	KFOpAgentSend     = 2002
	KFOpAgentReceive  = 2003
)

// MsgRecord is one chat record.
type MsgRecord struct {
	OpenID   string `json:"openid"`
	OperCode int    `json:"opercode"`
	Text     string `json:"text"`
	Time     int64  `json:"time"`
	Worker   string `json:"worker"`
}

// MsgRecordPage is one page of chat records; MsgID is the cursor of the next
// page.
type MsgRecordPage struct {
	List   []MsgRecord `json:"recordlist"`
	Number int         `json:"number"`
	MsgID  int64       `json:"msgid"`
}

// MsgRecords returns up to number (1..10000) chat records between start and
// end (within one day), from the cursor msgID (1 for the first page).
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Obtain_chat_transcript.html
func (s *CustomServiceService) MsgRecords(ctx context.Context, start, end time.Time, msgID int64, number int) (*MsgRecordPage, error) {
	switch {
	case !end.After(start):
		return nil, invalidArg("endtime", "not after starttime")
	case end.Sub(start) > 24*time.Hour:
		return nil, invalidArg("endtime", "more than 24 hours after starttime")
	case number < 1 || number > maxMsgRecordPage:
		return nil, invalidArg("number", "must be 1 to 10000")
	}
	return call[MsgRecordPage](ctx, s.c, kfMsgRecordList, nil, struct {
		StartTime int64 `json:"starttime"`
		EndTime   int64 `json:"endtime"`
		MsgID     int64 `json:"msgid"`
		Number    int   `json:"number"`
	}{start.Unix(), end.Unix(), msgID, number})
}

// AllMsgRecords iterates over every chat record between start and end
// (within one day), 10000 a request.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Obtain_chat_transcript.html
func (s *CustomServiceService) AllMsgRecords(ctx context.Context, start, end time.Time) iter.Seq2[MsgRecord, error] {
	return func(yield func(MsgRecord, error) bool) {
		msgID := int64(1)
		for {
			p, err := s.MsgRecords(ctx, start, end, msgID, maxMsgRecordPage)
			if err != nil {
				yield(MsgRecord{}, err)
				return
			}
			for _, r := range p.List {
				if !yield(r, nil) {
					return
				}
			}
			if len(p.List) < maxMsgRecordPage || p.MsgID <= msgID {
				return
			}
			msgID = p.MsgID
		}
	}
}
