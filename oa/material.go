package oa

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	mediaUpload         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/media/upload"}
	mediaGet            = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/media/get"}
	mediaUploadImg      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/media/uploadimg"}
	mediaUploadNews     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/media/uploadnews"}
	mediaUploadVideo    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/media/uploadvideo"}
	materialAdd         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/material/add_material"}
	materialAddNews     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/material/add_news"}
	materialUpdateNews  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/material/update_news"}
	materialGet         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/material/get_material"}
	materialDelete      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/material/del_material"}
	materialCount       = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/material/get_materialcount"}
	materialBatchGet    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/material/batchget_material"}
	maxMaterialPageSize = 20
)

// MediaType is the type of a temporary media or permanent material.
type MediaType string

// Media and material types.
const (
	MediaImage MediaType = "image"
	MediaVoice MediaType = "voice"
	MediaVideo MediaType = "video"
	MediaThumb MediaType = "thumb"
	// MediaNews is only a type of permanent material lists (List, All).
	MediaNews MediaType = "news"
)

// UploadedMedia is the answer of a temporary media upload. Temporary media
// expire 3 days after CreatedAt.
type UploadedMedia struct {
	Type      MediaType `json:"type"`
	MediaID   string    `json:"media_id"`
	CreatedAt int64     `json:"created_at"` // unix seconds
}

// MediaDownload is a temporary media download. For a video WeChat answers
// a JSON document instead of the file: VideoURL is then its video_url, from
// which the file can be fetched with any HTTP client, and the stream holds
// that JSON document.
type MediaDownload struct {
	*wechat.Download
	VideoURL string
}

// Material is a permanent material just added. URL is set for images.
type Material struct {
	MediaID string `json:"media_id"`
	URL     string `json:"url,omitempty"`
}

// MaterialArticle is an article of a news material (permanent, or uploaded for
// mass sending).
type MaterialArticle struct {
	Title        string `json:"title"`
	ThumbMediaID string `json:"thumb_media_id"`
	Author       string `json:"author,omitempty"`
	// Digest is shown only for single-article news.
	Digest string `json:"digest,omitempty"`
	// ShowCoverPic is 1 to show the cover in the article body, 0 not to.
	ShowCoverPic int `json:"show_cover_pic"`
	// Content is the HTML body; scripts are removed. Images must be
	// uploaded with UploadImage.
	Content          string `json:"content"`
	ContentSourceURL string `json:"content_source_url,omitempty"`
	// NeedOpenComment (1) opens comments; OnlyFansCanComment (1) restricts
	// them to followers. UpdateNews does not send them.
	NeedOpenComment    int `json:"need_open_comment,omitempty"`
	OnlyFansCanComment int `json:"only_fans_can_comment,omitempty"`
	// URL is the article page, in answers only.
	URL string `json:"url,omitempty"`
}

// NewsMaterial is a permanent news material.
type NewsMaterial struct {
	NewsItem   []MaterialArticle `json:"news_item"`
	CreateTime int64             `json:"create_time,omitempty"`
	UpdateTime int64             `json:"update_time,omitempty"`
}

// VideoMaterial is a permanent video material; DownURL downloads it.
type VideoMaterial struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	DownURL     string `json:"down_url"`
}

// MaterialCount is the number of permanent materials of each type.
type MaterialCount struct {
	VoiceCount int `json:"voice_count"`
	VideoCount int `json:"video_count"`
	ImageCount int `json:"image_count"`
	NewsCount  int `json:"news_count"`
}

// MaterialItem is an entry of a material list. Content is set for news;
// Name and URL for the other types.
type MaterialItem struct {
	MediaID    string        `json:"media_id"`
	Name       string        `json:"name,omitempty"`
	URL        string        `json:"url,omitempty"`
	UpdateTime int64         `json:"update_time"`
	Content    *NewsMaterial `json:"content,omitempty"`
}

// MaterialList is one page of a material list.
type MaterialList struct {
	TotalCount int            `json:"total_count"`
	ItemCount  int            `json:"item_count"`
	Items      []MaterialItem `json:"item"`
}

