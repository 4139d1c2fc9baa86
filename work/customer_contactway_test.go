package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestCustomerContactWay(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ids := seedCustomersB(srv, 1)
	skip := false
	id, qr, err := a.CustomerContactWay.Add(ctx, &work.ContactWay{Type: work.ContactWaySingle, Scene: work.ContactWayQRCode, Remark: "渠道A",
		SkipVerify: &skip, State: "ch1", User: []string{"zhangsan"}, IsTemp: true, ExpiresIn: 86400,
		Conclusions: &work.CustomerMessage{Text: &work.CustomerText{Content: "再见"}}})
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/add_contact_way"); b["type"] != float64(1) || b["scene"] != float64(2) || b["skip_verify"] != false ||
		b["is_temp"] != true || b["conclusions"].(map[string]any)["text"].(map[string]any)["content"] != "再见" {
		t.Errorf("add body %v", b)
	}
	if id == "" || qr == "" {
		t.Fatalf("id %q qr %q", id, qr)
	}
	if err := a.CustomerContactWay.Update(ctx, &work.ContactWay{ConfigID: id, Type: 2, Remark: "渠道B", User: []string{"zhangsan", "lisi"}}); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/update_contact_way"); b["type"] != nil || b["remark"] != "渠道B" || b["config_id"] != id {
		t.Errorf("update body %v", b)
	}
	w, err := a.CustomerContactWay.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if w.ConfigID != id || w.Remark != "渠道B" || len(w.User) != 2 || w.State != "ch1" || w.QRCode != qr || w.Type != 1 || w.ExpiresIn != 86400 {
		t.Errorf("contact way %+v", w)
	}
	if err := a.CustomerContactWay.CloseTempChat(ctx, "zhangsan", ids[0]); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.CustomerContactWay.CloseTempChat(ctx, "wangwu", ids[0]), 84061)
	if err := a.CustomerContactWay.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err = a.CustomerContactWay.Get(ctx, id)
	apiCodeB(t, err, 40058)
	apiCodeB(t, a.CustomerContactWay.Delete(ctx, id), 40058)

	n := len(srv.Requests())
	_, _, err = a.CustomerContactWay.Add(ctx, &work.ContactWay{Type: 3, Scene: 1, User: []string{"x"}})
	paramErrB(t, srv, n, err, "type")
	_, _, err = a.CustomerContactWay.Add(ctx, &work.ContactWay{Type: 1, Scene: 3, User: []string{"x"}})
	paramErrB(t, srv, n, err, "scene")
	_, _, err = a.CustomerContactWay.Add(ctx, &work.ContactWay{Type: 1, Scene: 1})
	paramErrB(t, srv, n, err, "user")
	paramErrB(t, srv, n, a.CustomerContactWay.Update(ctx, &work.ContactWay{}), "config_id")
	paramErrB(t, srv, n, a.CustomerContactWay.Delete(ctx, ""), "config_id")
	paramErrB(t, srv, n, a.CustomerContactWay.CloseTempChat(ctx, "x", ""), "external_userid")
	_ = fakewechat.DefaultCorpID
}
