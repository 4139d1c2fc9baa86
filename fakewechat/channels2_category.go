package fakewechat

import (
	"encoding/json"
	"strconv"
)

// Channels shop categories (微信小店 类目管理): fixed data, the same for
// every app; see the "Channels shop" section of the package doc.
func init() {
	stdMessages[CodeChannelsCategoryArgs] = "参数有误"
	builtin = append(builtin, registerChannelsCategories)
}

// CodeChannelsCategoryArgs is the category pages' errcode for invalid
// arguments (参数有误).
const CodeChannelsCategoryArgs = 9401020

// chCat is one category node with its qualification.
func chCat(id, name string, parent string, level int, leaf, apply bool) M {
	n := func(s string) json.Number { return json.Number(s) }
	cat := M{"cat_id": n(id), "name": name, "f_cat_id": n(parent), "level": level}
	if leaf {
		cat["leaf"] = true
	}
	qua := M{"qua_id": 0, "need_to_apply": apply, "tips": "", "mandatory": false, "cert_group_list": []M{}}
	return M{"cat": cat, "qua": qua, "product_qua_list": []M{}, "is_confidence_require_bad_must_pay": false}
}

// ChannelsCategories is what /shop/ec/category/all answers: the docs'
// example branch (酒类 → 洋酒 → 国产白兰地) in the old tree (cats) and
// the new one (cats_v2).
var ChannelsCategories = M{
	"cats": []M{{"cat_and_qua": []M{
		chCat("7339", "酒类", "0", 1, false, false),
		chCat("7344", "洋酒", "7339", 2, false, false),
		chCat("545301", "国产白兰地", "7344", 3, false, true),
	}}},
	"cats_v2": []M{{"cat_and_qua": []M{
		chCat("10000201", "酒类", "0", 1, false, false),
		chCat("10000204", "洋酒", "10000201", 2, false, false),
		chCat("10000454", "白兰地/干邑", "10000204", 3, false, false),
		chCat("545301", "国产白兰地", "10000454", 4, true, true),
	}}},
}

// ChannelsCategoryDetails are what /shop/ec/category/detail answers, by
// leaf cat_id.
var ChannelsCategoryDetails = map[int64]M{
	545301: {
		"info": M{"cat_id": 545301, "name": "国产白兰地"},
		"attr": M{"shop_no_shipment": false, "access_permit_required": false, "pre_sale": false,
			"seven_day_return": true, "deposit": 1000000, "brand_list": []M{}, "product_attr_list": []M{},
			"sale_attr_list": []M{}, "transactionfee_info": M{}, "coupon_rule": M{}},
		"product_qua_list": []M{},
	},
}

// ChannelsAvailableCategories is what /channels/ec/category/list/get
// answers under "list": the docs' example.
var ChannelsAvailableCategories = []M{{"cat_id": "1003", "qua_id": "0"}, {"cat_id": "1096", "qua_id": "6"}}

func registerChannelsCategories(s *Server) {
	all := func(*Request) (any, error) { return OK(ChannelsCategories), nil }
	// The docs show the method as POST on one page and GET on another.
	s.HandleJSON("POST /shop/ec/category/all", all)
	s.HandleJSON("GET /shop/ec/category/all", all)
	s.HandleJSON("POST /shop/ec/category/detail", func(r *Request) (any, error) {
		var in struct {
			CatID json.RawMessage `json:"cat_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		// cat_id is a number (the docs' type); a string or an unknown id is
		// an invalid argument.
		id, err := strconv.ParseInt(string(in.CatID), 10, 64)
		d, ok := ChannelsCategoryDetails[id]
		if err != nil || !ok {
			return nil, ErrCode(CodeChannelsCategoryArgs)
		}
		return OK(d), nil
	})
	s.HandleJSON("GET /channels/ec/category/list/get", func(*Request) (any, error) {
		return OK(M{"list": ChannelsAvailableCategories}), nil
	})
}
