package miniprogram

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

// The docs' table lists authorizedrama as GET, but it takes a JSON body
// like its siblings and its example is a POST body: it is sent as POST.
var (
	vodAuthorizeDrama   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/authorizedrama"}
	vodDeauthorizeDrama = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/deauthorizedrama"}
	vodAuthorizeObjects = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getauthorizeobjects"}
	vodAuthorizeApp     = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/authorizeapp"}
	vodAuthorizeApps    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/vod/getauthorizeapps"}
)

// MaxDramaAuthorizationPage is the largest page of ListDramaAuthorizations.
const MaxDramaAuthorizationPage = 1000

// DramaAuthResult is the outcome of (de)authorizing one drama: ErrCode 0
// when it succeeded.
type DramaAuthResult struct {
	DramaID int64  `json:"drama_id"`
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// AuthorizeDrama lets the mini program authorizedAppID play the given
// approved dramas (增加剧目授权) until expireTime (a Unix time at least 7
// days ahead; 0 for no end). It returns one result per drama.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizedrama/api_authorizedrama.html
func (s *VODService) AuthorizeDrama(ctx context.Context, authorizedAppID string, dramaIDs []int64, expireTime int64) ([]DramaAuthResult, error) {
	if err := checkDramaAuth(authorizedAppID, dramaIDs); err != nil {
		return nil, err
	}
	if expireTime < 0 {
		return nil, invalidArg("authz_expire_time", "must be 0 or a Unix time")
	}
	body := struct {
		AuthorizedAppID string  `json:"authorized_appid"`
		DramaID         []int64 `json:"drama_id"`
		AuthzExpireTime int64   `json:"authz_expire_time,omitempty"`
	}{authorizedAppID, dramaIDs, expireTime}
	return dramaAuthCall(ctx, s, vodAuthorizeDrama, body)
}

// DeauthorizeDrama withdraws the authorization of authorizedAppID to play
// the given dramas (解除剧目授权). It returns one result per drama.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizedrama/api_deauthorizedrama.html
func (s *VODService) DeauthorizeDrama(ctx context.Context, authorizedAppID string, dramaIDs []int64) ([]DramaAuthResult, error) {
	if err := checkDramaAuth(authorizedAppID, dramaIDs); err != nil {
		return nil, err
	}
	body := struct {
		AuthorizedAppID string  `json:"authorized_appid"`
		DramaID         []int64 `json:"drama_id"`
	}{authorizedAppID, dramaIDs}
	return dramaAuthCall(ctx, s, vodDeauthorizeDrama, body)
}

func checkDramaAuth(appID string, dramaIDs []int64) error {
	if err := required("authorized_appid", appID); err != nil {
		return err
	}
	if len(dramaIDs) == 0 {
		return invalidArg("drama_id", "empty")
	}
	for _, id := range dramaIDs {
		if id <= 0 {
			return invalidArg("drama_id", "must be positive")
		}
	}
	return nil
}

func dramaAuthCall(ctx context.Context, s *VODService, ep wechat.Endpoint, body any) ([]DramaAuthResult, error) {
	out, err := call[struct {
		Result []DramaAuthResult `json:"result"`
	}](ctx, s.c, ep, nil, body)
	if err != nil {
		return nil, err
	}
	return out.Result, nil
}

// DramaAuthorization is an authorization granted to play a drama.
type DramaAuthorization struct {
	DramaID         int64  `json:"drama_id"`
	AuthorizedAppID string `json:"authorized_appid"`
	AuthorizedTime  int64  `json:"authorized_time"`
	AuthzExpireTime int64  `json:"authz_expire_time"` // 0: no end
}

// DramaAuthorizationQuery filters ListDramaAuthorizations: zero fields
// match every drama and every authorized mini program.
type DramaAuthorizationQuery struct {
	DramaID         int64  `json:"drama_id,omitempty"`
	AuthorizedAppID string `json:"authorized_appid,omitempty"`
	Offset          int    `json:"offset,omitempty"`
	Limit           int    `json:"limit,omitempty"` // at most 1000; 100 when 0
}

// ListDramaAuthorizations returns one page of the authorizations the mini
// program granted (查询授权信息) and the number matching q.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizedrama/api_getauthorizeobjects.html
func (s *VODService) ListDramaAuthorizations(ctx context.Context, q DramaAuthorizationQuery) ([]DramaAuthorization, int, error) {
	if q.Limit < 0 || q.Limit > MaxDramaAuthorizationPage || q.Offset < 0 {
		return nil, 0, invalidArg("limit", "must be 0-1000, with a non-negative offset")
	}
	out, err := call[struct {
		TotalCount int                  `json:"total_count"`
		Objects    []DramaAuthorization `json:"objects"`
	}](ctx, s.c, vodAuthorizeObjects, nil, q)
	if err != nil {
		return nil, 0, err
	}
	return out.Objects, out.TotalCount, nil
}

// AuthorizeApp lets the mini program authorizedAppID play every drama of
// this one (增加账号授权) until expireTime (a Unix time at least 7 days
// ahead; 0 for no end).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizeapp/api_authorizeapp.html
func (s *VODService) AuthorizeApp(ctx context.Context, authorizedAppID string, expireTime int64) error {
	if err := required("authorized_appid", authorizedAppID); err != nil {
		return err
	}
	if expireTime < 0 {
		return invalidArg("authz_expire_time", "must be 0 or a Unix time")
	}
	body := struct {
		AuthorizedAppID string `json:"authorized_appid"`
		AuthzExpireTime int64  `json:"authz_expire_time,omitempty"`
	}{authorizedAppID, expireTime}
	return s.c.Do(ctx, vodAuthorizeApp, nil, body, nil)
}

// AppAuthorization is an authorization granted to play every drama.
type AppAuthorization struct {
	AuthorizedAppID string `json:"authorized_appid"`
	AuthorizedTime  int64  `json:"authorized_time"`
	// AuthzExpireTime is the end of the authorization (0: no end); the
	// docs' page shows this field's name cut after "authz_expire", read
	// here as in the request and in getauthorizeobjects.
	AuthzExpireTime int64 `json:"authz_expire_time"`
}

// AppAuthorizations returns the account authorizations the mini program
// granted (查询账号授权信息).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/authorizeapp/api_getauthorizeapps.html
func (s *VODService) AppAuthorizations(ctx context.Context) ([]AppAuthorization, error) {
	out, err := call[struct {
		Objects []AppAuthorization `json:"objects"`
	}](ctx, s.c, vodAuthorizeApps, nil, struct{}{})
	if err != nil {
		return nil, err
	}
	return out.Objects, nil
}
