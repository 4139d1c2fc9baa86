package oa

import "context"

// GuideGroup is a group of guides.
type GuideGroup struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	CreateTime int64  `json:"create_time"`
	UpdateTime int64  `json:"update_time"`
}

// NewGuideGroup creates a group of guides and returns its id.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.newGuideGroup.html
func (s *GuideService) NewGuideGroup(ctx context.Context, name string) (int64, error) {
	if name == "" {
		return 0, invalidArg("group_name", "empty")
	}
	out, err := guideDo[struct {
		GroupID int64 `json:"group_id"`
	}](ctx, s, "/cgi-bin/guide/newguidegroup", nil, map[string]string{"group_name": name})
	if err != nil {
		return 0, err
	}
	return out.GroupID, nil
}

// GuideGroups returns every group of guides.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGuideGroupList.html
func (s *GuideService) GuideGroups(ctx context.Context) ([]GuideGroup, error) {
	out, err := guideDo[struct {
		List []GuideGroup `json:"group_list"`
	}](ctx, s, "/cgi-bin/guide/getguidegrouplist", nil, struct{}{})
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// GuideGroupInfo returns page (from 0) of num (1..100) guides of a group.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGroupInfo.html
func (s *GuideService) GuideGroupInfo(ctx context.Context, groupID int64, page, num int) (*GuidePage, error) {
	if err := checkGuidePage(page, num); err != nil {
		return nil, err
	}
	out, err := guideDo[struct {
		TotalNum int     `json:"total_num"`
		List     []Guide `json:"guide_list"`
	}](ctx, s, "/cgi-bin/guide/getgroupinfo", nil, struct {
		GroupID int64 `json:"group_id"`
		guidePageBody
	}{groupID, guidePageBody{page, num}})
	if err != nil {
		return nil, err
	}
	return &GuidePage{TotalNum: out.TotalNum, List: out.List}, nil
}

type guideGroupMemberBody struct {
	GroupID int64  `json:"group_id"`
	Account string `json:"guide_account"`
}

// AddGuideToGroup puts the guide guideAccount in a group.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.addGuide2GuideGroup.html
func (s *GuideService) AddGuideToGroup(ctx context.Context, groupID int64, guideAccount string) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/addguide2guidegroup", &GuideRef{Account: guideAccount}, guideGroupMemberBody{groupID, guideAccount})
	return err
}

// RemoveGuideFromGroup takes the guide guideAccount out of a group.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.delGuide2GuideGroup.html
func (s *GuideService) RemoveGuideFromGroup(ctx context.Context, groupID int64, guideAccount string) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/delguide2guidegroup", &GuideRef{Account: guideAccount}, guideGroupMemberBody{groupID, guideAccount})
	return err
}

// GroupsOfGuide returns the ids of the groups of the guide guideAccount.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGroupByGuide.html
func (s *GuideService) GroupsOfGuide(ctx context.Context, guideAccount string) ([]int64, error) {
	out, err := guideDo[struct {
		IDs []int64 `json:"group_id_list"`
	}](ctx, s, "/cgi-bin/guide/getgroupbyguide", &GuideRef{Account: guideAccount}, map[string]string{"guide_account": guideAccount})
	if err != nil {
		return nil, err
	}
	return out.IDs, nil
}

// DeleteGuideGroup deletes a group of guides.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.delGuideGroup.html
func (s *GuideService) DeleteGuideGroup(ctx context.Context, groupID int64) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/delguidegroup", nil, map[string]int64{"group_id": groupID})
	return err
}
