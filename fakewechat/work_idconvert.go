package fakewechat

import (
	"slices"
	"strings"
)

func init() { builtin = append(builtin, registerWeComIDConvert) }

// The fake's service-provider form of a customer id inserts "SVC" after
// the wm or wo prefix: wmABC is wmSVCABC for the provider's apps.
func wcIsServiceID(id string) bool { return len(id) > 5 && id[2:5] == "SVC" }

func wcServiceID(id string) string {
	if wcIsServiceID(id) {
		return id
	}
	return id[:2] + "SVC" + id[2:]
}

// knows tells whether id is a customer of the corp (the customer store or
// the customer-service customers), in either form.
func (d *wcCustomers) knows(id string) bool {
	if wcIsServiceID(id) {
		id = id[:2] + id[5:]
	}
	return isCustomerID(id) && (d.byID[id] != nil || wecomKFCustomer(id))
}

// newIDs answers get_new_external_userid: each id that passes ok, in the
// provider's form; 1 to 1000 ids (40058).
func newIDs(in M, ok func(id string) bool) (any, error) {
	ids := wcStrs(in, "external_userid_list")
	if len(ids) == 0 || len(ids) > 1000 {
		return nil, ErrCode(wcCodeInvalidParameter)
	}
	items := []M{}
	for _, id := range ids {
		if ok(id) {
			items = append(items, M{"external_userid": id, "new_external_userid": wcServiceID(id)})
		}
	}
	return OK(M{"items": items}), nil
}

func registerWeComIDConvert(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/92323
	// openid "oFAKE" + the id after its wm prefix; WeCom users' wo ids and
	// unknown ids answer 40096.
	s.HandleJSON(WeComPath(ecPath+"convert_to_openid"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		id := wcStr(in, "external_userid")
		if !strings.HasPrefix(id, "wm") || wcIsServiceID(id) || !d.knows(id) {
			return nil, ErrCode(wcCodeInvalidExternalUserID)
		}
		return OK(M{"openid": "oFAKE" + id[2:]}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/93274
	// The customer whose unionid it is (a customer-service customer X has
	// unionid "oUNION"+X); 84061 when none.
	s.HandleJSON(WeComPath(ecPath+"unionid_to_external_userid"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		union := wcStr(in, "unionid")
		if union == "" || wcStr(in, "openid") == "" {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		if id, ok := strings.CutPrefix(union, "oUNION"); ok && wecomKFCustomer(id) {
			return OK(M{"external_userid": id}), nil
		}
		for _, id := range d.order {
			if d.byID[id].UnionID == union {
				return OK(M{"external_userid": id}), nil
			}
		}
		return nil, ErrCode(wcCodeNotExternalContact)
	}))
	// https://developer.work.weixin.qq.com/document/path/97107
	// Unknown ids are left out.
	s.HandleJSON(WeComPath(ecPath+"get_new_external_userid"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		return newIDs(in, d.knows)
	}))
	// https://developer.work.weixin.qq.com/document/path/97107
	// The chat must exist (40050); ids of its members are converted.
	s.HandleJSON(WeComPath(ecPath+"groupchat/get_new_external_userid"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		c := d.chat(wcStr(in, "chat_id"))
		if c == nil {
			return nil, ErrCode(wcCodeInvalidChatID)
		}
		return newIDs(in, func(id string) bool {
			if wcIsServiceID(id) {
				id = id[:2] + id[5:]
			}
			return isCustomerID(id) && slices.Contains(c.Members, id)
		})
	}))
	// https://developer.work.weixin.qq.com/document/path/95195
	s.HandleJSON(WeComPath(ecPath+"to_service_external_userid"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		id := wcStr(in, "external_userid")
		if !d.knows(id) {
			return nil, ErrCode(wcCodeInvalidExternalUserID)
		}
		return OK(M{"external_userid": wcServiceID(id)}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/95884
	// source_agentid is required (41035); the id must be the provider's
	// form of a customer (40096).
	s.HandleJSON(WeComPath(ecPath+"from_service_external_userid"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		id := wcStr(in, "external_userid")
		if wcInt(in, "source_agentid") <= 0 {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		if !wcIsServiceID(id) || !d.knows(id) {
			return nil, ErrCode(wcCodeInvalidExternalUserID)
		}
		return OK(M{"external_userid": id[:2] + id[5:]}), nil
	}))
}
