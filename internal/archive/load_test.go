package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/outline"
)

// loadReports imports the made-up reports in testdata/reports (plain text,
// as an editor would give them) with the product's own import and indicator
// extraction, by file name.
func loadReports(t testing.TB) map[string]Report {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "reports", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test reports: %v", err)
	}
	out := map[string]Report{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := outline.Import(filepath.Base(p), data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		doc.Meta.Slug = strings.TrimSuffix(filepath.Base(p), ".txt") // two of one year need two slugs
		out[filepath.Base(p)] = Report{Meta: doc.Meta, Doc: doc, Indicators: indicator.Extract(doc)}
	}
	return out
}

// reportsOfFiles returns the named reports.
func reportsOfFiles(t testing.TB, all map[string]Report, names ...string) []Report {
	t.Helper()
	var rs []Report
	for _, n := range names {
		r, ok := all[n]
		if !ok {
			t.Fatalf("no test report %s", n)
		}
		rs = append(rs, r)
	}
	return rs
}
