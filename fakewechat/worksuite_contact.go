package fakewechat

import (
	"slices"
	"strings"
)

// contactQuery is one search of contact/search and contact/batchsearch.
type contactQuery struct {
	AuthCorpID string `json:"auth_corpid"`
	QueryWord  string `json:"query_word"`
	QueryType  int    `json:"query_type"`
	Offset     int    `json:"offset"`
	Limit      int    `json:"limit"`
}

// search matches userids and department names of corp containing the
// query word (the fake has no pinyin); query_type 1 users only, 2
// departments only.
func (s *Server) contactSearch(corp string, q contactQuery) (M, *Error) {
	if q.QueryWord == "" || q.QueryType < 0 || q.QueryType > 2 || q.Limit < 0 || q.Limit > 200 || q.Offset < 0 {
		return nil, ErrCode(CodeInvalidArgs)
	}
	if q.Limit == 0 {
		q.Limit = 50
	}
	d := s.wecomDir(corp)
	d.mu.Lock()
	var users []string
	var depts []int64
	if q.QueryType != 2 {
		for _, id := range d.order {
			if u := d.users[id]; u != nil && strings.Contains(id, q.QueryWord) {
				users = append(users, id)
			}
		}
	}
	if q.QueryType != 1 {
		for id, dep := range d.depts {
			if strings.Contains(dep.Name, q.QueryWord) {
				depts = append(depts, id)
			}
		}
	}
	d.mu.Unlock()
	slices.Sort(depts)
	total := len(users) + len(depts)
	page := func(l []string) []string {
		lo, hi := min(q.Offset, len(l)), min(q.Offset+q.Limit, len(l))
		return append([]string{}, l[lo:hi]...)
	}
	u := page(users)
	open := make([]string, len(u))
	for i, id := range u {
		open[i] = openID("wo", corp+id)
	}
	dl := []int64{}
	for i, id := range depts {
		if i >= q.Offset && i < q.Offset+q.Limit {
			dl = append(dl, id)
		}
	}
	return M{"query_result": M{"user": M{"userid": u, "open_userid": open}, "party": M{"department_id": dl}},
		"is_last": q.Offset+q.Limit >= total}, nil
}

func init() { builtin = append(builtin, registerWorkSuiteContact) }

func registerWorkSuiteContact(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/91844
	s.HandleJSON(WeComPath("POST /cgi-bin/service/contact/search"), onProvider(s, func(r *Request, p string, in *contactQuery, w *suiteWorld) (any, error) {
		if in.AuthCorpID == "" {
			return nil, ErrCode(CodeWeComInvalidCorpID)
		}
		out, err := s.contactSearch(in.AuthCorpID, *in)
		if err != nil {
			return nil, err
		}
		return OK(out), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/91850
	s.HandleJSON(WeComPath("POST /cgi-bin/service/contact/batchsearch"), onProvider(s, func(r *Request, p string, in *struct {
		AuthCorpID string         `json:"auth_corpid"`
		List       []contactQuery `json:"query_request_list"`
	}, w *suiteWorld) (any, error) {
		if in.AuthCorpID == "" {
			return nil, ErrCode(CodeWeComInvalidCorpID)
		}
		if len(in.List) == 0 || len(in.List) > 50 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		res := make([]M, len(in.List))
		for i, q := range in.List {
			out, err := s.contactSearch(in.AuthCorpID, q)
			if err != nil {
				return nil, err
			}
			out["query_request"] = M{"query_word": q.QueryWord, "query_type": q.QueryType, "offset": q.Offset, "limit": q.Limit}
			res[i] = out
		}
		return OK(M{"query_result_list": res, "is_last": true}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/92093
	s.HandleJSON(WeComPath("POST /cgi-bin/service/contact/sort"), onProvider(s, func(r *Request, p string, in *struct {
		AuthCorpID string   `json:"auth_corpid"`
		SortType   int      `json:"sort_type"`
		UserIDList []string `json:"useridlist"`
	}, w *suiteWorld) (any, error) {
		if in.AuthCorpID == "" {
			return nil, ErrCode(CodeWeComInvalidCorpID)
		}
		if len(in.UserIDList) == 0 || len(in.UserIDList) > 1000 || (in.SortType != 0 && in.SortType != 1) {
			return nil, ErrCode(CodeInvalidArgs)
		}
		l := slices.Clone(in.UserIDList)
		slices.Sort(l)
		if in.SortType == 1 {
			slices.Reverse(l)
		}
		return OK(M{"useridlist": l}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/91909
	s.HandleJSON(WeComPath("POST /cgi-bin/service/prolong_try"), onSuite(s, func(r *Request, suite string, in *struct {
		BuyerCorpID string `json:"buyer_corpid"`
		ProlongDays int    `json:"prolong_days"`
	}, w *suiteWorld) (any, error) {
		if _, ok := w.installs[suite][in.BuyerCorpID]; !ok {
			return nil, ErrCode(CodeSuiteNotAuthorized)
		}
		if in.ProlongDays <= 0 || in.ProlongDays > 60 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		return OK(M{"try_end_time": r.Now().Unix() + int64(in.ProlongDays)*86400}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/90619
	// The fake has no app-market orders: the list is empty.
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_order_list"), onSuite(s, func(r *Request, suite string, in *struct {
		StartTime int64 `json:"start_time"`
		EndTime   int64 `json:"end_time"`
	}, w *suiteWorld) (any, error) {
		if in.StartTime <= 0 || in.EndTime < in.StartTime {
			return nil, ErrCode(CodeInvalidArgs)
		}
		return OK(M{"order_list": []M{}}), nil
	}), Public())
}

func init() { builtin = append(builtin, registerOpenUserID) }

func registerOpenUserID(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/95327
	s.HandleJSON(WeComPath("POST /cgi-bin/batch/userid_to_openuserid"), func(r *Request) (any, error) {
		var in struct {
			UserIDList []string `json:"userid_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.UserIDList) == 0 || len(in.UserIDList) > 1000 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		corp, _ := wecomCaller(r)
		d := s.wecomDir(corp)
		d.mu.Lock()
		defer d.mu.Unlock()
		list, invalid := []M{}, []string{}
		for _, id := range in.UserIDList {
			if d.users[id] == nil {
				invalid = append(invalid, id)
				continue
			}
			list = append(list, M{"userid": id, "open_userid": openID("wo", corp+id)})
		}
		return OK(M{"open_userid_list": list, "invalid_userid_list": invalid}), nil
	})
}
