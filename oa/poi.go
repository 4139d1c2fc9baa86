package oa

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	poiAdd        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/poi/addpoi"}
	poiGet        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/poi/getpoi"}
	poiList       = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/poi/getpoilist"}
	poiUpdate     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/poi/updatepoi"}
	poiDelete     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/poi/delpoi"}
	poiCategories = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/poi/getwxcategory"}
)

// maxPOIPageSize is the largest limit of getpoilist.
const maxPOIPageSize = 50

// POIPhoto is a store photo, uploaded with MaterialService.UploadImage.
type POIPhoto struct {
	PhotoURL string `json:"photo_url"`
}

// POI is a store (门店). Create takes every field but PoiID,
// AvailableState and UpdateStatus, which come in answers.
type POI struct {
	// SID is the developer's own id of the store.
	SID          string `json:"sid,omitempty"`
	BusinessName string `json:"business_name"`
	BranchName   string `json:"branch_name,omitempty"`
	Province     string `json:"province"`
	City         string `json:"city"`
	District     string `json:"district,omitempty"`
	Address      string `json:"address"`
	Telephone    string `json:"telephone"`
	// Categories holds one category of Categories, such as "美食,小吃快餐".
	Categories []string `json:"categories"`
	// OffsetType is the coordinate system: 1 for GCJ-02 (火星坐标), 3 for Baidu.
	OffsetType   int        `json:"offset_type"`
	Longitude    float64    `json:"longitude"`
	Latitude     float64    `json:"latitude"`
	PhotoList    []POIPhoto `json:"photo_list,omitempty"`
	Recommend    string     `json:"recommend,omitempty"`
	Special      string     `json:"special,omitempty"`
	Introduction string     `json:"introduction,omitempty"`
	OpenTime     string     `json:"open_time,omitempty"` // such as "8:00-20:00"
	AvgPrice     int        `json:"avg_price,omitempty"` // yuan per person

	PoiID string `json:"poi_id,omitempty"`
	// AvailableState is 1 system error, 2 under review, 3 approved, 4 rejected.
	AvailableState int `json:"available_state,omitempty"`
	// UpdateStatus is 1 while an update is under review.
	UpdateStatus int `json:"update_status,omitempty"`
}

// POIUpdate changes the service information of a store; the basic
// information (name, address, categories, position) cannot be updated.
// Empty fields are left unchanged; a PhotoList replaces the photos.
type POIUpdate struct {
	PoiID        string     `json:"poi_id"`
	SID          string     `json:"sid,omitempty"`
	Telephone    string     `json:"telephone,omitempty"`
	PhotoList    []POIPhoto `json:"photo_list,omitempty"`
	Recommend    string     `json:"recommend,omitempty"`
	Special      string     `json:"special,omitempty"`
	Introduction string     `json:"introduction,omitempty"`
	OpenTime     string     `json:"open_time,omitempty"`
	AvgPrice     int        `json:"avg_price,omitempty"`
}

// POIList is one page of stores.
type POIList struct {
	TotalCount int
	POIs       []POI
}

type poiBusiness[T any] struct {
	Business struct {
		BaseInfo T `json:"base_info"`
	} `json:"business"`
}

func wrapPOI[T any](v T) *poiBusiness[T] {
	b := new(poiBusiness[T])
	b.Business.BaseInfo = v
	return b
}

type poiIDBody struct {
	PoiID string `json:"poi_id"`
}

// Create adds a store, which WeChat then reviews (the poi_check_notify
// event), and returns its poi_id.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
func (s *POIService) Create(ctx context.Context, poi *POI) (string, error) {
	if poi == nil {
		return "", invalidArg("base_info", "nil")
	}
	for _, f := range []struct{ name, v string }{
		{"business_name", poi.BusinessName}, {"province", poi.Province}, {"city", poi.City},
		{"address", poi.Address}, {"telephone", poi.Telephone},
	} {
		if f.v == "" {
			return "", invalidArg(f.name, "required")
		}
	}
	if len(poi.Categories) != 1 {
		return "", invalidArg("categories", "exactly one category is required")
	}
	p := *poi
	p.PoiID, p.AvailableState, p.UpdateStatus = "", 0, 0
	// WeChat answers poi_id as a number or a string.
	out, err := call[struct {
		PoiID json.Number `json:"poi_id"`
	}](ctx, s.c, poiAdd, nil, wrapPOI(&p))
	if err != nil {
		return "", err
	}
	return out.PoiID.String(), nil
}

// Get returns a store.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
func (s *POIService) Get(ctx context.Context, poiID string) (*POI, error) {
	if poiID == "" {
		return nil, invalidArg("poi_id", "empty")
	}
	out, err := call[poiBusiness[POI]](ctx, s.c, poiGet, nil, poiIDBody{poiID})
	if err != nil {
		return nil, err
	}
	return &out.Business.BaseInfo, nil
}

// List returns one page of the stores, from begin, limit (1 to 50) at most.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
func (s *POIService) List(ctx context.Context, begin, limit int) (*POIList, error) {
	switch {
	case begin < 0:
		return nil, invalidArg("begin", "negative")
	case limit < 1 || limit > maxPOIPageSize:
		return nil, invalidArg("limit", fmt.Sprintf("%d is not in 1..%d", limit, maxPOIPageSize))
	}
	out, err := call[struct {
		BusinessList []struct {
			BaseInfo POI `json:"base_info"`
		} `json:"business_list"`
		TotalCount json.Number `json:"total_count"`
	}](ctx, s.c, poiList, nil, struct {
		Begin int `json:"begin"`
		Limit int `json:"limit"`
	}{begin, limit})
	if err != nil {
		return nil, err
	}
	total, err := out.TotalCount.Int64()
	if err != nil && out.TotalCount != "" {
		return nil, fmt.Errorf("oa: getpoilist total_count %q: %w", out.TotalCount, err)
	}
	l := &POIList{TotalCount: int(total), POIs: make([]POI, len(out.BusinessList))}
	for i, b := range out.BusinessList {
		l.POIs[i] = b.BaseInfo
	}
	return l, nil
}

// All iterates over every store, fetching pages of pageSize (1 to 50; 0
// means 50) as the loop goes. The first error is yielded and ends the
// iteration.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
func (s *POIService) All(ctx context.Context, pageSize int) iter.Seq2[POI, error] {
	if pageSize == 0 {
		pageSize = maxPOIPageSize
	}
	return wechat.OffsetPages(ctx, pageSize, func(ctx context.Context, offset, count int) ([]POI, int, error) {
		p, err := s.List(ctx, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.POIs, p.TotalCount, nil
	})
}

// Update changes the service information of an approved store; the change
// is reviewed again.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
func (s *POIService) Update(ctx context.Context, u *POIUpdate) error {
	if u == nil || u.PoiID == "" {
		return invalidArg("poi_id", "empty")
	}
	return s.c.Do(ctx, poiUpdate, nil, wrapPOI(u), nil)
}

// Delete deletes a store.
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
func (s *POIService) Delete(ctx context.Context, poiID string) error {
	if poiID == "" {
		return invalidArg("poi_id", "empty")
	}
	return s.c.Do(ctx, poiDelete, nil, poiIDBody{poiID}, nil)
}

// Categories returns the store categories WeChat accepts, each as
// "level1,level2[,level3]".
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html
func (s *POIService) Categories(ctx context.Context) ([]string, error) {
	out, err := call[struct {
		List []string `json:"category_list"`
	}](ctx, s.c, poiCategories, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}
