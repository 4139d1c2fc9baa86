package fakewechat

import (
	"slices"
	"strconv"
	"sync"
)

// Official account stores (门店): addpoi checks the required fields, the
// category (one of OAPOICategories) and the coordinates, and stores the
// POI as approved (available_state 3); updatepoi changes only the service
// fields and marks an update under review (update_status 1); getpoilist
// lists stores oldest first with total_count as a string, as WeChat does.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
func init() {
	for code, msg := range map[int]string{
		CodePOIInvalidCategory: "invalid category",
		CodePOINameEmpty:       "business_name is empty",
		CodePOIAddressEmpty:    "address is empty",
		CodePOITelephoneEmpty:  "telephone is empty",
		CodePOICityEmpty:       "city is empty",
		CodePOIProvinceEmpty:   "province is empty",
		CodePOICategoryEmpty:   "categories is empty",
		CodePOICoordinates:     "invalid longitude or latitude",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerOAPOI)
}

// Errcodes of the store endpoints; an unknown poi_id answers 40097.
const (
	CodePOIInvalidCategory = 65104
	CodePOINameEmpty       = 65109
	CodePOIAddressEmpty    = 65110
	CodePOITelephoneEmpty  = 65111
	CodePOICityEmpty       = 65112
	CodePOIProvinceEmpty   = 65113
	CodePOICategoryEmpty   = 65114
	CodePOICoordinates     = 65115
	oaFirstPOIID           = 271262077
)

// OAPOICategories are the categories getwxcategory answers.
var OAPOICategories = []string{"美食,小吃快餐", "美食,江浙菜,上海菜", "购物,便利店", "生活服务,洗衣"}

type oaPOIPhoto struct {
	PhotoURL string `json:"photo_url"`
}

type oaPOI struct {
	SID            string       `json:"sid"`
	BusinessName   string       `json:"business_name"`
	BranchName     string       `json:"branch_name"`
	Province       string       `json:"province"`
	City           string       `json:"city"`
	District       string       `json:"district"`
	Address        string       `json:"address"`
	Telephone      string       `json:"telephone"`
	Categories     []string     `json:"categories"`
	OffsetType     int          `json:"offset_type"`
	Longitude      float64      `json:"longitude"`
	Latitude       float64      `json:"latitude"`
	PhotoList      []oaPOIPhoto `json:"photo_list"`
	Recommend      string       `json:"recommend"`
	Special        string       `json:"special"`
	Introduction   string       `json:"introduction"`
	OpenTime       string       `json:"open_time"`
	AvgPrice       int          `json:"avg_price"`
	PoiID          string       `json:"poi_id"`
	AvailableState int          `json:"available_state"`
	UpdateStatus   int          `json:"update_status"`
}

// clone copies p, so that an answer is encoded after the lock is released.
func (p *oaPOI) clone() *oaPOI {
	c := *p
	c.Categories = slices.Clone(p.Categories)
	c.PhotoList = slices.Clone(p.PhotoList)
	return &c
}

type oaPOIStore struct {
	mu   sync.Mutex
	next int
	pois []*oaPOI
}

func oaPOIs(st *State) *oaPOIStore {
	return Value(st, "oa.poi", func() *oaPOIStore { return &oaPOIStore{next: oaFirstPOIID} })
}

// find returns the POI; call with ps.mu held.
func (ps *oaPOIStore) find(id string) (int, *oaPOI) {
	for i, p := range ps.pois {
		if p.PoiID == id {
			return i, p
		}
	}
	return -1, nil
}

func checkOAPOI(p *oaPOI) *Error {
	switch {
	case p.BusinessName == "":
		return ErrCode(CodePOINameEmpty)
	case p.Province == "":
		return ErrCode(CodePOIProvinceEmpty)
	case p.City == "":
		return ErrCode(CodePOICityEmpty)
	case p.Address == "":
		return ErrCode(CodePOIAddressEmpty)
	case p.Telephone == "":
		return ErrCode(CodePOITelephoneEmpty)
	case len(p.Categories) == 0:
		return ErrCode(CodePOICategoryEmpty)
	case len(p.Categories) > 1 || !slices.Contains(OAPOICategories, p.Categories[0]):
		return ErrCode(CodePOIInvalidCategory)
	case p.Longitude < -180 || p.Longitude > 180 || p.Latitude < -90 || p.Latitude > 90 || (p.Longitude == 0 && p.Latitude == 0):
		return ErrCode(CodePOICoordinates)
	}
	return nil
}

