package oa

import (
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	tagCreate     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/create"}
	tagGet        = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/tags/get"}
	tagUpdate     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/update"}
	tagDelete     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/delete"}
	tagUsers      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/user/tag/get"}
	tagBatchTag   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/members/batchtagging"}
	tagBatchUntag = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/members/batchuntagging"}
	tagIDList     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/getidlist"}
)

// Limits of the tag APIs.
const (
	MaxTagNameLen     = 30 // characters of a tag name
	MaxTaggingOpenIDs = 50 // openids per Tag / Untag call
)

// StarTagID is the built-in 星标组 tag; tags 0, 1 and 2 cannot be changed.
const StarTagID = 2

// Tag is a user tag.
type Tag struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	// Count is the number of followers with the tag (List only).
	Count int `json:"count,omitempty"`
}

type tagBody struct {
	Tag tagRef `json:"tag"`
}

type tagRef struct {
	ID   int    `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

func checkTagName(name string) error {
	if name == "" {
		return invalidArg("tag.name", "empty")
	}
	if len([]rune(name)) > MaxTagNameLen {
		return invalidArg("tag.name", "longer than 30 characters")
	}
	return nil
}

// Create creates a tag (100 at most per account) and returns it with its id.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) Create(ctx context.Context, name string) (*Tag, error) {
	if err := checkTagName(name); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Tag Tag `json:"tag"`
	}](ctx, s.c, tagCreate, nil, tagBody{tagRef{Name: name}})
	if err != nil {
		return nil, err
	}
	return &out.Tag, nil
}

// List returns every tag of the account with its follower count.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) List(ctx context.Context) ([]Tag, error) {
	out, err := call[struct {
		Tags []Tag `json:"tags"`
	}](ctx, s.c, tagGet, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Tags, nil
}

// Update renames a tag.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) Update(ctx context.Context, id int, name string) error {
	if err := checkTagName(name); err != nil {
		return err
	}
	return s.c.Do(ctx, tagUpdate, nil, tagBody{tagRef{ID: id, Name: name}}, nil)
}

// Delete deletes a tag (WeChat refuses tags of more than 100000 followers).
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) Delete(ctx context.Context, id int) error {
	body := struct {
		Tag struct {
			ID int `json:"id"`
		} `json:"tag"`
	}{}
	body.Tag.ID = id
	return s.c.Do(ctx, tagDelete, nil, body, nil)
}

// Users returns one page of the followers with the tag, starting after
// nextOpenID ("" for the first page).
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) Users(ctx context.Context, tagID int, nextOpenID string) (*OpenIDPage, error) {
	body := struct {
		TagID      int    `json:"tagid"`
		NextOpenID string `json:"next_openid,omitempty"`
	}{tagID, nextOpenID}
	return call[OpenIDPage](ctx, s.c, tagUsers, nil, body)
}

// AllUsers iterates over the openids of every follower with the tag.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) AllUsers(ctx context.Context, tagID int) iter.Seq2[string, error] {
	return openIDPages(ctx, func(ctx context.Context, cursor string) (*OpenIDPage, error) {
		return s.Users(ctx, tagID, cursor)
	})
}

type taggingBody struct {
	OpenIDList []string `json:"openid_list"`
	TagID      int      `json:"tagid"`
}

// Tag puts the tag on up to 50 followers (a user has 20 tags at most).
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) Tag(ctx context.Context, tagID int, openIDs []string) error {
	if err := checkOpenIDs("openid_list", openIDs, MaxTaggingOpenIDs); err != nil {
		return err
	}
	return s.c.Do(ctx, tagBatchTag, nil, taggingBody{openIDs, tagID}, nil)
}

// Untag removes the tag from up to 50 followers.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) Untag(ctx context.Context, tagID int, openIDs []string) error {
	if err := checkOpenIDs("openid_list", openIDs, MaxTaggingOpenIDs); err != nil {
		return err
	}
	return s.c.Do(ctx, tagBatchUntag, nil, taggingBody{openIDs, tagID}, nil)
}

// UserTags returns the ids of the tags of a follower.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
func (s *UserTagService) UserTags(ctx context.Context, openID string) ([]int, error) {
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	out, err := call[struct {
		TagIDList []int `json:"tagid_list"`
	}](ctx, s.c, tagIDList, nil, map[string]string{"openid": openID})
	if err != nil {
		return nil, err
	}
	return out.TagIDList, nil
}
