package archive

import (
	"testing"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/testcorpus"
)

// TestRealReports runs the index and Compare on every report input the
// repository holds (the seed, the quirks corpus, the .docx): every report
// is listed once by place and once by year, and everything a comparison
// links to is where it says. All reports are also compared as if they were
// one place's, to try the matching on real text.
func TestRealReports(t *testing.T) {
	inputs, err := testcorpus.Inputs()
	if err != nil {
		t.Fatal(err)
	}
	var metas []report.Meta
	bySlug := map[string]Report{}
	var all []Report
	for name, data := range inputs {
		doc, _, err := outline.Import(name, data)
		if err != nil {
			continue // a case that is no report
		}
		doc.Meta.Slug = name // unique, where import's slugs need not be
		r := Report{Meta: doc.Meta, Doc: doc, Indicators: indicator.Extract(doc)}
		metas = append(metas, doc.Meta)
		bySlug[name] = r
		all = append(all, r)
	}
	if len(metas) < 10 {
		t.Fatalf("only %d reports imported", len(metas))
	}
	ix := NewIndex(metas)
	seen := map[string]int{}
	for _, p := range ix.Places {
		for _, m := range p.Reports {
			seen[m.Slug]++
		}
		var rs []Report
		for _, m := range p.Reports {
			rs = append(rs, bySlug[m.Slug])
		}
		checkRefs(t, rs, Compare(rs))
	}
	for _, m := range ix.Unplaced {
		seen[m.Slug]++
	}
	byYear := map[string]int{}
	for _, y := range ix.Years {
		for _, m := range y.Reports {
			byYear[m.Slug]++
			if m.Year != y.Year {
				t.Errorf("%s (%d) listed under %d", m.Slug, m.Year, y.Year)
			}
		}
	}
	for _, m := range metas {
		if seen[m.Slug] != 1 || byYear[m.Slug] != 1 {
			t.Errorf("%s: listed %d times by place, %d by year", m.Slug, seen[m.Slug], byYear[m.Slug])
		}
	}
	c := Compare(all)
	t.Logf("%d reports, %d places, %d unplaced; all as one: %d series, %d promises, %d projects", len(metas), len(ix.Places), len(ix.Unplaced), len(c.Series), len(c.Promises), len(c.Projects))
	checkRefs(t, all, c)
}
