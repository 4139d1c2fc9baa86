package fakewechat

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Mini program search (小程序搜索): pages submitted with
// search/wxaapi_submitpages (or MPAddSearchPages) become searchable by
// sitesearch, which matches the keyword in path, query or title and pages
// the results by MPSearchPageSize with an opaque next_page_info;
// imagesearch answers the products registered with MPAddProducts whose
// title appears in the uploaded image bytes.
func init() { builtin = append(builtin, registerMPSearch) }

// MPSearchPageSize is the number of sitesearch results per page.
const MPSearchPageSize = 10

// MPSearchPage is an indexed page of the fake search.
type MPSearchPage struct {
	Path, Query, Title, Description, Image string
}

// MPProduct is a product page image search can find.
type MPProduct struct {
	Title, ImgURL, Price, Path string
}

type mpSearch struct {
	mu       sync.Mutex
	pages    []MPSearchPage
	products []MPProduct
}

func (s *Server) mpSearch(appid string) *mpSearch {
	return Value(s.State(appid), "mp.search", func() *mpSearch { return &mpSearch{} })
}

// MPAddSearchPages indexes pages for sitesearch.
func (s *Server) MPAddSearchPages(appid string, pages ...MPSearchPage) {
	st := s.mpSearch(appid)
	st.mu.Lock()
	st.pages = append(st.pages, pages...)
	st.mu.Unlock()
}

// MPAddProducts registers products for imagesearch.
func (s *Server) MPAddProducts(appid string, products ...MPProduct) {
	st := s.mpSearch(appid)
	st.mu.Lock()
	st.products = append(st.products, products...)
	st.mu.Unlock()
}

// MPSearchPages returns the indexed pages of appid.
func (s *Server) MPSearchPages(appid string) []MPSearchPage {
	st := s.mpSearch(appid)
	st.mu.Lock()
	defer st.mu.Unlock()
	return slices.Clone(st.pages)
}

func registerMPSearch(s *Server) {
	s.HandleJSON("POST /wxa/search/wxaapi_submitpages", func(r *Request) (any, error) {
		var in struct {
			Pages []struct{ Path, Query string } `json:"pages"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.Pages) == 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: pages empty")
		}
		var add []MPSearchPage
		for _, p := range in.Pages {
			if p.Path == "" || strings.HasPrefix(p.Path, "/") {
				return nil, Errorf(CodeInvalidArgs, "invalid args: page path")
			}
			add = append(add, MPSearchPage{Path: p.Path, Query: p.Query, Title: p.Path})
		}
		s.MPAddSearchPages(r.AppID, add...)
		return nil, nil
	})
	s.HandleJSON("POST /wxa/sitesearch", func(r *Request) (any, error) {
		var in struct {
			Keyword      string `json:"keyword"`
			NextPageInfo string `json:"next_page_info"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Keyword == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: keyword empty")
		}
		start := 0
		if in.NextPageInfo != "" {
			n, err := strconv.Atoi(strings.TrimPrefix(in.NextPageInfo, "cursor-"))
			if err != nil || n < 0 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: next_page_info")
			}
			start = n
		}
		st := s.mpSearch(r.AppID)
		st.mu.Lock()
		var hits []M
		for _, p := range st.pages {
			if strings.Contains(p.Path+"?"+p.Query+" "+p.Title, in.Keyword) {
				hits = append(hits, M{"title": p.Title, "description": p.Description, "image": p.Image, "path": p.Path + "?" + p.Query})
			}
		}
		st.mu.Unlock()
		end := min(start+MPSearchPageSize, len(hits))
		page := hits[min(start, len(hits)):end]
		if page == nil {
			page = []M{}
		}
		out := M{"items": page, "hit_count": len(hits), "has_next_page": 0, "next_page_info": ""}
		if end < len(hits) {
			out["has_next_page"], out["next_page_info"] = 1, "cursor-"+strconv.Itoa(end)
		}
		return OK(out), nil
	})
	s.HandleRaw("POST /wxa/imagesearch", func(w http.ResponseWriter, r *Request) {
		_, data, e := mpUpload(r, "img")
		if e != nil {
			s.WriteError(w, r.HTTP, e)
			return
		}
		st := s.mpSearch(r.AppID)
		st.mu.Lock()
		items := []M{}
		for _, p := range st.products {
			if bytes.Contains(data, []byte(p.Title)) {
				items = append(items, M{"title": p.Title, "img_url": p.ImgURL, "price": p.Price, "path": p.Path})
			}
		}
		st.mu.Unlock()
		WriteJSON(w, http.StatusOK, OK(M{"items": items}))
	})
}
