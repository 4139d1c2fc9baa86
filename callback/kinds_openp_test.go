package callback

import (
	"os"
	"testing"
)

func TestCategoryAudit(t *testing.T) {
	body, err := os.ReadFile("testdata/pushes/mp_wxa_category_audit.xml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseXML(body)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := m.CategoryAudit()
	if !ok || a.Ret != 2 || a.First != 304 || a.Second != 305 || a.Reason != "资质不符合要求" {
		t.Fatalf("CategoryAudit = %+v, %v", a, ok)
	}
	if _, ok := m.WeappAudit(); ok {
		t.Fatal("a category audit read as a code audit")
	}
}
