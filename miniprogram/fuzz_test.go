package miniprogram_test

import (
	"errors"
	"testing"

	"github.com/weixin-go/wechat/miniprogram"
)

// FuzzDecryptUserData feeds arbitrary inputs to DecryptUserData: it must
// never panic, and must either succeed with the watermark of the asked app
// or fail with a typed error.
func FuzzDecryptUserData(f *testing.F) {
	const app = "wx4f4bc4dec97d474b"
	f.Add(testKey, encrypt(`{"openId":"o","watermark":{"appid":"`+app+`","timestamp":1}}`), testIV)
	f.Add(testKey, encrypt(`{"watermark":{"appid":"other"}}`), testIV)
	f.Add(testKey, encrypt(`null`), testIV)
	f.Add(testKey, encrypt(`   `), testIV)
	f.Add(testKey, encrypt(``), testIV)
	f.Add(testKey, "AAAAAAAAAAAAAAAAAAAAAA==", testIV)
	f.Add("", "", "")
	f.Add("AAAA", "AAAA", "AAAA")
	f.Add(testKey, "%%%%", testIV)
	f.Fuzz(func(t *testing.T, key, data, iv string) {
		d, err := miniprogram.DecryptUserData(key, data, iv, app)
		if err != nil {
			var ue *miniprogram.UserDataError
			if !errors.As(err, &ue) || ue.Err == nil {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		if d.Watermark.AppID != app || len(d.Raw) == 0 {
			t.Fatalf("accepted data = %+v", d)
		}
	})
}

// FuzzVerifyRawData checks that only the exact signature is accepted.
func FuzzVerifyRawData(f *testing.F) {
	f.Add(testKey, `{"nickName":"x"}`, "0000000000000000000000000000000000000000")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, key, raw, sig string) {
		err := miniprogram.VerifyRawData(key, raw, sig)
		if err != nil && !errors.Is(err, miniprogram.ErrSignatureMismatch) {
			t.Fatalf("unexpected error %v", err)
		}
	})
}
