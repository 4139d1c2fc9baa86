package suite

import (
	"context"
	"fmt"
	"net/http"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/work"
)

var (
	apiPreAuthCode     = suiteEP(http.MethodGet, "/cgi-bin/service/get_pre_auth_code")
	apiSetSessionInfo  = suiteEP(http.MethodPost, "/cgi-bin/service/set_session_info")
	apiPermanentCode   = suiteEP(http.MethodPost, "/cgi-bin/service/get_permanent_code")
	apiPermanentCodeV2 = suiteEP(http.MethodPost, "/cgi-bin/service/v2/get_permanent_code")
	apiAuthInfo        = suiteEP(http.MethodPost, "/cgi-bin/service/get_auth_info")
	apiCorpToken       = suiteEP(http.MethodPost, "/cgi-bin/service/get_corp_token")
	apiAdminList       = suiteEP(http.MethodPost, "/cgi-bin/service/get_admin_list")
	apiAppQRCode       = suiteEP(http.MethodPost, "/cgi-bin/service/get_app_qrcode")
)

// PreAuthCode is the answer of get_pre_auth_code.
type PreAuthCode struct {
	PreAuthCode string `json:"pre_auth_code"`
	ExpiresIn   int64  `json:"expires_in"`
}

// PreAuthCode gets a pre-authorization code for the install link
// (https://open.work.weixin.qq.com/3rdapp/install?suite_id=...&pre_auth_code=...).
// https://developer.work.weixin.qq.com/document/path/90601
func (c *Client) PreAuthCode(ctx context.Context) (*PreAuthCode, error) {
	return call[PreAuthCode](ctx, c.core, apiPreAuthCode, nil, nil)
}

// SessionInfo is the session_info of set_session_info.
type SessionInfo struct {
	// AppID lists the apps of the suite the corp may install (empty: all).
	AppID []int64 `json:"appid,omitempty"`
	// AuthType is 0 for a normal installation, 1 for a test installation.
	AuthType int `json:"auth_type"`
}

// SetSessionInfo sets the options of the installation started with
// preAuthCode.
// https://developer.work.weixin.qq.com/document/path/90602
func (c *Client) SetSessionInfo(ctx context.Context, preAuthCode string, info SessionInfo) error {
	if err := require("pre_auth_code", preAuthCode); err != nil {
		return err
	}
	body := struct {
		PreAuthCode string      `json:"pre_auth_code"`
		SessionInfo SessionInfo `json:"session_info"`
	}{preAuthCode, info}
	_, err := call[struct{}](ctx, c.core, apiSetSessionInfo, nil, body)
	return err
}

// CorpInfo is auth_corp_info (and dealer_corp_info).
type CorpInfo struct {
	CorpID            string `json:"corpid"`
	CorpName          string `json:"corp_name"`
	CorpType          string `json:"corp_type,omitempty"`
	CorpSquareLogoURL string `json:"corp_square_logo_url,omitempty"`
	CorpUserMax       int    `json:"corp_user_max,omitempty"`
	CorpFullName      string `json:"corp_full_name,omitempty"`
	VerifiedEndTime   int64  `json:"verified_end_time,omitempty"`
	SubjectType       int    `json:"subject_type,omitempty"`
	CorpWxQRCode      string `json:"corp_wxqrcode,omitempty"`
	CorpScale         string `json:"corp_scale,omitempty"`
	CorpIndustry      string `json:"corp_industry,omitempty"`
	CorpSubIndustry   string `json:"corp_sub_industry,omitempty"`
}

// AuthAgent is one authorized app of auth_info.agent.
type AuthAgent struct {
	AgentID          int64  `json:"agentid"`
	Name             string `json:"name"`
	RoundLogoURL     string `json:"round_logo_url,omitempty"`
	SquareLogoURL    string `json:"square_logo_url,omitempty"`
	AppID            int64  `json:"appid,omitempty"`
	AuthMode         int    `json:"auth_mode,omitempty"`
	IsCustomizedApp  bool   `json:"is_customized_app,omitempty"`
	AuthFromThirdApp bool   `json:"auth_from_thirdapp,omitempty"`
	Privilege        *struct {
		Level      int      `json:"level"`
		AllowParty []int64  `json:"allow_party"`
		AllowUser  []string `json:"allow_user"`
		AllowTag   []int64  `json:"allow_tag"`
		ExtraParty []int64  `json:"extra_party"`
		ExtraUser  []string `json:"extra_user"`
		ExtraTag   []int64  `json:"extra_tag"`
	} `json:"privilege,omitempty"`
	SharedFrom *struct {
		CorpID    string `json:"corpid"`
		ShareType int    `json:"share_type"`
	} `json:"shared_from,omitempty"`
}

