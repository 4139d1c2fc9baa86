package fakewechat

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"
)

// WeChat customer-service errcodes the fake answers.
const (
	CodeWeComInvalidExternalUserID = 40096 // invalid external_userid
	CodeWeComKFInvalidOpenKfID     = 95000 // invalid open_kfid
	CodeWeComKFNameExists          = 95002 // account name already used
	CodeWeComKFInvalidCursor       = 95005 // invalid cursor
	CodeWeComKFInvalidMsgCode      = 95007 // invalid, used or expired event code
	CodeWeComKFSendLimit           = 95001 // out of the 48 hours / 5 messages window
)

func init() {
	for code, msg := range map[int]string{
		CodeWeComInvalidExternalUserID: "invalid external userid", CodeWeComKFInvalidOpenKfID: "invalid open_kfid",
		CodeWeComKFNameExists: "kf name already exists", CodeWeComKFInvalidCursor: "invalid cursor",
		CodeWeComKFInvalidMsgCode: "invalid msg code", CodeWeComKFSendLimit: "send msg count limit",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerWeComKF)
}

// The WeChat customers every corp's customer service knows.
const (
	WeComKFCustomer1 = "wmFAKEcustomer0001"
	WeComKFCustomer2 = "wmFAKEcustomer0002"
)

type wecomKFAccount struct {
	id, name, mediaID string
}

type wecomKFCode struct {
	openKfID, user string
	expires        time.Time
}

// wecomKF is a corp's customer service: accounts, received messages (the
// sync_msg log), sent messages and the customers' send windows.
type wecomKF struct {
	mu       sync.Mutex
	seq      int
	accounts []*wecomKFAccount
	log      []M // received messages and events, oldest first
	sent     []M
	window   map[string][]time.Time // external_userid -> sends since the last customer message
	lastIn   map[string]time.Time   // external_userid -> last customer message
	codes    map[string]wecomKFCode
}

func (s *Server) wecomKF(corp string) *wecomKF {
	return Value(s.State(corp), "wecom.kf", func() *wecomKF {
		return &wecomKF{window: map[string][]time.Time{}, lastIn: map[string]time.Time{}, codes: map[string]wecomKFCode{}}
	})
}

func withKF(r *Request, fn func(k *wecomKF) (any, error)) (any, error) {
	corp, _ := wecomCaller(r)
	k := r.Server.wecomKF(corp)
	k.mu.Lock()
	defer k.mu.Unlock()
	return fn(k)
}

func (k *wecomKF) account(id string) *wecomKFAccount {
	for _, a := range k.accounts {
		if a.id == id {
			return a
		}
	}
	return nil
}

func wecomKFCustomer(id string) bool { return id == WeComKFCustomer1 || id == WeComKFCustomer2 }

// WeComKFReceive records a text a WeChat customer sent to account openKfID
// of corp, as sync_msg will return it, and opens the customer's 48-hour
// answer window. It returns the message id.
func (s *Server) WeComKFReceive(corp, openKfID, externalUserID, text string) string {
	k := s.wecomKF(corp)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.seq++
	id := fmt.Sprintf("kfmsg%06d", k.seq)
	now := s.Now()
	k.log = append(k.log, M{"msgid": id, "open_kfid": openKfID, "external_userid": externalUserID, "send_time": now.Unix(),
		"origin": 3, "msgtype": "text", "text": M{"content": text}})
	k.lastIn[externalUserID] = now
	k.window[externalUserID] = nil
	return id
}

// WeComKFEnterSession records an enter_session event of a customer on
// account openKfID of corp and returns its welcome_code (20 seconds, usable
// once).
func (s *Server) WeComKFEnterSession(corp, openKfID, externalUserID, scene string) string {
	k := s.wecomKF(corp)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.seq++
	code := fmt.Sprintf("WELCOME%06d", k.seq)
	now := s.Now()
	k.codes[code] = wecomKFCode{openKfID: openKfID, user: externalUserID, expires: now.Add(20 * time.Second)}
	k.log = append(k.log, M{"msgid": fmt.Sprintf("kfmsg%06d", k.seq), "send_time": now.Unix(), "origin": 4, "msgtype": "event",
		"event": M{"event_type": "enter_session", "open_kfid": openKfID, "external_userid": externalUserID, "scene": scene, "welcome_code": code}})
	return code
}

// WeComKFSent returns the messages sent to customers of corp.
func (s *Server) WeComKFSent(corp string) []map[string]any {
	k := s.wecomKF(corp)
	k.mu.Lock()
	defer k.mu.Unlock()
	return slices.Clone(k.sent)
}

