package fakewechat

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errcodes of the account endpoints.
const (
	oaCodeCgiPathNotFound  = 76021
	oaCodeCgiPathForbidden = 76022
	oaCodeClearQuotaLimit  = 48006
	oaMaxClearQuota        = 10 // per month
	oaMaxQRExpire          = 2592000
	oaDefaultQRExpire      = 60
	oaMaxPermanentSceneID  = 100000
	oaMaxSceneStr          = 64
	oaDefaultDailyLimit    = 100000
)

func init() {
	stdMessages[oaCodeCgiPathNotFound] = "cgi_path not found, please check"
	stdMessages[oaCodeCgiPathForbidden] = "cgi_path not support"
	stdMessages[oaCodeClearQuotaLimit] = "forbid to clear quota because of reaching the limit"
	builtin = append(builtin, registerOAAccount)
}

// qrTicket is a created QR code. Tickets live in the server-wide state of
// appid "" because showqrcode is called without a token.
type qrTicket struct {
	appid   string
	expires time.Time // zero for permanent codes
	url     string
}

type qrTickets struct {
	mu sync.Mutex
	m  map[string]qrTicket
}

func (s *Server) qrTickets() *qrTickets {
	return Value(s.State(""), "oa.qrtickets", func() *qrTickets { return &qrTickets{m: map[string]qrTicket{}} })
}

type oaQuota struct {
	mu      sync.Mutex
	base    map[string]int // request counts at the last clear_quota
	clears  int
	month   string
	shorts  map[string]string
	autoRep any
}

func (s *Server) oaQuota(appid string) *oaQuota {
	return Value(s.State(appid), "oa.account", func() *oaQuota {
		return &oaQuota{base: map[string]int{}, shorts: map[string]string{}}
	})
}

// SetAutoReplyRules sets what get_current_autoreply_info answers for appid:
// any value that marshals to the documented JSON object.
func (s *Server) SetAutoReplyRules(appid string, rules any) {
	q := s.oaQuota(appid)
	q.mu.Lock()
	q.autoRep = rules
	q.mu.Unlock()
}

// defaultAutoReply is a small but complete configuration.
func defaultAutoReply() M {
	return M{
		"is_add_friend_reply_open": 1, "is_autoreply_open": 1,
		"add_friend_autoreply_info":      M{"type": "text", "content": "Thanks for following!"},
		"message_default_autoreply_info": M{"type": "text", "content": "Hello, this is autoreply!"},
		"keyword_autoreply_info": M{"list": []M{{
			"rule_name": "autoreply-news", "create_time": 1423028166, "reply_mode": "reply_all",
			"keyword_list_info": []M{{"type": "text", "match_mode": "contain", "content": "news"}},
			"reply_list_info": []M{{"type": "news", "news_info": M{"list": []M{{
				"title": "it's news", "author": "jim", "digest": "it's digest", "show_cover": 1,
				"cover_url": "http://mmbiz.qpic.cn/cover", "content_url": "http://mp.weixin.qq.com/s?__biz=x",
				"source_url": "",
			}}}}},
		}}},
	}
}

// qrImage draws a deterministic JPEG for a ticket.
func qrImage(ticket string) []byte {
	sum := sha256.Sum256([]byte(ticket))
	const cells, px = 16, 8
	img := image.NewGray(image.Rect(0, 0, cells*px, cells*px))
	for y := 0; y < cells; y++ {
		for x := 0; x < cells; x++ {
			bit := sum[(y*cells+x)/8%len(sum)] >> ((y*cells + x) % 8) & 1
			c := color.Gray{Y: 255}
			if bit == 1 {
				c.Y = 0
			}
			for dy := 0; dy < px; dy++ {
				for dx := 0; dx < px; dx++ {
					img.SetGray(x*px+dx, y*px+dy, c)
				}
			}
		}
	}
	var b bytes.Buffer
	jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}) //nolint:errcheck // bytes.Buffer does not fail
	return b.Bytes()
}

// QRCodeImage returns the image showqrcode serves for ticket, or false if
// the ticket is unknown or expired.
func (s *Server) QRCodeImage(ticket string) ([]byte, bool) {
	qs := s.qrTickets()
	qs.mu.Lock()
	t, ok := qs.m[ticket]
	qs.mu.Unlock()
	if !ok || (!t.expires.IsZero() && !s.Now().Before(t.expires)) {
		return nil, false
	}
	return qrImage(ticket), true
}

