package wechat

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"
)

// DefaultTokenCheckInterval is how often StartTokenChecker checks by default.
const DefaultTokenCheckInterval = 5 * time.Minute

// quotaGet is the cheap call the token checker makes.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/openApi/get_api_quota.html
var quotaGet = Endpoint{Method: http.MethodPost, Path: "/cgi-bin/openapi/quota/get"}

// CheckToken makes one cheap call (POST /cgi-bin/openapi/quota/get) with
// the client's access token, to notice a token WeChat no longer accepts
// although it has not expired, for instance because another system fetched
// a new classic token or forced a refresh. A rejected token (40001, 40014,
// 42001) is refreshed the ordinary way: one fetch shared by every goroutine
// and process, within the forced refresh limit (see
// TokenOptions.ForceRefreshInterval). It works for any token source: on the
// core client of a component.Client (Core) it checks the
// component_access_token, which the call accepts too.
//
// The error is nil when the token, possibly refreshed, was accepted; an
// answer other than a token rejection (a quota or permission errcode) also
// shows that the token is accepted.
// https://developers.weixin.qq.com/doc/offiaccount/openApi/get_api_quota.html
func (c *Client) CheckToken(ctx context.Context) error {
	body := map[string]string{"cgi_path": quotaGet.Path}
	err := c.Do(ctx, quotaGet, nil, body, nil)
	var apiErr *APIError
	if errors.As(err, &apiErr) && !isTokenErrcode(apiErr.Code) {
		return nil
	}
	return err
}

// StartTokenChecker runs CheckToken every interval (DefaultTokenCheckInterval
// when interval <= 0) until ctx is done, so that a token invalidated
// elsewhere is replaced before user calls fail. Failures are logged.
// The checker is optional and independent of StartRefresher; stop it by
// cancelling ctx.
func (c *Client) StartTokenChecker(ctx context.Context, interval time.Duration) {
	if interval <= 0 {
		interval = DefaultTokenCheckInterval
	}
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if err := c.CheckToken(ctx); err != nil && ctx.Err() == nil {
				c.logger.LogAttrs(ctx, levelWarn, "wechat token check failed", slog.String("appid", c.cfg.AppID), attrErr(err))
			}
		}
	}()
}
