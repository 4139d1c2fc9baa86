package oa_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestCreateQRCode(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	tests := []struct {
		name     string
		req      *oa.QRCodeRequest
		wantBody string
		wantExp  int
	}{
		{"temporary id", oa.TempQRCode(123, time.Hour), `{"action_info":{"scene":{"scene_id":123}},"action_name":"QR_SCENE","expire_seconds":3600}`, 3600},
		{"temporary default expiry", oa.TempQRCode(7, 0), `{"action_info":{"scene":{"scene_id":7}},"action_name":"QR_SCENE"}`, 60},
		{"temporary str", oa.TempQRCodeStr("promo/2025", 90*time.Second), `{"action_info":{"scene":{"scene_str":"promo/2025"}},"action_name":"QR_STR_SCENE","expire_seconds":90}`, 90},
		{"permanent id", oa.PermanentQRCode(100000), `{"action_info":{"scene":{"scene_id":100000}},"action_name":"QR_LIMIT_SCENE"}`, 0},
		{"permanent str ignores expiry", &oa.QRCodeRequest{ExpireSeconds: 30, ActionName: oa.QRLimitStrScene, ActionInfo: oa.QRCodeActionInfo{Scene: oa.QRCodeScene{SceneStr: "shop"}}}, `{"action_info":{"scene":{"scene_str":"shop"}},"action_name":"QR_LIMIT_STR_SCENE"}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := c.Account.CreateQRCode(ctx, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			rr, body := reqA(t, srv, "POST /cgi-bin/qrcode/create")
			if rr.Query.Get("access_token") == "" {
				t.Error("no access_token")
			}
			if got := jsonA(t, body); got != tt.wantBody {
				t.Errorf("body = %s\nwant   %s", got, tt.wantBody)
			}
			if q.Ticket == "" || !strings.HasPrefix(q.URL, "http://weixin.qq.com/q/") || q.ExpireSeconds != tt.wantExp {
				t.Errorf("QRCode = %+v, want expire %d", q, tt.wantExp)
			}
			if want := oa.ShowQRCodeURL + "?ticket=" + url.QueryEscape(q.Ticket); q.ImageURL() != want {
				t.Errorf("ImageURL = %s, want %s", q.ImageURL(), want)
			}
		})
	}
}

func TestCreateQRCodeInvalid(t *testing.T) {
	srv, c := newAClient(t)
	tests := []struct {
		name string
		req  *oa.QRCodeRequest
		arg  string
	}{
		{"nil", nil, "qrcode"},
		{"zero scene id", oa.TempQRCode(0, time.Minute), "scene_id"},
		{"permanent id too large", oa.PermanentQRCode(100001), "scene_id"},
		{"empty scene str", oa.PermanentQRCodeStr(""), "scene_str"},
		{"scene str too long", oa.TempQRCodeStr(strings.Repeat("x", 65), time.Minute), "scene_str"},
		{"expiry too long", oa.TempQRCode(1, 31*24*time.Hour), "expire_seconds"},
		{"unknown type", &oa.QRCodeRequest{ActionName: "QR_FOREVER"}, "action_name"},
		{"str with id", &oa.QRCodeRequest{ActionName: oa.QRStrScene, ActionInfo: oa.QRCodeActionInfo{Scene: oa.QRCodeScene{SceneID: 1, SceneStr: "a"}}}, "scene_id"},
		{"id with str", &oa.QRCodeRequest{ActionName: oa.QRScene, ActionInfo: oa.QRCodeActionInfo{Scene: oa.QRCodeScene{SceneID: 1, SceneStr: "a"}}}, "scene_str"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Account.CreateQRCode(context.Background(), tt.req)
			argErrA(t, srv, "POST /cgi-bin/qrcode/create", err, tt.arg)
		})
	}
}

func TestQRCodeImageURLEscapesTicket(t *testing.T) {
	got := oa.QRCodeImageURL("gQH4+8/A==")
	if want := "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQH4%2B8%2FA%3D%3D"; got != want {
		t.Errorf("QRCodeImageURL = %s, want %s", got, want)
	}
}

func TestQRCodeURLAndDownload(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	u, err := c.Account.QRCodeURL(ctx, oa.TempQRCodeStr("login", time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Host != "mp.weixin.qq.com" || pu.Path != "/cgi-bin/showqrcode" {
		t.Fatalf("QRCodeURL = %s (%v)", u, err)
	}
	ticket := pu.Query().Get("ticket")
	want, ok := srv.QRCodeImage(ticket)
	if !ok {
		t.Fatalf("fake server does not know ticket %q from the URL (escaping lost?)", ticket)
	}

	hc := mpClientA(t, srv)
	dl, err := oa.DownloadQRCodeImage(ctx, hc, ticket)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(dl)
	dl.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) || dl.ContentType != "image/jpg" || dl.Length != int64(len(want)) {
		t.Errorf("downloaded %d bytes of %s (length %d), want the %d-byte image", len(got), dl.ContentType, dl.Length, len(want))
	}
	if !bytes.HasPrefix(got, []byte{0xff, 0xd8}) {
		t.Error("image is not a JPEG")
	}

	// Create and download in one call.
	dl, err = c.Account.DownloadQRCode(ctx, oa.PermanentQRCode(42), hc)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, dl)
	dl.Close()
	if n == 0 {
		t.Error("empty image")
	}

	// The temporary code expires after a minute.
	srv.Advance(61 * time.Second)
	_, err = oa.DownloadQRCodeImage(ctx, hc, ticket)
	var he *wechat.HTTPError
	if !errors.As(err, &he) || he.StatusCode != 404 {
		t.Fatalf("expired ticket: err = %v, want HTTP 404", err)
	}
	if strings.Contains(err.Error(), url.QueryEscape(ticket)) || strings.Contains(err.Error(), ticket) {
		t.Errorf("error leaks the ticket: %v", err)
	}
	if _, err := oa.DownloadQRCodeImage(ctx, hc, ""); err == nil {
		t.Error("empty ticket accepted")
	}
	if _, err := c.Account.DownloadQRCode(ctx, oa.PermanentQRCode(0), hc); err == nil {
		t.Error("invalid request accepted")
	}
}

func TestShortURL(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	long := "https://example.com/a/very/long/path?with=query&and=more"
	s1, err := c.Account.ShortURL(ctx, long)
	if err != nil {
		t.Fatal(err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/shorturl")
	if body["action"] != "long2short" || body["long_url"] != long {
		t.Errorf("body = %v", body)
	}
	s2, err := c.Account.ShortURL(ctx, long)
	if err != nil || s2 != s1 || !strings.HasPrefix(s1, "https://w.url.cn/s/") {
		t.Errorf("short urls %q, %q (%v)", s1, s2, err)
	}
	_, err = c.Account.ShortURL(ctx, "ftp://example.com")
	apiCodeA(t, err, 40066)
	_, err = c.Account.ShortURL(ctx, "")
	var ae *oa.InvalidArgumentError
	if !errors.As(err, &ae) {
		t.Errorf("empty url: %v", err)
	}
}

func TestQuotaAndClearQuota(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	addFollowersA(srv, 1)
	for range 3 {
		if _, err := c.User.Info(ctx, openidA(0), ""); err != nil {
			t.Fatal(err)
		}
	}
	q, err := c.Account.Quota(ctx, "/cgi-bin/user/info")
	if err != nil {
		t.Fatal(err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/openapi/quota/get")
	if body["cgi_path"] != "/cgi-bin/user/info" {
		t.Errorf("body = %v", body)
	}
	if q.Quota.Used != 3 || q.Quota.DailyLimit != 100000 || q.Quota.Remain != 99997 || q.RateLimit == nil || q.RateLimit.RefreshSecond != 60 {
		t.Errorf("quota = %+v rate %+v", q.Quota, q.RateLimit)
	}
	if err := c.Account.ClearQuota(ctx); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/clear_quota"); body["appid"] != fakewechat.DefaultAppID {
		t.Errorf("clear_quota body = %v", body)
	}
	if q, err = c.Account.Quota(ctx, "/cgi-bin/user/info"); err != nil || q.Quota.Used != 0 {
		t.Errorf("after clear: %+v, %v", q, err)
	}
	_, err = c.Account.Quota(ctx, "/cgi-bin/no/such/api")
	apiCodeA(t, err, 76021)
	_, err = c.Account.Quota(ctx, "cgi-bin/user/info")
	argErrA(t, srv, "POST /cgi-bin/nothing", err, "cgi_path")

	// Ten clears a month.
	for range 9 {
		if err := c.Account.ClearQuota(ctx); err != nil {
			t.Fatal(err)
		}
	}
	apiCodeA(t, c.Account.ClearQuota(ctx), 48006)
}

func TestAutoReplyRules(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	r, err := c.Account.AutoReplyRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rr, _ := reqA(t, srv, "GET /cgi-bin/get_current_autoreply_info"); rr.Method != "GET" {
		t.Error(rr.Method)
	}
	if r.IsAutoReplyOpen != 1 || r.AddFriendAutoReplyInfo == nil || r.AddFriendAutoReplyInfo.Type != "text" {
		t.Fatalf("rules = %+v", r)
	}
	kw := r.KeywordAutoReplyInfo.List
	if len(kw) != 1 || kw[0].ReplyMode != "reply_all" || kw[0].KeywordListInfo[0].MatchMode != "contain" ||
		kw[0].ReplyListInfo[0].NewsInfo == nil || kw[0].ReplyListInfo[0].NewsInfo.List[0].ShowCover != 1 {
		t.Errorf("keyword rules = %+v", kw)
	}
	srv.SetAutoReplyRules(fakewechat.DefaultAppID, map[string]any{"is_add_friend_reply_open": 0, "is_autoreply_open": 0})
	if r, err = c.Account.AutoReplyRules(ctx); err != nil || r.IsAutoReplyOpen != 0 || r.AddFriendAutoReplyInfo != nil {
		t.Errorf("custom rules = %+v, %v", r, err)
	}
}

func TestAccountErrors(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	if err := srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/qrcode/create", Errcode: 45009, Times: 1}); err != nil {
		t.Fatal(err)
	}
	_, err := c.Account.QRCodeURL(ctx, oa.PermanentQRCode(1))
	apiCodeA(t, err, 45009)
	if !errors.Is(err, wechat.ErrRateLimited) {
		t.Errorf("errors.Is(ErrRateLimited) = false for %v", err)
	}
	tok, err := c.Account.AccessToken(ctx)
	if err != nil || tok == "" {
		t.Fatalf("AccessToken = %q, %v", tok, err)
	}
	if rr, _ := reqA(t, srv, "POST /cgi-bin/qrcode/create"); rr.Query.Get("access_token") != tok {
		t.Error("the cached token was not the one used")
	}
}
