package indicator

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	flagpkg "flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/synth"
	"github.com/govreport/govreport/internal/testcorpus"
)

// The golden files record what the pipeline makes of every input the
// repository holds, so that work on speed can show it changed no result:
// the findings of outline.Import (typo.Normalize and typo.Check among
// them), the figures of Extract, and the same for the site's path
// (markdown.Parse, outline.Review, Extract) on synthetic reports. They were
// made before the speed work began; regenerate them only for a change
// meant to alter results:
//
//	go test ./internal/indicator -run TestGolden -update
var update = flagpkg.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenSynth is how many synthetic reports the golden file records.
const goldenSynth = 300

// TestGoldenInputs: for the seed, every quirks case, the .docx files and
// sources/*.txt, the findings of Import and the figures of Extract are
// those recorded, in full, in testdata/golden/inputs.txt.
func TestGoldenInputs(t *testing.T) {
	inputs, err := testcorpus.Inputs()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(testcorpus.Root(), "sources", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs["sources/"+filepath.Base(f)] = data
	}
	var got bytes.Buffer
	for _, name := range sortedKeys(inputs) {
		fmt.Fprintf(&got, "== %s\n", name)
		got.WriteString(importRecord(name, inputs[name]))
	}
	compareGolden(t, "inputs.txt", got.String())
}

// TestGoldenSynth: for synthetic reports made by internal/synth from every
// bundled report, the findings of Review and the figures of Extract, read as the site reads
// them, hash as recorded in testdata/golden/synth.tsv.
func TestGoldenSynth(t *testing.T) {
	if testing.Short() {
		t.Skip("300 synthetic reports")
	}
	dir := filepath.Join(t.TempDir(), "p")
	if err := synth.ProjectOf(testcorpus.Root(), dir, goldenSynth, 10, nil); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "content", "reports", "*", "index.md"))
	slices.Sort(paths)
	if len(paths) != goldenSynth {
		t.Fatalf("%d reports, want %d", len(paths), goldenSynth)
	}
	var got bytes.Buffer
	got.WriteString("report\tfindings\tfigures\tsha256\n")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := markdown.Parse(p, data)
		if err != nil {
			t.Fatal(err)
		}
		fs := outline.Review(doc)
		ins := Extract(doc)
		rec := findingLines(fs) + indicatorLines(ins) + string(markdown.Write(doc))
		fmt.Fprintf(&got, "%s\t%d\t%d\t%x\n", filepath.Base(filepath.Dir(p)), len(fs), len(ins), sha256.Sum256([]byte(rec)))
	}
	compareGolden(t, "synth.tsv", got.String())
}

// importRecord is what the golden file records of one input: its
// findings and figures, or the error that refused it, and the hash of
// the Markdown written of it and of the findings of Review on that
// Markdown read back.
func importRecord(name string, data []byte) string {
	doc, fs, err := outline.Import(name, data)
	if err != nil {
		return "error " + err.Error() + "\n"
	}
	rec := findingLines(fs) + indicatorLines(Extract(doc))
	md := markdown.Write(doc)
	back, err := markdown.Parse(name+".md", md)
	if err != nil {
		return rec + "markdown error " + err.Error() + "\n"
	}
	review := findingLines(outline.Review(back)) + indicatorLines(Extract(back))
	return rec + fmt.Sprintf("markdown %x\nreview %x\n", sha256.Sum256(md), sha256.Sum256([]byte(review)))
}

func findingLines(fs []report.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "finding %d %s %s %s\n", f.Line, f.Level, f.Code, f.Message)
	}
	return b.String()
}

func indicatorLines(ins []Indicator) string {
	var b strings.Builder
	for _, in := range ins {
		j, err := json.Marshal(in)
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(&b, "figure %s\n", j)
	}
	return b.String()
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// compareGolden compares got with testdata/golden/name, or writes it there
// with -update, and reports the first line that differs.
func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got == string(want) {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	section := ""
	for i := range max(len(g), len(w)) {
		gl, wl := lineOf(g, i), lineOf(w, i)
		if strings.HasPrefix(wl, "== ") {
			section = wl
		}
		if gl != wl {
			t.Fatalf("%s differs at line %d (%s):\n got: %s\nwant: %s", path, i+1, section, gl, wl)
		}
	}
}

func lineOf(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end)"
}
