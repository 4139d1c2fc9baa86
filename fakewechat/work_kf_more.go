package fakewechat

import (
	"fmt"
	"slices"
	"time"
)

// More WeChat customer-service errcodes the fake answers.
const (
	CodeWeComKFServicerNotReceiving = 95014 // the servicer is not a receiving servicer of the account
	CodeWeComKFUpgradeNotConfigured = 95021 // userid or chat_id not configured for the upgrade service
)

// The customer group chats and members the fake's upgrade service is
// configured with (the docs' example).
const (
	WeComKFUpgradeChat1 = "wraaaaaaaaaaaaaaaa"
	WeComKFUpgradeChat2 = "wrbbbbbbbbbbbbbbb"
)

var wecomKFUpgradeDepts = []int64{2, 3}

func init() {
	stdMessages[CodeWeComKFServicerNotReceiving] = "servicer not in receiving status"
	stdMessages[CodeWeComKFUpgradeNotConfigured] = "upgrade service not configured"
	builtin = append(builtin, registerWeComKFMore)
}

// wecomKFSession is the session of a customer with an account once the
// API changed it.
type wecomKFSession struct {
	state    int
	servicer string
	at       time.Time
	greeted  bool // entered state 2 or 3 once (a greeting msg_code was given)
}

// wecomKFMore is the rest of a corp's customer service, kept under the
// lock of its wecomKF: servicers per account, sessions and upgrade
// recommendations per account and customer.
type wecomKFMore struct {
	users    map[string][]string // open_kfid -> servicer userids, in order added
	depts    map[string][]int64  // open_kfid -> servicer departments
	sessions map[[2]string]*wecomKFSession
	upgrades map[[2]string]M
}

func (s *Server) wecomKFMore(corp string) *wecomKFMore {
	return Value(s.State(corp), "wecom.kf.more", func() *wecomKFMore {
		return &wecomKFMore{users: map[string][]string{}, depts: map[string][]int64{}, sessions: map[[2]string]*wecomKFSession{}, upgrades: map[[2]string]M{}}
	})
}

// withKFMore runs fn with the caller's customer service locked.
func withKFMore(r *Request, fn func(k *wecomKF, m *wecomKFMore) (any, error)) (any, error) {
	corp, _ := wecomCaller(r)
	m := r.Server.wecomKFMore(corp)
	return withKF(r, func(k *wecomKF) (any, error) { return fn(k, m) })
}

// wecomDirView is what the customer-service fakes read of the address
// book, copied under its lock (which is never held with the kf lock).
type wecomDirView struct {
	users map[string][]int64 // userid -> departments
	depts map[int64]bool
}

func dirView(r *Request) wecomDirView {
	v := wecomDirView{users: map[string][]int64{}, depts: map[int64]bool{}}
	withDir(r, func(d *wecomDir) (any, error) {
		for id, u := range d.users {
			v.users[id] = slices.Clone(u.depts)
		}
		for id := range d.depts {
			v.depts[id] = true
		}
		return nil, nil
	})
	return v
}

// receiving tells whether userID serves account kfid, directly or through
// one of its departments.
func (m *wecomKFMore) receiving(v wecomDirView, kfid, userID string) bool {
	if slices.Contains(m.users[kfid], userID) {
		return true
	}
	for _, d := range v.users[userID] {
		if slices.Contains(m.depts[kfid], d) {
			return true
		}
	}
	return false
}

// session returns the state of a customer's session: the state the API
// set, unless the customer wrote again after it ended or 48 hours passed.
func (m *wecomKFMore) session(k *wecomKF, now time.Time, kfid, user string) *wecomKFSession {
	key := [2]string{kfid, user}
	s := m.sessions[key]
	last, wrote := k.lastIn[user]
	switch {
	case s == nil && wrote && now.Sub(last) <= 48*time.Hour:
		s = &wecomKFSession{state: 0, at: last}
	case s == nil:
		return &wecomKFSession{state: 4}
	case s.state == 4 && wrote && last.After(s.at):
		s = &wecomKFSession{state: 0, at: last}
	case s.state != 4 && now.Sub(s.at) > 48*time.Hour && now.Sub(last) > 48*time.Hour:
		s = &wecomKFSession{state: 4, at: now}
	}
	m.sessions[key] = s
	return s
}

// wecomKFTransitions are the state changes the API may make.
var wecomKFTransitions = map[int][]int{0: {1, 2, 3}, 1: {2, 3}, 2: {3}, 3: {3, 4}}

