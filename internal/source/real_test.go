package source

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/testcorpus"
)

// TestRealFiles runs the whole-file cases in testdata/real, cut from real
// reports. Each txtar archive has input.txt and, each optional: title and
// date (Source.Title and Source.Date, one line), meta (Source.Meta, one
// "label=value" a line, complete), codes (every finding, "line:code" a
// line, "!" for a warning), paras (every paragraph, "line:text" a line)
// and absent (strings no paragraph may hold).
func TestRealFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/real/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			sec, err := testcorpus.Sections(f)
			if err != nil {
				t.Fatal(err)
			}
			s, err := ReadText(f, []byte(sec["input.txt"]))
			if err != nil {
				t.Fatal(err)
			}
			checkReal(t, s, sec)
		})
	}
}

func checkReal(t *testing.T, s *Source, sec map[string]string) {
	t.Helper()
	for name, got := range map[string]string{"title": s.Title, "date": s.Date} {
		if want, ok := sec[name]; ok && got != strings.TrimSpace(want) {
			t.Errorf("%s: got %q, want %q", name, got, strings.TrimSpace(want))
		}
	}
	if want, ok := sec["meta"]; ok {
		m := map[string]string{}
		for _, l := range realLines(want) {
			k, v, _ := strings.Cut(l, "=")
			m[k] = v
		}
		if !maps.Equal(s.Meta, m) {
			t.Errorf("meta:\n got %v\nwant %v", s.Meta, m)
		}
	}
	if want, ok := sec["codes"]; ok && !slices.Equal(findingCodes(s.Findings), realLines(want)) {
		t.Errorf("codes:\n got %q\nwant %q\n%s", findingCodes(s.Findings), realLines(want), formatFindings(s.Findings))
	}
	if want, ok := sec["paras"]; ok && !slices.Equal(paraStrings(s.Paras), realLines(want)) {
		t.Errorf("paras:\n got %q\nwant %q", paraStrings(s.Paras), realLines(want))
	}
	text := allText(s.Paras)
	for _, a := range realLines(sec["absent"]) {
		if strings.Contains(text, a) {
			t.Errorf("the text still has %q", a)
		}
	}
}

// realLines returns the non-blank lines of s.
func realLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}
