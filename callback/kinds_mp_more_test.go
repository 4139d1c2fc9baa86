package callback

import "testing"

func TestWaybillStatus(t *testing.T) {
	got, ok := sample(t, "mp_update_waybill_status.json").WaybillStatus()
	want := WaybillStatus{ShopID: "123456", ShopOrderID: "123456", ShopNo: "123456", WaybillID: "123456", ActionTime: 1546924844, OrderStatus: 102,
		Agent: WaybillAgent{Name: "xxx", Phone: "020-123456", ReachTime: 1546926644}}
	if !ok || got != want {
		t.Errorf("\n got %+v\nwant %+v", got, want)
	}
	if _, ok := sample(t, "mp_add_express_path.xml").WaybillStatus(); ok {
		t.Error("an express path read as a local delivery status")
	}
}

func TestWaybillNotifyQuery(t *testing.T) {
	got, ok := sample(t, "mp_waybill_notify_query.xml").WaybillNotifyQuery()
	if want := (WaybillNotifyQuery{"123456789", "13800000000", "13900000000"}); !ok || got != want {
		t.Errorf("\n got %+v\nwant %+v", got, want)
	}
}
