package fakewechat

import (
	"net/http"
	"strings"
)

// The other mini program management endpoints of a third-party platform
// (basic information, categories, privacy, QR code jump rules, ICP filing,
// embedded mini programs, linked mini programs, registration) are stateless
// in the fake: each checks its documented required body fields (44002 for
// an empty body, 47001 for malformed JSON, 40097 "invalid args: NAME" for a
// missing or empty required field) and answers the documentation's example.
// Uploads (uploadmedia, uploadprivacyextfile, upload_icp_media) need a
// multipart file part (41005 otherwise).
func init() { builtin = append(builtin, registerWxaMore) }

// wxaCanned is a stateless endpoint: the body fields it requires and its answer.
type wxaCanned struct {
	pattern  string
	required []string
	answer   M
	upload   string // multipart file field, for uploads
}

var wxaCannedList = []wxaCanned{
	// basic information
	{pattern: "POST /wxa/setnickname", required: []string{"nick_name"}, answer: M{"wording": "", "audit_id": 444444}},
	{pattern: "POST /wxa/api_wxa_querynickname", required: []string{"audit_id"}, answer: M{"nickname": "fake nickname", "audit_stat": 3, "fail_reason": "", "create_time": 1524588821, "audit_time": 1524588821}},
	{pattern: "POST /cgi-bin/wxverify/checkwxverifynickname", required: []string{"nick_name"}, answer: M{"hit_condition": true, "wording": "<后缀规则>"}},
	{pattern: "POST /cgi-bin/account/modifyheadimage", required: []string{"head_img_media_id"}},
	{pattern: "POST /cgi-bin/account/modifysignature", required: []string{"signature"}},
	{pattern: "POST /cgi-bin/account/getaccountbasicinfo", answer: M{"appid": "", "account_type": 2, "principal_type": 1, "principal_name": "fake company", "credential": "", "realname_status": 1,
		"wx_verify_info":  M{"qualification_verify": false, "naming_verify": false, "annual_review": false, "annual_review_begin_time": 0, "annual_review_end_time": 0},
		"signature_info":  M{"signature": "fake signature", "modify_used_count": 1, "modify_quota": 5},
		"head_image_info": M{"head_image_url": "http://mmbiz.qpic.cn/mmbiz/fake/0", "modify_used_count": 3, "modify_quota": 5},
		"nickname_info":   M{"nickname": "fake nickname", "modify_used_count": 1, "modify_quota": 2}, "registered_country": 1, "nickname": "fake nickname"}},
	// categories
	{pattern: "GET /cgi-bin/wxopen/getallcategories", answer: M{"categories_list": M{"categories": []M{{"id": 0, "name": "", "level": 0, "father": 0, "children": []int{1}, "sensitive_type": 0}, {"id": 1, "name": "快递业与邮政", "level": 1, "father": 0, "children": []int{2}, "sensitive_type": 0}, {"id": 2, "name": "快递、物流", "level": 2, "father": 1, "children": []int{}, "sensitive_type": 0}}}}},
	{pattern: "POST /cgi-bin/wxopen/getcategoriesbytype", answer: M{"categories_list": M{"categories": []M{{"id": 1, "name": "快递业与邮政", "level": 1, "father": 0, "children": []int{2}, "sensitive_type": 0}}}}},
	{pattern: "POST /cgi-bin/wxopen/addcategory", required: []string{"categories"}},
	{pattern: "POST /cgi-bin/wxopen/deletecategory", required: []string{"first", "second"}},
	{pattern: "POST /cgi-bin/wxopen/modifycategory", required: []string{"first", "second"}},
	{pattern: "GET /cgi-bin/wxopen/getcategory", answer: M{"categories": []M{{"first": 1, "first_name": "快递业与邮政", "second": 2, "second_name": "快递、物流", "audit_status": 3, "audit_reason": ""}}, "limit": 5, "quota": 4, "category_limit": 5}},
	{pattern: "GET /wxa/get_category", answer: M{"category_list": []M{{"first_class": "快递业与邮政", "second_class": "快递、物流", "first_id": 1, "second_id": 2}}}},
	// code media, privacy
	{pattern: "POST /wxa/uploadmedia", upload: "media", answer: M{"type": "image", "mediaid": "fake_media_id"}},
	{pattern: "GET /wxa/security/get_code_privacy_info", answer: M{"without_auth_list": []string{"wx.getLocation"}, "without_conf_list": []string{}}},
	{pattern: "POST /wxa/security/getorderpathinfo", answer: M{"msg": M{"path": "pages/order/index", "img_list": []string{}, "status": 2, "apply_time": 1637118443}}},
	{pattern: "POST /cgi-bin/component/setprivacysetting", required: []string{"owner_setting"}},
	{pattern: "POST /cgi-bin/component/getprivacysetting", answer: M{"code_exist": 1, "privacy_list": []string{"Location"}, "setting_list": []M{{"privacy_key": "Location", "privacy_text": "定位", "privacy_label": "位置信息"}}, "update_time": 1645784599, "owner_setting": M{"contact_email": "fake@example.com", "notice_method": "弹窗"}, "privacy_desc": M{"privacy_desc_list": []M{{"privacy_key": "Location", "privacy_desc": "位置信息"}}}}},
	{pattern: "POST /cgi-bin/component/uploadprivacyextfile", upload: "file", answer: M{"ext_file_media_id": "fake_ext_file_media_id"}},
	{pattern: "POST /wxa/security/apply_privacy_interface", required: []string{"api_name", "content"}, answer: M{"audit_id": 123456}},
	{pattern: "GET /wxa/security/get_privacy_interface", answer: M{"interface_list": []M{{"api_name": "wx.getLocation", "api_ch_name": "获取当前的地理位置", "api_desc": "", "apply_time": 0, "status": 1, "audit_id": 0, "fail_reason": "", "api_link": "", "group_name": "地理位置"}}}},
	// domains (stateless parts)
	{pattern: "POST /wxa/get_webviewdomain_confirmfile", answer: M{"file_name": "fakeconfirm.txt", "file_content": "fakecontent"}},
	{pattern: "GET /wxa/get_prefetchdnsdomain", answer: M{"prefetch_dns_domain": []M{{"url": "https://www.example.com", "status": 1}}, "size_limit": 5}},
	{pattern: "POST /wxa/set_prefetchdnsdomain", required: []string{"prefetch_dns_domain"}},
	// QR code jump rules
	{pattern: "POST /cgi-bin/wxopen/qrcodejumpadd", required: []string{"prefix", "path", "open_version"}},
	{pattern: "POST /cgi-bin/wxopen/qrcodejumpget", required: []string{"get_type"}, answer: M{"rule_list": []M{{"prefix": "https://www.example.com/qr", "permit_sub_rule": 1, "path": "pages/index/index", "open_version": 3, "state": 2}}, "qrcodejump_open": 1, "list_size": 1, "qrcodejump_pub_quota": 1000, "total_count": 1}},
	{pattern: "POST /cgi-bin/wxopen/qrcodejumpdelete", required: []string{"prefix"}},
	{pattern: "POST /cgi-bin/wxopen/qrcodejumppublish", required: []string{"prefix"}},
	{pattern: "POST /cgi-bin/wxopen/qrcodejumpdownload", answer: M{"file_name": "fakejump.txt", "file_content": "fakecontent"}},
	// linked mini programs (official account), show item
	{pattern: "POST /cgi-bin/wxopen/wxamplinkget", answer: M{"wxopens": M{"items": []M{{"status": 1, "username": "gh_fake", "appid": "wxfake0000000001", "source": "SEARCH", "nickname": "fake", "selected": 1, "released": 1, "headimg_url": "http://mmbiz.qpic.cn/fake", "email": "fake@example.com"}}}}},
	{pattern: "POST /cgi-bin/wxopen/wxamplink", required: []string{"appid"}},
	{pattern: "POST /cgi-bin/wxopen/wxampunlink", required: []string{"appid"}},
	{pattern: "GET /wxa/getshowwxaitem", answer: M{"can_open": 1, "is_open": 1, "appid": "wxfake0000000001", "nickname": "fake", "headimg": "http://mmbiz.qpic.cn/fake"}},
	{pattern: "POST /wxa/updateshowwxaitem", required: []string{"wxa_subscribe_biz_flag"}},
	// registration
	{pattern: "POST /cgi-bin/account/fastregister", required: []string{"ticket"}, answer: M{"appid": "wxfastreg00000001", "authorization_code": "fake_authorization_code", "is_wx_verify_succ": true, "is_link_succ": true}},
	{pattern: "POST /wxa/component/fastregisterbetaweapp", required: []string{"name", "openid"}, answer: M{"unique_id": "fake_unique_id", "authorize_url": "https://mp.weixin.qq.com/fake"}},
	{pattern: "POST /wxa/verifybetaweapp", required: []string{"verify_info"}, answer: M{"unique_id": "fake_unique_id"}},
	{pattern: "POST /cgi-bin/account/componentrebindadmin", required: []string{"taskid"}},
	{pattern: "POST /cgi-bin/open/have", answer: M{"have_open": false}},
	// ICP filing
	{pattern: "POST /wxa/icp/create_icp_verifytask", answer: M{"task_id": "R5PqRPNb6GmG3i0rqd4pTg"}},
	{pattern: "POST /wxa/icp/query_icp_verifytask", required: []string{"task_id"}, answer: M{"is_finish": true, "face_status": 3}},
	{pattern: "POST /wxa/icp/apply_icp_filing", required: []string{"icp_subject", "icp_applets"}},
	{pattern: "POST /wxa/icp/cancel_apply_icp_filing"},
	{pattern: "POST /wxa/icp/cancel_icp_filing", required: []string{"cancel_type"}},
	{pattern: "POST /wxa/icp/upload_icp_media", upload: "media", answer: M{"type": "image", "media_id": "fake_icp_media_id", "created_at": 1692758393}},
	{pattern: "GET /wxa/icp/query_icp_subject_types", answer: M{"items": []M{{"type": 1, "name": "企业", "remark": ""}, {"type": 5, "name": "个人", "remark": ""}}}},
	{pattern: "GET /wxa/icp/query_icp_nrlx_types", answer: M{"items": []M{{"type": 1, "name": "新闻", "remark": ""}}}},
	{pattern: "GET /wxa/icp/query_icp_certificate_types", answer: M{"items": []M{{"type": 1, "subject_type": 1, "name": "营业执照", "remark": ""}}}},
	{pattern: "GET /wxa/icp/query_icp_service_content_types", answer: M{"items": []M{{"type": 1, "parent_type": 0, "name": "综合门户", "remark": ""}}}},
	{pattern: "GET /wxa/icp/query_icp_district_code", answer: M{"items": []M{{"type": 1, "code": 440000, "name": "广东省", "sub_list": []M{{"type": 2, "code": 440300, "name": "深圳市"}}}}}},
	{pattern: "GET /wxa/icp/get_icp_entrance_info", answer: M{"info": M{"status": 1024, "is_canceling": false, "available": 1}}},
	{pattern: "POST /wxa/sec/query_auth_and_icp", required: []string{"procedure_id"}, answer: M{"procedure_status": 9, "orderid": 2148398291}},
	{pattern: "GET /wxa/icp/get_online_icp_order", answer: M{"icp_subject": M{"base_info": M{"type": 1, "name": "fake company"}}, "icp_applets": M{"base_info": M{"appid": "", "name": "fake"}}}},
	// embedded mini programs
	{pattern: "POST /wxaapi/wxaembedded/add_embedded", required: []string{"appid"}},
	{pattern: "POST /wxaapi/wxaembedded/del_embedded", required: []string{"appid"}},
	{pattern: "GET /wxaapi/wxaembedded/get_list", answer: M{"embedded_flag": 1, "embedded_list": []M{{"appid": "wxfake0000000002", "create_time": 1635416703, "headimg": "http://mmbiz.qpic.cn/fake", "nickname": "fake", "reason": "", "status": 3}}}},
	{pattern: "POST /wxaapi/wxaembedded/set_authorize", required: []string{"flag"}},
	{pattern: "POST /wxaapi/wxaembedded/del_authorize", required: []string{"appid"}},
	{pattern: "GET /wxaapi/wxaembedded/get_own_list", answer: M{"wxa_embedded_list": []M{{"appid": "wxfake0000000003", "nickname": "fake", "headimg": "http://mmbiz.qpic.cn/fake"}}, "total_num": 1}},
}

func registerWxaMore(s *Server) {
	for _, e := range wxaCannedList {
		if e.upload != "" {
			s.HandleJSON(e.pattern, func(r *Request) (any, error) {
				if err := r.HTTP.ParseMultipartForm(1 << 20); err != nil {
					return nil, Errorf(CodeMediaDataMissing, "media data missing")
				}
				f, _, err := r.HTTP.FormFile(e.upload)
				if err != nil {
					return nil, Errorf(CodeMediaDataMissing, "media data missing")
				}
				f.Close()
				return OK(e.answer), nil
			})
			continue
		}
		s.HandleJSON(e.pattern, func(r *Request) (any, error) {
			if strings.HasPrefix(e.pattern, http.MethodPost) {
				in, err := r.JSON()
				if err != nil {
					return nil, err
				}
				for _, k := range e.required {
					if v, ok := in[k]; !ok || v == nil || v == "" {
						return nil, Errorf(CodeInvalidArgs, "invalid args: %s", k)
					}
				}
			}
			if e.answer == nil {
				return nil, nil
			}
			out := OK(e.answer)
			if _, ok := out["appid"]; ok && out["appid"] == "" {
				out["appid"] = r.AppID
			}
			return out, nil
		})
	}
}
