package bag

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/testcorpus"
)

// syntheticProject writes n report folders shaped like a built project's
// (sizes as the seed report's build gives them: page 29 KB, print version
// 16 KB, Markdown 15 KB, indicators CSV 15 KB and JSON 24 KB, data 32 KB,
// source 14 KB), their text taken from the seed report so that it
// compresses as real text does. pdf adds a 250 KB incompressible stand-in
// for each report's PDF.
func syntheticProject(b *testing.B, n int, pdf bool) (string, int64) {
	b.Helper()
	seed, err := os.ReadFile(filepath.Join(testcorpus.Root(), "sources", testcorpus.SeedSource))
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(size int, wrap func(i int, line string) string) []byte {
		var s strings.Builder
		for i := 0; s.Len() < size; i++ {
			s.WriteString(wrap(i, lines[rng.IntN(len(lines))]))
		}
		return []byte(s.String()[:size])
	}
	para := func(i int, l string) string { return fmt.Sprintf("<p id=\"s%d-p%d\">%s</p>\n", i/7+1, i%7+1, l) }
	plain := func(_ int, l string) string { return l + "\n" }
	row := func(i int, l string) string {
		r := []rune(l)
		return fmt.Sprintf("s%d-p%d,%q,%d.%d,万元,actual\n", i/7+1, i%7+1, string(r[:min(len(r), 8)]), rng.IntN(10000), rng.IntN(100))
	}
	jsonRow := func(i int, l string) string {
		r := []rune(l)
		return fmt.Sprintf("{\"anchor\":\"s%d-p%d\",\"label\":%q,\"value\":%d.%d,\"unit\":\"亿元\"},\n", i/7+1, i%7+1, string(r[:min(len(r), 8)]), rng.IntN(10000), rng.IntN(100))
	}
	dir := b.TempDir()
	var total int64
	put := func(name string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(data))
	}
	for i := range n {
		slug := fmt.Sprintf("%d-town-%04d", 2000+i%25, i)
		put("public/reports/"+slug+".html", text(29<<10, para))
		put("public/reports/"+slug+"/print.html", text(16<<10, para))
		put("public/reports/"+slug+"/index.md", text(15<<10, plain))
		put("public/reports/"+slug+"/indicators.csv", text(15<<10, row))
		put("public/reports/"+slug+"/indicators.json", text(24<<10, jsonRow))
		put("data/indicators/"+slug+".json", text(32<<10, jsonRow))
		put("content/reports/"+slug+"/index.md", text(15<<10, plain))
		put("sources/"+slug+"政府工作报告.txt", text(14<<10, plain))
		if pdf {
			blob := make([]byte, 250<<10)
			for j := range blob {
				blob[j] = byte(rng.Uint32())
			}
			put("public/reports/"+slug+"/"+slug+".pdf", blob)
		}
	}
	put("public/index.html", text(3<<10, para))
	return dir, total
}

// BenchmarkArchive bags 1,000 synthetic reports into a zip file: time per
// archive, payload MB/s, and the zip's size.
func BenchmarkArchive(b *testing.B) {
	for _, c := range []struct {
		name string
		pdf  bool
	}{{"1000-reports", false}, {"1000-reports-with-pdf", true}} {
		b.Run(c.name, func(b *testing.B) {
			dir, total := syntheticProject(b, 1000, c.pdf)
			out := filepath.Join(b.TempDir(), "archive.zip")
			b.SetBytes(total)
			b.ResetTimer()
			var sum Summary
			for b.Loop() {
				p := &Payload{}
				for _, part := range parts {
					if err := p.AddDir(filepath.Join(dir, part), part); err != nil {
						b.Fatal(err)
					}
				}
				var err error
				if sum, err = WriteFile(out, p, testOptions()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(sum.Files), "files")
			b.ReportMetric(float64(sum.Bytes)/1e6, "payload-MB")
			b.ReportMetric(float64(sum.Size)/1e6, "zip-MB")
		})
	}
}

// BenchmarkVerify checks the zip of 1,000 synthetic reports.
func BenchmarkVerify(b *testing.B) {
	dir, total := syntheticProject(b, 1000, false)
	p := &Payload{}
	for _, part := range parts {
		if err := p.AddDir(filepath.Join(dir, part), part); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(b.TempDir(), "archive.zip")
	if _, err := WriteFile(out, p, testOptions()); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		res, err := Verify(out)
		if err != nil || !res.OK() {
			b.Fatal(res, err)
		}
	}
}