// withPOI runs fn with the store locked on the index of the POI named by
// the poi_id (a string or a number) of the body.
func withPOI(r *Request, fn func(ps *oaPOIStore, i int) (any, error)) (any, error) {
	var in struct {
		PoiID any `json:"poi_id"`
	}
	if err := r.Decode(&in); err != nil {
		return nil, err
	}
	var id string
	switch v := in.PoiID.(type) {
	case string:
		id = v
	case float64:
		id = strconv.FormatInt(int64(v), 10)
	}
	ps := oaPOIs(r.State())
	ps.mu.Lock()
	defer ps.mu.Unlock()
	i, _ := ps.find(id)
	if i < 0 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: poi_id")
	}
	return fn(ps, i)
}

func registerOAPOI(s *Server) {
	s.HandleJSON("POST /cgi-bin/poi/addpoi", func(r *Request) (any, error) {
		var in struct {
			Business struct {
				BaseInfo *oaPOI `json:"base_info"`
			} `json:"business"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		p := in.Business.BaseInfo
		if p == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: business.base_info missing")
		}
		if err := checkOAPOI(p); err != nil {
			return nil, err
		}
		ps := oaPOIs(r.State())
		ps.mu.Lock()
		defer ps.mu.Unlock()
		p.PoiID, p.AvailableState, p.UpdateStatus = strconv.Itoa(ps.next), 3, 0
		ps.next++
		ps.pois = append(ps.pois, p)
		return OK(M{"poi_id": ps.next - 1}), nil
	})

	s.HandleJSON("POST /cgi-bin/poi/getpoi", func(r *Request) (any, error) {
		return withPOI(r, func(ps *oaPOIStore, i int) (any, error) {
			return OK(M{"business": M{"base_info": ps.pois[i].clone()}}), nil
		})
	})

	s.HandleJSON("POST /cgi-bin/poi/getpoilist", func(r *Request) (any, error) {
		var in struct {
			Begin int `json:"begin"`
			Limit int `json:"limit"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Begin < 0 || in.Limit < 1 || in.Limit > 50 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: begin or limit")
		}
		ps := oaPOIs(r.State())
		ps.mu.Lock()
		defer ps.mu.Unlock()
		list := []M{}
		if in.Begin < len(ps.pois) {
			for _, p := range ps.pois[in.Begin:min(in.Begin+in.Limit, len(ps.pois))] {
				list = append(list, M{"base_info": p.clone()})
			}
		}
		return OK(M{"business_list": list, "total_count": strconv.Itoa(len(ps.pois))}), nil
	})

	s.HandleJSON("POST /cgi-bin/poi/updatepoi", func(r *Request) (any, error) {
		var in struct {
			Business struct {
				BaseInfo map[string]any `json:"base_info"`
			} `json:"business"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		u := in.Business.BaseInfo
		id, _ := u["poi_id"].(string)
		ps := oaPOIs(r.State())
		ps.mu.Lock()
		defer ps.mu.Unlock()
		_, p := ps.find(id)
		if p == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: poi_id")
		}
		for k := range u {
			switch k {
			case "poi_id", "sid", "telephone", "photo_list", "recommend", "special", "introduction", "open_time", "avg_price":
			default:
				return nil, Errorf(CodeInvalidArgs, "invalid args: %s cannot be updated", k)
			}
		}
		str := func(k string, dst *string) {
			if v, ok := u[k].(string); ok {
				*dst = v
			}
		}
		str("sid", &p.SID)
		str("telephone", &p.Telephone)
		str("recommend", &p.Recommend)
		str("special", &p.Special)
		str("introduction", &p.Introduction)
		str("open_time", &p.OpenTime)
		if v, ok := u["avg_price"].(float64); ok {
			p.AvgPrice = int(v)
		}
		if v, ok := u["photo_list"].([]any); ok {
			p.PhotoList = p.PhotoList[:0]
			for _, ph := range v {
				m, _ := ph.(map[string]any)
				url, _ := m["photo_url"].(string)
				p.PhotoList = append(p.PhotoList, oaPOIPhoto{url})
			}
		}
		p.UpdateStatus = 1
		return nil, nil
	})

	s.HandleJSON("POST /cgi-bin/poi/delpoi", func(r *Request) (any, error) {
		return withPOI(r, func(ps *oaPOIStore, i int) (any, error) {
			ps.pois = slices.Delete(ps.pois, i, i+1)
			return nil, nil
		})
	})

	s.HandleJSON("GET /cgi-bin/poi/getwxcategory", func(r *Request) (any, error) {
		return M{"category_list": OAPOICategories}, nil
	})
}
