package work_test

import (
	"context"
	"testing"
)

func TestWeDriveManagement(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	pro, err := a.WeDriveSpace.ProInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !pro.IsPro || pro.TotalVIPAcctNum != 10 || pro.UseVIPAcctNum != 5 || pro.ProExpireTime != 1754827419 {
		t.Errorf("pro %+v", pro)
	}
	if b := rawB(t, srv, "POST /cgi-bin/wedrive/mng_pro_info"); b != `{}` {
		t.Errorf("pro body %s", b)
	}
	c, err := a.WeDriveSpace.Capacity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.TotalCapacityForAll != 22666689904640 || c.TotalCapacityForVIP != 22300038149020 {
		t.Errorf("capacity %+v", c)
	}
}
