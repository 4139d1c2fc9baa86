package oa_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func storeC(i int) *oa.POI {
	return &oa.POI{SID: fmt.Sprintf("s%d", i), BusinessName: "Coffee Lab", BranchName: fmt.Sprintf("Branch %d", i), Province: "浙江省", City: "杭州市",
		District: "西湖区", Address: "文三路 1 号", Telephone: "0571-8888888", Categories: []string{fakewechat.OAPOICategories[0]},
		OffsetType: 1, Longitude: 120.1, Latitude: 30.2, PhotoList: []oa.POIPhoto{{PhotoURL: "https://mmbiz.qpic.cn/a.jpg"}}, AvgPrice: 35}
}

func TestPOILifecycle(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	cats, err := c.POI.Categories(ctx)
	if err != nil || !slices.Equal(cats, fakewechat.OAPOICategories) {
		t.Fatalf("categories = %v, %v", cats, err)
	}

	in := storeC(1)
	in.PoiID, in.AvailableState = "ignored", 9
	id, err := c.POI.Create(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/poi/addpoi")
	bi := body["business"].(map[string]any)["base_info"].(map[string]any)
	if bi["business_name"] != "Coffee Lab" || bi["offset_type"] != float64(1) || bi["longitude"] != 120.1 || jsonA(t, bi["categories"]) != jsonA(t, in.Categories) ||
		bi["poi_id"] != nil || bi["available_state"] != nil || jsonA(t, bi["photo_list"]) != `[{"photo_url":"https://mmbiz.qpic.cn/a.jpg"}]` {
		t.Errorf("addpoi body = %v", body)
	}
	if id == "" || in.PoiID != "ignored" {
		t.Errorf("id = %q, input modified: %+v", id, in)
	}

	got, err := c.POI.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/poi/getpoi"); jsonA(t, body) != `{"poi_id":"`+id+`"}` {
		t.Errorf("getpoi body = %v", body)
	}
	if got.PoiID != id || got.BusinessName != "Coffee Lab" || got.AvailableState != 3 || got.UpdateStatus != 0 || got.Latitude != 30.2 || got.PhotoList[0].PhotoURL == "" {
		t.Errorf("poi = %+v", got)
	}

	if err := c.POI.Update(ctx, &oa.POIUpdate{PoiID: id, Telephone: "0571-1234567", OpenTime: "8:00-20:00", AvgPrice: 40}); err != nil {
		t.Fatal(err)
	}
	_, body = reqA(t, srv, "POST /cgi-bin/poi/updatepoi")
	if jsonA(t, body) != `{"business":{"base_info":{"avg_price":40,"open_time":"8:00-20:00","poi_id":"`+id+`","telephone":"0571-1234567"}}}` {
		t.Errorf("updatepoi body = %s", jsonA(t, body))
	}
	if got, _ := c.POI.Get(ctx, id); got.Telephone != "0571-1234567" || got.AvgPrice != 40 || got.UpdateStatus != 1 || got.BusinessName != "Coffee Lab" {
		t.Errorf("after update = %+v", got)
	}
	apiCodeA(t, c.POI.Update(ctx, &oa.POIUpdate{PoiID: "1"}), 40097)

	if err := c.POI.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/poi/delpoi"); jsonA(t, body) != `{"poi_id":"`+id+`"}` {
		t.Errorf("delpoi body = %v", body)
	}
	_, err = c.POI.Get(ctx, id)
	apiCodeA(t, err, 40097)
	apiCodeA(t, c.POI.Delete(ctx, id), 40097)
}

func TestPOIErrors(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	bad := storeC(1)
	bad.Categories = []string{"飞船,维修"}
	_, err := c.POI.Create(ctx, bad)
	apiCodeA(t, err, 65104)
	bad = storeC(1)
	bad.Longitude, bad.Latitude = 0, 0
	_, err = c.POI.Create(ctx, bad)
	apiCodeA(t, err, 65115)

	const none = "POST /none"
	for _, tc := range []struct {
		edit func(*oa.POI)
		arg  string
	}{
		{func(p *oa.POI) { p.BusinessName = "" }, "business_name"},
		{func(p *oa.POI) { p.Province = "" }, "province"},
		{func(p *oa.POI) { p.City = "" }, "city"},
		{func(p *oa.POI) { p.Address = "" }, "address"},
		{func(p *oa.POI) { p.Telephone = "" }, "telephone"},
		{func(p *oa.POI) { p.Categories = nil }, "categories"},
	} {
		p := storeC(1)
		tc.edit(p)
		_, err := c.POI.Create(ctx, p)
		argErrA(t, srv, none, err, tc.arg)
	}
	_, err = c.POI.Create(ctx, nil)
	argErrA(t, srv, none, err, "base_info")
	_, err = c.POI.Get(ctx, "")
	argErrA(t, srv, none, err, "poi_id")
	argErrA(t, srv, none, c.POI.Delete(ctx, ""), "poi_id")
	argErrA(t, srv, none, c.POI.Update(ctx, nil), "poi_id")
	_, err = c.POI.List(ctx, 0, 51)
	argErrA(t, srv, none, err, "limit")
	_, err = c.POI.List(ctx, -1, 5)
	argErrA(t, srv, none, err, "begin")
}

func TestPOIListAndAll(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	var ids []string
	for i := range 5 {
		id, err := c.POI.Create(ctx, storeC(i))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	page, err := c.POI.List(ctx, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/poi/getpoilist"); jsonA(t, body) != `{"begin":1,"limit":2}` {
		t.Errorf("getpoilist body = %v", body)
	}
	if page.TotalCount != 5 || len(page.POIs) != 2 || page.POIs[0].PoiID != ids[1] || page.POIs[1].BranchName != "Branch 2" {
		t.Errorf("page = %+v", page)
	}
	before := srv.Count("POST /cgi-bin/poi/getpoilist")
	all, err := drainC(c.POI.All(ctx, 2), 0)
	if err != nil || len(all) != 5 || all[4].PoiID != ids[4] {
		t.Fatalf("All = %d, %v", len(all), err)
	}
	if n := srv.Count("POST /cgi-bin/poi/getpoilist") - before; n != 3 {
		t.Errorf("All made %d requests, want 3", n)
	}
	if some, err := drainC(c.POI.All(ctx, 0), 3); err != nil || len(some) != 3 {
		t.Errorf("early stop = %d, %v", len(some), err)
	}
}
