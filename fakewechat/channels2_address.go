package fakewechat

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Channels shop merchant addresses (微信小店 地址管理), kept per app: see
// the "Channels shop" section of the package doc for the rules.
func init() { builtin = append(builtin, registerChannelsAddresses) }

type chAddress struct {
	ID      string
	Detail  M // address_detail as sent, flags as booleans
	Created int64
	Updated int64
}

type chAddresses struct {
	mu   sync.Mutex
	next int64
	list []*chAddress // in creation order
}

func (s *Server) chAddresses(appid string) *chAddresses {
	return Value(s.State(appid), "channels.addresses", func() *chAddresses { return &chAddresses{next: 1000001} })
}

func (a *chAddresses) find(id string) (*chAddress, *Error) {
	i := slices.IndexFunc(a.list, func(x *chAddress) bool { return x.ID == id })
	if id == "" || i < 0 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: address_id %q not found", id)
	}
	return a.list[i], nil
}

// chAddressFlags are the yes/no fields of address_detail, typed boolean by
// the docs and 0/1 in their examples.
var chAddressFlags = []string{"send_addr", "default_send", "recv_addr", "default_recv"}

// chAddressIn checks an address_detail and returns it with its flags as
// booleans and the id it names.
func chAddressIn(body []byte) (M, string, *Error) {
	var in struct {
		Detail *struct {
			AddressID   json.RawMessage `json:"address_id"`
			Name        *string         `json:"name"`
			AddressInfo *struct {
				UserName     string   `json:"user_name"`
				PostalCode   string   `json:"postal_code"`
				ProvinceName string   `json:"province_name"`
				CityName     string   `json:"city_name"`
				CountyName   string   `json:"county_name"`
				DetailInfo   string   `json:"detail_info"`
				TelNumber    string   `json:"tel_number"`
				Lat          *float64 `json:"lat"`
				Lng          *float64 `json:"lng"`
			} `json:"address_info"`
			Landline    *string `json:"landline"`
			AddressType *struct {
				SameCity *int `json:"same_city"`
				Pickup   *int `json:"pickup"`
			} `json:"address_type"`
		} `json:"address_detail"`
	}
	var raw struct {
		Detail M `json:"address_detail"`
	}
	if json.Unmarshal(body, &in) != nil || json.Unmarshal(body, &raw) != nil {
		return nil, "", ErrCode(CodeDataFormat)
	}
	d := in.Detail
	if d == nil || d.AddressInfo == nil {
		return nil, "", Errorf(CodeInvalidArgs, "invalid args: address_detail.address_info missing")
	}
	i := d.AddressInfo
	for _, f := range [][2]string{{"user_name", i.UserName}, {"province_name", i.ProvinceName},
		{"city_name", i.CityName}, {"county_name", i.CountyName}, {"detail_info", i.DetailInfo}} {
		if strings.TrimSpace(f[1]) == "" {
			return nil, "", Errorf(CodeInvalidArgs, "invalid args: address_info.%s empty", f[0])
		}
	}
	out := raw.Detail
	for _, k := range chAddressFlags {
		switch v := out[k].(type) {
		case nil:
			out[k] = false
		case bool:
		case float64:
			if v != 0 && v != 1 {
				return nil, "", Errorf(CodeInvalidArgs, "invalid args: %s must be a boolean", k)
			}
			out[k] = v == 1
		default:
			return nil, "", ErrCode(CodeDataFormat)
		}
	}
	return out, rawID(d.AddressID), nil
}

// view renders an address as get answers it: address_id a number.
func (x *chAddress) view() M {
	out := make(M, len(x.Detail)+3)
	for k, v := range x.Detail {
		out[k] = v
	}
	id, _ := strconv.ParseInt(x.ID, 10, 64)
	out["address_id"] = id
	out["create_time"] = x.Created
	out["update_time"] = x.Updated
	if out["name"] == nil {
		out["name"] = ""
	}
	return out
}

// setDefaults keeps one default shipping and one default return address:
// x's default flags clear the others'.
func (a *chAddresses) setDefaults(x *chAddress) {
	for _, k := range []string{"default_send", "default_recv"} {
		if x.Detail[k] != true {
			continue
		}
		for _, o := range a.list {
			if o != x {
				o.Detail[k] = false
			}
		}
	}
}

func registerChannelsAddresses(s *Server) {
	handle := func(pattern string, fn func(r *Request, a *chAddresses) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			if _, err := r.JSON(); err != nil {
				return nil, err
			}
			a := s.chAddresses(r.AppID)
			a.mu.Lock()
			defer a.mu.Unlock()
			return fn(r, a)
		})
	}
	byID := func(r *Request, a *chAddresses) (*chAddress, error) {
		var in struct {
			AddressID json.RawMessage `json:"address_id"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		x, e := a.find(rawID(in.AddressID))
		if e != nil {
			return nil, e
		}
		return x, nil
	}
	handle("POST /channels/ec/merchant/address/add", func(r *Request, a *chAddresses) (any, error) {
		d, _, e := chAddressIn(r.Body)
		if e != nil {
			return nil, e
		}
		delete(d, "address_id")
		delete(d, "create_time")
		delete(d, "update_time")
		now := r.Now().Unix()
		x := &chAddress{ID: strconv.FormatInt(a.next, 10), Detail: d, Created: now, Updated: now}
		a.next++
		a.list = append(a.list, x)
		a.setDefaults(x)
		return OK(M{"address_id": x.ID}), nil
	})
	handle("POST /channels/ec/merchant/address/update", func(r *Request, a *chAddresses) (any, error) {
		d, id, e := chAddressIn(r.Body)
		if e != nil {
			return nil, e
		}
		x, e := a.find(id)
		if e != nil {
			return nil, e
		}
		delete(d, "address_id")
		delete(d, "create_time")
		delete(d, "update_time")
		x.Detail, x.Updated = d, r.Now().Unix()
		a.setDefaults(x)
		return nil, nil
	})
	handle("POST /channels/ec/merchant/address/get", func(r *Request, a *chAddresses) (any, error) {
		x, err := byID(r, a)
		if err != nil {
			return nil, err
		}
		return OK(M{"address_detail": x.view()}), nil
	})
	handle("POST /channels/ec/merchant/address/delete", func(r *Request, a *chAddresses) (any, error) {
		x, err := byID(r, a)
		if err != nil {
			return nil, err
		}
		a.list = slices.DeleteFunc(a.list, func(o *chAddress) bool { return o == x })
		return nil, nil
	})
	handle("POST /channels/ec/merchant/address/list", func(r *Request, a *chAddresses) (any, error) {
		var in struct {
			Offset *int `json:"offset"`
			Limit  *int `json:"limit"`
		}
		if json.Unmarshal(r.Body, &in) != nil {
			return nil, ErrCode(CodeDataFormat)
		}
		if in.Offset == nil || in.Limit == nil || *in.Offset < 0 || *in.Limit < 1 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: offset >= 0 and limit >= 1 required")
		}
		ids := []string{}
		start := min(*in.Offset, len(a.list))
		for _, x := range a.list[start : start+min(*in.Limit, len(a.list)-start)] {
			ids = append(ids, x.ID)
		}
		return OK(M{"address_id_list": ids}), nil
	})
}
