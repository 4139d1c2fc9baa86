package pay_test

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// xmlRecorder keeps the last v2 XML body sent through it.
type xmlRecorder struct {
	mu   sync.Mutex
	last []byte
	next http.RoundTripper
}

func (x *xmlRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	b, _ := io.ReadAll(r.Body)
	x.mu.Lock()
	x.last = b
	x.mu.Unlock()
	r.Body = io.NopCloser(bytes.NewReader(b))
	return x.next.RoundTrip(r)
}

func (x *xmlRecorder) sent(t *testing.T) map[string]string {
	t.Helper()
	x.mu.Lock()
	defer x.mu.Unlock()
	m, err := pay.ParseV2XML(x.last)
	if err != nil {
		t.Fatalf("sent XML %q: %v", x.last, err)
	}
	return m
}

func newV2Client(t *testing.T) (*fakepay.Server, *pay.Client, *xmlRecorder) {
	srv := newServer(t, fakepay.ModePublicKey)
	tc := srv.MutualTLSClient()
	rec := &xmlRecorder{next: tc.Transport}
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithTLSClient(&http.Client{Transport: rec}))
	return srv, c, rec
}

func billno(mch string, n int) string {
	return mch + time.Now().Format("20060102") + strconv.Itoa(1000000000+n)
}

func wantV2Code(t *testing.T, err error, code string) {
	t.Helper()
	var ve *pay.V2Error
	if !errors.As(err, &ve) || ve.ErrCode != code {
		t.Fatalf("want V2Error %s, got %v", code, err)
	}
}

func TestSendRedpackAndQuery(t *testing.T) {
	srv, c, rec := newV2Client(t)
	cx := ctx(t)
	no := billno(srv.Opts.MchID, 1)
	req := &pay.RedpackRequest{MchBillNo: no, WxAppID: "wx8888888888888888", SendName: "天虹百货",
		ReOpenID: "oxTWIuGaIt6gTKsQRLau2M0yL16E", TotalAmount: 1000, TotalNum: 1, Wishing: "感谢您参加猜灯谜活动，祝您元宵节快乐！",
		ClientIP: "192.168.0.1", ActName: "猜灯谜抢红包活动", Remark: "猜越多得越多，快来抢！"}
	resp, err := c.SendRedpack(cx, req)
	if err != nil || resp.MchBillNo != no || resp.TotalAmount != 1000 || resp.SendListID == "" || resp.ReOpenID != req.ReOpenID || resp.MchID != srv.Opts.MchID {
		t.Fatalf("SendRedpack: %+v %v", resp, err)
	}
	sent := rec.sent(t)
	for k, v := range map[string]string{"mch_billno": no, "mch_id": srv.Opts.MchID, "wxappid": "wx8888888888888888",
		"send_name": "天虹百货", "total_amount": "1000", "total_num": "1", "client_ip": "192.168.0.1", "act_name": "猜灯谜抢红包活动"} {
		if sent[k] != v {
			t.Errorf("sent %s = %q, want %q", k, sent[k], v)
		}
	}
	if want, _ := pay.V2Sign(sent, srv.Opts.APIv2Key, pay.SignTypeMD5); sent["sign"] != want || len(sent["nonce_str"]) != 32 {
		t.Errorf("sent sign %q nonce %q", sent["sign"], sent["nonce_str"])
	}
	if _, ok := sent["amt_type"]; ok {
		t.Error("amt_type sent for a normal red packet")
	}
	// A retry with the same content answers the same packet.
	again, err := c.SendRedpack(cx, req)
	if err != nil || again.SendListID != resp.SendListID {
		t.Fatalf("retry: %+v %v", again, err)
	}

	info, err := c.GetRedpackInfo(cx, "wx8888888888888888", no)
	if err != nil || info.Status != pay.RedpackStatusSent || info.HbType != "NORMAL" || info.TotalAmount != 1000 ||
		info.DetailID != resp.SendListID || info.SendType != "API" || info.ActName != req.ActName || len(info.HbList) != 0 {
		t.Fatalf("GetRedpackInfo: %+v %v", info, err)
	}
	if s := rec.sent(t); s["bill_type"] != "MCHT" || s["appid"] != "wx8888888888888888" || s["mch_billno"] != no {
		t.Errorf("gethbinfo sent %v", s)
	}
	if !srv.SetRedpackStatus(no, pay.RedpackStatusReceived) {
		t.Fatal("SetRedpackStatus: unknown packet")
	}
	info, err = c.GetRedpackInfo(cx, "wx8888888888888888", no)
	if err != nil || info.Status != pay.RedpackStatusReceived || len(info.HbList) != 1 ||
		info.HbList[0].OpenID != req.ReOpenID || info.HbList[0].Amount != 1000 || info.HbList[0].RcvTime == "" {
		t.Fatalf("received: %+v %v", info, err)
	}
	_, err = c.GetRedpackInfo(cx, "wx8888888888888888", billno(srv.Opts.MchID, 999))
	wantV2Code(t, err, "NOT_FOUND")
}

