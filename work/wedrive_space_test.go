package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestWeDriveSpaceAndACL(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	id, err := a.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "zhangsan", SpaceName: "项目资料", AuthInfo: []work.AuthInfo{{Type: 1, UserID: "lisi", Auth: work.WeDriveAuthEdit}}})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedrive/space_create"); raw != `{"userid":"zhangsan","space_name":"项目资料","auth_info":[{"type":1,"userid":"lisi","auth":2}]}` {
		t.Errorf("create body %s", raw)
	}
	if err := a.WeDriveSpace.Rename(ctx, "zhangsan", id, "项目A"); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.WeDriveSpace.Rename(ctx, "lisi", id, "x"), 640021) // lisi is no admin
	sp := mustB[*work.Space](t)(a.WeDriveSpace.Info(ctx, "lisi", id))
	if sp.SpaceID != id || sp.SpaceName != "项目A" || len(sp.AuthList.AuthInfo) != 2 || sp.AuthList.AuthInfo[0].Auth != work.WeDriveAuthAdmin {
		t.Errorf("space %+v", sp)
	}
	_, err = a.WeDriveSpace.Info(ctx, "wangwu", id)
	apiCodeB(t, err, 640021)

	if err := a.WeDriveSpaceACL.Add(ctx, "zhangsan", id, work.AuthInfo{Type: 1, UserID: "wangwu", Auth: work.WeDriveAuthView}, work.AuthInfo{Type: 2, DepartmentID: 3, Auth: 1}); err != nil {
		t.Fatal(err)
	}
	if err := a.WeDriveSpaceACL.Remove(ctx, "zhangsan", id, work.AuthInfo{Type: 1, UserID: "lisi"}); err != nil {
		t.Fatal(err)
	}
	sp = mustB[*work.Space](t)(a.WeDriveSpaceACL.Info(ctx, id))
	if raw := rawB(t, srv, "POST /cgi-bin/wedrive/new_space_info"); raw != `{"spaceid":"`+id+`"}` {
		t.Errorf("info body %s", raw)
	}
	if len(sp.AuthList.AuthInfo) != 3 || sp.AuthList.AuthInfo[1].UserID != "wangwu" || sp.AuthList.AuthInfo[2].DepartmentID != 3 {
		t.Errorf("acl %+v", sp.AuthList)
	}
	url := mustB[string](t)(a.WeDriveSpaceACL.Share(ctx, "wangwu", id))
	if url == "" {
		t.Error("no share url")
	}
	off := false
	if err := a.WeDriveSpaceACL.Setting(ctx, "zhangsan", id, &work.SpaceSettings{EnableShareURL: &off}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedrive/space_setting"); raw != `{"userid":"zhangsan","spaceid":"`+id+`","enable_share_url":false}` {
		t.Errorf("setting body %s", raw)
	}
	_, err = a.WeDriveSpaceACL.Share(ctx, "wangwu", id)
	apiCodeB(t, err, 640021)
	if err := a.WeDriveSpace.Dismiss(ctx, "zhangsan", id); err != nil {
		t.Fatal(err)
	}
	_, err = a.WeDriveSpace.Info(ctx, "zhangsan", id)
	apiCodeB(t, err, 640018)

	n := len(srv.Requests())
	_, err = a.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "a"})
	paramErrB(t, srv, n, err, "space_name")
	_, err = a.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "a", SpaceName: "b", AuthInfo: []work.AuthInfo{{Type: 1}}})
	paramErrB(t, srv, n, err, "auth_info.userid")
	paramErrB(t, srv, n, a.WeDriveSpace.Rename(ctx, "a", "s", ""), "space_name")
	paramErrB(t, srv, n, a.WeDriveSpace.Dismiss(ctx, "", "s"), "userid")
	paramErrB(t, srv, n, a.WeDriveSpaceACL.Add(ctx, "a", "s"), "auth_info")
	paramErrB(t, srv, n, a.WeDriveSpaceACL.Remove(ctx, "a", "s", work.AuthInfo{Type: 3}), "auth_info.type")
	paramErrB(t, srv, n, a.WeDriveSpaceACL.Add(ctx, "a", "s", work.AuthInfo{Type: 2}), "auth_info.departmentid")
	paramErrB(t, srv, n, a.WeDriveSpaceACL.Setting(ctx, "a", "s", nil), "settings")
	_, err = a.WeDriveSpaceACL.Info(ctx, "")
	paramErrB(t, srv, n, err, "spaceid")
	_, err = a.WeDriveSpaceACL.Share(ctx, "a", "")
	paramErrB(t, srv, n, err, "spaceid")
}