var wecomKFMsgTypes = map[string]func(map[string]any) bool{
	"text": hasStr("content"), "image": hasStr("media_id"), "voice": hasStr("media_id"), "video": hasStr("media_id"),
	"file": hasStr("media_id"), "link": func(c map[string]any) bool {
		return hasStr("title")(c) && hasStr("url")(c) && hasStr("thumb_media_id")(c)
	},
	"miniprogram": func(c map[string]any) bool {
		return hasStr("appid")(c) && hasStr("thumb_media_id")(c) && hasStr("pagepath")(c)
	},
	"msgmenu":  func(c map[string]any) bool { l, _ := c["list"].([]any); return len(l) > 0 },
	"location": func(c map[string]any) bool { _, ok := c["latitude"].(float64); return ok },
}

// kfContent checks the msgtype and content of a body.
func kfContent(r *Request, body map[string]any, types ...string) error {
	typ, _ := body["msgtype"].(string)
	check, ok := wecomKFMsgTypes[typ]
	if !ok || len(types) > 0 && !slices.Contains(types, typ) {
		return ErrCode(CodeWeComInvalidMsgType)
	}
	c, _ := body[typ].(map[string]any)
	if c == nil || !check(c) {
		return ErrCode(CodeWeComEmptyContent)
	}
	if id, _ := c["media_id"].(string); id != "" && !wecomMediaExists(r, id) {
		return ErrCode(CodeInvalidMediaID)
	}
	return nil
}

