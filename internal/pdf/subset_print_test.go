package pdf_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unicode"

	"github.com/govreport/govreport/internal/pdf"
)

// TestLongReportSize: a report of more than 900 distinct characters prints
// to a PDF of a few hundred KB whose font programs are subsets, not the
// font files (Debian's Chromium embeds uming.ttc whole, 21 MB, past about
// 900 glyphs: see subset.go).
func TestLongReportSize(t *testing.T) {
	file := printed(t, longSlug)
	distinct := map[rune]bool{}
	for _, r := range reportDoc(t, longSlug).Text() {
		if !unicode.IsSpace(r) {
			distinct[r] = true
		}
	}
	if len(distinct) <= 900 {
		t.Fatalf("%s has %d distinct characters: too few to test the subsetting past 900", longSlug, len(distinct))
	}
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s.pdf: %d bytes, %d distinct characters", longSlug, st.Size(), len(distinct))
	if st.Size() > maxLongSize {
		t.Errorf("%s.pdf is %d bytes, over %d", longSlug, st.Size(), maxLongSize)
	}
	programs := fontPrograms(t, file)
	if len(programs) == 0 {
		t.Fatal("no embedded font program (FontFile2)")
	}
	for obj, n := range programs {
		if n > maxFontProgram {
			t.Errorf("font program %s: /Length1 %d, over %d: not a subset", obj, n, maxFontProgram)
		}
	}
	checkFonts(t, file)
}

// fontPrograms returns the /Length1 of each stream that has one (the
// FontFile2 streams), by object, read with qpdf.
func fontPrograms(t *testing.T, file string) map[string]int {
	var v struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(tool(t, nil, "qpdf", "--json=2", "--json-key=qpdf", file)), &v); err != nil || len(v.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Stream struct {
			Dict map[string]any `json:"dict"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(v.QPDF[1], &objs); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	out := map[string]int{}
	for name, o := range objs {
		if n, ok := o.Stream.Dict["/Length1"].(float64); ok {
			out[name] = int(n)
		}
	}
	return out
}

// TestSubsetRendersSame: the long report's pages render (pdftoppm) to the
// same pixels with the fonts subset as with the fonts Chromium embedded,
// and give the same text.
func TestSubsetRendersSame(t *testing.T) {
	printed(t, longSlug) // Chromium is there
	p, err := pdf.NewPrinter("")
	if errors.Is(err, pdf.ErrNoChromium) {
		unavailable(t, "%v", err)
	} else if err != nil {
		t.Fatal(err)
	}
	raw, err := p.Print(context.Background(), pdf.PrintPage(pub, longSlug))
	p.Close()
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(pdf.PrintPage(pub, longSlug))
	if err != nil {
		t.Fatal(err)
	}
	info, err := pdf.PageInfo("print.html", page)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{}
	for name, finish := range map[string]func([]byte, pdf.Info) ([]byte, error){"whole": pdf.FinishWhole, "subset": pdf.Finish} {
		if files[name], err = finish(raw, info); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), files[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("fonts as Chromium embedded them: %d bytes; subset: %d bytes", len(files["whole"]), len(files["subset"]))
	whole, subset := filepath.Join(dir, "whole.pdf"), filepath.Join(dir, "subset.pdf")
	if a, b := tool(t, nil, "pdftotext", "-enc", "UTF-8", whole, "-"), tool(t, nil, "pdftotext", "-enc", "UTF-8", subset, "-"); a != b {
		t.Errorf("the text differs %s", firstDiff(a, b))
	}
	n, err := strconv.Atoi(fields(tool(t, nil, "pdfinfo", subset))["Pages"])
	if err != nil {
		t.Fatal(err)
	}
	for _, pg := range []int{1, (n + 1) / 2, n} {
		a, b := render(t, whole, pg), render(t, subset, pg)
		if !bytes.Equal(a, b) {
			t.Errorf("page %d renders differently with the subset fonts", pg)
		}
	}
}

// render draws page pg of a PDF in grey at 50 dpi (PGM).
func render(t *testing.T, file string, pg int) []byte {
	s := strconv.Itoa(pg)
	return []byte(tool(t, nil, "pdftoppm", "-r", "50", "-gray", "-f", s, "-l", s, file))
}
