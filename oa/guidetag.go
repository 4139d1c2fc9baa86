package oa

import "context"

// GuideTagOption is a buyer tag and its values.
type GuideTagOption struct {
	Name   string   `json:"tag_name"`
	Values []string `json:"tag_values"`
}

func checkTagOption(name string, values []string) error {
	if name == "" {
		return invalidArg("tag_name", "empty")
	}
	if len(values) == 0 {
		return invalidArg("tag_values", "no value given")
	}
	return nil
}

// NewGuideTagOption creates a buyer tag with its values.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.newGuideTagOption.html
func (s *GuideService) NewGuideTagOption(ctx context.Context, name string, values []string) error {
	if err := checkTagOption(name, values); err != nil {
		return err
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/newguidetagoption", nil, GuideTagOption{name, values})
	return err
}

// AddGuideTagValues adds values to a buyer tag.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.addGuideTagOption.html
func (s *GuideService) AddGuideTagValues(ctx context.Context, name string, values []string) error {
	if err := checkTagOption(name, values); err != nil {
		return err
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/addguidetagoption", nil, GuideTagOption{name, values})
	return err
}

// DeleteGuideTagOption deletes a buyer tag.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.delGuideTagOption.html
func (s *GuideService) DeleteGuideTagOption(ctx context.Context, name string) error {
	if name == "" {
		return invalidArg("tag_name", "empty")
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/delguidetagoption", nil, map[string]string{"tag_name": name})
	return err
}

// GuideTagOptions returns every buyer tag.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.getGuideTagOption.html
func (s *GuideService) GuideTagOptions(ctx context.Context) ([]GuideTagOption, error) {
	out, err := guideDo[struct {
		Options []GuideTagOption `json:"options"`
	}](ctx, s, "/cgi-bin/guide/getguidetagoption", nil, struct{}{})
	if err != nil {
		return nil, err
	}
	return out.Options, nil
}

type guideBuyerTagBody struct {
	GuideRef
	TagValue string   `json:"tag_value"`
	OpenIDs  []string `json:"openid_list"`
}

// TagGuideBuyers gives the tag value to up to 200 buyers of a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.addGuideBuyerTag.html
func (s *GuideService) TagGuideBuyers(ctx context.Context, ref GuideRef, value string, openIDs []string) ([]GuideBuyerResult, error) {
	if value == "" {
		return nil, invalidArg("tag_value", "empty")
	}
	return s.buyersCall(ctx, "/cgi-bin/guide/addguidebuyertag", ref, guideBuyerTagBody{ref, value, openIDs}, len(openIDs))
}

// UntagGuideBuyers removes the tag value from up to 200 buyers of a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.delGuideBuyerTag.html
func (s *GuideService) UntagGuideBuyers(ctx context.Context, ref GuideRef, value string, openIDs []string) ([]GuideBuyerResult, error) {
	if value == "" {
		return nil, invalidArg("tag_value", "empty")
	}
	return s.buyersCall(ctx, "/cgi-bin/guide/delguidebuyertag", ref, guideBuyerTagBody{ref, value, openIDs}, len(openIDs))
}

type guideBuyerBody struct {
	GuideRef
	OpenID string `json:"openid"`
}

// GuideBuyerTags returns the tag values of a buyer of a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.getGuideBuyerTag.html
func (s *GuideService) GuideBuyerTags(ctx context.Context, ref GuideRef, openID string) ([]string, error) {
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	out, err := guideDo[struct {
		Values []string `json:"tag_values"`
	}](ctx, s, "/cgi-bin/guide/getguidebuyertag", &ref, guideBuyerBody{ref, openID})
	if err != nil {
		return nil, err
	}
	return out.Values, nil
}

// GuideBuyersByTag returns the buyers of a guide holding every tag value of
// values; pushCount filters on the mass messages received this month (0 for
// any).
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.queryGuideBuyerByTag.html
func (s *GuideService) GuideBuyersByTag(ctx context.Context, ref GuideRef, pushCount int, values []string) ([]string, error) {
	if len(values) == 0 {
		return nil, invalidArg("tag_values", "no value given")
	}
	out, err := guideDo[struct {
		OpenIDs []string `json:"openid_list"`
	}](ctx, s, "/cgi-bin/guide/queryguidebuyerbytag", &ref, struct {
		GuideRef
		PushCount int      `json:"push_count,omitempty"`
		Values    []string `json:"tag_values"`
	}{ref, pushCount, values})
	if err != nil {
		return nil, err
	}
	return out.OpenIDs, nil
}

// AddGuideBuyerDisplayTags sets the custom display tags of a buyer.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.addGuideBuyerDisplayTag.html
func (s *GuideService) AddGuideBuyerDisplayTags(ctx context.Context, ref GuideRef, openID string, tags []string) error {
	if err := requireOpenID(openID); err != nil {
		return err
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/addguidebuyerdisplaytag", &ref, struct {
		guideBuyerBody
		Tags []string `json:"display_tag_list"`
	}{guideBuyerBody{ref, openID}, tags})
	return err
}

// GuideBuyerDisplayTags returns the custom display tags of a buyer.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/tag-account/shopping-guide.getGuideBuyerDisplayTag.html
func (s *GuideService) GuideBuyerDisplayTags(ctx context.Context, ref GuideRef, openID string) ([]string, error) {
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	out, err := guideDo[struct {
		Tags []string `json:"display_tag_list"`
	}](ctx, s, "/cgi-bin/guide/getguidebuyerdisplaytag", &ref, guideBuyerBody{ref, openID})
	if err != nil {
		return nil, err
	}
	return out.Tags, nil
}
