package outline

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/testcorpus"
)

// TestQuirks runs every case of the corpus in testdata/quirks (see its
// README): each input must give the outline written by hand, report the
// listed finding codes, and keep or drop the listed strings.
func TestQuirks(t *testing.T) {
	files, _ := filepath.Glob("testdata/quirks/*.txtar")
	if len(files) < 20 {
		t.Fatalf("only %d corpus files", len(files))
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			sec, err := testcorpus.Sections(f)
			if err != nil {
				t.Fatal(err)
			}
			src, err := source.ReadText(f, []byte(sec["input.txt"]))
			if err != nil {
				t.Fatal(err)
			}
			doc, fs := Build(src)
			fs = append(fs, src.Findings...)
			want := strings.ReplaceAll(sec["outline"], "⇥", "\t")
			if got := Format(doc); got != want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, want)
			}
			for _, code := range lines(sec["lint"]) {
				if !hasCode(fs, code) {
					t.Errorf("no %q finding; got %s", code, codes(fs))
				}
			}
			body := strings.Join(strings.Fields(doc.Meta.Title+doc.Meta.Subtitle+doc.Meta.Speaker+doc.Text()), "")
			for _, s := range lines(sec["contains"]) {
				if !strings.Contains(body, strings.Join(strings.Fields(s), "")) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range lines(sec["absent"]) {
				if strings.Contains(body, s) {
					t.Errorf("body still has %q", s)
				}
			}
			checkFront(t, doc, sec)
		})
	}
}

// checkFront checks the optional sections front (key=value lines, each a
// front matter value that must be as given; an empty value must be empty)
// and notice (the notice's paragraphs, one a line, in order).
func checkFront(t *testing.T, doc *report.Doc, sec map[string]string) {
	t.Helper()
	got := frontValues(doc.Meta)
	for _, l := range lines(sec["front"]) {
		k, want, _ := strings.Cut(l, "=")
		if v, ok := got[k]; !ok {
			t.Errorf("front: no key %q", k)
		} else if v != want {
			t.Errorf("front: %s = %q, want %q", k, v, want)
		}
	}
	if want, ok := sec["notice"]; ok {
		var notice []string
		for _, b := range doc.Blocks {
			if b.Kind == report.Notice {
				notice = append(notice, b.Text)
			}
		}
		if !slices.Equal(notice, lines(want)) {
			t.Errorf("notice:\n got %q\nwant %q", notice, lines(want))
		}
	}
}

// frontValues are a report's front matter values by their key.
func frontValues(m report.Meta) map[string]string {
	year := ""
	if m.Year != 0 {
		year = strconv.Itoa(m.Year)
	}
	return map[string]string{"title": m.Title, "subtitle": m.Subtitle, "speaker": m.Speaker, "date": m.Date, "year": year,
		"place": m.Place, "index_no": m.IndexNo, "publisher": m.Publisher, "written_date": m.WrittenDate, "pub_date": m.PubDate,
		"doc_no": m.DocNo, "topic": m.Topic, "disclosure": m.Disclosure, "validity": m.Validity}
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimRight(l, "\r"); strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func codes(fs []report.Finding) string {
	seen := map[string]bool{}
	var out []string
	for _, f := range fs {
		if !seen[f.Code] {
			seen[f.Code] = true
			out = append(out, f.Code)
		}
	}
	return strings.Join(out, ",")
}
