package fakewechat

// Cloud base (云开发, /tcb/*): invokecloudfunction needs env and name in
// the query and a JSON body, and answers the body back as resp_data; the
// database and storage endpoints are canned: each checks its documented
// required body fields (40097 "invalid args: NAME") and answers the
// documentation's example.
func init() {
	wxaCannedList = append(wxaCannedList, mpCloudBaseCanned...)
	builtin = append(builtin, func(s *Server) {
		s.HandleJSON("POST /tcb/invokecloudfunction", func(r *Request) (any, error) {
			if r.Query.Get("env") == "" || r.Query.Get("name") == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: env, name")
			}
			if _, err := r.JSON(); err != nil {
				return nil, err
			}
			return OK(M{"resp_data": string(r.Body)}), nil
		})
	})
}

var mpCloudBaseCanned = []wxaCanned{
	{pattern: "POST /tcb/databasequery", required: []string{"env", "query"}, answer: M{"pager": M{"Offset": 0, "Limit": 10, "Total": 2},
		"data": []string{`{"_id":"be62d9c4-43ec-4dc6-8ca1-30b206eeed1f","description":"write a novel","done":false}`, `{"_id":"0f457f2c-8a5f-4b95-a4ae-3e6ea4ef93d2","description":"learn cloud base","done":true}`}}},
	{pattern: "POST /tcb/databaseadd", required: []string{"env", "query"}, answer: M{"id_list": []string{"be62d9c4-43ec-4dc6-8ca1-30b206eeed1f", "0f457f2c-8a5f-4b95-a4ae-3e6ea4ef93d2"}}},
	{pattern: "POST /tcb/databaseupdate", required: []string{"env", "query"}, answer: M{"matched": 1, "modified": 1, "id": ""}},
	{pattern: "POST /tcb/databasedelete", required: []string{"env", "query"}, answer: M{"deleted": 1}},
	{pattern: "POST /tcb/databasecount", required: []string{"env", "query"}, answer: M{"count": 2}},
	{pattern: "POST /tcb/databaseaggregate", required: []string{"env", "query"}, answer: M{"data": []string{`{"_id":"science","count":2}`}}},
	{pattern: "POST /tcb/databasecollectionadd", required: []string{"env", "collection_name"}},
	{pattern: "POST /tcb/databasecollectiondelete", required: []string{"env", "collection_name"}},
	{pattern: "POST /tcb/databasecollectionget", required: []string{"env"}, answer: M{"pager": M{"Offset": 0, "Limit": 10, "Total": 1},
		"collections": []M{{"name": "geo", "count": 13, "size": 2469, "index_count": 1, "index_size": 36864}}}},
	{pattern: "POST /tcb/uploadfile", required: []string{"env", "path"}, answer: M{"url": "https://cos.ap-shanghai.myqcloud.com/7465-test/test.jpg",
		"token": "Cukha70zkXIBqkh1OhUIFqkUxF", "authorization": "q-sign-algorithm=sha1&q-ak=AKID", "file_id": "cloud://test.7465-test/test.jpg", "cos_file_id": "HDze32/qZENCwWi5N5akgoHSJUdZ6"}},
	{pattern: "POST /tcb/batchdownloadfile", required: []string{"env", "file_list"}, answer: M{"file_list": []M{{"fileid": "cloud://test.7465-test/test.jpg",
		"download_url": "https://7465-test.tcb.qcloud.la/test.jpg", "status": 0, "errmsg": "ok"}}}},
	{pattern: "POST /tcb/batchdeletefile", required: []string{"env", "fileid_list"}, answer: M{"delete_list": []M{{"fileid": "cloud://test.7465-test/test.jpg", "status": 0, "errmsg": "ok"}}}},
}
