package fakewechat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
)

// Fixtures is what a Server (and a fake Pay server) can be preloaded with,
// usually from a JSON file given to `wechat mock --fixtures FILE`:
//
//	{
//	  "apps": [
//	    {
//	      "appid": "wx0123456789abcdef",
//	      "secret": "0123456789abcdef0123456789abcdef",
//	      "followers": [
//	        {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "unionid": "u1", "language": "en"},
//	        {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS7p", "unsubscribed": true}
//	      ],
//	      "templates": [
//	        {"template_id": "order_paid_template_0000000000000000000000", "title": "订单支付成功",
//	         "content": "{{first.DATA}}\n金额：{{amount.DATA}}\n{{remark.DATA}}"}
//	      ],
//	      "user_page_size": 2
//	    }
//	  ],
//	  "merchants": [
//	    {"mchid": "1230000109", "apiv3_key": "32 bytes ...", "apiv2_key": "32 bytes ...",
//	     "cert_file": "apiclient_cert.pem", "key_file": "apiclient_key.pem"}
//	  ]
//	}
//
// Rules: an app's secret may be left out only for DefaultAppID (already
// registered); followers follow Follower's JSON names and need an openid
// satisfying ValidOpenID; templates follow Template's JSON names (a missing
// template_id is made up); user_page_size is SetUserPageSize. Merchants are
// for fakepay (see fakepay.NewMerchant): cert_file, the merchant API
// certificate, is required, key_file only checked to match it; relative
// paths are relative to the fixtures file. Unknown fields are errors, so
// that a misspelt name is not silently ignored.
type Fixtures struct {
	Apps      []AppFixture      `json:"apps"`
	Merchants []MerchantFixture `json:"merchants"`

	dir string // directory of the file, for relative paths
}

// AppFixture is an app of Fixtures.
type AppFixture struct {
	AppID        string     `json:"appid"`
	Secret       string     `json:"secret"`
	Followers    []Follower `json:"followers"`
	Templates    []Template `json:"templates"`
	UserPageSize int        `json:"user_page_size"`
}

// MerchantFixture is a merchant of Fixtures.
type MerchantFixture struct {
	MchID    string `json:"mchid"`
	APIv3Key string `json:"apiv3_key"`
	APIv2Key string `json:"apiv2_key"`
	CertFile string `json:"cert_file"`
	KeyFile  string `json:"key_file"`
}

// ParseFixtures decodes fixtures from r; dir is the directory relative
// merchant file paths are resolved against.
func ParseFixtures(r io.Reader, dir string) (*Fixtures, error) {
	b, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("fakewechat: fixtures: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f Fixtures
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("fakewechat: fixtures: %w", err)
	}
	f.dir = dir
	for i, a := range f.Apps {
		if a.AppID == "" {
			return nil, fmt.Errorf("fakewechat: fixtures: apps[%d]: appid is required", i)
		}
		if a.Secret == "" && a.AppID != DefaultAppID {
			return nil, fmt.Errorf("fakewechat: fixtures: app %s: secret is required", a.AppID)
		}
		for j, fl := range a.Followers {
			if !ValidOpenID(fl.OpenID) {
				return nil, fmt.Errorf("fakewechat: fixtures: app %s: followers[%d]: openid %q is not %d characters of [A-Za-z0-9_-]", a.AppID, j, fl.OpenID, OpenIDLen)
			}
		}
		for j, t := range a.Templates {
			if t.ID != "" && !ValidTemplateID(t.ID) {
				return nil, fmt.Errorf("fakewechat: fixtures: app %s: templates[%d]: template_id %q is not 1 to 64 characters of [A-Za-z0-9_-]", a.AppID, j, t.ID)
			}
		}
		if len(a.Templates) > oaMaxTemplates {
			return nil, fmt.Errorf("fakewechat: fixtures: app %s: %d templates, WeChat allows %d", a.AppID, len(a.Templates), oaMaxTemplates)
		}
	}
	for i, m := range f.Merchants {
		if m.MchID == "" || m.CertFile == "" {
			return nil, fmt.Errorf("fakewechat: fixtures: merchants[%d]: mchid and cert_file are required", i)
		}
	}
	return &f, nil
}

// LoadFixtures reads and parses the fixtures file at path.
func LoadFixtures(path string) (*Fixtures, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fakewechat: fixtures: %w", err)
	}
	defer fh.Close()
	return ParseFixtures(fh, filepath.Dir(path))
}

// AppIDs returns the appids of the fixtures, in order.
func (f *Fixtures) AppIDs() []string {
	ids := make([]string, len(f.Apps))
	for i, a := range f.Apps {
		ids[i] = a.AppID
	}
	return ids
}

// Apply registers the apps of f on s with their followers and templates.
// Applying again after Reset restores them.
func (f *Fixtures) Apply(s *Server) error {
	for _, a := range f.Apps {
		if a.Secret != "" {
			s.AddApp(a.AppID, a.Secret)
		}
		if err := s.AddFollowers(a.AppID, a.Followers...); err != nil {
			return err
		}
		for _, t := range a.Templates {
			if _, err := s.AddTemplate(a.AppID, t); err != nil {
				return err
			}
		}
		if a.UserPageSize > 0 {
			s.SetUserPageSize(a.AppID, a.UserPageSize)
		}
	}
	return nil
}

// PayMerchants reads the merchants' files and returns them for
// fakepay.Options.Merchants.
func (f *Fixtures) PayMerchants() ([]fakepay.Merchant, error) {
	out := make([]fakepay.Merchant, 0, len(f.Merchants))
	for _, m := range f.Merchants {
		cert, err := os.ReadFile(f.path(m.CertFile))
		if err != nil {
			return nil, fmt.Errorf("fakewechat: fixtures: merchant %s: cert_file: %w", m.MchID, err)
		}
		var key []byte
		if m.KeyFile != "" {
			if key, err = os.ReadFile(f.path(m.KeyFile)); err != nil {
				return nil, fmt.Errorf("fakewechat: fixtures: merchant %s: key_file: %w", m.MchID, err)
			}
		}
		pm, err := fakepay.NewMerchant(m.MchID, m.APIv3Key, m.APIv2Key, cert, key)
		if err != nil {
			return nil, err
		}
		out = append(out, pm)
	}
	return out, nil
}

func (f *Fixtures) path(p string) string {
	if filepath.IsAbs(p) || f.dir == "" {
		return p
	}
	return filepath.Join(f.dir, p)
}
