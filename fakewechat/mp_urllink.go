package fakewechat

import (
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// URL Links (generate_urllink, query_urllink), Short Links (genwxashortlink)
// and NFC schemes (generatenfcscheme) are kept per app (MPLinks); see the
// package documentation for their checks.
func init() {
	stdMessages[CodeMPInvalidLinkQuery] = "invalid query"
	stdMessages[CodeMPInvalidEnvVersion] = "invalid env_version"
	stdMessages[CodeMPURLLinkNotFound] = "url_link not exist"
	stdMessages[CodeMPPermanentLinkQuota] = "reach max long time quota limit"
	builtin = append(builtin, registerMPLinks)
}

// Errcodes of the link endpoints (a bad page answers CodeMPInvalidSchemePath,
// a bad Short Link page_url CodeInvalidURL).
const (
	CodeMPInvalidLinkQuery   = 40212
	CodeMPPermanentLinkQuota = 85400
	CodeMPInvalidEnvVersion  = 85402
	CodeMPURLLinkNotFound    = 85403
)

// Limits the fake applies to links, from the docs.
const (
	mpLinkMaxQuery       = 1024
	mpLinkMaxDays        = 30
	mpShortLinkMaxTitle  = 20
	mpShortLinkPermQuota = 100000
	// MPLinkRemainVisits is what query_urllink answers as remain_visit_quota
	// (the documented daily cap of URL Scheme and URL Link visits).
	MPLinkRemainVisits = 6000000
)

// Kinds of MPLink.
const (
	MPURLLink   = "urllink"
	MPShortLink = "shortlink"
	MPNFCScheme = "nfcscheme"
)

// MPLink is a link the fake generated for a mini program.
type MPLink struct {
	Kind       string // MPURLLink, MPShortLink or MPNFCScheme
	Link       string // url_link, link or openlink
	Path       string // page (a Short Link's page_url, with its query)
	Query      string
	EnvVersion string
	Title      string // Short Link page_title, as shown
	Permanent  bool   // Short Link
	ModelID    string // NFC scheme
	SN         string // NFC scheme
	CloudEnv   string // URL Link cloud_base.env
	CreatedAt  time.Time
	ExpiresAt  time.Time // zero for a permanent Short Link or an NFC scheme
}

type mpLinks struct {
	mu   sync.Mutex
	list []MPLink
}

func (s *Server) mpLinks(appid string) *mpLinks {
	return Value(s.State(appid), "mp.links", func() *mpLinks { return &mpLinks{} })
}

// MPLinks returns the links generated for appid, oldest first.
func (s *Server) MPLinks(appid string) []MPLink {
	st := s.mpLinks(appid)
	st.mu.Lock()
	defer st.mu.Unlock()
	return append([]MPLink(nil), st.list...)
}

func (st *mpLinks) add(l MPLink) {
	st.mu.Lock()
	st.list = append(st.list, l)
	st.mu.Unlock()
}

// randTicket returns n letters and digits, like the tickets of WeChat links.
func randTicket(n int) string {
	const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := []byte(randB64(n))
	for i := range b {
		b[i] = chars[int(b[i])%len(chars)]
	}
	return string(b[:n])
}

// mpLinkTarget checks a link's page, query and version as the link
// endpoints do.
func mpLinkTarget(path, query, env string) error {
	if strings.Contains(path, "?") {
		return ErrCode(CodeMPInvalidSchemePath)
	}
	if utf8.RuneCountInString(query) > mpLinkMaxQuery {
		return ErrCode(CodeMPInvalidLinkQuery)
	}
	for _, r := range query {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || strings.ContainsRune("!#$&'()*+,/:;=?@-._~%", r)) {
			return ErrCode(CodeMPInvalidLinkQuery)
		}
	}
	switch env {
	case "", "release", "trial", "develop":
		return nil
	}
	return ErrCode(CodeMPInvalidEnvVersion)
}

