package fakewechat

import (
	"slices"
	"unicode/utf8"
)

func init() { builtin = append(builtin, registerOAUserTag) }

type oaTagBody struct {
	Tag struct {
		ID   *int    `json:"id"`
		Name *string `json:"name"`
	} `json:"tag"`
}

type oaTaggingBody struct {
	OpenIDList []string `json:"openid_list"`
	TagID      *int     `json:"tagid"`
}

// checkTagName validates a new name for tag id (0 for a new tag). d.mu must be held.
func (d *oaUsers) checkTagName(name string, id int) *Error {
	if name == "" {
		return Errorf(oaCodeTagNameExists, "invalid tag name")
	}
	if utf8.RuneCountInString(name) > oaMaxTagNameChars {
		return ErrCode(oaCodeTagNameTooLong)
	}
	for _, t := range d.tags {
		if t.name == name && t.id != id {
			return ErrCode(oaCodeTagNameExists)
		}
	}
	return nil
}

// taggedUsers returns the followers with tag id, in subscribe order. d.mu must be held.
func (d *oaUsers) taggedUsers(id int) []string {
	var out []string
	for _, oid := range d.order {
		if u := d.users[oid]; !u.Unsubscribed && slices.Contains(u.tags, id) {
			out = append(out, oid)
		}
	}
	return out
}

// writableTag returns tag id for a change, or the error WeChat answers. d.mu must be held.
func (d *oaUsers) writableTag(id *int) (*oaTag, *Error) {
	if id == nil {
		return nil, ErrCode(oaCodeInvalidTagID)
	}
	if *id >= 0 && *id <= oaStarTagID {
		return nil, ErrCode(oaCodeTagReserved)
	}
	t := d.tag(*id)
	if t == nil {
		return nil, ErrCode(oaCodeInvalidTagID)
	}
	return t, nil
}

func registerOAUserTag(s *Server) {
	s.HandleJSON("POST /cgi-bin/tags/create", func(r *Request) (any, error) {
		var in oaTagBody
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Tag.Name == nil {
			return nil, ErrCode(CodeInvalidArgs)
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		if err := d.checkTagName(*in.Tag.Name, 0); err != nil {
			return nil, err
		}
		if len(d.tags) >= oaMaxTags {
			return nil, ErrCode(oaCodeTooManyTags)
		}
		t := &oaTag{id: d.nextTag, name: *in.Tag.Name}
		d.nextTag++
		d.tags = append(d.tags, t)
		return M{"tag": M{"id": t.id, "name": t.name}}, nil
	})
	s.HandleJSON("GET /cgi-bin/tags/get", func(r *Request) (any, error) {
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		out := make([]M, 0, len(d.tags))
		for _, t := range d.tags {
			out = append(out, M{"id": t.id, "name": t.name, "count": len(d.taggedUsers(t.id))})
		}
		return M{"tags": out}, nil
	})
	s.HandleJSON("POST /cgi-bin/tags/update", func(r *Request) (any, error) {
		var in oaTagBody
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		t, err := d.writableTag(in.Tag.ID)
		if err != nil {
			return nil, err
		}
		if in.Tag.Name == nil {
			return nil, ErrCode(CodeInvalidArgs)
		}
		if err := d.checkTagName(*in.Tag.Name, t.id); err != nil {
			return nil, err
		}
		t.name = *in.Tag.Name
		return nil, nil
	})
	s.HandleJSON("POST /cgi-bin/tags/delete", func(r *Request) (any, error) {
		var in oaTagBody
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		t, err := d.writableTag(in.Tag.ID)
		if err != nil {
			return nil, err
		}
		d.tags = slices.DeleteFunc(d.tags, func(x *oaTag) bool { return x == t })
		for _, u := range d.users {
			u.tags = slices.DeleteFunc(u.tags, func(id int) bool { return id == t.id })
		}
		return nil, nil
	})
	s.HandleJSON("POST /cgi-bin/user/tag/get", func(r *Request) (any, error) {
		var in struct {
			TagID      *int   `json:"tagid"`
			NextOpenID string `json:"next_openid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		if in.TagID == nil || d.tag(*in.TagID) == nil {
			return nil, ErrCode(oaCodeInvalidTagID)
		}
		ids, next, err := d.page(d.taggedUsers(*in.TagID), in.NextOpenID)
		if err != nil {
			return nil, err
		}
		return pageAnswer(ids, next, -1), nil
	})
	tagging := func(add bool) JSONHandler {
		return func(r *Request) (any, error) {
			var in oaTaggingBody
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			d := s.oaUsers(r.AppID)
			d.mu.Lock()
			defer d.mu.Unlock()
			if in.TagID == nil || d.tag(*in.TagID) == nil {
				return nil, ErrCode(oaCodeInvalidTagID)
			}
			if err := d.checkOpenIDs(in.OpenIDList, oaMaxTaggingOpenIDs); err != nil {
				return nil, err
			}
			id := *in.TagID
			if add {
				for _, oid := range in.OpenIDList {
					if u := d.users[oid]; !slices.Contains(u.tags, id) && len(u.tags) >= oaMaxTagsPerUser {
						return nil, ErrCode(oaCodeUserTagsFull)
					}
				}
			}
			for _, oid := range in.OpenIDList {
				u := d.users[oid]
				u.tags = slices.DeleteFunc(u.tags, func(x int) bool { return x == id })
				if add {
					u.tags = append(u.tags, id)
				}
			}
			return nil, nil
		}
	}
	s.HandleJSON("POST /cgi-bin/tags/members/batchtagging", tagging(true))
	s.HandleJSON("POST /cgi-bin/tags/members/batchuntagging", tagging(false))
	s.HandleJSON("POST /cgi-bin/tags/getidlist", func(r *Request) (any, error) {
		var in struct {
			OpenID string `json:"openid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		u := d.users[in.OpenID]
		if u == nil {
			return nil, ErrCode(oaCodeInvalidOpenID)
		}
		return M{"tagid_list": append([]int{}, u.tags...)}, nil
	})
}
