package work

import (
	"context"
	"net/url"
	"strconv"
)

var (
	agentGet        = epGet("/cgi-bin/agent/get")
	agentList       = epGet("/cgi-bin/agent/list")
	agentSet        = epPost("/cgi-bin/agent/set")
	userGetUserInfo = epGet("/cgi-bin/user/getuserinfo")
)

func (s *service) agentQuery() url.Values {
	return url.Values{"agentid": {strconv.FormatInt(s.agent.ID, 10)}}
}

// AgentInfo is an agent's settings and visible range.
type AgentInfo struct {
	AgentID        int64  `json:"agentid"`
	Name           string `json:"name"`
	SquareLogoURL  string `json:"square_logo_url"`
	Description    string `json:"description"`
	AllowUserInfos struct {
		User []struct {
			UserID string `json:"userid"`
		} `json:"user"`
	} `json:"allow_userinfos"`
	AllowPartys struct {
		PartyID []int64 `json:"partyid"`
	} `json:"allow_partys"`
	AllowTags struct {
		TagID []int64 `json:"tagid"`
	} `json:"allow_tags"`
	// Close is 1 when the agent is disabled.
	Close              int    `json:"close"`
	RedirectDomain     string `json:"redirect_domain"`
	ReportLocationFlag int    `json:"report_location_flag"`
	IsReportEnter      int    `json:"isreportenter"`
	HomeURL            string `json:"home_url"`
	// CustomizedPublishStatus is the publishing state of a customized app.
	CustomizedPublishStatus int `json:"customized_publish_status"`
}

// AgentSummary is an entry of List.
type AgentSummary struct {
	AgentID       int64  `json:"agentid"`
	Name          string `json:"name"`
	SquareLogoURL string `json:"square_logo_url"`
}

// AgentSettings are the settings Set changes; nil and empty fields are
// left as they are.
type AgentSettings struct {
	AgentID            int64  `json:"agentid"`
	ReportLocationFlag *int   `json:"report_location_flag,omitempty"`
	LogoMediaID        string `json:"logo_mediaid,omitempty"`
	Name               string `json:"name,omitempty"`
	Description        string `json:"description,omitempty"`
	RedirectDomain     string `json:"redirect_domain,omitempty"`
	IsReportEnter      *int   `json:"isreportenter,omitempty"`
	HomeURL            string `json:"home_url,omitempty"`
}

// Get returns the agent's settings.
// https://developer.work.weixin.qq.com/document/path/90227
func (s *AppService) Get(ctx context.Context) (*AgentInfo, error) {
	return callB[AgentInfo](ctx, s.c, agentGet, (*service)(s).agentQuery(), nil)
}

// List returns the agents the access token may see.
// https://developer.work.weixin.qq.com/document/path/90227
func (s *AppService) List(ctx context.Context) ([]AgentSummary, error) {
	out, err := callB[struct {
		AgentList []AgentSummary `json:"agentlist"`
	}](ctx, s.c, agentList, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.AgentList, nil
}

// Set changes the agent's settings; the agent id is filled in.
// https://developer.work.weixin.qq.com/document/path/90228
func (s *AppService) Set(ctx context.Context, settings AgentSettings) error {
	settings.AgentID = s.agent.ID
	return s.c.Do(ctx, agentSet, nil, settings, nil)
}

// OAuthUser is who signed in through the agent's web login (OAuth2 or QR
// code). Members have UserID (and UserTicket for the user's details);
// other visitors have OpenID, or ExternalUserID for customers.
type OAuthUser struct {
	UserID         string `json:"userid"`
	UserTicket     string `json:"user_ticket,omitempty"`
	OpenID         string `json:"openid,omitempty"`
	ExternalUserID string `json:"external_userid,omitempty"`
	DeviceID       string `json:"deviceid,omitempty"`
}

// UserInfo exchanges a web-login code (valid 5 minutes, usable once) for
// the user who signed in, through the older /cgi-bin/user/getuserinfo.
// New code should use AuthService.UserInfo (/cgi-bin/auth/getuserinfo),
// whose user_ticket AuthService.UserDetail takes.
// https://developer.work.weixin.qq.com/document/path/91023
func (s *AppService) UserInfo(ctx context.Context, code string) (*OAuthUser, error) {
	if err := needB("code", code); err != nil {
		return nil, err
	}
	return callB[OAuthUser](ctx, s.c, userGetUserInfo, url.Values{"code": {code}}, nil)
}
