package miniprogram

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	storeApplyMerchant  = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/apply_merchant"}
	storeAuditInfo      = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/get_merchant_audit_info"}
	storeModifyMerchant = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/modify_merchant"}
	storeDistrict       = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/get_district"}
	storeSearchMapPOI   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/search_map_poi"}
	storeCreateMapPOI   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/create_map_poi"}
	storeAdd            = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/add_store"}
	storeUpdate         = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/update_store"}
	storeGet            = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/get_store_info"}
	storeList           = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/get_store_list"}
	storeDelete         = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/del_store"}
	storeCard           = wechat.Endpoint{Method: http.MethodPost, Path: "/card/storewxa/get"}
	storeCategories     = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/get_merchant_category"}
)

// MaxStorePage is the largest page of StoreService.List.
const MaxStorePage = 50

// MerchantApplication is the request of ApplyMerchant (门店小程序 merchant
// qualification). WeChat spells the category fields "catagory".
type MerchantApplication struct {
	FirstCategoryID  int `json:"first_catagory_id"`
	SecondCategoryID int `json:"second_catagory_id"`
	// QualificationList holds media ids of the qualification images, "|"-separated.
	QualificationList string `json:"qualification_list,omitempty"`
	HeadImgMediaID    string `json:"headimg_mediaid"`
	Nickname          string `json:"nickname"`
	Intro             string `json:"intro"`
	OrgCode           string `json:"org_code,omitempty"`
	OtherFiles        string `json:"other_files,omitempty"`
}

// ApplyMerchant applies for the store capability with the merchant's qualifications.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) ApplyMerchant(ctx context.Context, app *MerchantApplication) error {
	if app == nil {
		return invalidArg("nickname", "no application")
	}
	if err := required("headimg_mediaid", app.HeadImgMediaID, "nickname", app.Nickname, "intro", app.Intro); err != nil {
		return err
	}
	if app.FirstCategoryID <= 0 || app.SecondCategoryID <= 0 {
		return invalidArg("first_catagory_id", "categories are required")
	}
	return s.c.Do(ctx, storeApplyMerchant, nil, app, nil)
}

// MerchantAudit is the review state of the merchant application.
type MerchantAudit struct {
	AuditID int64  `json:"audit_id"`
	Status  int    `json:"status"` // 0 under review, 1 approved, 2 rejected, 3 being changed
	Reason  string `json:"reason"`
}

// MerchantAuditInfo returns the review state of the merchant application.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) MerchantAuditInfo(ctx context.Context) (*MerchantAudit, error) {
	out, err := call[struct {
		Data MerchantAudit `json:"data"`
	}](ctx, s.c, storeAuditInfo, nil, nil)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// ModifyMerchant changes the merchant's avatar and introduction.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) ModifyMerchant(ctx context.Context, headImgMediaID, intro string) error {
	if headImgMediaID == "" && intro == "" {
		return invalidArg("intro", "nothing to change")
	}
	body := struct {
		HeadImgMediaID string `json:"headimg_mediaid,omitempty"`
		Intro          string `json:"intro,omitempty"`
	}{headImgMediaID, intro}
	return s.c.Do(ctx, storeModifyMerchant, nil, body, nil)
}

// District is an administrative area (province, city or district).
type District struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	FullName string   `json:"fullname"`
	Pinyin   []string `json:"pinyin,omitempty"`
	Location struct {
		Lat float64 `json:"lat"`
		Lng float64 `json:"lng"`
	} `json:"location"`
	// Cidx are the indexes of the children in the next level.
	Cidx []int `json:"cidx,omitempty"`
}

