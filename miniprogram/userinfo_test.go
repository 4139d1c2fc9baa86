package miniprogram_test

import (
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

const (
	testKey = "tiihtNczf5v6AKRyjwEUhQ==" // 16 bytes
	testIV  = "r7BXXKkLb8qrSNn05n0qiA=="
)

func TestVerifyRawData(t *testing.T) {
	raw := `{"nickName":"Band","gender":1}`
	sum := sha1.Sum([]byte(raw + testKey))
	sig := hex.EncodeToString(sum[:])
	if err := miniprogram.VerifyRawData(testKey, raw, sig); err != nil {
		t.Fatal(err)
	}
	if err := miniprogram.VerifyRawData(testKey, raw, strings.ToUpper(sig)); err != nil {
		t.Fatalf("uppercase hex: %v", err)
	}
	for _, bad := range []string{"", sig[:39], sig + "0", strings.Repeat("0", 40)} {
		err := miniprogram.VerifyRawData(testKey, raw, bad)
		var ue *miniprogram.UserDataError
		if !errors.Is(err, miniprogram.ErrSignatureMismatch) || !errors.As(err, &ue) || ue.Input != "signature" {
			t.Errorf("signature %q: err = %v", bad, err)
		}
	}
	if err := miniprogram.VerifyRawData(testKey, raw+" ", sig); !errors.Is(err, miniprogram.ErrSignatureMismatch) {
		t.Errorf("tampered rawData: err = %v", err)
	}
}

func encrypt(plain string) string {
	return fakewechat.MPEncrypt(testKey, testIV, []byte(plain))
}

func TestDecryptUserData(t *testing.T) {
	const app = "wx4f4bc4dec97d474b"
	profile := `{"openId":"oGZUI0egBJY1zhBYw2KhdUfwVJJE","nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou",` +
		`"province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/x/0","unionId":"ocMvos6NjeKLIBqg5Mr9QjxrP1FA",` +
		`"watermark":{"timestamp":1477314187,"appid":"wx4f4bc4dec97d474b"}}`
	p, err := miniprogram.DecryptUserProfile(testKey, encrypt(profile), testIV, app)
	if err != nil {
		t.Fatal(err)
	}
	if p.OpenID != "oGZUI0egBJY1zhBYw2KhdUfwVJJE" || p.NickName != "Band" || p.Gender != 1 || p.UnionID != "ocMvos6NjeKLIBqg5Mr9QjxrP1FA" ||
		p.AvatarURL != "http://wx.qlogo.cn/x/0" || p.Watermark.AppID != app || p.Watermark.Timestamp != 1477314187 {
		t.Fatalf("profile = %+v", p)
	}
	phone := `{"phoneNumber":"13580006666","purePhoneNumber":"13580006666","countryCode":"86","watermark":{"appid":"` + app + `","timestamp":1}}`
	ph, err := miniprogram.DecryptPhoneNumber(testKey, encrypt(phone), testIV, app)
	if err != nil || ph.PurePhoneNumber != "13580006666" || ph.CountryCode != "86" {
		t.Fatalf("phone = %+v, %v", ph, err)
	}
	d, err := miniprogram.DecryptUserData(testKey, encrypt(`{"stepInfoList":[{"timestamp":1,"step":100}],"watermark":{"appid":"`+app+`"}}`), testIV, app)
	if err != nil {
		t.Fatal(err)
	}
	var run struct {
		StepInfoList []struct{ Step int } `json:"stepInfoList"`
	}
	if err := d.Decode(&run); err != nil || len(run.StepInfoList) != 1 || run.StepInfoList[0].Step != 100 {
		t.Fatalf("werun = %+v, %v", run, err)
	}

	// Errors: each input named, sentinel matched, never a panic.
	badPad := base64.StdEncoding.EncodeToString(make([]byte, 16)) // zero block decrypts to garbage padding
	cases := []struct {
		name              string
		key, data, iv, to string
		input             string
		want              error
	}{
		{"key not base64", "%%%", encrypt(profile), testIV, app, "session_key", miniprogram.ErrInvalidBase64},
		{"key unpadded base64", strings.TrimRight(testKey, "="), encrypt(profile), testIV, app, "session_key", miniprogram.ErrInvalidBase64},
		{"key short", "AAAA", encrypt(profile), testIV, app, "session_key", miniprogram.ErrInvalidLength},
		{"iv short", testKey, encrypt(profile), "AAAA", app, "iv", miniprogram.ErrInvalidLength},
		{"iv not base64", testKey, encrypt(profile), "!!", app, "iv", miniprogram.ErrInvalidBase64},
		{"data not base64", testKey, "not base64", testIV, app, "encrypted_data", miniprogram.ErrInvalidBase64},
		{"data empty", testKey, "", testIV, app, "encrypted_data", miniprogram.ErrInvalidLength},
		{"data not blocks", testKey, "AAAA", testIV, app, "encrypted_data", miniprogram.ErrInvalidLength},
		{"bad padding", testKey, badPad, testIV, app, "encrypted_data", miniprogram.ErrInvalidPadding},
		{"wrong key", "AAAAAAAAAAAAAAAAAAAAAA==", encrypt(profile), testIV, app, "", nil},
		{"not json", testKey, encrypt("hello world"), testIV, app, "encrypted_data", miniprogram.ErrInvalidJSON},
		{"json array", testKey, encrypt(`[1,2]`), testIV, app, "encrypted_data", miniprogram.ErrInvalidJSON},
		{"other app", testKey, encrypt(profile), testIV, "wxanotherapp00001", "watermark", miniprogram.ErrWatermarkMismatch},
		{"no watermark", testKey, encrypt(`{"openId":"x"}`), testIV, app, "watermark", miniprogram.ErrWatermarkMismatch},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := miniprogram.DecryptUserData(tc.key, tc.data, tc.iv, tc.to)
			var ue *miniprogram.UserDataError
			if !errors.As(err, &ue) {
				t.Fatalf("err = %v (%T), want *UserDataError", err, err)
			}
			if tc.want != nil && (!errors.Is(err, tc.want) || ue.Input != tc.input) {
				t.Fatalf("err = %v, want %v on %s", err, tc.want, tc.input)
			}
			if strings.Contains(err.Error(), testKey) {
				t.Fatalf("error leaks the key: %v", err)
			}
		})
	}
	var ae *miniprogram.InvalidArgumentError
	if _, err := miniprogram.DecryptUserData(testKey, encrypt(profile), testIV, ""); !errors.As(err, &ae) || ae.Arg != "appid" {
		t.Fatalf("empty appid: err = %v", err)
	}
}

