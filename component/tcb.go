package component

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

// The batch cloud development endpoints (第三方平台批量云开发) are
// documented with the component_access_token in the access_token parameter.
var (
	tcbDescribeEnvs = wechat.Endpoint{Method: http.MethodPost, Path: "/componenttcb/describeenvs"}
	tcbBatchGetEnv  = wechat.Endpoint{Method: http.MethodPost, Path: "/componenttcb/batchgetenvid"}
	tcbBatchShare   = wechat.Endpoint{Method: http.MethodPost, Path: "/componenttcb/batchshareenv"}
	tcbModifyEnv    = wechat.Endpoint{Method: http.MethodPost, Path: "/tcb/modifyenv"}
)

// CloudEnvCloudRun is the source_type of SharedCloudEnvs and ShareCloudEnvs
// for cloud hosting (云托管) environments; 0 leaves source_type out, as the
// older pages of both endpoints do.
const CloudEnvCloudRun = 1

// CloudEnv is a cloud development environment of the component.
type CloudEnv struct {
	Env          string `json:"env"`
	Alias        string `json:"alias"`
	CreateTime   string `json:"create_time"` // "2020-04-04 14:10:28"
	UpdateTime   string `json:"update_time"`
	Status       string `json:"status"` // NORMAL...
	PackageID    string `json:"package_id"`
	PackageName  string `json:"package_name"`
	DBInstanceID string `json:"dbinstance_id"`
	BucketID     string `json:"bucket_id"`
}

// CloudEnvs returns the component's cloud development environments.
// https://developers.weixin.qq.com/doc/oplatform/openApi/cloudbase-batch/env-mgnt/api_gettcbenvlist.html
func (c *Client) CloudEnvs(ctx context.Context) ([]CloudEnv, error) {
	out, err := call[struct {
		InfoList []CloudEnv `json:"info_list"`
	}](ctx, c.core, tcbDescribeEnvs, nil, struct{}{})
	if err != nil {
		return nil, err
	}
	return out.InfoList, nil
}

// CloudEnvError is an environment or mini program WeChat refused, in the
// answers of SharedCloudEnvs and ShareCloudEnvs.
type CloudEnvError struct {
	Env    string `json:"env"`
	AppID  string `json:"appid"`
	ErrMsg string `json:"errmsg"`
}

// SharedCloudEnv lists the environments shared with a mini program.
type SharedCloudEnv struct {
	AppID   string   `json:"appid"`
	EnvList []string `json:"env_list"`
}

// SharedCloudEnvs returns the environments shared with each mini program
// of appids (查询环境共享信息), and the errors; sourceType is
// CloudEnvCloudRun or 0.
// https://developers.weixin.qq.com/doc/oplatform/openApi/cloudrun-batch/cloudenv-mgnt/api_getsharecloudbaseenv.html
func (c *Client) SharedCloudEnvs(ctx context.Context, appids []string, sourceType int) ([]SharedCloudEnv, []CloudEnvError, error) {
	if err := requireAppIDs(appids); err != nil {
		return nil, nil, err
	}
	out, err := call[struct {
		RelationData []SharedCloudEnv `json:"relation_data"`
		ErrList      []CloudEnvError  `json:"err_list"`
	}](ctx, c.core, tcbBatchGetEnv, nil, struct {
		AppIDs     []string `json:"appids"`
		SourceType int      `json:"source_type,omitempty"`
	}{appids, sourceType})
	if err != nil {
		return nil, nil, err
	}
	return out.RelationData, out.ErrList, nil
}

// CloudEnvShare shares the environment Env with the mini programs AppIDs.
type CloudEnvShare struct {
	Env    string   `json:"env"`
	AppIDs []string `json:"appids"`
}

// CloudEnvShareResult is the answer of ShareCloudEnvs: the refused pairs,
// and for each mini program the link its administrator opens to confirm
// the binding, which takes effect then.
type CloudEnvShareResult struct {
	ErrList     []CloudEnvError `json:"err_list"`
	MsgInfoList []struct {
		AppID string `json:"appid"`
		URL   string `json:"url"`
	} `json:"msg_info_list"`
}

// ShareCloudEnvs shares environments with mini programs (环境共享, binding
// them); the mini programs must have authorized permission set 18.
// sourceType is CloudEnvCloudRun or 0.
// https://developers.weixin.qq.com/doc/oplatform/openApi/cloudbase-batch/env-mgnt/api_sharecloudbaseenv.html
func (c *Client) ShareCloudEnvs(ctx context.Context, shares []CloudEnvShare, sourceType int) (*CloudEnvShareResult, error) {
	if len(shares) == 0 {
		return nil, invalidArg("data", "empty")
	}
	for _, s := range shares {
		if s.Env == "" {
			return nil, invalidArg("data.env", "empty")
		}
		if err := requireAppIDs(s.AppIDs); err != nil {
			return nil, err
		}
	}
	return call[CloudEnvShareResult](ctx, c.core, tcbBatchShare, nil, struct {
		Data       []CloudEnvShare `json:"data"`
		SourceType int             `json:"source_type,omitempty"`
	}{shares, sourceType})
}

// ChangeCloudEnv makes env, created in the Tencent Cloud console, an
// environment of the component's batch cloud development (使用腾讯云环境,
// with the component_access_token).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/cloudbase/common/modifyEnv.html
func (c *Client) ChangeCloudEnv(ctx context.Context, env string) error {
	if env == "" {
		return invalidArg("env", "empty")
	}
	return c.core.Do(ctx, tcbModifyEnv, nil, struct {
		Env string `json:"env"`
	}{env}, nil)
}

func requireAppIDs(appids []string) error {
	if len(appids) == 0 {
		return invalidArg("appids", "empty")
	}
	for _, id := range appids {
		if err := requireAppID("appids", id); err != nil {
			return err
		}
	}
	return nil
}
