package fakewechat

import (
	"errors"
	"unicode/utf8"
)

// Official account article comments (留言管理), on the messages of
// freepublish/submit and news mass sends (their msg_data_id). Followers'
// comments are added with Server.AddComment; the account opens and closes
// comments, lists them (oldest first), elects them (at most 100 per
// article), deletes them and replies to them once.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func init() {
	for code, msg := range map[int]string{
		CodeMsgDataNotExist:    "msg_data is not exists",
		CodeElectedLimit:       "elected comment upper limit",
		CodeCommentDeleted:     "comment was deleted by user",
		CodeAlreadyReplied:     "already reply",
		CodeReplyContentLength: "reply content beyond max len or content len is zero",
		CodeCommentNotExist:    "comment is not exists",
		CodeCommentCountRange:  "count range error. cout <= 0 or count > 50",
		CodeCommentClosed:      "without comment privilege",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerOAComment)
}

// Errcodes of the comment endpoints.
const (
	CodeMsgDataNotExist    = 88001
	CodeElectedLimit       = 88003
	CodeCommentDeleted     = 88004
	CodeAlreadyReplied     = 88005
	CodeReplyContentLength = 88007
	CodeCommentNotExist    = 88008
	CodeCommentCountRange  = 88010
	CodeCommentClosed      = 88000 // comments closed on the article
	oaMaxElected           = 100
	oaMaxReplyRunes        = 600
	oaFirstUserCommentID   = 1
)

type oaComment struct {
	id        int64
	openid    string
	content   string
	created   int64
	elected   bool
	deleted   bool
	reply     string
	replyTime int64
}

type oaCommentStore struct {
	next     int64
	comments map[[2]int64][]*oaComment // by (msg_data_id, index)
}

// article checks msg_data_id and index and returns the message; call
// with ms.mu held.
func (ms *oaMsgDataStore) article(msgDataID int64, index int) (*oaMsgData, *Error) {
	m := ms.msgs[msgDataID]
	if m == nil || index < 0 || index >= len(m.commentOpen) {
		return nil, ErrCode(CodeMsgDataNotExist)
	}
	return m, nil
}

func (ms *oaMsgDataStore) commentStore() *oaCommentStore {
	if ms.comments == nil {
		ms.comments = &oaCommentStore{next: oaFirstUserCommentID, comments: map[[2]int64][]*oaComment{}}
	}
	return ms.comments
}

// AddComment adds a follower's comment on article index (0 for the first) of
// the message msgDataID of appid and returns its user_comment_id. It fails,
// as WeChat would for the user, when the message is unknown or comments are
// closed.
func (s *Server) AddComment(appid string, msgDataID int64, index int, openid, content string) (int64, error) {
	if openid == "" || content == "" {
		return 0, errors.New("fakewechat: AddComment needs an openid and a content")
	}
	ms := oaMsgDatas(s.State(appid))
	ms.mu.Lock()
	defer ms.mu.Unlock()
	m, err := ms.article(msgDataID, index)
	if err != nil {
		return 0, err
	}
	if !m.commentOpen[index] {
		return 0, ErrCode(CodeCommentClosed)
	}
	cs := ms.commentStore()
	c := &oaComment{id: cs.next, openid: openid, content: content, created: s.Now().Unix()}
	cs.next++
	key := [2]int64{msgDataID, int64(index)}
	cs.comments[key] = append(cs.comments[key], c)
	return c.id, nil
}

// DeleteCommentByUser deletes a comment as its author would.
func (s *Server) DeleteCommentByUser(appid string, userCommentID int64) bool {
	ms := oaMsgDatas(s.State(appid))
	ms.mu.Lock()
	defer ms.mu.Unlock()
	for _, list := range ms.commentStore().comments {
		for _, c := range list {
			if c.id == userCommentID && !c.deleted {
				c.deleted = true
				return true
			}
		}
	}
	return false
}

type oaCommentReq struct {
	MsgDataID     int64  `json:"msg_data_id"`
	Index         int    `json:"index"`
	UserCommentID int64  `json:"user_comment_id"`
	Begin         int    `json:"begin"`
	Count         int    `json:"count"`
	Type          int    `json:"type"`
	Content       string `json:"content"`
}

// withComments runs fn on the article of the request with the store locked.
func withComments(r *Request, fn func(ms *oaMsgDataStore, m *oaMsgData, in *oaCommentReq, list []*oaComment) (any, error)) (any, error) {
	var in oaCommentReq
	if err := r.Decode(&in); err != nil {
		return nil, err
	}
	ms := oaMsgDatas(r.State())
	ms.mu.Lock()
	defer ms.mu.Unlock()
	m, err := ms.article(in.MsgDataID, in.Index)
	if err != nil {
		return nil, err
	}
	return fn(ms, m, &in, ms.commentStore().comments[[2]int64{in.MsgDataID, int64(in.Index)}])
}