func TestUserInfoDecryptWithClientAppID(t *testing.T) {
	srv, c := newClient(t)
	login(t, srv, c, testOpenID, "")
	key, _ := srv.MPSessionKey(fakewechat.DefaultAppID, testOpenID)
	data, iv, ok := srv.MPEncryptUserData(fakewechat.DefaultAppID, testOpenID, map[string]any{"openId": testOpenID, "nickName": "Li"})
	if !ok {
		t.Fatal("MPEncryptUserData failed")
	}
	p, err := c.UserInfo.DecryptProfile(key, data, iv)
	if err != nil || p.OpenID != testOpenID || p.NickName != "Li" || p.Watermark.AppID != fakewechat.DefaultAppID {
		t.Fatalf("profile = %+v, %v", p, err)
	}
	if _, err := c.UserInfo.Decrypt(key, data, iv); err != nil {
		t.Fatal(err)
	}
	pdata, piv, _ := srv.MPEncryptUserData(fakewechat.DefaultAppID, testOpenID, map[string]any{"phoneNumber": "1", "purePhoneNumber": "1", "countryCode": "86"})
	if ph, err := c.UserInfo.DecryptPhoneNumber(key, pdata, piv); err != nil || ph.PhoneNumber != "1" {
		t.Fatalf("phone = %+v, %v", ph, err)
	}
	// WeChat recognizes the data it produced, and nothing else.
	chk, err := c.UserInfo.CheckEncryptedData(t.Context(), data)
	if err != nil || !chk.Valid || chk.CreateTime == 0 {
		t.Fatalf("check = %+v, %v", chk, err)
	}
	_, body := last(t, srv, "POST /wxa/business/checkencryptedmsg")
	if body["encrypted_msg_hash"] != miniprogram.EncryptedMsgHash(data) || len(miniprogram.EncryptedMsgHash(data)) != 64 {
		t.Errorf("body = %v", body)
	}
	chk, err = c.UserInfo.CheckEncryptedData(t.Context(), encrypt(`{}`))
	if err != nil || chk.Valid {
		t.Fatalf("foreign data check = %+v, %v", chk, err)
	}
	before := len(srv.Requests())
	_, err = c.UserInfo.CheckEncryptedData(t.Context(), "")
	wantArgError(t, srv, before, err, "encrypted_data")
}

func TestGetPhoneNumber(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	code := srv.MPPhoneCode(fakewechat.DefaultAppID, "+1 2025550123")
	ph, err := c.UserInfo.GetPhoneNumber(ctx, code, testOpenID)
	if err != nil {
		t.Fatal(err)
	}
	if ph.PhoneNumber != "+1 2025550123" || ph.PurePhoneNumber != "2025550123" || ph.CountryCode != "1" || ph.Watermark.AppID != fakewechat.DefaultAppID {
		t.Fatalf("phone = %+v", ph)
	}
	_, body := last(t, srv, "POST /wxa/business/getuserphonenumber")
	if body["code"] != code || body["openid"] != testOpenID {
		t.Errorf("body = %v", body)
	}
	_, err = c.UserInfo.GetPhoneNumber(ctx, code, "")
	wantAPIError(t, err, 40163)
	_, body = last(t, srv, "POST /wxa/business/getuserphonenumber")
	if _, ok := body["openid"]; ok {
		t.Errorf("empty openid sent: %v", body)
	}
	before := len(srv.Requests())
	_, err = c.UserInfo.GetPhoneNumber(ctx, "", "")
	wantArgError(t, srv, before, err, "code")
}

