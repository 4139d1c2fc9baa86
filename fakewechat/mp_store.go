package fakewechat

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Mini program stores (门店小程序): apply_merchant records the application
// (under review until MPSetMerchantAudit), modify_merchant needs an approved
// merchant; get_district and get_merchant_category answer a small fixed
// tree; create_map_poi adds a location that search_map_poi finds by
// district and keyword; add_store needs an approved merchant and a known map
// location, and creates a store under review (MPSetStoreStatus); stores are
// read, paged (at most 50), updated, deleted, and give their bound card.
func init() {
	stdMessages[CodeMPMerchantNotApproved] = "merchant not approved"
	stdMessages[CodeMPStoreNotFound] = "poi_id not exist"
	stdMessages[CodeMPMapPOINotFound] = "map_poi_id not exist"
	builtin = append(builtin, registerMPStore)
}

// Errcodes of the store endpoints.
const (
	CodeMPMerchantNotApproved = 85031
	CodeMPStoreNotFound       = 85032
	CodeMPMapPOINotFound      = 85033
)

type mpStoreInfo struct {
	POIID             string   `json:"poi_id"`
	MapPOIID          string   `json:"map_poi_id"`
	BusinessName      string   `json:"business_name"`
	Address           string   `json:"address"`
	Longitude         float64  `json:"longitude"`
	Latitude          float64  `json:"latitude"`
	ContractPhone     string   `json:"contract_phone"`
	Hour              string   `json:"hour"`
	PicList           []string `json:"pic_list"`
	Credential        string   `json:"credential"`
	CompanyName       string   `json:"company_name"`
	QualificationList string   `json:"qualification_list"`
	CardID            string   `json:"card_id"`
	Status            int      `json:"status"`
}

type mpStores struct {
	mu       sync.Mutex
	merchant M // nil: no application
	audit    M
	mapPOIs  []M
	stores   []*mpStoreInfo
	nextID   int
}

func (s *Server) mpStores(appid string) *mpStores {
	return Value(s.State(appid), "mp.stores", func() *mpStores { return &mpStores{nextID: 1} })
}

// MPSetMerchantAudit sets the review status of the merchant application
// (1 approved, 2 rejected with reason).
func (s *Server) MPSetMerchantAudit(appid string, status int, reason string) {
	st := s.mpStores(appid)
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.audit != nil {
		st.audit["status"], st.audit["reason"] = status, reason
	}
}

// MPSetStoreStatus sets the review status of a store (1 approved, 3 rejected).
func (s *Server) MPSetStoreStatus(appid, poiID string, status int) bool {
	st := s.mpStores(appid)
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, x := range st.stores {
		if x.POIID == poiID {
			x.Status = status
			return true
		}
	}
	return false
}

var mpDistricts = [][]M{
	{{"id": "440000", "name": "广东", "fullname": "广东省", "pinyin": []string{"guang", "dong"}, "location": M{"lat": 23.13, "lng": 113.27}, "cidx": []int{0, 0}}},
	{{"id": "440300", "name": "深圳", "fullname": "深圳市", "pinyin": []string{"shen", "zhen"}, "location": M{"lat": 22.54, "lng": 114.06}, "cidx": []int{0, 0}}},
	{{"id": "440305", "fullname": "南山区", "location": M{"lat": 22.53, "lng": 113.93}}},
}

var mpMerchantCategories = []M{
	{"id": 0, "name": "root", "level": 0, "father": 0, "children": []int{1}, "sensitive_type": 0},
	{"id": 1, "name": "美食", "level": 1, "father": 0, "children": []int{101}, "sensitive_type": 0},
	{"id": 101, "name": "中餐厅", "level": 2, "father": 1, "children": []int{}, "sensitive_type": 1,
		"qualify": M{"exter_list": []M{{"inner_list": []M{{"name": "食品经营许可证"}}}}}},
}

