package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestPstncc(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	calls, err := a.Pstncc.Call(ctx, "zhangsan", "lisi")
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/pstncc/call"); raw != `{"callee_userid":["zhangsan","lisi"]}` {
		t.Errorf("call body %s", raw)
	}
	if len(calls) != 2 || calls[1].CalleeUserID != "lisi" || calls[1].CallID == "" {
		t.Fatalf("calls %+v", calls)
	}
	st := mustB[*work.PstnccState](t)(a.Pstncc.State(ctx, "lisi", calls[1].CallID))
	if st.IsTalked != 1 || st.TalkTime != 30 || st.CallTime == 0 {
		t.Errorf("state %+v", st)
	}
	_, err = a.Pstncc.State(ctx, "zhangsan", calls[1].CallID)
	apiCodeB(t, err, 40058)
	n := len(srv.Requests())
	_, err = a.Pstncc.Call(ctx)
	paramErrB(t, srv, n, err, "callee_userid")
	_, err = a.Pstncc.State(ctx, "a", "")
	paramErrB(t, srv, n, err, "callid")
}