// AuthUserInfo is the administrator who installed the suite.
type AuthUserInfo struct {
	UserID     string `json:"userid"`
	OpenUserID string `json:"open_userid"`
	Name       string `json:"name"`
	Avatar     string `json:"avatar"`
}

// RegisterCodeInfo tells how a corp registered through a registration QR code.
type RegisterCodeInfo struct {
	RegisterCode string `json:"register_code"`
	TemplateID   string `json:"template_id"`
	State        string `json:"state"`
}

// AuthInfo is the answer of get_auth_info, and the authorization part of
// get_permanent_code.
type AuthInfo struct {
	DealerCorpInfo *CorpInfo `json:"dealer_corp_info,omitempty"`
	AuthCorpInfo   CorpInfo  `json:"auth_corp_info"`
	AuthInfo       struct {
		Agent []AuthAgent `json:"agent"`
	} `json:"auth_info"`
}

// PermanentCode is the answer of get_permanent_code (v2 returns only
// PermanentCode, AuthCorpInfo.CorpID and CorpName, AuthUserInfo,
// RegisterCodeInfo and State).
type PermanentCode struct {
	AuthInfo
	// AccessToken and ExpiresIn are a first corp access token (v1 only).
	AccessToken      string            `json:"access_token,omitempty"`
	ExpiresIn        int64             `json:"expires_in,omitempty"`
	PermanentCode    string            `json:"permanent_code"`
	AuthUserInfo     *AuthUserInfo     `json:"auth_user_info,omitempty"`
	RegisterCodeInfo *RegisterCodeInfo `json:"register_code_info,omitempty"`
	State            string            `json:"state,omitempty"`
}

// StoredCorp is what the store keeps per authorized corp under
// wechat.StoreKey(suiteID+"/"+corpID, KeyPermanentCode).
type StoredCorp struct {
	PermanentCode string `json:"permanent_code"`
	// AgentID is the suite's app in the corp (0: not known yet; the first
	// CorpClient call reads it with get_auth_info).
	AgentID int64 `json:"agentid,omitempty"`
}

// PermanentCode exchanges an auth code (临时授权码, valid once) for the
// corp's permanent code and authorization information, and keeps the
// permanent code and the suite's agent id in the store.
// https://developer.work.weixin.qq.com/document/path/90603
func (c *Client) PermanentCode(ctx context.Context, authCode string) (*PermanentCode, error) {
	return c.permanentCode(ctx, apiPermanentCode, authCode)
}

// PermanentCodeV2 is the faster v2 get_permanent_code: it answers the
// permanent code, corp id and name, not the agents; the agent id is read
// with get_auth_info on first use of the corp.
// https://developer.work.weixin.qq.com/document/path/100776
func (c *Client) PermanentCodeV2(ctx context.Context, authCode string) (*PermanentCode, error) {
	return c.permanentCode(ctx, apiPermanentCodeV2, authCode)
}

func (c *Client) permanentCode(ctx context.Context, ep wechat.Endpoint, authCode string) (*PermanentCode, error) {
	if err := require("auth_code", authCode); err != nil {
		return nil, err
	}
	out, err := call[PermanentCode](ctx, c.core, ep, nil, struct {
		AuthCode string `json:"auth_code"`
	}{authCode})
	if err != nil {
		return nil, err
	}
	st := StoredCorp{PermanentCode: out.PermanentCode}
	if len(out.AuthInfo.AuthInfo.Agent) > 0 {
		st.AgentID = out.AuthInfo.AuthInfo.Agent[0].AgentID
	}
	if out.AuthCorpInfo.CorpID == "" || out.PermanentCode == "" {
		return out, fmt.Errorf("suite: get_permanent_code answered no corpid or permanent_code")
	}
	if err := c.SaveCorp(ctx, out.AuthCorpInfo.CorpID, st); err != nil {
		return out, err
	}
	return out, nil
}

func (c *Client) corpKey(corpID string) string { return c.cfg.SuiteID + "/" + corpID }

// SaveCorp stores a corp's permanent code (and agent id), as PermanentCode
// does: for permanent codes obtained elsewhere. A new permanent code drops
// the corp's cached token.
func (c *Client) SaveCorp(ctx context.Context, corpID string, st StoredCorp) error {
	if err := require("corpid", corpID); err != nil {
		return err
	}
	if err := require("permanent_code", st.PermanentCode); err != nil {
		return err
	}
	if err := writeJSON(ctx, c.Store(), wechat.StoreKey(c.corpKey(corpID), KeyPermanentCode), st, 0); err != nil {
		return wrapStore("storing permanent_code", err)
	}
	return nil
}

