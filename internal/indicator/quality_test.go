package indicator

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
)

const seedPath = "../../sources/000_08af8ba22e60be61.txt"

// The acceptance thresholds, per input.
const (
	minPrecision = 0.97
	minRecall    = 0.97
	minLabels    = 0.90
	minKinds     = 0.95
)

// qualityInputs pairs each input with the quantities written by hand for it.
var qualityInputs = []struct{ input, truth string }{
	{seedPath, "testdata/seed.tsv"},
	{"testdata/county.txt", "testdata/county.tsv"},
	{"testdata/plan.txt", "testdata/plan.tsv"},
	{"testdata/messy.txt", "testdata/messy.tsv"},
	{"testdata/street.txt", "testdata/street.tsv"},     // holdout: written after the rules
	{"testdata/township.txt", "testdata/township.tsv"}, // holdout: written after the rules
}

// truth is one quantity a person found in an input.
type truth struct {
	line            int
	clause, written string
	value           string // "null", "12", or "3~5"
	unit, qualifier string
	redacted        bool
	labels          []string // any of them is right
	kind            string
}

// TestQuality measures Extract against the hand-written truth of each
// input: precision and recall on value, unit, qualifier and redaction, and
// the share of right labels (and kinds) among the quantities found.
func TestQuality(t *testing.T) {
	for _, in := range qualityInputs {
		t.Run(filepath.Base(in.input), func(t *testing.T) {
			want := readTruth(t, in.truth)
			got := Extract(buildDoc(t, in.input))
			s := score(want, got)
			t.Logf("%s: %d expected, %d extracted; precision %.3f recall %.3f labels %.3f kinds %.3f",
				in.input, len(want), len(got), s.precision(len(got)), s.recall(len(want)), s.labels(), s.kinds())
			for _, m := range s.notes {
				t.Log(m)
			}
			if s.precision(len(got)) < minPrecision || s.recall(len(want)) < minRecall ||
				s.labels() < minLabels || s.kinds() < minKinds {
				t.Errorf("below the bar: precision ≥ %.2f, recall ≥ %.2f, labels ≥ %.2f, kinds ≥ %.2f",
					minPrecision, minRecall, minLabels, minKinds)
			}
		})
	}
}

// scores counts the outcome of matching extracted quantities to the truth.
type scores struct {
	right, matched, labelsRight, kindsRight int
	notes                                   []string // the misses, to print
}

func (s scores) precision(got int) float64 { return ratio(s.right, got) }
func (s scores) recall(want int) float64   { return ratio(s.right, want) }
func (s scores) labels() float64           { return ratio(s.labelsRight, s.matched) }
func (s scores) kinds() float64            { return ratio(s.kindsRight, s.matched) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// score matches each truth to the first unmatched indicator whose clause
// contains the truth's clause and whose figure is written the same, then
// compares what was read from it.
func score(want []truth, got []Indicator) scores {
	var s scores
	used := make([]bool, len(got))
	for _, w := range want {
		i := findMatch(w, got, used)
		if i < 0 {
			s.notes = append(s.notes, fmt.Sprintf("MISSED  line %d: %s %q in %q", w.line, w.written, w.label(), w.clause))
			continue
		}
		used[i] = true
		g := got[i]
		s.matched++
		if sameReading(w, g) {
			s.right++
		} else {
			s.notes = append(s.notes, fmt.Sprintf("WRONG   line %d: %s want %s %s %q redacted=%v, got %s %s %q redacted=%v",
				w.line, w.written, w.value, w.unit, w.qualifier, w.redacted, tsvValue(g), g.Unit, g.Qualifier, g.Redacted))
		}
		if w.hasLabel(g.Label) {
			s.labelsRight++
		} else {
			s.notes = append(s.notes, fmt.Sprintf("LABEL   line %d: %s want %q, got %q", w.line, w.written, w.label(), g.Label))
		}
		if w.kind == "" || w.kind == g.Kind {
			s.kindsRight++
		} else {
			s.notes = append(s.notes, fmt.Sprintf("KIND    line %d: %s want %s, got %s", w.line, w.written, w.kind, g.Kind))
		}
	}
	for i, g := range got {
		if !used[i] {
			s.notes = append(s.notes, fmt.Sprintf("EXTRA   %s: %s %q in %q", g.Anchor, g.Written, g.Label, g.Text))
		}
	}
	return s
}

func findMatch(w truth, got []Indicator, used []bool) int {
	for i, g := range got {
		if !used[i] && g.Written == w.written && strings.Contains(g.Text, w.clause) {
			return i
		}
	}
	return -1
}

func sameReading(w truth, g Indicator) bool {
	return sameValue(w.value, g) && w.unit == g.Unit && w.qualifier == g.Qualifier && w.redacted == g.Redacted
}

func sameValue(want string, g Indicator) bool {
	lo, hi, isRange := strings.Cut(want, "~")
	if want == "null" {
		return g.Value == nil
	}
	if !closeTo(lo, g.Value) {
		return false
	}
	if isRange {
		return closeTo(hi, g.Upper)
	}
	return g.Upper == nil
}

func closeTo(s string, v *float64) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && v != nil && math.Abs(f-*v) <= 1e-9*math.Max(1, math.Abs(f))
}

func (w truth) label() string { return strings.Join(w.labels, "/") }

func (w truth) hasLabel(l string) bool {
	for _, x := range w.labels {
		if x == l {
			return true
		}
	}
	return false
}

// readTruth reads a truth file: one quantity a line, tab-separated columns
// clause, written, value, unit, qualifier, redacted, labels (a/b), kind;
// lines starting with # are comments.
func readTruth(t testing.TB, path string) []truth {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []truth
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 7 {
			t.Fatalf("%s:%d: %d columns, want 7 or 8", path, n, len(c))
		}
		w := truth{line: n, clause: c[0], written: c[1], value: c[2], unit: c[3], qualifier: c[4],
			redacted: c[5] == "true", labels: strings.Split(c[6], "/")}
		if len(c) > 7 {
			w.kind = c[7]
		}
		out = append(out, w)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// buildDoc runs a text file through the import pipeline.
func buildDoc(t testing.TB, path string) *report.Doc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := outline.Import(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
