package suite

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

// providerParam is the query parameter of most provider endpoints.
const providerParam = "provider_access_token"

func providerEP(method, path string) wechat.Endpoint {
	return wechat.Endpoint{Method: method, Path: path, TokenParam: providerParam}
}

var (
	apiProviderToken = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/service/get_provider_token", Auth: wechat.AuthNone}
	// get_login_info takes the provider token as access_token.
	apiLoginInfo           = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/service/get_login_info"}
	apiRegisterCode        = providerEP(http.MethodPost, "/cgi-bin/service/get_register_code")
	apiRegisterInfo        = providerEP(http.MethodPost, "/cgi-bin/service/get_register_info")
	apiCorpIDToOpenCorpID  = providerEP(http.MethodPost, "/cgi-bin/service/corpid_to_opencorpid")
	apiCustomizedAuthURL   = providerEP(http.MethodPost, "/cgi-bin/service/get_customized_auth_url")
	apiContactSearch       = providerEP(http.MethodPost, "/cgi-bin/service/contact/search")
	apiContactBatchSearch  = providerEP(http.MethodPost, "/cgi-bin/service/contact/batchsearch")
	apiContactIDTranslate  = providerEP(http.MethodPost, "/cgi-bin/service/contact/id_translate")
	apiContactSort         = providerEP(http.MethodPost, "/cgi-bin/service/contact/sort")
	apiBatchGetResult      = providerEP(http.MethodGet, "/cgi-bin/service/batch/getresult")
	apiProviderMediaUpload = providerEP(http.MethodPost, "/cgi-bin/service/media/upload")
)

// ProviderConfig identifies a service provider (服务商): its corp id and
// the provider secret of its management console.
type ProviderConfig struct {
	CorpID         string
	ProviderSecret string
	// TokenOptions tunes the provider_access_token cache.
	TokenOptions wechat.TokenOptions
}

// Provider calls the service provider API with the provider_access_token:
// login, registration (and, with the registered corp's contact_sync token,
// its address-book migration), ID translation and migration, contact
// search, customized app authorization and the interface licenses
// (License).
type Provider struct {
	cfg   ProviderConfig
	core  *wechat.Client
	token *wechat.TokenCache

	// License buys and activates interface licenses (接口调用许可).
	License *LicenseService
}

// NewProvider returns a service provider client; opts are those of
// wechat.NewClient (the base URL defaults to work.DefaultBaseURL).
func NewProvider(cfg ProviderConfig, opts ...wechat.Option) (*Provider, error) {
	if cfg.CorpID == "" {
		return nil, errors.New("suite: ProviderConfig.CorpID is required")
	}
	if cfg.ProviderSecret == "" {
		return nil, errors.New("suite: ProviderConfig.ProviderSecret is required")
	}
	p := &Provider{cfg: cfg}
	core, _, err := newCore(cfg.CorpID, opts, &p.token, func(core *wechat.Client) *wechat.TokenCache {
		return wechat.NewTokenCache(core.StoreKey(cfg.CorpID, KeyProviderAccessToken), core.Store(), cfg.TokenOptions, core.Logger(), p.fetchToken)
	})
	if err != nil {
		return nil, err
	}
	p.core = core
	p.License = &LicenseService{c: core}
	return p, nil
}

// Core returns the core client that carries the provider_access_token.
func (p *Provider) Core() *wechat.Client { return p.core }

// Close closes the default file store if NewProvider opened it.
func (p *Provider) Close() error { return p.core.Close() }

// ProviderToken is the answer of get_provider_token.
type ProviderToken struct {
	ProviderAccessToken string `json:"provider_access_token"`
	ExpiresIn           int64  `json:"expires_in"`
}

// RequestProviderToken calls get_provider_token, bypassing the cache.
// https://developer.work.weixin.qq.com/document/path/91200
func (p *Provider) RequestProviderToken(ctx context.Context) (*ProviderToken, error) {
	body := struct {
		CorpID         string `json:"corpid"`
		ProviderSecret string `json:"provider_secret"`
	}{p.cfg.CorpID, p.cfg.ProviderSecret}
	return call[ProviderToken](ctx, p.core, apiProviderToken, nil, body)
}

