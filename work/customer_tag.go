package work

import (
	"context"

	wechat "github.com/weixin-go/wechat"
)

var (
	customerTagList         = epPost("/cgi-bin/externalcontact/get_corp_tag_list")
	customerTagAdd          = epPost("/cgi-bin/externalcontact/add_corp_tag")
	customerTagEdit         = epPost("/cgi-bin/externalcontact/edit_corp_tag")
	customerTagDel          = epPost("/cgi-bin/externalcontact/del_corp_tag")
	customerStrategyTagList = epPost("/cgi-bin/externalcontact/get_strategy_tag_list")
	customerStrategyTagAdd  = epPost("/cgi-bin/externalcontact/add_strategy_tag")
	customerStrategyTagEdit = epPost("/cgi-bin/externalcontact/edit_strategy_tag")
	customerStrategyTagDel  = epPost("/cgi-bin/externalcontact/del_strategy_tag")
	customerTagMark         = epPost("/cgi-bin/externalcontact/mark_tag")
)

// CustomerTag is one customer tag of a group.
type CustomerTag struct {
	ID         string `json:"id,omitempty"`
	Name       string `json:"name"`
	CreateTime int64  `json:"create_time,omitempty"`
	Order      int    `json:"order,omitempty"`
	Deleted    bool   `json:"deleted,omitempty"`
}

// CustomerTagGroup is a tag group and its tags. To add tags to an existing
// group set GroupID; to create a group set GroupName.
type CustomerTagGroup struct {
	GroupID    string        `json:"group_id,omitempty"`
	GroupName  string        `json:"group_name,omitempty"`
	CreateTime int64         `json:"create_time,omitempty"`
	Order      int           `json:"order,omitempty"`
	Deleted    bool          `json:"deleted,omitempty"`
	StrategyID int64         `json:"strategy_id,omitempty"`
	Tags       []CustomerTag `json:"tag"`
}

// TagEdit renames or reorders a tag or a tag group (ID is either).
type TagEdit struct {
	ID    string `json:"id"`
	Name  string `json:"name,omitempty"`
	Order *int   `json:"order,omitempty"`
}

type tagFilter struct {
	StrategyID int64    `json:"strategy_id,omitempty"`
	TagID      []string `json:"tag_id,omitempty"`
	GroupID    []string `json:"group_id,omitempty"`
}

type tagGroupsAnswer struct {
	TagGroup []CustomerTagGroup `json:"tag_group"`
}

func (s *CustomerTagService) list(ctx context.Context, ep wechat.Endpoint, f tagFilter) ([]CustomerTagGroup, error) {
	out, err := callB[tagGroupsAnswer](ctx, s.c, ep, nil, f)
	if err != nil {
		return nil, err
	}
	return out.TagGroup, nil
}