type kfServicerIn struct {
	OpenKfID string   `json:"open_kfid"`
	Users    []string `json:"userid_list"`
	Depts    []int64  `json:"department_id_list"`
}

func decodeKFServicers(r *Request) (*kfServicerIn, error) {
	in := new(kfServicerIn)
	if err := r.Decode(in); err != nil {
		return nil, err
	}
	if len(in.Users) == 0 && len(in.Depts) == 0 {
		return nil, ErrCode(CodeWeComMissingParameter)
	}
	if len(in.Users) > 100 || len(in.Depts) > 100 {
		return nil, ErrCode(CodeWeComInvalidParameter)
	}
	return in, nil
}

func kfResult(key string, id any, code int, msg string) M {
	return M{key: id, "errcode": code, "errmsg": msg}
}

type kfSessionIn struct {
	OpenKfID string `json:"open_kfid"`
	User     string `json:"external_userid"`
	State    *int   `json:"service_state"`
	Servicer string `json:"servicer_userid"`
}

// checkSession checks the account (95000) and the customer (40096) of a
// session.
func checkSession(k *wecomKF, in *kfSessionIn) error {
	if k.account(in.OpenKfID) == nil {
		return ErrCode(CodeWeComKFInvalidOpenKfID)
	}
	if !wecomKFCustomer(in.User) {
		return ErrCode(CodeWeComInvalidExternalUserID)
	}
	return nil
}

// kfSessionHandler decodes a body naming an account and a customer, checks
// them and runs fn with the customer service locked.
func kfSessionHandler(fn func(r *Request, k *wecomKF, m *wecomKFMore, in *kfSessionIn, v wecomDirView) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		var in kfSessionIn
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		v := dirView(r)
		return withKFMore(r, func(k *wecomKF, m *wecomKFMore) (any, error) {
			if err := checkSession(k, &in); err != nil {
				return nil, err
			}
			return fn(r, k, m, &in, v)
		})
	}
}

