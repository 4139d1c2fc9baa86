package wxa_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/component/wxa"
	"github.com/weixin-go/wechat/fakewechat"
)

func verifyData() *wxa.VerifyData {
	return &wxa.VerifyData{
		CustomerType:    wxa.VerifyEnterprise,
		ContactInfo:     map[string]string{"name": "张三", "email": "zhangsan@example.com"},
		Qualification:   "qualification_media",
		AccountName:     "示例小程序",
		AccountNameType: 1,
		PayType:         wxa.VerifyPayByProvider,
	}
}

func TestVerifySubmitQueryResubmit(t *testing.T) {
	srv, _, apps := platform(t, appID)
	app := apps[appID]
	ctx := context.Background()

	mediaID, err := app.Verify.UploadMaterial(ctx, "1.jpg", strings.NewReader("jpeg bytes"))
	if err != nil || mediaID == "" {
		t.Fatalf("upload = %q, %v", mediaID, err)
	}
	rr, _ := srv.LastRequest("POST /wxa/sec/uploadauthmaterial")
	if !bytes.Contains(rr.Body, []byte(`name="media"; filename="1.jpg"`)) || !bytes.Contains(rr.Body, []byte("jpeg bytes")) {
		t.Fatalf("upload body %q", rr.Body)
	}
	if _, err := app.Verify.UploadMaterial(ctx, "big.jpg", bytes.NewReader(make([]byte, 2<<20+1))); !isCode(err, 40006) {
		t.Fatalf("big upload: %v", err)
	}

	d := verifyData()
	d.Qualification = mediaID
	sub, err := app.Verify.Submit(ctx, d)
	if err != nil || sub.TaskID == "" || sub.AuthURL == "" {
		t.Fatalf("submit = %+v, %v", sub, err)
	}
	rr, _ = srv.LastRequest("POST /wxa/sec/wxaauth")
	var body struct {
		AuthData map[string]any `json:"auth_data"`
	}
	if err := json.Unmarshal(rr.Body, &body); err != nil || body.AuthData["customer_type"] != float64(1) ||
		body.AuthData["qualification"] != mediaID || body.AuthData["account_name"] != "示例小程序" || body.AuthData["taskid"] != nil {
		t.Fatalf("submit body %s (%v)", rr.Body, err)
	}

	p, err := app.Verify.Query(ctx, sub.TaskID)
	if err != nil || p.TaskStatus != wxa.VerifyTaskInitial || p.ApplyStatus != wxa.VerifyNoOrder || p.AppID != appID || p.AuthURL == "" {
		t.Fatalf("query = %+v, %v", p, err)
	}
	// Re-submitting a task that was not sent back is refused.
	d.TaskID = sub.TaskID
	if err := app.Verify.Resubmit(ctx, d); !isCode(err, 40097) {
		t.Fatalf("early resubmit: %v", err)
	}

	if id := srv.SetWxaVerifyResult(appID, wxa.VerifyRefill, "名称不符合规范"); id != sub.TaskID {
		t.Fatalf("refill task = %q", id)
	}
	p, err = app.Verify.Query(ctx, sub.TaskID)
	if err != nil || p.TaskStatus != wxa.VerifyTaskOrderCreated || p.ApplyStatus != wxa.VerifyRefill ||
		p.RefillReason != "名称不符合规范" || p.OrderID == 0 {
		t.Fatalf("refill = %+v, %v", p, err)
	}
	d.AccountName = "示例小程序二"
	if err := app.Verify.Resubmit(ctx, d); err != nil {
		t.Fatal(err)
	}
	if p, err = app.Verify.Query(ctx, sub.TaskID); err != nil || p.ApplyStatus != wxa.VerifyReviewing || p.RefillReason != "" {
		t.Fatalf("resubmitted = %+v, %v", p, err)
	}
	srv.SetWxaVerifyResult(appID, wxa.VerifyPassed, "")
	if p, err = app.Verify.Query(ctx, sub.TaskID); err != nil || p.ApplyStatus != wxa.VerifyPassed {
		t.Fatalf("passed = %+v, %v", p, err)
	}
	if v := srv.WxaVerifies(appID); len(v) != 1 || v[0].AccountName != "示例小程序二" || v[0].Resubmitted != 1 {
		t.Fatalf("fake tasks = %+v", v)
	}

	// A second task failing for good.
	ind := verifyData()
	ind.CustomerType, ind.Qualification = wxa.VerifyIndividual, ""
	ind.AuthIdentification, ind.AuthIdentMaterial = "导演", []string{mediaID}
	sub2, err := app.Verify.Submit(ctx, ind)
	if err != nil {
		t.Fatal(err)
	}
	srv.SetWxaVerifyResult(appID, wxa.VerifyFailed, "材料不真实")
	if p, err = app.Verify.Query(ctx, sub2.TaskID); err != nil || p.ApplyStatus != wxa.VerifyFailed || p.FailReason != "材料不真实" {
		t.Fatalf("failed = %+v, %v", p, err)
	}
	if srv.SetWxaVerifyResult(appID, wxa.VerifyPassed, "") != "" {
		t.Fatal("no open task should remain")
	}
	if _, err := app.Verify.Query(ctx, "unknown"); !isCode(err, 40097) {
		t.Fatalf("unknown task: %v", err)
	}
}