func TestPluginOpenPID(t *testing.T) {
	srv, c := newClient(t)
	code := srv.MPPluginCode(fakewechat.DefaultAppID, "GACo74wkDIkDzEhkwRwgjGt1pqlk")
	pid, err := c.UserInfo.PluginOpenPID(t.Context(), code)
	if err != nil || pid != "GACo74wkDIkDzEhkwRwgjGt1pqlk" {
		t.Fatalf("openpid = %q, %v", pid, err)
	}
	if _, body := last(t, srv, "POST /wxa/getpluginopenpid"); body["code"] != code {
		t.Errorf("body = %v", body)
	}
	_, err = c.UserInfo.PluginOpenPID(t.Context(), code)
	wantAPIError(t, err, 1007)
}

func TestPaidUnionID(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	login(t, srv, c, testOpenID, "uPaid")
	srv.MPRecordPayment(fakewechat.DefaultAppID, testOpenID, "4200000001", "1900000109", "order-1")
	for _, by := range []miniprogram.PaidBy{{}, {TransactionID: "4200000001"}, {MchID: "1900000109", OutTradeNo: "order-1"}} {
		u, err := c.UserInfo.PaidUnionID(ctx, testOpenID, by)
		if err != nil || u != "uPaid" {
			t.Fatalf("%+v: unionid = %q, %v", by, u, err)
		}
		rr, _ := last(t, srv, "GET /wxa/getpaidunionid")
		if rr.Query.Get("openid") != testOpenID || rr.Query.Get("transaction_id") != by.TransactionID ||
			rr.Query.Get("mch_id") != by.MchID || rr.Query.Get("out_trade_no") != by.OutTradeNo {
			t.Errorf("query = %v", rr.Query)
		}
	}
	_, err := c.UserInfo.PaidUnionID(ctx, testOpenID, miniprogram.PaidBy{TransactionID: "other"})
	wantAPIError(t, err, fakewechat.CodeMPNoPayment)
	before := len(srv.Requests())
	_, err = c.UserInfo.PaidUnionID(ctx, testOpenID, miniprogram.PaidBy{TransactionID: "t", MchID: "m"})
	wantArgError(t, srv, before, err, "transaction_id")
	_, err = c.UserInfo.PaidUnionID(ctx, testOpenID, miniprogram.PaidBy{MchID: "m"})
	wantArgError(t, srv, before, err, "out_trade_no")
	_, err = c.UserInfo.PaidUnionID(ctx, "", miniprogram.PaidBy{})
	wantArgError(t, srv, before, err, "openid")
}

func TestUserEncryptKeys(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	s := login(t, srv, c, testOpenID, "")
	keys, err := c.UserInfo.UserEncryptKeys(ctx, s.OpenID, s.SessionKey)
	if err != nil || len(keys) != 1 || keys[0].Version != 1 || keys[0].ExpireIn != 3600 || keys[0].EncryptKey == "" || keys[0].IV == "" {
		t.Fatalf("keys = %+v, %v", keys, err)
	}
	srv.Advance(3600e9)
	keys, err = c.UserInfo.UserEncryptKeys(ctx, s.OpenID, s.SessionKey)
	if err != nil || len(keys) != 2 || keys[0].Version != 2 || keys[1].ExpireIn != 0 {
		t.Fatalf("keys after an hour = %+v, %v", keys, err)
	}
	rr, _ := last(t, srv, "GET /wxa/business/getuserencryptkey")
	if rr.Query.Get("signature") != miniprogram.SessionSignature(s.SessionKey) || rr.Query.Get("sig_method") != "hmac_sha256" {
		t.Errorf("query = %v", rr.Query)
	}
	_, err = c.UserInfo.UserEncryptKeys(ctx, s.OpenID, "AAAAAAAAAAAAAAAAAAAAAA==")
	wantAPIError(t, err, 87009)
}

func BenchmarkDecryptUserProfile(b *testing.B) {
	const app = "wx4f4bc4dec97d474b"
	data := encrypt(`{"openId":"oGZUI0egBJY1zhBYw2KhdUfwVJJE","nickName":"Band","gender":1,"city":"Guangzhou","province":"Guangdong",` +
		`"country":"CN","avatarUrl":"http://wx.qlogo.cn/x/0","unionId":"ocMvos6NjeKLIBqg5Mr9QjxrP1FA","watermark":{"timestamp":1477314187,"appid":"` + app + `"}}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := miniprogram.DecryptUserProfile(testKey, data, testIV, app); err != nil {
			b.Fatal(err)
		}
	}
}