func TestSendGroupRedpackRefund(t *testing.T) {
	srv, c, rec := newV2Client(t)
	cx := ctx(t)
	no := billno(srv.Opts.MchID, 2)
	before := srv.TransferBalance("")
	resp, err := c.SendGroupRedpack(cx, &pay.RedpackRequest{MchBillNo: no, WxAppID: "wx8888888888888888", SendName: "天虹百货",
		ReOpenID: "oxTWIuGaIt6gTKsQRLau2M0yL16E", TotalAmount: 1000, TotalNum: 5, Wishing: "新年快乐", ActName: "新年红包", Remark: "新年红包"})
	if err != nil || resp.SendListID == "" {
		t.Fatalf("SendGroupRedpack: %+v %v", resp, err)
	}
	if s := rec.sent(t); s["amt_type"] != pay.RedpackAmtTypeAllRand || s["total_num"] != "5" || s["client_ip"] != "" {
		t.Errorf("group sent %v", s)
	}
	if got := srv.TransferBalance(""); got != before-1000 {
		t.Errorf("balance %d, want %d", got, before-1000)
	}
	srv.SetRedpackStatus(no, pay.RedpackStatusRefund)
	info, err := c.GetRedpackInfo(cx, "wx8888888888888888", no)
	if err != nil || info.Status != pay.RedpackStatusRefund || info.HbType != "GROUP" || info.TotalNum != 5 ||
		info.RefundAmount != 1000 || info.RefundTime == "" {
		t.Fatalf("refunded: %+v %v", info, err)
	}
	if got := srv.TransferBalance(""); got != before {
		t.Errorf("balance after refund %d, want %d", got, before)
	}
}