func (p *Provider) fetchToken(ctx context.Context, _ string) (wechat.Token, error) {
	out, err := p.RequestProviderToken(ctx)
	if err != nil {
		return wechat.Token{}, err
	}
	return expiring(out.ProviderAccessToken, out.ExpiresIn), nil
}

// ProviderAccessToken returns a valid provider_access_token, shared
// through the store.
// https://developer.work.weixin.qq.com/document/path/91200
func (p *Provider) ProviderAccessToken(ctx context.Context) (string, error) {
	return p.token.Token(ctx)
}

// LoginInfo is the answer of get_login_info.
type LoginInfo struct {
	UserType int `json:"usertype"`
	UserInfo struct {
		UserID     string `json:"userid"`
		OpenUserID string `json:"open_userid"`
		Name       string `json:"name"`
		Avatar     string `json:"avatar"`
	} `json:"user_info"`
	CorpInfo struct {
		CorpID string `json:"corpid"`
	} `json:"corp_info"`
	Agent []struct {
		AgentID  int64 `json:"agentid"`
		AuthType int   `json:"auth_type"`
	} `json:"agent"`
	AuthInfo struct {
		Department []struct {
			ID       int64 `json:"id"`
			Writable bool  `json:"writable"`
		} `json:"department"`
	} `json:"auth_info"`
}

// LoginInfo reads who logged in to the provider's website with WeCom
// (auth_code of the login redirect).
// https://developer.work.weixin.qq.com/document/path/91125
func (p *Provider) LoginInfo(ctx context.Context, authCode string) (*LoginInfo, error) {
	if err := require("auth_code", authCode); err != nil {
		return nil, err
	}
	return call[LoginInfo](ctx, p.core, apiLoginInfo, nil, struct {
		AuthCode string `json:"auth_code"`
	}{authCode})
}

// RegisterCodeRequest is the body of get_register_code.
type RegisterCodeRequest struct {
	TemplateID  string `json:"template_id"`
	CorpName    string `json:"corp_name,omitempty"`
	AdminName   string `json:"admin_name,omitempty"`
	AdminMobile string `json:"admin_mobile,omitempty"`
	State       string `json:"state,omitempty"`
	FollowUser  string `json:"follow_user,omitempty"`
}

// RegisterCode is the answer of get_register_code.
type RegisterCode struct {
	RegisterCode string `json:"register_code"`
	ExpiresIn    int64  `json:"expires_in"`
}

// RegisterCode gets a registration code for the corp registration link
// (https://open.work.weixin.qq.com/3rdservice/wework/register?register_code=...).
// https://developer.work.weixin.qq.com/document/path/90581
func (p *Provider) RegisterCode(ctx context.Context, req RegisterCodeRequest) (*RegisterCode, error) {
	if err := require("template_id", req.TemplateID); err != nil {
		return nil, err
	}
	return call[RegisterCode](ctx, p.core, apiRegisterCode, nil, req)
}

// RegisterInfo is the answer of get_register_info.
type RegisterInfo struct {
	CorpID      string `json:"corpid"`
	ContactSync struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
	} `json:"contact_sync"`
	AuthUserInfo struct {
		UserID string `json:"userid"`
	} `json:"auth_user_info"`
	State      string `json:"state"`
	TemplateID string `json:"template_id"`
}

// RegisterInfo reads the corp registered with registerCode (the query
// works 24 hours after the code was issued). ContactSync is present when
// the template enables the address-book migration: its access token, valid
// ContactSync.ExpiresIn seconds, reads and writes the whole address book
// and serves SetScope until ContactSyncSuccess.
// https://developer.work.weixin.qq.com/document/path/90582
func (p *Provider) RegisterInfo(ctx context.Context, registerCode string) (*RegisterInfo, error) {
	if err := require("register_code", registerCode); err != nil {
		return nil, err
	}
	return call[RegisterInfo](ctx, p.core, apiRegisterInfo, nil, struct {
		RegisterCode string `json:"register_code"`
	}{registerCode})
}