func registerOAAccount(s *Server) {
	s.HandleJSON("POST /cgi-bin/qrcode/create", func(r *Request) (any, error) {
		var in struct {
			ExpireSeconds int    `json:"expire_seconds"`
			ActionName    string `json:"action_name"`
			ActionInfo    struct {
				Scene struct {
					SceneID  *int64 `json:"scene_id"`
					SceneStr string `json:"scene_str"`
				} `json:"scene"`
			} `json:"action_info"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		sc := in.ActionInfo.Scene
		temp := false
		switch in.ActionName {
		case "QR_SCENE", "QR_LIMIT_SCENE":
			temp = in.ActionName == "QR_SCENE"
			if sc.SceneID == nil || *sc.SceneID <= 0 || *sc.SceneID > 1<<32-1 || (!temp && *sc.SceneID > oaMaxPermanentSceneID) {
				return nil, Errorf(CodeInvalidArgs, "invalid scene_id")
			}
		case "QR_STR_SCENE", "QR_LIMIT_STR_SCENE":
			temp = in.ActionName == "QR_STR_SCENE"
			if sc.SceneStr == "" || len(sc.SceneStr) > oaMaxSceneStr {
				return nil, Errorf(CodeInvalidArgs, "invalid scene_str")
			}
		default:
			return nil, Errorf(CodeInvalidArgs, "invalid action_name")
		}
		if in.ExpireSeconds < 0 || in.ExpireSeconds > oaMaxQRExpire {
			return nil, Errorf(CodeInvalidArgs, "invalid expire_seconds")
		}
		raw := make([]byte, 48)
		rand.Read(raw) //nolint:errcheck // never fails
		ticket := base64.StdEncoding.EncodeToString(raw[:40]) + "=="
		t := qrTicket{appid: r.AppID, url: "http://weixin.qq.com/q/" + base64.RawURLEncoding.EncodeToString(raw[40:])}
		out := M{"ticket": ticket, "url": t.url}
		if temp {
			exp := in.ExpireSeconds
			if exp == 0 {
				exp = oaDefaultQRExpire
			}
			t.expires = r.Now().Add(time.Duration(exp) * time.Second)
			out["expire_seconds"] = exp
		}
		qs := s.qrTickets()
		qs.mu.Lock()
		qs.m[ticket] = t
		qs.mu.Unlock()
		return out, nil
	})
	s.HandleRaw("GET /cgi-bin/showqrcode", func(w http.ResponseWriter, r *Request) {
		img, ok := s.QRCodeImage(r.Query.Get("ticket"))
		if !ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte("<html><body>404 Not Found</body></html>")) //nolint:errcheck // client gone
			return
		}
		w.Header().Set("Content-Type", "image/jpg")
		w.Header().Set("Content-Length", strconv.Itoa(len(img)))
		w.Write(img) //nolint:errcheck // client gone
	}, Public())
	s.HandleJSON("POST /cgi-bin/shorturl", func(r *Request) (any, error) {
		var in struct {
			Action  string `json:"action"`
			LongURL string `json:"long_url"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Action != "long2short" {
			return nil, Errorf(CodeInvalidArgs, "invalid action")
		}
		if !strings.HasPrefix(in.LongURL, "http://") && !strings.HasPrefix(in.LongURL, "https://") && !strings.HasPrefix(in.LongURL, "weixin://") {
			return nil, ErrCode(CodeInvalidURL)
		}
		q := s.oaQuota(r.AppID)
		q.mu.Lock()
		defer q.mu.Unlock()
		short, ok := q.shorts[in.LongURL]
		if !ok {
			short = "https://w.url.cn/s/A" + strconv.FormatInt(int64(len(q.shorts)+1)*7919, 36)
			q.shorts[in.LongURL] = short
		}
		return M{"short_url": short}, nil
	})
	s.HandleJSON("POST /cgi-bin/openapi/quota/get", func(r *Request) (any, error) {
		var in struct {
			CgiPath string `json:"cgi_path"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if strings.Contains(in.CgiPath, "/sns/") {
			return nil, ErrCode(oaCodeCgiPathForbidden)
		}
		if rt, _ := s.lookup(http.MethodPost, in.CgiPath); rt == nil {
			if rt, _ = s.lookup(http.MethodGet, in.CgiPath); rt == nil || rt.prefix {
				return nil, ErrCode(oaCodeCgiPathNotFound)
			}
		}
		q := s.oaQuota(r.AppID)
		q.mu.Lock()
		used := s.Count(in.CgiPath) - q.base[in.CgiPath]
		q.mu.Unlock()
		limit := oaDefaultDailyLimit
		if in.CgiPath == "/cgi-bin/token" || in.CgiPath == "/cgi-bin/stable_token" {
			limit = 2000
		}
		used = max(used, 0)
		return M{"quota": M{"daily_limit": limit, "used": used, "remain": max(limit-used, 0)},
			"rate_limit": M{"call_count": 5000, "refresh_second": 60}}, nil
	})
	s.HandleJSON("POST /cgi-bin/clear_quota", func(r *Request) (any, error) {
		var in struct {
			AppID string `json:"appid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.AppID == "" {
			return nil, ErrCode(CodeAppIDMissing)
		}
		if in.AppID != r.AppID {
			return nil, ErrCode(CodeInvalidAppID)
		}
		q := s.oaQuota(r.AppID)
		q.mu.Lock()
		defer q.mu.Unlock()
		if month := r.Now().Format("2006-01"); month != q.month {
			q.month, q.clears = month, 0
		}
		if q.clears >= oaMaxClearQuota {
			return nil, ErrCode(oaCodeClearQuotaLimit)
		}
		q.clears++
		for k := range q.base {
			delete(q.base, k)
		}
		for k, n := range s.Stats() {
			_, path, _ := strings.Cut(k, " ")
			q.base[path] += int(n)
		}
		return nil, nil
	})
	s.HandleJSON("GET /cgi-bin/get_current_autoreply_info", func(r *Request) (any, error) {
		q := s.oaQuota(r.AppID)
		q.mu.Lock()
		defer q.mu.Unlock()
		if q.autoRep != nil {
			return q.autoRep, nil
		}
		return defaultAutoReply(), nil
	})
}
