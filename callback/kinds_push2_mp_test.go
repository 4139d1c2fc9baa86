package callback

import (
	"reflect"
	"testing"
)

func TestAppealRecord(t *testing.T) {
	m := sample(t, "mp_wxa_appeal_record.xml")
	got, ok := m.AppealRecord()
	want := AppealRecord{AppealRecordID: 4111001, AppID: "wxaaaaaaaaaaaaaaaa", AppealTime: 1600055800, AppealCount: 1, AppealFrom: 0,
		AppealStatus: AppealProcessing, PunishDescription: "内容涉嫌欺诈",
		Materials: []AppealMaterial{{Content: "违规内容1", ContentURL: "https://developers.weixin.qq.com/", Reason: "申诉理由1", ProofMaterialIDs: []string{"proof_material_id1"}}}}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
	if m.ToUserName != "gh_fxxxxxxxa4b2" || m.CreateTime != 1600055810 {
		t.Errorf("envelope %+v", m)
	}
	// A decided appeal carries audit_time and audit_reason; several
	// materials come as several <material> elements.
	decided := mustParse(t, wrap(`<MsgType>event</MsgType><Event>wxa_appeal_record</Event><appeal_record_id>7</appeal_record_id><appeal_status>3</appeal_status><audit_time>1600059999</audit_time><audit_reason>材料不足</audit_reason>`+
		`<material><illegal_material><content>a</content></illegal_material></material><material><illegal_material><content>b</content></illegal_material><appeal_material><proof_material_id>p1</proof_material_id><proof_material_id>p2</proof_material_id></appeal_material></material>`))
	d, ok := decided.AppealRecord()
	if !ok || d.AppealStatus != AppealRejected || d.AuditTime != 1600059999 || d.AuditReason != "材料不足" || len(d.Materials) != 2 ||
		d.Materials[0].Content != "a" || d.Materials[1].Content != "b" || !reflect.DeepEqual(d.Materials[1].ProofMaterialIDs, []string{"p1", "p2"}) {
		t.Errorf("decided: %+v, %v", d, ok)
	}
	bad := mustParse(t, wrap(`<MsgType>event</MsgType><Event>wxa_appeal_record</Event><appeal_status>1|2|3|4</appeal_status>`))
	if _, ok := bad.AppealRecord(); ok {
		t.Error("an appeal_status that is not a number decoded")
	}
}

func TestPunishEvent(t *testing.T) {
	got, ok := sample(t, "mp_wxa_punish_event.json").PunishEvent()
	want := PunishEvent{EventType: 2, PunishID: "punish_id1", AppID: "wx13974bf780d3dc89", PunishTime: 1626857100,
		IllegalReason: "内容涉嫌欺诈", IllegalContent: "违规内容", RuleName: "《微信小程序平台运营规范》",
		RuleURL: "https://developers.weixin.qq.com/miniprogram/product/", AdjustGuideURL: "https://developers.weixin.qq.com/miniprogram/product/",
		Detail: `{"banned_days":[7],"banned_function_names":["搜索"]}`}
	if !ok || got != want {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
	// The same push in XML.
	x := mustParse(t, wrap(`<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[wxa_punish_event]]></Event><event_type>1</event_type><punish_id><![CDATA[p]]></punish_id><punish_time>1626857100</punish_time><detail><![CDATA[{"warned_type":1}]]></detail>`))
	if px, ok := x.PunishEvent(); !ok || px.EventType != 1 || px.PunishID != "p" || px.PunishTime != 1626857100 || px.Detail != `{"warned_type":1}` {
		t.Errorf("XML: %+v, %v", px, ok)
	}
	if _, ok := sample(t, "mp_wxa_appeal_record.xml").PunishEvent(); ok {
		t.Error("an appeal read as a penalty")
	}
}
