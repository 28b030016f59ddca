package typo_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/synth"
	"github.com/govreport/govreport/internal/testcorpus"
	"github.com/govreport/govreport/internal/typo"
)

// TestCheckOracleSynth: on every text outline.Check gives typo.Check in 300
// synthetic reports (internal/synth, copies of every bundled report), read
// as the site reads them, Check finds what the old implementation found.
func TestCheckOracleSynth(t *testing.T) {
	if testing.Short() {
		t.Skip("300 synthetic reports")
	}
	dir := filepath.Join(t.TempDir(), "p")
	if err := synth.ProjectOf(testcorpus.Root(), dir, 300, 10, nil); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "content", "reports", "*", "index.md"))
	n := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := markdown.Parse(p, data)
		if err != nil {
			t.Fatal(err)
		}
		outline.Tidy(doc)
		texts := []string{doc.Meta.Title, doc.Meta.Subtitle, doc.Meta.Speaker}
		for _, b := range doc.Blocks {
			texts = append(texts, b.Content())
		}
		for _, s := range texts {
			if got, want := typo.Check(s), typo.OldCheck(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: Check(%q)\n got %+v\nwant %+v", p, s, got, want)
			}
			n++
		}
	}
	if len(paths) != 300 || n < 300*50 {
		t.Errorf("%d reports, %d texts compared", len(paths), n)
	}
}