func registerWeComKF(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/94662
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/account/add"), func(r *Request) (any, error) {
		var in struct {
			Name    string `json:"name"`
			MediaID string `json:"media_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Name == "" || len([]rune(in.Name)) > 16 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		if !wecomMediaExists(r, in.MediaID) {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		return withKF(r, func(k *wecomKF) (any, error) {
			for _, a := range k.accounts {
				if a.name == in.Name {
					return nil, ErrCode(CodeWeComKFNameExists)
				}
			}
			k.seq++
			a := &wecomKFAccount{id: fmt.Sprintf("wkFAKE%06d", k.seq), name: in.Name, mediaID: in.MediaID}
			k.accounts = append(k.accounts, a)
			return OK(M{"open_kfid": a.id}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94663
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/account/del"), func(r *Request) (any, error) {
		var in struct {
			OpenKfID string `json:"open_kfid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		return withKF(r, func(k *wecomKF) (any, error) {
			if k.account(in.OpenKfID) == nil {
				return nil, ErrCode(CodeWeComKFInvalidOpenKfID)
			}
			k.accounts = slices.DeleteFunc(k.accounts, func(a *wecomKFAccount) bool { return a.id == in.OpenKfID })
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94664
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/account/update"), func(r *Request) (any, error) {
		var in struct {
			OpenKfID string `json:"open_kfid"`
			Name     string `json:"name"`
			MediaID  string `json:"media_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.MediaID != "" && !wecomMediaExists(r, in.MediaID) {
			return nil, ErrCode(CodeInvalidMediaID)
		}
		return withKF(r, func(k *wecomKF) (any, error) {
			a := k.account(in.OpenKfID)
			if a == nil {
				return nil, ErrCode(CodeWeComKFInvalidOpenKfID)
			}
			if in.Name != "" {
				a.name = in.Name
			}
			if in.MediaID != "" {
				a.mediaID = in.MediaID
			}
			return nil, nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94661
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/account/list"), func(r *Request) (any, error) {
		var in struct {
			Offset int `json:"offset"`
			Limit  int `json:"limit"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Limit == 0 {
			in.Limit = 100
		}
		if in.Offset < 0 || in.Limit < 1 || in.Limit > 100 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		return withKF(r, func(k *wecomKF) (any, error) {
			out := []M{}
			for i := in.Offset; i < len(k.accounts) && i < in.Offset+in.Limit; i++ {
				a := k.accounts[i]
				out = append(out, M{"open_kfid": a.id, "name": a.name, "avatar": "https://wework.qpic.cn/fake/" + a.mediaID, "manage_privilege": true})
			}
			return OK(M{"account_list": out}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94665
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/add_contact_way"), func(r *Request) (any, error) {
		var in struct {
			OpenKfID string `json:"open_kfid"`
			Scene    string `json:"scene"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.Scene) > 32 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		return withKF(r, func(k *wecomKF) (any, error) {
			if k.account(in.OpenKfID) == nil {
				return nil, ErrCode(CodeWeComKFInvalidOpenKfID)
			}
			u := "https://work.weixin.qq.com/kfid/" + in.OpenKfID
			if in.Scene != "" {
				u += "?enc_scene=ENC" + in.Scene
			}
			return OK(M{"url": u}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94670
	// The cursor is the index of the next message of the log.
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/sync_msg"), func(r *Request) (any, error) {
		var in struct {
			Cursor   string `json:"cursor"`
			Limit    int    `json:"limit"`
			OpenKfID string `json:"open_kfid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Limit == 0 {
			in.Limit = 1000
		}
		if in.Limit < 1 || in.Limit > 1000 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		start := 0
		if in.Cursor != "" {
			n, err := strconv.Atoi(in.Cursor[min(len(in.Cursor), 2):])
			if err != nil || len(in.Cursor) < 2 || in.Cursor[:2] != "kc" || n < 0 {
				return nil, ErrCode(CodeWeComKFInvalidCursor)
			}
			start = n
		}
		return withKF(r, func(k *wecomKF) (any, error) {
			list := []M{}
			i := min(start, len(k.log))
			for ; i < len(k.log) && len(list) < in.Limit; i++ {
				m := k.log[i]
				if in.OpenKfID != "" && m["open_kfid"] != in.OpenKfID {
					if ev, _ := m["event"].(M); ev == nil || ev["open_kfid"] != in.OpenKfID {
						continue
					}
				}
				list = append(list, m)
			}
			hasMore := 0
			if i < len(k.log) {
				hasMore = 1
			}
			return OK(M{"next_cursor": "kc" + strconv.Itoa(i), "has_more": hasMore, "msg_list": list}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/94677
	// A customer can be answered 5 times within 48 hours of its last message.
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/send_msg"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if err := kfContent(r, body); err != nil {
			return nil, err
		}
		to, _ := body["touser"].(string)
		kfid, _ := body["open_kfid"].(string)
		return withKF(r, func(k *wecomKF) (any, error) {
			if k.account(kfid) == nil {
				return nil, ErrCode(CodeWeComKFInvalidOpenKfID)
			}
			if !wecomKFCustomer(to) {
				return nil, ErrCode(CodeWeComInvalidExternalUserID)
			}
			last, ok := k.lastIn[to]
			if !ok || r.Now().Sub(last) > 48*time.Hour || len(k.window[to]) >= 5 {
				return nil, ErrCode(CodeWeComKFSendLimit)
			}
			k.window[to] = append(k.window[to], r.Now())
			k.seq++
			id, _ := body["msgid"].(string)
			if id == "" {
				id = fmt.Sprintf("kfsent%06d", k.seq)
			}
			body["msgid"] = id
			k.sent = append(k.sent, body)
			return OK(M{"msgid": id}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/95122
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/send_msg_on_event"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if err := kfContent(r, body, "text", "msgmenu"); err != nil {
			return nil, err
		}
		code, _ := body["code"].(string)
		return withKF(r, func(k *wecomKF) (any, error) {
			c, ok := k.codes[code]
			delete(k.codes, code)
			if !ok || r.Now().After(c.expires) {
				return nil, ErrCode(CodeWeComKFInvalidMsgCode)
			}
			k.seq++
			id, _ := body["msgid"].(string)
			if id == "" {
				id = fmt.Sprintf("kfsent%06d", k.seq)
			}
			body["msgid"], body["touser"], body["open_kfid"] = id, c.user, c.openKfID
			k.sent = append(k.sent, body)
			return OK(M{"msgid": id}), nil
		})
	})
	// https://developer.work.weixin.qq.com/document/path/95159
	s.HandleJSON(WeComPath("POST /cgi-bin/kf/customer/batchget"), func(r *Request) (any, error) {
		var in struct {
			List    []string `json:"external_userid_list"`
			Context int      `json:"need_enter_session_context"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.List) == 0 || len(in.List) > 100 {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		customers, invalid := []M{}, []string{}
		for i, id := range in.List {
			if !wecomKFCustomer(id) {
				invalid = append(invalid, id)
				continue
			}
			c := M{"external_userid": id, "nickname": "customer " + id[len(id)-4:], "avatar": "https://wx.qlogo.cn/fake/" + id, "gender": i%2 + 1, "unionid": "oUNION" + id}
			if in.Context == 1 {
				c["enter_session_context"] = M{"scene": "web", "scene_param": "from=" + id[len(id)-4:]}
			}
			customers = append(customers, c)
		}
		return OK(M{"customer_list": customers, "invalid_external_userid": invalid}), nil
	})
}
