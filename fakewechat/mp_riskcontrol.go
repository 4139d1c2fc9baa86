package fakewechat

// Dynamic messages (/cgi-bin/message/wxopen/*), user risk rank
// (/wxa/getuserriskrank) and SOTER signatures (/cgi-bin/soter/verify_signature)
// are canned: each checks its documented required fields (40097 "invalid
// args: NAME"; activityid/create needs openid or unionid in the query) and
// answers the documentation's example.
func init() {
	wxaCannedList = append(wxaCannedList,
		wxaCanned{pattern: "POST /cgi-bin/message/wxopen/updatablemsg/send", required: []string{"activity_id", "target_state", "template_info"}},
		wxaCanned{pattern: "POST /wxa/getuserriskrank", required: []string{"appid", "openid", "scene", "client_ip"}, answer: M{"risk_rank": 0, "unoin_id": 123456}},
		wxaCanned{pattern: "POST /cgi-bin/soter/verify_signature", required: []string{"openid", "json_string", "json_signature"}, answer: M{"is_ok": true}},
	)
	builtin = append(builtin, func(s *Server) {
		s.HandleJSON("GET /cgi-bin/message/wxopen/activityid/create", func(r *Request) (any, error) {
			if r.Query.Get("openid") == "" && r.Query.Get("unionid") == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: openid")
			}
			return OK(M{"activity_id": "966_NGiqxxxxxxxxxxxxxx", "expiration_time": r.Now().Unix() + 86400}), nil
		})
	})
}