// OpenCorpID translates a corp's plain corpid into the provider's
// encrypted open_corpid.
// https://developer.work.weixin.qq.com/document/path/95604
func (p *Provider) OpenCorpID(ctx context.Context, corpID string) (string, error) {
	if err := require("corpid", corpID); err != nil {
		return "", err
	}
	out, err := call[struct {
		OpenCorpID string `json:"open_corpid"`
	}](ctx, p.core, apiCorpIDToOpenCorpID, nil, struct {
		CorpID string `json:"corpid"`
	}{corpID})
	if err != nil {
		return "", err
	}
	return out.OpenCorpID, nil
}

// CustomizedAuthURL is the answer of get_customized_auth_url.
type CustomizedAuthURL struct {
	QRCodeURL string `json:"qrcode_url"`
	ExpiresIn int64  `json:"expires_in"`
}

// CustomizedAuthURL gets the authorization link of customized app
// templates (代开发应用模版) templateIDs.
// https://developer.work.weixin.qq.com/document/path/95823
func (p *Provider) CustomizedAuthURL(ctx context.Context, state string, templateIDs ...string) (*CustomizedAuthURL, error) {
	if len(templateIDs) == 0 {
		return nil, invalidArg("templateid_list", "empty")
	}
	return call[CustomizedAuthURL](ctx, p.core, apiCustomizedAuthURL, nil, struct {
		State          string   `json:"state,omitempty"`
		TemplateIDList []string `json:"templateid_list"`
	}{state, templateIDs})
}

// ContactQuery is one contact search (通讯录单个搜索).
type ContactQuery struct {
	AuthCorpID     string `json:"auth_corpid,omitempty"`
	QueryWord      string `json:"query_word"`
	QueryType      int    `json:"query_type,omitempty"` // 0 users and departments, 1 users, 2 departments
	QueryRange     int    `json:"query_range,omitempty"`
	AgentID        int64  `json:"agentid,omitempty"`
	Offset         int    `json:"offset,omitempty"`
	Limit          int    `json:"limit,omitempty"`
	FullMatchField int    `json:"full_match_field,omitempty"`
	Cursor         string `json:"cursor,omitempty"`
}