// withComment runs fn on the comment of the request.
func withComment(r *Request, fn func(list []*oaComment, c *oaComment, in *oaCommentReq) *Error) (any, error) {
	return withComments(r, func(_ *oaMsgDataStore, _ *oaMsgData, in *oaCommentReq, list []*oaComment) (any, error) {
		for _, c := range list {
			if c.id == in.UserCommentID {
				if c.deleted {
					return nil, ErrCode(CodeCommentDeleted)
				}
				if err := fn(list, c, in); err != nil {
					return nil, err
				}
				return nil, nil
			}
		}
		return nil, ErrCode(CodeCommentNotExist)
	})
}

func registerOAComment(s *Server) {
	setOpen := func(open bool) JSONHandler {
		return func(r *Request) (any, error) {
			return withComments(r, func(_ *oaMsgDataStore, m *oaMsgData, in *oaCommentReq, _ []*oaComment) (any, error) {
				m.commentOpen[in.Index] = open
				return nil, nil
			})
		}
	}
	s.HandleJSON("POST /cgi-bin/comment/open", setOpen(true))
	s.HandleJSON("POST /cgi-bin/comment/close", setOpen(false))

	s.HandleJSON("POST /cgi-bin/comment/list", func(r *Request) (any, error) {
		return withComments(r, func(_ *oaMsgDataStore, _ *oaMsgData, in *oaCommentReq, list []*oaComment) (any, error) {
			if in.Count <= 0 || in.Count > 50 {
				return nil, ErrCode(CodeCommentCountRange)
			}
			if in.Type < 0 || in.Type > 2 || in.Begin < 0 {
				return nil, ErrCode(CodeInvalidArgs)
			}
			var match []M
			for _, c := range list {
				if c.deleted || (in.Type == 1 && c.elected) || (in.Type == 2 && !c.elected) {
					continue
				}
				ct := 0
				if c.elected {
					ct = 1
				}
				e := M{"user_comment_id": c.id, "openid": c.openid, "create_time": c.created, "content": c.content, "comment_type": ct}
				if c.reply != "" {
					e["reply"] = M{"content": c.reply, "create_time": c.replyTime}
				}
				match = append(match, e)
			}
			page := []M{}
			if in.Begin < len(match) {
				page = match[in.Begin:min(in.Begin+in.Count, len(match))]
			}
			return OK(M{"total": len(match), "comment": page}), nil
		})
	})

	s.HandleJSON("POST /cgi-bin/comment/markelect", func(r *Request) (any, error) {
		return withComment(r, func(list []*oaComment, c *oaComment, _ *oaCommentReq) *Error {
			n := 0
			for _, x := range list {
				if x.elected && !x.deleted {
					n++
				}
			}
			if !c.elected && n >= oaMaxElected {
				return ErrCode(CodeElectedLimit)
			}
			c.elected = true
			return nil
		})
	})
	s.HandleJSON("POST /cgi-bin/comment/unmarkelect", func(r *Request) (any, error) {
		return withComment(r, func(_ []*oaComment, c *oaComment, _ *oaCommentReq) *Error {
			c.elected = false
			return nil
		})
	})
	s.HandleJSON("POST /cgi-bin/comment/delete", func(r *Request) (any, error) {
		return withComment(r, func(_ []*oaComment, c *oaComment, _ *oaCommentReq) *Error {
			c.deleted = true
			return nil
		})
	})
	s.HandleJSON("POST /cgi-bin/comment/reply/add", func(r *Request) (any, error) {
		return withComment(r, func(_ []*oaComment, c *oaComment, in *oaCommentReq) *Error {
			if in.Content == "" || utf8.RuneCountInString(in.Content) > oaMaxReplyRunes {
				return ErrCode(CodeReplyContentLength)
			}
			if c.reply != "" {
				return ErrCode(CodeAlreadyReplied)
			}
			c.reply, c.replyTime = in.Content, r.Now().Unix()
			return nil
		})
	})
	s.HandleJSON("POST /cgi-bin/comment/reply/delete", func(r *Request) (any, error) {
		return withComment(r, func(_ []*oaComment, c *oaComment, _ *oaCommentReq) *Error {
			if c.reply == "" {
				return Errorf(CodeInvalidArgs, "invalid args: comment has no reply")
			}
			c.reply, c.replyTime = "", 0
			return nil
		})
	})
}