func TestRedpackErrors(t *testing.T) {
	srv, c, _ := newV2Client(t)
	cx := ctx(t)
	base := func(n int) *pay.RedpackRequest {
		return &pay.RedpackRequest{MchBillNo: billno(srv.Opts.MchID, n), WxAppID: "wx8888888888888888", SendName: "s",
			ReOpenID: "oUser", TotalAmount: 100, TotalNum: 1, Wishing: "w", ClientIP: "1.1.1.1", ActName: "a", Remark: "r"}
	}
	var ae *wechat.ArgumentError
	for name, mod := range map[string]func(*pay.RedpackRequest){
		"no wishing":  func(r *pay.RedpackRequest) { r.Wishing = "" },
		"no ip":       func(r *pay.RedpackRequest) { r.ClientIP = "" },
		"two packets": func(r *pay.RedpackRequest) { r.TotalNum = 2 },
		"too small":   func(r *pay.RedpackRequest) { r.TotalAmount = 99 },
		"too large":   func(r *pay.RedpackRequest) { r.TotalAmount = 20001 },
		"bad billno":  func(r *pay.RedpackRequest) { r.MchBillNo = "no-dash" },
	} {
		r := base(10)
		mod(r)
		if _, err := c.SendRedpack(cx, r); !errors.As(err, &ae) {
			t.Errorf("%s: want ArgumentError, got %v", name, err)
		}
	}
	if _, err := c.SendGroupRedpack(cx, base(10)); !errors.As(err, &ae) {
		t.Errorf("group of 1: %v", err)
	}
	// The fake checks the bill number's composition.
	r := base(11)
	r.MchBillNo = "1900000109" + "2026130" + "12345678901"
	_, err := c.SendRedpack(cx, r)
	wantV2Code(t, err, "PARAM_ERROR")
	// SceneID lifts the client's amount limit; the fake accepts it.
	r = base(12)
	r.TotalAmount, r.SceneID = 30000, "PRODUCT_4"
	if _, err := c.SendRedpack(cx, r); err != nil {
		t.Fatalf("scene_id: %v", err)
	}
	// Same bill number, other content.
	r.TotalAmount = 30001
	_, err = c.SendRedpack(cx, r)
	wantV2Code(t, err, "PARAM_ERROR")
	// NOTENOUGH: the balance is short.
	srv.SetTransferBalance("", 50)
	resp, err := c.SendRedpack(cx, base(13))
	wantV2Code(t, err, "NOTENOUGH")
	if resp == nil || resp.Raw["err_code_des"] == "" {
		t.Errorf("NOTENOUGH response: %+v", resp)
	}
	srv.SetTransferBalance("", 1_000_000)
	// SENDNUMLIMIT: at most 10 packets per user per day.
	for i := range 10 {
		if _, err := c.SendRedpack(cx, base(20+i)); err != nil && i < 9 {
			t.Fatalf("packet %d: %v", i, err)
		}
	}
	_, err = c.SendRedpack(cx, base(40))
	wantV2Code(t, err, "SENDNUMLIMIT")
	// Without the merchant certificate.
	noCert := newClient(t, srv, pay.VerifyPublicKey, pay.WithTLSClient(srv.Client()))
	_, err = noCert.SendRedpack(cx, base(41))
	wantV2Code(t, err, "CA_ERROR")
	if _, err := newClient(t, srv, pay.VerifyPublicKey).GetRedpackInfo(cx, "wx1", "x"); !errors.As(err, &ae) {
		t.Errorf("GetRedpackInfo without TLS client: %v", err)
	}
	if _, err := c.GetRedpackInfo(cx, "", "x"); !errors.As(err, &ae) {
		t.Errorf("GetRedpackInfo without appid: %v", err)
	}
	// A wrong v2 key: the fake rejects the sign.
	cfg := testConfig(srv, pay.VerifyPublicKey)
	cfg.APIv2Key = strings.Repeat("z", 32)
	bad, _ := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()), pay.WithTLSClient(srv.MutualTLSClient()))
	var ve *pay.V2Error
	if _, err := bad.SendRedpack(cx, base(42)); !errors.As(err, &ve) || ve.ReturnCode != "FAIL" {
		t.Errorf("bad sign: %v", err)
	}
}

func TestSendMiniProgramRedpack(t *testing.T) {
	srv, c, rec := newV2Client(t)
	cx := ctx(t)
	no := billno(srv.Opts.MchID, 3)
	resp, err := c.SendMiniProgramRedpack(cx, &pay.RedpackRequest{MchBillNo: no, WxAppID: "wxd27ebc41b85ce36d", SendName: "天虹百货",
		ReOpenID: "oUser", TotalAmount: 100, TotalNum: 1, Wishing: "w", ActName: "a", Remark: "r"})
	if err != nil || resp.Package == "" || !strings.Contains(resp.Package, "appid=wxd27ebc41b85ce36d") {
		t.Fatalf("SendMiniProgramRedpack: %+v %v", resp, err)
	}
	if s := rec.sent(t); s["notify_way"] != "MINI_PROGRAM_JSAPI" || s["client_ip"] != "" {
		t.Errorf("mini sent %v", s)
	}
	params, err := c.MiniProgramRedpackParams("wxd27ebc41b85ce36d", resp.Package)
	if err != nil || params["signType"] != "MD5" || params["package"] != url.QueryEscape(resp.Package) {
		t.Fatalf("params: %v %v", params, err)
	}
	sum := md5.Sum([]byte("appId=wxd27ebc41b85ce36d&nonceStr=" + params["nonceStr"] + "&package=" + params["package"] +
		"&timeStamp=" + params["timeStamp"] + "&key=" + srv.Opts.APIv2Key))
	if params["paySign"] != hex.EncodeToString(sum[:]) {
		t.Errorf("paySign %s", params["paySign"])
	}
	var ae *wechat.ArgumentError
	if _, err := c.MiniProgramRedpackParams("wx1", ""); !errors.As(err, &ae) {
		t.Errorf("empty package: %v", err)
	}
}
