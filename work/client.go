// Package work is the WeCom (企业微信) API for one corp and its agents
// (applications). Every agent has its own secret and access token; calls are
// made through the agent whose permissions they need:
//
//	corp, _ := work.New(work.Config{CorpID: "ww...", Agents: []work.Agent{{ID: 1000002, Name: "bot", Secret: s}}})
//	bot, _ := corp.Agent("bot")
//	bot.Message.SendText(ctx, ...)
//
// Address-book, customer-contact and WeChat-KF tools have secrets of their
// own: configure them as agents too (ContactsAgent, CustomerAgent, KFAgent).
//
// https://developer.work.weixin.qq.com/document/path/90664
package work

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"sync"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// DefaultBaseURL is WeCom's API host.
const DefaultBaseURL = "https://qyapi.weixin.qq.com"

// Agent is one WeCom application, or one of the corp's tools with a secret
// of its own (address book, customer contact, WeChat KF).
type Agent struct {
	// ID is the agentid; 0 for the tools.
	ID int64
	// Name finds the agent with Client.Agent; defaults to the ID.
	Name   string
	Secret string
	// Token and EncodingAESKey are the agent's callback configuration,
	// checked when set (see wechat.CheckCallbackConfig); a callback server
	// can be built from the agent's client (callback.NewServerFor).
	Token          string
	EncodingAESKey string
	// TokenSource, when set, provides the agent's access tokens instead of
	// gettoken with Secret (which may then be empty): a WeCom third-party
	// suite's corp token (see package work/suite), for example. The corp and
	// agent JS-SDK tickets are fetched with its tokens.
	TokenSource wechat.TokenSource
}

// Names of the tool agents.
const (
	ContactsAgentName = "contacts"
	CustomerAgentName = "customer"
	KFAgentName       = "kf"
)

// ContactsAgent is the address-book tool, with the address-book secret.
func ContactsAgent(secret string) Agent { return Agent{Name: ContactsAgentName, Secret: secret} }

// CustomerAgent is the customer-contact tool, with its secret.
func CustomerAgent(secret string) Agent { return Agent{Name: CustomerAgentName, Secret: secret} }

// KFAgent is the WeChat customer-service (微信客服) tool, with its secret.
func KFAgent(secret string) Agent { return Agent{Name: KFAgentName, Secret: secret} }

func (a Agent) key() string {
	if a.Name != "" {
		return a.Name
	}
	return strconv.FormatInt(a.ID, 10)
}

// Config identifies a corp and its agents.
type Config struct {
	CorpID   string
	Agents   []Agent
	CodeName string
}

// Client is a WeCom corp: it holds one AgentClient per agent. It is safe for
// concurrent use; agents can be added and removed while running.
type Client struct {
	cfg  Config
	opts []wechat.Option

	mu     sync.RWMutex
	agents map[string]*AgentClient // by name and by id
}

