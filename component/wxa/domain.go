package wxa

import "context"

var (
	domainModify           = post("/wxa/modify_domain")
	domainModifyDirectly   = post("/wxa/modify_domain_directly")
	domainGetEffective     = post("/wxa/get_effective_domain")
	domainSetWebview       = post("/wxa/setwebviewdomain")
	domainSetWebviewDirect = post("/wxa/setwebviewdomain_directly")
	domainGetConfirmFile   = post("/wxa/get_webviewdomain_confirmfile")
	domainGetPrefetchDNS   = get("/wxa/get_prefetchdnsdomain")
	domainSetPrefetchDNS   = post("/wxa/set_prefetchdnsdomain")
)

// Domain actions of ModifyServer and SetWebview.
const (
	DomainAdd    = "add"
	DomainDelete = "delete"
	DomainSet    = "set"
	DomainGet    = "get"
)

// ServerDomains are the server domains (服务器域名) of a mini program; each
// is an https:// (wss:// for WS, udp:// for UDP, tcp:// for TCP) origin.
type ServerDomains struct {
	RequestDomain   []string `json:"requestdomain,omitempty"`
	WsRequestDomain []string `json:"wsrequestdomain,omitempty"`
	UploadDomain    []string `json:"uploaddomain,omitempty"`
	DownloadDomain  []string `json:"downloaddomain,omitempty"`
	UDPDomain       []string `json:"udpdomain,omitempty"`
	TCPDomain       []string `json:"tcpdomain,omitempty"`
}

// ServerDomainsResult is the answer of ModifyServer: the domains after the
// change and, when WeChat rejects some, the invalid ones.
type ServerDomainsResult struct {
	ServerDomains
	InvalidRequestDomain   []string `json:"invalid_requestdomain,omitempty"`
	InvalidWsRequestDomain []string `json:"invalid_wsrequestdomain,omitempty"`
	InvalidUploadDomain    []string `json:"invalid_uploaddomain,omitempty"`
	InvalidDownloadDomain  []string `json:"invalid_downloaddomain,omitempty"`
	InvalidUDPDomain       []string `json:"invalid_udpdomain,omitempty"`
	InvalidTCPDomain       []string `json:"invalid_tcpdomain,omitempty"`
	NoICPDomain            []string `json:"no_icp_domain,omitempty"`
}

type domainBody struct {
	Action string `json:"action"`
	*ServerDomains
}

func checkAction(action string, allowed ...string) error {
	for _, a := range allowed {
		if action == a {
			return nil
		}
	}
	return invalidArg("action", "unknown action "+action)
}

func (s *DomainService) modify(ctx context.Context, directly bool, action string, d *ServerDomains) (*ServerDomainsResult, error) {
	if err := checkAction(action, DomainAdd, DomainDelete, DomainSet, DomainGet); err != nil {
		return nil, err
	}
	if d == nil {
		d = &ServerDomains{}
	}
	ep := domainModify
	if directly {
		ep = domainModifyDirectly
	}
	return call[ServerDomainsResult](ctx, s.c, ep, nil, domainBody{action, d})
}

// ModifyServer adds, deletes, sets or gets (DomainAdd...) the server
// domains, as configured in the platform's domains (modify_domain).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/Server_Address_Configuration.html
func (s *DomainService) ModifyServer(ctx context.Context, action string, d *ServerDomains) (*ServerDomainsResult, error) {
	return s.modify(ctx, false, action, d)
}

// ModifyServerDirectly is ModifyServer for domains not configured in the
// platform (modify_domain_directly).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/domain-management/modifyServerDomainDirectly.html
func (s *DomainService) ModifyServerDirectly(ctx context.Context, action string, d *ServerDomains) (*ServerDomainsResult, error) {
	return s.modify(ctx, true, action, d)
}