// ContactResult is a contact search result.
type ContactResult struct {
	QueryResult struct {
		User struct {
			UserID     []string `json:"userid"`
			OpenUserID []string `json:"open_userid"`
		} `json:"user"`
		Party struct {
			DepartmentID []int64 `json:"department_id"`
		} `json:"party"`
	} `json:"query_result"`
	IsLast     bool   `json:"is_last"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// SearchContact searches the address book of q.AuthCorpID for the
// provider (the names of users and departments are encrypted for it).
// https://developer.work.weixin.qq.com/document/path/91844
func (p *Provider) SearchContact(ctx context.Context, q ContactQuery) (*ContactResult, error) {
	if err := require("auth_corpid", q.AuthCorpID); err != nil {
		return nil, err
	}
	if err := require("query_word", q.QueryWord); err != nil {
		return nil, err
	}
	return call[ContactResult](ctx, p.core, apiContactSearch, nil, q)
}

// BatchContactResult is one result of contact/batchsearch.
type BatchContactResult struct {
	QueryRequest ContactQuery `json:"query_request"`
	ContactResult
}

// BatchSearchContact runs up to 50 searches in corpID's address book.
// https://developer.work.weixin.qq.com/document/path/91850
func (p *Provider) BatchSearchContact(ctx context.Context, corpID string, agentID int64, queries []ContactQuery) ([]BatchContactResult, error) {
	if err := require("auth_corpid", corpID); err != nil {
		return nil, err
	}
	if len(queries) == 0 || len(queries) > 50 {
		return nil, invalidArg("query_request_list", "1 to 50 queries")
	}
	out, err := call[struct {
		IsLast bool                 `json:"is_last"`
		List   []BatchContactResult `json:"query_result_list"`
	}](ctx, p.core, apiContactBatchSearch, nil, struct {
		AuthCorpID string         `json:"auth_corpid"`
		AgentID    int64          `json:"agentid,omitempty"`
		List       []ContactQuery `json:"query_request_list"`
	}{corpID, agentID, queries})
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// IDTranslateRequest is the body of contact/id_translate.
type IDTranslateRequest struct {
	AuthCorpID       string   `json:"auth_corpid"`
	MediaIDList      []string `json:"media_id_list"`
	OutputFileName   string   `json:"output_file_name,omitempty"`
	OutputFileFormat string   `json:"output_file_format,omitempty"` // "pdf" for docx
}

// TranslateIDs starts the asynchronous translation of the ids in files
// uploaded with UploadMedia; BatchResult returns the translated file.
// https://developer.work.weixin.qq.com/document/path/91846
func (p *Provider) TranslateIDs(ctx context.Context, req IDTranslateRequest) (jobID string, err error) {
	if err := require("auth_corpid", req.AuthCorpID); err != nil {
		return "", err
	}
	if len(req.MediaIDList) == 0 {
		return "", invalidArg("media_id_list", "empty")
	}
	out, err := call[struct {
		JobID string `json:"jobid"`
	}](ctx, p.core, apiContactIDTranslate, nil, req)
	if err != nil {
		return "", err
	}
	return out.JobID, nil
}

// BatchResult is the answer of batch/getresult.
type BatchResult struct {
	Status int    `json:"status"` // 1 started, 2 running, 3 finished
	Type   string `json:"type"`
	Result struct {
		ContactIDTranslate struct {
			URL string `json:"url"`
		} `json:"contact_id_translate"`
	} `json:"result"`
}

// BatchResult reads an asynchronous provider job.
// https://developer.work.weixin.qq.com/document/path/91847
func (p *Provider) BatchResult(ctx context.Context, jobID string) (*BatchResult, error) {
	if err := require("jobid", jobID); err != nil {
		return nil, err
	}
	return call[BatchResult](ctx, p.core, apiBatchGetResult, url.Values{"jobid": {jobID}}, nil)
}

// SortContacts sorts user ids of corpID in the corp's own order
// (sortType 0 ascending, 1 descending by name).
// https://developer.work.weixin.qq.com/document/path/92093
func (p *Provider) SortContacts(ctx context.Context, corpID string, sortType int, userIDs []string) ([]string, error) {
	if err := require("auth_corpid", corpID); err != nil {
		return nil, err
	}
	if len(userIDs) == 0 {
		return nil, invalidArg("useridlist", "empty")
	}
	out, err := call[struct {
		UserIDList []string `json:"useridlist"`
	}](ctx, p.core, apiContactSort, nil, struct {
		AuthCorpID string   `json:"auth_corpid"`
		SortType   int      `json:"sort_type"`
		UserIDList []string `json:"useridlist"`
	}{corpID, sortType, userIDs})
	if err != nil {
		return nil, err
	}
	return out.UserIDList, nil
}

// UploadedMedia is the answer of media/upload.
type UploadedMedia struct {
	Type      string `json:"type"`
	MediaID   string `json:"media_id"`
	CreatedAt string `json:"created_at"`
}

// UploadMedia uploads a file for TranslateIDs (typ "file"), streaming it.
// https://developer.work.weixin.qq.com/document/path/91883
func (p *Provider) UploadMedia(ctx context.Context, typ string, file wechat.UploadFile) (*UploadedMedia, error) {
	if err := require("type", typ); err != nil {
		return nil, err
	}
	if file.Field == "" {
		file.Field = "media"
	}
	out := new(UploadedMedia)
	if err := p.core.Upload(ctx, apiProviderMediaUpload, url.Values{"type": {typ}}, file, nil, out); err != nil {
		return nil, err
	}
	return out, nil
}
