package fakewechat

import (
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Official account customer-service accounts (客服账号管理): accounts are
// kept per app in creation order, with WeChat's checks on the account format
// (prefix@wechat_id), the nickname (1..16 characters), duplicates and the
// limit of 100 accounts; uploadheadimg takes a JPEG and sets the avatar URL.
// SetKFOnline marks an account online for getonlinekflist.
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html
func init() {
	for code, msg := range map[int]string{
		CodeKFAccountNotExist: "invalid kf_account",
		CodeKFIllegalNickname: "illegal nickname",
		CodeKFIllegalAccount:  "illegal custom service account",
		CodeKFAccountLimit:    "custom service account number reach limit",
		CodeKFAccountExists:   "custom service account exists",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerOACustomService)
}

// Errcodes of the customer-service account endpoints.
const (
	CodeKFAccountNotExist = 65401
	CodeKFIllegalNickname = 65403
	CodeKFIllegalAccount  = 65404
	CodeKFAccountLimit    = 65405
	CodeKFAccountExists   = 65406
	oaMaxKFAccounts       = 100
	oaFirstKFID           = 1001
)

type oaKF struct {
	account  string
	nickname string
	id       int
	headURL  string
	online   bool
	sessions int
}

type oaKFStore struct {
	mu     sync.Mutex
	nextID int
	list   []*oaKF
}

func oaKFs(st *State) *oaKFStore {
	return Value(st, "oa.kf", func() *oaKFStore { return &oaKFStore{nextID: oaFirstKFID} })
}

// find returns the account; call with ks.mu held.
func (ks *oaKFStore) find(account string) *oaKF {
	for _, k := range ks.list {
		if k.account == account {
			return k
		}
	}
	return nil
}

// SetKFOnline sets whether a customer-service account of appid is online
// and how many sessions it handles. It reports whether the account exists.
func (s *Server) SetKFOnline(appid, account string, online bool, sessions int) bool {
	ks := oaKFs(s.State(appid))
	ks.mu.Lock()
	defer ks.mu.Unlock()
	k := ks.find(account)
	if k == nil {
		return false
	}
	k.online, k.sessions = online, sessions
	return true
}

func validKFAccount(a string) bool {
	prefix, suffix, ok := strings.Cut(a, "@")
	if !ok || prefix == "" || len(prefix) > 10 || suffix == "" || utf8.RuneCountInString(suffix) > 30 {
		return false
	}
	for _, r := range prefix {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

func registerOACustomService(s *Server) {
	decode := func(r *Request) (string, string, error) {
		var in struct {
			Account  string `json:"kf_account"`
			Nickname string `json:"nickname"`
		}
		if err := r.Decode(&in); err != nil {
			return "", "", err
		}
		if !validKFAccount(in.Account) {
			return "", "", ErrCode(CodeKFIllegalAccount)
		}
		if in.Nickname == "" || utf8.RuneCountInString(in.Nickname) > 16 {
			return "", "", ErrCode(CodeKFIllegalNickname)
		}
		return in.Account, in.Nickname, nil
	}

	s.HandleJSON("POST /customservice/kfaccount/add", func(r *Request) (any, error) {
		account, nick, err := decode(r)
		if err != nil {
			return nil, err
		}
		ks := oaKFs(r.State())
		ks.mu.Lock()
		defer ks.mu.Unlock()
		if ks.find(account) != nil {
			return nil, ErrCode(CodeKFAccountExists)
		}
		if len(ks.list) >= oaMaxKFAccounts {
			return nil, ErrCode(CodeKFAccountLimit)
		}
		ks.list = append(ks.list, &oaKF{account: account, nickname: nick, id: ks.nextID})
		ks.nextID++
		return nil, nil
	})

	s.HandleJSON("POST /customservice/kfaccount/update", func(r *Request) (any, error) {
		account, nick, err := decode(r)
		if err != nil {
			return nil, err
		}
		ks := oaKFs(r.State())
		ks.mu.Lock()
		defer ks.mu.Unlock()
		k := ks.find(account)
		if k == nil {
			return nil, ErrCode(CodeKFAccountNotExist)
		}
		k.nickname = nick
		return nil, nil
	})

	s.HandleJSON("GET /customservice/kfaccount/del", func(r *Request) (any, error) {
		account := r.Query.Get("kf_account")
		ks := oaKFs(r.State())
		ks.mu.Lock()
		defer ks.mu.Unlock()
		for i, k := range ks.list {
			if k.account == account {
				ks.list = append(ks.list[:i], ks.list[i+1:]...)
				return nil, nil
			}
		}
		return nil, ErrCode(CodeKFAccountNotExist)
	})

	s.HandleJSON("POST /customservice/kfaccount/uploadheadimg", func(r *Request) (any, error) {
		up, e := parseOAUpload(r)
		if e != nil {
			return nil, e
		}
		if ext := strings.ToLower(path.Ext(up.filename)); ext != ".jpg" && ext != ".jpeg" {
			return nil, ErrCode(CodeInvalidFileType)
		}
		if len(up.data) > 5<<20 {
			return nil, ErrCode(CodeInvalidImageSize)
		}
		ks := oaKFs(r.State())
		ks.mu.Lock()
		defer ks.mu.Unlock()
		k := ks.find(r.Query.Get("kf_account"))
		if k == nil {
			return nil, ErrCode(CodeKFAccountNotExist)
		}
		k.headURL = "http://mmbiz.qpic.cn/mmbiz/kf" + strconv.Itoa(k.id) + "_" + strconv.Itoa(len(up.data)) + "/300"
		return nil, nil
	})

	s.HandleJSON("GET /cgi-bin/customservice/getkflist", func(r *Request) (any, error) {
		ks := oaKFs(r.State())
		ks.mu.Lock()
		defer ks.mu.Unlock()
		list := make([]M, len(ks.list))
		for i, k := range ks.list {
			list[i] = M{"kf_account": k.account, "kf_nick": k.nickname, "kf_id": strconv.Itoa(k.id), "kf_headimgurl": k.headURL}
		}
		return M{"kf_list": list}, nil
	})

	s.HandleJSON("GET /cgi-bin/customservice/getonlinekflist", func(r *Request) (any, error) {
		ks := oaKFs(r.State())
		ks.mu.Lock()
		defer ks.mu.Unlock()
		list := []M{}
		for _, k := range ks.list {
			if k.online {
				list = append(list, M{"kf_account": k.account, "status": 1, "kf_id": strconv.Itoa(k.id), "accepted_case": k.sessions})
			}
		}
		return M{"kf_online_list": list}, nil
	})
}
