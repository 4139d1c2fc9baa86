package channels

import (
	"bytes"
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	addressAdd    = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/merchant/address/add"}
	addressGet    = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/merchant/address/get"}
	addressList   = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/merchant/address/list"}
	addressUpdate = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/merchant/address/update"}
	addressDelete = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/merchant/address/delete"}
)

// AddressPageSize is the page size AddressService.List asks for (the docs'
// example; they give no limit).
const AddressPageSize = 100

// AddressFlag is a yes/no flag of an address. The docs type these fields
// as booleans but their examples answer 0 and 1: both decode; it is sent
// as a boolean.
type AddressFlag bool

// UnmarshalJSON accepts true, false, 0, 1 and null.
func (f *AddressFlag) UnmarshalJSON(b []byte) error {
	switch string(bytes.TrimSpace(b)) {
	case "true", "1":
		*f = true
	case "false", "0", "null":
		*f = false
	default:
		return invalidArg("address flag", "not a boolean: "+string(b))
	}
	return nil
}

// MerchantAddress is a merchant address (商家地址): where the shop sends goods
// from and receives returns.
type MerchantAddress struct {
	// AddressID is WeChat's id: answered by Get, sent by Update.
	AddressID wechat.FlexID `json:"address_id,omitempty"`
	// Name is the contact's name.
	Name        string      `json:"name"`
	AddressInfo AddressInfo `json:"address_info"`
	// Landline is a fixed-line phone number.
	Landline string `json:"landline,omitempty"`
	// SendAddr marks a shipping address (发货地址), DefaultSend the
	// default one.
	SendAddr    AddressFlag `json:"send_addr"`
	DefaultSend AddressFlag `json:"default_send"`
	// RecvAddr marks a return address (收货地址), DefaultRecv the default
	// one.
	RecvAddr    AddressFlag `json:"recv_addr"`
	DefaultRecv AddressFlag `json:"default_recv"`
	// CreateTime and UpdateTime are Unix seconds, answered by Get.
	CreateTime  int64               `json:"create_time,omitempty"`
	UpdateTime  int64               `json:"update_time,omitempty"`
	AddressType *OfflineAddressType `json:"address_type,omitempty"`
}

// AddressInfo is the region and street of an address.
type AddressInfo struct {
	UserName   string `json:"user_name"`
	PostalCode string `json:"postal_code"`
	// ProvinceName, CityName and CountyName are the national-standard
	// first, second and third levels.
	ProvinceName string `json:"province_name"`
	CityName     string `json:"city_name"`
	CountyName   string `json:"county_name"`
	DetailInfo   string `json:"detail_info"`
	NationalCode string `json:"national_code,omitempty"`
	TelNumber    string `json:"tel_number,omitempty"`
	// Lat and Lng are the latitude and longitude.
	Lat         float64 `json:"lat"`
	Lng         float64 `json:"lng"`
	HouseNumber string  `json:"house_number,omitempty"`
}

// OfflineAddressType marks an address for local delivery or pickup.
type OfflineAddressType struct {
	// SameCity is 1 for same-city delivery (同城配送).
	SameCity int `json:"same_city,omitempty"`
	// Pickup is 1 for buyer pickup (用户自提).
	Pickup int `json:"pickup,omitempty"`
}

func (a *MerchantAddress) check() error {
	if a == nil {
		return invalidArg("address_detail", "no address")
	}
	i := &a.AddressInfo
	return required("user_name", i.UserName, "province_name", i.ProvinceName, "city_name", i.CityName,
		"county_name", i.CountyName, "detail_info", i.DetailInfo)
}

// Add adds a merchant address and returns its id.
// https://developers.weixin.qq.com/doc/store/API/merchant/address/add.html
func (s *AddressService) Add(ctx context.Context, a *MerchantAddress) (wechat.FlexID, error) {
	if err := a.check(); err != nil {
		return "", err
	}
	out, err := call[struct {
		AddressID wechat.FlexID `json:"address_id"`
	}](ctx, s.c, addressAdd, nil, map[string]*MerchantAddress{"address_detail": a})
	if err != nil {
		return "", err
	}
	return out.AddressID, nil
}

// Get returns a merchant address.
// https://developers.weixin.qq.com/doc/store/API/merchant/address/get.html
func (s *AddressService) Get(ctx context.Context, addressID string) (*MerchantAddress, error) {
	body, err := byID("address_id", addressID)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		AddressDetail MerchantAddress `json:"address_detail"`
	}](ctx, s.c, addressGet, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.AddressDetail, nil
}

// ListPage returns the ids of up to limit addresses from offset.
// https://developers.weixin.qq.com/doc/store/API/merchant/address/list.html
func (s *AddressService) ListPage(ctx context.Context, offset, limit int) ([]wechat.FlexID, error) {
	switch {
	case offset < 0:
		return nil, invalidArg("offset", "below 0")
	case limit < 1:
		return nil, invalidArg("limit", "below 1")
	}
	body := struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit"`
	}{offset, limit}
	out, err := call[struct {
		AddressIDList []wechat.FlexID `json:"address_id_list"`
	}](ctx, s.c, addressList, nil, body)
	if err != nil {
		return nil, err
	}
	return out.AddressIDList, nil
}

// List iterates over the ids of the shop's addresses, AddressPageSize at a
// time, until a page comes back short.
// https://developers.weixin.qq.com/doc/store/API/merchant/address/list.html
func (s *AddressService) List(ctx context.Context) iter.Seq2[wechat.FlexID, error] {
	return wechat.OffsetPages(ctx, AddressPageSize, func(ctx context.Context, offset, count int) ([]wechat.FlexID, int, error) {
		ids, err := s.ListPage(ctx, offset, count)
		if err != nil {
			return nil, 0, err
		}
		total := offset + len(ids)
		if len(ids) == count {
			total++ // a full page: there may be more
		}
		return ids, total, nil
	})
}

// Update replaces the address a.AddressID.
// https://developers.weixin.qq.com/doc/store/API/merchant/address/update.html
func (s *AddressService) Update(ctx context.Context, a *MerchantAddress) error {
	if err := a.check(); err != nil {
		return err
	}
	if err := required("address_id", a.AddressID.String()); err != nil {
		return err
	}
	return s.c.Do(ctx, addressUpdate, nil, map[string]*MerchantAddress{"address_detail": a}, nil)
}

// Delete deletes a merchant address.
// https://developers.weixin.qq.com/doc/store/API/merchant/address/delete.html
func (s *AddressService) Delete(ctx context.Context, addressID string) error {
	body, err := byID("address_id", addressID)
	if err != nil {
		return err
	}
	return s.c.Do(ctx, addressDelete, nil, body, nil)
}
