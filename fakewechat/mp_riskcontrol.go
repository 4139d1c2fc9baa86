package fakewechat

// User risk rank (/wxa/getuserriskrank) and SOTER signatures
// (/cgi-bin/soter/verify_signature) are canned: each checks its documented
// required fields (40097 "invalid args: NAME") and answers the
// documentation's example. Dynamic messages are in mp_updatablemsg.go.
func init() {
	wxaCannedList = append(wxaCannedList,
		wxaCanned{pattern: "POST /wxa/getuserriskrank", required: []string{"appid", "openid", "scene", "client_ip"}, answer: M{"risk_rank": 0, "unoin_id": 123456}},
		wxaCanned{pattern: "POST /cgi-bin/soter/verify_signature", required: []string{"openid", "json_string", "json_signature"}, answer: M{"is_ok": true}},
	)
}