func registerWeComKFMore(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/94646
	// Members must be in the address book (60111), departments exist
	// (60003); a servicer added again is "ignored".
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/servicer/add"), func(r *Request) (any, error) {
		in, err := decodeKFServicers(r)
		if err != nil {
			return nil, err
		}
		v := dirView(r)
		return withKFMore(r, func(k *wecomKF, m *wecomKFMore) (any, error) {
			if k.account(in.OpenKfID) == nil {
				return nil, ErrCode(CodeWeComKFInvalidOpenKfID)
			}
			out := []M{}
			for _, u := range in.Users {
				switch _, ok := v.users[u]; {
				case !ok:
					out = append(out, kfResult("userid", u, CodeWeComUserNotFound, "userid not found"))
				case slices.Contains(m.users[in.OpenKfID], u):
					out = append(out, kfResult("userid", u, 0, "ignored"))
				default:
					m.users[in.OpenKfID] = append(m.users[in.OpenKfID], u)
					out = append(out, kfResult("userid", u, 0, "success"))
				}
			}
			for _, d := range in.Depts {
				switch {
				case !v.depts[d]:
					out = append(out, kfResult("department_id", d, CodeWeComPartyNotFound, "department not found"))
				case slices.Contains(m.depts[in.OpenKfID], d):
					out = append(out, kfResult("department_id", d, 0, "ignored"))
				default:
					m.depts[in.OpenKfID] = append(m.depts[in.OpenKfID], d)
					out = append(out, kfResult("department_id", d, 0, "success"))
				}
			}
			return OK(M{"result_list": out}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94647
	// Removing what is not a servicer is "ignored".
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/servicer/del"), func(r *Request) (any, error) {
		in, err := decodeKFServicers(r)
		if err != nil {
			return nil, err
		}
		return withKFMore(r, func(k *wecomKF, m *wecomKFMore) (any, error) {
			if k.account(in.OpenKfID) == nil {
				return nil, ErrCode(CodeWeComKFInvalidOpenKfID)
			}
			out := []M{}
			for _, u := range in.Users {
				msg := "ignored"
				if i := slices.Index(m.users[in.OpenKfID], u); i >= 0 {
					m.users[in.OpenKfID], msg = slices.Delete(m.users[in.OpenKfID], i, i+1), "success"
				}
				out = append(out, kfResult("userid", u, 0, msg))
			}
			for _, d := range in.Depts {
				msg := "ignored"
				if i := slices.Index(m.depts[in.OpenKfID], d); i >= 0 {
					m.depts[in.OpenKfID], msg = slices.Delete(m.depts[in.OpenKfID], i, i+1), "success"
				}
				out = append(out, kfResult("department_id", d, 0, msg))
			}
			return OK(M{"result_list": out}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94645
	// Members first (status 0, receiving), then departments.
	s.HandleJSON(WeComPath("GET /cgi-bin/kf/servicer/list"), func(r *Request) (any, error) {
		kfid := r.Query.Get("open_kfid")
		return withKFMore(r, func(k *wecomKF, m *wecomKFMore) (any, error) {
			if k.account(kfid) == nil {
				return nil, ErrCode(CodeWeComKFInvalidOpenKfID)
			}
			out := []M{}
			for _, u := range m.users[kfid] {
				out = append(out, M{"userid": u, "status": 0})
			}
			for _, d := range m.depts[kfid] {
				out = append(out, M{"department_id": d})
			}
			return OK(M{"servicer_list": out}), nil
		})
	})

	// https://developer.work.weixin.qq.com/document/path/94669
	// A session is 0 (untreated) from the customer's last message for 48
	// hours, 4 otherwise, until service_state/trans changes it.
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/service_state/get"), kfSessionHandler(func(r *Request, k *wecomKF, m *wecomKFMore, in *kfSessionIn, _ wecomDirView) (any, error) {
		ss := m.session(k, r.Now(), in.OpenKfID, in.User)
		out := M{"service_state": ss.state}
		if ss.state == 3 {
			out["servicer_userid"] = ss.servicer
		}
		return OK(out), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/94669
	// Allowed changes: 0 to 1, 2 or 3; 1 to 2 or 3; 2 to 3; 3 to 3 (another
	// servicer) or 4; 40058 otherwise. State 3 needs a receiving servicer of
	// the account (95014). First entering 2 or 3, and entering 4, answer a
	// msg_code usable once within 20 seconds by send_msg_on_event.
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/service_state/trans"), kfSessionHandler(func(r *Request, k *wecomKF, m *wecomKFMore, in *kfSessionIn, v wecomDirView) (any, error) {
		if in.State == nil {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		ss := m.session(k, r.Now(), in.OpenKfID, in.User)
		to := *in.State
		if !slices.Contains(wecomKFTransitions[ss.state], to) {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		if to == 3 && !m.receiving(v, in.OpenKfID, in.Servicer) {
			return nil, ErrCode(CodeWeComKFServicerNotReceiving)
		}
		out := M{}
		if to == 4 || (to == 2 || to == 3) && !ss.greeted {
			k.seq++
			code := fmt.Sprintf("MSGCODE%06d", k.seq)
			k.codes[code] = wecomKFCode{openKfID: in.OpenKfID, user: in.User, expires: r.Now().Add(20 * time.Second)}
			out["msg_code"] = code
		}
		ss.greeted = ss.greeted || to == 2 || to == 3
		ss.state, ss.at, ss.servicer = to, r.Now(), ""
		if to == 3 {
			ss.servicer = in.Servicer
		}
		return OK(out), nil
	}))

	// https://developer.work.weixin.qq.com/document/path/94674
	// The docs' example configuration.
	s.HandleJSON(WeComPath("GET /cgi-bin/kf/customer/get_upgrade_service_config"), func(r *Request) (any, error) {
		return OK(M{
			"member_range":    M{"userid_list": []string{WeComSeedUser1, WeComSeedUser2}, "department_id_list": wecomKFUpgradeDepts},
			"groupchat_range": M{"chat_id_list": []string{WeComKFUpgradeChat1, WeComKFUpgradeChat2}},
		}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/94674
	// type 1 needs member.userid, one of the configured members or a member
	// of a configured department; type 2 groupchat.chat_id, a configured
	// chat (95021 otherwise). The recommendation is kept until cancelled.
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/customer/upgrade_service"), func(r *Request) (any, error) {
		var in struct {
			OpenKfID  string `json:"open_kfid"`
			User      string `json:"external_userid"`
			Type      int    `json:"type"`
			Member    *M     `json:"member"`
			GroupChat *M     `json:"groupchat"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		var rec M
		switch {
		case in.Type == 1 && in.Member != nil && hasStr("userid")(*in.Member):
			rec = M{"type": 1, "member": *in.Member}
		case in.Type == 2 && in.GroupChat != nil && hasStr("chat_id")(*in.GroupChat):
			rec = M{"type": 2, "groupchat": *in.GroupChat}
		default:
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		v := dirView(r)
		return withKFMore(r, func(k *wecomKF, m *wecomKFMore) (any, error) {
			if err := checkSession(k, &kfSessionIn{OpenKfID: in.OpenKfID, User: in.User}); err != nil {
				return nil, err
			}
			configured := false
			if in.Type == 1 {
				u, _ := (*in.Member)["userid"].(string)
				configured = u == WeComSeedUser1 || u == WeComSeedUser2
				for _, d := range v.users[u] {
					configured = configured || slices.Contains(wecomKFUpgradeDepts, d)
				}
			} else {
				c, _ := (*in.GroupChat)["chat_id"].(string)
				configured = c == WeComKFUpgradeChat1 || c == WeComKFUpgradeChat2
			}
			if !configured {
				return nil, ErrCode(CodeWeComKFUpgradeNotConfigured)
			}
			m.upgrades[[2]string{in.OpenKfID, in.User}] = rec
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94674
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/customer/cancel_upgrade_service"), kfSessionHandler(func(_ *Request, _ *wecomKF, m *wecomKFMore, in *kfSessionIn, _ wecomDirView) (any, error) {
		delete(m.upgrades, [2]string{in.OpenKfID, in.User})
		return nil, nil
	}))

	// https://developer.work.weixin.qq.com/document/path/95489
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/get_corp_statistic"), kfStatistic(M{
		"session_cnt": 2, "customer_cnt": 1, "customer_msg_cnt": 6, "upgrade_service_customer_cnt": 0,
		"ai_session_reply_cnt": 1, "ai_transfer_rate": 1, "ai_knowledge_hit_rate": 0, "msg_rejected_customer_cnt": 1,
	}))
	// https://developer.work.weixin.qq.com/document/path/95490
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/get_servicer_statistic"), kfStatistic(M{
		"session_cnt": 1, "customer_cnt": 1, "customer_msg_cnt": 1, "reply_rate": 1, "first_reply_average_sec": 17,
		"satisfaction_investgate_cnt": 1, "satisfaction_participation_rate": 1, "satisfied_rate": 1, "middling_rate": 0,
		"dissatisfied_rate": 0, "upgrade_service_customer_cnt": 0, "upgrade_service_member_invite_cnt": 0,
		"upgrade_service_member_customer_cnt": 0, "upgrade_service_groupchat_invite_cnt": 0,
		"upgrade_service_groupchat_customer_cnt": 0, "msg_rejected_customer_cnt": 1,
	}))
}

// kfStatistic answers the docs' example statistic for each day of the
// range: start_time and end_time (rounded down to midnight Beijing time)
// at most 31 days apart counting both, from 180 days ago to yesterday
// (40058 otherwise).
func kfStatistic(day M) JSONHandler {
	return func(r *Request) (any, error) {
		var in struct {
			OpenKfID  string `json:"open_kfid"`
			Servicer  string `json:"servicer_userid"`
			StartTime int64  `json:"start_time"`
			EndTime   int64  `json:"end_time"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		midnight := func(t time.Time) time.Time {
			t = t.In(oaBeijing)
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, oaBeijing)
		}
		start, end := midnight(time.Unix(in.StartTime, 0)), midnight(time.Unix(in.EndTime, 0))
		today := midnight(r.Now())
		if in.StartTime <= 0 || end.Before(start) || end.Sub(start) > 30*24*time.Hour ||
			!end.Before(today) || start.Before(today.AddDate(0, 0, -180)) {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		return withKF(r, func(k *wecomKF) (any, error) {
			if k.account(in.OpenKfID) == nil {
				return nil, ErrCode(CodeWeComKFInvalidOpenKfID)
			}
			list := []M{}
			for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
				list = append(list, M{"stat_time": d.Unix(), "statistic": day})
			}
			return OK(M{"statistic_list": list}), nil
		})
	}
}

// WeComKFUpgrade returns the upgrade service recommended to customer
// externalUserID of account openKfID of corp ({"type":1,"member":{...}} or
// {"type":2,"groupchat":{...}}), or nil.
func (s *Server) WeComKFUpgrade(corp, openKfID, externalUserID string) map[string]any {
	k := s.wecomKF(corp)
	m := s.wecomKFMore(corp)
	k.mu.Lock()
	defer k.mu.Unlock()
	return m.upgrades[[2]string{openKfID, externalUserID}]
}