// New returns a client for the corp. The options apply to every agent's
// client; the base URL defaults to DefaultBaseURL.
func New(cfg Config, opts ...wechat.Option) (*Client, error) {
	if cfg.CorpID == "" {
		return nil, errors.New("work: Config.CorpID is required")
	}
	c := &Client{cfg: cfg, opts: append([]wechat.Option{wechat.WithBaseURL(DefaultBaseURL)}, opts...), agents: map[string]*AgentClient{}}
	if err := wechat.CheckOptions(c.opts...); err != nil {
		return nil, err
	}
	for _, a := range cfg.Agents {
		if err := c.AddAgent(a); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// CorpID returns the corp id.
func (c *Client) CorpID() string { return c.cfg.CorpID }

// Config returns the corp configuration; Agents lists the agents given to New.
func (c *Client) Config() wechat.Config {
	return wechat.Config{AppID: c.cfg.CorpID, CodeName: c.cfg.CodeName, Type: wechat.WeCom}
}

// AddAgent adds an agent; its name and id must be new.
func (c *Client) AddAgent(a Agent) error {
	if a.Secret == "" && a.TokenSource == nil {
		return fmt.Errorf("work: agent %s has no secret", a.key())
	}
	if a.Name == "" {
		a.Name = strconv.FormatInt(a.ID, 10)
	}
	ac, err := newAgentClient(c.cfg.CorpID, a, c.opts)
	if err != nil {
		return fmt.Errorf("work: agent %s: %w", a.key(), err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := []string{a.Name}
	if a.ID != 0 {
		keys = append(keys, strconv.FormatInt(a.ID, 10))
	}
	for _, k := range keys {
		if _, dup := c.agents[k]; dup {
			return fmt.Errorf("work: agent %q already added", k)
		}
	}
	for _, k := range keys {
		c.agents[k] = ac
	}
	return nil
}

// RemoveAgent removes the agent with this name or id and reports whether
// there was one.
func (c *Client) RemoveAgent(nameOrID string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	ac, ok := c.agents[nameOrID]
	if !ok {
		return false
	}
	for k, v := range c.agents {
		if v == ac {
			delete(c.agents, k)
		}
	}
	ac.Close()
	return true
}

// Agent returns the agent with this name or id.
func (c *Client) Agent(nameOrID string) (*AgentClient, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	ac, ok := c.agents[nameOrID]
	return ac, ok
}

// Agents returns every agent once.
func (c *Client) Agents() []*AgentClient {
	c.mu.RLock()
	defer c.mu.RUnlock()
	seen := map[*AgentClient]bool{}
	var out []*AgentClient
	for _, ac := range c.agents {
		if !seen[ac] {
			seen[ac] = true
			out = append(out, ac)
		}
	}
	return out
}

// lazySource lets the token cache, which fetches through the client, be
// created after the client.
type lazySource struct{ tc *wechat.TokenCache }

func (l *lazySource) Token(ctx context.Context) (string, error) { return l.tc.Token(ctx) }
func (l *lazySource) Invalidate(ctx context.Context, tok string) error {
	return l.tc.Invalidate(ctx, tok)
}

func newAgentClient(corpID string, a Agent, opts []wechat.Option) (*AgentClient, error) {
	src := &lazySource{}
	var ts wechat.TokenSource = src
	if a.TokenSource != nil {
		ts = a.TokenSource
	}
	wc, err := wechat.NewClient(wechat.Config{AppID: corpID, Token: a.Token, EncodingAESKey: a.EncodingAESKey, CodeName: a.Name, Type: wechat.WeCom},
		append(append([]wechat.Option(nil), opts...), wechat.WithTokenSource(ts))...)
	if err != nil {
		return nil, err
	}
	ac := &AgentClient{Client: wc, corpID: corpID, agent: a}
	id := corpID + "/" + a.key()
	if a.TokenSource == nil {
		ac.token = wechat.NewTokenCache(wc.StoreKey(id, wechat.KeyAccessToken), wc.Store(), wc.TokenOptions(), wc.Logger(), ac.fetchToken)
		src.tc = ac.token
	} else if tc, ok := a.TokenSource.(*wechat.TokenCache); ok {
		ac.token = tc
	}
	ac.initServices(wc, a)
	return ac, nil
}

// Agent returns the agent's configuration.
func (ac *AgentClient) Agent() Agent { return ac.agent }

// CorpID returns the corp id.
func (ac *AgentClient) CorpID() string { return ac.corpID }

// Credential returns the agent's access token, corp jsapi ticket
// (wechat.KeyJSAPITicket) or agent ticket ("agent_jsapi_ticket") cache, for
// a token hub.
func (ac *AgentClient) Credential(name string) (*wechat.TokenCache, bool) {
	switch name {
	case wechat.KeyAccessToken:
		return ac.token, ac.token != nil
	case wechat.KeyJSAPITicket, agentTicketKey:
		return ac.ticket(name), true
	}
	return nil, false
}

const agentTicketKey = "agent_jsapi_ticket"

// ticket returns the corp or agent ticket cache, making it on first use.
func (ac *AgentClient) ticket(name string) *wechat.TokenCache {
	p, ep, q := &ac.corpTicket, getCorpTicket, url.Values(nil)
	if name == agentTicketKey {
		p, ep, q = &ac.agentTicket, getAgentTicket, url.Values{"type": {"agent_config"}}
	}
	if tc := p.Load(); tc != nil {
		return tc
	}
	id := ac.corpID + "/" + ac.agent.key()
	wc := ac.Client
	p.CompareAndSwap(nil, wechat.NewTokenCache(wc.StoreKey(id, name), wc.Store(), wc.TokenOptions(), wc.Logger(), ac.ticketFetcher(ep, q)))
	return p.Load()
}

var (
	getToken       = wechat.Endpoint{Method: "GET", Path: "/cgi-bin/gettoken", Auth: wechat.AuthNone}
	getCorpTicket  = wechat.Endpoint{Method: "GET", Path: "/cgi-bin/get_jsapi_ticket"}
	getAgentTicket = wechat.Endpoint{Method: "GET", Path: "/cgi-bin/ticket/get"}
)

// fetchToken gets the agent's access token with the corp id and the agent's
// secret. WeCom returns the same token until it expires.
// https://developer.work.weixin.qq.com/document/path/91039
func (ac *AgentClient) fetchToken(ctx context.Context, _ string) (wechat.Token, error) {
	var out struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	q := url.Values{"corpid": {ac.corpID}, "corpsecret": {ac.agent.Secret}}
	if err := ac.Do(ctx, getToken, q, nil, &out); err != nil {
		return wechat.Token{}, err
	}
	return wechat.Token{Value: out.AccessToken, ExpiresAt: time.Now().Add(time.Duration(out.ExpiresIn) * time.Second)}, nil
}

func (ac *AgentClient) ticketFetcher(ep wechat.Endpoint, q url.Values) wechat.FetchFunc {
	return func(ctx context.Context, _ string) (wechat.Token, error) {
		var out struct {
			Ticket    string `json:"ticket"`
			ExpiresIn int64  `json:"expires_in"`
		}
		if err := ac.Do(ctx, ep, q, nil, &out); err != nil {
			return wechat.Token{}, err
		}
		return wechat.Token{Value: out.Ticket, ExpiresAt: time.Now().Add(time.Duration(out.ExpiresIn) * time.Second)}, nil
	}
}

// JSSDKConfig is what wx.config (corp) or wx.agentConfig (agent) takes;
// encode it with encoding/json.
type JSSDKConfig struct {
	AppID     string `json:"appId,omitempty"`   // corp config
	CorpID    string `json:"corpid,omitempty"`  // agent config
	AgentID   string `json:"agentid,omitempty"` // agent config
	Timestamp int64  `json:"timestamp"`
	NonceStr  string `json:"nonceStr"`
	Signature string `json:"signature"`
	// JSAPIList lists the JS APIs the page uses, such as "selectExternalContact".
	JSAPIList []string `json:"jsApiList"`
}

// JSSDKConfig signs pageURL (its full URL, with query string; a fragment is
// ignored) for wx.config with the corp jsapi ticket, a fresh nonce and the
// current time, as oa's WebPage.JSSDKConfig does for official accounts.
// https://developer.work.weixin.qq.com/document/path/90506
func (ac *AgentClient) JSSDKConfig(ctx context.Context, pageURL string, jsAPIList ...string) (*JSSDKConfig, error) {
	sig, err := wechat.SignJSSDKPage(ctx, pageURL, ac.ticket(wechat.KeyJSAPITicket).Token)
	if err != nil {
		return nil, err
	}
	return &JSSDKConfig{AppID: ac.corpID, Timestamp: sig.Timestamp, NonceStr: sig.Nonce, Signature: sig.Signature, JSAPIList: apiList(jsAPIList)}, nil
}

// AgentJSSDKConfig signs pageURL for wx.agentConfig with the agent ticket,
// like JSSDKConfig.
// https://developer.work.weixin.qq.com/document/path/94313
func (ac *AgentClient) AgentJSSDKConfig(ctx context.Context, pageURL string, jsAPIList ...string) (*JSSDKConfig, error) {
	sig, err := wechat.SignJSSDKPage(ctx, pageURL, ac.ticket(agentTicketKey).Token)
	if err != nil {
		return nil, err
	}
	return &JSSDKConfig{CorpID: ac.corpID, AgentID: strconv.FormatInt(ac.agent.ID, 10), Timestamp: sig.Timestamp, NonceStr: sig.Nonce,
		Signature: sig.Signature, JSAPIList: apiList(jsAPIList)}, nil
}

// apiList makes a nil list encode as [].
func apiList(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
