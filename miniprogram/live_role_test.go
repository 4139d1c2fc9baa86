package miniprogram_test

import (
	"fmt"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestLiveRole(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	for i := range 35 {
		if err := c.LiveRole.Add(ctx, fmt.Sprintf("anchor%02d", i), miniprogram.RoleAnchor); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.LiveRole.Add(ctx, "anchor00", miniprogram.RoleOperator); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/broadcast/role/addrole"); asJSON(t, body) != `{"role":3,"username":"anchor00"}` {
		t.Errorf("body = %v", body)
	}
	wantAPIError(t, c.LiveRole.Add(ctx, "anchor00", miniprogram.RoleOperator), fakewechat.CodeMPLiveRoleDuplicate)
	wantAPIError(t, c.LiveRole.Add(ctx, "unverified_wx", miniprogram.RoleAdmin), fakewechat.CodeMPLiveRoleUnverified)

	page, err := c.LiveRole.List(ctx, miniprogram.RoleOperator, "", 0, 10)
	if err != nil || page.Total != 1 || page.List[0].Username != "anchor00" || len(page.List[0].RoleList) != 2 {
		t.Fatalf("operators = %+v, %v", page, err)
	}
	page, err = c.LiveRole.List(ctx, miniprogram.RoleAll, "anchor1", 0, 30)
	if err != nil || page.Total != 10 {
		t.Fatalf("keyword = %+v, %v", page, err)
	}
	if rr, _ := last(t, srv, "GET /wxaapi/broadcast/role/getrolelist"); rr.Query.Get("role") != "-1" || rr.Query.Get("keyword") != "anchor1" || rr.Query.Get("limit") != "30" {
		t.Errorf("query = %v", rr.Query)
	}
	n := 0
	for m, err := range c.LiveRole.All(ctx, miniprogram.RoleAnchor, "") {
		if err != nil {
			t.Fatal(err)
		}
		if m.OpenID == "" {
			t.Errorf("member = %+v", m)
		}
		n++
	}
	if n != 35 {
		t.Fatalf("iterated %d anchors", n)
	}
	if err := c.LiveRole.Delete(ctx, "anchor00", miniprogram.RoleOperator); err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, c.LiveRole.Delete(ctx, "anchor00", miniprogram.RoleOperator), fakewechat.CodeMPLiveRoleNotFound)

	before := len(srv.Requests())
	wantArgError(t, srv, before, c.LiveRole.Add(ctx, "", 1), "username")
	wantArgError(t, srv, before, c.LiveRole.Add(ctx, "u", 4), "role")
	wantArgError(t, srv, before, c.LiveRole.Delete(ctx, "u", 0), "role")
	_, err = c.LiveRole.List(ctx, 5, "", 0, 10)
	wantArgError(t, srv, before, err, "role")
	_, err = c.LiveRole.List(ctx, 1, "", 0, 31)
	wantArgError(t, srv, before, err, "limit")
}
