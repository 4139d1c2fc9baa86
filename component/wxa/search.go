package wxa

import "context"

var (
	searchChange = post("/wxa/changewxasearchstatus")
	searchGet    = get("/wxa/getwxasearchstatus")
)

// SetSearchable lets users find the mini program by search (true) or not.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/setSearchStatus.html
func (s *SearchService) SetSearchable(ctx context.Context, searchable bool) error {
	status := 1 // 1: not searchable
	if searchable {
		status = 0
	}
	body := struct {
		Status int `json:"status"`
	}{status}
	return (*service)(s).do(ctx, searchChange, body)
}

// Searchable reports whether users can find the mini program by search.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/getSearchStatus.html
func (s *SearchService) Searchable(ctx context.Context) (bool, error) {
	out, err := call[struct {
		Status int `json:"status"`
	}](ctx, s.c, searchGet, nil, nil)
	if err != nil {
		return false, err
	}
	return out.Status == 0, nil
}
