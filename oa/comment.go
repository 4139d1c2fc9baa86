package oa

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	commentOpen        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/comment/open"}
	commentClose       = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/comment/close"}
	commentList        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/comment/list"}
	commentMarkElect   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/comment/markelect"}
	commentUnmarkElect = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/comment/unmarkelect"}
	commentDelete      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/comment/delete"}
	commentReplyAdd    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/comment/reply/add"}
	commentReplyDelete = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/comment/reply/delete"}
)

// maxCommentPageSize is the largest count of comment/list.
const maxCommentPageSize = 50

// CommentType selects the comments a list returns.
type CommentType int

// Comment list filters.
const (
	CommentsAll      CommentType = 0 // 普通评论和精选评论
	CommentsNormal   CommentType = 1 // 普通评论
	CommentsElected  CommentType = 2 // 精选评论
	maxCommentFilter             = CommentsElected
)

// CommentArticle names an article of a sent message: the msg_data_id of a
// mass send or a publication, and the article's index in it (0 for the
// first). MsgDataID comes from MassSendResult or PublishJob as it is.
type CommentArticle struct {
	MsgDataID wechat.FlexID `json:"msg_data_id"`
	Index     int           `json:"index"`
}

// commentWire is CommentArticle as the comment endpoints take it:
// msg_data_id as a number.
type commentWire struct {
	MsgDataID json.Number `json:"msg_data_id"`
	Index     int         `json:"index"`
}

func (a CommentArticle) check() error {
	switch n, err := a.MsgDataID.Int64(); {
	case err != nil || n <= 0:
		return invalidArg("msg_data_id", "must be a positive integer")
	case a.Index < 0:
		return invalidArg("index", "negative")
	}
	return nil
}

func (a CommentArticle) wire() commentWire { return commentWire{a.MsgDataID.Number(), a.Index} }

// Comment is a user's comment on an article.
type Comment struct {
	UserCommentID int64  `json:"user_comment_id"`
	OpenID        string `json:"openid"`
	CreateTime    int64  `json:"create_time"` // unix seconds
	Content       string `json:"content"`
	// CommentType is 1 for an elected (精选) comment, 0 otherwise.
	CommentType int `json:"comment_type"`
	// Reply is the account's reply, if any.
	Reply *CommentReply `json:"reply,omitempty"`
}

// Elected reports whether the comment is elected (精选).
func (c *Comment) Elected() bool { return c.CommentType == 1 }

// CommentReply is the account's reply to a comment.
type CommentReply struct {
	Content    string `json:"content"`
	CreateTime int64  `json:"create_time"`
}

// CommentList is one page of an article's comments.
type CommentList struct {
	// Total is the number of comments of the requested type.
	Total    int       `json:"total"`
	Comments []Comment `json:"comment"`
}

type commentBody struct {
	commentWire
	UserCommentID int64  `json:"user_comment_id"`
	Content       string `json:"content,omitempty"`
}

// onComment calls ep about comment userCommentID of article a.
func (s *CommentService) onComment(ctx context.Context, ep wechat.Endpoint, a CommentArticle, userCommentID int64, content string) error {
	if err := a.check(); err != nil {
		return err
	}
	if userCommentID <= 0 {
		return invalidArg("user_comment_id", "must be positive")
	}
	return s.c.Do(ctx, ep, nil, commentBody{a.wire(), userCommentID, content}, nil)
}

func (s *CommentService) onArticle(ctx context.Context, ep wechat.Endpoint, a CommentArticle) error {
	if err := a.check(); err != nil {
		return err
	}
	return s.c.Do(ctx, ep, nil, a.wire(), nil)
}

// Open opens comments on an article.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) Open(ctx context.Context, a CommentArticle) error {
	return s.onArticle(ctx, commentOpen, a)
}

// Close closes comments on an article.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) Close(ctx context.Context, a CommentArticle) error {
	return s.onArticle(ctx, commentClose, a)
}

// List returns one page of the comments of typ on an article, from begin,
// count (1 to 50) at most.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) List(ctx context.Context, a CommentArticle, typ CommentType, begin, count int) (*CommentList, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	switch {
	case typ < CommentsAll || typ > maxCommentFilter:
		return nil, invalidArg("type", fmt.Sprintf("%d is not in 0..2", typ))
	case count < 1 || count > maxCommentPageSize:
		return nil, invalidArg("count", fmt.Sprintf("%d is not in 1..%d", count, maxCommentPageSize))
	case begin < 0:
		return nil, invalidArg("begin", "negative")
	}
	return call[CommentList](ctx, s.c, commentList, nil, struct {
		commentWire
		Begin int         `json:"begin"`
		Count int         `json:"count"`
		Type  CommentType `json:"type"`
	}{a.wire(), begin, count, typ})
}

// All iterates over every comment of typ on an article, fetching pages of
// pageSize (1 to 50; 0 means 50) as the loop goes. The first error is
// yielded and ends the iteration.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) All(ctx context.Context, a CommentArticle, typ CommentType, pageSize int) iter.Seq2[Comment, error] {
	if pageSize == 0 {
		pageSize = maxCommentPageSize
	}
	return wechat.OffsetPages(ctx, pageSize, func(ctx context.Context, offset, count int) ([]Comment, int, error) {
		p, err := s.List(ctx, a, typ, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.Comments, p.Total, nil
	})
}

// MarkElect elects (精选) a comment.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) MarkElect(ctx context.Context, a CommentArticle, userCommentID int64) error {
	return s.onComment(ctx, commentMarkElect, a, userCommentID, "")
}

// UnmarkElect removes a comment from the elected ones.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) UnmarkElect(ctx context.Context, a CommentArticle, userCommentID int64) error {
	return s.onComment(ctx, commentUnmarkElect, a, userCommentID, "")
}

// Delete deletes a comment.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) Delete(ctx context.Context, a CommentArticle, userCommentID int64) error {
	return s.onComment(ctx, commentDelete, a, userCommentID, "")
}

// Reply replies to a comment; a comment takes one reply.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) Reply(ctx context.Context, a CommentArticle, userCommentID int64, content string) error {
	if content == "" {
		return invalidArg("content", "empty")
	}
	return s.onComment(ctx, commentReplyAdd, a, userCommentID, content)
}

// DeleteReply deletes the reply to a comment.
// https://developers.weixin.qq.com/doc/offiaccount/Comments_management/Image_Comments_Management_Interface.html
func (s *CommentService) DeleteReply(ctx context.Context, a CommentArticle, userCommentID int64) error {
	return s.onComment(ctx, commentReplyDelete, a, userCommentID, "")
}
