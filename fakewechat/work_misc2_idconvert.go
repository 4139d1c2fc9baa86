package fakewechat

import "strings"

func init() { builtin = append(builtin, registerWeComIDConvertMore) }

// WeComTmpIDPrefix starts the fake's tmp_external_userids: the prefix and a
// customer's external_userid (user_type 1), or the prefix and
// "CORPID:USERID" (user types 2 to 4).
const WeComTmpIDPrefix = "ouTMP"

func registerWeComIDConvertMore(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/95884 and 101521:
	// an open_userid is the one batch/userid_to_openuserid gives a member of
	// the caller's corp; others (plain userids too) are invalid.
	s.HandleJSON(WeComPath("POST /cgi-bin/batch/openuserid_to_userid"), dirHandler(func(r *Request, d *wecomDir, in *struct {
		List []string `json:"open_userid_list"`
	}) (any, error) {
		if len(in.List) == 0 || len(in.List) > 1000 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: open_userid_list size")
		}
		corp, _ := wecomCaller(r)
		byOpen := map[string]string{}
		for id := range d.users {
			byOpen[openID("wo", corp+id)] = id
		}
		list, invalid := []M{}, []string{}
		for _, o := range in.List {
			if id, ok := byOpen[o]; ok {
				list = append(list, M{"open_userid": o, "userid": id})
			} else {
				invalid = append(invalid, o)
			}
		}
		return OK(M{"userid_list": list, "invalid_open_userid_list": invalid}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/98729
	s.HandleJSON(WeComPath("POST /cgi-bin/idconvert/convert_tmp_external_userid"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		bt, ut, ids := wcInt(in, "business_type"), wcInt(in, "user_type"), wcStrs(in, "tmp_external_userid_list")
		switch {
		case bt < 1 || bt > 3:
			return nil, Errorf(wcCodeInvalidParameter, "invalid business_type")
		case ut < 1 || ut > 4:
			return nil, Errorf(wcCodeInvalidParameter, "invalid user_type")
		case len(ids) == 0 || len(ids) > 100:
			return nil, Errorf(wcCodeInvalidParameter, "invalid tmp_external_userid_list size")
		}
		results, invalid := []M{}, []string{}
		for _, id := range ids {
			rest, ok := strings.CutPrefix(id, WeComTmpIDPrefix)
			corp, user, pair := strings.Cut(rest, ":")
			switch {
			case ok && ut == 1 && d.knows(rest):
				results = append(results, M{"tmp_external_userid": id, "external_userid": rest})
			case ok && ut != 1 && pair && corp != "" && user != "":
				results = append(results, M{"tmp_external_userid": id, "corpid": corp, "userid": user})
			default:
				invalid = append(invalid, id)
			}
		}
		return OK(M{"results": results, "invalid_tmp_external_userid_list": invalid}), nil
	}))
}
