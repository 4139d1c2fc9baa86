package miniprogram_test

import (
	"fmt"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestStoreMerchant(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	img := tempImage(t, c)
	cats, err := c.Stores.MerchantCategories(ctx)
	if err != nil || len(cats) < 3 || cats[2].Qualify == nil || cats[2].Qualify.ExterList[0].InnerList[0].Name == "" {
		t.Fatalf("categories = %+v, %v", cats, err)
	}
	app := &miniprogram.MerchantApplication{FirstCategoryID: cats[1].ID, SecondCategoryID: cats[2].ID, HeadImgMediaID: img, Nickname: "咖啡店", Intro: "好咖啡", QualificationList: img}
	// Not approved yet: no change allowed.
	if err := c.Stores.ApplyMerchant(ctx, app); err != nil {
		t.Fatal(err)
	}
	_, body := last(t, srv, "POST /wxa/apply_merchant")
	if body["first_catagory_id"] != float64(cats[1].ID) || body["second_catagory_id"] != float64(cats[2].ID) || body["headimg_mediaid"] != img {
		t.Errorf("body = %v", body)
	}
	audit, err := c.Stores.MerchantAuditInfo(ctx)
	if err != nil || audit.AuditID == 0 || audit.Status != 0 {
		t.Fatalf("audit = %+v, %v", audit, err)
	}
	wantAPIError(t, c.Stores.ModifyMerchant(ctx, "", "更好的咖啡"), fakewechat.CodeMPMerchantNotApproved)
	srv.MPSetMerchantAudit(fakewechat.DefaultAppID, 1, "")
	if err := c.Stores.ModifyMerchant(ctx, "", "更好的咖啡"); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxa/modify_merchant"); asJSON(t, body) != `{"intro":"更好的咖啡"}` {
		t.Errorf("body = %v", body)
	}
	if a, _ := c.Stores.MerchantAuditInfo(ctx); a.Status != 1 {
		t.Errorf("audit = %+v", a)
	}
	before := len(srv.Requests())
	wantArgError(t, srv, before, c.Stores.ApplyMerchant(ctx, nil), "nickname")
	wantArgError(t, srv, before, c.Stores.ApplyMerchant(ctx, &miniprogram.MerchantApplication{HeadImgMediaID: "m", Nickname: "n", Intro: "i"}), "first_catagory_id")
	wantArgError(t, srv, before, c.Stores.ModifyMerchant(ctx, "", ""), "intro")
}

