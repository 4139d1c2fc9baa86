package callback

import (
	"fmt"

	"github.com/weixin-go/wechat"
)

// NewServerFor returns a Server for the push URL of the app of client
// (official account, mini program, WeCom agent, or a third-party platform's
// authorization event URL with component.Client.Core), taking Token,
// EncodingAESKey and AppID from the client's configuration, which
// wechat.NewClient has already checked, so that they are written once.
// Fields set in cfg win over the client's; cfg.WeCom is set for a WeCom
// client. The other fields of cfg (Handler, Store, ...) are used as given.
func NewServerFor(client *wechat.Client, cfg Config) (*Server, error) {
	if client == nil {
		return nil, fmt.Errorf("%w: nil client", ErrConfig)
	}
	cc := client.Config()
	if cfg.Token == "" {
		cfg.Token = cc.Token
	}
	if cfg.EncodingAESKey == "" {
		cfg.EncodingAESKey = cc.EncodingAESKey
	}
	if cfg.AppID == "" {
		cfg.AppID = cc.AppID
	}
	keyID := cfg.AppID
	if cc.Type == wechat.WeCom {
		cfg.WeCom = true
		if cc.CodeName != "" {
			keyID += "/" + cc.CodeName // the agent: corp id / agent name
		}
	}
	if cfg.Token == "" {
		return nil, fmt.Errorf("%w: the configuration of client %s has no Token (set Config.Token)", ErrConfig, cc.AppID)
	}
	return newServer(cfg, keyID)
}
