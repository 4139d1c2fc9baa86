package fakewechat

func init() { builtin = append(builtin, registerWeComAttachment) }

func registerWeComAttachment(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/96347
	// media_type image, video or file (40004 otherwise; moments take no
	// files), attachment_type 1 or 2 (40058), the file rules of media/upload;
	// the media is kept with the other temporary media (3 days) and
	// created_at is a number, as in the docs' example.
	s.HandleJSON(WeComPath("POST /cgi-bin/media/upload_attachment"), func(r *Request) (any, error) {
		typ, scene := r.Query.Get("media_type"), r.Query.Get("attachment_type")
		if typ != "image" && typ != "video" && typ != "file" || scene == "1" && typ == "file" {
			return nil, ErrCode(CodeInvalidMediaType)
		}
		if scene != "1" && scene != "2" {
			return nil, ErrCode(CodeWeComInvalidParameter)
		}
		m, id, e := storeWeComUpload(r, typ)
		if e != nil {
			return nil, e
		}
		return OK(M{"type": typ, "media_id": id, "created_at": m.created.Unix()}), nil
	})
}
