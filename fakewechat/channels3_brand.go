package fakewechat

import (
	"encoding/json"
	"slices"
)

// Channels shop brand library (微信小店 品牌库): fixed data, see the
// "Channels shop" section of the package doc.
func init() { builtin = append(builtin, registerChannelsBrands) }

// CodeChannelsBrandArgs is the brand pages' "参数有误".
const CodeChannelsBrandArgs = 10020055

// ChannelsBrands is the brand library brand/all pages through: the docs'
// example brands.
var ChannelsBrands = []M{
	{"brand_id": "10000000", "ch_name": "碧芭宝贝", "en_name": "beaba"},
	{"brand_id": "10000001", "ch_name": "中兴", "en_name": "ZTE"},
	{"brand_id": "10000002", "ch_name": "尊尚", "en_name": "ZSUN"},
	{"brand_id": "10000003", "ch_name": "特工", "en_name": "СПЕЦНАЗ--SPECNAZ"},
	{"brand_id": "10000004", "ch_name": "", "en_name": "zuczug"},
}

func registerChannelsBrands(s *Server) {
	all := func(r *Request) (any, error) {
		if _, err := r.JSON(); err != nil {
			return nil, err
		}
		var in struct {
			PageSize *int   `json:"page_size"`
			NextKey  string `json:"next_key"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		size := 10
		if in.PageSize != nil {
			size = *in.PageSize
		}
		if size < 1 || size > 50 {
			return nil, Errorf(CodeChannelsBrandArgs, "page_size must be 1 to 50")
		}
		// next_key is the brand_id of the page's first brand, as in the
		// docs' example.
		start := 0
		if in.NextKey != "" {
			start = slices.IndexFunc(ChannelsBrands, func(b M) bool { return b["brand_id"] == in.NextKey })
			if start < 0 {
				return nil, Errorf(CodeChannelsBrandArgs, "invalid next_key")
			}
		}
		end := min(start+size, len(ChannelsBrands))
		next := ""
		if end < len(ChannelsBrands) {
			next = ChannelsBrands[end]["brand_id"].(string)
		}
		return OK(M{"brands": ChannelsBrands[start:end], "next_key": next, "continue_flag": next != ""}), nil
	}
	s.HandleJSON("POST /shop/ec/brand/all", all)
	s.HandleJSON("POST /channels/ec/brand/all", all)
}
