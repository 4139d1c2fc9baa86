package work

import (
	"context"
	"io"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var mediaUploadAttachment = epPost("/cgi-bin/media/upload_attachment")

// AttachmentType is the scene of an attachment upload.
type AttachmentType int

// Attachment types.
const (
	AttachmentMoments      AttachmentType = 1 // customer moments (朋友圈): images and videos only
	AttachmentProductAlbum AttachmentType = 2 // product albums (商品图册)
)

// UploadedAttachment is an attachment resource, valid for 3 days. CreatedAt
// is the unix time, which the docs show as a number here (and as a string
// for MaterialService.Upload).
type UploadedAttachment struct {
	Type      MediaType     `json:"type"`
	MediaID   string        `json:"media_id"`
	CreatedAt wechat.FlexID `json:"created_at"`
}

// UploadAttachment uploads an attachment resource (上传附件资源) for
// customer moments or product albums, streaming r; filename's extension
// tells WeCom the format and is the name shown to users. typ is image,
// video or file (moments take images and videos only). The agent must be
// allowed to call customer-contact APIs. The upload is retried after a
// token refresh only if r is an io.Seeker.
// https://developer.work.weixin.qq.com/document/path/96347
func (s *MaterialService) UploadAttachment(ctx context.Context, typ MediaType, scene AttachmentType, filename string, r io.Reader) (*UploadedAttachment, error) {
	switch {
	case typ != MediaImage && typ != MediaVideo && typ != MediaFile:
		return nil, paramErr("media_type", "want image, video or file")
	case scene != AttachmentMoments && scene != AttachmentProductAlbum:
		return nil, paramErr("attachment_type", "want 1 (moments) or 2 (product album)")
	case scene == AttachmentMoments && typ == MediaFile:
		return nil, paramErr("media_type", "moments take images and videos only")
	}
	if err := checkMediaFile(filename, r); err != nil {
		return nil, err
	}
	q := url.Values{"media_type": {string(typ)}, "attachment_type": {strconv.Itoa(int(scene))}}
	out := new(UploadedAttachment)
	if err := s.c.Upload(ctx, mediaUploadAttachment, q, wechat.UploadFile{Field: "media", Filename: filename, Content: r}, nil, out); err != nil {
		return nil, err
	}
	return out, nil
}

// UploadAttachmentFile is UploadAttachment of the file at path.
// https://developer.work.weixin.qq.com/document/path/96347
func (s *MaterialService) UploadAttachmentFile(ctx context.Context, typ MediaType, scene AttachmentType, path string) (m *UploadedAttachment, err error) {
	err = wechat.WithFile(path, func(name string, r io.Reader) error {
		m, err = s.UploadAttachment(ctx, typ, scene, name, r)
		return err
	})
	return m, err
}
