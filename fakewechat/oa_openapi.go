package fakewechat

import (
	"strconv"
	"sync"
)

// Official account network and openapi helpers: callback/check needs action
// dns, ping or all and check_operator CHINANET, UNICOM, CAP or DEFAULT
// (40097) and answers the docs' example; getcallbackip answers fixed
// addresses; openapi/rid/get needs a rid and answers a fixed record;
// changeopenid needs from_appid and 1..100 openids and maps each well-formed
// openid to "n" + its last 27 characters; shorten/gen keeps long_data (at
// most 4096 bytes, expire_seconds at most 2592000) per app and shorten/fetch
// answers it until it expires (40097 for an unknown or expired key).
func init() { builtin = append(builtin, registerOAOpenAPI) }

type oaShortenStore struct {
	mu   sync.Mutex
	keys map[string]M
}

func oaShortens(st *State) *oaShortenStore {
	return Value(st, "oa.shorten", func() *oaShortenStore { return &oaShortenStore{keys: map[string]M{}} })
}

func registerOAOpenAPI(s *Server) {
	// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Network_Detection.html
	s.HandleJSON("POST /cgi-bin/callback/check", func(r *Request) (any, error) {
		var in struct {
			Action   string `json:"action"`
			Operator string `json:"check_operator"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		okAction := in.Action == "dns" || in.Action == "ping" || in.Action == "all"
		okOp := in.Operator == "CHINANET" || in.Operator == "UNICOM" || in.Operator == "CAP" || in.Operator == "DEFAULT"
		if !okAction || !okOp {
			return nil, ErrCode(CodeInvalidArgs)
		}
		out := M{}
		if in.Action != "ping" {
			out["dns"] = []M{{"ip": "111.161.64.40", "real_operator": "UNICOM"}, {"ip": "111.161.64.48", "real_operator": "UNICOM"}}
		}
		if in.Action != "dns" {
			out["ping"] = []M{{"ip": "111.161.64.40", "from_operator": "UNICOM", "package_loss": "0%", "time": "23.079ms"}}
		}
		return OK(out), nil
	})
	s.HandleJSON("GET /cgi-bin/getcallbackip", func(r *Request) (any, error) {
		return OK(M{"ip_list": []string{"101.226.62.77", "101.226.62.78", "101.226.62.79"}}), nil
	})
	s.HandleJSON("POST /cgi-bin/openapi/rid/get", func(r *Request) (any, error) {
		var in struct {
			RID string `json:"rid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.RID == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		return OK(M{"request": M{"invoke_time": 1635156704, "cost_in_ms": 30, "request_url": "access_token=50_Im7xxxx",
			"request_body": "", "response_body": `{"errcode":45009,"errmsg":"reach max api daily quota limit"}`, "client_ip": "113.xx.70.51"}}), nil
	})
	s.HandleJSON("POST /cgi-bin/changeopenid", func(r *Request) (any, error) {
		var in struct {
			FromAppID string   `json:"from_appid"`
			OpenIDs   []string `json:"openid_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.FromAppID == "" || len(in.OpenIDs) == 0 || len(in.OpenIDs) > 100 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		list := make([]M, len(in.OpenIDs))
		for i, oid := range in.OpenIDs {
			if !ValidOpenID(oid) {
				list[i] = M{"ori_openid": oid, "err_msg": "ori_openid error"}
				continue
			}
			list[i] = M{"ori_openid": oid, "new_openid": "n" + oid[1:], "err_msg": "ok"}
		}
		return OK(M{"result_list": list}), nil
	})
	s.HandleJSON("POST /cgi-bin/shorten/gen", func(r *Request) (any, error) {
		var in struct {
			LongData      string `json:"long_data"`
			ExpireSeconds *int64 `json:"expire_seconds"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		exp := int64(2592000)
		if in.ExpireSeconds != nil {
			exp = *in.ExpireSeconds
		}
		if in.LongData == "" || len(in.LongData) > 4096 || exp <= 0 || exp > 2592000 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		ss := oaShortens(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		key := "fake" + strconv.Itoa(len(ss.keys)+1)
		ss.keys[key] = M{"long_data": in.LongData, "create_time": r.Now().Unix(), "expire_seconds": exp}
		return OK(M{"short_key": key}), nil
	})
	s.HandleJSON("POST /cgi-bin/shorten/fetch", func(r *Request) (any, error) {
		var in struct {
			ShortKey string `json:"short_key"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ss := oaShortens(r.State())
		ss.mu.Lock()
		defer ss.mu.Unlock()
		d, ok := ss.keys[in.ShortKey]
		if !ok {
			return nil, ErrCode(CodeInvalidArgs)
		}
		left := d["create_time"].(int64) + d["expire_seconds"].(int64) - r.Now().Unix()
		if left <= 0 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		return OK(M{"long_data": d["long_data"], "create_time": d["create_time"], "expire_seconds": left}), nil
	})
}
