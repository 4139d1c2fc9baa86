package miniprogram

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	nearbyAdd        = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/addnearbypoi"}
	nearbyDelete     = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/delnearbypoi"}
	nearbyList       = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/getnearbypoilist"}
	nearbyShowStatus = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/setnearbypoishowstatus"}
)

// MaxNearbyPOIPageRows is the largest page of NearbyPOI.List.
const MaxNearbyPOIPageRows = 1000

// ServiceInfo is a service a nearby location offers.
type ServiceInfo struct {
	ID    int    `json:"id"`
	Type  int    `json:"type"` // 1 template service, 2 custom service
	Name  string `json:"name"`
	AppID string `json:"appid"`
	Path  string `json:"path"`
}

// KFInfo is the customer-service contact of a nearby location.
type KFInfo struct {
	OpenKF    bool   `json:"open_kf"`
	KFHeadImg string `json:"kf_headimg,omitempty"`
	KFName    string `json:"kf_name,omitempty"`
}

// NearbyPOI is a location to show in "nearby mini programs". WeChat takes
// PicList, ServiceInfos and KFInfo as JSON strings; Add encodes them.
type NearbyPOI struct {
	PicList           []string      `json:"-"` // image URLs from media/uploadimg, at most 9
	ServiceInfos      []ServiceInfo `json:"-"`
	StoreName         string        `json:"store_name"`
	Hour              string        `json:"hour"` // such as "00:00-11:11"
	Credential        string        `json:"credential"`
	Address           string        `json:"address"`
	CompanyName       string        `json:"company_name"`
	QualificationList string        `json:"qualification_list"` // media ids, "|"-separated
	KFInfo            *KFInfo       `json:"-"`
	POIID             string        `json:"poi_id"` // Tencent map poi id
	MapPOIID          string        `json:"map_poi_id,omitempty"`
	ContractPhone     string        `json:"contract_phone,omitempty"`
}

// NearbyPOIAdded is the answer of Add.
type NearbyPOIAdded struct {
	AuditID           string `json:"audit_id"`
	POIID             string `json:"poi_id"`
	RelatedCredential string `json:"related_credential"`
}

// Add submits a nearby location for review.
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/nearby-poi/nearbyPoi.add.html
func (s *NearbyPOIService) Add(ctx context.Context, poi *NearbyPOI) (*NearbyPOIAdded, error) {
	if poi == nil {
		return nil, invalidArg("poi_id", "no location")
	}
	if err := required("store_name", poi.StoreName, "address", poi.Address, "poi_id", poi.POIID); err != nil {
		return nil, err
	}
	if len(poi.PicList) > 9 {
		return nil, invalidArg("pic_list", "at most 9 pictures")
	}
	enc := func(v any) string { b, _ := wechat.MarshalJSON(v); return string(b) }
	kf := poi.KFInfo
	if kf == nil {
		kf = &KFInfo{}
	}
	body := struct {
		*NearbyPOI
		IsCommNearby string `json:"is_comm_nearby"`
		PicList      string `json:"pic_list"`
		ServiceInfos string `json:"service_infos"`
		KFInfo       string `json:"kf_info"`
	}{poi, "1", enc(map[string][]string{"list": append([]string{}, poi.PicList...)}),
		enc(map[string][]ServiceInfo{"service_infos": append([]ServiceInfo{}, poi.ServiceInfos...)}), enc(kf)}
	out, err := call[struct {
		Data NearbyPOIAdded `json:"data"`
	}](ctx, s.c, nearbyAdd, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// Delete removes a nearby location.
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/nearby-poi/nearbyPoi.delete.html
func (s *NearbyPOIService) Delete(ctx context.Context, poiID string) error {
	if err := required("poi_id", poiID); err != nil {
		return err
	}
	return s.c.Do(ctx, nearbyDelete, nil, map[string]string{"poi_id": poiID}, nil)
}

// NearbyPOIInfo is a nearby location as listed.
type NearbyPOIInfo struct {
	POIID                string `json:"poi_id"`
	QualificationAddress string `json:"qualification_address"`
	QualificationNum     string `json:"qualification_num"`
	AuditStatus          int    `json:"audit_status"`   // 3 reviewing, 4 rejected, 5 approved
	DisplayStatus        int    `json:"display_status"` // 0 hidden, 1 shown
	RefuseReason         string `json:"refuse_reason"`
}

// NearbyPOIPage is one page of nearby locations.
type NearbyPOIPage struct {
	// LeftCount is the number of locations the account may still add.
	LeftCount int
	POIs      []NearbyPOIInfo
}

// List returns page (from 1) of the nearby locations, pageRows per page
// (at most 1000).
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/nearby-poi/nearbyPoi.getList.html
func (s *NearbyPOIService) List(ctx context.Context, page, pageRows int) (*NearbyPOIPage, error) {
	if page < 1 {
		return nil, invalidArg("page", "starts at 1")
	}
	if pageRows < 1 || pageRows > MaxNearbyPOIPageRows {
		return nil, invalidArg("page_rows", "must be 1-1000")
	}
	q := url.Values{"page": {strconv.Itoa(page)}, "page_rows": {strconv.Itoa(pageRows)}}
	out, err := call[struct {
		Data struct {
			LeftCount int    `json:"left_count"`
			Data      string `json:"data"` // a JSON string: {"poi_list":[...]}
		} `json:"data"`
	}](ctx, s.c, nearbyList, q, nil)
	if err != nil {
		return nil, err
	}
	res := &NearbyPOIPage{LeftCount: out.Data.LeftCount}
	if out.Data.Data != "" {
		var inner struct {
			POIList []NearbyPOIInfo `json:"poi_list"`
		}
		if err := json.Unmarshal([]byte(out.Data.Data), &inner); err != nil {
			return nil, fmt.Errorf("miniprogram: decode nearby poi list: %w", err)
		}
		res.POIs = inner.POIList
	}
	return res, nil
}

// All iterates over every nearby location, fetching pages of 100 as needed.
// The first error is yielded and ends the iteration.
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/nearby-poi/nearbyPoi.getList.html
func (s *NearbyPOIService) All(ctx context.Context) iter.Seq2[NearbyPOIInfo, error] {
	const rows = 100
	return func(yield func(NearbyPOIInfo, error) bool) {
		for page := 1; ; page++ {
			p, err := s.List(ctx, page, rows)
			if err != nil {
				yield(NearbyPOIInfo{}, err)
				return
			}
			for _, poi := range p.POIs {
				if !yield(poi, nil) {
					return
				}
			}
			if len(p.POIs) < rows {
				return
			}
		}
	}
}

// SetShowStatus shows (true) or hides a nearby location.
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/nearby-poi/nearbyPoi.setShowStatus.html
func (s *NearbyPOIService) SetShowStatus(ctx context.Context, poiID string, show bool) error {
	if err := required("poi_id", poiID); err != nil {
		return err
	}
	body := struct {
		POIID  string `json:"poi_id"`
		Status int    `json:"status"`
	}{poiID, boolInt(show)}
	return s.c.Do(ctx, nearbyShowStatus, nil, body, nil)
}
