package fakewechat

import (
	"strconv"
	"testing"
)

// FuzzWcPage pages with untrusted cursors and limits: never a panic, a page
// within bounds, and a next cursor past the page.
func FuzzWcPage(f *testing.F) {
	f.Add("", 0, 10)
	f.Add("3", 2, 10)
	f.Add("-1", 5, 10)
	f.Add("99999999999999999999", 1, 3)
	f.Add("abc", 1000, 0)
	f.Fuzz(func(t *testing.T, cursor string, limit, n int) {
		n = min(max(n, 0), 500)
		items := make([]int, n)
		for i := range items {
			items[i] = i
		}
		page, next, e := wcPage(items, cursor, limit, 10, 100)
		if e != nil {
			if e.Code != wcCodeInvalidParameter {
				t.Fatalf("errcode %d", e.Code)
			}
			return
		}
		if len(page) > 100 {
			t.Fatalf("page of %d", len(page))
		}
		if next != "" {
			nn, err := strconv.Atoi(next)
			if err != nil || nn > n || (len(page) > 0 && nn != page[len(page)-1]+1) {
				t.Fatalf("next %q after %v (n=%d)", next, page, n)
			}
		}
	})
}