type mediaIDBody struct {
	MediaID string `json:"media_id"`
}

func checkMediaType(t MediaType, allowed ...MediaType) error {
	for _, a := range allowed {
		if t == a {
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return argErr("type", fmt.Sprintf("%q is not one of %s", t, strings.Join(names, ", ")))
}

func checkUpload(filename string, r io.Reader) error {
	return wechat.UploadFile{Filename: filename, Content: r}.Check()
}

// UploadMedia uploads a temporary media (image, voice, video or thumb),
// streaming r; it expires after 3 days. filename's extension tells WeChat the
// format. The upload is retried after a token refresh only if r is an
// io.Seeker.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html
func (s *MaterialService) UploadMedia(ctx context.Context, typ MediaType, filename string, r io.Reader) (*UploadedMedia, error) {
	if err := checkMediaType(typ, MediaImage, MediaVoice, MediaVideo, MediaThumb); err != nil {
		return nil, err
	}
	if err := checkUpload(filename, r); err != nil {
		return nil, err
	}
	var out struct {
		UploadedMedia
		ThumbMediaID string `json:"thumb_media_id"`
	}
	q := url.Values{"type": {string(typ)}}
	if err := s.c.Upload(ctx, mediaUpload, q, wechat.UploadFile{Field: "media", Filename: filename, Content: r}, nil, &out); err != nil {
		return nil, err
	}
	if out.MediaID == "" { // thumbs answer thumb_media_id
		out.MediaID = out.ThumbMediaID
	}
	return &out.UploadedMedia, nil
}

// UploadMediaFile is UploadMedia of the file at path.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html
func (s *MaterialService) UploadMediaFile(ctx context.Context, typ MediaType, path string) (m *UploadedMedia, err error) {
	err = wechat.WithFile(path, func(name string, r io.Reader) error {
		m, err = s.UploadMedia(ctx, typ, name, r)
		return err
	})
	return m, err
}

// GetMedia downloads a temporary media as a stream, which the caller must
// close. For videos, see MediaDownload.VideoURL.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_temporary_materials.html
func (s *MaterialService) GetMedia(ctx context.Context, mediaID string) (*MediaDownload, error) {
	if mediaID == "" {
		return nil, argErr("media_id", "required")
	}
	dl, err := s.c.Stream(ctx, mediaGet, url.Values{"media_id": {mediaID}}, nil)
	if err != nil {
		return nil, err
	}
	md := &MediaDownload{Download: dl}
	ct := dl.ContentType
	if strings.HasPrefix(ct, "application/json") || strings.HasPrefix(ct, "text/plain") || strings.HasPrefix(ct, "text/javascript") {
		// Stream has already read a JSON answer into memory.
		data, err := io.ReadAll(dl.ReadCloser)
		dl.Close()
		if err != nil {
			return nil, err
		}
		var v struct {
			VideoURL string `json:"video_url"`
		}
		if err := json.Unmarshal(data, &v); err != nil {
			return nil, fmt.Errorf("wechat: decode GET %s response: %w", mediaGet.Path, err)
		}
		md.VideoURL = v.VideoURL
		dl.ReadCloser = io.NopCloser(bytes.NewReader(data))
	}
	return md, nil
}

// UploadImage uploads an image (jpg or png, under 1 MB) for use inside
// article content and returns its URL. It does not count against the
// material quota.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html
func (s *MaterialService) UploadImage(ctx context.Context, filename string, r io.Reader) (string, error) {
	if err := checkUpload(filename, r); err != nil {
		return "", err
	}
	var out struct {
		URL string `json:"url"`
	}
	if err := s.c.Upload(ctx, mediaUploadImg, nil, wechat.UploadFile{Field: "media", Filename: filename, Content: r}, nil, &out); err != nil {
		return "", err
	}
	return out.URL, nil
}

// UploadImageFile is UploadImage of the file at path.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html
func (s *MaterialService) UploadImageFile(ctx context.Context, path string) (u string, err error) {
	err = wechat.WithFile(path, func(name string, r io.Reader) error {
		u, err = s.UploadImage(ctx, name, r)
		return err
	})
	return u, err
}

// UploadNews uploads news articles for mass sending (uploadnews) and returns
// the temporary news media.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *MaterialService) UploadNews(ctx context.Context, articles []MaterialArticle) (*UploadedMedia, error) {
	if len(articles) == 0 {
		return nil, argErr("articles", "at least one article is required")
	}
	out := new(UploadedMedia)
	if err := s.c.Do(ctx, mediaUploadNews, nil, struct {
		Articles []MaterialArticle `json:"articles"`
	}{articles}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// UploadVideoRequest turns an uploaded temporary video into a video for mass
// sending.
type UploadVideoRequest struct {
	MediaID     string `json:"media_id"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

// UploadVideo converts a temporary video for mass sending (uploadvideo) and
// returns the new media.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *MaterialService) UploadVideo(ctx context.Context, req *UploadVideoRequest) (*UploadedMedia, error) {
	if req == nil || req.MediaID == "" {
		return nil, argErr("media_id", "required")
	}
	out := new(UploadedMedia)
	if err := s.c.Do(ctx, mediaUploadVideo, nil, req, out); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *MaterialService) addMaterial(ctx context.Context, typ MediaType, filename string, r io.Reader, fields map[string]string) (*Material, error) {
	out := new(Material)
	q := url.Values{"type": {string(typ)}}
	if err := s.c.Upload(ctx, materialAdd, q, wechat.UploadFile{Field: "media", Filename: filename, Content: r}, fields, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Add uploads a permanent image, voice or thumb material (add_material),
// streaming r. Use AddVideo for videos, which need a title.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html
func (s *MaterialService) Add(ctx context.Context, typ MediaType, filename string, r io.Reader) (*Material, error) {
	if err := checkMediaType(typ, MediaImage, MediaVoice, MediaThumb); err != nil {
		return nil, err
	}
	if err := checkUpload(filename, r); err != nil {
		return nil, err
	}
	return s.addMaterial(ctx, typ, filename, r, nil)
}

// AddFile is Add of the file at path.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html
func (s *MaterialService) AddFile(ctx context.Context, typ MediaType, path string) (m *Material, err error) {
	err = wechat.WithFile(path, func(name string, r io.Reader) error {
		m, err = s.Add(ctx, typ, name, r)
		return err
	})
	return m, err
}

// AddVideo uploads a permanent video material with its title and
// introduction (sent as the "description" form field).
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html
func (s *MaterialService) AddVideo(ctx context.Context, title, introduction, filename string, r io.Reader) (*Material, error) {
	if title == "" {
		return nil, argErr("description.title", "required")
	}
	if err := checkUpload(filename, r); err != nil {
		return nil, err
	}
	desc, err := wechat.MarshalJSON(struct {
		Title        string `json:"title"`
		Introduction string `json:"introduction"`
	}{title, introduction})
	if err != nil {
		return nil, err
	}
	return s.addMaterial(ctx, MediaVideo, filename, r, map[string]string{"description": string(desc)})
}

// AddNews adds a permanent news material and returns its media_id (add_news).
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html
func (s *MaterialService) AddNews(ctx context.Context, articles []MaterialArticle) (string, error) {
	if len(articles) == 0 {
		return "", argErr("articles", "at least one article is required")
	}
	var out mediaIDBody
	if err := s.c.Do(ctx, materialAddNews, nil, struct {
		Articles []MaterialArticle `json:"articles"`
	}{articles}, &out); err != nil {
		return "", err
	}
	return out.MediaID, nil
}

// UpdateNews replaces article index (0 for the first) of the news material
// mediaID (update_news). The comment settings of article are not sent: the
// endpoint does not take them.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Editing_Permanent_Rich_Media_Assets.html
func (s *MaterialService) UpdateNews(ctx context.Context, mediaID string, index int, article *MaterialArticle) error {
	switch {
	case mediaID == "":
		return argErr("media_id", "required")
	case index < 0:
		return argErr("index", "negative")
	case article == nil:
		return argErr("articles", "nil")
	}
	a := *article
	a.NeedOpenComment, a.OnlyFansCanComment, a.URL = 0, 0, ""
	body := struct {
		MediaID  string          `json:"media_id"`
		Index    int             `json:"index"`
		Articles MaterialArticle `json:"articles"`
	}{mediaID, index, a}
	return s.c.Do(ctx, materialUpdateNews, nil, body, nil)
}

// Get downloads a permanent image, voice or thumb material as a stream,
// which the caller must close. News and video materials are JSON: read them
// with GetNews and GetVideo (Get returns their JSON as a stream of type
// application/json).
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Getting_Permanent_Assets.html
func (s *MaterialService) Get(ctx context.Context, mediaID string) (*wechat.Download, error) {
	if mediaID == "" {
		return nil, argErr("media_id", "required")
	}
	return s.c.Stream(ctx, materialGet, nil, mediaIDBody{mediaID})
}

// GetNews returns a permanent news material.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Getting_Permanent_Assets.html
func (s *MaterialService) GetNews(ctx context.Context, mediaID string) (*NewsMaterial, error) {
	if mediaID == "" {
		return nil, argErr("media_id", "required")
	}
	out := new(NewsMaterial)
	if err := s.c.Do(ctx, materialGet, nil, mediaIDBody{mediaID}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// GetVideo returns a permanent video material's title, description and
// download URL.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Getting_Permanent_Assets.html
func (s *MaterialService) GetVideo(ctx context.Context, mediaID string) (*VideoMaterial, error) {
	if mediaID == "" {
		return nil, argErr("media_id", "required")
	}
	out := new(VideoMaterial)
	if err := s.c.Do(ctx, materialGet, nil, mediaIDBody{mediaID}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Delete deletes a permanent material (del_material).
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Deleting_Permanent_Assets.html
func (s *MaterialService) Delete(ctx context.Context, mediaID string) error {
	if mediaID == "" {
		return argErr("media_id", "required")
	}
	return s.c.Do(ctx, materialDelete, nil, mediaIDBody{mediaID}, nil)
}

// Count returns the number of permanent materials of each type
// (get_materialcount).
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_the_total_of_all_materials.html
func (s *MaterialService) Count(ctx context.Context) (*MaterialCount, error) {
	out := new(MaterialCount)
	if err := s.c.Do(ctx, materialCount, nil, nil, out); err != nil {
		return nil, err
	}
	return out, nil
}

// List returns one page of the permanent materials of typ (image, video,
// voice or news), from offset, count (1 to 20) at most (batchget_material).
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_materials_list.html
func (s *MaterialService) List(ctx context.Context, typ MediaType, offset, count int) (*MaterialList, error) {
	if err := checkMediaType(typ, MediaImage, MediaVideo, MediaVoice, MediaNews); err != nil {
		return nil, err
	}
	if count < 1 || count > maxMaterialPageSize {
		return nil, argErr("count", fmt.Sprintf("%d is not in 1..%d", count, maxMaterialPageSize))
	}
	if offset < 0 {
		return nil, argErr("offset", "negative")
	}
	body := struct {
		Type   MediaType `json:"type"`
		Offset int       `json:"offset"`
		Count  int       `json:"count"`
	}{typ, offset, count}
	out := new(MaterialList)
	if err := s.c.Do(ctx, materialBatchGet, nil, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// All iterates over every permanent material of typ, fetching pages of
// pageSize (1 to 20; 0 means 20) as the loop goes. The first error is
// yielded and ends the iteration.
// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_materials_list.html
func (s *MaterialService) All(ctx context.Context, typ MediaType, pageSize int) iter.Seq2[MaterialItem, error] {
	if pageSize == 0 {
		pageSize = maxMaterialPageSize
	}
	return wechat.OffsetPages(ctx, pageSize, func(ctx context.Context, offset, count int) ([]MaterialItem, int, error) {
		page, err := s.List(ctx, typ, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return page.Items, page.TotalCount, nil
	})
}