// Districts returns the administrative areas by level: provinces, then
// cities, then districts.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) Districts(ctx context.Context) ([][]District, error) {
	out, err := call[struct {
		Data [][]District `json:"data"`
	}](ctx, s.c, storeDistrict, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// MapPOI is a location of the Tencent map.
type MapPOI struct {
	BranchName    string  `json:"branch_name"`
	Address       string  `json:"address"`
	Longitude     float64 `json:"longitude"`
	Latitude      float64 `json:"latitude"`
	Telephone     string  `json:"telephone"`
	Category      string  `json:"category"`
	SosomapPOIUID string  `json:"sosomap_poi_uid"` // the map_poi_id of AddStore
	DataSupply    int     `json:"data_supply"`
}

// SearchMapPOI searches the Tencent map locations of a district.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) SearchMapPOI(ctx context.Context, districtID int, keyword string) ([]MapPOI, error) {
	if districtID <= 0 {
		return nil, invalidArg("districtid", "required")
	}
	if err := required("keyword", keyword); err != nil {
		return nil, err
	}
	body := struct {
		DistrictID int    `json:"districtid"`
		Keyword    string `json:"keyword"`
	}{districtID, keyword}
	out, err := call[struct {
		Data struct {
			Item []MapPOI `json:"item"`
		} `json:"data"`
	}](ctx, s.c, storeSearchMapPOI, nil, body)
	if err != nil {
		return nil, err
	}
	return out.Data.Item, nil
}

// NewMapPOI is a location to create on the Tencent map.
type NewMapPOI struct {
	Name       string  `json:"name"`
	Longitude  float64 `json:"longitude"`
	Latitude   float64 `json:"latitude"`
	Province   string  `json:"province"`
	City       string  `json:"city"`
	District   string  `json:"district"`
	Address    string  `json:"address"`
	Category   string  `json:"category"` // such as "美食:中餐厅"
	Telephone  string  `json:"telephone"`
	Photo      string  `json:"photo"`   // image URL
	License    string  `json:"license"` // image URL of the business licence
	Introduct  string  `json:"introduct"`
	DistrictID string  `json:"districtid"`
}

// CreatedMapPOI is the answer of CreateMapPOI.
type CreatedMapPOI struct {
	BaseID int64 `json:"base_id"`
	RichID int64 `json:"rich_id"`
}

// CreateMapPOI creates a location on the Tencent map (reviewed by Tencent).
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) CreateMapPOI(ctx context.Context, poi *NewMapPOI) (*CreatedMapPOI, error) {
	if poi == nil {
		return nil, invalidArg("name", "no location")
	}
	if err := required("name", poi.Name, "address", poi.Address, "districtid", poi.DistrictID); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Data CreatedMapPOI `json:"data"`
	}](ctx, s.c, storeCreateMapPOI, nil, poi)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// Store is a store to add or update. PicList is sent as the JSON string
// WeChat expects.
type Store struct {
	POIID             string   `json:"poi_id"` // "" when adding from a map location
	MapPOIID          string   `json:"map_poi_id"`
	PicList           []string `json:"-"`
	ContractPhone     string   `json:"contract_phone"`
	Hour              string   `json:"hour"` // such as "10:00-21:00"
	Credential        string   `json:"credential,omitempty"`
	CompanyName       string   `json:"company_name,omitempty"`
	QualificationList string   `json:"qualification_list,omitempty"`
	CardID            string   `json:"card_id,omitempty"`
}

type storeBody struct {
	*Store
	PicList string `json:"pic_list"`
}

func (st *Store) body() storeBody {
	b, _ := wechat.MarshalJSON(map[string][]string{"list": append([]string{}, st.PicList...)})
	return storeBody{st, string(b)}
}

// AddStore adds a store at a map location and returns the audit id.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) AddStore(ctx context.Context, st *Store) (string, error) {
	if st == nil {
		return "", invalidArg("map_poi_id", "no store")
	}
	if err := required("map_poi_id", st.MapPOIID, "hour", st.Hour, "contract_phone", st.ContractPhone); err != nil {
		return "", err
	}
	out, err := call[struct {
		Data struct {
			AuditID json.Number `json:"audit_id"`
		} `json:"data"`
	}](ctx, s.c, storeAdd, nil, st.body())
	if err != nil {
		return "", err
	}
	return out.Data.AuditID.String(), nil
}

// StoreUpdate is the answer of UpdateStore.
type StoreUpdate struct {
	HasAuditID int    `json:"has_audit_id"` // 1 when the change is reviewed
	AuditID    string `json:"audit_id"`
}

