package oa_test

import (
	"encoding/json"
	"testing"

	"github.com/weixin-go/wechat/oa"
)

// Ids WeChat answers as numbers in some docs and strings in others decode
// from both forms.
func TestIDsAsNumberOrString(t *testing.T) {
	for _, doc := range []string{`1001`, `"1001"`} {
		var kf oa.KFAccount
		var on oa.OnlineKFAccount
		var job oa.PublishJob
		var mass oa.MassSendResult
		var title oa.SubscribeTitle
		if json.Unmarshal([]byte(`{"kf_id":`+doc+`}`), &kf) != nil || kf.ID != "1001" ||
			json.Unmarshal([]byte(`{"kf_id":`+doc+`}`), &on) != nil || on.ID != "1001" ||
			json.Unmarshal([]byte(`{"publish_id":`+doc+`,"msg_data_id":`+doc+`}`), &job) != nil || job.PublishID != "1001" || job.MsgDataID != "1001" ||
			json.Unmarshal([]byte(`{"msg_id":1,"msg_data_id":`+doc+`}`), &mass) != nil || mass.MsgDataID != "1001" ||
			json.Unmarshal([]byte(`{"categoryId":`+doc+`}`), &title) != nil || title.CategoryID != "1001" {
			t.Errorf("%s: %+v %+v %+v %+v %+v", doc, kf, on, job, mass, title)
		}
	}
}
