package fakewechat

import (
	"slices"
	"strconv"
	"sync"
)

// Mini program verification (小程序认证, /wxa/sec/wxaauth...), the follow
// component's official accounts, live streaming application and the
// component's batch order path application. See the package
// documentation for the rules.
func init() { builtin = append(builtin, registerWxaVerify) }

// wxaCodeMediaSize is uploadauthmaterial's errcode for a file over 2 MB.
const wxaCodeMediaSize = 40006

// WxaVerify is a verification task of a mini program as the fake keeps it.
type WxaVerify struct {
	TaskID       string
	TaskStatus   int // 0 until SetWxaVerifyResult, then 12 (review order created)
	ApplyStatus  int // 0 none, 2 reviewing, 3 sent back, 4 passed, 5 failed
	OrderID      int64
	AccountName  string
	RefillReason string
	FailReason   string
	Resubmitted  int
}

type wxaVerifies struct {
	mu    sync.Mutex
	tasks []*WxaVerify
}

func (s *Server) wxaVerifies(appid string) *wxaVerifies {
	return Value(s.State(appid), "wxa.verify", func() *wxaVerifies { return &wxaVerifies{} })
}

func (v *wxaVerifies) find(taskID string) *WxaVerify {
	i := slices.IndexFunc(v.tasks, func(t *WxaVerify) bool { return t.TaskID == taskID })
	if i < 0 {
		return nil
	}
	return v.tasks[i]
}

// WxaVerifies returns the verification tasks of the mini program appid,
// oldest first.
func (s *Server) WxaVerifies(appid string) []WxaVerify {
	v := s.wxaVerifies(appid)
	v.mu.Lock()
	defer v.mu.Unlock()
	out := make([]WxaVerify, len(v.tasks))
	for i, t := range v.tasks {
		out[i] = *t
	}
	return out
}

// SetWxaVerifyResult ends the review of the latest verification task of
// the mini program appid that is not final, as WeChat's reviewers do:
// applyStatus 4 passes it, 3 sends it back (reason is the refill_reason;
// the task can be re-submitted with /wxa/sec/reauth), 5 fails it for good
// (reason is the fail_reason). The administrator's authorization is taken
// as done: task_status becomes 12. It returns the task id, or "" if no
// task is open or applyStatus is not 3, 4 or 5.
func (s *Server) SetWxaVerifyResult(appid string, applyStatus int, reason string) string {
	if applyStatus < 3 || applyStatus > 5 {
		return ""
	}
	v := s.wxaVerifies(appid)
	v.mu.Lock()
	defer v.mu.Unlock()
	for i := len(v.tasks) - 1; i >= 0; i-- {
		t := v.tasks[i]
		if t.ApplyStatus == 0 || t.ApplyStatus == 2 {
			t.TaskStatus, t.ApplyStatus = 12, applyStatus
			if t.OrderID == 0 {
				t.OrderID = 2148000000 + int64(i)
			}
			switch applyStatus {
			case 3:
				t.RefillReason = reason
			case 5:
				t.FailReason = reason
			}
			return t.TaskID
		}
	}
	return ""
}

// wxaAuthData checks the auth_data of wxaauth and reauth as documented.
func wxaAuthData(r *Request, needTask bool) (M, error) {
	in, err := r.JSON()
	if err != nil {
		return nil, err
	}
	d, ok := in["auth_data"].(M)
	if !ok {
		return nil, Errorf(CodeInvalidArgs, "invalid args: auth_data")
	}
	req := []string{"customer_type", "contact_info", "account_name", "account_name_type", "pay_type"}
	if needTask {
		req = append(req, "taskid")
	}
	for _, k := range req {
		if v, ok := d[k]; !ok || v == nil || v == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: %s", k)
		}
	}
	ct := jsonInt(d["customer_type"])
	if ct != 1 && ct != 12 && ct != 15 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: customer_type")
	}
	if c, ok := d["contact_info"].(M); !ok || len(c) == 0 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: contact_info")
	}
	if ct != 15 && (d["qualification"] == nil || d["qualification"] == "") {
		return nil, Errorf(CodeInvalidArgs, "invalid args: qualification")
	}
	if n := jsonInt(d["account_name_type"]); n != 1 && n != 2 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: account_name_type")
	}
	if n := jsonInt(d["pay_type"]); n != 1 && n != 2 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: pay_type")
	}
	if q, _ := d["qualification_other"].([]any); len(q) > 10 {
		return nil, Errorf(CodeInvalidArgs, "invalid args: qualification_other")
	}
	if d["auth_identification"] != nil && d["auth_identification"] != "" {
		if m, _ := d["auth_ident_material"].([]any); len(m) == 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: auth_ident_material")
		}
	}
	return d, nil
}

// wxaIdentityTree is the example of the identity tree documentation.
var wxaIdentityTree = []M{{"name": "职业身份认证", "node_id": 1, "node_list": []M{{"name": "娱乐", "node_id": 2, "node_list": []M{{"name": "影视", "node_id": 3, "node_list": []M{
	{"leaf_info": M{"requirement": "认证需上传本人有效身份证件,同时提供以下任一材料1、获得导演相关职称..."}, "name": "导演", "node_id": 4},
	{"leaf_info": M{"requirement": "认证需上传本人有效身份证件,同时提供以下任一材料..."}, "name": "编导", "node_id": 5},
}}}}}}}

