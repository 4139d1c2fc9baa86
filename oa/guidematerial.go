package oa

import "context"

// Guide material types: the material of one guide or of every guide.
const (
	GuideMaterialGuide   = 0
	GuideMaterialAccount = 1
)

// GuideCard is a mini program card material.
type GuideCard struct {
	Title      string `json:"title"`
	AppID      string `json:"appid"`
	Path       string `json:"path"`
	MediaID    string `json:"media_id,omitempty"`
	PicURL     string `json:"picurl,omitempty"`
	MasterID   int64  `json:"master_id,omitempty"`
	MasterType int    `json:"master_type,omitempty"`
}

type guideMaterialBody struct {
	GuideRef
	Type int `json:"type"`
}

func checkGuideCard(c *GuideCard) error {
	if c.Title == "" || c.AppID == "" || c.Path == "" {
		return invalidArg("title", "title, appid and path are required")
	}
	return nil
}

// SetGuideCardMaterial adds a mini program card; card.MediaID is the cover
// (a permanent image).
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.setGuideCardMaterial.html
func (s *GuideService) SetGuideCardMaterial(ctx context.Context, typ int, card GuideCard) error {
	if err := checkGuideCard(&card); err != nil {
		return err
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/setguidecardmaterial", nil, struct {
		Type int `json:"type"`
		GuideCard
	}{typ, card})
	return err
}

// GuideCardMaterials returns the mini program cards of typ.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.getGuideCardMaterial.html
func (s *GuideService) GuideCardMaterials(ctx context.Context, typ int) ([]GuideCard, error) {
	out, err := guideDo[struct {
		List []GuideCard `json:"card_list"`
	}](ctx, s, "/cgi-bin/guide/getguidecardmaterial", nil, guideMaterialBody{Type: typ})
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// DeleteGuideCardMaterial deletes a mini program card.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.delGuideCardMaterial.html
func (s *GuideService) DeleteGuideCardMaterial(ctx context.Context, typ int, card GuideCard) error {
	if err := checkGuideCard(&card); err != nil {
		return err
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/delguidecardmaterial", nil, struct {
		Type  int    `json:"type"`
		Title string `json:"title"`
		Path  string `json:"path"`
		AppID string `json:"appid"`
	}{typ, card.Title, card.Path, card.AppID})
	return err
}

// GuideMaterialItem is an image (PicURL) or a word (Word) material.
type GuideMaterialItem struct {
	PicURL     string `json:"picurl,omitempty"`
	Word       string `json:"word,omitempty"`
	CreateTime int64  `json:"create_time,omitempty"`
}

// GuideMaterialPage is one page of image or word material.
type GuideMaterialPage struct {
	TotalNum int                 `json:"total_num"`
	Images   []GuideMaterialItem `json:"model_list,omitempty"`
	Words    []GuideMaterialItem `json:"word_list,omitempty"`
}

// SetGuideImageMaterial adds an image (the media id of a permanent image).
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.setGuideImageMaterial.html
func (s *GuideService) SetGuideImageMaterial(ctx context.Context, typ int, mediaID string) error {
	if mediaID == "" {
		return invalidArg("media_id", "empty")
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/setguideimagematerial", nil, struct {
		Type    int    `json:"type"`
		MediaID string `json:"media_id"`
	}{typ, mediaID})
	return err
}

type guideMaterialPageBody struct {
	Type  int `json:"type"`
	Start int `json:"start"`
	Num   int `json:"num"`
}

// GuideImageMaterials returns num (1..100) images of typ from start.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.getGuideImageMaterial.html
func (s *GuideService) GuideImageMaterials(ctx context.Context, typ, start, num int) (*GuideMaterialPage, error) {
	if err := checkGuidePage(start, num); err != nil {
		return nil, err
	}
	return guideDo[GuideMaterialPage](ctx, s, "/cgi-bin/guide/getguideimagematerial", nil, guideMaterialPageBody{typ, start, num})
}

// DeleteGuideImageMaterial deletes the image at picURL.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.delGuideImageMaterial.html
func (s *GuideService) DeleteGuideImageMaterial(ctx context.Context, typ int, picURL string) error {
	if picURL == "" {
		return invalidArg("picurl", "empty")
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/delguideimagematerial", nil, struct {
		Type   int    `json:"type"`
		PicURL string `json:"picurl"`
	}{typ, picURL})
	return err
}

type guideWordBody struct {
	Type int    `json:"type"`
	Word string `json:"word"`
}

// SetGuideWordMaterial adds a word material (at most 300 characters).
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.setGuideWordMaterial.html
func (s *GuideService) SetGuideWordMaterial(ctx context.Context, typ int, word string) error {
	if word == "" {
		return invalidArg("word", "empty")
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/setguidewordmaterial", nil, guideWordBody{typ, word})
	return err
}

// GuideWordMaterials returns num (1..100) words of typ from start.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.getGuideWordMaterial.html
func (s *GuideService) GuideWordMaterials(ctx context.Context, typ, start, num int) (*GuideMaterialPage, error) {
	if err := checkGuidePage(start, num); err != nil {
		return nil, err
	}
	return guideDo[GuideMaterialPage](ctx, s, "/cgi-bin/guide/getguidewordmaterial", nil, guideMaterialPageBody{typ, start, num})
}

// DeleteGuideWordMaterial deletes a word material.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/model-account/shopping-guide.delGuideWordMaterial.html
func (s *GuideService) DeleteGuideWordMaterial(ctx context.Context, typ int, word string) error {
	if word == "" {
		return invalidArg("word", "empty")
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/delguidewordmaterial", nil, guideWordBody{typ, word})
	return err
}
