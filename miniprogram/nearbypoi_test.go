package miniprogram_test

import (
	"encoding/json"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestNearbyPOI(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	poi := &miniprogram.NearbyPOI{StoreName: "咖啡店", Address: "深圳市南山区", POIID: "12345678", Credential: "91440300MA5F", Hour: "08:00-20:00",
		PicList: []string{"https://mmbiz.qpic.cn/a.jpg"}, ServiceInfos: []miniprogram.ServiceInfo{{ID: 2, Type: 1, Name: "外送", AppID: "wx1", Path: "pages/a"}},
		KFInfo: &miniprogram.KFInfo{OpenKF: true, KFName: "客服"}}
	added, err := c.NearbyPOI.Add(ctx, poi)
	if err != nil || added.POIID == "" || added.AuditID == "" || added.RelatedCredential != "91440300MA5F" {
		t.Fatalf("Add = %+v, %v", added, err)
	}
	_, body := last(t, srv, "POST /wxa/addnearbypoi")
	if body["is_comm_nearby"] != "1" || body["store_name"] != "咖啡店" || body["hour"] != "08:00-20:00" {
		t.Errorf("body = %v", body)
	}
	var pics struct{ List []string }
	var svc struct {
		ServiceInfos []miniprogram.ServiceInfo `json:"service_infos"`
	}
	var kf miniprogram.KFInfo
	if json.Unmarshal([]byte(body["pic_list"].(string)), &pics) != nil || len(pics.List) != 1 ||
		json.Unmarshal([]byte(body["service_infos"].(string)), &svc) != nil || svc.ServiceInfos[0].Name != "外送" ||
		json.Unmarshal([]byte(body["kf_info"].(string)), &kf) != nil || !kf.OpenKF {
		t.Errorf("JSON string fields = %v / %v / %v", body["pic_list"], body["service_infos"], body["kf_info"])
	}
	second, err := c.NearbyPOI.Add(ctx, &miniprogram.NearbyPOI{StoreName: "二店", Address: "a", POIID: "9"})
	if err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxa/addnearbypoi"); body["pic_list"] != `{"list":[]}` || body["kf_info"] != `{"open_kf":false}` {
		t.Errorf("empty JSON fields = %v %v", body["pic_list"], body["kf_info"])
	}

	page, err := c.NearbyPOI.List(ctx, 1, 1)
	if err != nil || len(page.POIs) != 1 || page.POIs[0].POIID != added.POIID || page.POIs[0].AuditStatus != 3 || page.LeftCount != 8 {
		t.Fatalf("page 1 = %+v, %v", page, err)
	}
	if rr, _ := last(t, srv, "GET /wxa/getnearbypoilist"); rr.Query.Get("page") != "1" || rr.Query.Get("page_rows") != "1" {
		t.Errorf("query = %v", rr.Query)
	}
	if page, _ = c.NearbyPOI.List(ctx, 2, 1); len(page.POIs) != 1 || page.POIs[0].POIID != second.POIID {
		t.Fatalf("page 2 = %+v", page)
	}
	// Shown only once approved.
	wantAPIError(t, c.NearbyPOI.SetShowStatus(ctx, added.POIID, true), fakewechat.CodeMPNearbyPOINotPassed)
	srv.MPSetNearbyPOIAudit(fakewechat.DefaultAppID, added.POIID, 5, "")
	if err := c.NearbyPOI.SetShowStatus(ctx, added.POIID, true); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxa/setnearbypoishowstatus"); body["status"] != 1.0 || body["poi_id"] != added.POIID {
		t.Errorf("body = %v", body)
	}
	if page, _ = c.NearbyPOI.List(ctx, 1, 10); page.POIs[0].DisplayStatus != 1 {
		t.Errorf("display status = %+v", page.POIs[0])
	}
	var all []string
	for p, err := range c.NearbyPOI.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, p.POIID)
	}
	if len(all) != 2 || all[1] != second.POIID {
		t.Errorf("All = %v", all)
	}
	srv.Inject(fakewechat.Fault{Path: "GET /wxa/getnearbypoilist", Errcode: -1, Times: 1})
	for _, err := range c.NearbyPOI.All(ctx) {
		wantAPIError(t, err, -1)
	}
	if err := c.NearbyPOI.Delete(ctx, added.POIID); err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, c.NearbyPOI.Delete(ctx, added.POIID), fakewechat.CodeMPNearbyPOINotFound)

	before := len(srv.Requests())
	_, err = c.NearbyPOI.Add(ctx, &miniprogram.NearbyPOI{StoreName: "x", Address: "y"})
	wantArgError(t, srv, before, err, "poi_id")
	_, err = c.NearbyPOI.Add(ctx, &miniprogram.NearbyPOI{StoreName: "x", Address: "y", POIID: "1", PicList: make([]string, 10)})
	wantArgError(t, srv, before, err, "pic_list")
	_, err = c.NearbyPOI.List(ctx, 0, 10)
	wantArgError(t, srv, before, err, "page")
	_, err = c.NearbyPOI.List(ctx, 1, 1001)
	wantArgError(t, srv, before, err, "page_rows")
	wantArgError(t, srv, before, c.NearbyPOI.Delete(ctx, ""), "poi_id")
	wantArgError(t, srv, before, c.NearbyPOI.SetShowStatus(ctx, "", true), "poi_id")
}
