package outline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/txtar"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/typo"
)

// allInputs returns the seed and every corpus input, by name.
func allInputs(t testing.TB) map[string][]byte {
	t.Helper()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{"seed": seed}
	docx, _ := filepath.Glob("../source/testdata/docx/*.docx")
	for _, f := range docx {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = data
	}
	files, _ := filepath.Glob("testdata/quirks/*.txtar")
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name == "input.txt" {
				out[filepath.Base(f)] = file.Data
			}
		}
	}
	return out
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// firstDiff describes where two texts first differ, with context.
func firstDiff(want, got string) string {
	w, g := []rune(want), []rune(got)
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	ctx := func(r []rune) string { return string(r[max(0, i-15):min(len(r), i+15)]) }
	return fmt.Sprintf("at rune %d:\n", i) + "  source: …" + ctx(w) + "…\n  output: …" + ctx(g) + "…"
}

// TestNoTextLost: the report's text after the outline stage is the
// source's text (wrappers already removed by the reader), normalised and
// nothing else: no character dropped, added or moved.
func TestNoTextLost(t *testing.T) {
	for name, data := range allInputs(t) {
		src, err := source.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		for _, p := range src.Paras {
			for _, row := range p.Rows {
				for _, c := range row {
					n, _ := typo.Normalize(strings.ReplaceAll(c, "\n", " "))
					want.WriteString(n)
				}
			}
			n, _ := typo.Normalize(p.Text)
			want.WriteString(n)
		}
		doc, _ := Build(src)
		got := doc.Meta.Title + doc.Meta.Subtitle + doc.Meta.Speaker + doc.Text()
		if title := src.Title; doc.Meta.Title == title && !strings.Contains(noSpace(want.String()), noSpace(title)) {
			got = got[len(title):] // a title known only from the header line
		}
		if w, g := noSpace(want.String()), noSpace(got); w != g {
			t.Errorf("%s: text changed %s", name, firstDiff(w, g))
		}
	}
}

// TestDeterministic: the same input gives the same document.
func TestDeterministic(t *testing.T) {
	for name, data := range allInputs(t) {
		a, fa := buildBytes(t, name, data)
		b, fb := buildBytes(t, name, data)
		if a.Text() != b.Text() || Format(a) != Format(b) || len(fa) != len(fb) {
			t.Errorf("%s: two builds differ", name)
		}
	}
}

func buildBytes(t *testing.T, name string, data []byte) (*report.Doc, []report.Finding) {
	src, err := source.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return Build(src)
}
