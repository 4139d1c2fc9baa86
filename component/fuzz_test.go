package component_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/component"
)

// FuzzAuthorizationURL checks that any input either is rejected with an
// *InvalidArgumentError or gives a URL that carries the values unchanged.
func FuzzAuthorizationURL(f *testing.F) {
	f.Add("wxcomp", "preauthcode@@@abc", "https://example.com/cb?a=1&b=2#frag", false, 1, "wxbiz")
	f.Add("wx&x=1", "c#d", "http://h/p?q=%41", true, 0, "")
	f.Add("", "c", "https://e.com", true, -1, "b")
	f.Add("a", "b", "https://e.com/\x00", false, 3, "&")
	f.Fuzz(func(t *testing.T, appid, code, redirect string, mobile bool, authType int, biz string) {
		s, err := component.AuthorizationURL(appid, code, redirect, mobile, &component.AuthURLOptions{AuthType: authType, BizAppID: biz})
		if err != nil {
			var ae *component.InvalidArgumentError
			if !asArg(err, &ae) {
				t.Fatalf("error %v (%T) is not an InvalidArgumentError", err, err)
			}
			return
		}
		u, err := url.Parse(s)
		if err != nil {
			t.Fatalf("unparsable URL %q: %v", s, err)
		}
		q := u.Query()
		if q.Get("component_appid") != appid || q.Get("pre_auth_code") != code || q.Get("redirect_uri") != redirect || q.Get("biz_appid") != biz {
			t.Fatalf("values changed in %q", s)
		}
		if mobile != (u.Fragment == "wechat_redirect") || mobile != strings.HasPrefix(s, component.MobileAuthorizationPage+"?") {
			t.Fatalf("wrong page for mobile=%v: %q", mobile, s)
		}
	})
}

func asArg(err error, target **component.InvalidArgumentError) bool {
	ae, ok := err.(*component.InvalidArgumentError)
	*target = ae
	return ok
}