func registerWxaVerify(s *Server) {
	onVerify := func(fn func(r *Request, v *wxaVerifies) (any, error)) JSONHandler {
		return func(r *Request) (any, error) {
			v := s.wxaVerifies(r.AppID)
			v.mu.Lock()
			defer v.mu.Unlock()
			return fn(r, v)
		}
	}
	s.HandleJSON("POST /wxa/sec/wxaauth", onVerify(func(r *Request, v *wxaVerifies) (any, error) {
		d, err := wxaAuthData(r, false)
		if err != nil {
			return nil, err
		}
		name, _ := d["account_name"].(string)
		t := &WxaVerify{TaskID: "verifytask" + randToken(16), AccountName: name}
		v.tasks = append(v.tasks, t)
		return OK(M{"taskid": t.TaskID, "auth_url": "https://mp.weixin.qq.com/fake/wxaauth?taskid=" + t.TaskID}), nil
	}))
	s.HandleJSON("POST /wxa/sec/reauth", onVerify(func(r *Request, v *wxaVerifies) (any, error) {
		d, err := wxaAuthData(r, true)
		if err != nil {
			return nil, err
		}
		id, _ := d["taskid"].(string)
		t := v.find(id)
		if t == nil || t.ApplyStatus != 3 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: taskid")
		}
		t.ApplyStatus, t.RefillReason = 2, ""
		t.AccountName, _ = d["account_name"].(string)
		t.Resubmitted++
		return nil, nil
	}))
	s.HandleJSON("POST /wxa/sec/queryauth", onVerify(func(r *Request, v *wxaVerifies) (any, error) {
		var in struct {
			TaskID string `json:"taskid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		t := v.find(in.TaskID)
		if t == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: taskid")
		}
		out := M{"task_status": t.TaskStatus, "apply_status": t.ApplyStatus, "appid": r.AppID,
			"auth_url": "https://mp.weixin.qq.com/fake/wxaauth?taskid=" + t.TaskID}
		if t.OrderID != 0 {
			out["orderid"] = t.OrderID
		}
		if t.RefillReason != "" {
			out["refill_reason"] = t.RefillReason
		}
		if t.FailReason != "" {
			out["fail_reason"] = t.FailReason
		}
		return OK(out), nil
	}))
	s.HandleJSON("POST /wxa/sec/uploadauthmaterial", func(r *Request) (any, error) {
		if err := r.HTTP.ParseMultipartForm(1 << 20); err != nil {
			return nil, Errorf(CodeMediaDataMissing, "media data missing")
		}
		f, h, err := r.HTTP.FormFile("media")
		if err != nil {
			return nil, Errorf(CodeMediaDataMissing, "media data missing")
		}
		f.Close()
		if h.Size > 2<<20 {
			return nil, Errorf(wxaCodeMediaSize, "invalid meida size")
		}
		return OK(M{"type": "image", "mediaid": "verify_media_" + randToken(12)}), nil
	})
	s.HandleJSON("GET /wxa/sec/authidentitytree", func(r *Request) (any, error) {
		return OK(M{"identity_tree_list": wxaIdentityTree}), nil
	})

	s.HandleJSON("GET /wxa/getwxamplinkforshow", func(r *Request) (any, error) {
		page, perr := strconv.Atoi(r.Query.Get("page"))
		num, nerr := strconv.Atoi(r.Query.Get("num"))
		switch {
		case perr != nil || page < 0:
			return nil, Errorf(CodeInvalidArgs, "invalid args: page")
		case nerr != nil || num < 1 || num > 20:
			return nil, Errorf(CodeInvalidArgs, "invalid args: num")
		}
		list := []M{}
		if page == 0 {
			list = append(list, M{"nickname": "fake official account", "appid": "wxfakeoa00000001", "headimg": "http://mmbiz.qpic.cn/fake"})
		}
		return OK(M{"total_num": 1, "biz_info_list": list}), nil
	})
	s.HandleJSON("POST /wxa/business/applyliveinfo", func(r *Request) (any, error) {
		var in struct {
			Action string `json:"action"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Action != "apply" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: action")
		}
		return OK(M{"action": "apply"}), nil
	})
	s.HandleJSON("POST /wxa/security/applysetorderpathinfo", func(r *Request) (any, error) {
		if _, ok := s.componentSecret(r.AppID); !ok {
			return nil, ErrCode(CodeInvalidCredential)
		}
		var in struct {
			BatchReq *struct {
				Path      string   `json:"path"`
				AppIDList []string `json:"appid_list"`
			} `json:"batch_req"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		switch b := in.BatchReq; {
		case b == nil:
			return nil, Errorf(CodeInvalidArgs, "invalid args: batch_req")
		case b.Path == "":
			return nil, Errorf(CodeInvalidArgs, "invalid args: path")
		case len(b.AppIDList) == 0 || len(b.AppIDList) > 100:
			return nil, Errorf(CodeInvalidArgs, "invalid args: appid_list")
		}
		return nil, nil
	})
}