// UpdateStore changes a store (st.POIID).
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) UpdateStore(ctx context.Context, st *Store) (*StoreUpdate, error) {
	if st == nil {
		return nil, invalidArg("poi_id", "no store")
	}
	if err := required("poi_id", st.POIID); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Data StoreUpdate `json:"data"`
	}](ctx, s.c, storeUpdate, nil, st.body())
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// StoreInfo is a store as WeChat reports it.
type StoreInfo struct {
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
	Status            int      `json:"status"` // 1 approved, 2 under review, 3 rejected
}

type storeEnvelope struct {
	BaseInfo StoreInfo `json:"base_info"`
}

// GetStore returns a store.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) GetStore(ctx context.Context, poiID string) (*StoreInfo, error) {
	if err := required("poi_id", poiID); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Business storeEnvelope `json:"business"`
	}](ctx, s.c, storeGet, nil, map[string]string{"poi_id": poiID})
	if err != nil {
		return nil, err
	}
	return &out.Business.BaseInfo, nil
}

// StorePage is one page of stores.
type StorePage struct {
	Stores     []StoreInfo
	TotalCount int
}

// ListStores returns limit (at most 50) stores from offset.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) ListStores(ctx context.Context, offset, limit int) (*StorePage, error) {
	if err := checkPage(offset, limit, MaxStorePage); err != nil {
		return nil, err
	}
	out, err := call[struct {
		BusinessList []storeEnvelope `json:"business_list"`
		TotalCount   int             `json:"total_count"`
	}](ctx, s.c, storeList, nil, map[string]int{"offset": offset, "limit": limit})
	if err != nil {
		return nil, err
	}
	p := &StorePage{TotalCount: out.TotalCount, Stores: make([]StoreInfo, len(out.BusinessList))}
	for i, b := range out.BusinessList {
		p.Stores[i] = b.BaseInfo
	}
	return p, nil
}

// AllStores iterates over every store.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) AllStores(ctx context.Context) iter.Seq2[StoreInfo, error] {
	return wechat.OffsetPages(ctx, MaxStorePage, func(ctx context.Context, offset, count int) ([]StoreInfo, int, error) {
		p, err := s.ListStores(ctx, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.Stores, p.TotalCount, nil
	})
}

// DeleteStore deletes a store.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) DeleteStore(ctx context.Context, poiID string) error {
	if err := required("poi_id", poiID); err != nil {
		return err
	}
	return s.c.Do(ctx, storeDelete, nil, map[string]string{"poi_id": poiID}, nil)
}

// StoreCard returns the id of the card bound to a store ("" if none).
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) StoreCard(ctx context.Context, poiID string) (string, error) {
	if err := required("poi_id", poiID); err != nil {
		return "", err
	}
	out, err := call[struct {
		CardID string `json:"card_id"`
	}](ctx, s.c, storeCard, nil, map[string]string{"poi_id": poiID})
	if err != nil {
		return "", err
	}
	return out.CardID, nil
}

// MerchantCategory is a category a merchant can apply for.
type MerchantCategory struct {
	ID            int                `json:"id"`
	Name          string             `json:"name"`
	Level         int                `json:"level"`
	Father        int                `json:"father"`
	Children      []int              `json:"children"`
	SensitiveType int                `json:"sensitive_type"`
	Qualify       *CategoryQualifier `json:"qualify,omitempty"`
}

// CategoryQualifier lists the qualifications a category requires.
type CategoryQualifier struct {
	ExterList []struct {
		InnerList []struct {
			Name string `json:"name"`
		} `json:"inner_list"`
	} `json:"exter_list"`
}

// MerchantCategories returns the categories of the merchant application.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
func (s *StoreService) MerchantCategories(ctx context.Context) ([]MerchantCategory, error) {
	out, err := call[struct {
		Data struct {
			AllCategoryInfo struct {
				Categories []MerchantCategory `json:"categories"`
			} `json:"all_category_info"`
		} `json:"data"`
	}](ctx, s.c, storeCategories, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Data.AllCategoryInfo.Categories, nil
}