// EffectiveDomains are the server domains in effect and where they come from.
type EffectiveDomains struct {
	MPDomain        ServerDomains `json:"mp_domain"`
	ThirdDomain     ServerDomains `json:"third_domain"`
	DirectDomain    ServerDomains `json:"direct_domain"`
	EffectiveDomain ServerDomains `json:"effective_domain"`
}

// GetEffective returns the server domains in effect (get_effective_domain).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/domain-management/getEffectiveServerDomain.html
func (s *DomainService) GetEffective(ctx context.Context) (*EffectiveDomains, error) {
	return call[EffectiveDomains](ctx, s.c, domainGetEffective, nil, empty)
}

type webviewBody struct {
	Action        string   `json:"action,omitempty"`
	WebviewDomain []string `json:"webviewdomain,omitempty"`
}

func (s *DomainService) webview(ctx context.Context, directly bool, action string, domains []string) ([]string, error) {
	if err := checkAction(action, DomainAdd, DomainDelete, DomainSet, DomainGet); err != nil {
		return nil, err
	}
	ep := domainSetWebview
	if directly {
		ep = domainSetWebviewDirect
	}
	out, err := call[struct {
		WebviewDomain []string `json:"webviewdomain"`
	}](ctx, s.c, ep, nil, webviewBody{action, domains})
	if err != nil {
		return nil, err
	}
	return out.WebviewDomain, nil
}

// SetWebview adds, deletes, sets or gets the business (web-view) domains
// configured in the platform, and returns them (setwebviewdomain).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/setwebviewdomain.html
func (s *DomainService) SetWebview(ctx context.Context, action string, domains []string) ([]string, error) {
	return s.webview(ctx, false, action, domains)
}

// SetWebviewDirectly is SetWebview for domains not configured in the
// platform; their confirmation file must be served first
// (setwebviewdomain_directly).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/domain-management/modifyJumpDomainDirectly.html
func (s *DomainService) SetWebviewDirectly(ctx context.Context, action string, domains []string) ([]string, error) {
	return s.webview(ctx, true, action, domains)
}

// ConfirmFile is the file a web-view domain must serve at its root.
type ConfirmFile struct {
	FileName    string `json:"file_name"`
	FileContent string `json:"file_content"`
}

// GetWebviewConfirmFile returns the web-view domain confirmation file.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/domain-management/getJumpDomainConfirmFile.html
func (s *DomainService) GetWebviewConfirmFile(ctx context.Context) (*ConfirmFile, error) {
	return call[ConfirmFile](ctx, s.c, domainGetConfirmFile, nil, empty)
}

// PrefetchDNSDomain is a DNS prefetch domain; Status is set on reads.
type PrefetchDNSDomain struct {
	URL    string `json:"url"`
	Status int    `json:"status,omitempty"`
}

// PrefetchDNS are the DNS prefetch domains and their limit.
type PrefetchDNS struct {
	Domains   []PrefetchDNSDomain `json:"prefetch_dns_domain"`
	SizeLimit int                 `json:"size_limit"`
}

// GetPrefetchDNS returns the DNS prefetch domains.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/domain-management/getPrefetchDomain.html
func (s *DomainService) GetPrefetchDNS(ctx context.Context) (*PrefetchDNS, error) {
	return call[PrefetchDNS](ctx, s.c, domainGetPrefetchDNS, nil, nil)
}

// SetPrefetchDNS replaces the DNS prefetch domains (https:// origins).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/domain-management/setPrefetchDomain.html
func (s *DomainService) SetPrefetchDNS(ctx context.Context, urls []string) error {
	list := make([]PrefetchDNSDomain, len(urls))
	for i, u := range urls {
		if u == "" {
			return invalidArg("url", "empty")
		}
		list[i].URL = u
	}
	body := struct {
		Domains []PrefetchDNSDomain `json:"prefetch_dns_domain"`
	}{list}
	return (*service)(s).do(ctx, domainSetPrefetchDNS, body)
}