// StoredCorp returns what the store keeps for corpID, or ErrNotAuthorized.
func (c *Client) StoredCorp(ctx context.Context, corpID string) (StoredCorp, error) {
	var st StoredCorp
	ok, err := readJSON(ctx, c.Store(), wechat.StoreKey(c.corpKey(corpID), KeyPermanentCode), &st)
	if err != nil {
		return st, wrapStore("reading permanent_code", err)
	}
	if !ok || st.PermanentCode == "" {
		return st, ErrNotAuthorized
	}
	return st, nil
}

// Forget deletes corpID's permanent code and access token from the store
// (after cancel_auth) and drops its client.
func (c *Client) Forget(ctx context.Context, corpID string) error {
	if err := require("corpid", corpID); err != nil {
		return err
	}
	for _, key := range []string{wechat.StoreKey(c.corpKey(corpID), KeyPermanentCode), c.core.StoreKey(c.corpKey(corpID), wechat.KeyAccessToken)} {
		if err := c.Store().Delete(ctx, key); err != nil {
			return wrapStore("deleting "+key, err)
		}
	}
	c.mu.Lock()
	delete(c.corps, corpID)
	c.mu.Unlock()
	return nil
}

type corpRequest struct {
	AuthCorpID    string `json:"auth_corpid"`
	PermanentCode string `json:"permanent_code"`
}

// AuthInfo reads the authorization of corpID with its permanent code.
// https://developer.work.weixin.qq.com/document/path/90604
func (c *Client) AuthInfo(ctx context.Context, corpID, permanentCode string) (*AuthInfo, error) {
	if err := require("auth_corpid", corpID); err != nil {
		return nil, err
	}
	if err := require("permanent_code", permanentCode); err != nil {
		return nil, err
	}
	return call[AuthInfo](ctx, c.core, apiAuthInfo, nil, corpRequest{corpID, permanentCode})
}

// CorpToken is the answer of get_corp_token.
type CorpToken struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int64  `json:"expires_in"`
}

// RequestCorpToken calls get_corp_token, bypassing the cache; most
// applications use CorpTokenSource or CorpClient.
// https://developer.work.weixin.qq.com/document/path/90605
func (c *Client) RequestCorpToken(ctx context.Context, corpID, permanentCode string) (*CorpToken, error) {
	if err := require("auth_corpid", corpID); err != nil {
		return nil, err
	}
	if err := require("permanent_code", permanentCode); err != nil {
		return nil, err
	}
	return call[CorpToken](ctx, c.core, apiCorpToken, nil, corpRequest{corpID, permanentCode})
}

// Admin is one administrator of the suite's app in a corp.
type Admin struct {
	UserID     string `json:"userid"`
	OpenUserID string `json:"open_userid"`
	AuthType   int    `json:"auth_type"` // 0 use, 1 manage
}

// AdminList lists the administrators of app agentID in corpID.
// https://developer.work.weixin.qq.com/document/path/90606
func (c *Client) AdminList(ctx context.Context, corpID string, agentID int64) ([]Admin, error) {
	if err := require("auth_corpid", corpID); err != nil {
		return nil, err
	}
	body := struct {
		AuthCorpID string `json:"auth_corpid"`
		AgentID    int64  `json:"agentid"`
	}{corpID, agentID}
	out, err := call[struct {
		Admin []Admin `json:"admin"`
	}](ctx, c.core, apiAdminList, nil, body)
	if err != nil {
		return nil, err
	}
	return out.Admin, nil
}

// AppQRCodeRequest is the body of get_app_qrcode.
type AppQRCodeRequest struct {
	AppID      int64  `json:"appid,omitempty"`
	State      string `json:"state,omitempty"`
	Style      int    `json:"style,omitempty"`       // 0..4
	ResultType int    `json:"result_type,omitempty"` // 1 image (not supported here), 2 URL
}

// AppQRCodeURL gets the URL of the suite's install QR code (result_type 2).
// https://developer.work.weixin.qq.com/document/path/95430
func (c *Client) AppQRCodeURL(ctx context.Context, req AppQRCodeRequest) (string, error) {
	req.ResultType = 2
	body := struct {
		SuiteID string `json:"suite_id"`
		AppQRCodeRequest
	}{c.cfg.SuiteID, req}
	out, err := call[struct {
		QRCode string `json:"qrcode"`
	}](ctx, c.core, apiAppQRCode, nil, body)
	if err != nil {
		return "", err
	}
	return out.QRCode, nil
}

