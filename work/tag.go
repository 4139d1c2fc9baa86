package work

import (
	"context"
	wechat "github.com/weixin-go/wechat"
	"net/url"
	"strconv"
)

var (
	tagCreate   = epPost("/cgi-bin/tag/create")
	tagUpdate   = epPost("/cgi-bin/tag/update")
	tagDelete   = epGet("/cgi-bin/tag/delete")
	tagGet      = epGet("/cgi-bin/tag/get")
	tagAddUsers = epPost("/cgi-bin/tag/addtagusers")
	tagDelUsers = epPost("/cgi-bin/tag/deltagusers")
	tagList     = epGet("/cgi-bin/tag/list")
)

// Tag is an address-book tag.
type Tag struct {
	TagID   int64  `json:"tagid"`
	TagName string `json:"tagname"`
}

// TagMembers are the members and departments with a tag.
type TagMembers struct {
	TagName  string       `json:"tagname"`
	UserList []SimpleUser `json:"userlist"`
	// PartyList holds department ids.
	PartyList []int64 `json:"partylist"`
}

// TagUsersResult lists what could not be tagged or untagged; InvalidList is
// "|"-joined userids, as WeCom sends them.
type TagUsersResult struct {
	InvalidList  string  `json:"invalidlist,omitempty"`
	InvalidParty []int64 `json:"invalidparty,omitempty"`
}

// InvalidUsers returns InvalidList split into userids.
func (r *TagUsersResult) InvalidUsers() []string { return splitBar(r.InvalidList) }

func checkTagName(name string) error {
	if name == "" || len([]rune(name)) > 32 {
		return paramErr("tagname", "want 1 to 32 characters")
	}
	return nil
}

// Create adds a tag and returns its id; id 0 lets WeCom choose it.
// https://developer.work.weixin.qq.com/document/path/90210
func (s *TagService) Create(ctx context.Context, name string, id int64) (int64, error) {
	if err := checkTagName(name); err != nil {
		return 0, err
	}
	body := struct {
		TagName string `json:"tagname"`
		TagID   int64  `json:"tagid,omitempty"`
	}{name, id}
	out, err := callB[struct {
		TagID int64 `json:"tagid"`
	}](ctx, s.c, tagCreate, nil, body)
	if err != nil {
		return 0, err
	}
	return out.TagID, nil
}

// Update renames a tag.
// https://developer.work.weixin.qq.com/document/path/90211
func (s *TagService) Update(ctx context.Context, id int64, name string) error {
	if err := checkTagName(name); err != nil {
		return err
	}
	return s.c.Do(ctx, tagUpdate, nil, Tag{TagID: id, TagName: name}, nil)
}

func tagQuery(id int64) url.Values { return url.Values{"tagid": {strconv.FormatInt(id, 10)}} }

// Delete removes a tag.
// https://developer.work.weixin.qq.com/document/path/90212
func (s *TagService) Delete(ctx context.Context, id int64) error {
	return s.c.Do(ctx, tagDelete, tagQuery(id), nil, nil)
}

// Members returns the members and departments with a tag.
// https://developer.work.weixin.qq.com/document/path/90213
func (s *TagService) Members(ctx context.Context, id int64) (*TagMembers, error) {
	return callB[TagMembers](ctx, s.c, tagGet, tagQuery(id), nil)
}

type tagUsersBody struct {
	TagID     int64    `json:"tagid"`
	UserList  []string `json:"userlist,omitempty"`
	PartyList []int64  `json:"partylist,omitempty"`
}

func (s *TagService) tagUsers(ctx context.Context, ep wechat.Endpoint, id int64, userIDs []string, partyIDs []int64) (*TagUsersResult, error) {
	if len(userIDs)+len(partyIDs) == 0 {
		return nil, paramErr("userlist", "no user or department given")
	}
	if len(userIDs) > 1000 || len(partyIDs) > 100 {
		return nil, paramErr("userlist", "at most 1000 users and 100 departments per call")
	}
	return callB[TagUsersResult](ctx, s.c, ep, nil, tagUsersBody{id, userIDs, partyIDs})
}

// AddUsers tags members and departments. Some may be rejected: they are
// listed in the result.
// https://developer.work.weixin.qq.com/document/path/90214
func (s *TagService) AddUsers(ctx context.Context, id int64, userIDs []string, partyIDs []int64) (*TagUsersResult, error) {
	return s.tagUsers(ctx, tagAddUsers, id, userIDs, partyIDs)
}

// DeleteUsers untags members and departments.
// https://developer.work.weixin.qq.com/document/path/90215
func (s *TagService) DeleteUsers(ctx context.Context, id int64, userIDs []string, partyIDs []int64) (*TagUsersResult, error) {
	return s.tagUsers(ctx, tagDelUsers, id, userIDs, partyIDs)
}

// List returns the tags.
// https://developer.work.weixin.qq.com/document/path/90216
func (s *TagService) List(ctx context.Context) ([]Tag, error) {
	out, err := callB[struct {
		TagList []Tag `json:"taglist"`
	}](ctx, s.c, tagList, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.TagList, nil
}
