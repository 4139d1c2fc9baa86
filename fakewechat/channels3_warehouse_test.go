package fakewechat

import "testing"

func TestChannelsWarehouseWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	const create = "/channels/ec/warehouse/create"
	wantErr(t, call(t, s, "POST", create+tok, ""), CodeEmptyPostData, "empty post data")
	wantErr(t, call(t, s, "POST", create+tok, M{"out_warehouse_id": 1}), CodeDataFormat, "")
	wantErr(t, call(t, s, "POST", create+tok, M{"out_warehouse_id": "a b", "name": "n", "intro": "i"}), CodeChannelsWarehouseIDInvalid, "")
	wantErr(t, call(t, s, "POST", create+tok, M{"out_warehouse_id": "a", "name": " ", "intro": "i"}), CodeChannelsWarehouseEmpty, "")
	wantErr(t, call(t, s, "POST", create+tok, M{"out_warehouse_id": "a", "name": "n", "intro": "i",
		"cover_locations": []M{{"address_id1": 0, "address_id2": 440100000}}}), CodeChannelsWarehouseAddress, "")
	// The docs' example, with address_id4 0.
	a := call(t, s, "POST", create+tok, M{"out_warehouse_id": "test3", "name": "bbb", "intro": "aaa",
		"cover_locations": []M{{"address_id1": 440000000, "address_id2": 440100000, "address_id3": 440111000, "address_id4": 0}}})
	if a.errcode() != 0 {
		t.Fatalf("create = %s", a.raw)
	}
	a = call(t, s, "POST", "/channels/ec/warehouse/get"+tok, M{"out_warehouse_id": "test3"})
	d, _ := a.m["data"].(map[string]any)
	locs, _ := d["cover_locations"].([]any)
	if a.errcode() != 0 || d["name"] != "bbb" || len(locs) != 1 || locs[0].(map[string]any)["address_id3"] != float64(440111000) {
		t.Errorf("get = %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/warehouse/list/get"+tok, M{"page_size": 11}), CodeInvalidArgs, "invalid args")
	wantErr(t, call(t, s, "POST", "/channels/ec/warehouse/list/get"+tok, M{"page_size": 1, "next_key": "x"}), CodeInvalidArgs, "invalid args")
	a = call(t, s, "POST", "/channels/ec/warehouse/list/get"+tok, M{"page_size": 1, "next_key": ""})
	d, _ = a.m["data"].(map[string]any)
	if ids, _ := d["out_warehouse_ids"].([]any); a.errcode() != 0 || len(ids) != 1 || d["next_key"] != "" {
		t.Errorf("list = %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/warehouse/coverlocations/add"+tok, M{"out_warehouse_id": "test3"}), CodeInvalidArgs, "invalid args")
	wantErr(t, call(t, s, "POST", "/channels/ec/warehouse/coverlocations/add"+tok, M{"out_warehouse_id": "nope",
		"cover_locations": []M{{"address_id1": 440000000}}}), CodeChannelsWarehouseNotFound, "")
	wantErr(t, call(t, s, "POST", "/channels/ec/warehouse/address/prioritysort/set"+tok, M{"address_id1": 440000000,
		"priority_sort": []string{"test3", "test3"}}), CodeChannelsWarehouseRepeated, "")
	wantErr(t, call(t, s, "POST", "/channels/ec/warehouse/stock/get"+tok, M{"product_id": "1", "sku_id": "2", "out_warehouse_id": "test3"}),
		CodeChannelsProductNotFound, "")
}
