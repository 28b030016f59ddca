package outline

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/testcorpus"
)

// TestBundledSources: every report in sources/ imports with no text lost,
// a page name made of the year it reviews and its place, and a report
// given early in a year reviewing the year before; those listed in
// testdata/sources.tsv give the front and the number of parts and sections
// written there, checked by hand against the text.
func TestBundledSources(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testcorpus.Root(), "sources", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no sources")
	}
	for _, f := range files {
		t.Run("invariants/"+filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, _, err := Import(f, data)
			if err != nil {
				t.Fatal(err)
			}
			checkSlugYear(t, doc.Meta)
			src, err := source.Read(f, data)
			if err != nil {
				t.Fatal(err)
			}
			built, _ := Build(src)
			want := sourceText(src, built.Meta.Speaker)
			if w, g := noSpace(want), noSpace(docText(src, built, want)); w != g {
				t.Errorf("text changed %s", firstDiff(w, g))
			}
		})
	}
	for _, row := range sourceRows(t) {
		t.Run("front/"+row["file"], func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(testcorpus.Root(), "sources", row["file"]))
			if err != nil {
				t.Fatal(err)
			}
			doc, _, err := Import(row["file"], data)
			if err != nil {
				t.Fatal(err)
			}
			got := frontValues(doc.Meta)
			got["slug"] = doc.Meta.Slug
			got["parts"], got["sections"] = countLevels(doc.Blocks)
			for _, k := range []string{"title", "subtitle", "speaker", "date", "year", "place", "slug", "parts", "sections"} {
				if got[k] != row[k] {
					t.Errorf("%s = %q, want %q", k, got[k], row[k])
				}
			}
		})
	}
}

// checkSlugYear checks the page name against the year and place, and the
// year against the day the report was given.
func checkSlugYear(t *testing.T, m report.Meta) {
	t.Helper()
	if m.Place != "" && m.Slug != Slug(m.Year, m.Place) {
		t.Errorf("slug %q, want %q from year %d and place %s", m.Slug, Slug(m.Year, m.Place), m.Year, m.Place)
	}
	if !strings.HasPrefix(m.Slug, strconv.Itoa(m.Year)+"-") {
		t.Errorf("slug %q does not lead with the year reviewed, %d", m.Slug, m.Year)
	}
	if len(m.Date) == 10 && m.Date[5:7] <= "06" && m.Date[:4] != strconv.Itoa(m.Year+1) {
		t.Errorf("given on %s, the report reviews %d", m.Date, m.Year)
	}
}

// countLevels counts the parts (一、 and unnumbered headings) and the
// sections of a document.
func countLevels(blocks []report.Block) (parts, sections string) {
	var p, s int
	for _, b := range blocks {
		switch b.Kind {
		case report.Part, report.Heading:
			p++
		case report.Section:
			s++
		}
	}
	return strconv.Itoa(p), strconv.Itoa(s)
}

// sourceRows reads testdata/sources.tsv: a header line, then one report a
// line; lines starting with # are comments.
func sourceRows(t *testing.T) []map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sources.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var header []string
	var rows []map[string]string
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cells := strings.Split(l, "\t")
		if header == nil {
			header = cells
			continue
		}
		if len(cells) != len(header) {
			t.Fatalf("sources.tsv: %d cells in %q, want %d", len(cells), l, len(header))
		}
		row := map[string]string{}
		for i, h := range header {
			row[h] = cells[i]
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		t.Fatal("sources.tsv: no rows")
	}
	return rows
}