// CorpTokenSource returns the token source of corpID's access token for
// the suite: a wechat.TokenCache under
// the core client's StoreKey(suiteID+"/"+corpID, wechat.KeyAccessToken), shared
// between processes, fetched with get_corp_token and the stored permanent
// code (ErrNotAuthorized without one). One cache is kept per corp.
func (c *Client) CorpTokenSource(corpID string) *wechat.TokenCache {
	return c.corp(corpID).token
}

func (c *Client) corp(corpID string) *corp {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.corps[corpID]
	if e == nil {
		e = &corp{}
		e.token = wechat.NewTokenCache(c.core.StoreKey(c.corpKey(corpID), wechat.KeyAccessToken), c.Store(), c.cfg.TokenOptions, c.core.Logger(),
			func(ctx context.Context, _ string) (wechat.Token, error) {
				st, err := c.StoredCorp(ctx, corpID)
				if err != nil {
					return wechat.Token{}, fmt.Errorf("suite: corp %s: %w", corpID, err)
				}
				out, err := c.RequestCorpToken(ctx, corpID, st.PermanentCode)
				if err != nil {
					return wechat.Token{}, err
				}
				return expiring(out.AccessToken, out.ExpiresIn), nil
			})
		c.corps[corpID] = e
	}
	return e
}

// CorpClient returns the work client of an authorized corp: its one agent
// (named after the suite id, with the suite's agent id in the corp) takes
// its tokens from CorpTokenSource, and its corp and agent JS-SDK tickets
// are fetched with them. The agent id is read from the store, or with
// get_auth_info (then stored) when the permanent code came from
// PermanentCodeV2. One client is kept per corp.
func (c *Client) CorpClient(ctx context.Context, corpID string) (*work.Client, error) {
	if err := require("corpid", corpID); err != nil {
		return nil, err
	}
	e := c.corp(corpID)
	c.mu.Lock()
	wc := e.work
	c.mu.Unlock()
	if wc != nil {
		return wc, nil
	}
	st, err := c.StoredCorp(ctx, corpID)
	if err != nil {
		return nil, fmt.Errorf("suite: corp %s: %w", corpID, err)
	}
	if st.AgentID == 0 {
		info, err := c.AuthInfo(ctx, corpID, st.PermanentCode)
		if err != nil {
			return nil, err
		}
		if len(info.AuthInfo.Agent) == 0 {
			return nil, fmt.Errorf("suite: corp %s: get_auth_info lists no agent", corpID)
		}
		st.AgentID = info.AuthInfo.Agent[0].AgentID
		if err := c.SaveCorp(ctx, corpID, st); err != nil {
			return nil, err
		}
	}
	wc, err = work.New(work.Config{CorpID: corpID, Agents: []work.Agent{{ID: st.AgentID, Name: c.cfg.SuiteID, TokenSource: e.token}}},
		c.opts...)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.work == nil {
		e.work = wc
	}
	return e.work, nil
}

// AgentClient returns the agent of CorpClient(corpID): the services of
// package work, called with the suite's corp token.
func (c *Client) AgentClient(ctx context.Context, corpID string) (*work.AgentClient, error) {
	wc, err := c.CorpClient(ctx, corpID)
	if err != nil {
		return nil, err
	}
	ac, ok := wc.Agent(c.cfg.SuiteID)
	if !ok {
		return nil, fmt.Errorf("suite: corp %s has no agent", corpID)
	}
	return ac, nil
}

var apiUserIDToOpenUserID = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/batch/userid_to_openuserid"}

// OpenUserIDs is the answer of userid_to_openuserid.
type OpenUserIDs struct {
	OpenUserIDList []struct {
		UserID     string `json:"userid"`
		OpenUserID string `json:"open_userid"`
	} `json:"open_userid_list"`
	InvalidUserIDList []string `json:"invalid_userid_list"`
}

// OpenUserIDs translates up to 1000 userids of corpID into the service
// provider's open_userid, with the suite's corp token.
// https://developer.work.weixin.qq.com/document/path/95327
func (c *Client) OpenUserIDs(ctx context.Context, corpID string, userIDs []string) (*OpenUserIDs, error) {
	if len(userIDs) == 0 || len(userIDs) > 1000 {
		return nil, invalidArg("userid_list", "1 to 1000 userids")
	}
	ac, err := c.AgentClient(ctx, corpID)
	if err != nil {
		return nil, err
	}
	out := new(OpenUserIDs)
	if err := ac.Do(ctx, apiUserIDToOpenUserID, nil, struct {
		UserIDList []string `json:"userid_list"`
	}{userIDs}, out); err != nil {
		return nil, err
	}
	return out, nil
}
