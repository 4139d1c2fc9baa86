package fakewechat

import "slices"

func init() { builtin = append(builtin, registerOAUserBlacklist) }

func registerOAUserBlacklist(s *Server) {
	s.HandleJSON("POST /cgi-bin/tags/members/getblacklist", func(r *Request) (any, error) {
		var in struct {
			BeginOpenID string `json:"begin_openid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		defer d.mu.Unlock()
		ids, next, err := d.page(d.black, in.BeginOpenID)
		if err != nil {
			return nil, err
		}
		return pageAnswer(ids, next, len(d.black)), nil
	})
	batch := func(block bool) JSONHandler {
		return func(r *Request) (any, error) {
			var in struct {
				OpenIDList []string `json:"openid_list"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			d := s.oaUsers(r.AppID)
			d.mu.Lock()
			defer d.mu.Unlock()
			if err := d.checkOpenIDs(in.OpenIDList, oaMaxBlackOpenIDs); err != nil {
				return nil, err
			}
			for _, oid := range in.OpenIDList {
				i := slices.Index(d.black, oid)
				switch {
				case block && i < 0:
					d.black = append(d.black, oid)
				case !block && i >= 0:
					d.black = slices.Delete(d.black, i, i+1)
				}
			}
			return nil, nil
		}
	}
	s.HandleJSON("POST /cgi-bin/tags/members/batchblacklist", batch(true))
	s.HandleJSON("POST /cgi-bin/tags/members/batchunblacklist", batch(false))
}
