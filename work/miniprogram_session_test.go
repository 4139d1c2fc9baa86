package work_test

import (
	"context"
	"testing"
)

func TestTransferSession(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	sess, err := a.MiniProgram.TransferSession(ctx, "wmAoNVCwAAUrSqEqz7oQpEIEMVWDrPeg", "n8cnNEoyW1pxSRz6/Lwjwg==")
	if err != nil {
		t.Fatal(err)
	}
	if sess.UserID == "" || sess.UserID == "wmAoNVCwAAUrSqEqz7oQpEIEMVWDrPeg" || len(sess.SessionKey) != 24 {
		t.Errorf("session %+v", sess)
	}
	if b := rawB(t, srv, "POST /cgi-bin/miniprogram/transfer_session"); b != `{"userid":"wmAoNVCwAAUrSqEqz7oQpEIEMVWDrPeg","session_key":"n8cnNEoyW1pxSRz6/Lwjwg=="}` {
		t.Errorf("body %s", b)
	}
	long := string(make([]byte, 65))
	_, err = a.MiniProgram.TransferSession(ctx, "u", long)
	apiCodeB(t, err, 40058)
	n := len(srv.Requests())
	_, err = a.MiniProgram.TransferSession(ctx, "u", "")
	paramErrB(t, srv, n, err, "session_key")
}