func registerMPStore(s *Server) {
	handle := func(pattern string, fn func(r *Request, st *mpStores, in M) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			var in M
			if strings.HasPrefix(pattern, "POST") {
				var err error
				if in, err = r.JSON(); err != nil {
					return nil, err
				}
			}
			st := s.mpStores(r.AppID)
			st.mu.Lock()
			defer st.mu.Unlock()
			return fn(r, st, in)
		})
	}
	str := func(in M, k string) string { v, _ := in[k].(string); return v }
	approved := func(st *mpStores) bool { return st.audit != nil && st.audit["status"] == 1 }
	handle("POST /wxa/apply_merchant", func(r *Request, st *mpStores, in M) (any, error) {
		if str(in, "nickname") == "" || str(in, "intro") == "" || !oaMediaExists(r, str(in, "headimg_mediaid"), "image") {
			return nil, ErrCode(CodeInvalidArgs)
		}
		if _, ok := in["first_catagory_id"].(float64); !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid args: first_catagory_id")
		}
		st.merchant = in
		st.audit = M{"audit_id": 415000000 + st.nextID, "status": 0, "reason": ""}
		st.nextID++
		return nil, nil
	})
	handle("GET /wxa/get_merchant_audit_info", func(_ *Request, st *mpStores, _ M) (any, error) {
		if st.audit == nil {
			return OK(M{"data": M{}}), nil
		}
		return OK(M{"data": st.audit}), nil
	})
	handle("POST /wxa/modify_merchant", func(_ *Request, st *mpStores, in M) (any, error) {
		if !approved(st) {
			return nil, ErrCode(CodeMPMerchantNotApproved)
		}
		for _, k := range []string{"headimg_mediaid", "intro"} {
			if v := str(in, k); v != "" {
				st.merchant[k] = v
			}
		}
		return nil, nil
	})
	handle("GET /wxa/get_district", func(_ *Request, _ *mpStores, _ M) (any, error) {
		return OK(M{"status": 0, "data_version": "20260101", "data": mpDistricts}), nil
	})
	handle("GET /wxa/get_merchant_category", func(_ *Request, _ *mpStores, _ M) (any, error) {
		return OK(M{"data": M{"all_category_info": M{"categories": mpMerchantCategories}}}), nil
	})
	handle("POST /wxa/create_map_poi", func(_ *Request, st *mpStores, in M) (any, error) {
		if str(in, "name") == "" || str(in, "address") == "" || str(in, "districtid") == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		id := fmt.Sprintf("%d", 1000000+st.nextID)
		st.nextID++
		st.mapPOIs = append(st.mapPOIs, M{"branch_name": in["name"], "address": in["address"], "longitude": in["longitude"],
			"latitude": in["latitude"], "telephone": in["telephone"], "category": in["category"], "sosomap_poi_uid": id,
			"data_supply": 1, "districtid": in["districtid"]})
		return OK(M{"data": M{"base_id": st.nextID, "rich_id": st.nextID + 1}}), nil
	})
	handle("POST /wxa/search_map_poi", func(_ *Request, st *mpStores, in M) (any, error) {
		d, _ := in["districtid"].(float64)
		kw := str(in, "keyword")
		if d == 0 || kw == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		items := []M{}
		for _, p := range st.mapPOIs {
			if p["districtid"] == fmt.Sprint(int(d)) && strings.Contains(fmt.Sprint(p["branch_name"], p["address"]), kw) {
				item := M{}
				for k, v := range p {
					if k != "districtid" {
						item[k] = v
					}
				}
				items = append(items, item)
			}
		}
		return OK(M{"data": M{"item": items}}), nil
	})
	findMap := func(st *mpStores, id string) M {
		i := slices.IndexFunc(st.mapPOIs, func(p M) bool { return p["sosomap_poi_uid"] == id })
		if i < 0 {
			return nil
		}
		return st.mapPOIs[i]
	}
	findStore := func(st *mpStores, id string) *mpStoreInfo {
		i := slices.IndexFunc(st.stores, func(x *mpStoreInfo) bool { return x.POIID == id })
		if i < 0 {
			return nil
		}
		return st.stores[i]
	}
	pics := func(in M) ([]string, *Error) {
		var p struct{ List []string }
		if s, ok := in["pic_list"].(string); ok && s != "" {
			if json.Unmarshal([]byte(s), &p) != nil || len(p.List) > 9 {
				return nil, ErrCode(CodeDataFormat)
			}
		}
		return append([]string{}, p.List...), nil
	}
	handle("POST /wxa/add_store", func(_ *Request, st *mpStores, in M) (any, error) {
		if !approved(st) {
			return nil, ErrCode(CodeMPMerchantNotApproved)
		}
		m := findMap(st, str(in, "map_poi_id"))
		if m == nil {
			return nil, ErrCode(CodeMPMapPOINotFound)
		}
		list, e := pics(in)
		if e != nil {
			return nil, e
		}
		lng, _ := m["longitude"].(float64)
		lat, _ := m["latitude"].(float64)
		x := &mpStoreInfo{POIID: fmt.Sprintf("%d", 470000000+st.nextID), MapPOIID: str(in, "map_poi_id"), BusinessName: fmt.Sprint(m["branch_name"]),
			Address: fmt.Sprint(m["address"]), Longitude: lng, Latitude: lat, ContractPhone: str(in, "contract_phone"), Hour: str(in, "hour"),
			PicList: list, Credential: str(in, "credential"), CompanyName: str(in, "company_name"), QualificationList: str(in, "qualification_list"),
			CardID: str(in, "card_id"), Status: 2}
		st.nextID++
		st.stores = append(st.stores, x)
		return OK(M{"data": M{"audit_id": st.nextID}}), nil
	})
	handle("POST /wxa/update_store", func(_ *Request, st *mpStores, in M) (any, error) {
		x := findStore(st, str(in, "poi_id"))
		if x == nil {
			return nil, ErrCode(CodeMPStoreNotFound)
		}
		list, e := pics(in)
		if e != nil {
			return nil, e
		}
		audited := false
		if v := str(in, "hour"); v != "" {
			x.Hour = v
		}
		if v := str(in, "contract_phone"); v != "" && v != x.ContractPhone {
			x.ContractPhone, audited = v, true
		}
		if v := str(in, "card_id"); v != "" {
			x.CardID = v
		}
		if len(list) > 0 {
			x.PicList, audited = list, true
		}
		if audited {
			x.Status = 2
			st.nextID++
			return OK(M{"data": M{"has_audit_id": 1, "audit_id": fmt.Sprint(st.nextID)}}), nil
		}
		return OK(M{"data": M{"has_audit_id": 0, "audit_id": "0"}}), nil
	})
	handle("POST /wxa/get_store_info", func(_ *Request, st *mpStores, in M) (any, error) {
		x := findStore(st, str(in, "poi_id"))
		if x == nil {
			return nil, ErrCode(CodeMPStoreNotFound)
		}
		return OK(M{"business": M{"base_info": x}}), nil
	})
	handle("POST /wxa/get_store_list", func(_ *Request, st *mpStores, in M) (any, error) {
		off, _ := in["offset"].(float64)
		lim, _ := in["limit"].(float64)
		if off < 0 || lim < 1 || lim > 50 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		o, l := int(off), int(lim)
		list := []M{}
		for _, x := range st.stores[min(o, len(st.stores)):min(o+l, len(st.stores))] {
			list = append(list, M{"base_info": x})
		}
		return OK(M{"business_list": list, "total_count": len(st.stores)}), nil
	})
	handle("POST /wxa/del_store", func(_ *Request, st *mpStores, in M) (any, error) {
		if findStore(st, str(in, "poi_id")) == nil {
			return nil, ErrCode(CodeMPStoreNotFound)
		}
		st.stores = slices.DeleteFunc(st.stores, func(x *mpStoreInfo) bool { return x.POIID == str(in, "poi_id") })
		return nil, nil
	})
	handle("POST /card/storewxa/get", func(_ *Request, st *mpStores, in M) (any, error) {
		x := findStore(st, str(in, "poi_id"))
		if x == nil {
			return nil, ErrCode(CodeMPStoreNotFound)
		}
		return OK(M{"card_id": x.CardID}), nil
	})
}
