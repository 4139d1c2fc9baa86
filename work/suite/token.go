package suite

import (
	"context"
	"net/http"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/callback"
)

// suiteParam is the query parameter of the suite endpoints.
const suiteParam = "suite_access_token"

func suiteEP(method, path string) wechat.Endpoint {
	return wechat.Endpoint{Method: method, Path: path, TokenParam: suiteParam}
}

var apiSuiteToken = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/service/get_suite_token", Auth: wechat.AuthNone}

// SaveTicket stores a suite_ticket (valid 30 minutes) as Handler does, for
// applications that receive the push themselves. When this process holds
// no valid suite_access_token yet, one is fetched with the ticket.
// https://developer.work.weixin.qq.com/document/path/90628
func (c *Client) SaveTicket(ctx context.Context, ticket string) error {
	if err := require("suite_ticket", ticket); err != nil {
		return err
	}
	t := wechat.Token{Value: ticket, ExpiresAt: time.Now().Add(suiteTicketTTL)}
	if err := writeJSON(ctx, c.Store(), wechat.StoreKey(c.cfg.SuiteID, KeySuiteTicket), t, suiteTicketTTL); err != nil {
		return wrapStore("storing suite_ticket", err)
	}
	// A first ticket ends the "no ticket" failure the token cache may
	// remember: the token is fetched now.
	if cur, ok := c.token.Current(); ok && cur.Valid(time.Now(), 0) {
		return nil
	}
	tok, err := c.RequestSuiteToken(ctx, ticket)
	if err != nil {
		return err
	}
	return c.token.Set(ctx, expiring(tok.SuiteAccessToken, tok.ExpiresIn))
}

func (c *Client) ticket(ctx context.Context) (string, error) {
	var t wechat.Token
	ok, err := readJSON(ctx, c.Store(), wechat.StoreKey(c.cfg.SuiteID, KeySuiteTicket), &t)
	if err != nil {
		return "", wrapStore("reading suite_ticket", err)
	}
	if !ok || !t.Valid(time.Now(), 0) {
		return "", ErrNoSuiteTicket
	}
	return t.Value, nil
}

// SuiteToken is the answer of get_suite_token.
type SuiteToken struct {
	SuiteAccessToken string `json:"suite_access_token"`
	ExpiresIn        int64  `json:"expires_in"`
}

// RequestSuiteToken calls get_suite_token with ticket, bypassing the cache;
// most applications use SuiteAccessToken.
// https://developer.work.weixin.qq.com/document/path/90600
func (c *Client) RequestSuiteToken(ctx context.Context, ticket string) (*SuiteToken, error) {
	if err := require("suite_ticket", ticket); err != nil {
		return nil, err
	}
	body := struct {
		SuiteID     string `json:"suite_id"`
		SuiteSecret string `json:"suite_secret"`
		SuiteTicket string `json:"suite_ticket"`
	}{c.cfg.SuiteID, c.cfg.SuiteSecret, ticket}
	return call[SuiteToken](ctx, c.core, apiSuiteToken, nil, body)
}

func (c *Client) fetchSuiteToken(ctx context.Context, _ string) (wechat.Token, error) {
	ticket, err := c.ticket(ctx)
	if err != nil {
		return wechat.Token{}, err
	}
	out, err := c.RequestSuiteToken(ctx, ticket)
	if err != nil {
		return wechat.Token{}, err
	}
	return expiring(out.SuiteAccessToken, out.ExpiresIn), nil
}

// SuiteAccessToken returns a valid suite_access_token, fetched with the
// stored suite_ticket when needed and shared through the store.
// https://developer.work.weixin.qq.com/document/path/90600
func (c *Client) SuiteAccessToken(ctx context.Context) (string, error) { return c.token.Token(ctx) }

// SuiteTokenSource returns the cache of the suite_access_token.
func (c *Client) SuiteTokenSource() *wechat.TokenCache { return c.token }

// Handler returns the callback.Handler of the suite's instruction callback
// URL (指令回调URL): it stores suite_ticket pushes; on create_auth and
// reset_permanent_code it exchanges the AuthCode for the permanent code
// (kept in the store, see PermanentCode); on cancel_auth it forgets the
// corp's permanent code and token; authorization pushes then go on to
// next. Every other push goes to next (nil: answered "success").
// https://developer.work.weixin.qq.com/document/path/90642
func (c *Client) Handler(next callback.Handler) callback.Handler {
	return callback.HandlerFunc(func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
		if t, ok := m.SuiteTicket(); ok && t.SuiteID == c.cfg.SuiteID {
			return nil, c.SaveTicket(ctx, t.Ticket)
		}
		if a, ok := m.SuiteAuth(); ok && a.SuiteID == c.cfg.SuiteID {
			switch m.InfoType {
			case callback.InfoTypeCreateAuth, callback.InfoTypeResetPermanentCode:
				if _, err := c.PermanentCodeV2(ctx, a.AuthCode); err != nil {
					return nil, err
				}
			case callback.InfoTypeCancelAuth:
				if err := c.Forget(ctx, a.AuthCorpID); err != nil {
					return nil, err
				}
			}
		}
		if next == nil {
			return nil, nil
		}
		return next.ServeMessage(ctx, m)
	})
}