func (s *CustomerTagService) add(ctx context.Context, ep wechat.Endpoint, g *CustomerTagGroup) (*CustomerTagGroup, error) {
	if g == nil || len(g.Tags) == 0 {
		return nil, paramErr("tag", "at least one tag")
	}
	if g.GroupID == "" && g.GroupName == "" {
		return nil, paramErr("group_name", "group_id or group_name required")
	}
	for _, t := range g.Tags {
		if t.Name == "" {
			return nil, paramErr("tag.name", "required")
		}
	}
	body := struct {
		*CustomerTagGroup
		AgentID int64 `json:"agentid,omitempty"`
	}{g, s.agent.ID}
	out, err := callB[struct {
		TagGroup CustomerTagGroup `json:"tag_group"`
	}](ctx, s.c, ep, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.TagGroup, nil
}

func (s *CustomerTagService) edit(ctx context.Context, ep wechat.Endpoint, e *TagEdit) error {
	if e == nil || e.ID == "" {
		return paramErr("id", "required")
	}
	body := struct {
		*TagEdit
		AgentID int64 `json:"agentid,omitempty"`
	}{e, s.agent.ID}
	return s.c.Do(ctx, ep, nil, body, nil)
}

func (s *CustomerTagService) del(ctx context.Context, ep wechat.Endpoint, tagIDs, groupIDs []string) error {
	if len(tagIDs) == 0 && len(groupIDs) == 0 {
		return paramErr("tag_id", "tag ids or group ids required")
	}
	body := struct {
		TagID   []string `json:"tag_id,omitempty"`
		GroupID []string `json:"group_id,omitempty"`
		AgentID int64    `json:"agentid,omitempty"`
	}{tagIDs, groupIDs, s.agent.ID}
	return s.c.Do(ctx, ep, nil, body, nil)
}

// CorpTags returns the corp's customer tags: all of them, or those of
// tagIDs and of the groups groupIDs.
// https://developer.work.weixin.qq.com/document/path/92117
func (s *CustomerTagService) CorpTags(ctx context.Context, tagIDs, groupIDs []string) ([]CustomerTagGroup, error) {
	return s.list(ctx, customerTagList, tagFilter{TagID: tagIDs, GroupID: groupIDs})
}

// AddCorpTags adds tags to a group, creating the group when g has no
// GroupID, and returns the group with the new tags' ids.
// https://developer.work.weixin.qq.com/document/path/92117
func (s *CustomerTagService) AddCorpTags(ctx context.Context, g *CustomerTagGroup) (*CustomerTagGroup, error) {
	return s.add(ctx, customerTagAdd, g)
}

// EditCorpTag renames or reorders a corp tag or tag group.
// https://developer.work.weixin.qq.com/document/path/92117
func (s *CustomerTagService) EditCorpTag(ctx context.Context, e *TagEdit) error {
	return s.edit(ctx, customerTagEdit, e)
}

// DeleteCorpTags deletes corp tags and whole tag groups.
// https://developer.work.weixin.qq.com/document/path/92117
func (s *CustomerTagService) DeleteCorpTags(ctx context.Context, tagIDs, groupIDs []string) error {
	return s.del(ctx, customerTagDel, tagIDs, groupIDs)
}

// StrategyTags returns the tags of a customer-contact rule group (0 for
// all), filtered as in CorpTags.
// https://developer.work.weixin.qq.com/document/path/94882
func (s *CustomerTagService) StrategyTags(ctx context.Context, strategyID int64, tagIDs, groupIDs []string) ([]CustomerTagGroup, error) {
	return s.list(ctx, customerStrategyTagList, tagFilter{strategyID, tagIDs, groupIDs})
}

// AddStrategyTags adds tags to a rule group's tag group (g.StrategyID is
// required).
// https://developer.work.weixin.qq.com/document/path/94882
func (s *CustomerTagService) AddStrategyTags(ctx context.Context, g *CustomerTagGroup) (*CustomerTagGroup, error) {
	if g == nil || g.StrategyID == 0 {
		return nil, paramErr("strategy_id", "required")
	}
	return s.add(ctx, customerStrategyTagAdd, g)
}

// EditStrategyTag renames or reorders a rule group's tag or tag group.
// https://developer.work.weixin.qq.com/document/path/94882
func (s *CustomerTagService) EditStrategyTag(ctx context.Context, e *TagEdit) error {
	return s.edit(ctx, customerStrategyTagEdit, e)
}

// DeleteStrategyTags deletes rule-group tags and tag groups.
// https://developer.work.weixin.qq.com/document/path/94882
func (s *CustomerTagService) DeleteStrategyTags(ctx context.Context, tagIDs, groupIDs []string) error {
	return s.del(ctx, customerStrategyTagDel, tagIDs, groupIDs)
}

// Mark adds and removes tags of a customer, as seen by member userID.
// https://developer.work.weixin.qq.com/document/path/92118
func (s *CustomerTagService) Mark(ctx context.Context, userID, externalUserID string, add, remove []string) error {
	if err := needB("userid", userID, "external_userid", externalUserID); err != nil {
		return err
	}
	if len(add) == 0 && len(remove) == 0 {
		return paramErr("add_tag", "tags to add or remove required")
	}
	body := struct {
		UserID         string   `json:"userid"`
		ExternalUserID string   `json:"external_userid"`
		AddTag         []string `json:"add_tag,omitempty"`
		RemoveTag      []string `json:"remove_tag,omitempty"`
	}{userID, externalUserID, add, remove}
	return s.c.Do(ctx, customerTagMark, nil, body, nil)
}