func TestVerifyArguments(t *testing.T) {
	srv, _, apps := platform(t, appID)
	app := apps[appID]
	ctx := context.Background()
	for name, mod := range map[string]func(d *wxa.VerifyData){
		"customer_type":       func(d *wxa.VerifyData) { d.CustomerType = 2 },
		"contact_info":        func(d *wxa.VerifyData) { d.ContactInfo = nil },
		"qualification":       func(d *wxa.VerifyData) { d.Qualification = "" },
		"qualification_other": func(d *wxa.VerifyData) { d.QualificationOther = make([]string, 11) },
		"account_name":        func(d *wxa.VerifyData) { d.AccountName = "" },
		"account_name_type":   func(d *wxa.VerifyData) { d.AccountNameType = 3 },
		"pay_type":            func(d *wxa.VerifyData) { d.PayType = 0 },
		"auth_ident_material": func(d *wxa.VerifyData) { d.AuthIdentification = "导演" },
	} {
		d := verifyData()
		mod(d)
		var ae *wxa.InvalidArgumentError
		if _, err := app.Verify.Submit(ctx, d); !errors.As(err, &ae) || ae.Arg != name {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := app.Verify.Submit(ctx, nil); !isArg(err) {
		t.Fatalf("nil: %v", err)
	}
	if err := app.Verify.Resubmit(ctx, verifyData()); !isArg(err) {
		t.Fatalf("resubmit without taskid: %v", err)
	}
	if _, err := app.Verify.Query(ctx, ""); !isArg(err) {
		t.Fatalf("query without taskid: %v", err)
	}
	if _, err := app.Verify.UploadMaterial(ctx, "", strings.NewReader("x")); !isArg(err) {
		t.Fatalf("upload without name: %v", err)
	}
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r.Path, "/wxa/sec/") {
			t.Fatalf("bad arguments reached WeChat: %s", r.Key())
		}
	}
	// The fake checks the body the way WeChat does.
	err := app.Call(ctx, "POST", "/wxa/sec/wxaauth", nil, map[string]any{"auth_data": map[string]any{"customer_type": 15, "contact_info": map[string]any{"name": "x"}, "account_name": "n", "account_name_type": 1}}, nil)
	if !isCode(err, 40097) {
		t.Fatalf("missing pay_type: %v", err)
	}
}

func TestVerifyIdentityTree(t *testing.T) {
	_, _, apps := platform(t, appID)
	tree, err := apps[appID].Verify.IdentityTree(context.Background())
	if err != nil || len(tree) != 1 || tree[0].Name != "职业身份认证" || tree[0].NodeID != 1 {
		t.Fatalf("tree = %+v, %v", tree, err)
	}
	leaves := tree[0].NodeList[0].NodeList[0].NodeList
	if len(leaves) != 2 || leaves[0].Name != "导演" || leaves[0].NodeID != 4 || leaves[0].LeafInfo == nil ||
		!strings.HasPrefix(leaves[0].LeafInfo.Requirement, "认证需上传本人有效身份证件") || tree[0].LeafInfo != nil {
		t.Fatalf("leaves = %+v", leaves)
	}
}

func TestLiveAndShowCandidates(t *testing.T) {
	srv, _, apps := platform(t, appID)
	app := apps[appID]
	ctx := context.Background()
	if err := app.Live.Apply(ctx); err != nil {
		t.Fatal(err)
	}
	rr, _ := srv.LastRequest("POST /wxa/business/applyliveinfo")
	if string(rr.Body) != `{"action":"apply"}` {
		t.Fatalf("apply body %s", rr.Body)
	}
	if err := srv.Inject(fakewechat.Fault{Path: "POST /wxa/business/applyliveinfo", Errcode: 2, Times: 1}); err != nil {
		t.Fatal(err)
	}
	if err := app.Live.Apply(ctx); !isCode(err, 2) {
		t.Fatalf("no payment: %v", err)
	}

	list, total, err := app.Link.ShowCandidates(ctx, 0, 20)
	if err != nil || total != 1 || len(list) != 1 || list[0].AppID != "wxfakeoa00000001" || list[0].Nickname == "" || list[0].HeadImg == "" {
		t.Fatalf("candidates = %+v, %d, %v", list, total, err)
	}
	rr, _ = srv.LastRequest("GET /wxa/getwxamplinkforshow")
	if rr.Query.Get("page") != "0" || rr.Query.Get("num") != "20" {
		t.Fatalf("query %v", rr.Query)
	}
	if list, _, err = app.Link.ShowCandidates(ctx, 1, 20); err != nil || len(list) != 0 {
		t.Fatalf("page 1 = %+v, %v", list, err)
	}
	if _, _, err := app.Link.ShowCandidates(ctx, 0, 21); !isArg(err) {
		t.Fatalf("num 21: %v", err)
	}
	if _, _, err := app.Link.ShowCandidates(ctx, -1, 1); !isArg(err) {
		t.Fatalf("page -1: %v", err)
	}
	if err := app.Call(ctx, "GET", "/wxa/getwxamplinkforshow", nil, nil, nil); !isCode(err, 40097) {
		t.Fatalf("no page: %v", err)
	}
}
