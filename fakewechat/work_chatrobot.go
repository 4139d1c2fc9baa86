package fakewechat

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Group robot (webhook) errcodes the fake answers.
const (
	CodeWeComRobotInvalidKey = 93000 // invalid webhook url (unknown key)
	CodeWeComRobotImageMD5   = 40009 // image md5 or base64 wrong / size out of limit
	CodeWeComRobotRateLimit  = 45009 // more than 20 messages a minute
)

// DefaultWeComRobotKey is the webhook key of the robot every new Server
// knows; AddWeComRobot adds others.
const DefaultWeComRobotKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"

func init() {
	stdMessages[CodeWeComRobotInvalidKey] = "invalid webhook url"
	builtin = append(builtin, registerWeComChatRobot)
}

type wecomRobot struct {
	messages []map[string]any
	sends    []time.Time
}

type wecomRobots struct {
	mu     sync.Mutex
	robots map[string]*wecomRobot
	media  map[string]string // media_id -> type
	seq    int
}

func (s *Server) wecomRobots() *wecomRobots {
	return Value(s.State("wecom-robots"), "robots", func() *wecomRobots {
		return &wecomRobots{robots: map[string]*wecomRobot{DefaultWeComRobotKey: {}}, media: map[string]string{}}
	})
}

// AddWeComRobot registers a group robot with webhook key.
func (s *Server) AddWeComRobot(key string) {
	rs := s.wecomRobots()
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.robots[key] == nil {
		rs.robots[key] = &wecomRobot{}
	}
}

// WeComRobotMessages returns the messages the robot with key sent.
func (s *Server) WeComRobotMessages(key string) []map[string]any {
	rs := s.wecomRobots()
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if r := rs.robots[key]; r != nil {
		return slices.Clone(r.messages)
	}
	return nil
}

// withRobot runs fn with the robot of the request's key, locked.
func withRobot(r *Request, fn func(rs *wecomRobots, rb *wecomRobot) (any, error)) (any, error) {
	rs := r.Server.wecomRobots()
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rb := rs.robots[r.Query.Get("key")]
	if rb == nil {
		return nil, ErrCode(CodeWeComRobotInvalidKey)
	}
	return fn(rs, rb)
}

var wecomRobotMsgTypes = map[string]func(map[string]any) bool{
	"text":     func(c map[string]any) bool { s, _ := c["content"].(string); return s != "" && len(s) <= 2048 },
	"markdown": func(c map[string]any) bool { s, _ := c["content"].(string); return s != "" && len(s) <= 4096 },
	"image":    func(c map[string]any) bool { return hasStr("base64")(c) && hasStr("md5")(c) },
	"news":     articles(),
	"file":     hasStr("media_id"),
	"voice":    hasStr("media_id"),
	"template_card": func(c map[string]any) bool {
		t, _ := c["card_type"].(string)
		return t == "text_notice" || t == "news_notice"
	},
}

func registerWeComChatRobot(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/91770
	s.HandleJSON(WeComPath("POST /cgi-bin/webhook/send"), func(r *Request) (any, error) {
		body, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return withRobot(r, func(rs *wecomRobots, rb *wecomRobot) (any, error) {
			typ, _ := body["msgtype"].(string)
			check, ok := wecomRobotMsgTypes[typ]
			if !ok {
				return nil, ErrCode(CodeWeComInvalidMsgType)
			}
			c, _ := body[typ].(map[string]any)
			if c == nil || !check(c) {
				return nil, ErrCode(CodeWeComEmptyContent)
			}
			if typ == "image" {
				data, err := base64.StdEncoding.DecodeString(c["base64"].(string))
				sum := md5.Sum(data)
				if err != nil || len(data) > 2<<20 || hex.EncodeToString(sum[:]) != c["md5"] {
					return nil, ErrCode(CodeWeComRobotImageMD5)
				}
			}
			if id, _ := c["media_id"].(string); id != "" && rs.media[id] != typ {
				return nil, ErrCode(CodeInvalidMediaID)
			}
			now := r.Now()
			rb.sends = slices.DeleteFunc(rb.sends, func(t time.Time) bool { return now.Sub(t) >= time.Minute })
			if len(rb.sends) >= 20 {
				return nil, ErrCode(CodeWeComRobotRateLimit)
			}
			rb.sends = append(rb.sends, now)
			rb.messages = append(rb.messages, body)
			return nil, nil
		})
	}, Public())
	s.HandleJSON(WeComPath("POST /cgi-bin/webhook/upload_media"), func(r *Request) (any, error) {
		typ := r.Query.Get("type")
		if typ != "file" && typ != "voice" {
			return nil, ErrCode(CodeInvalidMediaType)
		}
		return withRobot(r, func(rs *wecomRobots, _ *wecomRobot) (any, error) {
			up, e := parseOAUpload(r)
			if e != nil {
				return nil, e
			}
			if e := checkWeComFile(typ, up.filename, len(up.data)); e != nil {
				return nil, e
			}
			rs.seq++
			id := fmt.Sprintf("3aFAKErobot%s%06d", typ, rs.seq)
			rs.media[id] = typ
			return OK(M{"type": typ, "media_id": id, "created_at": strconv.FormatInt(r.Now().Unix(), 10)}), nil
		})
	}, Public())
}