func registerMPLinks(s *Server) {
	s.HandleJSON("POST /wxa/generate_urllink", func(r *Request) (any, error) {
		var in struct {
			Path, Query    string
			EnvVersion     string `json:"env_version"`
			ExpireType     int    `json:"expire_type"`
			ExpireTime     int64  `json:"expire_time"`
			ExpireInterval int    `json:"expire_interval"`
			CloudBase      *struct {
				Env string `json:"env"`
			} `json:"cloud_base"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if err := mpLinkTarget(in.Path, in.Query, in.EnvVersion); err != nil {
			return nil, err
		}
		now := r.Now()
		l := MPLink{Kind: MPURLLink, Link: "https://wxaurl.cn/" + randTicket(11), Path: in.Path, Query: in.Query,
			EnvVersion: in.EnvVersion, CreatedAt: now}
		if l.EnvVersion == "" {
			l.EnvVersion = "release"
		}
		switch in.ExpireType {
		case 0:
			if in.ExpireTime == 0 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: expire_time")
			}
			l.ExpiresAt = time.Unix(in.ExpireTime, 0)
		case 1:
			if in.ExpireInterval < 1 || in.ExpireInterval > mpLinkMaxDays {
				return nil, Errorf(CodeInvalidArgs, "invalid args: expire_interval")
			}
			l.ExpiresAt = now.Add(time.Duration(in.ExpireInterval) * 24 * time.Hour)
		default:
			return nil, Errorf(CodeInvalidArgs, "invalid args: expire_type")
		}
		if !l.ExpiresAt.After(now) || l.ExpiresAt.Sub(now) > mpLinkMaxDays*24*time.Hour+time.Minute {
			return nil, Errorf(CodeInvalidArgs, "invalid args: expire_time")
		}
		if cb := in.CloudBase; cb != nil {
			if cb.Env == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: cloud_base.env")
			}
			l.CloudEnv = cb.Env
		}
		s.mpLinks(r.AppID).add(l)
		return OK(M{"url_link": l.Link}), nil
	})

	s.HandleJSON("POST /wxa/query_urllink", func(r *Request) (any, error) {
		var in struct {
			URLLink   string `json:"url_link"`
			QueryType int    `json:"query_type"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		switch in.QueryType {
		case 1:
			return OK(M{"quota_info": M{"remain_visit_quota": MPLinkRemainVisits}}), nil
		case 0:
		default:
			return nil, Errorf(CodeInvalidArgs, "invalid args: query_type")
		}
		if in.URLLink == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: url_link")
		}
		link, cq, hasCQ := strings.Cut(in.URLLink, "?")
		st := s.mpLinks(r.AppID)
		st.mu.Lock()
		var found *MPLink
		for i := range st.list {
			if st.list[i].Kind == MPURLLink && st.list[i].Link == link {
				l := st.list[i]
				found = &l
				break
			}
		}
		st.mu.Unlock()
		if found == nil {
			return nil, ErrCode(CodeMPURLLinkNotFound)
		}
		query := found.Query
		if hasCQ {
			// Parameters appended to the link (?cq=...) are what the page gets.
			v, err := url.ParseQuery(cq)
			if err != nil {
				return nil, Errorf(CodeInvalidArgs, "invalid args: url_link")
			}
			query = v.Get("cq")
		}
		return OK(M{"url_link_info": M{"appid": r.AppID, "path": found.Path, "query": query,
			"create_time": found.CreatedAt.Unix(), "expire_time": found.ExpiresAt.Unix(), "env_version": found.EnvVersion}}), nil
	})

	s.HandleJSON("POST /wxa/genwxashortlink", func(r *Request) (any, error) {
		var in struct {
			PageURL     string `json:"page_url"`
			PageTitle   string `json:"page_title"`
			IsPermanent bool   `json:"is_permanent"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.PageURL == "" || utf8.RuneCountInString(in.PageURL) > mpLinkMaxQuery {
			return nil, ErrCode(CodeInvalidURL)
		}
		title := in.PageTitle
		if utf8.RuneCountInString(title) > mpShortLinkMaxTitle {
			title = string([]rune(title)[:mpShortLinkMaxTitle]) + "..."
		}
		now := r.Now()
		l := MPLink{Kind: MPShortLink, Path: in.PageURL, Title: title, Permanent: in.IsPermanent, CreatedAt: now}
		if !in.IsPermanent {
			l.ExpiresAt = now.Add(mpLinkMaxDays * 24 * time.Hour)
		}
		l.Link = "#小程序://fake/"
		if title != "" {
			l.Link += title + "/"
		}
		l.Link += randTicket(15)
		st := s.mpLinks(r.AppID)
		st.mu.Lock()
		defer st.mu.Unlock()
		if in.IsPermanent {
			n := 0
			for _, x := range st.list {
				if x.Kind == MPShortLink && x.Permanent {
					n++
				}
			}
			if n >= mpShortLinkPermQuota {
				return nil, ErrCode(CodeMPPermanentLinkQuota)
			}
		}
		st.list = append(st.list, l)
		return OK(M{"link": l.Link}), nil
	})

	s.HandleJSON("POST /wxa/generatenfcscheme", func(r *Request) (any, error) {
		var in struct {
			JumpWxa *struct {
				Path, Query string
				EnvVersion  string `json:"env_version"`
			} `json:"jump_wxa"`
			ModelID string `json:"model_id"`
			SN      string `json:"sn"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.ModelID == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: model_id")
		}
		l := MPLink{Kind: MPNFCScheme, Link: "weixin://dl/business/?t=" + randTicket(13), ModelID: in.ModelID, SN: in.SN, CreatedAt: r.Now()}
		if j := in.JumpWxa; j != nil {
			if err := mpLinkTarget(j.Path, j.Query, j.EnvVersion); err != nil {
				return nil, err
			}
			l.Path, l.Query, l.EnvVersion = j.Path, j.Query, j.EnvVersion
		}
		s.mpLinks(r.AppID).add(l)
		return OK(M{"openlink": l.Link}), nil
	})
}