func TestStoreLifecycle(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	img := tempImage(t, c)
	if err := c.Stores.ApplyMerchant(ctx, &miniprogram.MerchantApplication{FirstCategoryID: 1, SecondCategoryID: 101, HeadImgMediaID: img, Nickname: "n", Intro: "i"}); err != nil {
		t.Fatal(err)
	}
	srv.MPSetMerchantAudit(fakewechat.DefaultAppID, 1, "")
	levels, err := c.Stores.Districts(ctx)
	if err != nil || len(levels) != 3 || levels[1][0].FullName != "深圳市" || levels[2][0].ID != "440305" {
		t.Fatalf("districts = %+v, %v", levels, err)
	}
	created, err := c.Stores.CreateMapPOI(ctx, &miniprogram.NewMapPOI{Name: "咖啡店南山店", Longitude: 113.93, Latitude: 22.53, Province: "广东省", City: "深圳市",
		District: "南山区", Address: "科技园", Category: "美食:咖啡厅", Telephone: "0755-1", DistrictID: levels[2][0].ID})
	if err != nil || created.BaseID == 0 {
		t.Fatalf("CreateMapPOI = %+v, %v", created, err)
	}
	pois, err := c.Stores.SearchMapPOI(ctx, 440305, "咖啡")
	if err != nil || len(pois) != 1 || pois[0].SosomapPOIUID == "" || pois[0].Latitude != 22.53 {
		t.Fatalf("SearchMapPOI = %+v, %v", pois, err)
	}
	if _, body := last(t, srv, "POST /wxa/search_map_poi"); asJSON(t, body) != `{"districtid":440305,"keyword":"咖啡"}` {
		t.Errorf("body = %v", body)
	}
	var ids []string
	for i := range 55 {
		audit, err := c.Stores.AddStore(ctx, &miniprogram.Store{MapPOIID: pois[0].SosomapPOIUID, PicList: []string{"https://mmbiz.qpic.cn/s.jpg"},
			ContractPhone: fmt.Sprintf("1380013%04d", i), Hour: "10:00-21:00", CardID: "pCard"})
		if err != nil || audit == "" {
			t.Fatalf("AddStore = %q, %v", audit, err)
		}
	}
	if _, body := last(t, srv, "POST /wxa/add_store"); body["pic_list"] != `{"list":["https://mmbiz.qpic.cn/s.jpg"]}` || body["map_poi_id"] != pois[0].SosomapPOIUID {
		t.Errorf("body = %v", body)
	}
	for st, err := range c.Stores.AllStores(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, st.POIID)
	}
	if len(ids) != 55 || srv.Count("POST /wxa/get_store_list") != 2 {
		t.Fatalf("iterated %d stores in %d requests", len(ids), srv.Count("POST /wxa/get_store_list"))
	}
	info, err := c.Stores.GetStore(ctx, ids[0])
	if err != nil || info.BusinessName != "咖啡店南山店" || info.Status != 2 || len(info.PicList) != 1 || info.Hour != "10:00-21:00" {
		t.Fatalf("GetStore = %+v, %v", info, err)
	}
	up, err := c.Stores.UpdateStore(ctx, &miniprogram.Store{POIID: ids[0], MapPOIID: pois[0].SosomapPOIUID, Hour: "09:00-22:00", ContractPhone: "13900000000"})
	if err != nil || up.HasAuditID != 1 || up.AuditID == "" {
		t.Fatalf("UpdateStore = %+v, %v", up, err)
	}
	if info, _ := c.Stores.GetStore(ctx, ids[0]); info.Hour != "09:00-22:00" || info.ContractPhone != "13900000000" {
		t.Errorf("after update = %+v", info)
	}
	card, err := c.Stores.StoreCard(ctx, ids[0])
	if err != nil || card != "pCard" {
		t.Fatalf("StoreCard = %q, %v", card, err)
	}
	if err := c.Stores.DeleteStore(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	_, err = c.Stores.GetStore(ctx, ids[0])
	wantAPIError(t, err, fakewechat.CodeMPStoreNotFound)
	_, err = c.Stores.AddStore(ctx, &miniprogram.Store{MapPOIID: "nope", Hour: "h", ContractPhone: "p"})
	wantAPIError(t, err, fakewechat.CodeMPMapPOINotFound)

	before := len(srv.Requests())
	_, err = c.Stores.AddStore(ctx, &miniprogram.Store{Hour: "h", ContractPhone: "p"})
	wantArgError(t, srv, before, err, "map_poi_id")
	_, err = c.Stores.UpdateStore(ctx, &miniprogram.Store{})
	wantArgError(t, srv, before, err, "poi_id")
	_, err = c.Stores.ListStores(ctx, 0, 51)
	wantArgError(t, srv, before, err, "limit")
	_, err = c.Stores.SearchMapPOI(ctx, 0, "x")
	wantArgError(t, srv, before, err, "districtid")
	_, err = c.Stores.SearchMapPOI(ctx, 1, "")
	wantArgError(t, srv, before, err, "keyword")
	_, err = c.Stores.CreateMapPOI(ctx, &miniprogram.NewMapPOI{Name: "n"})
	wantArgError(t, srv, before, err, "address")
	wantArgError(t, srv, before, c.Stores.DeleteStore(ctx, ""), "poi_id")
	_, err = c.Stores.StoreCard(ctx, "")
	wantArgError(t, srv, before, err, "poi_id")
	_, err = c.Stores.GetStore(ctx, "")
	wantArgError(t, srv, before, err, "poi_id")
}
