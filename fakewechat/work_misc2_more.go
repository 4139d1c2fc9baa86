package fakewechat

import (
	"encoding/base64"
	"slices"
)

func init() { builtin = append(builtin, registerWeComMisc2More) }

// WeComSharedCorps are the corps every app of a fake corp is shared with
// (list_app_share_info): business type 0 then 1.
var WeComSharedCorps = []struct {
	CorpID, CorpName string
	AgentID          int
	BusinessType     int
}{
	{"wwcorpid1", "测试企业1", 1111, 0},
	{"wwcorpid2", "测试企业2", 1112, 1},
	{"wwcorpid3", "测试企业3", 1113, 1},
	{"wwcorpid4", "测试企业4", 1114, 1},
}

// mailRecipients checks to/cc/bcc of compose_send: lists of strings; it
// returns how many recipients there are.
func mailRecipients(in M, key string) (int, *Error) {
	r, ok := in[key].(M)
	if in[key] != nil && !ok {
		return 0, Errorf(wcCodeInvalidParameter, "invalid %s", key)
	}
	n := 0
	for _, k := range []string{"emails", "userids"} {
		l, isList := r[k].([]any)
		if r[k] != nil && !isList {
			return 0, Errorf(wcCodeInvalidParameter, "invalid %s.%s", key, k)
		}
		n += len(l)
	}
	return n, nil
}

func registerWeComMisc2More(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/95856: the docs'
	// examples.
	s.HandleJSON(WeComPath("POST /cgi-bin/wedrive/mng_pro_info"), func(r *Request) (any, error) {
		return OK(M{"is_pro": true, "total_vip_acct_num": 10, "use_vip_acct_num": 5, "pro_expire_time": 1754827419}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/wedrive/mng_capacity"), func(r *Request) (any, error) {
		return OK(M{"total_capacity_for_all": int64(22666689904640), "total_capacity_for_vip": int64(22300038149020)}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/95813
	s.HandleJSON(WeComPath("POST /cgi-bin/corpgroup/corp/list_app_share_info"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		bt := wcInt(in, "business_type")
		if wcInt(in, "agentid") <= 0 || bt != 0 && bt != 1 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid agentid or business_type")
		}
		var corps []M
		for _, c := range WeComSharedCorps {
			if c.BusinessType == bt && (wcStr(in, "corpid") == "" || wcStr(in, "corpid") == c.CorpID) {
				corps = append(corps, M{"corpid": c.CorpID, "corp_name": c.CorpName, "agentid": c.AgentID})
			}
		}
		limit := wcInt(in, "limit")
		if limit < 0 || limit > 100 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid limit")
		}
		if limit == 0 { // everything at once
			limit = len(corps) + 1
		}
		page, next, e := wcPage(corps, wcStr(in, "cursor"), limit, limit, limit)
		if e != nil {
			return nil, e
		}
		ending := 0
		if next == "" {
			ending = 1
		}
		return OK(M{"ending": ending, "corp_list": append([]M{}, page...), "next_cursor": next}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/97515
	s.HandleJSON(WeComPath("POST /cgi-bin/exmail/app/compose_send"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		to, e := mailRecipients(in, "to")
		if e == nil && to == 0 {
			e = Errorf(wcCodeInvalidParameter, "invalid Parameter: to empty")
		}
		for _, k := range []string{"cc", "bcc"} {
			if _, ce := mailRecipients(in, k); e == nil {
				e = ce
			}
		}
		if e != nil {
			return nil, e
		}
		if ct := wcStr(in, "content_type"); ct != "" && !slices.Contains([]string{"html", "text"}, ct) {
			return nil, Errorf(wcCodeInvalidParameter, "invalid content_type")
		}
		atts, _ := in["attachment_list"].([]any)
		size := len(wcStr(in, "content"))
		for _, a := range atts {
			am, _ := a.(M)
			data, derr := base64.StdEncoding.DecodeString(wcStr(am, "content"))
			if derr != nil || wcStr(am, "file_name") == "" {
				return nil, Errorf(wcCodeInvalidParameter, "invalid attachment")
			}
			size += len(data)
		}
		if len(atts) > 200 || size > 50*1024*1024 {
			return nil, Errorf(wcCodeInvalidParameter, "attachments exceed the limit")
		}
		return nil, nil
	})
}
